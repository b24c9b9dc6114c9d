"""Where the desk keeps its cases: one SQLite file, opened in one place, SQL in one module.

``open_database`` is looked up when first asked for (PEP 562), so that importing a light part of
the package (``reception.storage.header``) does not load sqlite-utils and SQLCipher: the unlock
dialog shows before they are imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reception.storage.connection import open_database

__all__ = ["open_database"]


def __getattr__(name: str):
    if name == "open_database":
        from reception.storage.connection import open_database

        return open_database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
