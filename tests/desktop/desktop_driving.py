"""Driving the desk window as a volunteer does, and looking at its database from outside.

Helpers here only do what a person does: type into the widget that has the keyboard focus, press
Tab, shortcuts and buttons. The database is checked through a separate connection (a fresh
ReceptionDesk on the same file), as another program would see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from composition.services import Services
from desktop.main_window import MainWindow
from forms import load_form
from reception.desk import ReceptionDesk
from reception.privacy.roles import Access
from reception_support import TEST_KDF_COST, TEST_PIN, open_test_database


@contextmanager
def fresh_desk(data_dir: Path) -> Iterator[ReceptionDesk]:
    """A second, independent connection to the window's database file."""
    db = open_test_database(data_dir)
    try:
        yield ReceptionDesk(db, load_form(data_dir).form)
    finally:
        db.conn.close()


def set_leader_pin(data_dir: Path) -> None:
    """The team leader set a PIN on an earlier night (xinan-desk pin)."""
    with fresh_desk(data_dir) as desk:
        Access(desk, kdf_cost=TEST_KDF_COST).set_pin(TEST_PIN)


def close_window(window: MainWindow, services: Services) -> None:
    """Close (once) a window and its database connection; safe to call again."""
    if shiboken6.isValid(window):
        window.close()
        window.deleteLater()
    services.close()


def settle(qtbot) -> None:
    """Let queued window-system events run, then do what a window manager would.

    The offscreen platform has no window manager: it activates a popup (the category list, a
    completer) asynchronously, possibly after the popup has closed, leaving a hidden window
    "active" and nothing with the keyboard focus; and it does not activate a dialog as it opens.
    A window manager activates the open dialog, or else the main window; this does the same, and
    Qt then gives the keyboard to that window's own focus widget.
    """
    QApplication.processEvents()
    if QApplication.activePopupWidget() is not None:
        return
    # A dialog an earlier test deleted can still be listed while its deletion is pending.
    visible = [w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w) and w.isVisible()]
    target = next((w for w in visible if isinstance(w, QDialog)), None) or next(
        (w for w in visible if isinstance(w, MainWindow)), None
    )
    if target is not None and not target.isActiveWindow():
        target.activateWindow()
        # An earlier test's dialog may be deleted meanwhile: then there is nothing to wait for.
        qtbot.waitUntil(lambda: not shiboken6.isValid(target) or target.isActiveWindow())


def _visible_dialog(name: str) -> QDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


class Volunteer:
    """Keyboard actions on whatever has the focus, like a person at the laptop."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def type(self, text: str) -> None:
        """Letters and digits as key presses; Chinese as an input method commits it."""
        settle(self.qtbot)
        for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
            if chunk.isascii():
                self.qtbot.keyClicks(focused(), chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(focused(), event)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        settle(self.qtbot)
        self.qtbot.keyClick(focused(), key, modifier)

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab)

    def save(self) -> None:
        self.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def give_consent(self) -> None:
        """After reading out the notice (F1): Alt+Y ticks 居民同意, wherever the focus is in the form."""
        settle(self.qtbot)
        box = QApplication.activeWindow().findChild(QWidget, "field_consent")
        was = box.isChecked()
        self.press(Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
        self.qtbot.waitUntil(lambda: box.isChecked() != was)

    def type_pin(self, pin: str) -> None:
        """The team leader answers the PIN dialog."""
        self.qtbot.waitUntil(lambda: _visible_dialog("pinDialog") is not None)
        settle(self.qtbot)
        self.type(pin)
        self.press(Qt.Key.Key_Return)

    def pick_category(self, window: MainWindow, query: str, downs: int = 1) -> None:
        """Type into the category picker, move down the popup list and press Enter."""
        picker = window.form.fields["category"].picker
        picker.setFocus()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is picker)
        self.type(query)
        popup = picker.popup()
        self.qtbot.waitUntil(popup.isVisible)
        for _ in range(downs):
            self.qtbot.keyClick(popup, Qt.Key.Key_Down)
        self.qtbot.keyClick(popup, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: bool(picker.code))
