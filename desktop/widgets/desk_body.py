"""The window's body in two arrangements, so that large text changes the layout instead of
squeezing it.

Wide (100 % and 150 % text on a 1366-pixel screen): the intake form on the left; the code panel
and tonight's list on the right, side by side in a splitter.

Compact (200 % text, and 150 % on a screen as low as a 1366×768 laptop's): two columns of large
text do not fit, so the form and tonight's list each get the whole width, in two tabs (Ctrl+L
shows the list; Ctrl+N, opening a case or saving shows the form). The code panel becomes one
row above the form, so the tracking code is in view when a case is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

WIDE, COMPACT = "wide", "compact"
# Below this height (a 1366×768 laptop leaves about 728 pixels) 150 % text is compact too.
ROOMY_HEIGHT = 900


def layout_for(percent: int, room_height: int) -> str:
    if percent >= 200 or (percent >= 150 and room_height < ROOMY_HEIGHT):
        return COMPACT
    return WIDE


class DeskBody(QStackedWidget):
    def __init__(self, form_panel: QWidget, saved_panel, list_panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskBody")
        self.form_panel, self.saved_panel, self.list_panel = form_panel, saved_panel, list_panel

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self._right = QWidget()
        self._right_column = QVBoxLayout(self._right)
        self._right_column.setContentsMargins(4, 0, 0, 0)
        self._right_column.setSpacing(5)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("deskTabs")
        self.tabs.setDocumentMode(True)
        self._form_page = QWidget()
        self._form_column = QVBoxLayout(self._form_page)
        self._form_column.setContentsMargins(0, 4, 0, 0)
        self._form_column.setSpacing(4)

        self.addWidget(self.splitter)
        self.addWidget(self.tabs)
        self.mode = ""
        self.arrange(WIDE)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setSizes([740, 600])

    def arrange(self, mode: str) -> None:
        """Put the panels in the wide or the compact arrangement; the keyboard stays where it was."""
        if mode == self.mode:
            return
        focused = QApplication.focusWidget()
        if mode == COMPACT:
            self._form_column.addWidget(self.saved_panel)
            self._form_column.addWidget(self.form_panel, 1)
            self.tabs.addTab(self._form_page, "")
            self.tabs.addTab(self.list_panel, "")
            self.setCurrentWidget(self.tabs)
        else:
            while self.tabs.count():
                self.tabs.removeTab(0)
            self._right_column.addWidget(self.saved_panel)
            self._right_column.addWidget(self.list_panel, 1)
            self.splitter.insertWidget(0, self.form_panel)
            self.splitter.insertWidget(1, self._right)
            self.setCurrentWidget(self.splitter)
        if mode == WIDE:
            # Reparented out of the tabs, the panels come back hidden; in the tabs, the tab
            # widget alone decides which page shows.
            self.form_panel.show()
            self.list_panel.show()
        else:
            self.tabs.setCurrentIndex(0)
        self.saved_panel.show()
        self.saved_panel.set_compact(mode == COMPACT)
        self.mode = mode
        if focused is not None and focused.isVisible():
            focused.setFocus()

    def set_tab_texts(self, form: str, cases: str) -> None:
        self.tabs.setTabText(0, form)
        self.tabs.setTabText(1, cases)

    def show_form(self) -> None:
        if self.mode == COMPACT:
            self.tabs.setCurrentWidget(self._form_page)

    def show_list(self) -> None:
        if self.mode == COMPACT:
            self.tabs.setCurrentWidget(self.list_panel)

    def share(self, form_share: float) -> None:
        """In the wide arrangement, how much of the width the form gets."""
        total = sum(self.splitter.sizes()) or self.width()
        self.splitter.setSizes([round(total * form_share), total - round(total * form_share)])
