"""Printing a case's slip: the flow every way of printing shares, without Qt or any one OS.

``SlipPrinter`` renders the next copy, asks the system's account of jobs whether the printer can
take it, hands the slip to the spooler, follows the job as far as the system reports it, and
logs the copy. When printing fails it saves the PDF under ``<data dir>/slips/`` with a message
saying where; the case itself is never touched.

Two small interfaces keep the operating system out of here:

- a ``Spooler`` lists the system's printers and hands a slip to one (desktop/qt_print.py: Qt's
  print support, which speaks to the Windows spooler, macOS and CUPS alike);
- a ``JobStatus`` tells whether a printer can print now and what became of a job.
  ``SpoolerStatus``, here, knows only what the spooler's printer list says, and reports a job as
  sent (已发送到打印机), never as printed: that is the honest answer where the system cannot
  know (the Windows spooler). desktop/cups.py reads CUPS's job states (printed, jammed, paused,
  offline) where CUPS runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from reception.desk import ReceptionDesk
from reception.errors import DeskError
from reception.messages import t
from reception.slips import content as slip_content
from reception.slips.layout import PAPERS, RenderedSlip, render
from reception.street_settings import StreetSettings
from reception.slips.service import FAILED, PRINTED, SAVED, PreparedSlip, SlipService, slips_folder
from reception.tracking_codes import parse

# How long a print waits to see the job finish or the printer stop; a job still queued after
# that counts as sent (a busy printer is not a failure).
WAIT_FOR_PRINTER_S = 3.0


class PrintError(DeskError):
    """The slip did not reach a printer; the message is for the volunteer.

    Its message is a ``LocalText`` (forms/messages.toml): Chinese on the command line, the desk's
    language in the window (``said``)."""

    @property
    def said(self):
        return self.args[0] if self.args else ""


@dataclass(frozen=True)
class PrinterState:
    """One printer as the system lists it."""

    name: str
    ready: bool  # can take a job now
    reason: str = ""  # why not, in the volunteer's words ("已暂停", "卡纸"), or ""
    is_default: bool = False


@dataclass(frozen=True)
class SentJob:
    job_id: str  # the system's id for the job, "" where it gives none
    printed: bool  # True only when the system reported the job done


class Spooler(Protocol):
    def printers(self) -> list[PrinterState]:
        """The system's printers, sorted by name."""
        ...

    def submit(self, slip: RenderedSlip, printer: str, title: str, dpi: int | None = None) -> None:
        """Hand the slip to ``printer`` as one page of its own size; PrintError when refused.

        ``dpi`` is the printer's resolution where the job status knows it better than the
        spooler does; ``title`` names the job in the queue: a tracking code, nothing personal.
        """
        ...


class JobStatus(Protocol):
    def check_ready(self, printer: str) -> Any:
        """Raise PrintError saying why and what to do, unless ``printer`` can print now.

        Returns a marker of the jobs already on the printer, for ``follow``."""
        ...

    def follow(self, printer: str, marker: Any, title: str, timeout: float) -> SentJob:
        """After the spooler took the job: wait up to ``timeout`` seconds for what the system
        reports. A printer that stops meanwhile is a PrintError, and its job is cancelled."""
        ...

    def resolution(self, printer: str) -> int | None:
        """The printer's resolution in dots per inch, if this status knows it."""
        ...

    def explain(self, printers: list[PrinterState]) -> list[PrinterState]:
        """The spooler's printer list, with what this status knows of why one cannot print."""
        ...


def not_chosen() -> PrintError:
    return PrintError(t("还没有选择打印机：请按 Ctrl+Shift+P 打开打印预览，选择打印机后打印"))


def not_found(name: str) -> PrintError:
    return PrintError(t("找不到打印机「{name}」：请检查打印机是否连接，或在打印预览里重新选择打印机").fill(name=name))


def stopped(name: str, reason: str) -> PrintError:
    why = t("（{reason}）").fill(reason=reason) if reason else ""
    return PrintError(t("打印机「{name}」已停止{why}：请检查是否缺纸、卡纸或没开机，恢复打印机后再补打").fill(name=name, why=why))


class SpoolerStatus:
    """What any system can tell: the printer list. A job handed over is reported as sent."""

    def __init__(self, spooler: Spooler) -> None:
        self.spooler = spooler

    def check_ready(self, printer: str) -> None:
        if not printer:
            raise not_chosen()
        state = next((p for p in self.spooler.printers() if p.name == printer), None)
        if state is None:
            raise not_found(printer)
        if not state.ready:
            raise stopped(printer, state.reason)

    def follow(self, printer: str, marker: Any, title: str, timeout: float) -> SentJob:
        return SentJob("", printed=False)

    def resolution(self, printer: str) -> int | None:
        return None

    def explain(self, printers: list[PrinterState]) -> list[PrinterState]:
        return printers


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool  # reached the printer (printed, or sent where the system cannot tell)
    message: str  # for the volunteer
    tracking_code: str
    copy_number: int
    paper: str
    printer: str
    job_id: str = ""
    saved_pdf: Path | None = None
    confirmed: bool = False  # the system reported the job printed
    case_id: str = ""


def job_title(slip: PreparedSlip) -> str:
    """The job's name in the queue (and of the file cups-pdf writes): the code, nothing personal."""
    return f"xinan-slip-{parse(slip.tracking_code).compact}-{slip.copy_number}"


class SlipPrinter:
    """Prints, or saves, a case's slip. Runs where the desk's database may be used."""

    def __init__(self, data_dir: Path, spooler: Spooler, status: JobStatus,
                 wait_seconds: float = WAIT_FOR_PRINTER_S) -> None:
        self.data_dir = Path(data_dir)
        self.spooler = spooler
        self.status = status
        self.wait_seconds = wait_seconds

    def printers(self) -> list[PrinterState]:
        """The system's printers, for the preview, the wizard and the settings."""
        return self.status.explain(self.spooler.printers())

    def send(self, rendered: RenderedSlip, printer: str, title: str) -> SentJob:
        """Check, hand over and follow one page: the part a test slip shares with a case's."""
        marker = self.status.check_ready(printer)
        self.spooler.submit(rendered, printer, title, self.status.resolution(printer))
        return self.status.follow(printer, marker, title, self.wait_seconds)

    def print_case(
        self, desk: ReceptionDesk, case_id: str, paper: str | None = None, printer: str | None = None
    ) -> PrintOutcome:
        service = SlipService(desk)
        queue = printer if printer is not None else service.settings().printer
        slip = service.prepare(case_id, paper)
        try:
            job = self.send(slip.rendered, queue, job_title(slip))
        except PrintError as error:
            return self._failed(service, slip, queue, error.said)
        service.log(slip, PRINTED, queue, job.job_id)
        return PrintOutcome(
            printed=True,
            message=printed_words(slip, queue, job.printed),
            tracking_code=slip.tracking_code,
            copy_number=slip.copy_number,
            paper=slip.paper,
            printer=queue,
            job_id=job.job_id,
            confirmed=job.printed,
            case_id=slip.case_id,
        )

    def print_test(self, settings: StreetSettings, paper_key: str, printer: str, at: datetime) -> str:
        """Print a test slip (the wizard's 打印测试凭条); PrintError says why it did not print."""
        content = slip_content.test_slip(settings, at)
        rendered = render(content, paper_key)
        job = self.send(rendered, printer, "xinan-test-slip")
        said = t("测试凭条已打印：{printer}，{paper}。请看二维码能否扫出、纸张长度是否合适") if job.printed else \
            t("测试凭条已发送到打印机：{printer}，{paper}。请看二维码能否扫出、纸张长度是否合适")
        return said.fill(printer=printer, paper=t(rendered.paper.label))

    def save_case(self, desk: ReceptionDesk, case_id: str, paper: str, path: Path) -> PrintOutcome:
        """Write the slip to a PDF file the volunteer chose; it counts as a copy handed out."""
        service = SlipService(desk)
        slip = service.prepare(case_id, paper)
        saved = service.save_pdf(slip, path)
        service.log(slip, SAVED, "", saved.name)
        return PrintOutcome(True, t("凭条 {code} 已保存为 PDF：{path}").fill(code=slip.tracking_code, path=str(saved)),
                            slip.tracking_code,
                            slip.copy_number, slip.paper, "", saved_pdf=saved)

    def _failed(self, service: SlipService, slip: PreparedSlip, queue: str, why: str) -> PrintOutcome:
        path = service.save_pdf(slip, slips_folder(self.data_dir) / slip.file_name)
        service.log(slip, FAILED, queue, str(why))  # the log keeps the Chinese, as the command line says it
        return PrintOutcome(
            printed=False,
            message=t("凭条没有打印出来。{why}。\n凭条已保存为 PDF：{path}（可以稍后打印）。诉求已保存，不受影响。").fill(
                why=why, path=str(path)),
            tracking_code=slip.tracking_code,
            copy_number=slip.copy_number,
            paper=slip.paper,
            printer=queue,
            saved_pdf=path,
            case_id=slip.case_id,
        )


def printed_words(slip: PreparedSlip, queue: str, confirmed: bool) -> str:
    reprint = f"（补打 {slip.copy_number - 1}）" if slip.copy_number > 1 else ""
    where = f"{queue}，{PAPERS[slip.paper].label}"
    if confirmed:
        return f"查询凭条 {slip.tracking_code}{reprint}已打印：{where}"
    # The system took the job but cannot say whether paper came out: say so, and how to reprint.
    return f"查询凭条 {slip.tracking_code}{reprint}已发送到打印机：{where}。如果没有出纸，请按 Ctrl+P 补打"


def first_ready(printers: Sequence[PrinterState]) -> PrinterState | None:
    """The printer to offer when none is configured: the system's default if it is ready."""
    ready = [p for p in printers if p.ready]
    return next((p for p in ready if p.is_default), ready[0] if ready else None)
