"""The slip as the printer's dots: the archived PDF rasterised at the printer's resolution.

What is printed is a 1-bit picture of the very PDF that is archived and previewed, drawn by PDFium
at the printer's own resolution, so that the driver neither scales nor dithers it. The QR code
is then drawn again from its matrix on that grid, every module a whole number of dots: the PDF
puts modules on the 203-dpi grid of a thermal head, and at any other resolution (a 300-dpi
head, an office printer) a module of 10.34 dots would come out 10 or 11 dots wide, which phones
misread. The redrawn symbol keeps its centre; its quiet zone absorbs the fraction of a module.
No Qt here: the picture is a Pillow image, shown and printed by the callers.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from reception.slips import qr
from reception.slips.layout import RenderedSlip

# Above this the picture gets large (A4 at 1200 dpi is 140 million dots) and looks no better:
# the printer's resolution is divided by a whole number to stay at or below it.
MAX_RASTER_DPI = 600
THRESHOLD = 128  # PDFium's anti-aliased grey to black or white, as a thermal head prints


def raster_dpi(printer_dpi: int) -> tuple[int, int]:
    """(dpi to draw at, whole dots of the printer per drawn dot)."""
    printer_dpi = max(72, int(printer_dpi))
    factor = -(-printer_dpi // MAX_RASTER_DPI)
    return printer_dpi // factor, factor


def page_pixels(slip: RenderedSlip, dpi: int) -> tuple[int, int]:
    return round(slip.width_pt * dpi / 72), round(slip.height_pt * dpi / 72)


def rasterise(slip: RenderedSlip, dpi: int) -> Image.Image:
    """The slip's one page as a 1-bit image at ``dpi``, the QR code on whole dots."""
    import pypdfium2

    width, height = page_pixels(slip, dpi)
    document = pypdfium2.PdfDocument(slip.pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        grey = bitmap.to_pil().convert("L")
        page.close()
    finally:
        document.close()
    if grey.size != (width, height):  # PDFium rounds the page's size its own way
        canvas = Image.new("L", (width, height), 255)
        canvas.paste(grey, (0, 0))
        grey = canvas
    image = grey.point(lambda v: 255 if v >= THRESHOLD else 0, mode="1")
    _redraw_qr(image, slip, dpi)
    return image


def qr_module_pixels(slip: RenderedSlip, dpi: int) -> int:
    """Whole dots per module at ``dpi``: the PDF's module size, rounded."""
    if slip.qr is None:
        raise ValueError("this slip has no QR code: the tracking page's address is not set")
    return max(1, round(slip.qr.module_dots * dpi / qr.PRINTER_DPI))


def qr_box(slip: RenderedSlip, dpi: int) -> tuple[int, int, int]:
    """(left, top, module size) of the redrawn symbol, in dots from the page's top-left."""
    placement = slip.qr
    if placement is None:
        raise ValueError("this slip has no QR code: the tracking page's address is not set")
    scale = dpi / 72
    module = qr_module_pixels(slip, dpi)
    size = placement.matrix.size
    centre_x = (placement.x + size * placement.module_pt / 2) * scale
    centre_y = (placement.y_from_top + size * placement.module_pt / 2) * scale
    return round(centre_x - size * module / 2), round(centre_y - size * module / 2), module


def _redraw_qr(image: Image.Image, slip: RenderedSlip, dpi: int) -> None:
    placement = slip.qr
    if placement is None:  # no tracking address yet: the slip has no QR code to sharpen
        return
    scale = dpi / 72
    quiet_pt = qr.QUIET_ZONE * placement.module_pt
    draw = ImageDraw.Draw(image)
    # Clear the symbol and its quiet zone as the PDF drew them, then draw the modules again.
    draw.rectangle(
        (
            round((placement.x - quiet_pt) * scale),
            round((placement.y_from_top - quiet_pt) * scale),
            round((placement.x + (placement.matrix.size * placement.module_pt) + quiet_pt) * scale) - 1,
            round((placement.y_from_top + (placement.matrix.size * placement.module_pt) + quiet_pt) * scale) - 1,
        ),
        fill=1,
    )
    left, top, module = qr_box(slip, dpi)
    for r, start, end in qr.dark_runs(placement.matrix):
        draw.rectangle(
            (left + start * module, top + r * module, left + end * module - 1, top + (r + 1) * module - 1),
            fill=0,
        )
