"""The one way to write: ``with writing(db):`` around every write transaction of the desk.

Every write of the desk goes through it (tests/reception/storage/test_one_write_helper.py checks
that no code opens a transaction another way), so every write waits for the lock the same way
and every storage failure is said the same way.
"""

from __future__ import annotations

from sqlite_utils import Database

from reception.storage.connection import DATABASE_ERRORS, known_storage_error, raise_storage_error


def writing(db: Database) -> WriteTransaction:
    """A write transaction (a savepoint inside another one)."""
    return WriteTransaction(db)


class WriteTransaction:
    """A write transaction that turns known SQLite failures into StorageError for the volunteer.

    The outermost one starts with BEGIN IMMEDIATE: a deferred transaction that reads and then
    writes fails at once with "database is locked" when another process (the command line beside
    the open desk) wrote in between, whereas IMMEDIATE takes the write lock first and waits on
    the busy timeout. Nested ones are sqlite-utils savepoints.
    """

    _ERRORS = (*DATABASE_ERRORS, OSError)

    def __init__(self, db: Database) -> None:
        self._db = db
        self._outer = False
        self._atomic = db.atomic()

    def __enter__(self):
        try:
            if not self._db.conn.in_transaction:
                self._db.conn.execute("BEGIN IMMEDIATE")
                self._outer = True
            return self._atomic.__enter__()
        except self._ERRORS as error:
            self._end(commit=False)
            raise_storage_error(error)

    def __exit__(self, exc_type, exc, tb):
        failure = None
        try:
            suppressed = self._atomic.__exit__(exc_type, exc, tb)
        except self._ERRORS as error:
            suppressed, failure = False, error
        try:
            self._end(commit=exc is None and failure is None)
        except self._ERRORS as error:  # the COMMIT itself failed (disk full, I/O error)
            self._end(commit=False)
            failure = failure or error
        if exc is not None and not isinstance(exc, self._ERRORS):
            return False  # a bug or an expected DeskError: let it through as it is
        if failure is not None:
            raise_storage_error(failure)
        # A statement inside the block failed: the transaction has been rolled back. A known
        # failure (disk full, locked, ...) is said in words; anything else is a bug and goes up
        # as it is, traceback and all, to be logged.
        if not suppressed and exc is not None:
            if known_storage_error(exc) is None:
                return False
            raise_storage_error(exc)
        return suppressed

    def _end(self, commit: bool) -> None:
        if not self._outer:
            return
        if self._db.conn.in_transaction:
            # A failed COMMIT leaves the transaction open (and _outer set) for the ROLLBACK.
            self._db.conn.execute("COMMIT" if commit else "ROLLBACK")
        self._outer = False
