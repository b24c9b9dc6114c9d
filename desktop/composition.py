"""The composition root: the one place that builds the desk's parts and wires them together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from forms import LoadedForm, load_form
from reception.desk import ReceptionDesk
from reception.paths import database_path
from reception.storage import open_database


@dataclass
class Services:
    data_dir: Path
    loaded_form: LoadedForm
    desk: ReceptionDesk


def open_services(data_dir: Path) -> Services:
    """Everything the command line and the window need, without Qt."""
    loaded = load_form(data_dir)
    db = open_database(database_path(data_dir))
    return Services(data_dir=Path(data_dir), loaded_form=loaded, desk=ReceptionDesk(db, loaded.form))


def run_desk(data_dir: Path, argv: list[str] | None = None) -> int:
    """Open the desk window and run until it is closed."""
    from desktop.application import run

    return run(data_dir, argv or [])
