"""The team leader's Sync dialog, driven as a person does: Ctrl+Shift+S, type, press the buttons."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QPushButton  # noqa: E402

from desktop.leader_gate import PinDialog  # noqa: E402
from reception_support import TEST_PIN  # noqa: E402
from sync_fault_proxy import Fault  # noqa: E402
from sync_support import case_raw, photo  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def _open_dialog(window, qtbot):
    action = window.findChild(type(window.menus["session"].actions()[0]), "syncAction")
    assert action is not None and action in window.main_toolbar.actions()
    action.trigger()
    # Syncing is the team leader's: the PIN first.
    pin_dialog = window.findChild(PinDialog)
    assert pin_dialog is not None and pin_dialog.isVisible()
    qtbot.keyClicks(pin_dialog.pin_edit, TEST_PIN)
    qtbot.keyClick(pin_dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None and window.sync_dialog.isVisible())
    return window.sync_dialog


def test_the_team_leader_enrols_and_syncs_from_the_dialog(desk_window, qtbot, platform, proxy, memory_keyring, tmp_path):
    window, services = desk_window
    desk = services.desk
    cases = [desk.record_case(case_raw(photos=[photo(5000)])) for _ in range(3)]
    _, code = platform.store.add_device("新安五号", "Q5R")
    proxy.plan(Fault("drop_after_commit", "POST /open311/v2/requests.json"), Fault("portal", "/media/"))

    dialog = _open_dialog(window, qtbot)
    qtbot.waitUntil(lambda: "待同步 3 条" in dialog.summary.text())
    assert dialog.progress.text() == "0 / 3 条", "the bar counts the cases waiting, not percent"
    server = dialog.findChild(QLineEdit, "syncServer")
    qtbot.keyClicks(server, proxy.url)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncEnrolmentCode"), code)
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已同步 3 条" in dialog.summary.text(), timeout=30_000)
    assert dialog.progress.text() == "3 / 3 条"

    assert dialog.table.rowCount() == 3
    shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(3)}
    assert shown == {desk.case(c.id).tracking_code: "已同步" for c in cases}
    assert platform.store.count_requests() == 3
    assert desk.device_prefix == "Q5R"  # the platform assigned this laptop its prefix
    assert all(desk.case(c.id).is_synced for c in cases)
    window.sync_dialog.grab().save(str(tmp_path / "sync_dialog.png"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncClose"), Qt.MouseButton.LeftButton)


def test_a_refused_token_is_explained_in_the_dialog(desk_window, qtbot, platform, memory_keyring):
    window, services = desk_window
    services.desk.record_case(case_raw())
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncServer"), platform.url)
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "没有同步" in dialog.summary.text(), timeout=30_000)
    assert "登记码" in dialog.summary.text()
    assert services.desk.pending_sync_count() == 1


def _answer_message_box(qtbot, name: str, button_text: str) -> None:
    """Press a button of the message box the dialog is about to open (it runs its own loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
                [button] = [b for b in widget.buttons() if b.text() == button_text]
                button.click()
                return
        QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)


def test_a_plain_server_with_public_descriptions_is_confirmed_first(desk_window, qtbot, plain, memory_keyring):
    import plain_open311

    window, services = desk_window
    other = plain_open311.Store(plain.data_dir)  # another street's request, readable by anyone
    other.create({"service_code": "ENV03", "description": "路灯不亮", "lat": "22.5", "long": "113.8"})
    other.close()
    case = services.desk.record_case(case_raw())
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncServer"), plain.root)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncApiKey"), plain.API_KEY)
    _answer_message_box(qtbot, "syncPublicWarning", "街道同意，开始同步")
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已同步 1 条" in dialog.summary.text(), timeout=30_000)
    assert services.desk.case(case.id).is_synced
    assert len(plain.rows()) == 2


def test_the_leader_answers_a_case_to_be_checked_in_the_dialog(desk_window, qtbot, private_plain, no_keyring):
    from sync_fault_proxy import FaultProxy

    window, services = desk_window
    desk = services.desk
    proxy = FaultProxy(private_plain.port).start()
    try:
        desk.record_case(case_raw())
        dialog = _open_dialog(window, qtbot)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "syncServer"), proxy.url + "api/georeport/v2/")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "syncApiKey"), private_plain.API_KEY)
        qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已同步 1 条" in dialog.summary.text(), timeout=30_000)
        case = desk.record_case(case_raw())
        proxy.plan(Fault("drop_after_commit", "POST /api/georeport/v2/requests.json"))
        qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "待核实 1 条" in dialog.summary.text(), timeout=30_000)
        code = desk.case(case.id).tracking_code
        [row] = [r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == code]
        assert dialog.table.item(row, 1).text() == "待核实"
        not_there = dialog.findChild(QPushButton, "syncNotThere")
        assert not not_there.isEnabled()
        dialog.table.selectRow(row)
        assert not_there.isEnabled()
        # The leader looked on the server's pages: the proxy dropped only the answer, so it is
        # there; this leader says so with its number.
        number = str(1000 + private_plain.rows()[-1]["id"])
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QInputDialog

        def type_number() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QInputDialog) and widget.isVisible():
                    widget.setTextValue(number)
                    widget.accept()
                    return
            QTimer.singleShot(50, type_number)

        QTimer.singleShot(50, type_number)
        qtbot.mouseClick(dialog.findChild(QPushButton, "syncItIsThere"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.table.item(row, 1).text() == "已核实", timeout=10_000)
        qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已同步 1 条" in dialog.summary.text() and not dialog._running, timeout=30_000)
        assert desk.case(case.id).is_synced and len(private_plain.rows()) == 2
    finally:
        proxy.stop()


def test_a_void_the_platform_refused_is_sent_again_from_the_dialog_by_the_team_leader(
        desk_window, qtbot, platform, proxy, memory_keyring, tmp_path):
    from sqlalchemy import text

    window, services = desk_window
    desk = services.desk
    case = desk.record_case(case_raw())
    first, code = platform.store.add_device("新安五号", "Q5R")
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncServer"), proxy.url)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncEnrolmentCode"), code)
    start = dialog.findChild(QPushButton, "syncStart")
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已同步 1 条" in dialog.summary.text(), timeout=30_000)
    request_id = platform.store.list_requests()[0]["service_request_id"]
    # The laptop is enrolled again (its old enrolment revoked); the case voided since is then not
    # this laptop's as far as the platform knows: refused with a 404.
    assert platform.store.revoke_device(first)
    second, code = platform.store.add_device("新安五号", "Q5R")
    desk.void_case(case.id, "登记错了人")
    resend = dialog.findChild(QPushButton, "syncResendVoid")
    assert not resend.isVisible()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "syncEnrolmentCode"), code)
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "搁置 1 条" in dialog.summary.text(), timeout=30_000)
    qtbot.waitUntil(resend.isVisible)
    assert "不会再自动重发" in dialog.table.item(0, 2).text()
    qtbot.waitUntil(lambda: "被平台拒绝的作废 1 条不会自动重发" in dialog.summary.text())
    _the_case_dialog_says_the_void_is_held(window, qtbot, desk, case.id)
    assert not resend.isEnabled(), "a row is chosen first"
    dialog.table.selectRow(0)
    assert resend.isEnabled()

    # The platform's staff give the case to the new enrolment; the leader sends the void again.
    with platform.store.transaction() as conn:
        conn.execute(text("UPDATE requests SET device = :device WHERE service_request_id = :id"),
                     {"device": second, "id": request_id})
    qtbot.mouseClick(resend, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.item(0, 1).text() == "待发送")
    assert not resend.isEnabled()
    dialog.grab().save(str(tmp_path / "sync_dialog_resend_void.png"))
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已同步 1 条" in dialog.summary.text(), timeout=30_000)
    assert platform.store.get_request(request_id)["status"] == "voided"
    assert desk.pending_sync_count() == 0
    qtbot.waitUntil(lambda: not resend.isVisible())


def _the_case_dialog_says_the_void_is_held(window, qtbot, desk, case_id):
    """Opened from 查找诉求, the case says its void is kept and waits for the leader, in the desk's language."""
    from PySide6.QtWidgets import QApplication

    from desktop.return_visits_ui import CaseLoopDialog
    from reception import return_visits

    shown = CaseLoopDialog(desk.case(case_id), return_visits.case_loop(desk, case_id), window.operations.submit, "",
                           window)
    qtbot.addWidget(shown)
    try:
        assert "平台没有接受这条作废：本机保留着它" in shown.progress.text()
        assert "没有编号为" in shown.progress.toolTip()  # the platform's own words
        window.display_menu.language_actions["en"].trigger()
        QApplication.processEvents()
        assert "The platform refused this void: it is kept here" in shown.progress.text()
        assert shown.progress.toolTip().startswith("The platform said: ")
    finally:
        window.display_menu.language_actions["zh_CN"].trigger()
        QApplication.processEvents()
        shown.close()
