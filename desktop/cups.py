"""The desk's side of CUPS: which printers there are, and sending a PDF to one with ``lp``.

CUPS runs on Linux and macOS laptops (Windows printing goes through Qt's print dialog, not here).
Its commands are run with LC_ALL=C so that their replies can be read; what the volunteer sees is
always our own Chinese message, which names the printer and says what to do.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from reception.errors import DeskError

LP_TIMEOUT_S = 20


class PrintError(DeskError):
    """The slip did not reach a printer; the message is for the volunteer."""


@dataclass(frozen=True)
class Printer:
    name: str
    enabled: bool  # False: paused by a person, or stopped by an error (paper out, jam, offline)
    accepting: bool
    reason: str  # what CUPS says about a stopped printer ("Paused", "Media jam", ...)

    @property
    def ready(self) -> bool:
        return self.enabled and self.accepting


def _run(*args: str, timeout: float = LP_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, env=env)
    except FileNotFoundError:
        raise PrintError(
            "本机没有安装打印服务（找不到 CUPS 的 lp 命令）：请安装 CUPS 后再打印"
        ) from None
    except subprocess.TimeoutExpired:
        raise PrintError("打印服务没有响应：请稍后再试，或重启电脑上的打印服务") from None


_PRINTER_LINE = re.compile(r"^printer (\S+) (?:is |now )?(.*)$")
_ACCEPT_LINE = re.compile(r"^(\S+) (not )?accepting requests")


def list_printers() -> list[Printer]:
    """Every CUPS queue on this laptop, with whether it can print now."""
    shown = _run("lpstat", "-p", "-a")
    if shown.returncode != 0 and "scheduler is not running" in (shown.stderr + shown.stdout):
        raise PrintError("打印服务（CUPS）没有运行：请启动打印服务或重启电脑后再打印")
    states: dict[str, dict[str, object]] = {}
    current: str | None = None
    for line in shown.stdout.splitlines():
        m = _PRINTER_LINE.match(line)
        if m:
            current = m.group(1)
            states[current] = {"enabled": "disabled" not in m.group(2), "reason": "", "accepting": True}
            continue
        m = _ACCEPT_LINE.match(line)
        if m:
            current = None
            if m.group(1) in states:
                states[m.group(1)]["accepting"] = m.group(2) is None
            continue
        if current and line.startswith(("\t", " ")) and line.strip():
            states[current]["reason"] = line.strip()
    return [
        Printer(name, bool(s["enabled"]), bool(s["accepting"]), str(s["reason"]))
        for name, s in sorted(states.items())
    ]


def find_printer(name: str) -> Printer | None:
    return next((p for p in list_printers() if p.name == name), None)


def check_ready(name: str) -> Printer:
    """The printer, if it can take a job now; otherwise a PrintError saying why and what to do."""
    if not name:
        raise PrintError("还没有选择打印机：请按 Ctrl+Shift+P 打开打印预览，选择打印机后打印")
    printer = find_printer(name)
    if printer is None:
        raise PrintError(f"找不到打印机「{name}」：请检查打印机是否连接，或在打印预览里重新选择打印机")
    if not printer.enabled:
        why = f"（{_reason_words(printer.reason)}）" if printer.reason else ""
        raise PrintError(
            f"打印机「{name}」已停止{why}：请检查是否缺纸、卡纸或没开机，恢复打印机后再补打"
        )
    if not printer.accepting:
        raise PrintError(f"打印机「{name}」暂不接受打印任务：请在电脑的打印机设置里恢复它")
    return printer


def _reason_words(reason: str) -> str:
    known = {
        "paused": "已暂停",
        "media-jam": "卡纸",
        "media jam": "卡纸",
        "media-empty": "缺纸",
        "media empty": "缺纸",
        "out of paper": "缺纸",
        "offline": "未连接",
        "cover-open": "机盖打开",
        "door-open": "机盖打开",
    }
    lowered = reason.lower()
    for key, words in known.items():
        if key in lowered:
            return words
    return reason


_JOB_ID = re.compile(r"request id is (\S+)")


def submit(pdf: Path, printer: str, media: str, title: str) -> str:
    """Queue the PDF on ``printer`` at its own page size; returns the CUPS job id.

    ``title`` names the job in the queue (and the file cups-pdf writes): a tracking code, never
    anything personal. fit-to-page is off so the QR code keeps its size in printer dots.
    """
    check_ready(printer)
    done = _run(
        "lp", "-d", printer, "-t", title, "-o", f"media={media}", "-o", "fit-to-page=false",
        "-o", "print-scaling=none", str(pdf),
    )
    m = _JOB_ID.search(done.stdout)
    if done.returncode != 0 or m is None:
        detail = (done.stderr or done.stdout).strip().splitlines()
        first = detail[0] if detail else f"exit status {done.returncode}"
        raise PrintError(f"打印机「{printer}」没有接受打印任务：{first}")
    return m.group(1)


def wait_for_job(job_id: str, printer: str, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds: True when the job has printed, False if still queued.

    A printer that stops meanwhile (a jam, out of paper) is a PrintError, and the job is
    cancelled, so that it does not come out later as an unexpected duplicate.
    """
    deadline = time.monotonic() + timeout
    while True:
        pending = _run("lpstat", "-o", printer)
        if job_id not in pending.stdout.split():
            return True
        state = find_printer(printer)
        if state is None or not state.enabled:
            _run("cancel", job_id)
            why = f"（{_reason_words(state.reason)}）" if state and state.reason else ""
            raise PrintError(
                f"打印机「{printer}」打印时出错停止了{why}：请检查是否缺纸、卡纸，恢复打印机后再补打"
            )
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
