"""Printing tracking slips from the desk: silent printing, the print preview, the 打印 action.

The printing itself is ``SlipPrinter`` (reception/slips/printing.py, put together with Qt's
print support in desktop/print_path.py); it runs on the desk's worker thread, logs every copy,
and when printing fails saves the PDF under ``<data dir>/slips/`` with a message saying where.
Here, ``SlipPreviewDialog`` and ``PrintActions`` turn keystrokes into those operations and show
the results; 系统打印对话框… opens the system's own print dialog (QPrintDialog) with its printers,
paper and driver settings.

Wiring into a window (the composition root does this)::

    install_print_actions(window, window.operations.submit,
                          lambda: window.selected_case_id() or window.last_saved_case_id,
                          services.data_dir)

adds 打印凭条 (Ctrl+P: straight to the configured printer, or the preview when none is set),
打印预览 (Ctrl+Shift+P), 设置 → 街道与打印设置, and, when the team leader turned it on,
printing after every save.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n, paper_names, print_path
from reception import leader_actions, street_settings
from reception.desk import ReceptionDesk
from reception.errors import DeskError, ValidationFailed
from reception.slips.layout import PAPERS
from reception.slips.printing import PrintError, PrintOutcome, SlipPrinter, first_ready
from reception.slips.service import PreparedSlip, SlipService, slips_folder

PREVIEW_DPI = 120

RunOperation = Callable[..., Any]  # Operations.submit(work, *, what, done, failed, changes)


def render_preview(pdf: bytes, dpi: int = PREVIEW_DPI) -> QImage:
    """The slip's first page as an image, drawn by PDFium (what the printer will get)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72)
        image = bitmap.to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    data = image.tobytes()
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


class SlipPreviewDialog(QDialog):
    """The slip as it will print, with the paper and printer to use, and 打印 / 保存 PDF."""

    finished_printing = Signal(object)  # PrintOutcome

    def __init__(
        self,
        run_operation: RunOperation,
        slip_printer: SlipPrinter,
        case_id: str,
        settings: street_settings.StreetSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slipPreviewDialog")
        self.setWindowTitle(self.tr("打印预览 — 查询凭条"))
        self.run_operation = run_operation
        self.slip_printer = slip_printer
        self.case_id = case_id
        self.slip: PreparedSlip | None = None
        self.system_dialog: QDialog | None = None
        self._print_when_rendered = False

        self.paper_choice = QComboBox()
        self.paper_choice.setObjectName("paperChoice")
        paper_names.fill(self.paper_choice)
        self.paper_choice.setCurrentIndex(max(0, self.paper_choice.findData(settings.default_paper)))

        self.printer_choice = QComboBox()
        self.printer_choice.setObjectName("printerChoice")
        self.printer_note = QLabel()
        self.printer_note.setObjectName("printerNote")
        self.printer_note.setWordWrap(True)
        self._fill_printers(settings.printer)

        self.remember = QCheckBox(self.tr("记住这台打印机和纸张，以后按 Ctrl+P 直接打印"))
        self.remember.setObjectName("rememberChoice")
        self.remember.setChecked(True)

        self.image = QLabel()
        self.image.setObjectName("previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(460, 520)

        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("保存 PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.system_button = QPushButton(self.tr("系统打印对话框…"))
        self.system_button.setObjectName("systemPrintButton")
        self.system_button.setToolTip(self.tr("用系统的打印对话框选择打印机、纸张和打印机属性"))
        cancel = QPushButton(self.tr("关闭"))
        cancel.setObjectName("closePreviewButton")

        form = QFormLayout()
        form.addRow(self.tr("纸张"), self.paper_choice)
        form.addRow(self.tr("打印机"), self.printer_choice)
        form.addRow("", self.printer_note)
        form.addRow("", self.remember)
        buttons = QHBoxLayout()
        buttons.addWidget(self.system_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.paper_choice.currentIndexChanged.connect(self._render)
        self.print_button.clicked.connect(self.print_slip)
        self.save_button.clicked.connect(self.save_pdf)
        self.system_button.clicked.connect(self.open_system_dialog)
        cancel.clicked.connect(self.reject)
        self._render()

    def _fill_printers(self, configured: str) -> None:
        try:
            printers = self.slip_printer.printers()
        except PrintError as error:
            printers = []
            self.printer_note.setText(i18n.error_text(error))
        for p in printers:
            label = p.name if p.ready else self.tr("{name}（不可用：{why}）").format(
                name=p.name, why=reason_text(p.reason) or self.tr("已停止"))
            self.printer_choice.addItem(label, p.name)
        if printers:
            index = self.printer_choice.findData(configured)
            if index < 0:  # none configured yet: the system's default printer, if it can print now
                offered = first_ready(printers)
                index = self.printer_choice.findData(offered.name) if offered else 0
            self.printer_choice.setCurrentIndex(max(0, index))
        elif not self.printer_note.text():
            self.printer_note.setText(self.tr("本机没有可用的打印机：可以先保存 PDF，再用其他电脑打印"))

    def open_system_dialog(self) -> None:
        """The system's own print dialog: its printers, paper and the driver's settings."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

        from desktop.qt_print import page_size

        printer = QPrinter(QPrinterInfo.printerInfo(self.printer()) if self.printer() else QPrinterInfo.defaultPrinter())
        if self.slip is not None:  # the dialog opens on the paper chosen here
            printer.setPageSize(page_size(self.slip.rendered))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("systemPrintDialog")
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
        self.system_dialog = dialog
        dialog.accepted.connect(lambda: self._use_system_choice(printer))
        QDialog.open(dialog)  # window-modal; QPrintDialog's own open() wants a slot to call

    def _use_system_choice(self, printer: Any) -> None:
        name = printer.printerName()
        if name and self.printer_choice.findData(name) < 0:
            self.printer_choice.addItem(name, name)
        if name:
            self.printer_choice.setCurrentIndex(self.printer_choice.findData(name))
        paper = paper_for_width(printer.pageLayout().fullRect(printer.pageLayout().Unit.Millimeter).width())
        if paper and paper != self.paper():
            self.paper_choice.setCurrentIndex(self.paper_choice.findData(paper))
            self._print_when_rendered = True  # print the slip of that paper once it is drawn
            return
        self.print_slip()

    def paper(self) -> str:
        return self.paper_choice.currentData()

    def printer(self) -> str:
        return self.printer_choice.currentData() or ""

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self.printer_choice.count() > 0)
        self.system_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.paper_choice.setEnabled(not busy)

    def _render(self) -> None:
        paper, case_id = self.paper(), self.case_id
        self._busy(True)
        self.run_operation(
            lambda desk: SlipService(desk).prepare(case_id, paper),
            what="preview_slip", done=self._show, failed=self._failed,
        )

    def _show(self, slip: PreparedSlip) -> None:
        if slip.paper != self.paper():
            return  # the volunteer changed the paper meanwhile; that render is on its way
        self.slip = slip
        if self._print_when_rendered:
            self._print_when_rendered = False
            self._busy(False)
            self.print_slip()
            return
        self.image.setPixmap(QPixmap.fromImage(render_preview(slip.rendered.pdf)))
        reprint = self.tr("，将标注“补打 {n}”").format(n=slip.copy_number - 1) if slip.copy_number > 1 else ""
        said = self.tr("查询码 {code}{reprint}").format(code=slip.tracking_code, reprint=reprint)
        if not slip.url:  # the team leader should know why the slip has no QR code, and how to give it one
            said += "\n" + self.tr("这张凭条没有二维码：还不知道平台查询页的地址。登记到街道平台时会自动填写，"
                                    "队长也可以在「街道与打印设置」里填写查询网址。")
        self.status.setText(said)
        self._busy(False)

    def _failed(self, error: DeskError) -> None:
        self.status.setText(i18n.error_text(error))
        self._busy(False)

    def print_slip(self) -> None:
        paper, printer, case_id = self.paper(), self.printer(), self.case_id
        remember = self.remember.isChecked()
        slip_printer = self.slip_printer

        def work(desk: ReceptionDesk) -> PrintOutcome:
            if remember and printer:
                street_settings.save(desk.db, {"printer": printer, "default_paper": paper})
            return slip_printer.print_case(desk, case_id, paper, printer)

        self._busy(True)
        self.status.setText(self.tr("正在打印…"))
        self.run_operation(work, what="print_slip", done=self._printed, failed=self._failed)

    def _printed(self, outcome: PrintOutcome) -> None:
        self._busy(False)
        self.finished_printing.emit(outcome)
        if outcome.printed:
            self.accept()
        else:
            self.status.setText(i18n.local(outcome.message))
            self._render()  # the copy number did not move; show the slip as it stands

    def save_pdf(self) -> None:
        if self.slip is None:
            return
        suggested = str(slips_folder(self.slip_printer.data_dir) / self.slip.file_name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存凭条 PDF"), suggested, "PDF (*.pdf)")
        if not path:
            return
        paper, case_id, slip_printer = self.paper(), self.case_id, self.slip_printer
        self._busy(True)
        self.run_operation(
            lambda desk: slip_printer.save_case(desk, case_id, paper, Path(path)),
            what="save_slip_pdf", done=self._saved, failed=self._failed,
        )

    def _saved(self, outcome: PrintOutcome) -> None:
        self.status.setText(i18n.local(outcome.message))
        self.finished_printing.emit(outcome)
        self._render()


class PrintActions(QObject):
    """The 打印 actions of a window and printing after each save."""

    finished = Signal(object)  # PrintOutcome of every print, silent or from the preview

    def __init__(
        self,
        parent: QWidget,
        run_operation: RunOperation,
        current_case_id: Callable[[], str | None],
        data_dir: Path,
        *,
        show_message: Callable[[str, str], None],
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.run_operation = run_operation
        self.current_case_id = current_case_id
        self.slip_printer = print_path.slip_printer(data_dir)
        self.show_message = show_message
        self.show_error = show_error
        self.dialog: SlipPreviewDialog | None = None
        self.settings_dialog: QDialog | None = None

        self.print_action = QAction(parent)
        self.print_action.setObjectName("printSlipAction")
        self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self.print_current)
        self.preview_action = QAction(parent)
        self.preview_action.setObjectName("previewSlipAction")
        self.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.preview_action.triggered.connect(self.preview_current)
        self.settings_action = QAction(parent)
        self.settings_action.setObjectName("streetSettingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        # 补打 at hand: after a print the system could not confirm, or one that failed, the status
        # bar offers to print that slip again, on the same printer and paper.
        self.reprint_button = QPushButton(parent)
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.hide()
        self.reprint_button.clicked.connect(self.reprint_last)
        self.last_outcome: PrintOutcome | None = None
        self.finished.connect(self._report)
        self.retranslate_ui()
        i18n.on_language_change(parent, self.retranslate_ui)

    def retranslate_ui(self) -> None:
        self.print_action.setText(self.tr("打印凭条 (Ctrl+P)"))
        self.preview_action.setText(self.tr("打印预览…"))
        self.settings_action.setText(self.tr("街道与打印设置…"))
        if self.last_outcome is not None:
            self.reprint_button.setText(self.tr("补打 {code}").format(code=self.last_outcome.tracking_code))
        self.reprint_button.setToolTip(self.tr("没有出纸时，用同一台打印机和纸张再打一张（凭条上标注“补打”）"))

    def _case_or_say(self) -> str | None:
        case_id = self.current_case_id()
        if case_id is None:
            self.show_error(self.tr("请先保存一条诉求，或在列表里选中一条，再打印凭条"))
        return case_id

    def print_current(self) -> None:
        """Ctrl+P: straight to the configured printer; the preview when none is configured."""
        case_id = self._case_or_say()
        if case_id is None:
            return
        slip_printer = self.slip_printer

        def work(desk: ReceptionDesk) -> tuple[PrintOutcome | None, street_settings.StreetSettings]:
            settings = SlipService(desk).settings()
            if not settings.printer:
                return None, settings
            return slip_printer.print_case(desk, case_id), settings

        def done(result: tuple[PrintOutcome | None, street_settings.StreetSettings]) -> None:
            outcome, settings = result
            if outcome is None:
                self._open_preview(case_id, settings)
            else:
                self.finished.emit(outcome)

        self.run_operation(work, what="print_slip", done=done, failed=lambda e: self.show_error(i18n.error_text(e)))

    def preview_current(self) -> None:
        case_id = self._case_or_say()
        if case_id is None:
            return
        self.run_operation(
            lambda desk: SlipService(desk).settings(), what="print_settings",
            done=lambda settings: self._open_preview(case_id, settings),
            failed=lambda e: self.show_error(i18n.error_text(e)),
        )

    def case_saved(self, case_id: str) -> None:
        """After a save: print at once if the team leader turned automatic printing on."""
        slip_printer = self.slip_printer

        def work(desk: ReceptionDesk) -> PrintOutcome | None:
            if not SlipService(desk).settings().auto_print:
                return None
            return slip_printer.print_case(desk, case_id)

        def done(outcome: PrintOutcome | None) -> None:
            if outcome is not None:
                self.finished.emit(outcome)

        self.run_operation(work, what="auto_print_slip", done=done, failed=lambda e: self.show_error(i18n.error_text(e)))

    def open_settings(self) -> None:
        """设置 → 街道与打印设置: the team leader edits what the slips say and where they print."""
        from desktop import leader_gate
        from desktop.street_settings_dialog import StreetSettingsDialog

        if not leader_gate.allowed(self.window, "settings", self.open_settings):
            return

        def show(current: street_settings.StreetSettings) -> None:
            dialog = StreetSettingsDialog(current, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._settings_dialog_gone)
            self.settings_dialog = dialog

            access = self.window.services.access  # checked and logged in the domain, as on the command line

            def submit(values: dict[str, str]) -> None:
                self.run_operation(
                    lambda _desk: leader_actions.save_street_settings(access, values), what="save_street_settings",
                    done=lambda _r: dialog.accept(), failed=lambda error: _show_failure(dialog, error),
                )

            dialog.submitted.connect(submit)
            leader_gate.done_when_closed(self.window, dialog)
            dialog.open()

        def not_loaded(error) -> None:
            leader_gate.action_done(self.window)
            self.show_error(i18n.error_text(error))

        self.run_operation(
            lambda desk: SlipService(desk).settings(), what="street_settings", done=show, failed=not_loaded,
        )

    def _open_preview(self, case_id: str, settings: street_settings.StreetSettings) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = SlipPreviewDialog(self.run_operation, self.slip_printer, case_id, settings, self.window)
        self.dialog.finished_printing.connect(self.finished.emit)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._dialog_gone)
        self.dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _settings_dialog_gone(self) -> None:
        self.settings_dialog = None

    def reprint_last(self) -> None:
        """补打: the last unconfirmed or failed slip again, to the same printer on the same paper."""
        outcome = self.last_outcome
        if outcome is None or not outcome.case_id:
            return
        self.reprint_button.hide()
        slip_printer = self.slip_printer
        self.run_operation(
            lambda desk: slip_printer.print_case(desk, outcome.case_id, outcome.paper, outcome.printer),
            what="print_slip", done=self.finished.emit, failed=lambda e: self.show_error(i18n.error_text(e)),
        )

    def status_words(self, outcome: PrintOutcome) -> str:
        """A printed or saved slip, in a line short enough for the status bar at 1366 px and 200 %
        text in every language (the whole message, with the printer and paper, is its tooltip)."""
        again = self.tr("（补打 {n}）").format(n=outcome.copy_number - 1) if outcome.copy_number > 1 else ""
        if not outcome.printer and outcome.saved_pdf is not None:
            # Where it went is the tooltip (and the preview's own line, which wraps).
            return self.tr("凭条 {code}{again}已保存为 PDF").format(code=outcome.tracking_code, again=again)
        if outcome.confirmed:
            return self.tr("凭条 {code}{again}已打印").format(code=outcome.tracking_code, again=again)
        # The system took the job but cannot say whether paper came out. The 补打 button beside
        # it names the code: at 200 % text the line has no room to say it twice.
        return self.tr("凭条已发送到打印机，未能确认出纸")

    def status_detail(self, outcome: PrintOutcome) -> str:
        if not outcome.printer:
            return str(outcome.saved_pdf or "")
        detail = self.tr("凭条 {code}{again}").format(
            code=outcome.tracking_code,
            again=self.tr("（补打 {n}）").format(n=outcome.copy_number - 1) if outcome.copy_number > 1 else "")
        detail += "\n" + self.tr("打印机：{printer}；纸张：{paper}").format(
            printer=outcome.printer, paper=paper_names.paper_text(outcome.paper))
        if not outcome.confirmed:
            detail += "\n" + self.tr("系统无法确认是否出纸：没有出纸时，请按状态栏右边的“补打”（或 Ctrl+P）再打一张。")
        return detail

    def _report(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.show_message(self.status_words(outcome), self.status_detail(outcome))
        else:
            self.show_error(i18n.local(outcome.message))
        if outcome.confirmed or not outcome.printer or not outcome.case_id:
            self.last_outcome = None  # printed for sure, or saved as a PDF by choice
            self.reprint_button.hide()
            return
        self.last_outcome = outcome
        self.retranslate_ui()
        self.reprint_button.show()


def paper_for_width(width_mm: float) -> str | None:
    """Which of the slip's papers a page of the system's dialog is: by its width."""
    nearest = min(PAPERS.values(), key=lambda p: abs(p.width_mm - width_mm))
    return nearest.key if abs(nearest.width_mm - width_mm) <= 4 else None


def reason_text(reason: str) -> str:
    """The reason a printer cannot print, in the desk's language (the print path says it in 中文)."""
    from PySide6.QtCore import QCoreApplication

    words = {
        "已暂停": QT_TRANSLATE_NOOP("PrinterReason", "已暂停"),
        "卡纸": QT_TRANSLATE_NOOP("PrinterReason", "卡纸"),
        "缺纸": QT_TRANSLATE_NOOP("PrinterReason", "缺纸"),
        "未连接": QT_TRANSLATE_NOOP("PrinterReason", "未连接"),
        "机盖打开": QT_TRANSLATE_NOOP("PrinterReason", "机盖打开"),
        "已停止": QT_TRANSLATE_NOOP("PrinterReason", "已停止"),
        "暂不接受打印任务": QT_TRANSLATE_NOOP("PrinterReason", "暂不接受打印任务"),
    }
    return QCoreApplication.translate("PrinterReason", words[reason]) if reason in words else reason


def _show_failure(dialog: Any, error: DeskError) -> None:
    if isinstance(error, ValidationFailed):
        dialog.show_errors(error.errors)
    else:
        dialog.show_message(i18n.error_text(error))


def _show_in_status_bar(window: Any, text: str, detail: str) -> None:
    bar = window.statusBar()
    bar.showMessage(text, 15_000)
    bar.setToolTip(detail)  # the printer and paper, on hover; cleared with the next message
    bar.messageChanged.connect(lambda _text: bar.setToolTip(""), Qt.ConnectionType.SingleShotConnection)


def install_print_actions(
    window: Any,
    run_operation: RunOperation,
    current_case_id: Callable[[], str | None],
    data_dir: Path,
) -> PrintActions:
    """Add 打印凭条 (Ctrl+P) and 打印预览 (Ctrl+Shift+P) to ``window`` and print after saves.

    ``window`` is the desk's MainWindow: its ``add_action``, ``show_error``, ``statusBar`` and
    ``case_saved`` signal are used.
    """
    actions = PrintActions(
        window, run_operation, current_case_id, data_dir,
        show_message=lambda text, detail="": _show_in_status_bar(window, text, detail),
        show_error=window.show_error,
    )
    window.add_action(actions.print_action, "case", toolbar=True)
    window.add_action(actions.preview_action, "case", toolbar=False)
    window.add_action(actions.settings_action, "settings", toolbar=False)
    window.statusBar().addPermanentWidget(actions.reprint_button)
    window.case_saved.connect(actions.case_saved)
    window.print_actions = actions  # kept alive with the window; tests reach the dialog here
    return actions
