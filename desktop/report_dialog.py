"""The night's report and the range report on the desk: preview, print, save as PDF/XLSX/CSV.

Opened from 夜话 → 当晚报表… / 阶段报表…, and from the summary shown at 结束夜话. The report is
made on the worker thread (reception/reports); this dialog shows its page as PDFium draws it,
prints it through Qt's print dialog (any printer the laptop has, A4), or saves it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt
from PySide6.QtGui import QAction, QImage, QPageSize, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reception.desk import ReceptionDesk
from reception.errors import DeskError
from reception.reports import figures, tables
from reception.reports.figures import NightReport, RangeReport

RunOperation = Callable[..., Any]  # Operations.submit(work, *, what, done, failed, changes)
PREVIEW_DPI = 80
PRINT_DPI = 300


def pdf_pages(pdf: bytes, dpi: int) -> list[QImage]:
    """Every page of the PDF as an image, drawn by PDFium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
            page.close()
            data = image.tobytes()
            images.append(QImage(data, image.width, image.height, 3 * image.width,
                                 QImage.Format.Format_RGB888).copy())
    finally:
        document.close()
    return images


def file_stem(report: NightReport | RangeReport) -> str:
    if isinstance(report, NightReport):
        return f"{report.session.date}-{report.session.venue}-当晚报表"
    return f"{report.start.isoformat()}至{report.end.isoformat()}-阶段报表"


class ReportDialog(QDialog):
    """A report's pages, with 打印… / 保存 PDF… / 导出 Excel… / 导出 CSV…."""

    def __init__(self, run_operation: RunOperation, report: NightReport | RangeReport, pdf: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.run_operation = run_operation
        self.report = report
        self.pdf = pdf
        night = isinstance(report, NightReport)
        self.setWindowTitle(self.tr("当晚报表") if night else self.tr("阶段报表"))

        pages = QWidget()
        column = QVBoxLayout(pages)
        for image in pdf_pages(pdf, PREVIEW_DPI):
            label = QLabel()
            label.setObjectName("reportPage")
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        scroll = QScrollArea()
        scroll.setObjectName("reportPages")
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(700, 560)

        self.status = QLabel(self.tr("报表不含居民姓名、电话、地址和诉求原文，可以交给街道。"))
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("printReportButton")
        self.print_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("保存 PDF…"))
        self.pdf_button.setObjectName("saveReportPdfButton")
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.setObjectName("exportReportXlsxButton")
        self.csv_button = QPushButton(self.tr("导出 CSV…"))
        self.csv_button.setObjectName("exportReportCsvButton")
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("closeReportButton")
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.xlsx_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_as(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_as(".xlsx"))
        self.csv_button.clicked.connect(lambda: self.save_as(".csv"))
        close.clicked.connect(self.reject)

    def suggested_path(self, suffix: str) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return Path(folder) / (file_stem(self.report) + suffix)

    def save_as(self, suffix: str, path: str | None = None) -> None:
        if path is None:
            kinds = {".pdf": "PDF (*.pdf)", ".xlsx": "Excel (*.xlsx)", ".csv": "CSV (*.csv)"}
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存报表"), str(self.suggested_path(suffix)),
                                                  kinds[suffix])
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        report = self.report
        self._busy(True)
        self.run_operation(lambda _desk: tables.save(report, target), what="save_report",
                           done=self._saved, failed=self._failed)

    def _saved(self, path: Path) -> None:
        self._busy(False)
        self.status.setText(self.tr("报表已保存：{path}").format(path=path))

    def _failed(self, error: DeskError) -> None:
        self._busy(False)
        self.status.setText(str(error))

    def _busy(self, busy: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.xlsx_button, self.csv_button):
            button.setEnabled(not busy)

    def print_report(self) -> None:
        # Imported here: QtPrintSupport is needed only when someone prints, and a frozen build
        # made without it still saves the PDF.
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:
            self.status.setText(self.tr("这台电脑上的接访台不能直接打印报表：请按“保存 PDF…”，再用 PDF 阅读器打印。"))
            return

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(file_stem(self.report))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("reportPrintDialog")
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.open()

    def print_to(self, printer) -> None:
        """Draw each page, as PDFium renders it, onto the printer's page."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("打印机没有准备好：请检查打印机后再试，或先保存 PDF。"))
            return
        try:
            for index, image in enumerate(pdf_pages(self.pdf, PRINT_DPI)):
                if index:
                    printer.newPage()
                area = painter.viewport()
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(area.x(), area.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                                  Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        self.status.setText(self.tr("报表已送到打印机：{name}").format(name=printer.printerName() or printer.outputFileName()))


class RangeDialog(QDialog):
    """From … to …: the nights of a range (this month by default)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportRangeDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("阶段报表"))
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.start.setObjectName("rangeStart")
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        self.end.setObjectName("rangeEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.error = QLabel()
        self.error.setObjectName("rangeError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("起始日期"), self.start)
        form.addRow(self.tr("截止日期"), self.end)
        form.addRow("", self.error)
        box = QDialogButtonBox()
        self.ok = box.addButton(self.tr("生成报表"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("makeRangeReportButton")
        box.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self._check)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def values(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def _check(self) -> None:
        start, end = self.values()
        if end < start:
            self.error.setText(self.tr("截止日期早于起始日期：请改一下。"))
            return
        self.accept()


class ReportActions:
    """夜话 → 当晚报表… and 阶段报表…, and the report offered at 结束夜话."""

    def __init__(self, window, run_operation: RunOperation, today: Callable[[], date]) -> None:
        self.window = window
        self.run_operation = run_operation
        self.today = today
        self.night_action = QAction(window)
        self.night_action.setObjectName("nightReportAction")
        self.night_action.triggered.connect(lambda: self.show_night())
        self.range_action = QAction(window)
        self.range_action.setObjectName("rangeReportAction")
        self.range_action.triggered.connect(self.ask_range)
        self.topics_action = QAction(window)
        self.topics_action.setObjectName("topicsAction")
        self.topics_action.triggered.connect(self.show_topics)
        self.dialog: ReportDialog | None = None

    def retranslate_ui(self) -> None:
        self.night_action.setText(QCoreApplication.translate("ReportActions", "当晚报表…"))
        self.range_action.setText(QCoreApplication.translate("ReportActions", "阶段报表…"))
        self.topics_action.setText(QCoreApplication.translate("ReportActions", "热点话题…"))

    def show_night(self, session_id: str | None = None) -> None:
        def work(desk: ReceptionDesk):
            report = figures.night_report(desk, session_id)
            return report, tables.render(report, ".pdf")

        self.run_operation(work, what="night_report", done=self._show)

    def ask_range(self) -> None:
        dialog = RangeDialog(self.today(), self.window)
        dialog.accepted.connect(lambda: self.show_range(*dialog.values()))
        dialog.open()

    def show_range(self, start: date, end: date) -> None:
        def work(desk: ReceptionDesk):
            report = figures.range_report(desk, start, end)
            return report, tables.render(report, ".pdf")

        self.run_operation(work, what="range_report", done=self._show)

    def show_topics(self) -> None:
        from desktop.topics_dialog import TopicsDialog, load_topics

        def show(loaded) -> None:
            self.topics_dialog = TopicsDialog(self.run_operation, *loaded, self.window)
            self.topics_dialog.open()

        self.run_operation(load_topics, what="topics", done=show)

    def _show(self, made: tuple[NightReport | RangeReport, bytes]) -> None:
        report, pdf = made
        self.dialog = ReportDialog(self.run_operation, report, pdf, self.window)
        self.dialog.open()
