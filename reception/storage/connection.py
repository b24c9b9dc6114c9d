"""The one function that opens the database (the privacy issue adds encryption here)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import sqlite_utils

from reception.errors import StorageError
from reception.storage.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 10_000


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the desk's database.

    WAL lets the desk read tonight's list while a save is being written; synchronous=FULL makes
    every acknowledged case durable across a power cut, not only across a crash of the program.
    The connection is in autocommit mode so that transactions are exactly the ``db.atomic()``
    blocks the code writes.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StorageError(f"数据库无法使用预写日志模式（当前为 {mode}）")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as error:
        raise storage_error(error) from error
    except OSError as error:
        raise storage_error(error) from error
    return db


def storage_error(error: BaseException) -> StorageError:
    """Name a known storage failure in words a team leader can act on."""
    text = str(error).lower()
    if isinstance(error, OSError) and error.errno == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        return StorageError("磁盘已满：请清理磁盘空间后重试，已登记的诉求不受影响")
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return StorageError("数据目录只读或无写入权限：请检查数据目录的权限")
    if "locked" in text or "busy" in text:
        return StorageError("数据库正被另一个程序占用：请关闭其他接访台窗口后重试")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError("数据库文件已损坏或不是接访台的数据库：请联系技术支持，不要删除该文件")
    if "unable to open" in text:
        return StorageError("无法打开数据库文件：请检查数据目录是否存在且可写")
    return StorageError(f"数据库出错：{type(error).__name__}")
