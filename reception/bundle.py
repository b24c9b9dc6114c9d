"""Where the files shipped with the desk are: the source tree, or the PyInstaller folder.

Every path to ``assets/`` or to the shipped ``forms/*.toml`` is built here, so the frozen desk
(``make dist``) and the desk run from a checkout find the same files. In a PyInstaller build
``sys._MEIPASS`` is the bundle's data folder (``_internal/`` beside the executable); build.spec
copies ``assets/`` and ``forms/`` there under the same names.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def root() -> Path:
    """The folder that holds ``assets/`` and ``forms/``."""
    if is_frozen():
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parent.parent


def asset(*parts: str) -> Path:
    """A file or folder under ``assets/``, e.g. ``asset("fonts", "DroidSansFallbackFull.ttf")``."""
    return root().joinpath("assets", *parts)


def shipped_forms_dir() -> Path:
    """The folder of the form definitions the desk ships (a street's own override them)."""
    return root() / "forms"
