"""The Qt application: fonts, translations, the dark theme, then the window from the composition root.

``XINAN_DESK_EXIT_WHEN_IDLE=1`` makes the desk print ``idle <ms since process start>`` once the
window is shown and tonight's list has loaded, then quit with status 0 (bench/ measures start-up
with it).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from composition.logs import log_bug, setup_logging
from desktop import fonts, i18n
from desktop.widgets import theme
from reception.errors import DeskError

EXIT_WHEN_IDLE_ENV = "XINAN_DESK_EXIT_WHEN_IDLE"
log = logging.getLogger(__name__)


def process_age_ms() -> float:
    """Milliseconds since this process started (from the kernel's record where there is one)."""
    try:
        with open("/proc/self/stat", "rb") as stat:
            # Field 22 is the start time in clock ticks after boot; the command name (field 2)
            # may contain spaces, so count from the closing parenthesis.
            start_ticks = int(stat.read().rsplit(b")", 1)[1].split()[19])
        with open("/proc/uptime", "rb") as uptime:
            up_seconds = float(uptime.read().split()[0])
        return max(0.0, (up_seconds - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        # No /proc (Windows, macOS): count from when the desk's code started loading.
        return (time.monotonic() - _IMPORTED_AT) * 1000


_IMPORTED_AT = time.monotonic()


def configure(app: QApplication) -> None:
    """What every desk window needs from the application: font, translations, look."""
    app.setApplicationName("xinan-desk")
    fonts.install_app_font(app)
    # The translators are children of the application object, which keeps them alive; they set
    # the display name (心安接访台) in the desk's language.
    i18n.install_translators(app)
    theme.apply(app)


def _title() -> str:
    return QCoreApplication.translate("Application", "心安接访台")


def _cannot_open(error: Exception) -> str:
    return QCoreApplication.translate("Application", "接访台无法打开：\n{error}").format(error=error)


# The modules the window needs once unlocked (the database, the form, the window and its
# features: a second of imports). They load on a thread while the unlock dialog waits for the
# passphrase, so that neither the dialog nor the moment after Enter waits for them.
_WINDOW_MODULES = ("composition.services", "desktop.wiring", "reception.case_search", "reception.category_search")
preloaded = threading.Event()


def _preload() -> None:
    try:
        for name in _WINDOW_MODULES:
            importlib.import_module(name)
    except Exception as error:  # noqa: BLE001 - imported again on the UI thread, which reports it
        log.warning("preloading the window's modules failed: %s", type(error).__name__)
    finally:
        preloaded.set()


def run(data_dir: Path, argv: list[str]) -> int:
    from reception.privacy import file_modes

    file_modes.restrict_process()  # the log, saved slips, the database: private from the start
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    configure(app)
    setup_logging(data_dir)
    # Once the event loop runs (the unlock dialog is up): before, the thread's imports would
    # compete with the dialog's own for the interpreter.
    preloading: list[threading.Thread] = []

    def start_preload() -> None:
        if not preloaded.is_set() and not preloading:
            preloading.append(threading.Thread(target=_preload, name="preload", daemon=True))
            preloading[0].start()

    QTimer.singleShot(0, start_preload)
    from desktop.privacy_ui import unlock_at_start
    from desktop.first_start import first_run

    def open_services(folder: Path, passphrase: str, **kwargs):
        if preloading:
            preloading[0].join()  # a passphrase typed very fast: the thread finishes the imports
        # (No event loop yet, as with $XINAN_DESK_PASSPHRASE: no thread; they load right here.)
        from composition.services import open_services as open_them

        return open_them(folder, passphrase, **kwargs)

    try:
        # A new laptop gets the setup wizard (which sets the passphrase); others the unlock dialog.
        services = first_run(data_dir, open_services, unlock_at_start)
        if services is None:
            return 0  # 退出 at the unlock dialog or the wizard closed: nothing more to open
    except DeskError as error:  # disk full, a broken form file...: the message says what to do
        log.error("desk did not open: %s", type(error).__name__)
        QMessageBox.critical(None, _title(), _cannot_open(error))
        return 1
    except Exception as error:  # a bug: its traceback to the log, never to the screen
        log_bug(log, "opening the desk", error)
        from desktop.operations import unexpected_message

        QMessageBox.critical(None, _title(), _cannot_open(unexpected_message()))
        return 1
    from desktop.wiring import build_window

    window = build_window(services)
    if os.environ.get(EXIT_WHEN_IDLE_ENV) == "1":
        def report_idle() -> None:
            print(f"idle {process_age_ms():.0f}", flush=True)
            QTimer.singleShot(0, window.close)
            QTimer.singleShot(0, app.quit)

        window.ready.connect(report_idle)
    window.show_on_screen()
    try:
        return app.exec()
    finally:
        window.close()
        services.close()
