"""Every SQL statement the desk runs. Callers hold the transaction (``writing(db)``, storage/writing.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TYPE_CHECKING

from reception import case_fields

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database


# A case's columns are the description's fields (reception/case_fields.py) and the device
# sequence number its tracking code was made from (it orders cases recorded in the same second).
CASE_COLUMNS = ", ".join(("sequence", *(f.name for f in case_fields.FIELDS)))


def _rows(db: Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _row(db: Database, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
    rows = _rows(db, sql, params)
    return rows[0] if rows else None


# --- device -------------------------------------------------------------------------------------

def get_device(db: Database) -> dict[str, Any] | None:
    return _row(db, "SELECT device_id, prefix, next_sequence, created_at FROM device WHERE id = 1")


def create_device(db: Database, device_id: str, prefix: str, created_at: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO device (id, device_id, prefix, next_sequence, created_at) "
        "VALUES (1, ?, ?, 1, ?)",
        (device_id, prefix, created_at),
    )


def set_device_prefix(db: Database, prefix: str) -> None:
    db.execute("UPDATE device SET prefix = ? WHERE id = 1", (prefix,))


def take_sequence(db: Database) -> tuple[str, int]:
    """Reserve the next case number. Writing first takes the write lock before any read."""
    row = db.execute(
        "UPDATE device SET next_sequence = next_sequence + 1 WHERE id = 1 "
        "RETURNING prefix, next_sequence - 1"
    ).fetchone()
    return row[0], row[1]


# --- settings -----------------------------------------------------------------------------------

def get_setting(db: Database, key: str) -> Any:
    row = _row(db, "SELECT value FROM settings WHERE key = ?", (key,))
    return None if row is None else json.loads(row["value"])


def set_setting(db: Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def delete_setting(db: Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", (key,))


def settings_with_prefixes(db: Database, prefixes: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(key, value) of every setting whose key starts with one of ``prefixes``, by key."""
    rows = _rows(db, "SELECT key, value FROM settings ORDER BY key")
    return [(r["key"], json.loads(r["value"])) for r in rows if r["key"].startswith(prefixes)]


# --- sessions -----------------------------------------------------------------------------------

SESSION_COLUMNS = (
    "id, date, venue, community, team, opened_at, closed_at, visitors, household_visits, "
    "frozen_counts"
)


def insert_session(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO sessions (id, date, venue, community, team, opened_at, visitors, "
        "household_visits) VALUES (:id, :date, :venue, :community, :team, :opened_at, 0, 0)",
        row,
    )


def get_session(db: Database, session_id: str) -> dict[str, Any] | None:
    return _row(db, f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,))


def get_open_session(db: Database) -> dict[str, Any] | None:
    return _row(
        db,
        f"SELECT {SESSION_COLUMNS} FROM sessions WHERE closed_at IS NULL "
        "ORDER BY opened_at DESC LIMIT 1",
    )


def list_sessions(db: Database, limit: int) -> list[dict[str, Any]]:
    return _rows(db, f"SELECT {SESSION_COLUMNS} FROM sessions ORDER BY opened_at DESC LIMIT ?", (limit,))


def list_sessions_between(db: Database, first_date: str, last_date: str) -> list[dict[str, Any]]:
    """Sessions dated from ``first_date`` to ``last_date`` (YYYY-MM-DD, both included), oldest first."""
    return _rows(
        db, f"SELECT {SESSION_COLUMNS} FROM sessions WHERE date BETWEEN ? AND ? ORDER BY date, opened_at",
        (first_date, last_date),
    )


def add_to_counter(db: Database, session_id: str, column: str, delta: int) -> None:
    if column not in ("visitors", "household_visits"):
        raise ValueError(column)
    # MAX(0, ...) so that an undo can never take a count below zero.
    db.execute(
        f"UPDATE sessions SET {column} = MAX(0, {column} + ?) WHERE id = ? AND closed_at IS NULL",
        (delta, session_id),
    )


def close_session(db: Database, session_id: str, closed_at: str, frozen_counts: dict[str, Any]) -> None:
    db.execute(
        "UPDATE sessions SET closed_at = ?, frozen_counts = ? WHERE id = ? AND closed_at IS NULL",
        (closed_at, json.dumps(frozen_counts, ensure_ascii=False), session_id),
    )


def session_case_counts(db: Database, session_id: str) -> dict[str, int]:
    row = _row(
        db,
        "SELECT COUNT(*) AS recorded, "
        "COALESCE(SUM(voided_at IS NULL), 0) AS petitions, "
        "COALESCE(SUM(voided_at IS NOT NULL), 0) AS voided, "
        "COALESCE(SUM(voided_at IS NULL AND outcome = '当场解决'), 0) AS solved_on_spot, "
        "COALESCE(SUM(voided_at IS NULL AND outcome = '转平台办理'), 0) AS forwarded, "
        "COALESCE(SUM(voided_at IS NULL AND outcome = '解释说明'), 0) AS explained, "
        "COALESCE(SUM(voided_at IS NULL AND closed_at IS NOT NULL), 0) AS closed "
        "FROM cases WHERE session_id = ?",
        (session_id,),
    )
    assert row is not None
    return {k: int(v) for k, v in row.items()}


# --- cases --------------------------------------------------------------------------------------

def insert_case(db: Database, row: dict[str, Any]) -> None:
    names = [c.strip() for c in CASE_COLUMNS.split(",")]
    db.execute(
        f"INSERT INTO cases ({CASE_COLUMNS}) VALUES ({', '.join(':' + n for n in names)})", row
    )


def update_case(db: Database, case_id: str, changes: dict[str, Any], expected_revision: int) -> bool:
    """Apply changes if nobody else changed the case meanwhile; return whether it applied."""
    assignments = ", ".join(f"{name} = :{name}" for name in changes)
    cursor = db.execute(
        f"UPDATE cases SET {assignments}, revision = revision + 1 "
        "WHERE id = :_id AND revision = :_revision",
        {**changes, "_id": case_id, "_revision": expected_revision},
    )
    return cursor.rowcount == 1


def get_case(db: Database, case_id: str) -> dict[str, Any] | None:
    return _row(db, f"SELECT {CASE_COLUMNS} FROM cases WHERE id = ?", (case_id,))


def get_case_by_code(db: Database, tracking_code: str) -> dict[str, Any] | None:
    return _row(db, f"SELECT {CASE_COLUMNS} FROM cases WHERE tracking_code = ?", (tracking_code,))


def list_session_cases(db: Database, session_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        f"SELECT {CASE_COLUMNS} FROM cases WHERE session_id = ? ORDER BY created_at DESC, sequence DESC",
        (session_id,),
    )


def list_recent_cases(db: Database, limit: int) -> list[dict[str, Any]]:
    return _rows(
        db, f"SELECT {CASE_COLUMNS} FROM cases ORDER BY created_at DESC, sequence DESC LIMIT ?", (limit,)
    )


def count_cases(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]


# --- photos -------------------------------------------------------------------------------------

def insert_photo(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO photos (id, case_id, position, sha256, mime, width, height, size, data) "
        "VALUES (:id, :case_id, :position, :sha256, :mime, :width, :height, :size, :data)",
        row,
    )


def delete_photos(db: Database, case_id: str) -> None:
    db.execute("DELETE FROM photos WHERE case_id = ?", (case_id,))


def list_photos(db: Database, case_ids: list[str]) -> list[dict[str, Any]]:
    if not case_ids:
        return []
    marks = ", ".join("?" for _ in case_ids)
    return _rows(
        db,
        "SELECT id, case_id, position, sha256, mime, width, height, size FROM photos "
        f"WHERE case_id IN ({marks}) ORDER BY case_id, position",
        case_ids,
    )


def get_photo_data(db: Database, photo_id: str) -> bytes | None:
    row = db.execute("SELECT data FROM photos WHERE id = ?", (photo_id,)).fetchone()
    return None if row is None else row[0]


# --- outbox -------------------------------------------------------------------------------------

def enqueue(db: Database, case_id: str, kind: str, created_at: str) -> int:
    cursor = db.execute(
        "INSERT INTO outbox (case_id, kind, created_at, attempts) VALUES (?, ?, ?, 0)",
        (case_id, kind, created_at),
    )
    return cursor.lastrowid


def mark_create_started(db: Database, outbox_id: int, at: str) -> None:
    db.execute("UPDATE outbox SET started_at = COALESCE(started_at, ?) WHERE id = ?", (at, outbox_id))


def create_sending_started(db: Database, case_id: str) -> bool:
    """Whether this case's create may already have reached the platform."""
    row = db.execute(
        "SELECT 1 FROM outbox WHERE case_id = ? AND kind = 'create' AND started_at IS NOT NULL",
        (case_id,),
    ).fetchone()
    return row is not None


def insert_amendment(db: Database, outbox_id: int, case_id: str, note: str, created_at: str) -> None:
    db.execute(
        "INSERT INTO amendments (outbox_id, case_id, note, created_at) VALUES (?, ?, ?, ?)",
        (outbox_id, case_id, note, created_at),
    )


def amendment_note(db: Database, outbox_id: int) -> str | None:
    row = db.execute("SELECT note FROM amendments WHERE outbox_id = ?", (outbox_id,)).fetchone()
    return None if row is None else row[0]


def set_amendment_refusal(db: Database, outbox_id: int, reason: str) -> None:
    db.execute("UPDATE amendments SET refused = ? WHERE outbox_id = ?", (reason, outbox_id))


def list_amendments(db: Database, case_id: str) -> list[dict[str, Any]]:
    """Every correction of a case, oldest first: sent_at once the platform took it or refused it
    for good, and then refused holds the platform's reason."""
    return _rows(
        db,
        "SELECT a.note, a.created_at, o.done_at AS sent_at, a.refused FROM amendments a "
        "JOIN outbox o ON o.id = a.outbox_id WHERE a.case_id = ? ORDER BY a.outbox_id",
        (case_id,),
    )


def pending_outbox(db: Database) -> list[dict[str, Any]]:
    """Everything not yet on the platform, held voids too (``refused``: not to be sent as it is)."""
    return _rows(
        db,
        "SELECT id, case_id, kind, created_at, attempts, last_error, refused FROM outbox "
        "WHERE done_at IS NULL ORDER BY id",
    )


def hold_outbox(db: Database, outbox_id: int, reason: str) -> None:
    """Refused for good: kept pending, not sent again until ``release_outbox``."""
    db.execute("UPDATE outbox SET refused = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
               (reason, reason, outbox_id))


def release_outbox(db: Database, outbox_id: int) -> None:
    db.execute("UPDATE outbox SET refused = NULL WHERE id = ? AND done_at IS NULL", (outbox_id,))


def held_voids(db: Database, case_id: str | None = None) -> list[dict[str, Any]]:
    """Voids the platform refused for good, still pending: (outbox id, case, code, the platform's words)."""
    where = " AND o.case_id = ?" if case_id else ""
    return _rows(
        db,
        "SELECT o.id, o.case_id, c.tracking_code, o.refused FROM outbox o JOIN cases c ON c.id = o.case_id "
        f"WHERE o.kind = 'void' AND o.done_at IS NULL AND o.refused IS NOT NULL{where} ORDER BY o.id",
        (case_id,) if case_id else (),
    )


def count_pending_outbox(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL").fetchone()[0]


# --- drafts -------------------------------------------------------------------------------------

def save_draft(db: Database, name: str, payload: dict[str, Any], updated_at: str) -> None:
    db.execute(
        "INSERT INTO drafts (name, payload, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
        (name, json.dumps(payload, ensure_ascii=False), updated_at),
    )


def get_draft(db: Database, name: str) -> dict[str, Any] | None:
    row = _row(db, "SELECT payload, updated_at FROM drafts WHERE name = ?", (name,))
    if row is None:
        return None
    return {"payload": json.loads(row["payload"]), "updated_at": row["updated_at"]}


def delete_draft(db: Database, name: str) -> None:
    db.execute("DELETE FROM drafts WHERE name = ?", (name,))


# --- print log (slips) --------------------------------------------------------------------------

def insert_print_log(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO print_log (case_id, printed_at, paper, printer, copy_number, status, detail) "
        "VALUES (:case_id, :printed_at, :paper, :printer, :copy_number, :status, :detail)",
        row,
    )


def count_slip_copies(db: Database, case_id: str) -> int:
    """Slips that reached paper or a PDF file; failed attempts handed nothing out."""
    return db.execute(
        "SELECT COUNT(*) FROM print_log WHERE case_id = ? AND status IN ('printed', 'saved')",
        (case_id,),
    ).fetchone()[0]


def list_print_log(db: Database, case_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT id, case_id, printed_at, paper, printer, copy_number, status, detail "
        "FROM print_log WHERE case_id = ? ORDER BY id",
        (case_id,),
    )


def add_setting_if_missing(db: Database, key: str, value: Any) -> None:
    """For values made once and never replaced (the tracking secret)."""
    db.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
        (key, json.dumps(value, ensure_ascii=False)),
    )


# --- sync ---------------------------------------------------------------------------------------

def sync_case(db: Database, case_id: str) -> dict[str, Any] | None:
    return _row(
        db,
        "SELECT case_id, request_id, set_aside_reason, set_aside_at, last_error, updated_at, "
        "fate_unknown_since, unconfirmed_at, note FROM sync_cases WHERE case_id = ?",
        (case_id,),
    )


def upsert_sync_case(db: Database, case_id: str, changes: dict[str, Any], at: str) -> None:
    allowed = {"request_id", "set_aside_reason", "set_aside_at", "last_error", "fate_unknown_since",
               "unconfirmed_at", "note"}
    if not set(changes) <= allowed:
        raise ValueError(sorted(set(changes) - allowed))
    names = [*changes, "updated_at"]
    db.execute(
        f"INSERT INTO sync_cases (case_id, {', '.join(names)}) "
        f"VALUES (:case_id, {', '.join(':' + n for n in names)}) "
        f"ON CONFLICT(case_id) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in names)}",
        {**changes, "updated_at": at, "case_id": case_id},
    )


def case_id_for_request(db: Database, request_id: str) -> str | None:
    row = db.execute("SELECT case_id FROM sync_cases WHERE request_id = ?", (request_id,)).fetchone()
    return None if row is None else row[0]


def mark_case_synced(db: Database, case_id: str, synced_at: str, platform_status: str) -> None:
    # revision + 1: an edit that read the case before this sync must not apply afterwards.
    db.execute(
        "UPDATE cases SET synced_at = COALESCE(synced_at, ?), platform_status = ?, "
        "revision = revision + 1 WHERE id = ?",
        (synced_at, platform_status, case_id),
    )


def set_platform_status(db: Database, case_id: str, status: str, closed_at: str | None, closes: bool | None) -> None:
    """After a case is synced the platform owns its status: closed on the platform is closed here
    (the light turns green), reopened there is open here. ``closes`` None leaves closed_at alone."""
    if closes is None:
        db.execute("UPDATE cases SET platform_status = ? WHERE id = ?", (status, case_id))
    elif closes:
        db.execute(
            "UPDATE cases SET platform_status = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ?",
            (status, closed_at, case_id),
        )
    else:
        db.execute("UPDATE cases SET platform_status = ?, closed_at = NULL WHERE id = ?", (status, case_id))


def insert_sync_update(db: Database, row: dict[str, Any]) -> bool:
    """Store an update once: a server without cursors may send the same one twice."""
    cursor = db.execute(
        "INSERT INTO sync_updates (case_id, update_id, status, description, updated_at, received_at) "
        "SELECT :case_id, :update_id, :status, :description, :updated_at, :received_at "
        "WHERE :update_id = '' OR NOT EXISTS "
        "(SELECT 1 FROM sync_updates WHERE case_id = :case_id AND update_id = :update_id)",
        row,
    )
    return cursor.rowcount == 1


def list_sync_updates(db: Database, case_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT update_id, status, description, updated_at, received_at FROM sync_updates "
        "WHERE case_id = ? ORDER BY id",
        (case_id,),
    )


def finish_outbox(db: Database, outbox_id: int, done_at: str) -> None:
    db.execute("UPDATE outbox SET done_at = ?, last_error = NULL WHERE id = ? AND done_at IS NULL", (done_at, outbox_id))


def note_outbox_attempt(db: Database, outbox_id: int, error: str | None) -> None:
    db.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error, outbox_id))


def sync_overview(db: Database) -> list[dict[str, Any]]:
    """Every case with a pending outbox entry or a set-aside reason, for the closing summary."""
    return _rows(
        db,
        "SELECT c.id AS case_id, c.tracking_code, c.synced_at, s.request_id, s.set_aside_reason, "
        "s.last_error, s.unconfirmed_at, "
        "(SELECT COUNT(*) FROM outbox o WHERE o.case_id = c.id AND o.done_at IS NULL AND o.refused IS NULL) AS pending, "
        "(SELECT COUNT(*) FROM outbox o WHERE o.case_id = c.id AND o.done_at IS NULL AND o.refused IS NOT NULL) AS held "
        "FROM cases c LEFT JOIN sync_cases s ON s.case_id = c.id "
        "WHERE s.set_aside_reason IS NOT NULL OR EXISTS "
        "(SELECT 1 FROM outbox o WHERE o.case_id = c.id AND o.done_at IS NULL) "
        "ORDER BY c.created_at, c.sequence",
    )


def open_requests(db: Database) -> list[tuple[str, str]]:
    """(case id, platform request id) of synced cases the platform has not closed or voided."""
    return [tuple(r) for r in db.execute(
        "SELECT c.id, s.request_id FROM cases c JOIN sync_cases s ON s.case_id = c.id "
        "WHERE c.synced_at IS NOT NULL AND s.request_id IS NOT NULL "
        "AND COALESCE(c.platform_status, '') NOT IN ('closed', 'voided') ORDER BY c.created_at, c.id"
    ).fetchall()]


def unconfirmed_cases(db: Database) -> list[dict[str, Any]]:
    """Cases whose create may be on the server but could not be found there (待核实)."""
    return _rows(
        db,
        "SELECT c.id AS case_id, c.tracking_code, c.category_code, c.created_at, s.unconfirmed_at, "
        "s.fate_unknown_since FROM cases c JOIN sync_cases s ON s.case_id = c.id "
        "WHERE s.unconfirmed_at IS NOT NULL AND s.request_id IS NULL ORDER BY c.created_at, c.sequence",
    )


def synced_case_ids(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM cases WHERE synced_at IS NOT NULL ORDER BY id").fetchall()]


# --- privacy: audit log, consent, retention -----------------------------------------------------

AUDIT_COLUMNS = "id, at, action, role, actor, device, case_code, detail, prev_hash, hash"


def last_audit_entry(db: Database) -> dict[str, Any] | None:
    return _row(db, f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT 1")


def insert_audit_entry(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO audit_log (id, at, action, role, actor, device, case_code, detail, prev_hash, hash) "
        "VALUES (:id, :at, :action, :role, :actor, :device, :case_code, :detail, :prev_hash, :hash)",
        row,
    )


def audit_entry(db: Database, entry_id: int) -> dict[str, Any] | None:
    return _row(db, f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE id = ?", (entry_id,))


def audit_entries_after(db: Database, entry_id: int) -> list[dict[str, Any]]:
    return _rows(db, f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id", (entry_id,))


def list_audit_entries(db: Database, limit: int | None = None) -> list[dict[str, Any]]:
    if limit is None:
        return _rows(db, f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id")
    rows = _rows(db, f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))
    return rows[::-1]


# Its WHERE repeats the partial index cases_purge_due's condition, so SQLite can use it.
PURGE_DUE_SQL = (
    "SELECT id, tracking_code FROM cases WHERE synced_at IS NOT NULL AND purged_at IS NULL "
    "AND closed_at IS NOT NULL AND closed_at < ? ORDER BY closed_at"
)


def cases_due_for_purge(db: Database, closed_before: str) -> list[dict[str, Any]]:
    """Synced cases the platform closed before the cut-off whose personal fields remain."""
    return _rows(db, PURGE_DUE_SQL, (closed_before,))


def purge_case_personal_fields(db: Database, case_id: str, purged_at: str, placeholder: str) -> None:
    # The category, community, outcome and times stay: they are what the reports count.
    # The personal fields are the description's (reception/case_fields.py).
    assignments, values = case_fields.purge_assignments(placeholder)
    db.execute(
        f"UPDATE cases SET {assignments}, purged_at = ?, revision = revision + 1 WHERE id = ?",
        (*values, purged_at, case_id),
    )
    db.execute("DELETE FROM photos WHERE case_id = ?", (case_id,))
    db.execute("DELETE FROM sync_updates WHERE case_id = ?", (case_id,))
    # The look-up keys are the name and phone again; the platform's notes, return visits and the
    # resident's words in a rating may repeat them. That a rating was given stays.
    db.execute("DELETE FROM case_search WHERE case_id = ?", (case_id,))
    db.execute("DELETE FROM case_progress WHERE case_id = ?", (case_id,))
    db.execute("UPDATE ratings SET note = '' WHERE case_id = ?", (case_id,))
    # A correction's words may repeat the resident's details; that it was made stays.
    db.execute("UPDATE amendments SET note = ? WHERE case_id = ?", (placeholder, case_id))


def list_cases_for_export(db: Database) -> list[dict[str, Any]]:
    return _rows(db, f"SELECT {CASE_COLUMNS} FROM cases ORDER BY created_at")


# --- return visits: ratings recorded at the stall, the platform's progress --------------------

def insert_rating(db: Database, outbox_id: int, case_id: str, rating: str, note: str,
                  receptionist: str, created_at: str) -> None:
    db.execute(
        "INSERT INTO ratings (outbox_id, case_id, rating, note, receptionist, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (outbox_id, case_id, rating, note, receptionist, created_at),
    )


def rating_of(db: Database, outbox_id: int) -> dict[str, Any] | None:
    return _row(db, "SELECT rating, note FROM ratings WHERE outbox_id = ?", (outbox_id,))


def set_rating_refusal(db: Database, outbox_id: int, reason: str) -> None:
    db.execute("UPDATE ratings SET refused = ? WHERE outbox_id = ?", (reason, outbox_id))


def unsent_rating(db: Database, case_id: str) -> bool:
    return db.execute(
        "SELECT 1 FROM ratings r JOIN outbox o ON o.id = r.outbox_id WHERE r.case_id = ? AND o.done_at IS NULL",
        (case_id,),
    ).fetchone() is not None


def list_ratings(db: Database, case_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT r.rating, r.note, r.created_at, o.done_at AS sent_at, r.refused FROM ratings r "
        "JOIN outbox o ON o.id = r.outbox_id WHERE r.case_id = ? ORDER BY r.outbox_id",
        (case_id,),
    )


def get_case_progress(db: Database, case_id: str) -> dict[str, Any] | None:
    return _row(
        db,
        "SELECT case_id, status, department, due_at, light, notes, visits, ratings, fetched_at "
        "FROM case_progress WHERE case_id = ?",
        (case_id,),
    )


def upsert_case_progress(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO case_progress (case_id, status, department, due_at, light, notes, visits, ratings, fetched_at, "
        "update_mark) VALUES (:case_id, :status, :department, :due_at, :light, :notes, :visits, :ratings, "
        ":fetched_at, (SELECT MAX(id) FROM sync_updates WHERE case_id = :case_id)) "
        "ON CONFLICT(case_id) DO UPDATE SET status = excluded.status, department = excluded.department, "
        "due_at = excluded.due_at, light = excluded.light, notes = excluded.notes, visits = excluded.visits, "
        "ratings = excluded.ratings, fetched_at = excluded.fetched_at, update_mark = excluded.update_mark",
        row,
    )


def cases_with_news(db: Database) -> list[tuple[str, str]]:
    """(case_id, request_id) of synced cases whose updates arrived after their progress was last
    fetched: only those are asked for again, not the 100,000 cases of past years."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT s.case_id, s.request_id FROM sync_cases s "
            "LEFT JOIN case_progress p ON p.case_id = s.case_id "
            "WHERE s.request_id IS NOT NULL AND EXISTS (SELECT 1 FROM sync_updates u WHERE u.case_id = s.case_id "
            "AND u.id > COALESCE(p.update_mark, 0))"
        ).fetchall()
    ]


# --- intake hints: what the category suggestion and the similar-case offer learn from ------------

HINT_COLUMNS = "id, tracking_code, community, description, category_code, category_name, created_at"


def cases_before(db: Database, before: str, limit: int) -> list[dict[str, Any]]:
    """Cases recorded before ``before``, newest first, with whether each is still open: one page
    of what the hints learn at unlock (read a page at a time, by the created_at index)."""
    return _rows(
        db,
        f"SELECT {HINT_COLUMNS}, closed_at, voided_at, purged_at FROM cases WHERE created_at < ? "
        "ORDER BY created_at DESC LIMIT ?",
        (before, limit),
    )


def cases_recorded_since(db: Database, since: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        f"SELECT {HINT_COLUMNS}, closed_at, voided_at, purged_at FROM cases WHERE created_at > ? "
        "ORDER BY created_at",
        (since,),
    )


def case_states(db: Database, case_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Whether each case is still open, by primary key (a handful of candidates at a time)."""
    if not case_ids:
        return {}
    marks = ", ".join("?" for _ in case_ids)
    rows = _rows(db, f"SELECT id, closed_at, voided_at, purged_at, description, category_code FROM cases "
                     f"WHERE id IN ({marks})", case_ids)
    return {r["id"]: r for r in rows}
