"""A description of the machine the figures were measured on."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from pathlib import Path


def describe(directory: Path) -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    filesystem = ""
    try:
        filesystem = subprocess.run(["df", "-T", str(directory)], capture_output=True, text=True).stdout.splitlines()[-1].split()[1]
    except (OSError, IndexError):
        pass
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
