"""The one function that opens the database, encrypted at rest with SQLCipher.

SQLCipher encrypts every page of the database file, of its WAL file and of any temporary file
with the data key (see reception/privacy/keyfile.py), so the photos (BLOBs in the same file), the
drafts and the outbox are covered too. sqlcipher3 is a fork of the stdlib sqlite3 module with the
same API but its own exception classes: code that catches database failures catches
``DATABASE_ERRORS``.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path
from typing import NoReturn

import sqlite_utils
from sqlcipher3 import dbapi2 as sqlcipher

from reception.errors import StorageError
from reception.storage.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 10_000
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)


class KeyMismatch(StorageError):
    """The data key does not open this database file (a keyfile from another laptop?)."""


def encrypt_plain_database(path: str | Path, key: bytes) -> None:
    """Turn an unencrypted desk database into an encrypted one in place (sqlcipher_export).

    The encrypted copy is written beside it and renamed over it; the plain file's bytes are
    overwritten before it goes, so its personal data does not linger in the directory.
    """
    path = Path(path)
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY \"x'" + key.hex() + "'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    except sqlcipher.DatabaseError as error:
        target.unlink(missing_ok=True)
        raise_storage_error(error)
    finally:
        conn.close()
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        _overwrite(leftover)
    os.replace(target, path)


def _overwrite(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with open(path, "r+b") as f:
        f.write(b"\x00" * size)
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def open_database(path: str | Path, key: bytes | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the desk's database, encrypted with ``key``.

    ``key`` is the 32-byte data key; the desk always opens its database through
    reception/privacy/vault.py, which unwraps it with the street's passphrase. ``None`` opens a
    plain SQLite file: for bench/ (to measure what encryption costs) and for storage tests that
    read the file's SQL from outside.

    WAL lets the desk read tonight's list while a save is being written; synchronous=FULL makes
    every acknowledged case durable across a power cut, not only across a crash of the program.
    The connection is in autocommit mode so that transactions are exactly the ``writing(db)``
    blocks the code writes.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        driver = sqlite3 if key is None else sqlcipher
        conn = driver.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        if key is not None:
            if len(key) != 32:
                raise ValueError("the data key is 32 bytes")
            # A raw key (x'...') skips SQLCipher's own PBKDF2: the key was derived once already.
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            # Sorting and temporary indexes stay in memory: nothing of a case in a temp file.
            conn.execute("PRAGMA temp_store = MEMORY")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher.DatabaseError as error:
                conn.close()
                if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_NOTADB:
                    # The key was never tried: the WAL's index could not be made (a full disk,
                    # a read-only directory). Name that, never the keyfile.
                    conn = _open_on_a_full_disk(path, key, error)
                else:
                    raise KeyMismatch(
                        "密钥文件与数据库不匹配（可能是别的笔记本的 desk.key）：没有打开，也没有改动任何内容"
                    ) from None
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StorageError(f"数据库无法使用预写日志模式（当前为 {mode}）")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # No sqlite-utils plugins: the desk uses none, a plugin some other package installed has
        # no business with the residents' database, and finding them scans every installed
        # package's metadata (30 ms of each unlock).
        db = sqlite_utils.Database(conn, execute_plugins=False)
        MIGRATIONS.apply(db)
    except DATABASE_ERRORS as error:
        raise_storage_error(error)
    except OSError as error:
        raise_storage_error(error)
    return db


# SQLite's primary result codes (sqlite3.h); an extended code keeps its primary one in the low
# byte (SQLITE_IOERR_WRITE = 778 = 10 | 3 << 8). Both sqlite3's and sqlcipher3's exceptions carry
# the code as ``sqlite_errorcode``.
_FULL_CODES = {sqlite3.SQLITE_FULL}
_READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH}
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_CANNOT_OPEN_CODES = {sqlite3.SQLITE_CANTOPEN}
_IO_CODES = {sqlite3.SQLITE_IOERR}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_MISSING_ERRNOS = {errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ENAMETOOLONG}

DISK_FULL = "磁盘已满：请清理磁盘空间后重试，已登记的诉求不受影响"
READ_ONLY = "数据目录只读或无写入权限：请检查数据目录的权限（或换一个可写的目录）"
BUSY = "数据库正被另一个程序占用：请关闭其他接访台窗口或命令后重试"
DAMAGED = "数据库文件已损坏或不是接访台的数据库：请联系技术支持，不要删除该文件"
CANNOT_OPEN = "无法打开数据库文件：请检查数据目录是否存在且可写"
DISK_IO = "读写磁盘出错：请检查磁盘或U盘是否还连着，然后重试；已登记的诉求不受影响"


def known_storage_error(error: BaseException) -> StorageError | None:
    """The known failure this is, in words a team leader can act on; None when it is a bug.

    Told apart by SQLite's result code (never by the message's words) and the OS's errno. A
    database error with any other code ("no such column", a constraint) is a bug in the desk.
    """
    if isinstance(error, StorageError):
        return error
    if isinstance(error, DATABASE_ERRORS):
        code = getattr(error, "sqlite_errorcode", None)
        if code is None:
            return None
        primary = code & 0xFF
        for codes, words in ((_FULL_CODES, DISK_FULL), (_READ_ONLY_CODES, READ_ONLY), (_BUSY_CODES, BUSY),
                             (_DAMAGED_CODES, DAMAGED), (_CANNOT_OPEN_CODES, CANNOT_OPEN), (_IO_CODES, DISK_IO)):
            if primary in codes:
                return StorageError(words)
        return None
    if isinstance(error, OSError):
        if error.errno in _FULL_ERRNOS:
            return StorageError(DISK_FULL)
        if error.errno in _READ_ONLY_ERRNOS or isinstance(error, PermissionError):
            return StorageError(READ_ONLY)
        if error.errno in _MISSING_ERRNOS:
            return StorageError(CANNOT_OPEN)
        return StorageError(f"{DISK_IO}（{error.strerror or type(error).__name__}）")
    return None


def raise_storage_error(error: BaseException) -> NoReturn:
    """Raise the known StorageError for this failure (chained to it), else the failure itself: a bug
    goes up as it is, to be logged with its traceback and shown as an unexpected error."""
    known = known_storage_error(error)
    if known is None:
        raise error
    raise known from error


FULL_DISK_BYTES = 1024 * 1024  # less free space than this, and SQLite cannot make its WAL index


def _open_on_a_full_disk(path: Path, key: bytes, error: BaseException):
    """Open the database for reading when the WAL index (``-shm``) cannot be created.

    On a full disk, or in a directory that cannot be written, SQLite cannot create the shared
    WAL index. In EXCLUSIVE locking mode it keeps that index in this process's memory instead,
    so tonight's cases can still be listed and shown (writing fails, named as a full disk). The
    exclusive lock is held while this process runs: a second desk waits on the busy timeout.
    """
    if not os.access(path.parent, os.W_OK):
        raise StorageError(READ_ONLY) from error
    if shutil.disk_usage(path.parent).free >= FULL_DISK_BYTES:
        raise_storage_error(error)
    conn = sqlcipher.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise StorageError(DISK_FULL) from error
    return conn
