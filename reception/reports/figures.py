"""The figures a street reports, counted from the laptop's own records.

A night's report is built from one session; a range report from every session whose date falls
in the range. Both read only what is on this laptop (no network): the platform's own bulletin is
the street's view of all laptops. Nothing here carries a resident's name, phone, address or
words: a forwarded case appears by its tracking code, category, department and due times.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from reception.cases import Case
from reception.desk import ReceptionDesk
from reception.errors import ValidationFailed, FieldError
from reception.form_definition import Outcome
from reception.privacy import audit
from reception.sessions import Session
from reception.storage import repository as repo


@dataclass(frozen=True)
class SyncState:
    """Where a night's cases stand with the platform, from the laptop's records alone."""

    synced: int
    waiting: int
    set_aside: tuple[tuple[str, str], ...]  # (tracking code, the platform's reason)


@dataclass(frozen=True)
class ForwardedCase:
    """A petition entered for handling, as the report lists it: no personal data."""

    tracking_code: str
    category: str  # 大类 / 小类
    department: str
    urgency: str
    accept_by: datetime
    close_by: datetime
    state: str  # 已同步 | 等待同步 | 搁置 | 已办结


@dataclass(frozen=True)
class AuditHead:
    entry_id: int
    hash: str
    whole: bool  # the chain verifies end to end


@dataclass(frozen=True)
class NightReport:
    street: str
    device: str
    session: Session
    by_category: tuple[tuple[str, int], ...]  # major category, count; largest first
    by_outcome: tuple[tuple[str, int], ...]  # in the form's order, zeros kept
    closed: int
    forwarded: tuple[ForwardedCase, ...]
    sync: SyncState
    audit_head: AuditHead | None
    made_at: datetime

    @property
    def closure_rate(self) -> float | None:
        petitions = self.session.counts.petitions
        return None if petitions == 0 else self.closed / petitions


@dataclass(frozen=True)
class SessionLine:
    """One night in a range report."""

    date: str
    venue: str
    community: str
    visitors: int
    household_visits: int
    petitions: int
    closed: int


@dataclass(frozen=True)
class RangeReport:
    street: str
    device: str
    start: date
    end: date
    rounds: int  # 期: distinct nights (dates) with at least one session
    sessions: tuple[SessionLine, ...]  # 场
    by_category: tuple[tuple[str, int], ...]
    by_outcome: tuple[tuple[str, int], ...]
    made_at: datetime

    @property
    def visitors(self) -> int:
        return sum(s.visitors for s in self.sessions)

    @property
    def household_visits(self) -> int:
        return sum(s.household_visits for s in self.sessions)

    @property
    def petitions(self) -> int:
        return sum(s.petitions for s in self.sessions)

    @property
    def closed(self) -> int:
        return sum(s.closed for s in self.sessions)

    @property
    def closure_rate(self) -> float | None:
        return None if self.petitions == 0 else self.closed / self.petitions


def sync_state(desk: ReceptionDesk, cases: list[Case]) -> SyncState:
    ids = {c.id for c in cases}
    rows = [r for r in repo.sync_overview(desk.db) if r["case_id"] in ids]
    return SyncState(
        synced=sum(1 for c in cases if c.is_synced),
        waiting=sum(1 for r in rows if r["pending"] and not r["set_aside_reason"]),
        set_aside=tuple((r["tracking_code"], r["set_aside_reason"]) for r in rows if r["set_aside_reason"]),
    )


def audit_head(desk: ReceptionDesk) -> AuditHead | None:
    head = repo.get_setting(desk.db, audit.HEAD_SETTING)
    if head is None:
        return None
    return AuditHead(int(head["id"]), str(head["hash"]), whole=not audit.verify(desk.db))


def night_report(desk: ReceptionDesk, session_id: str | None = None) -> NightReport:
    """The report of one night: the given session, else tonight's, else the latest one."""
    session = _pick_session(desk, session_id)
    cases = desk.session_cases(session.id)
    live = [c for c in cases if not c.is_voided]
    sync = sync_state(desk, cases)
    set_aside = {code for code, _ in sync.set_aside}
    waiting = {r["case_id"] for r in repo.sync_overview(desk.db) if r["pending"]}
    forwarded = []
    for c in sorted(live, key=lambda c: (c.created_at, c.tracking_code)):
        if c.outcome is not Outcome.FORWARDED:
            continue
        if c.tracking_code in set_aside:
            state = "搁置"
        elif c.closed_at is not None:
            state = "已办结"
        elif c.is_synced:
            state = "已同步"
        elif c.id in waiting:
            state = "等待同步"
        else:
            state = "未同步"
        forwarded.append(ForwardedCase(
            c.tracking_code, f"{c.major_name}/{c.category_name}", c.department, c.urgency.value,
            c.accept_by, c.close_by, state,
        ))
    return NightReport(
        street=desk.form.street,
        device=desk.device_prefix,
        session=session,
        by_category=_by_category(live),
        by_outcome=_by_outcome(live),
        closed=sum(1 for c in live if c.closed_at is not None),
        forwarded=tuple(forwarded),
        sync=sync,
        audit_head=audit_head(desk),
        made_at=desk.now(),
    )


def range_report(desk: ReceptionDesk, start: date, end: date) -> RangeReport:
    """Every night on this laptop dated from ``start`` to ``end`` (both included)."""
    if end < start:
        raise ValidationFailed([FieldError("to", "截止日期", f"早于起始日期 {start.isoformat()}")])
    rows = repo.list_sessions_between(desk.db, start.isoformat(), end.isoformat())
    lines, live_all = [], []
    for row in rows:
        session = desk.session(row["id"])
        live = [c for c in desk.session_cases(session.id) if not c.is_voided]
        live_all.extend(live)
        lines.append(SessionLine(
            date=session.date, venue=session.venue, community=session.community,
            visitors=session.counts.visitors, household_visits=session.counts.household_visits,
            petitions=len(live), closed=sum(1 for c in live if c.closed_at is not None),
        ))
    return RangeReport(
        street=desk.form.street,
        device=desk.device_prefix,
        start=start,
        end=end,
        rounds=len({line.date for line in lines}),
        sessions=tuple(lines),
        by_category=_by_category(live_all),
        by_outcome=_by_outcome(live_all),
        made_at=desk.now(),
    )


def parse_day(text: str, field: str, label: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed([FieldError(field, label, f"应为 年-月-日，如 2026-11-25（收到：{text}）")]) from None


def _pick_session(desk: ReceptionDesk, session_id: str | None) -> Session:
    if session_id:
        return desk.session(session_id)  # SessionError names it when unknown
    session = desk.current_session() or next(iter(desk.recent_sessions(1)), None)
    if session is None:
        from reception.errors import SessionError

        raise SessionError("本机还没有任何夜话场次：先开始一场夜话，才有报表")
    return session


def _by_category(cases: list[Case]) -> tuple[tuple[str, int], ...]:
    counts = Counter(c.major_name for c in cases)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _by_outcome(cases: list[Case]) -> tuple[tuple[str, int], ...]:
    counts = Counter(c.outcome for c in cases)
    return tuple((o.value, counts.get(o, 0)) for o in Outcome)
