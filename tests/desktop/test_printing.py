"""Printing slips through Qt's print system to a real CUPS queue (cups-pdf), and what a failure does.

Each test prints to its own queue, writing to its own folder, so that tests (and engineers) never
read each other's PDFs. The queues declare 203 dpi, as a thermal printer's driver does; each
arriving PDF is rasterised at 203 dpi in 1 bit and its QR code decoded with zbar, so the test
proves what a phone would read off the printed slip.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
import subprocess
import time
from pathlib import Path

import pytest
from desktop_driving import Volunteer, fresh_desk, set_leader_pin
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from slip_tools import (
    assert_whole_dot_modules,
    cups_test_printer,
    decode_qr,
    embedded_images,
    pdf_page_sizes_mm,
    pdf_text,
    rasterise,
    wait_for_pdf,
)

from desktop import cups, print_path, slip_raster
from desktop.printing import render_preview
from desktop.qt_print import QtSpooler
from reception import street_settings
from reception.slips.printing import SlipPrinter, SpoolerStatus
from reception.slips.service import SlipService
from reception.tracking_codes import parse
from reception_support import TEST_PIN

NO_CODE = "—"

# Slips as an enrolled laptop prints them: with the tracking page's address, so with a QR code.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("tracking_base")]


def queue_name(request, suffix: str = "") -> str:
    """A CUPS queue of this test's own: short, and the same on every run of the test."""
    digest = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:10]
    return f"xinan-t-{digest}{suffix}"


@pytest.fixture
def queue(request) -> tuple[str, Path]:
    """This test's cups-pdf queue, enabled, and its output folder, emptied."""
    name = queue_name(request)
    folder = cups_test_printer(name)
    for old in folder.glob("*"):
        old.unlink()
    return name, folder


def slip_printer(data_dir: Path, wait_seconds: float = 30) -> SlipPrinter:
    """The desk's print path: Qt's print support, CUPS's job states."""
    return print_path.slip_printer(data_dir, wait_seconds)


def job_name(code: str, copy: int) -> str:
    return f"xinan-slip-{parse(code).compact}-{copy}_"


def case_url(data_dir: Path, case_id: str) -> str:
    with fresh_desk(data_dir) as desk:
        return SlipService(desk).case_url(desk.case(case_id))


@pytest.fixture
def recorded(data_dir: Path, desk_app):
    """One case recorded on the data directory, as another program would see it."""
    with fresh_desk(data_dir) as desk:
        case = desk.record_case(desk.template())
        return case


def snapshot(data_dir: Path, case_id: str):
    with fresh_desk(data_dir) as desk:
        return desk.case(case_id), desk.pending_sync_count()


# --- the print path without a window ------------------------------------------------------------

@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_a_slip_printed_through_qt_arrives_as_one_page_whose_qr_decodes_to_the_case_url(
    queue, data_dir, recorded, paper
):
    name, folder = queue
    started = time.time()
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir).print_case(desk, recorded.id, paper, name)
        log = SlipService(desk).print_log(recorded.id)
    assert outcome.printed and outcome.confirmed, outcome.message
    assert "已打印" in outcome.message and name in outcome.message
    assert outcome.job_id.startswith(f"{name}-")
    arrived = wait_for_pdf(folder, job_name(recorded.tracking_code, 1), started)
    assert len(pdf_page_sizes_mm(arrived)) == 1
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, recorded.id)]
    assert [(e["paper"], e["printer"], e["copy_number"], e["status"], e["detail"]) for e in log] == [
        (paper, name, 1, "printed", outcome.job_id)
    ]


@pytest.mark.parametrize("paper", ["80mm", "58mm"])
def test_a_roll_page_is_as_long_as_the_slip_and_its_qr_modules_fall_on_whole_dots(
    queue, data_dir, recorded, paper
):
    name, folder = queue
    started = time.time()
    with fresh_desk(data_dir) as desk:
        expected = SlipService(desk).prepare(recorded.id, paper).rendered  # the page to be printed
        outcome = slip_printer(data_dir).print_case(desk, recorded.id, paper, name)
    assert outcome.printed, outcome.message
    arrived = wait_for_pdf(folder, job_name(recorded.tracking_code, 1), started)
    [(width, height)] = pdf_page_sizes_mm(arrived)  # one page: no page break through the QR
    assert width == pytest.approx(expected.width_pt * 25.4 / 72, abs=1)
    assert height == pytest.approx(expected.height_pt * 25.4 / 72, abs=1)
    # Drawn at the queue's 203 dpi, one picture of the whole page, handed on untouched by CUPS:
    # every module of the symbol the printer gets is whole dots, and the QR decodes from it.
    [(picture, x_ppi, y_ppi)] = embedded_images(arrived)
    assert (x_ppi, y_ppi) == (203, 203)
    left, top, module = slip_raster.qr_box(expected, 203)
    assert module == expected.qr.module_dots
    assert_whole_dot_modules(picture, left, top, module, expected.qr.matrix.modules)
    assert decode_qr(picture) == [case_url(data_dir, recorded.id)]
    # No blank tail: below the last line only the slip's tear-off margin.
    from PIL import Image

    with Image.open(rasterise(arrived)) as page:
        ink_bottom = Image.eval(page.convert("L"), lambda v: 255 - v).getbbox()[3]
        assert 8 < (page.height - ink_bottom) / 203 * 25.4 < 16


def test_cups_keeps_no_spool_copy_of_a_printed_slip(queue, data_dir, recorded):
    name, folder = queue
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir).print_case(desk, recorded.id, "80mm", name)
    assert outcome.confirmed, outcome.message
    number = int(outcome.job_id.rsplit("-", 1)[1])
    spool = Path("/var/spool/cups") / f"d{number:05d}-001"
    deadline = time.monotonic() + 10
    while spool.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not spool.exists(), "CUPS kept the printed slip's spool file (PreserveJobFiles)"


def test_where_the_system_cannot_report_jobs_the_slip_is_sent_and_reprint_is_offered(
    queue, data_dir, recorded
):
    """The Windows spooler's case: Qt prints, nobody says whether paper came out."""
    name, folder = queue
    started = time.time()
    spooler = QtSpooler()
    with fresh_desk(data_dir) as desk:
        outcome = SlipPrinter(data_dir, spooler, SpoolerStatus(spooler)).print_case(desk, recorded.id, "58mm", name)
    assert outcome.printed and not outcome.confirmed
    assert "已发送到打印机" in outcome.message and "Ctrl+P 补打" in outcome.message
    arrived = wait_for_pdf(folder, job_name(recorded.tracking_code, 1), started)
    # Drawn at the resolution Qt reports for the printer (on Windows, the driver's own); here
    # that is Qt's 1200 dpi for CUPS, so the picture is at 600 dpi, each dot two of the printer's.
    [(picture, x_ppi, _y)] = embedded_images(arrived)
    assert x_ppi == 600
    assert decode_qr(picture) == [case_url(data_dir, recorded.id)]


def test_the_spoolers_own_list_refuses_a_missing_or_stopped_printer(request, data_dir, recorded):
    stopped_queue = queue_name(request, "-stopped")
    cups_test_printer(stopped_queue)
    subprocess.run(["cupsdisable", stopped_queue], check=True)
    spooler = QtSpooler()
    printer = SlipPrinter(data_dir, spooler, SpoolerStatus(spooler))
    with fresh_desk(data_dir) as desk:
        missing = printer.print_case(desk, recorded.id, "80mm", "no-such-printer")
        stopped = printer.print_case(desk, recorded.id, "80mm", stopped_queue)
    assert not missing.printed and "找不到打印机「no-such-printer」" in missing.message
    assert not stopped.printed and f"打印机「{stopped_queue}」已停止" in stopped.message


def test_the_printer_list_is_the_systems_with_cups_reasons(request, desk_app):
    paused = queue_name(request, "-paused")
    cups_test_printer(paused)
    subprocess.run(["cupsdisable", "-r", "Paused", paused], check=True)
    listed = {p.name: p for p in print_path.slip_printer(Path(".")).printers()}
    from PySide6.QtPrintSupport import QPrinterInfo

    assert set(listed) == set(QPrinterInfo.availablePrinterNames())
    assert (listed[paused].ready, listed[paused].reason) == (False, "已暂停")


def _assert_failed_cleanly(outcome, data_dir: Path, case_before, pending_before, words: str) -> None:
    assert not outcome.printed
    assert words in outcome.message
    assert "凭条已保存为 PDF" in outcome.message and "诉求已保存，不受影响" in outcome.message
    # The PDF is in the data directory's slips folder, named by the code, and it scans.
    assert outcome.saved_pdf == data_dir / "slips" / f"{case_before.tracking_code}-80mm.pdf"
    assert decode_qr(rasterise(outcome.saved_pdf)) == [case_url(data_dir, case_before.id)]
    # The case is exactly as it was.
    assert snapshot(data_dir, case_before.id) == (case_before, pending_before)
    with fresh_desk(data_dir) as desk:
        log = SlipService(desk).print_log(case_before.id)
    assert [(e["copy_number"], e["status"]) for e in log] == [(1, "failed")]
    assert log[0]["detail"] and "张" not in log[0]["detail"]


def test_no_such_printer_saves_the_pdf_and_leaves_the_case_alone(data_dir, recorded):
    before, pending = snapshot(data_dir, recorded.id)
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir).print_case(desk, recorded.id, "80mm", "no-such-printer")
    _assert_failed_cleanly(outcome, data_dir, before, pending, "找不到打印机「no-such-printer」")


def test_a_paused_printer_is_named_and_gets_no_job(request, data_dir, recorded):
    queue = queue_name(request)
    cups_test_printer(queue)
    subprocess.run(["cupsdisable", "-r", "Paused", queue], check=True)
    before, pending = snapshot(data_dir, recorded.id)
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir).print_case(desk, recorded.id, "80mm", queue)
    _assert_failed_cleanly(outcome, data_dir, before, pending, f"打印机「{queue}」已停止（已暂停）")
    queued = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True).stdout
    assert queued.strip() == "", "nothing may be left to print later as a surprise duplicate"


def test_a_printer_refusing_jobs_is_explained(request, data_dir, recorded):
    queue = queue_name(request)
    cups_test_printer(queue)
    subprocess.run(["cupsreject", queue], check=True)
    before, pending = snapshot(data_dir, recorded.id)
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir).print_case(desk, recorded.id, "80mm", queue)
    _assert_failed_cleanly(outcome, data_dir, before, pending, f"打印机「{queue}」暂不接受打印任务")


def test_a_jam_while_printing_is_reported_and_the_job_cancelled(request, data_dir, recorded):
    queue = queue_name(request)
    cups_test_printer(queue, jams=True)
    before, pending = snapshot(data_dir, recorded.id)
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir, wait_seconds=30).print_case(desk, recorded.id, "80mm", queue)
    _assert_failed_cleanly(outcome, data_dir, before, pending, f"打印机「{queue}」打印时出错停止了（卡纸）")
    queued = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True).stdout
    assert queued.strip() == ""


def test_an_unplugged_printer_is_reported_and_the_waiting_job_cancelled(request, data_dir, recorded):
    queue = queue_name(request)
    cups_test_printer(queue, offline=True)
    before, pending = snapshot(data_dir, recorded.id)
    with fresh_desk(data_dir) as desk:
        outcome = slip_printer(data_dir, wait_seconds=30).print_case(desk, recorded.id, "80mm", queue)
    _assert_failed_cleanly(outcome, data_dir, before, pending, f"打印机「{queue}」未连接")
    queued = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True).stdout
    assert queued.strip() == "", "a slip left waiting would come out when the printer is back"


def test_the_cups_status_reads_the_drivers_resolution(queue):
    name, _folder = queue
    assert cups.CupsStatus().resolution(name) == 203


def test_the_preview_image_is_the_slip_drawn(data_dir, recorded, desk_app):
    with fresh_desk(data_dir) as desk:
        slip = SlipService(desk).prepare(recorded.id, "58mm")
    image = render_preview(slip.rendered.pdf, dpi=100)
    assert abs(image.width() - 58 / 25.4 * 100) <= 1
    assert not image.isNull()
    # Dark pixels exist (the code and the QR), on a white page.
    assert image.pixelColor(0, 0).lightness() == 255
    assert any(image.pixelColor(x, y).lightness() < 50 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))


# --- the desk window ----------------------------------------------------------------------------

def print_actions(window, data_dir: Path):
    """The print actions the composition root installed on the window, waiting longer than the
    desk's 3 s for CUPS to report a job printed (a loaded CI machine is slower than a printer)."""
    window.print_actions.slip_printer.wait_seconds = 30
    return window.print_actions


def test_the_window_has_print_and_preview_actions_with_their_shortcuts(window):
    actions = window.print_actions
    assert actions.print_action.shortcut().toString() == "Ctrl+P"
    assert actions.preview_action.shortcut().toString() == "Ctrl+Shift+P"
    assert actions.print_action in window.menus["case"].actions()
    assert actions.print_action in window.main_toolbar.actions()
    assert actions.preview_action in window.menus["case"].actions()


def type_a_case(window, volunteer, qtbot) -> str:
    """A volunteer records a case with the keyboard and Ctrl+Enter; returns its code."""
    form = window.form
    volunteer.pick_category(window, "dc")
    volunteer.tab()
    volunteer.type("地铁C出口共享单车乱停放，挡住盲道")
    volunteer.tab()
    volunteer.tab()
    volunteer.type("张先生")
    volunteer.tab()
    volunteer.type("13812345678")
    volunteer.tab()
    volunteer.type("海旺社区")
    volunteer.tab()
    volunteer.type("宝城12区地铁C出口")
    volunteer.tab(2)
    volunteer.press(Qt.Key.Key_2)  # outcome: 转平台办理
    volunteer.tab(2)
    volunteer.type("李明")
    assert form.values()["receptionist"] == "李明"
    volunteer.give_consent()
    volunteer.save()
    qtbot.waitUntil(lambda: window.saved_panel.shown_code() != NO_CODE, timeout=15_000)
    return window.saved_panel.shown_code()


def set_settings(data_dir: Path, **values: str) -> None:
    with fresh_desk(data_dir) as desk:
        street_settings.save(desk.db, values)


def test_save_with_ctrl_enter_then_ctrl_p_prints_silently_to_the_configured_printer(
    queue, data_dir, make_window, volunteer, qtbot
):
    name, folder = queue
    started = time.time()
    set_settings(data_dir, printer=name, default_paper="80mm")
    window = make_window()
    actions = print_actions(window, data_dir)
    code = type_a_case(window, volunteer, qtbot)

    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    outcome = printed.args[0]
    assert outcome.printed, outcome.message
    assert outcome.tracking_code == code
    assert code in window.statusBar().currentMessage() and "已打印" in window.statusBar().currentMessage()
    arrived = wait_for_pdf(folder, job_name(code, 1), started)
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, window.last_saved_case_id)]


def test_automatic_printing_after_save_needs_only_ctrl_enter(queue, data_dir, make_window, volunteer, qtbot):
    name, folder = queue
    started = time.time()
    set_settings(data_dir, printer=name, default_paper="58mm", auto_print="是")
    window = make_window()
    actions = print_actions(window, data_dir)
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        code = type_a_case(window, volunteer, qtbot)
    assert printed.args[0].printed and printed.args[0].paper == "58mm"
    arrived = wait_for_pdf(folder, job_name(code, 1), started)
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, window.last_saved_case_id)]


def test_the_preview_of_a_slip_without_a_tracking_address_says_why_it_has_no_qr(
    data_dir, make_window, volunteer, qtbot
):
    with fresh_desk(data_dir) as desk:  # a laptop not enrolled yet, its tracking page unknown
        street_settings.save(desk.db, {"base_url": ""})
    window = make_window()
    actions = print_actions(window, data_dir)
    code = type_a_case(window, volunteer, qtbot)
    volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.slip is not None, timeout=15_000)
    dialog = actions.dialog
    assert dialog.slip.rendered.qr is None
    assert code in dialog.status.text() and "这张凭条没有二维码" in dialog.status.text()
    assert "街道与打印设置" in dialog.status.text()
    dialog.close()


def test_without_a_printer_ctrl_p_opens_the_preview_where_printer_and_paper_are_chosen(
    queue, data_dir, make_window, volunteer, qtbot
):
    name, folder = queue
    started = time.time()
    window = make_window()
    actions = print_actions(window, data_dir)
    code = type_a_case(window, volunteer, qtbot)
    volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible(), timeout=15_000)
    dialog = actions.dialog
    qtbot.waitUntil(lambda: dialog.image.pixmap() is not None and not dialog.image.pixmap().isNull(),
                    timeout=15_000)
    assert code in dialog.status.text() and "二维码" not in dialog.status.text()
    assert dialog.printer_choice.findData(name) >= 0

    dialog.paper_choice.setFocus()
    dialog.paper_choice.setCurrentIndex(dialog.paper_choice.findData("a4"))
    qtbot.waitUntil(lambda: dialog.slip is not None and dialog.slip.paper == "a4", timeout=15_000)
    dialog.printer_choice.setCurrentIndex(dialog.printer_choice.findData(name))
    assert dialog.remember.isChecked()
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].printed and printed.args[0].paper == "a4"
    qtbot.waitUntil(lambda: actions.dialog is None or not actions.dialog.isVisible(), timeout=15_000)
    arrived = wait_for_pdf(folder, job_name(code, 1), started)
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, window.last_saved_case_id)]
    # Remembered: the next Ctrl+P goes straight to that printer, as a reprint on A4.
    with fresh_desk(data_dir) as desk:
        settings = street_settings.load(desk.db)
    assert (settings.printer, settings.default_paper) == (name, "a4")
    with qtbot.waitSignal(actions.finished, timeout=30_000) as again:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert again.args[0].copy_number == 2
    reprint = wait_for_pdf(folder, job_name(code, 2), started)
    assert decode_qr(rasterise(reprint)) == [case_url(data_dir, window.last_saved_case_id)]


def test_a_print_failure_in_the_window_says_what_to_do_and_where_the_pdf_is(
    data_dir, make_window, volunteer, qtbot
):
    set_settings(data_dir, printer="no-such-printer")
    window = make_window()
    actions = print_actions(window, data_dir)
    code = type_a_case(window, volunteer, qtbot)
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not printed.args[0].printed
    shown = window.error_bar.text()
    assert "找不到打印机「no-such-printer」" in shown
    assert str(data_dir / "slips" / f"{code}-80mm.pdf") in shown
    assert (data_dir / "slips" / f"{code}-80mm.pdf").is_file()
    assert code in pdf_text(data_dir / "slips" / f"{code}-80mm.pdf")


def test_ctrl_p_with_nothing_saved_or_selected_asks_for_a_case(data_dir, make_window, volunteer, qtbot):
    window = make_window()
    print_actions(window, data_dir)
    volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "请先保存一条诉求" in window.error_bar.text(), timeout=15_000)
    assert QApplication.activeModalWidget() is None


# --- the team leader's settings -----------------------------------------------------------------

def open_settings_dialog(window, qtbot):
    set_leader_pin(window.services.data_dir)
    window.print_actions.settings_action.trigger()
    Volunteer(qtbot).type_pin(TEST_PIN)  # the street's settings are the team leader's
    qtbot.waitUntil(lambda: window.print_actions.settings_dialog is not None
                    and window.print_actions.settings_dialog.isVisible(), timeout=15_000)
    return window.print_actions.settings_dialog


def test_the_team_leader_sets_the_hotline_and_printer_in_the_settings_dialog(
    queue, data_dir, window, volunteer, qtbot
):
    name, folder = queue
    assert window.print_actions.settings_action in window.menus["settings"].actions()
    dialog = open_settings_dialog(window, qtbot)
    assert QApplication.focusWidget() is dialog.hotline
    assert dialog.hotline.text() == "" and dialog.street.text() == "新安街道"
    volunteer.type("0755-27891234")
    dialog.printer.setCurrentIndex(dialog.printer.findData(name))
    dialog.auto_print.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.print_actions.settings_dialog is None, timeout=15_000)  # saved, closed
    with fresh_desk(data_dir) as desk:
        settings = street_settings.load(desk.db)
    assert (settings.hotline, settings.printer, settings.auto_print) == ("0755-27891234", name, True)


def test_a_bad_hotline_is_shown_under_its_field_and_nothing_is_saved(data_dir, window, volunteer, qtbot,
                                                                    tracking_base):
    dialog = open_settings_dialog(window, qtbot)
    volunteer.type("call us")
    dialog.footer.setText("长" * 31)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["hotline"].isVisible(), timeout=15_000)
    assert "应为电话号码" in dialog.errors["hotline"].text()
    assert "最多 30 个字" in dialog.errors["footer"].text()
    assert dialog.isVisible() and dialog.hotline.text() == "call us"  # nothing typed is lost
    with fresh_desk(data_dir) as desk:
        assert street_settings.load(desk.db) == replace(street_settings.defaults("新安街道"), base_url=tracking_base)


# --- the system's print dialog and the wizard's test slip ---------------------------------------

def test_the_preview_opens_the_systems_print_dialog_and_prints_with_its_choice(
    queue, data_dir, make_window, volunteer, qtbot, tmp_path
):
    name, folder = queue
    started = time.time()
    window = make_window()
    actions = print_actions(window, data_dir)
    code = type_a_case(window, volunteer, qtbot)
    volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.slip is not None, timeout=15_000)
    dialog = actions.dialog
    dialog.printer_choice.setCurrentIndex(dialog.printer_choice.findData(name))
    qtbot.mouseClick(dialog.system_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.system_dialog is not None and dialog.system_dialog.isVisible(),
                    timeout=15_000)
    system = dialog.system_dialog
    assert system.printer().printerName() == name  # the system's dialog, on the chosen printer
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        system.accept()
    assert printed.args[0].printed and printed.args[0].printer == name
    # The system's dialog settles on the driver's paper (cups-pdf's PPD: A4), and the slip follows.
    assert printed.args[0].paper == "a4"
    arrived = wait_for_pdf(folder, job_name(code, 1), started)
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, window.last_saved_case_id)]


def open_wizards_printer_page(window, data_dir: Path, qtbot):
    """The setup wizard opened at its printer page over the window's services, once the stored
    settings are shown."""
    from desktop.setup_wizard import SetupWizard, run_on_worker

    services = window.services
    wizard = SetupWizard(data_dir, services.loaded_form, lambda *_: services, services,
                         run_db=run_on_worker(window.operations))
    qtbot.addWidget(wizard)
    page_id = next(i for i in wizard.pageIds() if wizard.page(i).objectName() == "printerPage")
    wizard.setStartId(page_id)
    wizard.show()
    page = wizard.page(page_id)
    page.slip_printer.wait_seconds = 30  # see print_actions
    qtbot.waitUntil(lambda: wizard.currentId() == page_id, timeout=15_000)
    qtbot.waitUntil(lambda: window.operations.pending == 0, timeout=15_000)  # the stored settings shown
    return page


def test_the_wizards_printer_page_lists_the_systems_printers_and_prints_a_test_slip(
    queue, data_dir, window, qtbot, tracking_base
):
    from PySide6.QtPrintSupport import QPrinterInfo

    name, folder = queue
    started = time.time()
    page = open_wizards_printer_page(window, data_dir, qtbot)
    listed = {page.printer.itemData(i) for i in range(1, page.printer.count())}
    assert listed >= set(QPrinterInfo.availablePrinterNames()) and name in listed
    page.printer.setCurrentIndex(page.printer.findData(name))
    page.paper.setCurrentIndex(page.paper.findData("58mm"))
    qtbot.mouseClick(page.test_print, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)  # a print waits up to 3 s for CUPS
    assert "测试凭条已打印" in page.test_result.text() and name in page.test_result.text()
    arrived = wait_for_pdf(folder, "xinan-test-slip", started)
    [(width, _height)] = pdf_page_sizes_mm(arrived)
    assert width == pytest.approx(58, abs=0.5)
    assert decode_qr(rasterise(arrived)) == [tracking_base.upper()]
    with fresh_desk(data_dir) as desk:  # a test slip is nobody's copy
        assert desk.db.execute("select count(*) from print_log").fetchone()[0] == 0
    # A printer that is not there: said under the button, nothing printed.
    page.printer.addItem("no-such-printer", "no-such-printer")
    page.printer.setCurrentIndex(page.printer.findData("no-such-printer"))
    qtbot.mouseClick(page.test_print, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)  # a print waits up to 3 s for CUPS
    assert "找不到打印机「no-such-printer」" in page.test_result.text()
    page.wizard().close()


# --- 补打 at hand ---------------------------------------------------------------------------------

def test_where_the_system_cannot_confirm_the_window_says_sent_and_offers_a_reprint(
    queue, data_dir, make_window, volunteer, qtbot
):
    """The Windows spooler's case, in the window: 已发送到打印机, and 补打 one click away."""
    name, folder = queue
    started = time.time()
    set_settings(data_dir, printer=name, default_paper="80mm")
    window = make_window()
    actions = print_actions(window, data_dir)
    spooler = QtSpooler()
    actions.slip_printer = SlipPrinter(data_dir, spooler, SpoolerStatus(spooler))
    code = type_a_case(window, volunteer, qtbot)
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args[0].printed and not printed.args[0].confirmed
    assert "已发送到打印机" in window.statusBar().currentMessage()
    assert actions.reprint_button.isVisible() and actions.reprint_button.text() == f"补打 {code}"
    with qtbot.waitSignal(actions.finished, timeout=30_000) as again:
        qtbot.mouseClick(actions.reprint_button, Qt.MouseButton.LeftButton)
    assert again.args[0].copy_number == 2 and again.args[0].printer == name
    for copy in (1, 2):  # at Qt's own resolution for the queue: decoded from the picture sent
        [(picture, _x, _y)] = embedded_images(wait_for_pdf(folder, job_name(code, copy), started))
        assert decode_qr(picture) == [case_url(data_dir, window.last_saved_case_id)]


def test_after_a_failed_print_the_reprint_button_prints_once_the_printer_is_back(
    queue, data_dir, make_window, volunteer, qtbot
):
    name, folder = queue
    started = time.time()
    subprocess.run(["cupsdisable", "-r", "Paused", name], check=True)
    set_settings(data_dir, printer=name, default_paper="58mm")
    window = make_window()
    actions = print_actions(window, data_dir)
    code = type_a_case(window, volunteer, qtbot)
    with qtbot.waitSignal(actions.finished, timeout=30_000) as failed:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not failed.args[0].printed and "已暂停" in window.error_bar.text()
    assert actions.reprint_button.isVisible()
    subprocess.run(["cupsenable", name], check=True)  # the volunteer un-pauses the printer
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        qtbot.mouseClick(actions.reprint_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].confirmed and printed.args[0].paper == "58mm"
    assert not actions.reprint_button.isVisible()
    # The failed attempt was no copy handed out: the slip that printed is the first.
    arrived = wait_for_pdf(folder, job_name(code, 1), started)
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, window.last_saved_case_id)]
