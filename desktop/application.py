"""The Qt application: fonts, translations, the dark theme, then the window from the composition root.

``XINAN_DESK_EXIT_WHEN_IDLE=1`` makes the desk print ``idle <ms since process start>`` once the
window is shown and tonight's list has loaded, then quit with status 0 (bench/ measures start-up
with it).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from composition.logs import log_bug, setup_logging
from desktop import fonts, i18n
from desktop.operations import unexpected_message
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
    app.setApplicationDisplayName("心安接访台")
    fonts.install_app_font(app)
    # The translators are children of the application object, which keeps them alive.
    i18n.install_translators(app)
    theme.apply(app)


def _title() -> str:
    return QCoreApplication.translate("Application", "心安接访台")


def _cannot_open(error: Exception) -> str:
    return QCoreApplication.translate("Application", "接访台无法打开：\n{error}").format(error=error)


def run(data_dir: Path, argv: list[str]) -> int:
    from composition.services import open_services
    from desktop.wiring import build_window
    from reception.privacy import file_modes

    file_modes.restrict_process()  # the log, saved slips, the database: private from the start
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    configure(app)
    setup_logging(data_dir)
    from desktop.privacy_ui import unlock_at_start
    from desktop.setup_wizard import first_run

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
        QMessageBox.critical(None, _title(), _cannot_open(unexpected_message()))
        return 1
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
