"""设置 → 设置向导… on a running desk: the team leader enrols the laptop with the platform."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWizard  # noqa: E402
from shiboken6 import isValid  # noqa: E402

from desktop.leader_gate import PinDialog  # noqa: E402
from desktop.setup_wizard import SetupWizard  # noqa: E402
from reception import device_setup  # noqa: E402
from reception_support import TEST_PIN  # noqa: E402
from sync import credentials, enrolment_codes  # noqa: E402
from sync.setup import device_id  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def test_the_team_leader_enrols_the_laptop_from_the_setup_wizard(desk_window, qtbot, platform, memory_keyring):
    window, services = desk_window
    _, code = platform.store.add_device("新安七号", "R7T")
    action = window.findChild(QAction, "setupWizardAction")
    assert action in window.menus["settings"].actions()
    action.trigger()
    pin_dialog = window.findChild(PinDialog)
    qtbot.keyClicks(pin_dialog.pin_edit, TEST_PIN)
    qtbot.keyClick(pin_dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(SetupWizard) is not None and window.findChild(SetupWizard).isVisible())
    wizard = window.findChild(SetupWizard)
    # The PIN is already set and the passphrase stays: only what may change is asked again.
    assert [wizard.page(i).objectName() for i in wizard.pageIds()] == ["streetPage", "enrolPage", "printerPage"]

    qtbot.waitUntil(lambda: not wizard.currentPage().is_busy())  # what is stored, read on the worker
    community = wizard.currentPage().findChild(QComboBox, "setupCommunity")
    community.setFocus()
    qtbot.keyClick(community, Qt.Key.Key_Down)  # the first community of the street's list
    assert community.currentText() == services.loaded_form.form.communities[0]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.currentPage().objectName() == "enrolPage")
    page = wizard.currentPage()
    qtbot.keyClicks(page.findChild(QLineEdit, "setupServer"), platform.url)
    code_edit = page.findChild(QLineEdit, "setupEnrolmentCode")
    # A typo is caught on the laptop, before the code is spent.
    typo = ("1" if code[0] != "1" else "2") + code[1:]
    qtbot.keyClicks(code_edit, typo)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    problem = page.findChild(QLabel, "enrolPageProblem")
    qtbot.waitUntil(lambda: not page.is_busy())
    assert problem.isVisible() and "校验位不符" in problem.text()
    # A well-formed code the platform never made: the platform's own words, and what to do.
    code_edit.clear()
    qtbot.keyClicks(code_edit, enrolment_codes.new_code())
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert problem.isVisible()
    assert problem.text().startswith("平台不接受这个登记码：HTTP 403：登记码无效或已经用过：请向街道索取新的登记码")
    assert "以后再登记" in problem.text()
    assert wizard.currentPage() is page
    code_edit.clear()
    qtbot.keyClicks(code_edit, code)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.currentPage().objectName() == "printerPage")
    qtbot.waitUntil(lambda: not wizard.currentPage().is_busy())
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    # The page saves on the worker, then the wizard closes (and, WA_DeleteOnClose, goes).
    qtbot.waitUntil(lambda: not isValid(wizard) or not wizard.isVisible())
    qtbot.waitUntil(lambda: "R7T" in window.prefix_label.text())

    desk = services.desk
    assert desk.device_prefix == "R7T" and not desk.prefix_is_provisional
    tokens = [(user, token) for (service, user), token in memory_keyring.passwords.items()
              if service == credentials.SERVICE]
    assert len(tokens) == 1 and tokens[0][0].startswith(device_id(desk)) and tokens[0][1]
    assert device_setup.is_done(desk.db)
    assert device_setup.community(desk.db) == services.loaded_form.form.communities[0]
