"""Screenshots of the desk for the docs: ``make screenshots`` (in Xvfb at 1366×768 with openbox's
title bar and room left for a taskbar, as on the stall's laptop; ``python -m desktop.screenshots
docs`` alone takes them offscreen, without a window manager).

Builds the window through the composition root on a temporary data directory holding a session
and a few realistic cases (with older ones, so the list shows every traffic light), opens it as
the desk does (maximised) and saves: docs/main-window.png, docs/filled-form.png,
docs/saved-code.png and docs/editing-case.png; then the same window in English (english.png), in
night mode (night-mode.png) and with text at 200 % (large-text-200.png, in English
large-text-200-en.png, tonight's list in its tab large-text-200-list.png), a case's dialog at 200 %
(case-progress-200.png, case-progress-200-en.png), and the first-run
setup wizard on a fresh laptop (setup-wizard.png, in English and 繁體中文 setup-wizard-en.png and
setup-wizard-zh-TW.png, setup-wizard-enrol.png, at 200 % text on the screen setup-wizard-enrol-200.png and
setup-wizard-enrol-200-en.png, with another Open311 server's api_key
setup-wizard-api-key.png and setup-wizard-api-key-en.png); and the street settings refusing wrong values in
English and 繁體中文 (street-settings-refused-en.png, street-settings-refused-zh-TW.png).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw  # noqa: E402
from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from composition.services import open_services  # noqa: E402
from desktop.application import configure, new_application  # noqa: E402
from desktop.wiring import build_window  # noqa: E402
from reception.privacy.keyfile import KdfCost  # noqa: E402
from reception import clock  # noqa: E402
from reception.desk import ReceptionDesk  # noqa: E402
from reception.storage.writing import writing



def _grab(app, widget, path: Path) -> Path:
    """Save a PNG of the widget once every pending layout pass has run (thumbnails, scroll areas)."""
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshot: could not write {path}")
    return path

def _grab_on_screen(app, window, path: Path) -> Path:
    """The window as the volunteer sees it: on an X display with a window manager
    (``make screenshots`` runs under Xvfb and openbox at 1366×768), its title bar included;
    on the offscreen platform, the window alone."""
    if QGuiApplication.platformName() == "offscreen":
        return _grab(app, window, path)
    for _ in range(10):
        app.processEvents()
        time.sleep(0.03)
    frame = window.frameGeometry()
    picture = window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if not picture.save(str(path)):
        raise SystemExit(f"screenshot: could not write {path}")
    return path


def wait_for(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("screenshot: the window did not reach the expected state in time")
        app.processEvents()
        time.sleep(0.01)


def seed_night(desk: ReceptionDesk) -> None:
    """A Wednesday night at 新安广场: a session opened three hours ago and six cases."""
    real_now = desk.now
    start = real_now() - timedelta(hours=3)

    def at(minutes: float) -> None:
        desk.now = lambda: start + timedelta(minutes=minutes)

    desk.set_device_prefix("K7Q")
    at(0)
    desk.open_session(
        date=clock.local(start).date().isoformat(), venue="新安广场", community="海旺社区",
        team=[{"name": "陈志强", "role": "街道干部"}, {"name": "林小红", "role": "社区党委书记"},
              {"name": "王建国", "role": "人大代表"}, {"name": "李明", "role": "志愿者"},
              {"name": "赵晓雯", "role": "志愿者"}],
    )
    for _ in range(23):
        desk.count_visitor()
    for _ in range(7):
        desk.count_household_visit()
    base = {"anonymous": False, "consent": True, "community": "海旺社区", "receptionist": "李明", "photos": [],
            "outcome_note": "", "address": ""}
    cases = [
        (10, {"category": "CTY01", "description": "地铁C出口共享单车乱停放，挡住盲道，老人推车过不去",
              "resident_name": "张先生", "phone": "13812345678", "address": "宝城12区地铁C出口",
              "urgency": "一般", "outcome": "转平台办理"}),
        (25, {"category": "NOI01", "description": "晚上九点后广场舞音响太大声，影响孩子写作业",
              "resident_name": "刘阿姨", "phone": "13923456789", "urgency": "一般",
              "outcome": "解释说明", "outcome_note": "已说明晚九点后限音的规定，将联系舞队负责人"}),
        (30, {"category": "ENV03", "description": "楼道里蟑螂很多，希望统一消杀",
              "anonymous": True, "urgency": "一般", "outcome": "当场解决",
              "outcome_note": "社区工作站电话预约了下周一统一消杀"}),
        (40, {"category": "ENV06", "description": "小区门口下水道堵塞，污水漫到人行道上",
              "resident_name": "黄先生", "phone": "075527781234", "urgency": "特急",
              "outcome": "转平台办理"}),
        (75, {"category": "ENV02", "description": "菜市场后面垃圾堆了三天没人清，气味很大，招苍蝇",
              "resident_name": "周女士", "phone": "13700001111", "urgency": "特急",
               "outcome": "转平台办理"}),
        (130, {"category": "FAC04", "description": "公园篮球场篮筐坏了两个月没人修",
               "resident_name": "小吴", "phone": "15899990000", "urgency": "一般",
               "outcome": "转平台办理"}),
    ]
    recorded = []
    for minutes, values in cases:
        at(minutes)
        recorded.append(desk.record_case({**base, **values}))
    at(150)
    desk.void_case(recorded[-1].id, "重复登记：与前一位居民反映的是同一件事")
    desk.now = real_now


def _fill_form(window, photo: Path) -> None:
    window.form.load({
        "category": "TRF02" if window.definition.taxonomy.find("TRF02") else "CTY03",
        "description": "宝民路口红绿灯时间太短，老人过马路走不到一半就变红灯，希望延长行人绿灯",
        "anonymous": False,
        "consent": True,
        "resident_name": "陈伯",
        "phone": "138 2233 4455",
        "community": "海旺社区",
        "address": "宝民路与新安四路交叉口",
        "urgency": "紧急",
        "outcome": "转平台办理",
        "outcome_note": "",
        "receptionist": "李明",
        "photos": [str(photo)],
    })


def _sample_photo(folder: Path) -> Path:
    path = folder / "路口.jpg"
    image = Image.new("RGB", (1200, 900), "#6a8caf")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 520, 1200, 900), fill="#4a4a4a")
    for x in range(80, 1200, 160):
        draw.rectangle((x, 690, x + 90, 720), fill="#f0f0f0")
    draw.rectangle((900, 150, 960, 520), fill="#303030")
    draw.ellipse((890, 160, 970, 240), fill="#ff3b30")
    image.save(path, "JPEG", quality=85)
    return path


def take(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    # Fusion made with the application, as the desk does: re-made under an open wizard, Qt crashed.
    app = QApplication.instance() or new_application([sys.argv[0]])
    configure(app)
    with tempfile.TemporaryDirectory(prefix="xinan-shots-") as tmp:
        data_dir = Path(tmp) / "data"
        # A throwaway directory: any passphrase, a cheap KDF (the keyfile goes with it).
        services = open_services(data_dir, "screenshots only", kdf_cost=KdfCost(n=2**10))
        seed_night(services.desk)
        window = build_window(services)
        window.show_on_screen()
        wait_for(app, lambda: window.is_ready)
        window.cases_view.selectRow(1)
        written = []

        def grab(name: str) -> None:
            written.append(_grab_on_screen(app, window, out_dir / name))

        grab("main-window.png")
        _fill_form(window, _sample_photo(Path(tmp)))
        window.form.focus_field("description")
        grab("filled-form.png")
        saved_before = window.last_saved_case_id
        window.save()
        wait_for(app, lambda: window.last_saved_case_id not in (None, saved_before) and not window.operations.pending)
        grab("saved-code.png")
        window.cases_view.selectRow(2)
        window.edit_selected()
        wait_for(app, lambda: window.editing_case_id is not None)
        grab("editing-case.png")
        window.cancel_edit()
        window.cases_view.selectRow(1)

        menu = window.display_menu
        menu.language_actions["en"].trigger()
        grab("english.png")
        menu.language_actions["zh_CN"].trigger()
        menu.night_action.trigger()
        grab("night-mode.png")
        menu.night_action.trigger()
        menu.scale_actions[200].trigger()
        window.form.focus_field("description")
        grab("large-text-200.png")
        menu.language_actions["en"].trigger()
        window.form.focus_field("category")
        grab("large-text-200-en.png")
        menu.language_actions["zh_CN"].trigger()
        window.focus_list()
        grab("large-text-200-list.png")
        menu.scale_actions[100].trigger()
        window.new_case()
        written += _return_visits(app, window, services.desk, out_dir)
        written += _street_settings_refusals(app, window, services.desk, out_dir)
        window.close()
        services.close()
        written += _setup_wizard(app, Path(tmp) / "new-laptop", out_dir)
    return written


def _street_settings_refusals(app: QApplication, window, desk: ReceptionDesk, out_dir: Path) -> list[Path]:
    """设置 → 街道与打印设置 with three wrong values refused under their fields, in English and
    繁體中文 (street-settings-refused-en.png, street-settings-refused-zh-TW.png)."""
    from desktop.street_settings_dialog import StreetSettingsDialog
    from reception import street_settings
    from reception.errors import ValidationFailed

    wait_for(app, lambda: not window.operations.pending)
    written = []
    for language, name in (("en", "street-settings-refused-en.png"), ("zh_TW", "street-settings-refused-zh-TW.png")):
        window.display_menu.language_actions[language].trigger()
        dialog = StreetSettingsDialog(street_settings.load(desk.db, window.definition.street), window)
        dialog.hotline.setText("call us")
        dialog.base_url.setText("ftp://xinan.example/t/")
        dialog.footer.setText("心安夜话 · 件件有回音、事事有着落，欢迎下周三再来广场找我们")
        try:
            street_settings.save(desk.db, dialog.values())  # refused as a whole: nothing is stored
        except ValidationFailed as failure:
            dialog.show_errors(failure.errors)
        dialog.show()
        written.append(_grab(app, dialog, out_dir / name))
        dialog.reject()
        dialog.deleteLater()
    window.display_menu.language_actions["zh_CN"].trigger()
    return written


def _return_visits(app: QApplication, window, desk: ReceptionDesk, out_dir: Path) -> list[Path]:
    """A resident back at the stall: 查找诉求 by the phone's last digits, then the case opened
    with the platform's progress and a return visit (find-case.png, case-progress.png, and the
    case in English, case-progress-en.png; at 200 % text on the screen, case-progress-200.png
    and case-progress-200-en.png)."""
    from reception import return_visits
    from reception.storage import repository as repo

    wait_for(app, lambda: not window.operations.pending)
    case = next(c for c in desk.recent_cases() if c.resident_name == "张先生")
    done = desk.now()
    with writing(desk.db):
        repo.mark_case_synced(desk.db, case.id, clock.to_text(done), "closed")
        repo.set_platform_status(desk.db, case.id, "closed", clock.to_text(done), True)
        return_visits.store_progress(desk.db, case.id, {
            "status": "closed", "department": case.department, "due_at": clock.to_text(case.close_by),
            "light": "办结绿", "notes": "已联系共享单车企业清运，C出口盲道已清空，并加装了停放围栏",
            "visits": [{"at": clock.to_text(done), "caller": "街道信访办 赵干事", "reached": True,
                        "rating": "基本满意", "words": "清了，希望以后有人常来看看"}],
            "ratings": [{"at": clock.to_text(done), "rating": "基本满意", "words": "", "source": "visit"}],
        }, clock.to_text(done))
    actions = window.return_visits
    actions.open_find()
    actions.find_dialog.query.setText("5678")
    actions.find_dialog.search()
    wait_for(app, lambda: bool(actions.find_dialog.hits))
    written = [_grab(app, actions.find_dialog, out_dir / "find-case.png")]
    actions.find_dialog.open_selected()
    wait_for(app, lambda: actions.case_dialog is not None and actions.case_dialog.isVisible())
    written.append(_grab(app, actions.case_dialog, out_dir / "case-progress.png"))
    window.display_menu.language_actions["en"].trigger()
    written.append(_grab(app, actions.case_dialog, out_dir / "case-progress-en.png"))
    window.display_menu.language_actions["zh_CN"].trigger()
    actions.case_dialog.accept()
    actions.find_dialog.reject()
    # At 200 % text on the stall's screen: what the case says scrolls, its buttons stay in view.
    menu = window.display_menu
    menu.scale_actions[200].trigger()
    actions.open_case(case.id)
    wait_for(app, lambda: actions.case_dialog is not None and actions.case_dialog.isVisible())
    written.append(_grab_on_screen(app, actions.case_dialog, out_dir / "case-progress-200.png"))
    menu.language_actions["en"].trigger()
    written.append(_grab_on_screen(app, actions.case_dialog, out_dir / "case-progress-200-en.png"))
    menu.language_actions["zh_CN"].trigger()
    actions.case_dialog.accept()
    menu.scale_actions[100].trigger()
    return written


def next_wizard_page(app: QApplication, wizard, name: str) -> None:
    """Next in the setup wizard, then wait for the page's work (on the wizard's worker) to move it on
    to the page called ``name`` (also tests/desktop/wizard_layout_probe.py's walk through it)."""
    wizard.next()
    deadline = time.monotonic() + 60
    while wizard.currentPage().objectName() != name:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the setup wizard did not reach {name} ({wizard.currentPage().objectName()})")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _setup_wizard(app: QApplication, data_dir: Path, out_dir: Path) -> list[Path]:
    """The wizard a new laptop opens with: its first page filled in, then the enrolment page."""
    from functools import partial

    from desktop.i18n import switch_language
    from desktop.setup_wizard import SetupWizard
    from forms import load_form

    cheap = partial(open_services, kdf_cost=KdfCost(n=2**10))
    wizard = SetupWizard(data_dir, load_form(data_dir), cheap)
    wizard.show()
    written = []

    def grab(name: str) -> None:
        written.append(_grab(app, wizard, out_dir / name))

    def next_page(name: str) -> None:
        next_wizard_page(app, wizard, name)

    page = wizard.currentPage()
    page.community.setCurrentIndex(page.community.findData("海旺社区"))
    grab("setup-wizard.png")
    # The page in the other languages, its community list too (chosen with its language menu).
    for language, name in (("en", "setup-wizard-en.png"), ("zh_TW", "setup-wizard-zh-TW.png")):
        page.language.setCurrentIndex(page.language.findData(language))
        page.language.activated.emit(page.language.currentIndex())
        app.processEvents()
        grab(name)
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    page.language.activated.emit(page.language.currentIndex())
    next_page("passphrasePage")
    wizard.currentPage().passphrase.setText("screenshots only")
    wizard.currentPage().again.setText("screenshots only")
    next_page("pinPage")
    wizard.currentPage().pin.setText("246813")  # 6–12 digits: a shorter PIN stops the wizard here
    wizard.currentPage().again.setText("246813")
    next_page("enrolPage")
    wizard.currentPage().server.setText("https://xinan.example.gov.cn/")
    wizard.currentPage().code.setFocus()
    grab("setup-wizard-enrol.png")
    # At 200 % text on the stall's screen: the wizard as large as the room allows, the page scrolls,
    # the choices wrap and Back / Next / Cancel stay in view.
    from desktop.widgets import theme

    theme.apply(app, scale=200)
    written.append(_grab_on_screen(app, wizard, out_dir / "setup-wizard-enrol-200.png"))
    switch_language("en")
    written.append(_grab_on_screen(app, wizard, out_dir / "setup-wizard-enrol-200-en.png"))
    switch_language("zh_CN")
    theme.apply(app, scale=100)
    # A street on another Open311 server: its api_key and the laptop number the street assigned.
    page = wizard.currentPage()
    page.open311.setChecked(True)
    page.server.setText("https://georeport.baoan.gov.cn/api/georeport/v2/")
    page.api_key.setText("k3-7f9c1e5b2d")
    page.prefix.setText("W3K")
    page.tracking.setText("https://georeport.baoan.gov.cn/t/")
    page.api_key.setFocus()
    grab("setup-wizard-api-key.png")
    switch_language("en")
    grab("setup-wizard-api-key-en.png")
    switch_language("zh_CN")
    wizard.reject()
    wizard.services.close()
    wizard.deleteLater()
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m desktop.screenshots OUT_DIR")
    for written_path in take(Path(sys.argv[1])):
        print(written_path)
