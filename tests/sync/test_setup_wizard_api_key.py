"""设置 → 设置向导… against a plain third-party Open311 server: no enrolment, the administrator's
api_key, the laptop's number typed by the team leader; then the first sync delivers a case."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton, QWizard  # noqa: E402
from shiboken6 import isValid  # noqa: E402

from desktop.leader_gate import PinDialog  # noqa: E402
from desktop.setup_wizard import SetupWizard  # noqa: E402
from reception import street_settings  # noqa: E402
from reception.storage import repository as repo  # noqa: E402
from reception_support import TEST_PIN  # noqa: E402
from sync import credentials  # noqa: E402
from sync.setup import SERVER_SETTING, device_id, remembered_profile  # noqa: E402
from sync_support import case_raw  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)

TRACKING = "https://georeport.baoan.gov.cn/t/"


def _with_pin(window, qtbot, action_name: str) -> None:
    window.findChild(QAction, action_name).trigger()
    pin_dialog = window.findChild(PinDialog)
    qtbot.waitUntil(lambda: pin_dialog.isVisible())
    qtbot.keyClicks(pin_dialog.pin_edit, TEST_PIN)
    qtbot.keyClick(pin_dialog.pin_edit, Qt.Key.Key_Return)


def _enrol_page(window, qtbot):
    _with_pin(window, qtbot, "setupWizardAction")
    qtbot.waitUntil(lambda: window.findChild(SetupWizard) is not None and window.findChild(SetupWizard).isVisible())
    wizard = window.findChild(SetupWizard)
    qtbot.waitUntil(lambda: not wizard.currentPage().is_busy())
    community = wizard.currentPage().findChild(QComboBox, "setupCommunity")
    community.setFocus()
    qtbot.keyClick(community, Qt.Key.Key_Down)  # the first community of the street's list
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage().objectName() == "enrolPage")
    return wizard, wizard.currentPage()


def _type_then_tab(qtbot, text: str, then: str) -> None:
    """Type into the field that has the keyboard, Tab on, and check where the keyboard went."""
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == then


def _next_and_wait(wizard, page, qtbot) -> str:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)
    problem = page.findChild(QLabel, "enrolPageProblem")
    return problem.text() if problem.isVisible() else ""


def test_the_leader_connects_to_a_plain_open311_server_with_its_api_key_then_syncs(
        desk_window, qtbot, plain, no_keyring):
    window, services = desk_window
    desk = services.desk
    wizard, page = _enrol_page(window, qtbot)
    choice = page.findChild(QRadioButton, "enrolApiKey")
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton)
    assert choice.isChecked()
    assert not page.findChild(QLineEdit, "setupEnrolmentCode").isEnabled()
    # No enrolment tells this server's tracking page: the note says to ask for it.
    assert "平台管理员" in page.findChild(QLabel, "setupTrackingNote").text()

    page.findChild(QLineEdit, "setupServer").setFocus()
    _type_then_tab(qtbot, plain.root, "setupApiKey")  # the enrolment code's field is skipped
    _type_then_tab(qtbot, "not-the-key", "setupPrefix")
    _type_then_tab(qtbot, "w3k", "setupTrackingUrl")
    qtbot.keyClicks(QApplication.focusWidget(), TRACKING)

    # A wrong key: the server's own words, the field named, nothing kept, still on the page.
    said = _next_and_wait(wizard, page, qtbot)
    assert said.startswith("平台不接受这个「api_key」（平台的回答：HTTP 403：Invalid api_key.）")
    assert "Traceback" not in said
    assert wizard.currentPage() is page
    assert credentials.load_token(desk.db, plain.root, device_id(desk)) is None
    assert repo.get_setting(desk.db, SERVER_SETTING) is None
    assert desk.prefix_is_provisional and desk.device_prefix != "W3K"
    assert street_settings.load(desk.db, desk.form.street).base_url != TRACKING
    assert plain.rows() == []  # trying the key created nothing on the server

    key = page.findChild(QLineEdit, "setupApiKey")
    key.setFocus()
    key.selectAll()
    qtbot.keyClick(key, Qt.Key.Key_Delete)
    qtbot.keyClicks(key, plain.API_KEY)
    assert _next_and_wait(wizard, page, qtbot) == ""
    qtbot.waitUntil(lambda: wizard.currentPage().objectName() == "printerPage")
    qtbot.waitUntil(lambda: not wizard.currentPage().is_busy())
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(wizard) or not wizard.isVisible())
    qtbot.waitUntil(lambda: "W3K" in window.prefix_label.text())

    # Kept as `sync --api-key` keeps it: no keyring here, so in the encrypted database.
    assert credentials.load_token(desk.db, plain.root, device_id(desk)) == plain.API_KEY
    assert remembered_profile(desk).name == "georeport" and remembered_profile(desk).auth == "api_key"
    assert desk.device_prefix == "W3K" and not desk.prefix_is_provisional
    assert street_settings.load(desk.db, desk.form.street).base_url == TRACKING

    # The first sync, from the Sync dialog with the server the wizard remembered.
    case = desk.record_case(case_raw())
    assert case.tracking_code.startswith("W3K")
    _with_pin(window, qtbot, "syncAction")
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None and window.sync_dialog.isVisible())
    dialog = window.sync_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QLineEdit, "syncServer").text() == plain.root)
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncStart"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已同步 1 条" in dialog.summary.text(), timeout=30_000)
    [row] = plain.rows()
    assert case.tracking_code in row["description"]
    assert desk.case(case.id).is_synced
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncClose"), Qt.MouseButton.LeftButton)

    # Gone through again: the page shows what the laptop has (never the key).
    wizard, page = _enrol_page(window, qtbot)
    qtbot.waitUntil(lambda: page.findChild(QLineEdit, "setupServer").text() == plain.root)
    assert page.findChild(QRadioButton, "enrolApiKey").isChecked()
    assert page.findChild(QLineEdit, "setupServer").text() == plain.root
    assert page.findChild(QLineEdit, "setupPrefix").text() == "W3K"
    assert page.findChild(QLineEdit, "setupTrackingUrl").text() == TRACKING
    assert page.findChild(QLineEdit, "setupApiKey").text() == ""
    wizard.reject()


def test_the_wizard_says_what_is_wrong_with_the_server_before_anything_is_kept(
        desk_window, qtbot, plain, platform, no_keyring):
    window, services = desk_window
    desk = services.desk
    wizard, page = _enrol_page(window, qtbot)
    server = page.findChild(QLineEdit, "setupServer")

    def attempt(address: str, prefix: str = "W3K") -> str:
        for name, text in (("setupServer", address), ("setupApiKey", plain.API_KEY), ("setupPrefix", prefix)):
            edit = page.findChild(QLineEdit, name)
            edit.setFocus()
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Delete)
            qtbot.keyClicks(edit, text)
        return _next_and_wait(wizard, page, qtbot)

    # The enrolment code's choice with a server that has no enrolment: sent to the api_key's.
    from sync.enrolment_codes import new_code

    for name, text in (("setupServer", plain.root), ("setupEnrolmentCode", new_code())):
        page.findChild(QLineEdit, name).setFocus()
        qtbot.keyClicks(page.findChild(QLineEdit, name), text)
    said = _next_and_wait(wizard, page, qtbot)
    assert said.startswith("这个平台没有设备登记，不用登记码：请选「其他 Open311 平台」")
    qtbot.mouseClick(page.findChild(QRadioButton, "enrolApiKey"), Qt.MouseButton.LeftButton)
    # The laptop's number is checked before the network: a plain server assigns none.
    assert attempt(plain.root, "IO1").startswith("「本机编号」")
    # Not an Open311 server under that address (our platform's root on the plain server).
    wrong_root = plain.root.replace("/api/georeport/v2/", "/open311/v2/")
    said = attempt(wrong_root)
    assert said.startswith(f"「平台地址」{wrong_root} 下没有 Open311 服务目录")
    # Nobody listening there.
    plain.kill()
    assert attempt(plain.root).startswith("连不上「平台地址」上的平台")
    # The street's own platform enrols laptops: the leader is sent to the enrolment code.
    assert "请选「街道的心安平台」" in attempt(platform.url)
    assert server.isEnabled() and wizard.currentPage() is page
    assert repo.get_setting(desk.db, SERVER_SETTING) is None
    assert desk.prefix_is_provisional


def test_in_english_the_refusal_is_english_and_names_the_field(desk_window, qtbot, plain, no_keyring):
    from desktop.i18n import switch_language

    window, services = desk_window
    wizard, page = _enrol_page(window, qtbot)
    switch_language("en")
    try:
        qtbot.mouseClick(page.findChild(QRadioButton, "enrolApiKey"), Qt.MouseButton.LeftButton)
        for name, text in (("setupServer", plain.root), ("setupApiKey", "not-the-key"), ("setupPrefix", "W3K")):
            page.findChild(QLineEdit, name).setFocus()
            qtbot.keyClicks(page.findChild(QLineEdit, name), text)
        said = _next_and_wait(wizard, page, qtbot)
        assert said.startswith("The server does not accept this “api_key” (its answer: HTTP 403：Invalid api_key.)")
        assert credentials.load_token(services.desk.db, plain.root, device_id(services.desk)) is None
    finally:
        switch_language("zh_CN")


def test_a_server_that_shows_petitions_to_anyone_is_agreed_to_before_it_is_kept(
        desk_window, qtbot, plain, no_keyring):
    import plain_open311
    from test_sync_dialog import _answer_message_box

    from sync.setup import privacy_accepted

    other = plain_open311.Store(plain.data_dir)  # another street's request, readable by anyone
    other.create({"service_code": "ENV03", "description": "路灯不亮", "lat": "22.5", "long": "113.8"})
    other.close()
    window, services = desk_window
    desk = services.desk
    wizard, page = _enrol_page(window, qtbot)
    qtbot.mouseClick(page.findChild(QRadioButton, "enrolApiKey"), Qt.MouseButton.LeftButton)
    for name, text in (("setupServer", plain.root), ("setupApiKey", plain.API_KEY), ("setupPrefix", "W3K")):
        page.findChild(QLineEdit, name).setFocus()
        qtbot.keyClicks(page.findChild(QLineEdit, name), text)
    # Not now: nothing kept, and the page says why.
    _answer_message_box(qtbot, "setupPublicWarning", "先不连接")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    problem = page.findChild(QLabel, "enrolPageProblem")
    qtbot.waitUntil(lambda: problem.text().startswith("没有保存：请先和街道确认"))
    assert credentials.load_token(desk.db, plain.root, device_id(desk)) is None
    # The street agrees: the key is kept and the wizard moves on.
    _answer_message_box(qtbot, "setupPublicWarning", "街道同意，继续")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage().objectName() == "printerPage", timeout=30_000)
    assert credentials.load_token(desk.db, plain.root, device_id(desk)) == plain.API_KEY
    assert privacy_accepted(desk, plain.root)
    assert desk.device_prefix == "W3K"
