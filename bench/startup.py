"""(a) Cold start to an idle main window with 100,000 cases, against a bare PySide6 window.

Both are fresh processes, alternated so that both see the same load on the machine. Each
reports ``idle <ms>`` (milliseconds from the kernel's record of the process start to the first
idle turn of the event loop after the window is shown and, for the desk, tonight's list has
loaded); the parent also measures wall time from spawn to exit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    wall = (time.perf_counter() - started) * 1000
    idle = [line for line in result.stdout.splitlines() if line.startswith("idle ")]
    if not idle:
        raise RuntimeError(f"{command[1:]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    # The exit status is kept, not hidden: a process that reached idle but then died on the way
    # out still gave its start-up figure, and the report counts how often that happened.
    return float(idle[-1].split()[1]), wall, result.returncode


def measure(data_dir: Path, empty_dir: Path, repetitions: int) -> dict[str, list[tuple[float, float, int]]]:
    """Alternate: bare window, desk on an empty database, desk on the 100k-case database."""
    # The passphrase comes from the environment (no unlock dialog), so every desk start includes
    # the unlock's scrypt (see the Privacy section). The desk encrypts a plain database on its first
    # unlock, so it starts on a copy: the recording and look-up benches read the plain original.
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XINAN_DESK_EXIT_WHEN_IDLE": "1", "PYTHONPATH": str(REPO), "XINAN_DESK_PASSPHRASE": "bench 夜话口令 2026"}
    copy = data_dir.with_name(data_dir.name + "-desk")
    shutil.copytree(data_dir, copy, dirs_exist_ok=True)
    data_dir = copy
    desk = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir)]
    empty = [sys.executable, "-m", "desktop", "--data-dir", str(empty_dir)]
    bare = [sys.executable, str(REPO / "bench" / "bare_window.py")]
    # One unmeasured run of each: the first reads the libraries from disk into the page cache.
    _run(bare, env)
    _run(desk, env)
    _run(empty, env)
    results: dict[str, list[tuple[float, float, int]]] = {"desk": [], "bare": [], "empty": []}
    for _ in range(repetitions):
        results["bare"].append(_run(bare, env))
        results["empty"].append(_run(empty, env))
        results["desk"].append(_run(desk, env))
    return results
