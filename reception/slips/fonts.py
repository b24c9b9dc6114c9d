"""Fonts for slips: the bundled Chinese TrueType font, embedded as a subset, plus Helvetica.

DroidSansFallbackFull.ttf has the Chinese characters and full-width punctuation but no Latin
letters or digits, so text is drawn in runs: Chinese in the embedded font, ASCII in Helvetica
(one of the PDF standard fonts every viewer and every CUPS filter has). The tracking code is
all ASCII and is set in Helvetica-Bold, which prints crisp and wide on a thermal head.
"""

from __future__ import annotations

import functools
import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reception import bundle

FONT_PATH = bundle.asset("fonts", "DroidSansFallbackFull.ttf")
CJK = "XinanDroidSansFallback"
LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
# Helvetica-Bold's capital height (718/1000 em): how tall the tracking code's letters print.
LATIN_BOLD_CAP_HEIGHT = 0.718


class SlipFontMissing(RuntimeError):
    """The bundled font is missing or unreadable: the installation is broken."""


@functools.cache
def _cjk_coverage() -> frozenset[int]:
    if not FONT_PATH.is_file():
        raise SlipFontMissing(f"找不到内置中文字体文件：{FONT_PATH}")
    try:
        font = TTFont(CJK, str(FONT_PATH))
    except Exception as error:  # reportlab raises TTFError and friends for a damaged file
        raise SlipFontMissing(f"内置中文字体无法读取：{FONT_PATH}（{type(error).__name__}）") from None
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def register() -> None:
    """Load and register the Chinese font once per process (it takes a moment: 28,000 glyphs)."""
    _cjk_coverage()


def _latin_ok(ch: str) -> bool:
    try:
        ch.encode("cp1252")  # what reportlab's standard fonts can show
    except UnicodeEncodeError:
        return False
    return ch.isprintable()


def printable(text: str) -> str:
    """Replace characters neither font has (an emoji, say) with a full-width question mark."""
    coverage = _cjk_coverage()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch == "\n" or ord(ch) in coverage or _latin_ok(ch):
            out.append(ch)
        else:
            out.append("？")
    return "".join(out)


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` split into (font name, piece) runs; spaces stay with the run they are in."""
    coverage = _cjk_coverage()
    latin = LATIN_BOLD if bold else LATIN
    result: list[tuple[str, str]] = []
    for ch in text:
        font = CJK if ord(ch) in coverage and ch != " " else latin
        if result and (result[-1][0] == font or ch == " "):
            result[-1] = (result[-1][0], result[-1][1] + ch)
        else:
            result.append((font, ch))
    return result


def width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, bold))
