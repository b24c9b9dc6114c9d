"""Where the desk keeps its data on this laptop."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "xinan-desk"
DATABASE_NAME = "desk.db"


def default_data_dir() -> Path:
    import platformdirs  # only when no data directory is given (8 ms before the unlock dialog)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DATABASE_NAME


SLIPS_FOLDER = "slips"


def slips_folder(data_dir: Path) -> Path:
    """Where slips that could not be printed are kept, for the volunteer to print later."""
    return Path(data_dir) / SLIPS_FOLDER
