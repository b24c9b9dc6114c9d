"""First-run setup: the wizard a street's IT person walks through once on each laptop.

Pages, in the order the data needs them:
1. 街道与社区 — the street (printed on slips) and the community this laptop's stall serves
2. 街道口令 — the street's passphrase: it creates the encrypted database (a commit page: no way
   back once the database exists)
3. 队长 PIN — the team leader's PIN (for sync, voiding, export, settings)
4. 登记到平台 — the platform's address and the one-time enrolment code (the laptop gets its code
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
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizard,
)

from desktop import i18n, paper_names, print_path
from desktop.operations import DEVICE, Operations
from desktop.wizard_page import RunDb, SetupPage, Work
from reception import device_setup, display, street_settings, tracking_codes
from reception.errors import DeskError, ValidationFailed
from reception.privacy import keyfile, roles
from reception.slips.printing import PrintError
from sync.client import AuthFailed, SyncError, check_server_url
from sync.setup import EnrolmentServer, NoEnrolment, NotOpen311, PublicDescriptions, ServerUnreachable

log = logging.getLogger(__name__)


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


class EnrolPage(SetupPage):
    """Three ways onto a street's platform: our platform's one-time enrolment code; another
    Open311 server's api_key (its administrator gives one; that server assigns no laptop number,
    so the leader types the street's, and it does not tell its tracking page); or later."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__("enrolPage")
        self.wizard_ = wizard
        self.now = QRadioButton()
        self.now.setObjectName("enrolNow")
        self.open311 = QRadioButton()
        self.open311.setObjectName("enrolApiKey")
        self.later = QRadioButton()
        self.later.setObjectName("enrolLater")
        self.now.setChecked(True)
        self.server = self.line("setupServer")
        self.server.setPlaceholderText("https://xinan.example.gov.cn/")
        self.code = self.line("setupEnrolmentCode")
        # Kept as the Sync dialog and `sync --api-key` keep it (sync/credentials.py), never shown.
        self.api_key = self.line("setupApiKey", secret=True)
        self.prefix = self.line("setupPrefix")
        self.prefix.setMaxLength(3)
        self.server_label, self.code_label, self.prefix_label = QLabel(), QLabel(), QLabel()
        self.api_key_label = QLabel()
        self.column.insertWidget(1, self.now)
        self.column.insertWidget(2, self.open311)
        self.column.insertWidget(3, self.later)
        # One form under the three choices: each choice enables the fields it needs.
        self.fields.addRow(self.server_label, self.server)
        self.fields.addRow(self.code_label, self.code)
        self.fields.addRow(self.api_key_label, self.api_key)
        self.fields.addRow(self.prefix_label, self.prefix)
        # Our platform tells its tracking page at enrolment; another server's the leader types.
        self.tracking = self.line("setupTrackingUrl")
        self.tracking.setPlaceholderText("https://…/t/")
        self.tracking_label, self.tracking_note = QLabel(), QLabel()
        self.tracking_note.setObjectName("setupTrackingNote")
        self.tracking_note.setWordWrap(True)
        self.fields.addRow(self.tracking_label, self.tracking)
        self.fields.addRow("", self.tracking_note)
        self._public_ok: str | None = None  # the address whose public descriptions the leader accepted
        for choice in (self.now, self.open311, self.later):
            choice.toggled.connect(self._choice_changed)
        self.retranslate_ui()
        self._choice_changed(True)

    def _choice_changed(self, _checked: bool) -> None:
        enrol_now, api_key = self.now.isChecked(), self.open311.isChecked()
        self.server.setEnabled(enrol_now or api_key)
        self.code.setEnabled(enrol_now)
        self.api_key.setEnabled(api_key)
        self.prefix.setEnabled(not enrol_now)
        self._explain_tracking()

    def _explain_tracking(self) -> None:
        if self.open311.isChecked():
            self.tracking_note.setText(self.tr(
                "其他 Open311 平台不会告诉居民查询页的地址：请向平台管理员要。留空时凭条不印二维码，以后可在「街道与打印设置」里补填。"))
        else:
            self.tracking_note.setText(self.tr(
                "凭条二维码指向的平台查询页。本街道的心安平台登记时会自动告诉，可以不填；其他平台请向街道信息中心要这个地址。"
                "不知道就留空：凭条先只印查询码和热线，不印二维码，并说明网上查询暂未开通。"))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("登记到街道平台"))
        self.intro.setText(self.tr(
            "街道信息中心给每台笔记本一个一次性登记码。登记后，这台笔记本得到它的编号（每个查询码的开头），"
            "并能在夜话结束后把诉求同步到街道信箱平台。登记需要联网；在摊位上没有网络，可以以后再登记。"))
        self.now.setText(self.tr("街道的心安平台：用一次性登记码登记（需要联网）"))
        self.open311.setText(self.tr("其他 Open311 平台：用平台管理员给的 api_key（需要联网）"))
        self.later.setText(self.tr("以后再登记（在「同步」里填写登记码），先手动填写街道分配的本机编号"))
        self.server_label.setText(self.tr("平台地址"))
        self.code_label.setText(self.tr("登记码"))
        self.api_key_label.setText(self.tr("api_key"))
        self.api_key.setPlaceholderText(self.tr("照平台管理员给的原样填写"))
        self.prefix_label.setText(self.tr("本机编号"))
        self.prefix.setPlaceholderText(self.tr("如 K7Q"))
        self.tracking_label.setText(self.tr("居民查询网址"))
        self._explain_tracking()

    def validatePage(self) -> bool:
        tracking = self.tracking.text().strip()
        if tracking:
            try:
                street_settings.parse_value("base_url", tracking)  # said at once, before the network
            except ValidationFailed as failure:
                return self.refuse("\n".join(e.in_(i18n.current_language()) for e in failure.errors))
        if self.open311.isChecked():
            return self._connect_with_api_key(tracking)
        if self.now.isChecked():
            server, code = self.server.text().strip(), self.code.text().strip()
            if not server:
                return self.refuse(self.tr("请填写平台地址"))
            if not code:
                return self.refuse(self.tr("请填写街道给的登记码"))
            enrol = self.wizard_.enrol_work(server, code)
            busy = self.tr("正在连接平台登记这台笔记本…")
        else:
            prefix = self.prefix.text()
            busy = ""

            def enrol(desk) -> str:
                desk.set_device_prefix(prefix)
                return desk.device_prefix

        def explain(error: DeskError) -> str:
            if not self.now.isChecked():
                return str(error)
            if isinstance(error, NoEnrolment):
                return self.tr("这个平台没有设备登记，不用登记码：请选「其他 Open311 平台」，"
                               "填写平台管理员给的「api_key」和街道分配的「本机编号」。")
            return self.tr("{problem}\n请检查平台地址和网络后再点「下一步」；在摊位上没有网络时，"
                           "可以选「以后再登记」，先填写街道分配的本机编号。").format(problem=error)

        return self.validate_with(self.wizard_.run_db, self._then_tracking(enrol, tracking), done=self._remember,
                                  busy_message=busy, explain=explain)

    def _then_tracking(self, enrol: Work, tracking: str) -> Work:
        def work(desk) -> str:
            done = enrol(desk)
            if tracking:  # typed by the leader: it wins over what a platform told at enrolment
                street_settings.save(desk.db, {"base_url": tracking})
            return done

        return work

    def _remember(self, prefix_now: str) -> None:
        self.wizard_.chosen["prefix"] = prefix_now

    def _connect_with_api_key(self, tracking: str) -> bool:
        """Another Open311 server: each field checked here first, then the server (services.json
        under its address, as `sync check` does) and the key, off the UI thread. Nothing is kept
        unless all of it passed."""
        server, key, prefix = self.server.text().strip(), self.api_key.text().strip(), self.prefix.text().strip()
        if not server:
            return self.refuse(self.tr("请填写「平台地址」：平台管理员给的 API 地址，例如 https://平台/api/georeport/v2/"))
        try:
            check_server_url(server)
        except SyncError:
            return self.refuse(self.tr("「平台地址」应以 https:// 开头，照平台管理员给的 API 地址原样填写，"
                                       "例如 https://平台/api/georeport/v2/"))
        if not key:
            return self.refuse(self.tr("请填写「api_key」：平台管理员给这台笔记本的 api_key"))
        if any(ch.isspace() for ch in key):
            return self.refuse(self.tr("「api_key」不能含空格：请照平台管理员给的原样填写"))
        if not tracking_codes.is_valid_prefix(prefix.upper()):
            return self.refuse(self.tr("「本机编号」应为3位数字或字母（不含 I、L、O、U）：其他 Open311 平台不分配编号，"
                                       "请填写街道分配给这台笔记本的编号"))
        connect = self.wizard_.api_key_work(server, key, accept_public=self._public_ok == server)

        def enrol(desk) -> str:
            connect(desk)
            desk.set_device_prefix(prefix)
            return desk.device_prefix

        def explain(error: DeskError) -> str:
            if isinstance(error, PublicDescriptions):
                QTimer.singleShot(0, lambda: self._ask_about_public(error.base, server))
                return self.tr("该平台会公开诉求内容：请先确认。")
            if isinstance(error, AuthFailed):
                return self.tr("平台不接受这个「api_key」（平台的回答：{reason}）：请照平台管理员给的原样填写，注意大小写。"
                               ).format(reason=error.reason)
            if isinstance(error, NotOpen311):
                return self.tr("「平台地址」{server} 下没有 Open311 服务目录（services.json）：请向平台管理员确认 API 地址，"
                               "例如 https://平台/api/georeport/v2/").format(server=server)
            if isinstance(error, ServerUnreachable):
                return self.tr("连不上「平台地址」上的平台：网络不通、地址有误，或平台没有运行。请检查后再点「下一步」；"
                               "在摊位上没有网络时，可以选「以后再登记」。")
            if isinstance(error, EnrolmentServer):
                return self.tr("「平台地址」是街道的心安平台，它用一次性登记码登记笔记本，不用 api_key："
                               "请选「街道的心安平台」，填写街道给的登记码。")
            return i18n.error_text(error)

        return self.validate_with(self.wizard_.run_db, self._then_tracking(enrol, tracking), done=self._remember,
                                  busy_message=self.tr("正在检查平台和 api_key…"), explain=explain)

    def _ask_about_public(self, base: str, typed: str) -> None:
        """The server shows petition texts to anyone: the leader agrees before it is kept."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("该平台会公开诉求内容"), self.tr(
            "{server}\n\n该平台把诉求内容公开给任何人查看（不需要登录就能读到居民写的描述）。"
            "居民的姓名和电话不会公开显示，但描述里写的内容会。\n\n街道同意这样做吗？同意后才保存这个平台。"
        ).format(server=base), parent=self.wizard_)  # not the page's: its busy state would take the box's buttons
        agree = box.addButton(self.tr("街道同意，继续"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("先不连接"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("setupPublicWarning")
        box.exec()
        agreed = box.clickedButton() is agree
        box.deleteLater()
        if agreed:
            self._public_ok = typed  # for this address only: another one is asked about again
            self.wizard_.next()  # Next again, now with the leader's word
        else:
            self.refuse(self.tr("没有保存：请先和街道确认该平台公开诉求内容是否合适；也可以选「以后再登记」。"))


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
        self.resize(780, 640)  # the enrolment page's three choices and notes in English
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
        super().changeEvent(event)

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
