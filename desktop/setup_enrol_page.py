"""The setup wizard's 登记到平台 page (desktop/setup_wizard.py): how this laptop reaches the
street's platform. Three choices: our platform's one-time enrolment code (sync/setup.py's
``enrol``); another Open311 server's address, the api_key its administrator gives and the
laptop's prefix, which such a server does not assign (the server checked as ``sync check``
does, the key tried, then kept as the Sync dialog and ``sync --api-key`` keep it); or later,
with the prefix typed by hand. The tracking page's address is asked here too, for a server that
does not tell it. The network work runs off the UI thread; nothing is kept unless it all passed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton

from desktop import i18n
from desktop.public_warning import street_agrees
from desktop.wizard_page import SetupPage, Work
from reception import street_settings, tracking_codes
from reception.errors import DeskError, ValidationFailed
from sync.client import AuthFailed, SyncError, check_server_url
from sync.setup import EnrolmentServer, NoEnrolment, NotOpen311, PublicDescriptions, ServerUnreachable

class EnrolPage(SetupPage):
    """Three ways onto a street's platform: our platform's one-time enrolment code; another
    Open311 server's api_key (its administrator gives one; that server assigns no laptop number,
    so the leader types the street's, and it does not tell its tracking page); or later."""

    def __init__(self, wizard: Any) -> None:
        """``wizard``: the SetupWizard (desktop/setup_wizard.py, which imports this page): its
        run_db, enrol_work, api_key_work and chosen."""
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
        # Each choice's words wrap (a radio button's own do not): at 200 % text they were wider than the screen.
        self.choice_words = {}
        # One group: in rows of their own the buttons are no longer siblings, whose exclusivity is Qt's default.
        self.choices = QButtonGroup(self)
        for index, choice in enumerate((self.now, self.open311, self.later), start=1):
            row, self.choice_words[choice] = self.choice(choice)
            self.choices.addButton(choice)
            self.column.insertWidget(index, row)
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

    def initializePage(self) -> None:
        """Gone through again (设置 → 设置向导…): what this laptop has is shown, so the leader of a
        laptop on another Open311 server does not type its address and number again. The page
        is not made to wait for it: only the fields still empty are filled when it arrives, so
        what the leader types meanwhile stays. The api_key is never shown."""
        if self.wizard_.services is None:
            return

        def stored(desk) -> dict[str, str]:
            from sync.setup import remembered_profile, remembered_server

            return {"server": remembered_server(desk) or "",
                    "api_key": "yes" if remembered_profile(desk).auth == "api_key" else "",
                    "prefix": "" if desk.prefix_is_provisional else desk.device_prefix,
                    "tracking": street_settings.load(desk.db, desk.form.street).base_url or ""}

        def show(values: dict[str, str]) -> None:
            if values["server"] and values["api_key"] and not self.server.text():
                self.open311.setChecked(True)
            for edit, key in ((self.server, "server"), (self.prefix, "prefix"), (self.tracking, "tracking")):
                if not edit.text():
                    edit.setText(values[key])

        def failed(error: DeskError) -> None:
            self.refuse(i18n.error_text(error))

        self.wizard_.run_db(stored, show, failed)

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
        self.choice_words[self.now].setText(self.tr("街道的心安平台：用一次性登记码登记（需要联网）"))
        self.choice_words[self.open311].setText(self.tr("其他 Open311 平台：用平台管理员给的 api_key（需要联网）"))
        self.choice_words[self.later].setText(self.tr("以后再登记（在「同步」里填写登记码），先手动填写街道分配的本机编号"))
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
        agreed = street_agrees(self.wizard_, base, self.tr("街道同意这样做吗？同意后才保存这个平台。"),
                               self.tr("街道同意，继续"), self.tr("先不连接"), "setupPublicWarning")
        if agreed:
            self._public_ok = typed  # for this address only: another one is asked about again
            self.wizard_.next()  # Next again, now with the leader's word
        else:
            self.refuse(self.tr("没有保存：请先和街道确认该平台公开诉求内容是否合适；也可以选「以后再登记」。"))
