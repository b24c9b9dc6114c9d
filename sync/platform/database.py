"""Where the platform keeps its rows: an SQLite file beside the data (one street, a quick start)
or PostgreSQL (a district, several workers), through SQLAlchemy Core.

Every worker process opens its own engine; nothing about a request lives in a process. SQLite
allows one writer at a time, so a write transaction starts with ``BEGIN IMMEDIATE``: it takes
the write lock at once, instead of failing half-way with "database is locked" when two
transactions that began as readers both try to write. PostgreSQL runs at READ COMMITTED; the
statements that race (idempotency keys, rate limits) are written to be safe there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DATABASE_ENV = "XINAN_PLATFORM_DATABASE"
_WRITE = "xinan_write"


class DatabaseUrlError(ValueError):
    """--database is neither a postgresql:// nor an sqlite:// address."""


def database_url(data_dir: Path, database: str | None = None) -> str:
    """The SQLAlchemy URL: --database (or $XINAN_PLATFORM_DATABASE), else platform.db in the data dir."""
    text = database or os.environ.get(DATABASE_ENV) or ""
    return normalised(text) if text else sqlite_url(data_dir)


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir).resolve() / 'platform.db'}"


def normalised(text: str) -> str:
    """postgresql://… as psycopg 3's URL (SQLAlchemy 2.0 would pick psycopg2); sqlite:///… as given."""
    try:
        url = make_url(text)
    except ArgumentError:
        raise DatabaseUrlError(text) from None
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if url.drivername == "sqlite" and url.database:
        return text
    raise DatabaseUrlError(text)


def redacted(url: str) -> str:
    """The URL as it may appear in a message or a log: never the password."""
    return make_url(url).render_as_string(hide_password=True)


def open_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               pool_size=8, max_overflow=32)

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves, below
            for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
                dbapi_connection.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Connection) -> None:
            write = connection.get_execution_options().get(_WRITE, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # A worker's thread pool runs up to 40 handlers at once; most hold a connection for a few
    # milliseconds. 4 workers x 30 stays well inside PostgreSQL's default max_connections (100).
    return create_engine(url, pool_size=10, max_overflow=20, pool_timeout=30, pool_pre_ping=True)


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect().execution_options(**{_WRITE: True}) as connection, connection.begin():
        yield connection


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        yield connection
