"""The staff loop on the platform's database: each action is one transaction that checks the
case's state (sync/platform/loop.py), writes the loop's own rows and appends the update that
flows back to the laptop and to the tracking page.

Statuses stay in ``requests.status`` (what Open311 clients read); ``loop_state`` keeps the loop's
counters, the due time after a reopening, and when the case was accepted. Verdicts are
``loop_ratings`` (unique per closing), return-visit calls ``loop_visits``. The residents' own
words in a verdict or a call are kept for staff; the tracking page never shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import text

from reception import clock
from reception.deadlines import Light, due_times
from reception.form_definition import Complexity, Urgency
from sync.platform import loop
from sync.platform.loop import LoopRefused, LoopState
from sync.platform.store import IdempotencyConflict, PlatformStore, now_text

AUTHOR_OF_SOURCE = {"page": "resident", "desk": "desk", "visit": "staff"}
MAX_WORDS = 500


@dataclass(frozen=True)
class LoopView:
    """One request as the staff lists show it: its light, due time and loop figures."""

    row: dict[str, Any]
    state: LoopState
    light: Light
    due: datetime
    accept_by: datetime | None


class LoopStore:
    def __init__(self, store: PlatformStore, form_of) -> None:
        self.store = store
        self.form_of = form_of  # street code -> FormDefinition (deadlines, departments)

    # --- reading ---------------------------------------------------------------------------------

    def _state(self, conn, internal: int, lock: bool = False) -> tuple[dict[str, Any], LoopState]:
        # OF r: PostgreSQL does not lock the nullable side of an outer join (loop_state may be missing).
        suffix = " FOR UPDATE OF r" if lock and self.store.is_postgres else ""
        row = conn.execute(text(
            "SELECT r.id, r.service_request_id, r.status, r.department, r.street, r.requested_datetime, r.created_at, "
            "r.accept_by, r.close_by, r.attributes, r.service_code, l.closings, l.rated_closing, l.unsatisfied, "
            f"l.visits, l.started_at, l.due_at, l.accepted_at FROM requests r "
            f"LEFT JOIN loop_state l ON l.request = r.id WHERE r.id = :id{suffix}"), {"id": internal}).mappings().first()
        if row is None:
            raise LoopRefused("找不到该诉求")
        row = dict(row)
        if row["closings"] is None:
            state = loop.initial(row["status"], row["department"] or "")
        else:
            state = LoopState(status=row["status"], closings=row["closings"], rated_closing=row["rated_closing"],
                              unsatisfied=row["unsatisfied"], visits=row["visits"], department=row["department"] or "")
        return row, state

    def state_of(self, internal: int) -> LoopState:
        with self.store.transaction() as conn:
            return self._state(conn, internal)[1]

    def view(self, row: dict[str, Any], state: LoopState, now: datetime | None = None) -> LoopView:
        now = now or datetime.now(timezone.utc)
        started, accept_by, due = self._times(row)
        form = self.form_of(self._street_code(row["street"]))
        return LoopView(row, state, loop.light(status=state.status, now=now, started=started, accept_by=accept_by,
                                               due=due, warn_fraction=form.deadlines.warn_fraction), due, accept_by)

    def _street_code(self, street_id: int) -> str:
        street = self.store.street(street_id)
        return street["code"] if street else ""

    def _times(self, row: dict[str, Any]) -> tuple[datetime, datetime | None, datetime]:
        """When the present period began, the accept limit and the due time: the laptop's, or the
        street's own limits (its form) for a request that came without them."""
        created = _moment(row.get("requested_datetime")) or _moment(row.get("created_at")) or datetime.now(timezone.utc)
        started = _moment(row.get("started_at")) or created
        accept_by, due = _moment(row.get("accept_by")), _moment(row.get("due_at")) or _moment(row.get("close_by"))
        if accept_by is None or due is None:
            form = self.form_of(self._street_code(row["street"]))
            found = form.taxonomy.find(row.get("service_code") or "")
            if found is not None:
                limits = due_times(created, found[1].urgency, found[1].complexity, form.deadlines)
            else:
                limits = due_times(created, Urgency.ORDINARY, Complexity.SIMPLE, form.deadlines)
            accept_by = accept_by or limits.accept_by
            due = due or limits.close_by
        return started, accept_by, due

    # --- acting ----------------------------------------------------------------------------------

    def act(self, internal: int, action: str, *, author: str, department: str = "", note: str = "",
            rating: str = "", words: str = "", caller: str = "", reached: bool = True, called_at: str = "",
            source: str = "", key: str | None = None) -> tuple[LoopState, bool]:
        """Do one action in one transaction: (the new state, whether it was done now — False for a
        replay of the same idempotency key). LoopRefused when the loop does not allow it."""
        note, words = " ".join(note.split()), " ".join(words.split())[:MAX_WORDS]
        if action == "close" and not note:
            raise LoopRefused("办结时必须写明办理结果（将显示给居民，不要写个人信息）")
        if action == "visit" and not caller.strip():
            raise LoopRefused("回访时必须写明回访人")
        with self.store.transaction() as conn:
            if key is not None:
                replay = conn.execute(text("SELECT request FROM updates WHERE idempotency_key = :k"), {"k": key}).first()
                if replay is not None:
                    if replay[0] != internal:
                        raise IdempotencyConflict(key)
                    return self._state(conn, internal)[1], False
            row, before = self._state(conn, internal, lock=True)
            after = loop.step(before, action, department=department, rating=rating, reached=reached)
            now = now_text()
            verdict = rating if action == "rate" or (action == "visit" and rating) else ""
            if verdict:
                done = conn.execute(text(
                    "INSERT INTO loop_ratings (request, closing, rating, words, source, created_at) "
                    "VALUES (:r, :closing, :rating, :words, :source, :now) "
                    "ON CONFLICT (request, closing) DO NOTHING RETURNING id"),
                    {"r": internal, "closing": before.closings, "rating": verdict, "words": words,
                     "source": source or ("visit" if action == "visit" else "page"), "now": now}).first()
                if done is None:  # another worker recorded this closing's verdict a moment ago
                    raise LoopRefused("这次办结已经评价过了；如再次办结，可再评价")
            if action == "visit":
                conn.execute(text(
                    "INSERT INTO loop_visits (request, caller, called_at, reached, rating, words, created_at) "
                    "VALUES (:r, :caller, :at, :reached, :rating, :words, :now)"),
                    {"r": internal, "caller": caller.strip()[:60], "at": called_at or now, "reached": int(reached),
                     "rating": rating or None, "words": words, "now": now})
            started, accept_by, due = self._times(row)
            new_started, new_due = row.get("started_at"), row.get("due_at")
            if after.status in ("reopened", "escalated") and before.status == "closed":
                reopened = datetime.fromisoformat(now)
                new_started = now
                new_due = clock.to_text(loop.reopened_due(reopened, started, due))
            self._save_state(conn, internal, after, new_started, new_due,
                             now if action == "accept" else row.get("accepted_at"), now)
            description = self._describe(action, after, before, department, note, verdict, reached,
                                         _moment(new_due) or due)
            author = AUTHOR_OF_SOURCE.get(source, author) if verdict and action == "rate" else author
            # A verdict or a call that leaves the status as it was keeps the status notes (the
            # closing's result); a reopening's words replace them.
            self._append_update(conn, internal, after.status, description, author, key, now,
                                department=department if action == "dispatch" else None,
                                notes=action not in ("rate", "visit") or after.status != before.status)
            return after, True

    def _save_state(self, conn, internal: int, state: LoopState, started: str | None, due: str | None,
                    accepted: str | None, now: str) -> None:
        values = {"r": internal, "closings": state.closings, "rated": state.rated_closing,
                  "unsatisfied": state.unsatisfied, "visits": state.visits, "started": started, "due": due,
                  "accepted": accepted, "now": now}
        conn.execute(text(
            "INSERT INTO loop_state (request, closings, rated_closing, unsatisfied, visits, started_at, due_at, "
            "accepted_at, updated_at) VALUES (:r, :closings, :rated, :unsatisfied, :visits, :started, :due, "
            ":accepted, :now) ON CONFLICT (request) DO UPDATE SET closings = excluded.closings, "
            "rated_closing = excluded.rated_closing, unsatisfied = excluded.unsatisfied, visits = excluded.visits, "
            "started_at = excluded.started_at, due_at = excluded.due_at, accepted_at = excluded.accepted_at, "
            "updated_at = excluded.updated_at"), values)

    @staticmethod
    def _append_update(conn, internal: int, status: str, description: str, author: str, key: str | None,
                       now: str, department: str | None = None, notes: bool = True) -> None:
        # As PlatformStore.add_update, inside this action's own transaction.
        conn.execute(text("INSERT INTO updates (request, status, description, author, idempotency_key, created_at) "
                          "VALUES (:r, :status, :d, :author, :key, :now)"),
                     {"r": internal, "status": status, "d": description, "author": author, "key": key, "now": now})
        closed = "closed_at = COALESCE(closed_at, :now)" if status == "closed" else "closed_at = NULL"
        set_department = ", department = :department" if department else ""
        set_notes = "status_notes = :d, " if notes else ""
        conn.execute(text(f"UPDATE requests SET status = :status, {set_notes}updated_at = :now, {closed}"
                          f"{set_department} WHERE id = :r"),
                     {"status": status, "d": description, "now": now, "r": internal, "department": department})

    @staticmethod
    def _describe(action: str, after: LoopState, before: LoopState, department: str, note: str, verdict: str,
                  reached: bool, due: datetime) -> str:
        """The update's words: shown to the resident when staff wrote them, so no personal data."""
        if action == "accept":
            return note or "街道已受理"
        if action == "dispatch":
            return f"已分拨至{department}" + (f"：{note}" if note else "")
        if action == "progress":
            return note or "正在办理"
        if action == "close":
            return note  # the result, in the staff's words (required): the status already says 已办结
        if action == "void":
            return note or "已作废"
        told = ("已回访（已接通）" if reached else "已回访（未接通）") if action == "visit" else ""
        if not verdict:
            return told or "已回访"
        said = f"居民评价：{verdict}"
        if after.status == "reopened":
            said += f"。已退回{after.department or '承办部门'}重新办理，{clock.local_text(due)}前办结"
        elif after.status == "escalated":
            said += "。居民再次不满意，已升级至街道领导督办"
        return "；".join(filter(None, (told, said)))

    # --- what the lists and pages show -----------------------------------------------------------

    def views(self, rows: list[dict[str, Any]], now: datetime | None = None) -> list[LoopView]:
        """Requests with their lights, the most urgent first: 警报红, 预警黄, 办理中, 办结绿, 作废."""
        states = self._states([r["id"] for r in rows])
        views = [self.view({**r, **states.get(r["id"], {})}, self._loop_state(r, states.get(r["id"])), now)
                 for r in rows]
        return sorted(views, key=lambda v: (loop.LIGHT_ORDER[v.light], v.due))

    def _states(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        rows = self.store._rows(
            "SELECT request, closings, rated_closing, unsatisfied, visits, started_at, due_at, accepted_at "
            f"FROM loop_state WHERE request IN ({marks})", {f"i{n}": v for n, v in enumerate(ids)})
        return {r["request"]: r for r in rows}

    @staticmethod
    def _loop_state(row: dict[str, Any], extra: dict[str, Any] | None) -> LoopState:
        if not extra:
            return loop.initial(row["status"], row["department"] or "")
        return LoopState(status=row["status"], closings=extra["closings"], rated_closing=extra["rated_closing"],
                         unsatisfied=extra["unsatisfied"], visits=extra["visits"], department=row["department"] or "")

    def ratings_of(self, internal: int) -> list[dict[str, Any]]:
        return self.store._rows("SELECT closing, rating, words, source, created_at FROM loop_ratings "
                                "WHERE request = :r ORDER BY id", {"r": internal})

    def visits_of(self, internal: int) -> list[dict[str, Any]]:
        return self.store._rows("SELECT caller, called_at, reached, rating, words FROM loop_visits "
                                "WHERE request = :r ORDER BY id", {"r": internal})

    def for_device(self, row: dict[str, Any]) -> dict[str, Any]:
        """Our extensions to a request's Open311 answer: the light, the due time after a
        reopening, the return visits and the verdicts (the laptop keeps them on the case)."""
        states = self._states([row["id"]])
        view = self.view({**row, **states.get(row["id"], {})}, self._loop_state(row, states.get(row["id"])))
        return {
            "expected_datetime": clock.to_text(view.due),
            "xinan_light": view.light.value,
            "xinan_visits": [{"at": v["called_at"], "caller": v["caller"], "reached": bool(v["reached"]),
                              "rating": v["rating"] or "", "words": v["words"] or ""} for v in self.visits_of(row["id"])],
            "xinan_ratings": [{"at": r["created_at"], "rating": r["rating"], "words": r["words"] or "",
                               "source": r["source"]} for r in self.ratings_of(row["id"])],
        }

    def figures(self, street: int | None) -> dict[str, Any]:
        """What the street reports: return-visit rate, satisfaction rate, reopened and escalated."""
        scope = "" if street is None else " AND r.street = :street"
        row = self.store._row(
            "SELECT COUNT(*) AS closed, "
            "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM loop_visits v WHERE v.request = r.id AND v.reached = 1) "
            "THEN 1 ELSE 0 END), 0) AS visited, "
            "COALESCE(SUM(CASE WHEN COALESCE(l.unsatisfied, 0) >= 1 THEN 1 ELSE 0 END), 0) AS reopened, "
            "COALESCE(SUM(CASE WHEN COALESCE(l.unsatisfied, 0) >= 2 THEN 1 ELSE 0 END), 0) AS escalated "
            "FROM requests r LEFT JOIN loop_state l ON l.request = r.id "
            f"WHERE r.status <> 'voided' AND (r.status = 'closed' OR COALESCE(l.closings, 0) > 0){scope}",
            {"street": street})
        rated = self.store._row(
            "SELECT COUNT(*) AS rated, COALESCE(SUM(CASE WHEN g.rating IN ('满意', '基本满意') THEN 1 ELSE 0 END), 0) "
            f"AS satisfied FROM loop_ratings g JOIN requests r ON r.id = g.request WHERE 1 = 1{scope}",
            {"street": street})
        closed, visited = row["closed"], row["visited"]
        return {
            "closed": closed, "visited": visited, "visit_rate": visited / closed if closed else None,
            "rated": rated["rated"], "satisfied": rated["satisfied"],
            "satisfaction_rate": rated["satisfied"] / rated["rated"] if rated["rated"] else None,
            "reopened": row["reopened"], "escalated": row["escalated"],
        }

    def escalated(self, street: int | None) -> list[dict[str, Any]]:
        """The street leaders' list: cases the resident was not satisfied with twice."""
        scope = "" if street is None else " AND r.street = :street"
        return self.store._rows(
            f"SELECT {', '.join('r.' + c.strip() for c in self.store.REQUEST_COLUMNS.split(','))} "
            f"FROM requests r WHERE EXISTS (SELECT 1 FROM loop_state l WHERE l.request = r.id "
            f"AND l.unsatisfied >= 2){scope} ORDER BY r.id DESC",
            {"street": street})


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

