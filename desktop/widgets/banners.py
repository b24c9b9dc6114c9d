"""Bars across the top of the window: form-file warnings, the no-session invitation, errors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.widgets import theme


class MessageBar(QFrame):
    """A coloured bar with a message, an optional action button and a close button."""

    def __init__(self, role: str, object_name: str, closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        theme.set_role(self, role)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 6, 5)
        self.label = QLabel()
        self.label.setObjectName(f"{object_name}Text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.action = QPushButton()
        self.action.setObjectName(f"{object_name}Action")
        self.action.hide()
        layout.addWidget(self.action)
        self.close_button = QPushButton()
        self.close_button.setObjectName(f"{object_name}Close")
        self.close_button.clicked.connect(self.hide)
        self.close_button.setVisible(closable)
        layout.addWidget(self.close_button)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        # The message itself is set by whoever shows the bar, and set again by them on a switch.
        self.close_button.setText(self.tr("知道了"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def set_action(self, text: str, slot) -> None:
        self.action.setText(text)
        self.action.clicked.connect(slot)
        self.action.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
