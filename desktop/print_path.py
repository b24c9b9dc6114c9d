"""The print path put together: Qt's print support everywhere, CUPS's job states where CUPS runs.

The window (desktop/printing.py, the setup wizard, the settings dialog) and the command line's
``slip --print`` all print through the ``SlipPrinter`` made here, so they say the same things.
"""

from __future__ import annotations

from pathlib import Path

from desktop import cups
from desktop.qt_print import QtSpooler, gui_application
from reception.slips.printing import WAIT_FOR_PRINTER_S, JobStatus, SlipPrinter, Spooler, SpoolerStatus


def job_status(spooler: Spooler) -> JobStatus:
    """CUPS's account of jobs where the laptop has CUPS; otherwise what the spooler lists."""
    if cups.available():
        return cups.CupsStatus()
    return SpoolerStatus(spooler)


def slip_printer(data_dir: Path, wait_seconds: float = WAIT_FOR_PRINTER_S) -> SlipPrinter:
    spooler = QtSpooler()
    return SlipPrinter(data_dir, spooler, job_status(spooler), wait_seconds)


# A script asking for a print can wait longer than a volunteer at the stall to hear "printed".
WAIT_FOR_PRINTER_CLI_S = 15.0


def for_command_line(data_dir: Path) -> SlipPrinter:
    """The same printer for ``xinan-desk slip --print``, with a screenless Qt application."""
    gui_application()
    return slip_printer(data_dir, WAIT_FOR_PRINTER_CLI_S)
