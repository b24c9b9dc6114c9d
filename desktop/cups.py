"""What CUPS reports about printers and jobs, for the print path's ``JobStatus`` interface.

Qt's print support hands the job to CUPS on Linux (UOS, Kylin) and macOS; this module adds what
Qt cannot tell: why a printer stopped (paused, jam, out of paper, offline), whether the job has
printed, and the resolution the printer's driver declares. It reads CUPS's own commands
(``lpstat``, ``lpoptions``; ``cancel`` for a job whose printer stopped) with LC_ALL=C so their
replies can be parsed; what the volunteer sees is always our own message (forms/messages.toml:
Chinese on the command line, the desk's language in the window), which names the printer and
says what to do. Where there is no CUPS (Windows) the print path uses
``SpoolerStatus`` instead (reception/slips/printing.py); nothing here is needed to print.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

from reception.messages import t
from reception.slips.printing import PrinterState, PrintError, SentJob, not_chosen, not_found, stopped

LP_TIMEOUT_S = 20


def available() -> bool:
    """Whether this laptop's printing goes through CUPS (Linux, macOS), whose jobs can be read."""
    return sys.platform != "win32" and shutil.which("lpstat") is not None


@dataclass(frozen=True)
class Printer:
    name: str
    enabled: bool  # False: paused by a person, or stopped by an error (paper out, jam, offline)
    accepting: bool
    reason: str  # what CUPS says about a stopped printer ("Paused", "Media jam", ...)
    alerts: tuple[str, ...] = ()  # printer-state-reasons ("offline-report", "media-empty-error")

    @property
    def ready(self) -> bool:
        return self.enabled and self.accepting

    @property
    def offline(self) -> bool:
        """The backend cannot reach the printer (unplugged, switched off): the job waits."""
        return any(a.startswith("offline") for a in self.alerts)

    def state(self, is_default: bool = False) -> PrinterState:
        if self.ready:
            why = ""
        elif not self.enabled:
            why = reason_words(self.reason) if self.reason else t("已停止")
        else:
            why = t("暂不接受打印任务")
        return PrinterState(self.name, self.ready, why, is_default)


def _run(*args: str, timeout: float = LP_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, env=env)
    except FileNotFoundError:
        raise PrintError(t("本机的打印服务不完整（找不到 CUPS 的命令）：请重新安装打印服务（CUPS）后再打印")) from None
    except subprocess.TimeoutExpired:
        raise PrintError(t("打印服务没有响应：请稍后再试，或重启电脑上的打印服务")) from None


_PRINTER_LINE = re.compile(r"^printer (\S+) (?:is |now )?(.*)$")
_ACCEPT_LINE = re.compile(r"^(\S+) (not )?accepting requests")
# The long listing's own fields; any other first indented line is the printer's state message.
_FIELD = re.compile(r"^\t(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection"
                    r"|Interface|On fault|After fault|Users allowed|Users denied|Forms allowed|Banner required"
                    r"|Charset sets|Default pitch|Default page size|Default port settings|Rejecting requests"
                    r"|Accepting requests)\b")


def list_printers() -> list[Printer]:
    """Every CUPS queue on this laptop, with whether it can print now."""
    shown = _run("lpstat", "-l", "-p", "-a")
    if shown.returncode != 0 and "scheduler is not running" in (shown.stderr + shown.stdout):
        raise PrintError(t("打印服务（CUPS）没有运行：请启动打印服务或重启电脑后再打印"))
    states: dict[str, dict[str, object]] = {}
    current: str | None = None
    for line in shown.stdout.splitlines():
        m = _PRINTER_LINE.match(line)
        if m:
            current = m.group(1)
            states[current] = {"enabled": "disabled" not in m.group(2), "reason": "", "accepting": True,
                               "alerts": (), "fields": False}
            continue
        m = _ACCEPT_LINE.match(line)
        if m:
            current = None
            if m.group(1) in states:
                states[m.group(1)]["accepting"] = m.group(2) is None
            continue
        if not current or not line.startswith(("\t", " ")) or not line.strip():
            continue
        state = states[current]
        if line.strip().startswith("Alerts:"):
            state["alerts"] = tuple(a for a in line.split(":", 1)[1].split() if a != "none")
        if _FIELD.match(line):
            state["fields"] = True  # past the state message
        elif not state["fields"] and not state["reason"]:
            state["reason"] = line.strip()
    return [
        Printer(name, bool(s["enabled"]), bool(s["accepting"]), str(s["reason"]), tuple(s["alerts"]))  # type: ignore[arg-type]
        for name, s in sorted(states.items())
    ]


def find_printer(name: str) -> Printer | None:
    return next((p for p in list_printers() if p.name == name), None)


def check_ready(name: str) -> Printer:
    """The printer, if it can take a job now; otherwise a PrintError saying why and what to do."""
    if not name:
        raise not_chosen()
    printer = find_printer(name)
    if printer is None:
        raise not_found(name)
    if not printer.enabled:
        raise stopped(name, reason_words(printer.reason) if printer.reason else "")
    if not printer.accepting:
        raise PrintError(t("打印机「{name}」暂不接受打印任务：请在电脑的打印机设置里恢复它").fill(name=name))
    return printer


def reason_words(reason: str) -> str:
    """CUPS's English reason in the volunteer's words (a LocalText), or CUPS's own words if unknown."""
    known = {
        "paused": "已暂停",
        "media-jam": "卡纸",
        "media jam": "卡纸",
        "media-empty": "缺纸",
        "media empty": "缺纸",
        "out of paper": "缺纸",
        "offline": "未连接",
        "not connected": "未连接",
        "waiting for printer to become available": "未连接",
        "cover-open": "机盖打开",
        "door-open": "机盖打开",
    }
    lowered = reason.lower()
    for key, words in known.items():
        if key in lowered:
            return t(words)
    return reason


def job_ids(printer: str, which: str = "all") -> set[str]:
    """Ids of the printer's jobs: ``all`` (history too) or ``not-completed``."""
    shown = _run("lpstat", "-W", which, "-o", printer)
    prefix = f"{printer}-"
    ids = set()
    for line in shown.stdout.splitlines():
        first = line.split(maxsplit=1)[0] if line.strip() else ""
        if first.startswith(prefix) and first[len(prefix):].isdigit():
            ids.add(first)
    return ids


def _number(job_id: str) -> int:
    return int(job_id.rsplit("-", 1)[1])


def wait_for_job(job_id: str, printer: str, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds: True when the job has printed, False if still queued.

    A printer that stops meanwhile (a jam, out of paper) is a PrintError, and the job is
    cancelled, so that it does not come out later as an unexpected duplicate.
    """
    deadline = time.monotonic() + timeout
    while True:
        if job_id not in job_ids(printer, "not-completed"):
            return True
        state = find_printer(printer)
        if state is None or not state.enabled:
            _run("cancel", job_id)
            why = t("（{reason}）").fill(reason=reason_words(state.reason)) if state and state.reason else ""
            raise PrintError(
                t("打印机「{printer}」打印时出错停止了{why}：请检查是否缺纸、卡纸，恢复打印机后再补打").fill(
                    printer=printer, why=why)
            )
        if state.offline:
            # Left waiting, the slip would come out whenever the printer is plugged in again,
            # long after the resident has gone, or twice after a 补打.
            _run("cancel", job_id)
            raise PrintError(
                t("打印机「{printer}」未连接（没开机或 USB 线松了）：打印任务已取消。请检查电源和连线，连上后再补打").fill(
                    printer=printer)
            )
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


_RESOLUTION = re.compile(r"^Resolution/[^:]*:.*\*(\d+)(?:x\d+)?dpi", re.MULTILINE)


class CupsStatus:
    """The ``JobStatus`` of a CUPS laptop: printer states, job states, the driver's resolution."""

    def explain(self, printers: list[PrinterState]) -> list[PrinterState]:
        """The system's list, each printer with CUPS's word on why it cannot print."""
        try:
            known = {p.name: p for p in list_printers()}
        except PrintError:
            return printers
        return [known[p.name].state(p.is_default) if p.name in known else p for p in printers]

    def check_ready(self, printer: str) -> set[str]:
        check_ready(printer)
        return job_ids(printer)

    def follow(self, printer: str, marker: set[str], title: str, timeout: float) -> SentJob:
        new = job_ids(printer) - marker
        if not new:
            # CUPS keeps no history here (PreserveJobHistory No): the job cannot be followed.
            return SentJob("", printed=False)
        job = max(new, key=_number)
        return SentJob(job, printed=wait_for_job(job, printer, timeout))

    def __init__(self) -> None:
        self._resolutions: dict[str, int | None] = {}

    def resolution(self, printer: str) -> int | None:
        # Asked once per printer: a driver's resolution does not change between two slips, and
        # each CUPS command is a process start on the way from Ctrl+P to the printer.
        if printer not in self._resolutions:
            shown = _run("lpoptions", "-p", printer, "-l")
            m = _RESOLUTION.search(shown.stdout)
            self._resolutions[printer] = int(m.group(1)) if m else None
        return self._resolutions[printer]
