"""The reference platform's storage: its own SQLite file, and every SQL statement it runs.

One connection guarded by a lock: FastAPI runs the handlers in a thread pool and SQLite allows
one writer at a time anyway, so serialising here keeps each operation one short transaction.
Photos live as files beside the database (``media/``), named by their SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("xinan-platform")


@MIGRATIONS()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["devices"].create(
        {"id": int, "name": str, "prefix": str, "token_sha256": str, "enrolment_sha256": str,
         "device_id": str, "created_at": str, "enrolled_at": str, "revoked_at": str},
        pk="id", not_null={"name", "created_at"},
    )
    db["devices"].create_index(["token_sha256"], unique=True)
    db["devices"].create_index(["enrolment_sha256"], unique=True)
    db["requests"].create(
        {"id": int, "service_request_id": str, "idempotency_key": str, "content_sha256": str,
         "device": int, "service_code": str, "service_name": str, "group_name": str,
         "department": str, "description": str, "address_string": str, "first_name": str,
         "phone": str, "attributes": str, "tracking_code": str, "verifier": str,
         "requested_datetime": str, "accept_by": str, "close_by": str, "status": str,
         "status_notes": str, "created_at": str, "updated_at": str, "closed_at": str},
        pk="id", not_null={"service_request_id", "idempotency_key", "content_sha256", "status"},
        foreign_keys=[("device", "devices", "id")],
    )
    db["requests"].create_index(["idempotency_key"], unique=True)
    db["requests"].create_index(["service_request_id"], unique=True)
    db["requests"].create_index(["tracking_code"])
    db["media"].create(
        {"request": int, "position": int, "sha256": str, "size": int, "received": int,
         "complete": int},
        pk=("request", "sha256"), foreign_keys=[("request", "requests", "id")],
    )
    db["updates"].create(
        {"id": int, "request": int, "status": str, "description": str, "author": str,
         "idempotency_key": str, "created_at": str},
        pk="id", not_null={"request", "status", "created_at"},
        foreign_keys=[("request", "requests", "id")],
    )
    db["updates"].create_index(["idempotency_key"], unique=True)
    db["updates"].create_index(["request", "id"])
    db["staff"].create({"username": str, "salt": str, "password_sha": str, "created_at": str}, pk="username")
    db["staff_sessions"].create(
        {"token_sha256": str, "username": str, "csrf": str, "expires_at": str}, pk="token_sha256"
    )


def now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_password(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()


def encode_cursor(update_id: int) -> str:
    return base64.urlsafe_b64encode(f"u{update_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The last update id a cursor stands for; None when the cursor is not one we issued."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    if not text.startswith("u") or not text[1:].isdigit() or len(text) > 20:
        return None
    return int(text[1:])


@dataclass(frozen=True)
class Device:
    id: int
    name: str
    prefix: str


class IdempotencyConflict(Exception):
    """The same idempotency key came back with different content (answered as 409)."""


class PlatformStore:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.media_dir = self.data_dir / "media"
        self.partial_dir = self.media_dir / "partial"
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            str(self.data_dir / "platform.db"), isolation_level=None, check_same_thread=False, timeout=30
        )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        self.db = sqlite_utils.Database(conn)
        MIGRATIONS.apply(self.db)
        self._lock = threading.RLock()

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        with self._lock, self.db.atomic():
            yield self.db

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self.db.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _row(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # --- devices ---------------------------------------------------------------------------------

    def add_device(self, name: str, prefix: str | None) -> tuple[int, str]:
        """A device entry and its one-time enrolment code (shown once, stored only hashed)."""
        code = secrets.token_urlsafe(12)
        while code.startswith("-"):  # `xinan-desk sync --enrol -abc` would read it as an option
            code = secrets.token_urlsafe(12)
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO devices (name, prefix, enrolment_sha256, created_at) VALUES (?, ?, ?, ?)",
                (name, prefix, sha256_text(code), now_text()),
            )
            return cursor.lastrowid, code

    def enrol(self, code: str, device_id: str) -> tuple[Device, str] | None:
        token = secrets.token_urlsafe(32)
        with self.transaction() as db:
            row = db.execute(
                "SELECT id, name, prefix FROM devices WHERE enrolment_sha256 = ? AND enrolled_at IS NULL "
                "AND revoked_at IS NULL",
                (sha256_text(code),),
            ).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE devices SET token_sha256 = ?, device_id = ?, enrolled_at = ? WHERE id = ?",
                (sha256_text(token), device_id, now_text(), row[0]),
            )
        return Device(row[0], row[1], row[2] or ""), token

    def device_for_token(self, token: str) -> Device | None:
        row = self._row(
            "SELECT id, name, prefix FROM devices WHERE token_sha256 = ? AND revoked_at IS NULL",
            (sha256_text(token),),
        )
        return None if row is None else Device(row["id"], row["name"], row["prefix"] or "")

    def revoke_device(self, device: int) -> bool:
        with self.transaction() as db:
            return db.execute(
                "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (now_text(), device)
            ).rowcount == 1

    def list_devices(self) -> list[dict[str, Any]]:
        return self._rows("SELECT id, name, prefix, enrolled_at, revoked_at FROM devices ORDER BY id")

    # --- requests --------------------------------------------------------------------------------

    def create_request(self, key: str, content: str, device: Device, row: dict[str, Any],
                       photos: list[str], initial_status: str) -> tuple[str, bool]:
        """Store a request once per idempotency key: (service_request_id, created now?)."""
        with self.transaction() as db:
            existing = db.execute(
                "SELECT service_request_id, content_sha256, device FROM requests WHERE idempotency_key = ?",
                (key,),
            ).fetchone()
            if existing is not None:
                if existing[1] != content or existing[2] != device.id:
                    raise IdempotencyConflict(existing[0])
                return existing[0], False
            now = now_text()
            cursor = db.execute(
                "INSERT INTO requests (service_request_id, idempotency_key, content_sha256, device, "
                "service_code, service_name, group_name, department, description, address_string, "
                "first_name, phone, attributes, tracking_code, verifier, requested_datetime, accept_by, "
                "close_by, status, status_notes, created_at, updated_at, closed_at) VALUES "
                "('', :key, :content, :device, :service_code, :service_name, :group_name, :department, "
                ":description, :address_string, :first_name, :phone, :attributes, :tracking_code, "
                ":verifier, :requested_datetime, :accept_by, :close_by, :status, '', :now, :now, :closed_at)",
                {**row, "key": key, "content": content, "device": device.id, "status": initial_status,
                 "now": now, "closed_at": now if initial_status == "closed" else None},
            )
            internal = cursor.lastrowid
            request_id = f"XA{internal:06d}"
            db.execute("UPDATE requests SET service_request_id = ? WHERE id = ?", (request_id, internal))
            for position, sha in enumerate(photos, start=1):
                db.execute(
                    "INSERT OR IGNORE INTO media (request, position, sha256, size, received, complete) "
                    "VALUES (?, ?, ?, 0, 0, 0)",
                    (internal, position, sha),
                )
            db.execute(
                "INSERT INTO updates (request, status, description, author, created_at) VALUES (?, ?, ?, ?, ?)",
                (internal, initial_status, "已从夜话摊位登记并同步到平台", "desk", now),
            )
            return request_id, True

    REQUEST_COLUMNS = (
        "id, service_request_id, device, service_code, service_name, group_name, department, "
        "description, address_string, attributes, tracking_code, verifier, requested_datetime, "
        "accept_by, close_by, status, status_notes, created_at, updated_at, closed_at"
    )

    def get_request(self, request_id: str) -> dict[str, Any] | None:
        return self._row(f"SELECT {self.REQUEST_COLUMNS} FROM requests WHERE service_request_id = ?", (request_id,))

    def get_request_for_staff(self, request_id: str) -> dict[str, Any] | None:
        """With the resident's name and phone: only the logged-in staff pages use this."""
        return self._row(
            f"SELECT {self.REQUEST_COLUMNS}, first_name, phone FROM requests WHERE service_request_id = ?",
            (request_id,),
        )

    def requests_by_code(self, compact_code: str) -> list[dict[str, Any]]:
        return self._rows(
            f"SELECT {self.REQUEST_COLUMNS} FROM requests WHERE REPLACE(tracking_code, '-', '') = ?",
            (compact_code,),
        )

    def list_requests(self, *, device: int | None = None, ids: list[str] | None = None,
                      service_code: str | None = None, status: str | None = None,
                      start: str | None = None, end: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        where, params = [], []
        if device is not None:
            where.append("device = ?")
            params.append(device)
        if ids:
            where.append(f"service_request_id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        if service_code:
            where.append("service_code = ?")
            params.append(service_code)
        if status:
            where.append("status = ?")
            params.append(status)
        if start:
            where.append("requested_datetime >= ?")
            params.append(start)
        if end:
            where.append("requested_datetime <= ?")
            params.append(end)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return self._rows(
            f"SELECT {self.REQUEST_COLUMNS} FROM requests {clause} ORDER BY id DESC LIMIT ?", (*params, limit)
        )

    def count_requests(self) -> int:
        return self._row("SELECT COUNT(*) AS n FROM requests")["n"]

    # --- media -----------------------------------------------------------------------------------

    def media_of(self, internal: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT position, sha256, size, received, complete FROM media WHERE request = ? ORDER BY position",
            (internal,),
        )

    def media_entry(self, internal: int, sha: str) -> dict[str, Any] | None:
        return self._row(
            "SELECT position, sha256, size, received, complete FROM media WHERE request = ? AND sha256 = ?",
            (internal, sha),
        )

    def media_path(self, sha: str) -> Path:
        return self.media_dir / f"{sha}.bin"

    def partial_path(self, internal: int, sha: str) -> Path:
        return self.partial_dir / f"{internal}-{sha}.part"

    def record_media_progress(self, internal: int, sha: str, received: int, size: int, complete: bool) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE media SET received = ?, size = ?, complete = ? WHERE request = ? AND sha256 = ?",
                (received, size, int(complete), internal, sha),
            )

    # --- updates ---------------------------------------------------------------------------------

    def add_update(self, internal: int, status: str, description: str, author: str,
                   key: str | None = None) -> tuple[int, bool]:
        """Append a status change or a note; with a key, a replay returns the first one's id."""
        with self.transaction() as db:
            if key is not None:
                row = db.execute("SELECT id, request FROM updates WHERE idempotency_key = ?", (key,)).fetchone()
                if row is not None:
                    if row[1] != internal:
                        raise IdempotencyConflict(str(row[0]))
                    return row[0], False
            now = now_text()
            cursor = db.execute(
                "INSERT INTO updates (request, status, description, author, idempotency_key, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (internal, status, description, author, key, now),
            )
            closed = "closed_at = COALESCE(closed_at, :now)" if status == "closed" else "closed_at = NULL"
            db.execute(
                f"UPDATE requests SET status = :status, status_notes = :notes, updated_at = :now, {closed} "
                "WHERE id = :id",
                {"status": status, "notes": description, "now": now, "id": internal},
            )
            return cursor.lastrowid, True

    def set_department(self, internal: int, department: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE requests SET department = ? WHERE id = ?", (department, internal))

    def updates_since(self, device: int, after: int, limit: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT u.id AS update_id, r.service_request_id, u.status, u.description, u.created_at "
            "FROM updates u JOIN requests r ON r.id = u.request "
            "WHERE r.device = ? AND u.id > ? ORDER BY u.id LIMIT ?",
            (device, after, limit),
        )

    def updates_of(self, internal: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, status, description, author, created_at FROM updates WHERE request = ? ORDER BY id",
            (internal,),
        )

    # --- staff -----------------------------------------------------------------------------------

    def add_staff(self, username: str, password: str) -> None:
        salt = secrets.token_bytes(16)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO staff (username, salt, password_sha, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(username) DO UPDATE SET salt = excluded.salt, password_sha = excluded.password_sha",
                (username, salt.hex(), hash_password(password, salt), now_text()),
            )

    def check_staff(self, username: str, password: str) -> bool:
        row = self._row("SELECT salt, password_sha FROM staff WHERE username = ?", (username,))
        if row is None:
            hash_password(password, b"0" * 16)  # the same work either way: no user enumeration by timing
            return False
        return secrets.compare_digest(hash_password(password, bytes.fromhex(row["salt"])), row["password_sha"])

    def open_staff_session(self, username: str, hours: float = 12) -> tuple[str, str]:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(16)
        expires = (datetime.now(timezone.utc) + timedelta(hours=hours)).isoformat(timespec="seconds")
        with self.transaction() as db:
            db.execute(
                "INSERT INTO staff_sessions (token_sha256, username, csrf, expires_at) VALUES (?, ?, ?, ?)",
                (sha256_text(token), username, csrf, expires),
            )
        return token, csrf

    def staff_session(self, token: str) -> dict[str, Any] | None:
        return self._row(
            "SELECT username, csrf FROM staff_sessions WHERE token_sha256 = ? AND expires_at > ?",
            (sha256_text(token), now_text()),
        )

    def close_staff_session(self, token: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM staff_sessions WHERE token_sha256 = ?", (sha256_text(token),))


def attributes_of(row: dict[str, Any]) -> dict[str, Any]:
    return json.loads(row.get("attributes") or "{}")
