"""The desk started as a volunteer starts it, for bench/startup.py: the unlock dialog, the
passphrase typed and Enter, the window with tonight's list.

Run as ``python bench/unlock_child.py --data-dir DIR`` with ``XINAN_DESK_EXIT_WHEN_IDLE=1`` and
``BENCH_PASSPHRASE``. Prints, in milliseconds of the process's age:

    dialog <ms> <ns> the unlock dialog has been drawn (its first paint) and the event loop is idle
                    again; <ns> is CLOCK_MONOTONIC then, for bench/startup.py's finer clock
    enter <ms>      Enter pressed on the typed passphrase
    idle <ms>       the window is idle with tonight's list loaded (printed by the desk)
    kdf <n> <ms>    how many times scrypt ran in this process, and for how long in all
    rss <kB> <kB>   resident memory now and at its peak (VmRSS, VmHWM), after the window

The passphrase is typed once the modules the window needs have loaded on their thread (a
person needs longer than that to type one); the dialog's figure does not wait for that.

Nothing of the bench's own runs between the dialog's show and its first paint: the figure is
taken at the turn of the event loop after the dialog's first paint (itself and its children),
ahead of what the desk starts once the dialog is drawn, and what the bench needs for typing
(the Qt namespace, QtTest) is imported after it. An earlier version
imported ``Qt`` in a timer that Qt ran between the show and the paint, which put 15–25 ms of
building PySide6's Qt enums into the dialog's figure.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.application import process_age_ms  # noqa: E402

kdf = {"calls": 0, "ms": -1.0}
# With this set to 1 the child stops at the dialog (退出): bench/startup.py takes more samples of
# the dialog's figure, the noisiest of its ratios, without a scrypt and a window each time.
DIALOG_ONLY_ENV = "BENCH_DIALOG_ONLY"


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


def type_when_drawn() -> None:
    """Report the dialog once drawn, then type the passphrase and press Enter."""
    from PySide6.QtCore import QTimer

    from desktop import application
    from desktop.unlock_dialog import UnlockDialog

    painted = UnlockDialog.paintEvent
    first = [True]

    def paint_event(dialog, event) -> None:
        if first:  # only the first paint is looked at (the class keeps this wrapper: PySide6
            first.clear()  # crashes when a virtual's override is swapped back while Qt calls it)
            # Queued before the dialog's own paintEvent queues what the desk loads once it is
            # drawn (the log file, the preloading thread), so that the figure is taken when the
            # whole dialog (its children paint after it) is drawn and before that work starts.
            QTimer.singleShot(0, lambda: drawn(dialog))
        painted(dialog, event)

    def drawn(dialog) -> None:
        # The clocks are read before anything else of the bench's runs.
        age, now = process_age_ms(), time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        print(f"dialog {age:.0f} {now}", flush=True)
        if os.environ.get(DIALOG_ONLY_ENV) == "1":
            dialog.reject()  # 退出, as a person may: the desk then closes without unlocking
            return
        count_scrypt()
        type_when_loaded(dialog)

    def type_when_loaded(dialog) -> None:
        if not application.preloaded.is_set():  # typing takes longer than the imports
            QTimer.singleShot(5, lambda: type_when_loaded(dialog))
            return
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        edit = dialog.passphrase_edit
        edit.setText(os.environ["BENCH_PASSPHRASE"])
        print(f"enter {process_age_ms():.0f}", flush=True)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    UnlockDialog.paintEvent = paint_event


def main() -> int:
    from desktop.application import new_application
    from desktop.launcher import main as desk

    app = new_application([sys.argv[0]])  # as the launcher makes it (it uses the one there is)
    type_when_drawn()
    code = desk(sys.argv[1:])
    status = Path("/proc/self/status").read_text()
    rss = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    print(f"kdf {kdf['calls']} {kdf['ms']:.0f}", flush=True)
    print(f"rss {rss.get('VmRSS', 0)} {rss.get('VmHWM', 0)}", flush=True)
    del app
    return code


if __name__ == "__main__":
    raise SystemExit(main())
