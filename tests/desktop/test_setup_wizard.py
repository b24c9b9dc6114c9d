"""The first-run setup wizard, walked as the street's IT person does: typing, Next, Finish."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from desktop_driving import Volunteer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QRadioButton, QWizard
from reception_support import TEST_KDF_COST

from composition.services import open_services
from desktop.first_start import first_run
from desktop.setup_wizard import SetupWizard
from forms import load_form
from reception import device_setup, street_settings
from reception.privacy import roles
from reception.privacy.vault_files import is_fresh

PASSPHRASE = "海旺社区的夜话 2026"


class Walker:
    """Types into the current page's fields and presses the wizard's buttons."""

    def __init__(self, wizard: QWizard, qtbot) -> None:
        self.wizard, self.qtbot = wizard, qtbot

    def page(self, name: str):
        """The page, once it is shown and has loaded what is stored."""
        self.qtbot.waitUntil(lambda: self.wizard.currentPage().objectName() == name)
        self.qtbot.waitUntil(lambda: not self.wizard.currentPage().is_busy())
        return self.wizard.currentPage()

    def type(self, name: str, text: str) -> None:
        edit = self.wizard.currentPage().findChild(QLineEdit, name)
        if edit is None:  # an editable combo box: its line edit
            edit = self.wizard.currentPage().findChild(QComboBox, name).lineEdit()
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClick(edit, Qt.Key.Key_Delete)
        Volunteer(self.qtbot).type(text)  # Chinese arrives as an input method commits it

    def click(self, button: QWizard.WizardButton) -> None:
        self.qtbot.mouseClick(self.wizard.button(button), Qt.MouseButton.LeftButton)

    def next(self) -> None:
        page = self.wizard.currentPage()
        self.click(QWizard.WizardButton.CommitButton if page.isCommitPage() else QWizard.WizardButton.NextButton)

    def problem(self) -> str:
        """What the page says under its fields, once its work (if Next started any) is over."""
        page = self.wizard.currentPage()
        self.qtbot.waitUntil(lambda: not page.is_busy())
        label = page.findChild(QLabel, f"{page.objectName()}Problem")
        return label.text() if label.isVisible() else ""


def make_wizard(data_dir: Path, qtbot) -> tuple[SetupWizard, Walker]:
    cheap = partial(open_services, kdf_cost=TEST_KDF_COST)
    wizard = SetupWizard(data_dir, load_form(data_dir), cheap)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard, Walker(wizard, qtbot)


def test_a_new_laptop_is_set_up_by_typing_through_the_wizard(desk_app, qtbot, tmp_path):
    data_dir = tmp_path / "data"
    assert is_fresh(data_dir)
    wizard, walk = make_wizard(data_dir, qtbot)

    walk.page("streetPage")
    walk.next()
    assert "请选择这台笔记本所属的社区" in walk.problem()  # refused, and said under the fields
    walk.type("setupCommunity", "不存在社区")
    walk.next()
    assert "不在本街道的社区列表中" in walk.problem()
    walk.type("setupCommunity", "海旺社区")
    walk.next()

    walk.page("passphrasePage")
    walk.type("setupPassphrase", "短口令")
    walk.type("setupPassphraseAgain", "短口令")
    walk.next()
    assert "口令太短" in walk.problem()
    assert is_fresh(data_dir)  # nothing made while the page is refused
    walk.type("setupPassphrase", "海旺社区2026")  # the community's name and a year
    walk.type("setupPassphraseAgain", "海旺社区2026")
    walk.next()
    assert "太容易猜" in walk.problem() and is_fresh(data_dir)
    walk.type("setupPassphrase", PASSPHRASE)
    walk.type("setupPassphraseAgain", PASSPHRASE + "x")
    walk.next()
    assert "不一致" in walk.problem()
    walk.type("setupPassphraseAgain", PASSPHRASE)
    walk.next()

    walk.page("pinPage")
    assert not is_fresh(data_dir)  # the encrypted database exists now
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())  # no way back past the commit page
    walk.type("setupPin", "12")
    walk.type("setupPinAgain", "12")
    walk.next()
    assert "6–12 位数字" in walk.problem()
    assert not (back.isVisible() and back.isEnabled())  # still none after the refusal
    walk.type("setupPin", "246813")
    walk.type("setupPinAgain", "246813")
    walk.next()

    walk.page("enrolPage")
    qtbot.mouseClick(wizard.currentPage().findChild(QRadioButton, "enrolLater"), Qt.MouseButton.LeftButton)
    walk.type("setupPrefix", "IO1")
    walk.next()
    assert "「本机编号」" in walk.problem()
    walk.type("setupPrefix", "k7q")
    # Another server's tracking page, typed: the placeholder is refused before anything is stored.
    walk.type("setupTrackingUrl", "https://xinan.example.gov.cn/t/")
    walk.next()
    assert "「查询网址」" in walk.problem() and "示例地址" in walk.problem()
    walk.type("setupTrackingUrl", "https://xinan.baoan.gov.cn/t/")
    walk.next()

    walk.page("printerPage")
    paper = wizard.currentPage().findChild(QComboBox, "setupPaper")
    paper.setFocus()
    qtbot.keyClicks(paper, "5")  # keyboard search in the list: 58mm 热敏卷纸
    assert paper.currentData() == "58mm"
    walk.type("setupHotline", "0755-hotline")
    walk.click(QWizard.WizardButton.FinishButton)
    assert "「咨询热线」" in walk.problem()
    walk.type("setupHotline", "0755-27891234")
    walk.click(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QWizard.DialogCode.Accepted
    wizard.services.close()

    # What the wizard stored, read back the way tomorrow night's desk opens it.
    services = open_services(data_dir, PASSPHRASE)
    try:
        desk = services.desk
        assert desk.device_prefix == "K7Q" and not desk.prefix_is_provisional
        settings = street_settings.load(desk.db, services.loaded_form.form.street)
        assert (settings.default_paper, settings.hotline) == ("58mm", "0755-27891234")
        assert settings.base_url == "https://xinan.baoan.gov.cn/t/"  # the slips' QR codes lead there
        assert device_setup.is_done(desk.db) and device_setup.community(desk.db) == "海旺社区"
        assert roles.pin_is_set(desk.db)
        services.access.become_leader("246813")
        assert services.access.is_leader
    finally:
        services.close()


def test_a_wizard_left_half_way_comes_back_after_the_next_unlock(desk_app, qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("XINAN_DESK_PASSPHRASE", raising=False)
    data_dir = tmp_path / "data"
    wizard, walk = make_wizard(data_dir, qtbot)
    walk.page("streetPage")
    walk.type("setupCommunity", "海旺社区")
    walk.next()
    walk.page("passphrasePage")
    walk.type("setupPassphrase", PASSPHRASE)
    walk.type("setupPassphraseAgain", PASSPHRASE)
    walk.next()
    walk.page("pinPage")
    wizard.reject()  # closed before the end
    wizard.services.close()

    opened = []

    def unlock(data_dir_, open_services_):
        opened.append(data_dir_)
        return open_services_(data_dir_, PASSPHRASE)

    shown: list[list[str]] = []

    def walk_remaining() -> None:
        again = next(w for w in desk_app.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible())
        shown.append([again.page(i).objectName() for i in again.pageIds()])
        again.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, walk_remaining)
    assert first_run(data_dir, open_services, unlock) is None
    assert opened == [data_dir]  # the unlock dialog's passphrase, not the wizard's page
    assert shown == [["streetPage", "pinPage", "enrolPage", "printerPage"]]


def test_no_network_on_the_first_run_is_said_on_the_enrolment_page_while_the_wizard_stays_usable(
    desk_app, qtbot, tmp_path
):
    import socket

    from sync.enrolment_codes import new_code

    with socket.socket() as probe:  # a port nothing listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    data_dir = tmp_path / "data"
    wizard, walk = make_wizard(data_dir, qtbot)
    walk.page("streetPage")
    walk.type("setupCommunity", "海旺社区")
    walk.next()
    walk.page("passphrasePage")
    walk.type("setupPassphrase", PASSPHRASE)
    walk.type("setupPassphraseAgain", PASSPHRASE)
    walk.next()
    walk.page("pinPage")
    walk.type("setupPin", "246813")
    walk.type("setupPinAgain", "246813")
    walk.next()

    page = walk.page("enrolPage")
    walk.type("setupServer", f"http://127.0.0.1:{closed_port}/")
    walk.type("setupEnrolmentCode", new_code())  # well formed: it is the network that fails
    walk.next()
    # The network work runs off the UI thread: the page says what it is doing and waits.
    assert page.is_busy() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.currentPage().findChild(QLabel, "enrolPageProblem").text() == "正在连接平台登记这台笔记本…"
    assert walk.problem() == (
        "连不上平台：网络不通，或平台没有运行\n"
        "请检查平台地址和网络后再点「下一步」；在摊位上没有网络时，可以选「以后再登记」，先填写街道分配的本机编号。"
    )
    assert wizard.currentPage() is page and wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    qtbot.mouseClick(page.findChild(QRadioButton, "enrolLater"), Qt.MouseButton.LeftButton)
    walk.type("setupPrefix", "K7Q")
    walk.next()
    walk.page("printerPage")
    walk.type("setupHotline", "0755-27891234")
    walk.click(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QWizard.DialogCode.Accepted
    wizard.services.close()
