"""A description of the machine the figures were measured on."""

from __future__ import annotations

import contextlib
import os
import platform
import sqlite3
import subprocess
from pathlib import Path


def describe(directory: Path) -> list[str]:
    # Each detail is read where the system offers it (Linux's /proc, df); on a system without,
    # the description just says less: the figures themselves do not depend on it.
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB RAM"
    filesystem = ""
    with contextlib.suppress(OSError, IndexError):
        filesystem = subprocess.run(["df", "-T", str(directory)], capture_output=True, text=True).stdout.splitlines()[-1].split()[1]
    try:
        from PySide6 import QtCore

        qt = f"PySide6 {QtCore.__version__} (Qt {QtCore.qVersion()})"
    except ImportError:
        qt = "PySide6 not installed"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"CPU: {cpu}, {os.cpu_count()} logical cores (load average at start: {load})",
        f"Memory: {memory}",
        f"OS: {platform.platform()}",
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {qt}",
        f"Database directory on: {filesystem or 'unknown'} filesystem",
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}",
    ]
