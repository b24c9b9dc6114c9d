"""A calm, high-contrast dark look for a stall lit by one lamp.

Dark surfaces keep the screen from dazzling in the dark and from lighting up the volunteer's face;
text is near-white, the keyboard focus is a thick amber ring that can be found at a glance, errors
are a light red that stays readable on the dark background.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

BACKGROUND = "#14171c"
SURFACE = "#1e232a"
INPUT = "#0d0f12"
BORDER = "#56606d"
TEXT = "#f2f4f7"
MUTED = "#aab3bf"
FOCUS = "#ffc94d"
ACCENT = "#5cc8ff"
ERROR = "#ff8080"
WARNING_BG = "#4a3b00"
WARNING_TEXT = "#ffe9a8"
CODE = "#ffe08a"

LIGHT_COLOURS = {
    "办结绿": "#3ddc84",
    "办理中": "#8fb8ff",
    "预警黄": "#ffd23f",
    "警报红": "#ff4d4d",
    "已作废": "#7a828c",
}

STYLE_SHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog {{ background: {BACKGROUND}; }}
QToolTip {{ color: {TEXT}; background: {SURFACE}; border: 1px solid {BORDER}; }}
QLineEdit, QPlainTextEdit, QComboBox, QListView, QTableView {{
    background: {INPUT}; border: 1px solid {BORDER}; border-radius: 4px; padding: 3px 6px;
    selection-background-color: #2f5d86; selection-color: {TEXT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QTableView:focus,
QCheckBox:focus, QPushButton:focus, QFrame[choice="true"]:focus {{
    border: 3px solid {FOCUS};
}}
QLineEdit:disabled, QPlainTextEdit:disabled {{ color: #6d7580; background: #1a1d22; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 2px solid {ERROR};
}}
QPushButton {{
    background: #2a313a; border: 1px solid {BORDER}; border-radius: 5px; padding: 5px 12px;
}}
QPushButton:hover {{ background: #36404b; }}
QPushButton:checked {{ background: #1f6f9e; border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #6d7580; }}
QPushButton[role="primary"] {{ background: #1f6f9e; border-color: {ACCENT}; font-weight: bold; }}
QPushButton[role="counter"] {{ font-size: 14pt; font-weight: bold; padding: 4px 14px; }}
QCheckBox {{ padding: 3px; border: 3px solid transparent; border-radius: 4px; }}
QCheckBox::indicator {{ width: 18px; height: 18px; border: 2px solid {MUTED}; border-radius: 3px; background: {INPUT}; }}
QCheckBox::indicator:checked {{ background: {ACCENT}; border-color: {TEXT}; }}
QCheckBox::indicator:disabled {{ border-color: #4a515b; }}
QFrame[choice="true"] {{ border: 3px solid transparent; border-radius: 6px; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="required"] {{ color: {ERROR}; font-weight: bold; }}
QLabel[role="count"] {{ font-size: 20pt; font-weight: bold; color: {ACCENT}; }}
QLabel[role="code"] {{ font-size: 40pt; font-weight: bold; color: {CODE}; }}
QFrame[role="panel"] {{ background: {SURFACE}; border-radius: 6px; }}
QFrame[role="warning"] {{ background: {WARNING_BG}; border: 1px solid #a88a1f; border-radius: 4px; }}
QFrame[role="warning"] QLabel {{ color: {WARNING_TEXT}; }}
QFrame[role="error-bar"] {{ background: #4d1717; border: 1px solid {ERROR}; border-radius: 4px; }}
QFrame[role="editing"] {{ background: #173a52; border: 2px solid {ACCENT}; border-radius: 4px; }}
QHeaderView::section {{ background: {SURFACE}; color: {MUTED}; border: none; padding: 4px; }}
QTableView {{ gridline-color: #2a3038; }}
QTableView::item:selected {{ background: #2f5d86; }}
QToolBar {{ background: {SURFACE}; border: none; spacing: 6px; }}
QStatusBar {{ background: {SURFACE}; color: {MUTED}; }}
QMenuBar, QMenu {{ background: {SURFACE}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: #2f5d86; }}
QScrollArea {{ border: none; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, BACKGROUND),
        (QPalette.ColorRole.WindowText, TEXT),
        (QPalette.ColorRole.Base, INPUT),
        (QPalette.ColorRole.AlternateBase, SURFACE),
        (QPalette.ColorRole.Text, TEXT),
        (QPalette.ColorRole.Button, "#2a313a"),
        (QPalette.ColorRole.ButtonText, TEXT),
        (QPalette.ColorRole.Highlight, "#2f5d86"),
        (QPalette.ColorRole.HighlightedText, TEXT),
        (QPalette.ColorRole.ToolTipBase, SURFACE),
        (QPalette.ColorRole.ToolTipText, TEXT),
        (QPalette.ColorRole.PlaceholderText, "#7d8793"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6d7580"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6d7580"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


def set_role(widget, role: str) -> None:
    """Give a widget a style role and make the style sheet notice the change."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_invalid(widget, invalid: bool) -> None:
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
