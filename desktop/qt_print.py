"""Slips through Qt's print support: the spooler of whatever system the laptop runs.

``QtSpooler`` lists the printers the system has (QPrinterInfo) and prints a slip with QPrinter,
which hands the job to the Windows spooler, macOS's printing system or CUPS. A roll's page is
set to exactly the slip's size (80 × 151.27 mm, say), so the printer feeds no blank tail and
never breaks the page through the QR code; A4 stays A4. What is painted is the archived PDF as
a 1-bit picture at the printer's resolution (desktop/slip_raster.py), one picture dot on a whole
number of printer dots, so the driver has nothing to scale or dither.

QPrinter may be used off the GUI thread (the desk prints from its database worker); it needs a
QGuiApplication to exist, which the window has and the command line makes (``gui_application``).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop import slip_raster
from reception.messages import t
from reception.slips.layout import RenderedSlip
from reception.slips.printing import PrinterState, PrintError, not_chosen, not_found

_NOT_READY = (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)


def gui_application() -> QGuiApplication:
    """The running application, or one without a screen for the command line."""
    app = QGuiApplication.instance()
    if app is None:
        platform = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
        app = QGuiApplication(["xinan-desk", "-platform", platform])
    return app  # type: ignore[return-value]


def not_accepted(printer: str) -> PrintError:
    return PrintError(t("打印机「{printer}」没有接受打印任务：请检查打印机是否开机、连接，然后补打").fill(printer=printer))


def page_size(slip: RenderedSlip) -> QPageSize:
    if not slip.paper.roll:
        return QPageSize(QPageSize.PageSizeId.A4)
    # Millimetres with two decimals: what CUPS reads as media=Custom.80x151.27mm.
    width_mm = round(slip.width_pt / 72 * 25.4, 2)
    height_mm = round(slip.height_pt / 72 * 25.4, 2)
    return QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter,
                     f"{slip.paper.label} {height_mm:g}mm", QPageSize.SizeMatchPolicy.ExactMatch)


def to_qimage(picture) -> QImage:
    """A Pillow 1-bit image as a QImage in Format_Mono (1 = white in both)."""
    data = picture.tobytes("raw", "1")
    stride = (picture.width + 7) // 8
    image = QImage(data, picture.width, picture.height, stride, QImage.Format.Format_Mono)
    image.setColorTable([0xFF000000, 0xFFFFFFFF])
    return image.copy()  # own the pixels: ``data`` goes away with this frame


class QtSpooler:
    """The system's printers and print queue, through QtPrintSupport (every OS)."""

    def printers(self) -> list[PrinterState]:
        default = QPrinterInfo.defaultPrinterName()
        found = [
            PrinterState(
                name=info.printerName(),
                ready=info.state() not in _NOT_READY,
                reason="" if info.state() not in _NOT_READY else t("已停止"),
                is_default=info.printerName() == default,
            )
            for info in QPrinterInfo.availablePrinters()
        ]
        return sorted(found, key=lambda p: p.name)

    def submit(self, slip: RenderedSlip, printer: str, title: str, dpi: int | None = None) -> None:
        if not printer:
            raise not_chosen()
        info = QPrinterInfo.printerInfo(printer)
        if info.isNull():
            raise not_found(printer)
        device = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        device.setDocName(title)
        device.setCreator("xinan-desk")
        device.setColorMode(QPrinter.ColorMode.GrayScale)
        device.setFullPage(True)
        layout = QPageLayout(page_size(slip), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        device.setPageLayout(layout)
        shown = device.pageLayout().fullRectPoints()
        if shown.height() + 2 < slip.height_pt or shown.width() + 2 < slip.width_pt:
            raise PrintError(t("打印机「{printer}」的纸张放不下这张凭条（{length} mm 长）：请在打印机属性里把纸张设为"
                               "{paper}（长度可变），或在打印预览里换一种纸张").fill(
                printer=printer, length=f"{slip.height_pt / 72 * 25.4:.0f}", paper=t(slip.paper.label)))
        printer_dpi = dpi or device.resolution()
        drawn_dpi, factor = slip_raster.raster_dpi(printer_dpi)
        device.setResolution(printer_dpi)
        image = to_qimage(slip_raster.rasterise(slip, drawn_dpi))
        # Where the system's driver keeps its own resolution, fit the picture to the page it has.
        device_dpi = device.resolution()
        target = QRectF(0, 0, image.width() * factor * device_dpi / printer_dpi,
                        image.height() * factor * device_dpi / printer_dpi)
        painter = QPainter()
        if not painter.begin(device):
            raise PrintError(not_accepted(printer))
        try:
            painter.drawImage(target, image)
        finally:
            ended = painter.end()
        if not ended or device.printerState() in _NOT_READY:
            raise PrintError(not_accepted(printer))
