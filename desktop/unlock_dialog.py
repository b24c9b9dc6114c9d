"""The unlock dialog at the start of the night: the first thing a volunteer sees.

It is shown before the rest of the desk is imported, so this module loads only Qt's widgets and
what is loaded already for the application (its theme). The vault (SQLCipher,
sqlite-utils, cryptography), the privacy parts of the window (desktop/privacy_ui.py) and the
window itself load after it is on screen: tests/desktop/test_application.py fails if one of them
is imported before. bench/startup.py measures the time to the dialog.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.widgets import theme

from reception.privacy.vault_files import is_fresh

log = logging.getLogger(__name__)
PASSPHRASE_ENV = "XINAN_DESK_PASSPHRASE"


class UnlockDialog(QDialog):
    """Asks the street's passphrase (twice, to set it, on a fresh data directory) and opens the desk."""

    def __init__(self, data_dir: Path, open_services: Callable[[Path, str], object], parent: QWidget | None = None,
                 on_screen: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self._on_screen = on_screen
        self.data_dir = Path(data_dir)
        self._open_services = open_services
        self.services = None
        self.fresh = is_fresh(self.data_dir)
        self.setWindowTitle(QCoreApplication.translate("Privacy", "心安接访台 — 解锁"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate("Privacy", "第一次使用：请为这台笔记本设置街道口令（至少 8 个字符，队长们共同保管）。居民的信息用它加密保存。")
            if self.fresh else QCoreApplication.translate("Privacy", "请输入街道口令，打开今晚的接访台。")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase_edit = self._secret("passphraseEdit", QCoreApplication.translate("Privacy", "街道口令"))
        layout.addWidget(self.passphrase_edit)
        self.again_edit = self._secret("passphraseAgainEdit", QCoreApplication.translate("Privacy", "再输入一次"))
        self.again_edit.setVisible(self.fresh)
        layout.addWidget(self.again_edit)
        self.message = theme.message_label("unlockMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(QCoreApplication.translate("Privacy", "设置并打开") if self.fresh else QCoreApplication.translate("Privacy", "解锁"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("unlockButton")
        self.ok_button.setDefault(True)
        # Not theme.set_role: a widget not shown yet is polished when it shows, and touching
        # the style from Python builds QStyle's ninety enums (15 ms) before the first paint.
        self.ok_button.setProperty("role", "primary")
        buttons.addButton(QCoreApplication.translate("Privacy", "退出"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit()
        self.passphrase_edit.setFocus()

    def _fit(self) -> None:
        """As tall as its wrapped lines need at its width: a dialog's size hint does not ask a
        wrapped label's height for the width it gets (the new-laptop intro was cut in English
        at 100 % and in every language at 200 %). About 26 characters wide at the text size."""
        width = max(520, self.fontMetrics().horizontalAdvance("口") * 26)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = min(width, screen.width() - 40)
        height = self.layout().totalHeightForWidth(width)
        if screen is not None:
            height = min(height, screen.height() - 40)
        self.resize(width, max(height, self.layout().totalMinimumSize().height()))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._on_screen is not None:
            # Once the dialog is drawn: what the desk loads next must not delay its first look.
            then, self._on_screen = self._on_screen, None
            QTimer.singleShot(0, then)

    @staticmethod
    def _secret(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        # The password echo mode also tells input methods the text is sensitive and not to be
        # predicted or remembered (Qt sets ImhSensitiveData, ImhNoPredictiveText, ImhHiddenText).
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        return edit

    def try_unlock(self, passphrase: str | None = None) -> bool:
        text = passphrase if passphrase is not None else self.passphrase_edit.text()
        if passphrase is None and self.fresh and text != self.again_edit.text():
            return self._refuse(QCoreApplication.translate("Privacy", "两次输入的口令不一致，请重新输入"))
        # Loaded with the vault after the dialog is up (PySide6 builds all of the Qt namespace's
        # enums when it is first touched: 17 ms that the dialog's first paint need not wait for).
        from PySide6.QtCore import Qt

        from reception.errors import DeskError
        from reception.privacy.keyfile import PassphraseError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.services = self._open_services(self.data_dir, text)
        except PassphraseError as error:
            log.warning("unlock refused: wrong passphrase")
            return self._refuse(str(error))
        except DeskError as error:
            log.error("unlock failed: %s", type(error).__name__)
            return self._refuse(str(error))
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
        return True

    def _refuse(self, text: str) -> bool:
        self.message.setText(text)
        self.message.show()
        self._fit()
        self.passphrase_edit.clear()
        self.again_edit.clear()
        self.passphrase_edit.setFocus()
        return False


def unlock_at_start(data_dir: Path, open_services, on_screen: Callable[[], None] | None = None) -> object | None:
    """The services once unlocked, or None when the person chose 退出.

    ``XINAN_DESK_PASSPHRASE`` is tried first (as by the command line: kiosk set-ups and the
    start-up benchmark); a wrong one falls back to asking. ``on_screen`` runs once the dialog has
    been drawn (the window's modules start loading then).
    """
    dialog = UnlockDialog(data_dir, open_services, on_screen=on_screen)
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env and dialog.try_unlock(from_env):
        return dialog.services
    return dialog.services if dialog.exec() == QDialog.DialogCode.Accepted else None
