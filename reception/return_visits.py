"""Closing the loop at the stall: a case's progress as of the last sync, and the resident's
verdict on its result (满意 / 基本满意 / 不满意), recorded offline and sent to the platform.

The platform owns a synced case, so a verdict travels like an amendment: an outbox entry
('rate') written in the same transaction as the rating, sent once after the case's create (the
idempotency key makes a resend land on the same update). On the platform a 不满意 reopens the
case to its department; a second one escalates it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from reception import clock, text_rules
from reception.cases import Case
from reception.errors import CaseLocked, FieldError, UnknownCase, ValidationFailed
from reception.privacy import audit
from reception.storage import repository as repo
from reception.storage.writing import writing

RATINGS = ("满意", "基本满意", "不满意")
# When a sync last brought every piece of news: progress without news since is current as of then.
CHECKED_SETTING = "progress_checked_at"
MAX_NOTE = 500


@dataclass(frozen=True)
class Visit:
    """A return-visit call the platform's staff made."""

    at: str
    caller: str
    reached: bool
    rating: str
    words: str


@dataclass(frozen=True)
class Rating:
    at: str
    rating: str
    words: str
    source: str  # desk | page | visit


@dataclass(frozen=True)
class Progress:
    """What the platform said about a case at the last sync that brought news of it."""

    status: str
    department: str
    due_at: datetime | None
    light: str  # the platform's own: green | yellow | red | ''
    notes: str
    visits: tuple[Visit, ...]
    ratings: tuple[Rating, ...]
    fetched_at: datetime  # as of: the last sync that fetched it, or a later one with no news of it


@dataclass(frozen=True)
class LocalRating:
    """A verdict recorded on this laptop; sent_at is None until the platform confirmed it."""

    rating: str
    note: str
    created_at: datetime
    sent_at: datetime | None
    refused: str = ""  # the platform's reason, when it would not take this verdict


@dataclass(frozen=True)
class CaseLoop:
    progress: Progress | None
    local_ratings: tuple[LocalRating, ...] = field(default=())
    # The platform's words when it refused this case's void for good: the void is kept on the
    # laptop, not resent, until the team leader sends it again (sync/held_voids.py).
    void_refused: str = ""


def rate_case(desk, case_id: str, rating: str, note: str = "", receptionist: str = "") -> Case:
    """Record the resident's verdict on a synced case the platform had closed, and queue it."""
    rating = rating.strip()
    if rating not in RATINGS:
        raise ValidationFailed([FieldError("rating", "评价", f"只能是 {' / '.join(RATINGS)}")])
    note, problem = text_rules.clean(note or "", multiline=True)
    if problem:
        raise ValidationFailed([FieldError("note", "评价说明", problem)])
    if len(note) > MAX_NOTE:
        raise ValidationFailed([FieldError("note", "评价说明", f"太长：最多 {MAX_NOTE} 字，现有 {len(note)} 字")])
    with writing(desk.db):
        row = repo.get_case(desk.db, case_id)
        if row is None:
            raise UnknownCase("找不到该诉求")
        if row["voided_at"]:
            raise CaseLocked("该诉求已作废，不能评价")
        if not row["synced_at"]:
            raise CaseLocked("该诉求还没有同步到街道平台，平台办结后才能评价")
        if row["platform_status"] != "closed":
            raise CaseLocked("上次同步时平台还没有办结这件诉求，办结后才能评价；居民的意见可用“补充更正”记下")
        if repo.unsent_rating(desk.db, case_id):
            raise CaseLocked("这次办结已有一条评价等待同步，不能再评价；同步后如平台重新办结可再评价")
        now = clock.to_text(desk.now())
        outbox_id = repo.enqueue(desk.db, case_id, "rate", now)
        repo.insert_rating(desk.db, outbox_id, case_id, rating, note, receptionist, now)
        # The rating word is not personal; the resident's own words stay on the case only.
        audit.append(desk.db, "rate", audit.Actor(desk.role, receptionist),
                     case_code=row["tracking_code"], detail=rating, at=now)
    return desk.case(case_id)


def case_loop(desk, case_id: str) -> CaseLoop:
    row = repo.get_case_progress(desk.db, case_id)
    local = tuple(
        LocalRating(r["rating"], r["note"] or "", clock.from_text(r["created_at"]),
                    clock.from_text(r["sent_at"]) if r["sent_at"] else None, r["refused"] or "")
        for r in repo.list_ratings(desk.db, case_id)
    )
    progress = None if row is None else progress_from_row(row)
    checked = repo.get_setting(desk.db, CHECKED_SETTING)
    if progress is not None and checked:
        as_of = clock.from_text(checked)
        if as_of > progress.fetched_at:
            progress = replace(progress, fetched_at=as_of)
    held = repo.held_voids(desk.db, case_id)
    return CaseLoop(progress, local, held[0]["refused"] if held else "")


def progress_from_row(row: dict[str, Any]) -> Progress:
    visits = tuple(
        Visit(str(v.get("at") or ""), str(v.get("caller") or ""), bool(v.get("reached")),
              str(v.get("rating") or ""), str(v.get("words") or ""))
        for v in _json_list(row["visits"])
    )
    ratings = tuple(
        Rating(str(r.get("at") or ""), str(r.get("rating") or ""), str(r.get("words") or ""),
               str(r.get("source") or ""))
        for r in _json_list(row["ratings"])
    )
    due = row["due_at"]
    return Progress(
        status=row["status"] or "",
        department=row["department"] or "",
        due_at=_moment(due),
        light=row["light"] or "",
        notes=row["notes"] or "",
        visits=visits,
        ratings=ratings,
        fetched_at=clock.from_text(row["fetched_at"]),
    )


def store_progress(db, case_id: str, data: dict[str, Any], fetched_at: str) -> None:
    """Keep the platform's view of a case (inside the caller's transaction). Fields a server
    does not send are kept empty, never guessed."""
    repo.upsert_case_progress(db, {
        "case_id": case_id,
        "status": str(data.get("status") or ""),
        "department": str(data.get("department") or ""),
        "due_at": str(data.get("due_at") or ""),
        "light": str(data.get("light") or ""),
        "notes": str(data.get("notes") or ""),
        "visits": json.dumps(list(data.get("visits") or []), ensure_ascii=False),
        "ratings": json.dumps(list(data.get("ratings") or []), ensure_ascii=False),
        "fetched_at": fetched_at,
    })


def _json_list(text: str | None) -> list[dict[str, Any]]:
    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return clock.from_text(text)
    except ValueError:
        return None
