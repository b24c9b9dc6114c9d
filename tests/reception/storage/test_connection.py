"""The one function that opens the database: WAL, synchronous=FULL, migrations, clear errors."""

from __future__ import annotations

import os
import pwd
import sqlite3
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from reception.errors import StorageError
from reception.storage import open_database
from reception.storage.connection import known_storage_error
from reception.storage.schema import MIGRATIONS

TABLES = {"device", "settings", "sessions", "cases", "photos", "outbox", "drafts"}


def test_a_new_file_is_wal_with_full_sync(db_path: Path):
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert TABLES <= set(db.table_names())
        db.execute("INSERT INTO settings (key, value) VALUES ('k', '1')")
        assert Path(str(db_path) + "-wal").exists()
    finally:
        db.conn.close()
    # WAL is a property of the file: a plain connection sees it too.
    plain = sqlite3.connect(db_path)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        plain.close()


def test_autocommit_outside_transactions(db_path: Path):
    db = open_database(db_path)
    try:
        assert db.conn.isolation_level is None and not db.conn.in_transaction
    finally:
        db.conn.close()


def test_the_data_directory_is_created(tmp_path: Path):
    db = open_database(tmp_path / "a" / "b" / "desk.db")
    db.conn.close()
    assert (tmp_path / "a" / "b" / "desk.db").is_file()


def test_migrations_apply_on_an_existing_file(db_path: Path, form):
    from reception.desk import ReceptionDesk

    names = [m.name for m in MIGRATIONS._migrations]
    db_path.parent.mkdir(parents=True)
    # A file as the first release left it: only the first migration, with a case in it.
    import sqlite_utils

    old = sqlite_utils.Database(db_path)
    MIGRATIONS.apply(old, stop_before=names[1:])
    assert [m.name for m in MIGRATIONS.applied(old)] == names[:1]
    old.conn.close()
    db = open_database(db_path)
    desk = ReceptionDesk(db, form)
    case = desk.record_case(
        {"category": "FAC01", "description": "路灯不亮一个月了", "anonymous": True, "community": "海富社区",
         "urgency": "一般", "outcome": "转平台办理", "receptionist": "李明"}
    )
    db.conn.close()
    db = open_database(db_path)
    try:
        assert [m.name for m in MIGRATIONS.applied(db)] == names
        assert MIGRATIONS.pending(db) == []
        assert ReceptionDesk(db, form).find_case(case.tracking_code) == case
    finally:
        db.conn.close()


def test_reopening_is_idempotent(db_path: Path):
    for _ in range(3):
        open_database(db_path).conn.close()
    plain = sqlite3.connect(db_path)
    try:
        applied = plain.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
    finally:
        plain.close()
    assert applied == len(MIGRATIONS._migrations)


def test_a_file_that_is_not_a_database(tmp_path: Path):
    path = tmp_path / "desk.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(StorageError, match="已损坏或不是接访台的数据库"):
        open_database(path)
    assert path.read_bytes().startswith(b"this is a spreadsheet")  # never overwritten


def test_a_data_directory_that_is_a_file(tmp_path: Path):
    (tmp_path / "data").write_text("x")
    with pytest.raises(StorageError):
        open_database(tmp_path / "data" / "desk.db")


def open_in_read_only_directory(directory: Path, name: str) -> str:
    """Try to open a database in a read-only directory; return the StorageError's message.

    Root ignores directory permissions, so as root the attempt runs in a forked child that has
    given up root for the unprivileged user ``nobody``.
    """
    directory.chmod(0o555)
    try:
        if os.geteuid() != 0:
            return _attempt(directory / name)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            status = 1
            try:
                os.close(read_end)
                nobody = pwd.getpwnam("nobody")
                os.setgroups([])
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
                os.write(write_end, _attempt(directory / name).encode())
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            message = pipe.read().decode()
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged child failed"
        return message
    finally:
        directory.chmod(0o755)


def _attempt(path: Path) -> str:
    try:
        open_database(path).conn.close()
    except StorageError as error:
        return str(error)
    return "opened"


@pytest.fixture
def shared_dir(tmp_path: Path):
    """A directory an unprivileged user can reach (pytest's own tmp tree is private to root)."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="xinan-ro-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for path in base.rglob("*"):
            path.chmod(0o755) if path.is_dir() else None
        shutil.rmtree(base)


def test_a_read_only_directory_gives_a_clear_error(shared_dir: Path):
    data = shared_dir / "data"
    data.mkdir()
    message = open_in_read_only_directory(data, "desk.db")
    assert "数据目录" in message and ("可写" in message or "只读" in message), message
    assert not (data / "desk.db").exists()


def test_an_existing_database_in_a_read_only_directory(shared_dir: Path):
    data = shared_dir / "data"
    data.mkdir()
    db = open_database(data / "desk.db")
    db.conn.close()
    for path in data.iterdir():
        path.chmod(0o444)
    message = open_in_read_only_directory(data, "desk.db")
    assert "只读" in message or "可写" in message, message


def test_the_purge_at_every_unlock_finds_its_cases_through_an_index(desk):
    from reception.storage import repository

    plan = desk.db.execute("EXPLAIN QUERY PLAN " + repository.PURGE_DUE_SQL, ("2026-01-01",)).fetchall()
    assert any("cases_purge_due" in str(step) for step in plan), plan


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (sqlite3.SQLITE_FULL, "磁盘已满：请清理磁盘空间后重试"),
        (sqlite3.SQLITE_READONLY, "数据目录只读或无写入权限：请检查数据目录的权限"),
        (sqlite3.SQLITE_BUSY, "数据库正被另一个程序占用：请关闭其他接访台窗口或命令后重试"),
        (sqlite3.SQLITE_LOCKED, "数据库正被另一个程序占用"),
        (sqlite3.SQLITE_CORRUPT, "数据库文件已损坏或不是接访台的数据库：请联系技术支持，不要删除该文件"),
        (sqlite3.SQLITE_NOTADB, "数据库文件已损坏或不是接访台的数据库"),
        (sqlite3.SQLITE_IOERR | 3 << 8, "读写磁盘出错：请检查磁盘或U盘是否还连着"),  # SQLITE_IOERR_WRITE
    ],
)
def test_known_failures_are_told_by_their_sqlite_code_not_their_words(code, words):
    for driver in (sqlite3, sqlcipher):
        error = driver.OperationalError("an English message that says nothing we look for")
        error.sqlite_errorcode = code
        known = known_storage_error(error)
        assert isinstance(known, StorageError) and str(known).startswith(words)


def test_an_error_the_desk_does_not_know_is_a_bug_not_a_storage_error(db_path: Path):
    db = open_database(db_path)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            db.execute("SELECT no_such_column FROM cases")
    finally:
        db.conn.close()
    # "no such column" is SQLITE_ERROR: a bug in the desk's SQL, never shown as a disk problem.
    assert raised.value.sqlite_errorcode == sqlite3.SQLITE_ERROR
    assert known_storage_error(raised.value) is None
    # Even when its words look like a known failure's.
    lookalike = sqlite3.IntegrityError("database or disk is full")
    lookalike.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT
    assert known_storage_error(lookalike) is None


def test_a_real_locked_database_is_busy_by_its_code(db_path: Path):
    holder = open_database(db_path)
    waiter = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError) as raised:
            waiter.execute("BEGIN IMMEDIATE")
        assert str(known_storage_error(raised.value)).startswith("数据库正被另一个程序占用")
    finally:
        holder.execute("ROLLBACK")
        holder.conn.close()
        waiter.close()
