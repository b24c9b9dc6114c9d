"""Ctrl+P to the job handed to the spooler, as a ratio to rendering the same slip's PDF alone.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.printing [--rounds 15]

The desk window is opened on a throwaway data directory with one case, its printer set to a
cups-pdf queue of the bench's own (scripts/cups-test-printer.sh, 203 dpi as a thermal printer's
driver; needs root, as the print-path tests do). Each round presses Ctrl+P in the window and
times the moment Qt's spooler has handed the job to the system (``QPainter.end`` returned in
desktop/qt_print.py): the worker thread's turn, the slip rendered, the printer's state asked of
CUPS, the PDF drawn at the printer's dpi, QPrinter's job. The floor, in the same run and
alternated with the prints, is ``SlipService.prepare`` for the same paper: reading the case and
rendering its PDF, nothing else. Waiting for CUPS to report the job printed comes after the
hand-over and is not counted (it is CUPS and its filters, up to 3 s by design).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from bench import machine

ROOT = Path(__file__).resolve().parent.parent
QUEUE = "xinan-bench-print"
PAPERS = ("80mm", "58mm", "a4")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def measure(rounds: int) -> dict[str, dict[str, list[float]]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from composition.services import open_services
    from desktop.application import configure
    from desktop.qt_print import QtSpooler
    from desktop.wiring import build_window
    from reception import street_settings
    from reception.privacy.keyfile import KdfCost
    from reception.slips import fonts
    from reception.slips.service import SlipService

    subprocess.run([str(ROOT / "scripts" / "cups-test-printer.sh"), QUEUE], check=True, capture_output=True)
    app = QApplication.instance() or QApplication(["bench"])
    configure(app)
    handed: list[float] = []

    class TimedSpooler(QtSpooler):
        """The desk's spooler, noting the moment each job has been handed to the system."""

        def submit(self, *args, **kwargs) -> None:
            super().submit(*args, **kwargs)
            handed.append(time.perf_counter())

    samples: dict[str, dict[str, list[float]]] = {p: {"print": [], "floor": []} for p in PAPERS}
    with tempfile.TemporaryDirectory(prefix="xinan-bench-print-") as tmp:
        services = open_services(Path(tmp), "bench only", kdf_cost=KdfCost(n=2**10))
        desk = services.desk
        case = desk.record_case(desk.template())
        fonts.register()
        window = build_window(services)
        window.show()
        actions = window.print_actions
        actions.slip_printer.spooler = TimedSpooler()
        finished: list[object] = []
        actions.finished.connect(finished.append)

        def wait(condition, timeout: float = 60) -> None:
            deadline = time.monotonic() + timeout
            while not condition():
                if time.monotonic() > deadline:
                    raise SystemExit("bench.printing: the print did not finish; is CUPS running?")
                app.processEvents()
                time.sleep(0.001)

        def on_worker(work):
            done: list[object] = []
            window.operations.submit(work, what="bench", done=done.append, failed=done.append)
            wait(lambda: bool(done))
            return done[0]

        try:
            window.last_saved_case_id = case.id  # Ctrl+P prints the case just saved
            for paper in PAPERS:
                on_worker(lambda d, p=paper: street_settings.save(d.db, {"printer": QUEUE, "default_paper": p}))
                for round_ in range(rounds + 1):  # the first is a warm-up
                    pressed = time.perf_counter()
                    before = len(finished)
                    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
                    wait(lambda b=before: len(finished) > b)
                    if not finished[-1].printed:  # type: ignore[attr-defined]
                        raise SystemExit(f"bench.printing: {finished[-1].message}")  # type: ignore[attr-defined]
                    spent = (handed[-1] - pressed) * 1000
                    floor = on_worker(lambda d, p=paper: _timed(lambda: SlipService(d).prepare(case.id, p)))
                    if round_:
                        samples[paper]["print"].append(spent)
                        samples[paper]["floor"].append(floor)
        finally:
            window.close()  # stops the database worker
            window.deleteLater()
            app.processEvents()
            services.close()
    return samples


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def report(rounds: int) -> str:
    started = time.perf_counter()
    samples = measure(rounds)
    total_s = time.perf_counter() - started
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {when} with `QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.printing "
        f"--rounds {rounds}` ({rounds} prints per paper, {total_s:.1f} s in all).",
        "",
        "| paper | Ctrl+P → spooler, median | p95 | render PDF alone (floor), median | ratio (median) |",
        "|---|---:|---:|---:|---:|",
    ]
    for paper in PAPERS:
        printed, floor = samples[paper]["print"], samples[paper]["floor"]
        lines.append(
            f"| {paper} | {statistics.median(printed):.0f} ms | {p95(printed):.0f} ms | "
            f"{statistics.median(floor):.1f} ms | {statistics.median(printed) / statistics.median(floor):.1f}× |"
        )
    lines += ["", "Machine:", "", *[f"- {line}" for line in machine.describe(Path(tempfile.gettempdir()))]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.printing")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(report(args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
