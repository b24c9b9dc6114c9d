"""The team leader's PIN in front of the leader's actions (sync, void, export, settings, audit log).

Each gated slot starts with ``if not leader_gate.allowed(window, "void", retry): return``: a
volunteer gets the PIN dialog, and after the right PIN the action runs (``retry``). The slot then
calls ``done_when_closed(window, dialog)`` on the dialog it opens (or ``action_done(window)`` once
it has queued its operation): a PIN given for one action ends leader mode when that action is
done. Its dialog closing is what counts, not the window losing focus, so a file dialog opened
inside it (the export's 另存为, a backup's folder) does not end it. Leader mode then ends on the
database worker after the operations already queued, so a void or sync still running when its
dialog closes finishes with the key; from that moment the window treats the mode as over (the
status bar says so, the next leader's action asks the PIN again).

A leader with several things to do chooses 设置 → 进入队长模式…: that leader mode outlives each
action and ends after ``leader_minutes`` (default 2; the status bar counts them down), at the
idle lock, or when the leader leaves it (设置 → 退出队长模式). Both kinds end at those three. The
PIN is checked on the database worker: it unwraps the leader key (scrypt) and writes the audit
log; the seal written when leader mode ends goes to the worker too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.widgets import theme
from reception.privacy.roles import LEADER_ACTIONS


# The actions' names as the PIN dialog says them, in the desk's language (the domain's
# LEADER_ACTIONS words are the command line's, in Chinese).
ACTION_WORDS = {
    "sync": QT_TRANSLATE_NOOP("LeaderGate", "同步"),
    "void": QT_TRANSLATE_NOOP("LeaderGate", "作废诉求"),
    "export": QT_TRANSLATE_NOOP("LeaderGate", "导出"),
    "settings": QT_TRANSLATE_NOOP("LeaderGate", "修改设置"),
    "audit": QT_TRANSLATE_NOOP("LeaderGate", "查看操作日志"),
    "purge": QT_TRANSLATE_NOOP("LeaderGate", "清除到期个人信息"),
    "device": QT_TRANSLATE_NOOP("LeaderGate", "设置本机编号"),
    "passphrase": QT_TRANSLATE_NOOP("LeaderGate", "更换口令"),
    "leader": QT_TRANSLATE_NOOP("LeaderGate", "进入队长模式"),
}


class PinDialog(QDialog):
    def __init__(self, action_words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(QCoreApplication.translate("LeaderGate", "队长确认"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        why = QLabel(QCoreApplication.translate("LeaderGate", "「{action}」只有队长可以操作。请队长输入 PIN：").format(action=action_words))
        why.setWordWrap(True)
        layout.addWidget(why)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        layout.addWidget(self.pin_edit)
        self.message = theme.message_label("pinMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(QCoreApplication.translate("LeaderGate", "确认"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("pinOkButton")
        self.ok_button.setDefault(True)
        theme.set_role(self.ok_button, "primary")
        buttons.addButton(QCoreApplication.translate("LeaderGate", "取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.on_pin: Callable[[str], None] | None = None
        self.pin_edit.setFocus()

    def _submit(self) -> None:
        if self.on_pin is not None:
            self.ok_button.setEnabled(False)
            self.on_pin(self.pin_edit.text())

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.pin_edit.clear()
        self.ok_button.setEnabled(True)
        self.pin_edit.setFocus()


class _Mode:
    """How the window's leader mode was entered, and whether its action is done."""

    def __init__(self) -> None:
        self.for_one_action = True  # the PIN was given for one action: it ends when that is done
        self.ending = False  # that action is done: the worker ends leader mode after its queue


def _mode(window) -> _Mode:
    mode = getattr(window, "_leader_mode", None)
    if mode is None:
        mode = window._leader_mode = _Mode()
    return mode


def is_leader(window) -> bool:
    """Leader mode on, and not a one-action mode whose action is done."""
    return window.services.access.is_leader and not _mode(window).ending


def allowed(window, action: str, retry: Callable[[], None], stay: bool = False) -> bool:
    """True when the team leader is at the keyboard; otherwise ask the PIN, then ``retry()``.

    ``stay``: the leader asked for leader mode itself (进入队长模式), not for one action."""
    access = window.services.access
    if is_leader(window):
        return True
    words = ACTION_WORDS.get(action)
    dialog = PinDialog(QCoreApplication.translate("LeaderGate", words) if words else LEADER_ACTIONS.get(action, action), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def check(pin: str) -> None:
        def accepted(_result) -> None:
            mode = _mode(window)
            mode.for_one_action, mode.ending = not stay, False
            dialog.accept()
            leader_mode_changed(window)
            tell_what_was_tampered(window)
            retry()

        window.operations.submit(
            lambda _desk: access.become_leader(pin), what="leader_pin",
            done=accepted, failed=lambda error: dialog.refuse(str(error)),
        )

    dialog.on_pin = check
    dialog.open()
    return False


def leader_mode_changed(window) -> None:
    """Tell the window (its status bar) whether the leader mode is on, and for how long."""
    label = getattr(window, "leader_label", None)
    if label is None:
        return
    access = window.services.access
    until = access.leader_until
    if until is None or _mode(window).ending:
        label.hide()
        return
    left = max(0, int((until - access.now()).total_seconds()))
    label.setText(QCoreApplication.translate("LeaderGate", "队长模式 · 还剩 {time}").format(
        time=f"{left // 60}:{left % 60:02d}"))
    label.show()


def enter_leader_mode(window) -> None:
    """设置 → 进入队长模式…: the PIN once for several actions; the minutes (or the leader) end it."""
    if is_leader(window):
        mode = _mode(window)
        mode.for_one_action = False  # the leader is at the keyboard and asks to stay
        leader_mode_changed(window)
        return
    allowed(window, "leader", lambda: None, stay=True)


def ended_words() -> str:
    """The status bar's line when a one-action leader mode ends (short enough for 1366 px at 200 %)."""
    return QCoreApplication.translate("LeaderGate", "队长操作已完成，队长模式已结束：下次需再输入 PIN")


def action_done(window) -> None:
    """The action the PIN was given for is done (its dialog closed, its operation queued):
    a one-action leader mode ends, after the worker has run what is queued before it."""
    access = window.services.access
    mode = _mode(window)
    if not mode.for_one_action or mode.ending or not access.is_leader:
        return
    mode.ending = True
    leader_mode_changed(window)
    window.statusBar().showMessage(ended_words(), 10_000)
    if getattr(window.operations, "_stopped", False):
        access.end_leader_mode("操作完成")
        return

    def over(_result=None) -> None:
        mode.ending = False
        leader_mode_changed(window)

    window.operations.submit(lambda _desk: access.action_done(), what="leader_action_done", done=over, failed=over)


def done_when_closed(window, dialog: QWidget) -> None:
    """The gated action lasts as long as ``dialog`` (and what it opens inside): then it is done."""
    dialog.finished.connect(lambda _code: action_done(window))


def end_leader_mode(window, reason: str) -> None:
    """End leader mode now (the UI thread forgets the key); the seal is written on the worker."""
    access = window.services.access
    access.end_leader_mode(reason)
    _mode(window).ending = False
    leader_mode_changed(window)
    if getattr(window.operations, "_stopped", False):
        return  # the window is closing: its worker is gone, the seal is written at the next PIN
    window.operations.submit(lambda _desk: access.seal_pending(), what="leader_seal")


def tell_what_was_tampered(window) -> None:
    """After the PIN: leader settings changed while no one held the leader key, named."""
    names = window.services.access.tampered
    if not names:
        return
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        window, QCoreApplication.translate("LeaderGate", "队长设置被改过"),
        QCoreApplication.translate(
            "LeaderGate", "以下队长设置在没有队长 PIN 的情况下被改过（已记入操作日志），请核对：\n{names}"
        ).format(names="\n".join(names)),
    )
