"""A calm, high-contrast dark look for a stall lit by one lamp.

Dark surfaces keep the screen from dazzling in the dark and from lighting up the volunteer's face;
text is near-white, the keyboard focus is a thick amber ring that can be found at a glance, errors
are a light red that stays readable on the dark background.

Two settings change it while the desk is open (设置 → 显示, kept by reception/display.py):
night mode, black with every text colour at 7:1 or more for a stall with no lamp at all, and
large text, 125 %–200 % of the normal size for older volunteers.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop import fonts

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

SCALES = (100, 125, 150, 175, 200)  # large-text mode: percent of the normal text size
_NIGHT_PROPERTY = "xinanDeskNight"
# Set by desktop.application.new_application, which has Qt make Fusion with the application:
# choosing it again from Python builds PySide6's QStyle type and its enums (6–10 ms) before the
# unlock dialog can show.
STYLE_AT_START_PROPERTY = "xinanDeskFusionAtStart"


class Colours(NamedTuple):  # not a dataclass: importing dataclasses delays the unlock dialog 3 ms
    background: str
    surface: str
    input: str
    border: str
    text: str
    muted: str
    placeholder: str
    disabled: str
    disabled_bg: str
    focus: str
    accent: str
    error: str
    error_bg: str
    warning_bg: str
    warning_border: str
    warning_text: str
    code: str
    button: str
    button_hover: str
    primary: str
    selection: str
    editing_bg: str
    grid: str
    void_text: str


STANDARD = Colours(
    background=BACKGROUND, surface=SURFACE, input=INPUT, border=BORDER, text=TEXT, muted=MUTED,
    placeholder="#7d8793", disabled="#6d7580", disabled_bg="#1a1d22", focus=FOCUS, accent=ACCENT,
    error=ERROR, error_bg="#4d1717", warning_bg=WARNING_BG, warning_border="#a88a1f",
    warning_text=WARNING_TEXT, code=CODE, button="#2a313a", button_hover="#36404b",
    primary="#1f6f9e", selection="#2f5d86", editing_bg="#173a52", grid="#2a3038",
    void_text=LIGHT_COLOURS["已作废"],
)

# Night mode: black surfaces and every text colour at 7:1 or more against what it is drawn on
# (WCAG AAA), checked by tests/desktop/test_display_modes.py; placeholder and disabled text too.
NIGHT = Colours(
    background="#000000", surface="#0b0b0b", input="#000000", border="#d0d0d0", text="#ffffff",
    muted="#e2e2e2", placeholder="#b8b8b8", disabled="#a8a8a8", disabled_bg="#101010",
    focus="#ffd400", accent="#80d8ff", error="#ffa3a3", error_bg="#3a0000", warning_bg="#1c1600",
    warning_border="#ffd400", warning_text="#ffe680", code="#ffe680", button="#1c1c1c",
    button_hover="#2c2c2c", primary="#00416d", selection="#003d6b", editing_bg="#002a44",
    grid="#5a5a5a", void_text="#bdbdbd",
)


def text_pairs(c: Colours) -> list[tuple[str, str, str]]:
    """(where, text colour, background) for every text the style sheet and palette draw."""
    return [
        ("window text", c.text, c.background),
        ("panel text", c.text, c.surface),
        ("muted label", c.muted, c.background),
        ("muted label on a panel", c.muted, c.surface),
        ("input text", c.text, c.input),
        ("placeholder", c.placeholder, c.input),
        ("disabled input", c.disabled, c.disabled_bg),
        ("disabled button", c.disabled, c.button),
        ("button", c.text, c.button),
        ("button under the mouse", c.text, c.button_hover),
        ("primary button", c.text, c.primary),
        ("selected row or menu item", c.text, c.selection),
        ("error text", c.error, c.background),
        ("error text in an input", c.error, c.input),
        ("error bar", c.text, c.error_bg),
        ("warning bar", c.warning_text, c.warning_bg),
        ("editing bar", c.text, c.editing_bg),
        ("tracking code", c.code, c.surface),
        ("counts", c.accent, c.surface),
        ("table header", c.muted, c.surface),
        ("status bar", c.muted, c.surface),
        ("voided case in the list", c.void_text, c.input),
        ("tooltip", c.text, c.surface),
    ]


def style_sheet(c: Colours, scale: int = 100) -> str:
    def pt(size: float, cap: float | None = None) -> str:
        scaled = size * scale / 100
        return f"{round(min(scaled, cap) if cap else scaled)}pt"

    return f"""
QWidget {{ color: {c.text}; }}
QMainWindow, QDialog, QWizard {{ background: {c.background}; }}
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.border}; }}
QLineEdit, QPlainTextEdit, QComboBox, QListView, QTableView, QSpinBox {{
    background: {c.input}; border: 1px solid {c.border}; border-radius: 4px; padding: 3px 6px;
    selection-background-color: {c.selection}; selection-color: {c.text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QTableView:focus, QSpinBox:focus,
QCheckBox:focus, QRadioButton:focus, QPushButton:focus, QFrame[choice="true"]:focus {{
    border: 3px solid {c.focus};
}}
QLineEdit:disabled, QPlainTextEdit:disabled {{ color: {c.disabled}; background: {c.disabled_bg}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 2px solid {c.error};
}}
QPushButton {{
    background: {c.button}; border: 1px solid {c.border}; border-radius: 5px; padding: 5px 12px;
}}
QPushButton:hover {{ background: {c.button_hover}; }}
QPushButton:checked {{ background: {c.primary}; border-color: {c.accent}; }}
QPushButton:disabled {{ color: {c.disabled}; }}
QPushButton[role="primary"] {{ background: {c.primary}; border-color: {c.accent}; font-weight: bold; }}
QPushButton[role="counter"] {{ font-size: {pt(14)}; font-weight: bold; padding: 4px 14px; }}
QCheckBox, QRadioButton {{ padding: 3px; border: 3px solid transparent; border-radius: 4px; }}
QCheckBox::indicator {{ width: 18px; height: 18px; border: 2px solid {c.muted}; border-radius: 3px; background: {c.input}; }}
QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.text}; }}
QCheckBox::indicator:disabled {{ border-color: {c.disabled}; }}
QFrame[choiceRow="true"] {{ border: 3px solid transparent; border-radius: 4px; }}
QFrame[choiceRow="true"][focused="true"] {{ border: 3px solid {c.focus}; }}
QFrame[choiceRow="true"] QRadioButton:focus {{ border-color: transparent; }}
QRadioButton::indicator {{ width: 16px; height: 16px; border: 2px solid {c.muted}; border-radius: 10px; background: {c.input}; }}
QRadioButton::indicator:checked {{ background: {c.accent}; border-color: {c.text}; }}
QFrame[choice="true"] {{ border: 3px solid transparent; border-radius: 6px; }}
QLabel[role="error"] {{ color: {c.error}; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="required"] {{ color: {c.error}; font-weight: bold; }}
QLabel[role="count"] {{ font-size: {pt(20, cap=30)}; font-weight: bold; color: {c.accent}; }}
QLabel[role="code"] {{ font-size: {pt(40, cap=52)}; font-weight: bold; color: {c.code}; }}
QLabel[role="code-compact"] {{ font-size: {pt(20, cap=34)}; font-weight: bold; color: {c.code}; }}
QLabel#sessionTitle {{ font-size: {pt(14)}; font-weight: bold; }}
QLabel#savedDetail, QLabel#editingLabel {{ font-size: {pt(13)}; }}
QLabel#savedDetail[compact="true"] {{ font-size: {pt(13, cap=18)}; }}
QFrame[role="panel"] {{ background: {c.surface}; border-radius: 6px; }}
QFrame[role="warning"] {{ background: {c.warning_bg}; border: 1px solid {c.warning_border}; border-radius: 4px; }}
QFrame[role="warning"] QLabel {{ color: {c.warning_text}; }}
QFrame[role="error-bar"] {{ background: {c.error_bg}; border: 1px solid {c.error}; border-radius: 4px; }}
QFrame[role="editing"] {{ background: {c.editing_bg}; border: 2px solid {c.accent}; border-radius: 4px; }}
QHeaderView::section {{ background: {c.surface}; color: {c.muted}; border: none; padding: 4px; }}
QTableView {{ gridline-color: {c.grid}; }}
QTableView::item:selected {{ background: {c.selection}; }}
QToolBar {{ background: {c.surface}; border: none; spacing: 6px; }}
QStatusBar {{ background: {c.surface}; color: {c.muted}; }}
QMenuBar, QMenu {{ background: {c.surface}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {c.selection}; }}
QScrollArea {{ border: none; }}
"""


def colours(app: QApplication | None = None) -> Colours:
    """The colours in use: night mode's or the standard dark look's."""
    app = app or QApplication.instance()
    return NIGHT if app is not None and app.property(_NIGHT_PROPERTY) else STANDARD


def apply(app: QApplication, night: bool = False, scale: int = 100) -> None:
    """Apply the look: standard or night colours, text at ``scale`` percent. Safe to call again
    while the desk is open: Qt re-polishes every widget and the new font reaches them all."""
    scale = min(max(int(scale), SCALES[0]), SCALES[-1])
    c = NIGHT if night else STANDARD
    sheet = style_sheet(c, scale)
    if app.styleSheet() == sheet:
        return  # already so: re-polishing every widget would only cost time
    app.setProperty(_NIGHT_PROPERTY, bool(night))
    # By name, and not at all when Qt made Fusion with the application: QStyleFactory.create()
    # hands Python a QStyle, whose ninety enums PySide6 then builds (8 ms before the dialog).
    if not app.property(STYLE_AT_START_PROPERTY):
        app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, c.background),
        (QPalette.ColorRole.WindowText, c.text),
        (QPalette.ColorRole.Base, c.input),
        (QPalette.ColorRole.AlternateBase, c.surface),
        (QPalette.ColorRole.Text, c.text),
        (QPalette.ColorRole.Button, c.button),
        (QPalette.ColorRole.ButtonText, c.text),
        (QPalette.ColorRole.Highlight, c.selection),
        (QPalette.ColorRole.HighlightedText, c.text),
        (QPalette.ColorRole.ToolTipBase, c.surface),
        (QPalette.ColorRole.ToolTipText, c.text),
        (QPalette.ColorRole.PlaceholderText, c.placeholder),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.disabled))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSize(round(fonts.BASE_POINT_SIZE * scale / 100))
    app.setFont(font)
    app.setStyleSheet(sheet)


def message_label(object_name: str) -> QLabel:
    """The line that says what is wrong (under a field, a dialog's message): the error colour,
    wrapped, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def set_role(widget, role: str) -> None:
    """Give a widget a style role and make the style sheet notice the change."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_invalid(widget, invalid: bool) -> None:
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
