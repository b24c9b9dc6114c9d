"""The desk's privacy parts in the window: the idle lock, the PIPL notice (F1), the audit log and
the export for the team leader. (The unlock dialog at start is desktop/unlock_dialog.py: it shows
before this module is imported.)

The idle lock covers the window after the street's idle minutes (default 5) without a key press
or a mouse movement. It does not close anything: the half-typed case stays in the form under the
cover (and in its autosaved draft) and is there again after unlocking. Unlocking takes the team
leader's PIN (quick, at the stall) or the street's passphrase (when the PIN is locked after five
wrong tries, or the leader is away); either way the desk comes back in volunteer mode.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n, leader_gate
from desktop.widgets import theme
from reception import clock, street_settings
from reception.errors import DeskError
from reception.privacy import audit
from reception.privacy import settings as privacy_settings
from reception.privacy.export import export_cases
from reception.privacy.notice import notice_text
from reception.storage.writing import writing

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Privacy", text)


# --- the idle lock -------------------------------------------------------------------------------

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.InputMethod, QEvent.Type.TouchBegin,
}


class LockDialog(QDialog):
    """Covers the desk window; the PIN or the passphrase takes it away."""

    def __init__(self, window, services) -> None:
        super().__init__(window)
        self.setObjectName("lockDialog")
        self.window_ = window
        self.services = services
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(QCoreApplication.translate("Privacy", "接访台已锁定"))
        title.setProperty("role", "count")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        hint = QLabel(QCoreApplication.translate("Privacy", "闲置时间到了，屏幕已锁定，正在登记的内容都还在。\n请输入队长 PIN 或街道口令继续。"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("lockSecretEdit")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setMaximumWidth(360)
        self.secret_edit.returnPressed.connect(self._submit)
        layout.addWidget(self.secret_edit, 0, Qt.AlignmentFlag.AlignHCenter)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setProperty("role", "error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(2)

    def cover(self) -> None:
        self.setGeometry(self.window_.geometry())
        self.open()
        self.secret_edit.setFocus()

    def reject(self) -> None:
        pass  # Esc does not lift the lock

    def _submit(self) -> None:
        secret = self.secret_edit.text()
        self.secret_edit.clear()
        self.secret_edit.setEnabled(False)
        services = self.services

        def work(desk) -> None:
            if secret.isascii() and secret.isdigit() and 4 <= len(secret) <= 12:
                services.access.become_leader(secret)  # checks and logs; the lock then drops the role
                services.access.drop_to_volunteer()
                with writing(desk.db):
                    audit.append(desk.db, "unlock", audit.Actor(), detail="闲置锁屏后，队长 PIN")
            else:
                services.unlock_again(secret)

        self.window_.operations.submit(work, what="idle_unlock", done=lambda _r: self._lifted(), failed=self._refused)

    def _lifted(self) -> None:
        leader_gate.leader_mode_changed(self.window_)
        self.done(QDialog.DialogCode.Accepted)

    def _refused(self, error: DeskError) -> None:
        self.secret_edit.setEnabled(True)
        self.message.setText(str(error))
        self.message.show()
        self.secret_edit.setFocus()


class IdleLock(QObject):
    """Watches the keyboard and mouse application-wide; after the idle time, covers the window."""

    def __init__(self, window, services, minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_timeout(minutes * 60_000)
        self.dialog: LockDialog | None = None
        QApplication.instance().installEventFilter(self)
        window.destroyed.connect(self._stop)

    def set_timeout(self, ms: int) -> None:
        self.timer.setInterval(ms)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked or not self.window.isVisible():
            return
        access = self.services.access
        access.end_leader_mode("闲置锁屏")
        leader_gate.leader_mode_changed(self.window)

        def work(desk) -> None:
            access.seal_pending()
            _log(desk, "idle_lock")

        self.window.operations.submit(work, what="idle_lock")
        self.dialog = LockDialog(self.window, self.services)
        self.dialog.finished.connect(lambda _code: self.timer.start())
        self.dialog.cover()

    def _stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _log(desk, action: str, detail: str = "") -> None:
    with writing(desk.db):
        audit.append(desk.db, action, audit.Actor(desk.role), detail=detail)


# --- the notice (F1) ------------------------------------------------------------------------------

class NoticeDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.setWindowTitle(QCoreApplication.translate("Privacy", "个人信息告知书"))
        layout = QVBoxLayout(self)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("noticeText")
        self.text_label.setWordWrap(True)
        # Large: shown to elderly residents across the table, or read out in a noisy square.
        self.text_label.setStyleSheet("font-size: 20pt; line-height: 150%;")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.text_label)
        close = QPushButton(QCoreApplication.translate("Privacy", "关闭 (Esc)"))
        close.setObjectName("closeNoticeButton")
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(900, 620)


# --- the audit log (team leader) -----------------------------------------------------------------

AUDIT_HEADERS = (
    QT_TRANSLATE_NOOP("Privacy", "序号"),
    QT_TRANSLATE_NOOP("Privacy", "时间"),
    QT_TRANSLATE_NOOP("Privacy", "角色"),
    QT_TRANSLATE_NOOP("Privacy", "操作人"),
    QT_TRANSLATE_NOOP("Privacy", "本机"),
    QT_TRANSLATE_NOOP("Privacy", "操作"),
    QT_TRANSLATE_NOOP("Privacy", "查询码"),
    QT_TRANSLATE_NOOP("Privacy", "说明"),
)


class AuditDialog(QDialog):
    def __init__(self, parent, run_operation) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(QCoreApplication.translate("Privacy", "操作日志"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.run_operation = run_operation
        self.access = None  # the window's Access: with leader mode on, the seals are checked
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(AUDIT_HEADERS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([_tr(h) for h in AUDIT_HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.verdict = QLabel()
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        buttons = QDialogButtonBox()
        self.verify_button = buttons.addButton(QCoreApplication.translate("Privacy", "核对完整性"), QDialogButtonBox.ButtonRole.ActionRole)
        self.verify_button.setObjectName("verifyAuditButton")
        self.verify_button.clicked.connect(self.verify)
        close = buttons.addButton(QCoreApplication.translate("Privacy", "关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("closeAuditButton")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 600)

    def load(self) -> None:
        self.run_operation(lambda desk: audit.entries(desk.db), what="audit_entries", done=self._show)

    def _show(self, entries: list[dict]) -> None:
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = (
                str(e["id"]), clock.local_text(clock.from_text(e["at"])), audit.ROLE_WORDS.get(e["role"], e["role"]),
                e["actor"], e["device"], audit.ACTIONS.get(e["action"], e["action"]), e["case_code"], e["detail"],
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.scrollToBottom()

    def verify(self) -> None:
        access = self.access

        def work(desk):
            # With the leader key (still in leader mode) the seals are checked too.
            verdict = access.check_log() if access is not None and access.is_leader else audit.check(desk.db)
            return verdict, audit.verdict_lines(verdict, desk.db)

        self.run_operation(work, what="audit_verify", done=self._verdict)

    def _verdict(self, result) -> None:
        verdict, lines = result
        if verdict.problems:
            self.verdict.setProperty("role", "error")
            self.verdict.setText(QCoreApplication.translate("Privacy", "操作日志被篡改：") + "；".join(str(p) for p in verdict.problems)
                                 + "\n" + "\n".join(lines[1:]))
        else:
            self.verdict.setProperty("role", "")
            self.verdict.setText(QCoreApplication.translate("Privacy", "操作日志完整：共 {n} 条，哈希链无断裂").format(n=verdict.count)
                                 + "\n" + "\n".join(lines[1:]))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)


# --- wiring into the window ----------------------------------------------------------------------

class PrivacyActions(QObject):
    def __init__(self, window, services, idle_minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.notice_action = self._action("noticeAction", self.show_notice, "F1")
        self.audit_action = self._action("auditAction", self.open_audit)
        self.export_action = self._action("exportAction", self.export)
        # A PIN given for one action ends leader mode when that action is done; with several to
        # do, the leader enters leader mode from the menu and it lasts its minutes.
        self.enter_leader_action = self._action("enterLeaderAction", lambda: leader_gate.enter_leader_mode(self.window))
        # The leader hands the laptop back to a volunteer without waiting for the idle lock.
        self.leave_leader_action = self._action("leaveLeaderAction", self.leave_leader)
        window.add_action(self.notice_action, "case", toolbar=False)
        window.add_action(self.audit_action, "settings", toolbar=False)
        window.add_action(self.export_action, "settings", toolbar=False)
        window.add_action(self.enter_leader_action, "settings", toolbar=False)
        window.add_action(self.leave_leader_action, "settings", toolbar=False)
        window.leader_label = QLabel()
        window.leader_label.setObjectName("leaderLabel")
        window.leader_label.setProperty("role", "required")
        window.leader_label.hide()
        window.statusBar().addPermanentWidget(window.leader_label)
        self.idle_lock = IdleLock(window, services, idle_minutes)
        self.leader_clock = QTimer(self)
        self.leader_clock.setInterval(1000)
        self.leader_clock.timeout.connect(self.tick)
        self.leader_clock.start()
        self.audit_dialog: AuditDialog | None = None
        self.retranslate_ui()
        i18n.on_language_change(window, self.retranslate_ui)

    def retranslate_ui(self) -> None:
        self.notice_action.setText(QCoreApplication.translate("Privacy", "个人信息告知书 (F1)"))
        self.audit_action.setText(QCoreApplication.translate("Privacy", "操作日志…"))
        self.export_action.setText(QCoreApplication.translate("Privacy", "导出诉求…"))
        self.enter_leader_action.setText(QCoreApplication.translate("Privacy", "进入队长模式…"))
        self.leave_leader_action.setText(QCoreApplication.translate("Privacy", "退出队长模式"))
        leader_gate.leader_mode_changed(self.window)

    def _action(self, name: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def leave_leader(self) -> None:
        leader_gate.end_leader_mode(self.window, "队长退出")

    def tick(self) -> None:
        """Each second: the status bar's countdown, and leader mode ended once its time is up."""
        label = self.window.leader_label
        if not label.isVisible():
            return
        if not self.services.access.is_leader:
            leader_gate.end_leader_mode(self.window, "到时自动结束")
        else:
            leader_gate.leader_mode_changed(self.window)

    def show_notice(self) -> None:
        form = self.services.loaded_form.form

        def text(desk) -> str:
            street = street_settings.load(desk.db, form.street)
            return notice_text(form, privacy_settings.load(desk.db).retention_days, street.hotline)

        def show(value: str) -> None:
            dialog = NoticeDialog(value, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        self.window.operations.submit(text, what="notice", done=show)

    def open_audit(self) -> None:
        if not leader_gate.allowed(self.window, "audit", self.open_audit):
            return
        self.audit_dialog = AuditDialog(self.window, self.window.operations.submit)
        self.audit_dialog.access = self.services.access
        self.audit_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.audit_dialog.destroyed.connect(self._audit_gone)
        leader_gate.done_when_closed(self.window, self.audit_dialog)
        self.audit_dialog.load()
        self.audit_dialog.open()

    def _audit_gone(self) -> None:
        self.audit_dialog = None

    def export(self) -> None:
        if not leader_gate.allowed(self.window, "export", self.export):
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("Privacy", "导出诉求（含居民个人信息，请妥善保管）"), str(Path.home() / "诉求导出.csv"),
            QCoreApplication.translate("Privacy", "CSV 表格 (*.csv);;JSON (*.json)"),
        )
        if path:
            self.export_to(Path(path))
        # The file dialog was part of the action: leader mode ends after the export just queued.
        leader_gate.action_done(self.window)

    def export_to(self, path: Path) -> None:
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        services = self.services

        def done(count: int) -> None:
            # When the PIN was for this export, its end was said as the file was chosen, and
            # this message (the export finishes later) would hide it: so it says it again.
            ended = not leader_gate.is_leader(self.window)
            self.window.statusBar().showMessage(exported_words(count, ended), 15_000)

        self.window.operations.submit(
            lambda desk: export_cases(desk, services.access, path, fmt, services.data_dir),
            what="export", done=done, failed=lambda error: self.window.show_error(str(error)),
        )


def exported_words(count: int, leader_mode_ended: bool) -> str:
    """The status bar's line after an export (short enough for 1366 px at 200 % text)."""
    if leader_mode_ended:
        words = QCoreApplication.translate("Privacy", "已导出 {n} 条（含个人信息，请妥善保管）；队长模式已结束")
    else:
        words = QCoreApplication.translate("Privacy", "已导出 {n} 条诉求：含个人信息，请妥善保管、用完删除")
    return words.format(n=count)


def install_privacy(window, services, idle_minutes: int) -> PrivacyActions:
    """``idle_minutes`` read before the window's worker started (the database is the worker's now)."""
    actions = PrivacyActions(window, services, idle_minutes)
    window.privacy = actions
    return actions
