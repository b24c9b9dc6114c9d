"""QR codes drawn for a 203-dpi thermal head.

A thermal printer has 8 dots per millimetre. A module that is not a whole number of dots gets
rounded differently from one module to the next, and phones then misread the code; so the code
is drawn as vector rectangles on the printer's own dot grid, every module exactly N dots wide,
never as a scaled bitmap. Error correction is at least M (15 %: thermal paper fades and creases),
raised for free whenever the higher level fits in the same size of symbol.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.pdfgen.canvas import Canvas

PRINTER_DPI = 203
DOT = 72 / PRINTER_DPI  # one printer dot in PDF points
QUIET_ZONE = 4  # modules of white all round, as ISO/IEC 18004 requires
_LEVELS = {ERROR_CORRECT_M: "M", ERROR_CORRECT_Q: "Q", ERROR_CORRECT_H: "H"}


@dataclass(frozen=True)
class QrMatrix:
    modules: tuple[tuple[bool, ...], ...]  # True = dark; without the quiet zone
    version: int
    level: str  # "M", "Q" or "H"

    @property
    def size(self) -> int:
        return len(self.modules)

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE


def _version(data: str, level: int) -> int:
    """The smallest version holding ``data`` at ``level`` (no masking: that is the slow part)."""
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(data)
    return code.best_fit()


def qr_matrix(data: str) -> QrMatrix:
    """The smallest symbol at level M, at the highest level that still fits that size."""
    version = _version(data, ERROR_CORRECT_M)
    level = next(lv for lv in (ERROR_CORRECT_H, ERROR_CORRECT_Q, ERROR_CORRECT_M)
                 if lv == ERROR_CORRECT_M or _version(data, lv) == version)
    code = qrcode.QRCode(version=version, error_correction=level, border=0)
    code.add_data(data)
    code.make(fit=False)
    matrix = tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
    return QrMatrix(modules=matrix, version=version, level=_LEVELS[level])


def module_dots(matrix: QrMatrix, target_mm: float, max_width_pt: float, minimum: int = 3) -> int:
    """Whole printer dots per module for a symbol about ``target_mm`` wide, quiet zone included,
    never wider than ``max_width_pt`` and never below ``minimum`` dots (0.375 mm at 203 dpi)."""
    target_dots = target_mm / 25.4 * PRINTER_DPI
    dots = max(minimum, round(target_dots / matrix.size_with_quiet_zone))
    while dots > minimum and dots * matrix.size_with_quiet_zone * DOT > max_width_pt:
        dots -= 1
    return dots


def snap(points: float) -> float:
    """Round a length up to a whole number of printer dots."""
    dots = -(-round(points / DOT, 6) // 1)
    return dots * DOT


def dark_runs(matrix: QrMatrix) -> Iterator[tuple[int, int, int]]:
    """(row, first column, column past the last) of every horizontal run of dark modules."""
    for r, row in enumerate(matrix.modules):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            yield r, start, c


def draw(canvas: Canvas, matrix: QrMatrix, x: float, y_top: float, dots: int) -> None:
    """Draw the symbol with its top-left module corner at (x, y_top) in PDF points.

    ``x`` is measured from the page's left edge and ``y_top`` is the PDF y coordinate of the top
    edge; the caller puts both on the dot grid. Each row's dark runs become one rectangle, all
    in one filled path, so that there are no hairline seams between neighbouring modules.
    """
    step = dots * DOT
    # Rasterisers without anti-aliasing (poppler's, and most printer drivers) also blacken the
    # dot a shape's far edge merely touches, which would make every dark run one dot too wide.
    # Pulling each edge in by a hundredth of a dot keeps every module exactly ``dots`` wide.
    inset = DOT / 100
    path = canvas.beginPath()
    for r, start, end in dark_runs(matrix):
        path.rect(
            x + start * step + inset,
            y_top - (r + 1) * step + inset,
            (end - start) * step - 2 * inset,
            step - 2 * inset,
        )
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
