"""First-run setup: the wizard a street's IT person walks through once on each laptop.

Pages, in the order the data needs them:
1. 街道与社区 — the street (printed on slips) and the community this laptop's stall serves
2. 街道口令 — the street's passphrase: it creates the encrypted database (a commit page: no way
   back once the database exists)
3. 队长 PIN — the team leader's PIN (for sync, voiding, export, settings)
4. 登记到平台 (desktop/setup_enrol_page.py) — the platform's address and the one-time enrolment code (the laptop gets its code
   prefix and its token goes to the OS keyring); or another Open311 server's address, the api_key
   its administrator gives and the prefix the street assigned (the server is checked and the key
   tried before anything is kept); or "later", and the prefix typed by hand; and the tracking
   page's address for the slips' QR codes, where the platform does not tell it
5. 打印机与纸张 — the slip printer and paper

Each page checks what it was given when Next is pressed and says under the field what is wrong;
nothing is stored until the page is right. A page's database or network work runs off the UI
thread (on the window's database worker, or on the wizard's own before the window exists) while
the page shows that it is busy; the wizard moves on when the work has succeeded. Finishing records the setup (reception/device_setup)
so the wizard does not come back. Left before the end, it opens again after the next unlock with
the pages still to do. Every step can be changed later: 设置 → 设置向导… (the team leader),
设置 → 街道与打印设置…, 设置 → 本机编号…, and `xinan-desk pin` / `xinan-desk passphrase`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
    QWizard,
)

from desktop import i18n, paper_names, print_path
from desktop.operations import DEVICE, Operations
from desktop.setup_enrol_page import EnrolPage
from desktop.wizard_page import RunDb, SetupPage, Work
from reception import device_setup, display, street_settings
from reception.errors import DeskError
from reception.privacy import keyfile, roles
from reception.slips.printing import PrintError

log = logging.getLogger(__name__)

# The wizard's size at 100 % text: the enrolment page's three choices and notes in English.
MIN_SIZE = (780, 640)


class StreetPage(SetupPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__("streetPage")
        self.wizard_ = wizard
        form = wizard.loaded_form.form
        self.language = QComboBox()
        self.language.setObjectName("setupLanguage")
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.activated.connect(lambda _i: i18n.switch_language(self.language.currentData()))
        self.street = self.line("setupStreet")
        self.street.setText(form.street)
        self.community = QComboBox()
        self.community.setObjectName("setupCommunity")
        self.community.setEditable(True)
        self._fill_communities()
        self.community.setCurrentIndex(-1)
        self.language_label, self.street_label, self.community_label = QLabel(), QLabel(), QLabel()
        self.fields.addRow(self.language_label, self.language)
        self.fields.addRow(self.street_label, self.street)
        self.fields.addRow(self.community_label, self.community)
        self.retranslate_ui()

    def initializePage(self) -> None:
        if self.wizard_.services is None:
            return
        street = self.wizard_.loaded_form.form.street

        def stored(desk) -> tuple[str, str]:
            return street_settings.load(desk.db, street).street, device_setup.community(desk.db)

        def show(values: tuple[str, str]) -> None:
            self.set_busy(False, buttons=False)
            self.street.setText(values[0])
            self._show_community(values[1])

        def failed(error: DeskError) -> None:
            self.set_busy(False, buttons=False)
            self.refuse(str(error))

        self.set_busy(True, buttons=False)
        self.wizard_.run_db(stored, show, failed)

    def _fill_communities(self) -> None:
        """The street's communities in the desk's language (forms/communities.toml carries their
        繁體中文 and English names); each item keeps the Simplified name, which is what is stored."""
        chosen = self._chosen_community()
        typed = self.community.currentText() if self.community.count() else ""
        self.community.clear()
        for name in self.wizard_.loaded_form.form.communities:
            self.community.addItem(i18n.local(name), str(name))
        if chosen:
            self._show_community(chosen)
        else:
            self.community.setCurrentIndex(-1)
            self.community.setEditText(typed)

    def _show_community(self, stored: str) -> None:
        index = self.community.findData(stored)
        if index >= 0:
            self.community.setCurrentIndex(index)
        else:
            self.community.setEditText(stored)

    def _chosen_community(self) -> str:
        """The community's stored (Simplified) name for what is selected or typed, in any of the
        desk's languages; "" for none of the street's communities."""
        typed = " ".join(self.community.currentText().split())
        if not typed:
            return ""
        for name in self.wizard_.loaded_form.form.communities:
            if any(typed.casefold() == name.in_(language).casefold() for language in i18n.LANGUAGE_NAMES):
                return str(name)
        return ""

    def retranslate_ui(self) -> None:
        self._fill_communities()
        self.setTitle(self.tr("街道与社区"))
        self.intro.setText(self.tr(
            "欢迎使用心安接访台。这几步为这台笔记本做一次设置，以后每晚打开就能接待。"
            "街道名称印在居民拿走的查询凭条上；社区是这台笔记本常去的夜话摊位所在的社区。"))
        self.language_label.setText(self.tr("界面语言"))
        self.street_label.setText(self.tr("街道名称"))
        self.community_label.setText(self.tr("所属社区"))
        self.community.lineEdit().setPlaceholderText(self.tr("选择或输入社区名称"))

    def validatePage(self) -> bool:
        if self.is_busy():
            return False  # the stored values are still on their way
        typed = self.community.currentText().strip()
        if not typed:
            return self.refuse(self.tr("请选择这台笔记本所属的社区"))
        community = self._chosen_community()
        if not community:
            return self.refuse(self.tr("「{name}」不在本街道的社区列表中（forms/communities.toml）").format(name=typed))
        self.wizard_.chosen["street"] = self.street.text().strip()
        self.wizard_.chosen["community"] = community
        self.wizard_.chosen["language"] = self.language.currentData()
        return self.accepted()


class PassphrasePage(SetupPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__("passphrasePage")
        self.wizard_ = wizard
        self.passphrase = self.line("setupPassphrase", secret=True)
        self.again = self.line("setupPassphraseAgain", secret=True)
        self.passphrase_label, self.again_label = QLabel(), QLabel()
        self.fields.addRow(self.passphrase_label, self.passphrase)
        self.fields.addRow(self.again_label, self.again)
        # Once the encrypted database exists there is no going back to choose another passphrase.
        self.setCommitPage(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("街道口令"))
        self.intro.setText(self.tr(
            "居民的信息在这台笔记本上加密保存，街道口令是钥匙：每晚打开接访台时输入，由队长们共同保管。"
            "至少 8 个字符，可以用一句好记的话。忘记口令就无法打开已登记的诉求，请抄在安全的地方。"))
        self.passphrase_label.setText(self.tr("街道口令"))
        self.again_label.setText(self.tr("再输入一次"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("设置口令并继续"))

    def validatePage(self) -> bool:
        passphrase = self.passphrase.text()
        if passphrase != self.again.text():
            self.again.clear()
            return self.refuse(self.tr("两次输入的口令不一致，请重新输入"))
        form = self.wizard_.loaded_form.form
        weakness = keyfile.passphrase_weakness(passphrase, (form.street, *form.communities))
        if weakness == "short":
            return self.refuse(self.tr("口令太短：至少 8 个字符，可以用一句好记的话"))
        if weakness == "guessable":
            return self.refuse(self.tr(
                "口令太容易猜：常见密码、键盘上连着的键、生日年份或街道名加数字都能被很快试出。"
                "请用一句只有队长们知道的、好记的话"))
        wizard = self.wizard_
        return self.validate_with(
            wizard.run_db, lambda _desk: wizard.open_services(wizard.data_dir, passphrase),
            done=wizard.database_created, busy_message=self.tr("正在创建加密的数据库…"),
        )


class PinPage(SetupPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__("pinPage")
        self.wizard_ = wizard
        self.pin = self.line("setupPin", secret=True)
        self.again = self.line("setupPinAgain", secret=True)
        self.pin_label, self.again_label = QLabel(), QLabel()
        self.fields.addRow(self.pin_label, self.pin)
        self.fields.addRow(self.again_label, self.again)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("队长 PIN"))
        self.intro.setText(self.tr(
            "同步、作废诉求、导出和修改设置只有队长可以做：队长在接访台上输入这个 PIN。6–12 位数字。"))
        self.pin_label.setText(self.tr("队长 PIN"))
        self.again_label.setText(self.tr("再输入一次"))

    def validatePage(self) -> bool:
        pin = self.pin.text()
        if pin != self.again.text():
            self.again.clear()
            return self.refuse(self.tr("两次输入的 PIN 不一致，请重新输入"))
        access = self.wizard_.services.access
        return self.validate_with(self.wizard_.run_db, lambda _desk: access.set_pin(pin))


class PrinterPage(SetupPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__("printerPage")
        self.wizard_ = wizard
        self.paper = QComboBox()
        self.paper.setObjectName("setupPaper")
        paper_names.fill(self.paper)
        self.printer = QComboBox()
        self.printer.setObjectName("setupPrinter")
        self.printer.addItem("", "")
        self.slip_printer = print_path.slip_printer(wizard.data_dir)
        try:
            printers = self.slip_printer.printers()  # the system's printers, through Qt
        except PrintError:
            printers = []
        for printer in printers:
            self.printer.addItem(printer.name, printer.name)
        self.test_print = QPushButton()
        self.test_print.setObjectName("setupTestPrint")
        self.test_print.clicked.connect(self.print_test_slip)
        self.test_result = QLabel()
        self.test_result.setObjectName("setupTestResult")
        self.test_result.setWordWrap(True)
        self.hotline = self.line("setupHotline")
        self.paper_label, self.printer_label, self.hotline_label = QLabel(), QLabel(), QLabel()
        self.fields.addRow(self.paper_label, self.paper)
        self.fields.addRow(self.printer_label, self.printer)
        self.fields.addRow("", self.test_print)
        self.fields.addRow("", self.test_result)
        self.fields.addRow(self.hotline_label, self.hotline)
        self.retranslate_ui()

    def print_test_slip(self) -> None:
        """打印测试凭条: a slip that belongs to no case, to see the printer, paper and QR work."""
        printer, paper = self.printer.currentData() or "", self.paper.currentData()
        street, slip_printer = self.wizard_.chosen.get("street"), self.slip_printer

        def work(desk) -> str:
            settings = street_settings.load(desk.db, street)
            if street:
                settings = replace(settings, street=street)
            return slip_printer.print_test(settings, paper, printer, desk.now())

        def said(text: str, role: str = "") -> None:
            self.set_busy(False)
            self.test_result.setProperty("role", role)
            self.test_result.setText(text)
            self.test_result.style().polish(self.test_result)

        self.test_result.setText("")
        self.set_busy(True, self.tr("正在打印测试凭条…"))
        # PrintError among the failures: its message says what to do.
        self.wizard_.run_db(work, lambda text: said(i18n.local(text)), lambda error: said(i18n.error_text(error), "error"))

    def initializePage(self) -> None:
        street = self.wizard_.chosen.get("street")

        def show(current) -> None:
            self.set_busy(False, buttons=False)
            self.paper.setCurrentIndex(max(0, self.paper.findData(current.default_paper)))
            if current.printer and self.printer.findData(current.printer) < 0:
                self.printer.addItem(current.printer, current.printer)
            self.printer.setCurrentIndex(max(0, self.printer.findData(current.printer)))
            self.hotline.setText(current.hotline)

        def failed(error: DeskError) -> None:
            self.set_busy(False, buttons=False)
            self.refuse(str(error))

        self.set_busy(True, buttons=False)
        self.wizard_.run_db(lambda desk: street_settings.load(desk.db, street), show, failed)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("打印机与纸张"))
        self.intro.setText(self.tr(
            "居民拿走的查询凭条打印在这里。热敏小票机一般用 80mm 或 58mm 卷纸；没有打印机也可以先不选，"
            "按 Ctrl+P 时会打开打印预览，可以保存 PDF。热线印在凭条上，请填街道的真实电话。"))
        self.paper_label.setText(self.tr("纸张"))
        paper_names.fill(self.paper)
        self.printer_label.setText(self.tr("打印机"))
        self.printer.setItemText(0, self.tr("（不设置：按 Ctrl+P 先打开打印预览）"))
        self.test_print.setText(self.tr("打印测试凭条"))
        self.test_print.setToolTip(self.tr("用选中的打印机和纸张打一张测试凭条（不是诉求凭条，不要交给居民）"))
        self.hotline_label.setText(self.tr("咨询热线"))
        self.hotline.setPlaceholderText(self.tr("如 0755-27891234 或 12345"))

    def validatePage(self) -> bool:
        if self.is_busy():
            return False  # the stored settings are still on their way, or a test slip printing
        changes = {
            "default_paper": self.paper.currentData(),
            "printer": self.printer.currentData() or "",
            "hotline": self.hotline.text().strip(),
        }
        if self.wizard_.chosen.get("street"):
            changes["street"] = self.wizard_.chosen["street"]
        community = self.wizard_.chosen.get("community", "")
        display_language = self.wizard_.chosen.get("language")

        def work(desk) -> None:
            street_settings.save(desk.db, changes)
            if community:
                device_setup.save_community(desk.db, community)
            if display_language:
                display.save(desk.db, replace(display.load(desk.db), language=display_language))
            device_setup.record_done(desk.db)

        return self.validate_with(self.wizard_.run_db, work)


class SetupWizard(QWizard):
    """``services`` None: a fresh laptop (the passphrase page creates the database). Otherwise the
    database is open: ``pin_set`` says whether the PIN page is needed.

    ``run_db`` runs each page's work where the desk's database lives: the window's worker
    (run_on_worker) when the desk is running; otherwise the wizard's own worker thread, which
    stops when the wizard closes, before the window's starts.
    """

    def __init__(self, data_dir: Path, loaded_form, open_services: Callable[[Path, str], Any] | None,
                 services: Any = None, run_db: RunDb | None = None, parent: QWidget | None = None,
                 pin_set: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.data_dir = Path(data_dir)
        self.loaded_form = loaded_form
        self.open_services = open_services
        self.services = services
        self._own_worker: Operations | None = None
        if run_db is None:
            # No window yet: one thread of the wizard's own opens the database and does each
            # page's work, so the UI never waits on scrypt, SQLite or the network.
            self._own_worker = Operations(None, parent=self)
            run_db = run_on_worker(self._own_worker)
            self.finished.connect(lambda _result: self.stop_worker())
        self._run_db = run_db
        if pin_set is None:
            pin_set = services is not None and roles.pin_is_set(services.desk.db)
        self.chosen: dict[str, Any] = {}
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(*MIN_SIZE)
        self._fit_queued = False
        self.addPage(StreetPage(self))
        if services is None:
            self.addPage(PassphrasePage(self))
        if not pin_set:
            self.addPage(PinPage(self))
        self.addPage(EnrolPage(self))
        self.addPage(PrinterPage(self))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("心安接访台 — 设置这台笔记本"))
        # QWizard words its buttons (< Back, Next >, Commit, Finish, Cancel) from Qt's catalogue
        # when it builds them and not again on a language change: chosen on the first page, the
        # language reached every text but the buttons.
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setText(self.buttonText(which))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._queue_fit()  # other words or another text size (设置 → 文字大小): another size
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._queue_fit()

    def _queue_fit(self) -> None:
        if not self._fit_queued:
            self._fit_queued = True
            QTimer.singleShot(0, self, self._fit)  # once the pages have laid out their new words (not after the wizard is gone)

    def _fit(self) -> None:
        """At least MIN_SIZE, or what the pages need at the leader's text size, within the screen's
        room (the stall's 1366×768 laptop leaves about 1366×728 under a taskbar), the title bar
        included; beyond that the page scrolls and the buttons stay in view."""
        self._fit_queued = False
        page, screen = self.currentPage(), self.screen()
        if not isinstance(page, SetupPage) or screen is None:
            return
        room = screen.availableGeometry()
        pages = [self.page(i) for i in self.pageIds()]
        need_w = max(p.content_size().width() for p in pages if isinstance(p, SetupPage))
        need_h = max(p.content_size().height() for p in pages if isinstance(p, SetupPage))
        # What the wizard adds around a page's scrolling part: its title, margins and buttons.
        viewport = page.scroll.viewport()
        around_w, around_h = self.width() - viewport.width(), self.height() - viewport.height()
        frame = self.frameGeometry()
        frame_w, frame_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(max(MIN_SIZE[0], need_w + around_w), room.width() - frame_w)
        height = min(max(MIN_SIZE[1], need_h + around_h), room.height() - frame_h)
        self.resize(width, height)
        # Kept on screen: grown at 200 % text, the wizard's right side and buttons were off it.
        x = min(max(frame.x(), room.x()), room.right() + 1 - (width + frame_w))
        y = min(max(frame.y(), room.y()), room.bottom() + 1 - (height + frame_h))
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def database_created(self, services: Any) -> None:
        self.services = services

    def run_db(self, work: Work, done: Callable[[Any], None], failed: Callable[[DeskError], None]) -> None:
        """``work(desk)`` off the UI thread (the desk as it is once the work runs)."""
        self._run_db(lambda _desk: work(self.services.desk if self.services is not None else None), done, failed)

    def stop_worker(self) -> None:
        """Let the wizard's own worker finish and stop: the window's takes the database over."""
        if self._own_worker is not None:
            self._own_worker.shutdown()

    def reject(self) -> None:
        if isinstance(self.currentPage(), SetupPage) and self.currentPage().is_working():
            return  # Esc or the close button while a page's work runs: let it finish first
        super().reject()

    def api_key_work(self, server: str, api_key: str, accept_public: bool) -> Callable[[Any], Any]:
        from composition.services import connect_with_api_key

        services = self.services
        return lambda _desk: connect_with_api_key(services, server, api_key, accept_public=accept_public)

    def enrol_work(self, server: str, code: str) -> Callable[[Any], str]:
        from composition.services import enrol_device

        services = self.services
        return lambda _desk: enrol_device(services, server, code).prefix


def run_on_worker(operations: Operations) -> RunDb:
    """``run_db`` through a database worker (the window's, or the wizard's own)."""
    def run(work: Work, done: Callable[[Any], None], failed: Callable[[DeskError], None]) -> None:
        operations.submit(work, what="setup_wizard", done=done, failed=failed)

    return run


def install_setup_action(window, services) -> None:
    """设置 → 设置向导…: the team leader goes through the pages again (not the passphrase)."""
    from PySide6.QtGui import QAction

    from desktop import leader_gate

    action = QAction(window)
    action.setObjectName("setupWizardAction")

    def open_wizard() -> None:
        if not leader_gate.allowed(window, "settings", open_wizard):
            return

        def open_with(pin_set: bool) -> None:
            wizard = SetupWizard(services.data_dir, services.loaded_form, None, services,
                                 run_db=run_on_worker(window.operations), parent=window, pin_set=pin_set)
            wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            wizard.finished.connect(lambda _result: window.refresh({DEVICE}))
            leader_gate.done_when_closed(window, wizard)
            wizard.open()

        def not_read(error) -> None:
            leader_gate.action_done(window)
            window.show_error(str(error))

        # Whether the PIN page is needed is read where the database lives, on the worker.
        window.operations.submit(lambda desk: roles.pin_is_set(desk.db), what="setup_wizard_pin",
                                 done=open_with, failed=not_read)

    def retranslate() -> None:
        action.setText(QCoreApplication.translate("SetupWizard", "设置向导…"))

    retranslate()
    i18n.on_language_change(window, retranslate)
    action.triggered.connect(open_wizard)
    window.add_action(action, "settings", toolbar=False)
