"""A slip that does not print is explained in the desk's language: the volunteer presses Ctrl+P,
the printer is missing or paused on the laptop's real CUPS (a cups-pdf queue), and the error bar
says why and where the PDF went in 简体中文, 繁體中文 or English. The print log, like the
command line, keeps the Chinese."""

from __future__ import annotations

import subprocess

import pytest
from desktop_driving import fresh_desk
from PySide6.QtCore import Qt
from slip_tools import cups_test_printer
from test_form_languages import choose_language, foreign
from test_printing import open_wizards_printer_page, print_actions, queue, queue_name, set_settings, type_a_case  # noqa: F401 (queue: a fixture)

from reception.slips.service import SlipService

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("tracking_base")]

MISSING = {
    "zh_CN": "凭条没有打印出来。找不到打印机「no-such-printer」：请检查打印机是否连接，或在打印预览里重新选择打印机。\n"
             "凭条已保存为 PDF：{path}（可以稍后打印）。诉求已保存，不受影响。",
    "zh_TW": "憑條沒有列印出來。找不到印表機「no-such-printer」：請檢查印表機是否連接，或在列印預覽裡重新選擇印表機。\n"
             "憑條已儲存為 PDF：{path}（可以稍後列印）。訴求已儲存，不受影響。",
    "en": "The slip did not print. Printer “no-such-printer” not found: check that it is connected, or choose "
          "another printer in the print preview.\nThe slip was saved as a PDF: {path} (it can be printed later). "
          "The petition is saved and not affected.",
}
PAUSED = {
    "zh_CN": "打印机「{queue}」已停止（已暂停）：请检查是否缺纸、卡纸或没开机，恢复打印机后再补打",
    "zh_TW": "印表機「{queue}」已停止（已暫停）：請檢查是否缺紙、卡紙或沒開機，恢復印表機後再補打",
    "en": "Printer “{queue}” has stopped (paused): check for missing or jammed paper and that it is switched on, "
          "resume it, then reprint",
}


def _print_failure(window, volunteer, qtbot) -> str:
    actions = print_actions(window, window.services.data_dir)
    with qtbot.waitSignal(actions.finished, timeout=30_000) as printed:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not printed.args[0].printed
    assert window.error_bar.isVisible()
    return window.error_bar.text()


@pytest.mark.parametrize("language", ["en", "zh_TW", "zh_CN"])
def test_a_missing_printer_is_explained_in_the_desk_s_language(data_dir, make_window, volunteer, qtbot, language):
    set_settings(data_dir, printer="no-such-printer")
    window = make_window()
    code = type_a_case(window, volunteer, qtbot)
    choose_language(window, language)
    shown = _print_failure(window, volunteer, qtbot)
    path = data_dir / "slips" / f"{code}-80mm.pdf"
    assert shown == MISSING[language].format(path=path)
    assert path.is_file()
    assert not foreign(shown.replace(str(path), "").replace("no-such-printer", ""), language)
    with fresh_desk(data_dir) as desk:
        log = SlipService(desk).print_log(window.last_saved_case_id)
    assert log[-1]["detail"].startswith("找不到打印机「no-such-printer」"), "the log keeps the Chinese"


@pytest.mark.parametrize("language", ["en", "zh_TW", "zh_CN"])
def test_a_paused_cups_queue_is_explained_in_the_desk_s_language(
    request, data_dir, make_window, volunteer, qtbot, language
):
    queue = queue_name(request)
    cups_test_printer(queue)
    subprocess.run(["cupsdisable", "-r", "Paused", queue], check=True)
    set_settings(data_dir, printer=queue)
    window = make_window()
    type_a_case(window, volunteer, qtbot)
    choose_language(window, language)
    shown = _print_failure(window, volunteer, qtbot)
    assert PAUSED[language].format(queue=queue) in shown
    first_line = shown.splitlines()[0]
    assert not foreign(first_line.replace(queue, ""), language), first_line
    queued = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True).stdout
    assert queued.strip() == "", "no job waits to come out later"


TEST_SLIP = {
    "zh_CN": ("测试凭条已打印：{queue}，58mm 热敏卷纸。请看二维码能否扫出、纸张长度是否合适",
              "找不到打印机「no-such-printer」：请检查打印机是否连接，或在打印预览里重新选择打印机"),
    "zh_TW": ("測試憑條已列印：{queue}，58mm 熱敏捲紙。請看 QR 碼能否掃出、紙張長度是否合適",
              "找不到印表機「no-such-printer」：請檢查印表機是否連接，或在列印預覽裡重新選擇印表機"),
    "en": ("Test slip printed: {queue}, 58 mm thermal roll. Check that the QR code scans and the paper length is right",
           "Printer “no-such-printer” not found: check that it is connected, or choose another printer in the print "
           "preview"),
}


@pytest.mark.parametrize("language", ["en", "zh_TW", "zh_CN"])
def test_the_wizards_test_slip_is_reported_in_the_desk_s_language(queue, data_dir, window, qtbot, language):
    name, _folder = queue
    choose_language(window, language)
    page = open_wizards_printer_page(window, data_dir, qtbot)
    page.paper.setCurrentIndex(page.paper.findData("58mm"))
    printed, missing = TEST_SLIP[language]
    for printer, said in ((name, printed.format(queue=name)), ("no-such-printer", missing)):
        if page.printer.findData(printer) < 0:
            page.printer.addItem(printer, printer)
        page.printer.setCurrentIndex(page.printer.findData(printer))
        qtbot.mouseClick(page.test_print, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)
        assert page.test_result.text() == said
    page.wizard().close()
