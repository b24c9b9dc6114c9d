"""Where the desk keeps its cases: one SQLite file, opened in one place, SQL in one module."""

from reception.storage.connection import open_database

__all__ = ["open_database"]
