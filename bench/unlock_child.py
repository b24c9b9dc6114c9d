"""The desk started as a volunteer starts it, for bench/startup.py: the unlock dialog, the
passphrase typed and Enter, the window with tonight's list.

Run as ``python bench/unlock_child.py --data-dir DIR`` with ``XINAN_DESK_EXIT_WHEN_IDLE=1`` and
``BENCH_PASSPHRASE``. Prints, in milliseconds of the process's age:

    dialog <ms>     the unlock dialog is on screen and the event loop idle
    enter <ms>      Enter pressed on the typed passphrase
    idle <ms>       the window is idle with tonight's list loaded (printed by the desk)
    kdf <n> <ms>    how many times scrypt ran in this process, and for how long in all
    rss <kB> <kB>   resident memory now and at its peak (VmRSS, VmHWM), after the window

The passphrase is typed once the modules the window needs have loaded on their thread (a
person needs longer than that to type one); the dialog's figure does not wait for that.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.application import process_age_ms  # noqa: E402

kdf = {"calls": 0, "ms": -1.0}


def count_scrypt() -> None:
    """Count every scrypt from now on. Installed when the dialog shows, not at the start: hashlib
    costs 5–10 ms to import, which the desk does not spend before its dialog (no scrypt can run
    before it either: tests/desktop/test_application.py fails if the keyfile is imported)."""
    import hashlib

    scrypt = hashlib.scrypt
    kdf.update(calls=0, ms=0.0)

    def counted_scrypt(*args, **kwargs):
        started = time.perf_counter()
        try:
            return scrypt(*args, **kwargs)
        finally:
            kdf["calls"] += 1
            kdf["ms"] += (time.perf_counter() - started) * 1000

    hashlib.scrypt = counted_scrypt  # the keyfile (and a PIN check) call hashlib.scrypt by name


def type_when_shown() -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import application

    state = {"shown": False}

    def look() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "unlockDialog" and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(1, look)
            return
        if not state["shown"]:
            state["shown"] = True
            print(f"dialog {process_age_ms():.0f}", flush=True)
            count_scrypt()
        if not application.preloaded.is_set():  # typing takes longer than the imports
            QTimer.singleShot(5, look)
            return
        from PySide6.QtTest import QTest  # the bench's own typing: not before the dialog's figure

        edit = dialog.passphrase_edit
        edit.setText(os.environ["BENCH_PASSPHRASE"])
        print(f"enter {process_age_ms():.0f}", flush=True)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, look)


def main() -> int:
    from PySide6.QtCore import QTimer

    from desktop.application import new_application
    from desktop.launcher import main as desk

    app = new_application([sys.argv[0]])  # as the launcher makes it (it uses the one there is)
    QTimer.singleShot(0, type_when_shown)
    code = desk(sys.argv[1:])
    status = Path("/proc/self/status").read_text()
    rss = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    print(f"kdf {kdf['calls']} {kdf['ms']:.0f}", flush=True)
    print(f"rss {rss.get('VmRSS', 0)} {rss.get('VmHWM', 0)}", flush=True)
    del app
    return code


if __name__ == "__main__":
    raise SystemExit(main())
