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

    def close(self) -> None:
        """Close the database connection (after the window's worker has stopped)."""
        self.desk.db.conn.close()


def open_services(data_dir: Path) -> Services:
    """Everything the command line and the window need, without Qt."""
    loaded = load_form(data_dir)
    db = open_database(database_path(data_dir))
    return Services(data_dir=Path(data_dir), loaded_form=loaded, desk=ReceptionDesk(db, loaded.form))


def build_window(services: Services):
    """The desk window wired to its services and its database worker (needs a QApplication)."""
    from desktop.main_window import MainWindow
    from desktop.operations import Operations
    from desktop.printing import install_print_actions
    from desktop.sync_dialog import install_sync_action

    window = MainWindow(services, Operations(services.desk))
    install_sync_action(window, services)
    install_print_actions(
        window, window.operations.submit,
        lambda: window.selected_case_id() or window.last_saved_case_id, services.data_dir,
    )
    return window


def sync_service(services: Services, server: str | None, ca_bundle: str | None = None):
    """The end-of-night sync for this desk (Qt-free: the command line and the Sync dialog)."""
    from sync.setup import build_service

    return build_service(services.desk, server, ca_bundle=ca_bundle)


def enrol_device(services: Services, server: str, code: str, ca_bundle: str | None = None) -> str:
    """Enrol this laptop with the platform; its token goes to the OS keyring. Returns the prefix."""
    from sync.setup import enrol

    return enrol(services.desk, server, code, ca_bundle=ca_bundle)


def run_desk(data_dir: Path, argv: list[str] | None = None) -> int:
    """Open the desk window and run until it is closed."""
    from desktop.application import run

    return run(data_dir, argv or [])
