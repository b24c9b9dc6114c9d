"""The reference platform's storage, and every SQL statement it runs.

The rows live in SQLite (the default: ``platform.db`` in the data dir) or PostgreSQL
(``--database postgresql://...``), through SQLAlchemy Core: the statements below are plain SQL
that both accept. Each operation is one short transaction; no lock is held in the process, so
any number of threads and worker processes share one database. The schema is in migrations.py.

Photos live as files under the data dir (``media/``), named by their SHA-256, and a photo being
uploaded as ``media/partial/``: every worker of a host sees the same directory, so an upload cut
on one worker resumes on another (several hosts need the data dir on shared storage).
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from sync import enrolment_codes
from sync.platform import database
from sync.platform.migrations import DEFAULT_STREET, migrate


# How long a laptop may enrol again with the code it already used (a lost answer, no keyring).
REENROL_WINDOW = timedelta(hours=24)


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
    street: int = 0
    street_code: str = DEFAULT_STREET


class IdempotencyConflict(Exception):
    """The same idempotency key came back with different content (answered as 409)."""


class TrackingCodeTaken(Exception):
    """The tracking code is another laptop's, or already names a case of this street (409)."""


class StreetError(ValueError):
    """No such street, or --street left out where there are several (the message says which)."""


def _dicts(result) -> list[dict[str, Any]]:
    return [dict(row) for row in result.mappings()]


class PlatformStore:
    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.media_dir = self.data_dir / "media"
        self.partial_dir = self.media_dir / "partial"
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        self.url = database.normalised(database_url) if database_url else database.sqlite_url(self.data_dir)
        self.engine = database.open_engine(self.url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        self.migrations_applied = migrate(self.engine)  # what this opening brought up to date

    def close(self) -> None:
        self.engine.dispose()

    def transaction(self):
        """A write transaction (a Connection): ``with store.transaction() as conn: conn.execute(text(...))``."""
        return database.write(self.engine)

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with database.read(self.engine) as conn:
            return _dicts(conn.execute(text(sql), params or {}))

    def _row(self, sql: str, params: dict[str, Any] | None = None) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # --- streets ---------------------------------------------------------------------------------

    def add_street(self, code: str, name: str, hotline: str | None = None) -> tuple[int, bool]:
        """Add a street, or rename it (and set its hotline) when the code exists: (id, added now?)."""
        with self.transaction() as conn:
            row = conn.execute(text("SELECT id FROM streets WHERE code = :code"), {"code": code}).first()
            if row is not None:
                conn.execute(text("UPDATE streets SET name = :name, hotline = COALESCE(:hotline, hotline) WHERE id = :id"),
                             {"name": name, "hotline": hotline, "id": row[0]})
                return row[0], False
            new = conn.execute(
                text("INSERT INTO streets (code, name, hotline, created_at) VALUES (:code, :name, :hotline, :now) "
                     "ON CONFLICT (code) DO NOTHING RETURNING id"),
                {"code": code, "name": name, "hotline": hotline, "now": now_text()},
            ).first()
            if new is None:  # another worker added it between our two statements
                return conn.execute(text("SELECT id FROM streets WHERE code = :code"), {"code": code}).scalar_one(), False
            return new[0], True

    def list_streets(self) -> list[dict[str, Any]]:
        return self._rows("SELECT id, code, name, hotline FROM streets ORDER BY id")

    def street(self, street_id: int) -> dict[str, Any] | None:
        return self._row("SELECT id, code, name, hotline FROM streets WHERE id = :id", {"id": street_id})

    def resolve_street(self, code: str | None) -> dict[str, Any]:
        """The street a command names; without a code, the only street there is."""
        streets = self.list_streets()
        if code is None:
            if len(streets) == 1:
                return streets[0]
            raise StreetError("平台上有多个街道，请用 --street 指定（" + "、".join(s["code"] for s in streets) + "）")
        for street in streets:
            if street["code"] == code.strip().upper():
                return street
        raise StreetError(f"没有编号为 {code} 的街道：先用 street add --code {code} --name 街道名称 添加")

    def street_for_prefix(self, prefix: str) -> dict[str, Any] | None:
        """The street of the laptop a tracking code's prefix belongs to (for a case not yet synced)."""
        return self._row(
            "SELECT s.id, s.code, s.name, s.hotline FROM devices d JOIN streets s ON s.id = d.street "
            "WHERE d.prefix = :prefix ORDER BY d.revoked_at IS NOT NULL, d.id DESC LIMIT 1",
            {"prefix": prefix},
        )

    def _default_street(self, conn: Connection) -> int:
        return conn.execute(text("SELECT MIN(id) FROM streets")).scalar_one()

    # --- devices ---------------------------------------------------------------------------------

    def add_device(self, name: str, prefix: str | None, street: int | None = None) -> tuple[int, str]:
        """A device entry and its one-time enrolment code (shown once, stored only hashed)."""
        code = enrolment_codes.new_code()
        with self.transaction() as conn:
            street = street or self._default_street(conn)
            device_id = conn.execute(
                text("INSERT INTO devices (name, prefix, enrolment_sha256, created_at, street) "
                     "VALUES (:name, :prefix, :code, :now, :street) RETURNING id"),
                {"name": name, "prefix": prefix, "code": sha256_text(enrolment_codes.normalise(code)),
                 "now": now_text(), "street": street},
            ).scalar_one()
            return device_id, code

    _DEVICE = ("SELECT d.id, d.name, d.prefix, d.street, s.code AS street_code FROM devices d "
               "JOIN streets s ON s.id = d.street ")

    @staticmethod
    def _device(row: dict[str, Any]) -> Device:
        return Device(row["id"], row["name"], row["prefix"] or "", row["street"], row["street_code"])

    def enrol(self, code: str, device_id: str) -> tuple[Device, str] | None:
        """A token for the laptop that typed ``code``. The same laptop (same device id) may use the
        same code again for REENROL_WINDOW after the first time: its answer may have been lost,
        or it could not keep the token. The new token replaces the earlier one."""
        token = secrets.token_urlsafe(32)
        typed = enrolment_codes.normalise(code) if enrolment_codes.is_new_style(code) else code
        since = (datetime.now(timezone.utc) - REENROL_WINDOW).isoformat(timespec="seconds")
        with self.transaction() as conn:
            # One UPDATE, so two workers given the same code at once cannot both enrol with it.
            row = conn.execute(
                text("UPDATE devices SET token_sha256 = :token, device_id = :device_id, "
                     "enrolled_at = COALESCE(enrolled_at, :now) "
                     "WHERE enrolment_sha256 = :code AND revoked_at IS NULL "
                     "AND (enrolled_at IS NULL OR (device_id = :device_id AND enrolled_at >= :since)) RETURNING id"),
                {"token": sha256_text(token), "device_id": device_id, "now": now_text(), "code": sha256_text(typed),
                 "since": since},
            ).first()
            if row is None:
                return None
            found = conn.execute(text(self._DEVICE + "WHERE d.id = :id"), {"id": row[0]}).mappings().one()
        return self._device(found), token

    def device_for_token(self, token: str) -> Device | None:
        row = self._row(self._DEVICE + "WHERE d.token_sha256 = :token AND d.revoked_at IS NULL",
                        {"token": sha256_text(token)})
        return None if row is None else self._device(row)

    def enrolled_token_hashes(self) -> list[dict[str, Any]]:
        """Every device that was given a token, revoked ones too: (id, token_sha256, revoked_at).
        A USB bundle names its laptop by a key derived from this hash (sync/bundle.py)."""
        return self._rows("SELECT id, token_sha256, revoked_at FROM devices WHERE token_sha256 IS NOT NULL ORDER BY id")

    def device_by_id(self, device: int) -> Device:
        return self._device(self._row(self._DEVICE + "WHERE d.id = :id", {"id": device}))

    def revoke_device(self, device: int, street: int | None = None) -> bool:
        """Revoke a token; with a street, only a device of that street (a street's staff)."""
        # (A condition "(:street IS NULL OR ...)" would leave PostgreSQL unsure of the parameter's type.)
        scope = "" if street is None else " AND street = :street"
        with self.transaction() as conn:
            return conn.execute(
                text(f"UPDATE devices SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL{scope}"),
                {"now": now_text(), "id": device, "street": street},
            ).rowcount == 1

    def list_devices(self, street: int | None = None) -> list[dict[str, Any]]:
        scope = "" if street is None else "WHERE d.street = :street "
        return self._rows(
            "SELECT d.id, d.name, d.prefix, d.enrolled_at, d.revoked_at, s.code AS street_code FROM devices d "
            f"JOIN streets s ON s.id = d.street {scope}ORDER BY d.id",
            {"street": street},
        )

    # --- requests --------------------------------------------------------------------------------

    def create_request(self, key: str, content: str, device: Device, row: dict[str, Any],
                       photos: list[str], initial_status: str) -> tuple[str, bool]:
        """Store a request once per idempotency key: (service_request_id, created now?).

        The INSERT says ON CONFLICT DO NOTHING: when two workers get the same key at once,
        PostgreSQL makes the second wait for the first and then insert nothing; it then reads
        the first one's request like any replay.
        """
        try:
            return self._create_request(key, content, device, row, photos, initial_status)
        except IntegrityError:
            pass
        # Only the (street, tracking_code) index can refuse here, and for one of two reasons: the
        # same request (same key) sent to two workers at once, whose twin has committed by now —
        # asked again, it is a replay — or another laptop's request took the code between our
        # check and our insert, which the check now names.
        try:
            return self._create_request(key, content, device, row, photos, initial_status)
        except IntegrityError:
            raise TrackingCodeTaken(f"查询码 {row.get('tracking_code')} 已登记过一条诉求：同一查询码只能对应一条") from None

    def _create_request(self, key: str, content: str, device: Device, row: dict[str, Any],
                        photos: list[str], initial_status: str) -> tuple[str, bool]:
        with self.transaction() as conn:
            now = now_text()
            self._check_tracking_code(conn, key, device, row.get("tracking_code") or "")
            internal = conn.execute(
                text("INSERT INTO requests (service_request_id, idempotency_key, content_sha256, device, street, "
                     "service_code, service_name, group_name, department, description, address_string, "
                     "first_name, phone, attributes, tracking_code, verifier, requested_datetime, accept_by, "
                     "close_by, status, status_notes, created_at, updated_at, closed_at) VALUES "
                     "(:pending, :key, :content, :device, :street, :service_code, :service_name, :group_name, "
                     ":department, :description, :address_string, :first_name, :phone, :attributes, "
                     ":tracking_code, :verifier, :requested_datetime, :accept_by, :close_by, :status, '', :now, "
                     ":now, :closed_at) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id"),
                {**row, "pending": f"pending:{key}", "key": key, "content": content, "device": device.id,
                 "street": device.street, "status": initial_status, "now": now,
                 "closed_at": now if initial_status == "closed" else None},
            ).scalar()
            if internal is None:
                existing = conn.execute(
                    text("SELECT service_request_id, content_sha256, device FROM requests WHERE idempotency_key = :key"),
                    {"key": key},
                ).one()
                if existing[1] != content or existing[2] != device.id:
                    raise IdempotencyConflict(existing[0])
                return existing[0], False
            request_id = f"{device.street_code}{internal:06d}"
            conn.execute(text("UPDATE requests SET service_request_id = :rid WHERE id = :id"),
                         {"rid": request_id, "id": internal})
            for position, sha in enumerate(photos, start=1):
                conn.execute(
                    text("INSERT INTO media (request, position, sha256, size, received, complete) "
                         "VALUES (:request, :position, :sha, 0, 0, 0) ON CONFLICT DO NOTHING"),
                    {"request": internal, "position": position, "sha": sha},
                )
            conn.execute(
                text("INSERT INTO updates (request, status, description, author, created_at) "
                     "VALUES (:request, :status, :description, 'desk', :now)"),
                {"request": internal, "status": initial_status, "description": "已从夜话摊位登记并同步到平台", "now": now},
            )
            return request_id, True

    def _check_tracking_code(self, conn: Connection, key: str, device: Device, code: str) -> None:
        """A resident's code names one case of the street, sent by the laptop whose prefix it bears.

        Before issue 12 a second laptop that had seen a slip could register a request under its
        code and verifier, and the resident's tracking page showed the forgery. The unique index
        (street, tracking_code) settles two laptops racing for one code; this says why in words.
        """
        if not code:
            return
        prefix = code.split("-", 1)[0]
        owner = conn.execute(
            text("SELECT id FROM devices WHERE street = :street AND prefix = :prefix AND id <> :me AND revoked_at IS NULL"),
            {"street": device.street, "prefix": prefix, "me": device.id},
        ).first()
        if owner is not None:
            raise TrackingCodeTaken(f"查询码 {code} 的编号 {prefix} 属于本街道另一台笔记本：这台笔记本不能以它登记")
        taken = conn.execute(
            text("SELECT idempotency_key FROM requests WHERE street = :street AND tracking_code = :code"),
            {"street": device.street, "code": code},
        ).first()
        if taken is not None and taken[0] != key:
            raise TrackingCodeTaken(f"查询码 {code} 已登记过一条诉求：同一查询码只能对应一条")

    REQUEST_COLUMNS = (
        "id, service_request_id, device, street, service_code, service_name, group_name, department, "
        "description, address_string, attributes, tracking_code, verifier, requested_datetime, "
        "accept_by, close_by, status, status_notes, created_at, updated_at, closed_at"
    )

    def get_request(self, request_id: str) -> dict[str, Any] | None:
        return self._row(f"SELECT {self.REQUEST_COLUMNS} FROM requests WHERE service_request_id = :rid",
                         {"rid": request_id})

    def get_request_for_staff(self, request_id: str) -> dict[str, Any] | None:
        """With the resident's name and phone: only the logged-in staff pages use this."""
        return self._row(
            f"SELECT {self.REQUEST_COLUMNS}, first_name, phone FROM requests WHERE service_request_id = :rid",
            {"rid": request_id},
        )

    def requests_by_code(self, compact_code: str) -> list[dict[str, Any]]:
        return self._rows(
            f"SELECT {self.REQUEST_COLUMNS} FROM requests WHERE REPLACE(tracking_code, '-', '') = :code",
            {"code": compact_code},
        )

    def list_requests(self, *, device: int | None = None, street: int | None = None, ids: list[str] | None = None,
                      service_code: str | None = None, status: str | None = None,
                      start: str | None = None, end: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        where, params = [], {"limit": limit}
        for column, value in (("device", device), ("street", street), ("service_code", service_code or None),
                              ("status", status or None)):
            if value is not None:
                where.append(f"{column} = :{column}")
                params[column] = value
        if ids:
            where.append(f"service_request_id IN ({', '.join(f':id{i}' for i in range(len(ids)))})")
            params.update({f"id{i}": value for i, value in enumerate(ids)})
        if start:
            where.append("requested_datetime >= :start")
            params["start"] = start
        if end:
            where.append("requested_datetime <= :end")
            params["end"] = end
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return self._rows(f"SELECT {self.REQUEST_COLUMNS} FROM requests {clause} ORDER BY id DESC LIMIT :limit", params)

    def count_requests(self) -> int:
        return self._row("SELECT COUNT(*) AS n FROM requests")["n"]

    def street_sums(self) -> list[dict[str, Any]]:
        """Per street: cases, still open, closed, past their due time (the district's view)."""
        return self._rows(
            "SELECT s.id, s.code, s.name, COUNT(r.id) AS total, "
            "COALESCE(SUM(CASE WHEN r.status NOT IN ('closed', 'voided') THEN 1 ELSE 0 END), 0) AS open, "
            "COALESCE(SUM(CASE WHEN r.status = 'closed' THEN 1 ELSE 0 END), 0) AS closed, "
            "COALESCE(SUM(CASE WHEN r.status NOT IN ('closed', 'voided') AND r.close_by <> '' "
            "AND r.close_by < :now THEN 1 ELSE 0 END), 0) AS overdue "
            "FROM streets s LEFT JOIN requests r ON r.street = s.id GROUP BY s.id, s.code, s.name ORDER BY s.id",
            {"now": now_text()},
        )

    # --- media -----------------------------------------------------------------------------------

    def media_of(self, internal: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT position, sha256, size, received, complete FROM media WHERE request = :r ORDER BY position",
            {"r": internal},
        )

    def media_entry(self, internal: int, sha: str) -> dict[str, Any] | None:
        return self._row(
            "SELECT position, sha256, size, received, complete FROM media WHERE request = :r AND sha256 = :sha",
            {"r": internal, "sha": sha},
        )

    def media_path(self, sha: str) -> Path:
        return self.media_dir / f"{sha}.bin"

    def partial_path(self, internal: int, sha: str) -> Path:
        return self.partial_dir / f"{internal}-{sha}.part"

    def record_media_progress(self, internal: int, sha: str, received: int, size: int, complete: bool) -> None:
        with self.transaction() as conn:
            conn.execute(
                text("UPDATE media SET received = :received, size = :size, complete = :complete "
                     "WHERE request = :r AND sha256 = :sha"),
                {"received": received, "size": size, "complete": int(complete), "r": internal, "sha": sha},
            )

    # --- updates ---------------------------------------------------------------------------------

    def add_update(self, internal: int, status: str, description: str, author: str,
                   key: str | None = None) -> tuple[int, bool]:
        """Append a status change or a note; with a key, a replay returns the first one's id."""
        with self.transaction() as conn:
            now = now_text()
            update_id = conn.execute(
                text("INSERT INTO updates (request, status, description, author, idempotency_key, created_at) "
                     "VALUES (:r, :status, :description, :author, :key, :now) "
                     "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id"),
                {"r": internal, "status": status, "description": description, "author": author, "key": key, "now": now},
            ).scalar()
            if update_id is None:
                row = conn.execute(text("SELECT id, request FROM updates WHERE idempotency_key = :key"),
                                   {"key": key}).one()
                if row[1] != internal:
                    raise IdempotencyConflict(str(row[0]))
                return row[0], False
            closed = "closed_at = COALESCE(closed_at, :now)" if status == "closed" else "closed_at = NULL"
            conn.execute(
                text(f"UPDATE requests SET status = :status, status_notes = :notes, updated_at = :now, {closed} "
                     "WHERE id = :id"),
                {"status": status, "notes": description, "now": now, "id": internal},
            )
            return update_id, True

    def set_department(self, internal: int, department: str) -> None:
        with self.transaction() as conn:
            conn.execute(text("UPDATE requests SET department = :d WHERE id = :id"), {"d": department, "id": internal})

    def updates_since(self, device: int, after: int, limit: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT u.id AS update_id, r.service_request_id, u.status, u.description, u.created_at "
            "FROM updates u JOIN requests r ON r.id = u.request "
            "WHERE r.device = :device AND u.id > :after ORDER BY u.id LIMIT :limit",
            {"device": device, "after": after, "limit": limit},
        )

    def updates_of(self, internal: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, status, description, author, created_at FROM updates WHERE request = :r ORDER BY id",
            {"r": internal},
        )

    # --- staff -----------------------------------------------------------------------------------

    def add_staff(self, username: str, password: str, street: int | None = None, district: bool = False) -> None:
        """Add or reset a staff account: of one street (the default one if none is named), or the district's."""
        salt = secrets.token_bytes(16)
        with self.transaction() as conn:
            street = None if district else (street or self._default_street(conn))
            conn.execute(
                text("INSERT INTO staff (username, salt, password_sha, created_at, street, role) "
                     "VALUES (:u, :salt, :sha, :now, :street, :role) ON CONFLICT (username) DO UPDATE SET "
                     "salt = excluded.salt, password_sha = excluded.password_sha, street = excluded.street, "
                     "role = excluded.role"),
                {"u": username, "salt": salt.hex(), "sha": hash_password(password, salt), "now": now_text(),
                 "street": street, "role": "district" if district else "street"},
            )
            # A new password ends every session opened with the old one (a leaked or shared one).
            conn.execute(text("DELETE FROM staff_sessions WHERE username = :u"), {"u": username})

    def check_staff(self, username: str, password: str) -> bool:
        row = self._row("SELECT salt, password_sha FROM staff WHERE username = :u", {"u": username})
        if row is None:
            hash_password(password, b"0" * 16)  # the same work either way: no user enumeration by timing
            return False
        return secrets.compare_digest(hash_password(password, bytes.fromhex(row["salt"])), row["password_sha"])

    def open_staff_session(self, username: str, hours: float = 12) -> tuple[str, str]:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(16)
        expires = (datetime.now(timezone.utc) + timedelta(hours=hours)).isoformat(timespec="seconds")
        with self.transaction() as conn:
            conn.execute(
                text("INSERT INTO staff_sessions (token_sha256, username, csrf, expires_at) "
                     "VALUES (:t, :u, :csrf, :expires)"),
                {"t": sha256_text(token), "u": username, "csrf": csrf, "expires": expires},
            )
        return token, csrf

    def staff_session(self, token: str) -> dict[str, Any] | None:
        """The session's staff member: username, csrf, role ('street' or 'district'), street (id or None)."""
        return self._row(
            "SELECT ss.username, ss.csrf, st.role, st.street FROM staff_sessions ss "
            "JOIN staff st ON st.username = ss.username WHERE ss.token_sha256 = :t AND ss.expires_at > :now",
            {"t": sha256_text(token), "now": now_text()},
        )

    def close_staff_session(self, token: str) -> None:
        with self.transaction() as conn:
            conn.execute(text("DELETE FROM staff_sessions WHERE token_sha256 = :t"), {"t": sha256_text(token)})

    # --- rate limits -----------------------------------------------------------------------------

    def take_token(self, bucket: str, per_minute: float, burst: int) -> bool:
        """A token bucket kept in the database, so that every worker (and a restart) counts the same."""
        now = time.time()
        lock = " FOR UPDATE" if self.is_postgres else ""  # SQLite's BEGIN IMMEDIATE already serialises
        with self.transaction() as conn:
            conn.execute(text("INSERT INTO rate_limits (bucket, tokens, updated_at) VALUES (:b, :burst, :now) "
                              "ON CONFLICT (bucket) DO NOTHING"), {"b": bucket, "burst": float(burst), "now": now})
            tokens, last = conn.execute(
                text(f"SELECT tokens, updated_at FROM rate_limits WHERE bucket = :b{lock}"), {"b": bucket}
            ).one()
            tokens = min(float(burst), tokens + max(0.0, now - last) * per_minute / 60.0)
            allowed = tokens >= 1
            conn.execute(text("UPDATE rate_limits SET tokens = :t, updated_at = :now WHERE bucket = :b"),
                         {"t": tokens - 1 if allowed else tokens, "now": now, "b": bucket})
            if random.random() < 0.01:  # now and then, forget the clients that have long been full
                conn.execute(text("DELETE FROM rate_limits WHERE updated_at < :old"), {"old": now - 3600})
            return allowed


def attributes_of(row: dict[str, Any]) -> dict[str, Any]:
    return json.loads(row.get("attributes") or "{}")
