"""The floor for start-up: a bare PySide6 window, shown, then quit once the event loop is idle.

Prints ``idle <ms since process start> <CLOCK_MONOTONIC ns>`` measured the same way as the desk
does (the second figure for bench/startup.py's finer clock: the process age comes in 10 ms ticks).
"""

from __future__ import annotations

import os
import sys
import time


def process_age_ms() -> float:
    with open("/proc/self/stat", "rb") as stat:
        start_ticks = int(stat.read().rsplit(b")", 1)[1].split()[19])
    with open("/proc/uptime", "rb") as uptime:
        up_seconds = float(uptime.read().split()[0])
    return (up_seconds - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def idle() -> None:
        print(f"idle {process_age_ms():.0f} {time.clock_gettime_ns(time.CLOCK_MONOTONIC)}", flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, idle)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
