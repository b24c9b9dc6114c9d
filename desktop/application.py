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
from functools import partial
from pathlib import Path

import desktop.pyside_import_check  # noqa: F401,I001 - PySide6 first, and its import check made cheap
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from desktop import fonts, i18n
from desktop.widgets import theme

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


def new_application(argv: list[str]) -> QApplication:
    """The desk's QApplication, with Qt's Fusion style made with it (theme.py's look is drawn on
    Fusion; made here, in C++, it costs the unlock dialog nothing from Python)."""
    app = QApplication([*(argv or [sys.argv[0]]), "-style", "Fusion"])
    app.setProperty(theme.STYLE_AT_START_PROPERTY, True)
    return app


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


def _cannot_open(error: object) -> str:
    return QCoreApplication.translate("Application", "接访台无法打开：\n{error}").format(error=error)


# The modules the window needs once unlocked (the database, the form, the window and its
# features: a second of imports). They load on a thread once the first dialog is on screen, while
# the passphrase is typed, so that neither the dialog nor the moment after Enter waits for them.
_WINDOW_MODULES = ("composition.services", "desktop.wiring", "reception.case_search", "reception.category_search")
preloaded = threading.Event()


def _preload(data_dir: Path, forms: dict) -> None:
    """The window's modules, then the street's form files (not encrypted, read at every unlock)."""
    try:
        for name in _WINDOW_MODULES:
            importlib.import_module(name)
        from forms import load_form

        forms[data_dir] = load_form(data_dir)
    except Exception as error:  # noqa: BLE001 - done again on the UI thread, which reports it
        log.warning("preloading the window's modules failed: %s", type(error).__name__)
    finally:
        preloaded.set()


def _not_opened(data_dir: Path, error: Exception) -> int:
    """Say why the desk did not open; 1. (reception.errors is imported here, not at the top: the
    unlock dialog shows without it.)"""
    from PySide6.QtWidgets import QMessageBox

    from composition.logs import log_bug, setup_logging
    from reception.errors import DeskError

    setup_logging(data_dir)
    if isinstance(error, DeskError):  # disk full, a broken form file...: the message says what to do
        log.error("desk did not open: %s", type(error).__name__)
        message: object = error
    else:  # a bug: its traceback to the log, never to the screen
        log_bug(log, "opening the desk", error)
        from desktop.operations import unexpected_message

        message = unexpected_message()
    QMessageBox.critical(None, _title(), _cannot_open(message))
    return 1


def _log_to_file(data_dir: Path) -> None:
    """The desk's log file (idempotent). composition.logs is imported here, once the unlock
    dialog is drawn or the desk opens without it: not before the dialog's first paint (1 ms)."""
    from composition.logs import setup_logging

    setup_logging(data_dir)


def run(data_dir: Path, argv: list[str]) -> int:
    from reception.privacy import file_modes

    file_modes.restrict_process()  # the log, saved slips, the database: private from the start
    app = QApplication.instance() or new_application(argv)
    configure(app)
    preloading: list[threading.Thread] = []
    forms: dict[Path, object] = {}  # the form files read by the thread, by data directory

    def start_preload() -> None:
        _log_to_file(data_dir)  # whichever of the paths below comes first
        if not preloaded.is_set() and not preloading:
            preloading.append(threading.Thread(target=_preload, args=(data_dir, forms), name="preload", daemon=True))
            preloading[0].start()

    from desktop.first_start import first_run
    from desktop.unlock_dialog import unlock_at_start

    def open_services(folder: Path, passphrase: str, **kwargs):
        _log_to_file(data_dir)  # $XINAN_DESK_PASSPHRASE: no dialog, so no thread, before this
        if preloading:
            preloading[0].join()  # a passphrase typed very fast: the thread finishes the imports
        from composition.services import open_services as open_them

        return open_them(folder, passphrase, loaded_form=forms.get(folder), **kwargs)

    try:
        # A new laptop gets the setup wizard (which sets the passphrase); others the unlock dialog.
        # The log file and the window's modules once the unlock dialog is drawn: before, they
        # would delay it. (A new laptop's wizard loads them with its pages.)
        services = first_run(data_dir, open_services, partial(unlock_at_start, on_screen=start_preload))
        if services is None:
            return 0  # 退出 at the unlock dialog or the wizard closed: nothing more to open
    except Exception as error:  # noqa: BLE001 - told apart in _not_opened
        return _not_opened(data_dir, error)
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
