"""The bundled Chinese font, so that the desk renders Chinese on a laptop that has none.

Qt falls back through the application font's family list glyph by glyph: Latin text keeps the
system's UI font and every character the system cannot draw comes from the bundled
DroidSansFallbackFull.ttf (Apache-2.0, see assets/fonts/README.md).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from reception import bundle

FONT_PATH = bundle.asset("fonts", "DroidSansFallbackFull.ttf")
# Large enough to read in a dark tent with tired eyes; the form's inputs use this size.
BASE_POINT_SIZE = 12


class FontMissing(RuntimeError):
    """The bundled font file is absent or unreadable: the install is broken."""


def register_bundled_font() -> str:
    """Register the bundled font with Qt and return its family name."""
    if not FONT_PATH.is_file():
        raise FontMissing(f"找不到内置中文字体文件：{FONT_PATH}")
    font_id = QFontDatabase.addApplicationFont(str(FONT_PATH))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise FontMissing(f"内置中文字体无法加载：{FONT_PATH}")
    return families[0]


def install_app_font(app: QApplication) -> QFont:
    """Make the bundled font the fallback of the application's font, at the desk's base size."""
    family = register_bundled_font()
    font = QFont(app.font())
    primary = [f for f in font.families() if f != family]
    font.setFamilies([*primary, family])
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    return font
