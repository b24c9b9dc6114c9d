"""The team leader's PIN in front of the leader's actions (sync, void, export, settings, audit log).

Each gated slot starts with ``if not leader_gate.allowed(window, "void", retry): return``: a
volunteer gets the PIN dialog, and after the right PIN the action runs (``retry``). The leader
mode lasts until the idle lock (or the leader leaves it from the status bar), so a night's sync and
a few voids need the PIN once. The PIN is checked on the database worker: it reads the encrypted
settings and writes the audit log.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.widgets import theme
from reception.privacy.roles import LEADER_ACTIONS


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
        self.message = QLabel()
        self.message.setObjectName("pinMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
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


def allowed(window, action: str, retry: Callable[[], None]) -> bool:
    """True when the team leader is at the keyboard; otherwise ask the PIN, then ``retry()``."""
    access = window.services.access
    if access.is_leader:
        return True
    dialog = PinDialog(LEADER_ACTIONS.get(action, action), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def check(pin: str) -> None:
        def accepted(_result) -> None:
            dialog.accept()
            leader_mode_changed(window)
            retry()

        window.operations.submit(
            lambda _desk: access.become_leader(pin), what="leader_pin",
            done=accepted, failed=lambda error: dialog.refuse(str(error)),
        )

    dialog.on_pin = check
    dialog.open()
    return False


def leader_mode_changed(window) -> None:
    """Tell the window (its status bar) whether the leader mode is on."""
    label = getattr(window, "leader_label", None)
    if label is not None:
        label.setVisible(window.services.access.is_leader)
