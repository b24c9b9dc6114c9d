"""The street's bulletin (周报 / 月报): the figures Yantian's and Xin'an's bulletins carry, counted
from the platform's own store, for one street and one ISO week or calendar month.

- petitions by type (major category) and by community, and the hot spots: recurring topics among
  the period's petitions and the eight weeks before (reception/intake_hints/topics.py);
- sign-for timeliness: of the petitions forwarded to the platform whose accept-by time has come,
  the share staff accepted (受理, or moved further on) by that time;
- closure rate: petitions closed (at the stall or by staff) over petitions received;
- the overdue list: still open past their close-by time, as of when the bulletin is made;
- return-visit rate: of the period's petitions closed, those with a return-visit call that
  reached the resident (loop_visits, issue 15's staff loop); satisfaction rate: of the verdicts
  given on the period's petitions (tracking page, stall or call: loop_ratings), those 满意 or
  基本满意 — the same definitions as the loop's own figures, over the period's petitions;
- the trend against the previous period of the same kind.

Periods are in the street's time (China Standard Time): week 2026-W49 runs Monday 00:00 to the
next Monday 00:00 CST. A voided petition counts nowhere.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from reception import clock
from reception.intake_hints.topics import Petition, Topic, find_topics, shipped_neighbours
from sync.platform.loop_store import _moment  # one reading of the store's ISO times (UTC when bare)

SIGNED = ("accepted", "dispatched", "in_progress", "closed")  # a staff step at or past 受理
TOPIC_LOOKBACK = timedelta(weeks=8)
HISTORY = 8  # periods in the trend chart
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodError(ValueError):
    """A week or month written in a way we cannot read; the message says the right form."""


@dataclass(frozen=True)
class Period:
    kind: str  # week | month
    label: str  # 2026-W49 | 2026-11
    first_day: date
    next_day: date  # the day after the last

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first_day, datetime.min.time(), clock.STREET_TZ)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.next_day, datetime.min.time(), clock.STREET_TZ)

    @property
    def last_day(self) -> date:
        return self.next_day - timedelta(days=1)

    @property
    def title(self) -> str:
        if self.kind == "week":
            return f"{self.label}（{self.first_day:%m-%d}至{self.last_day:%m-%d}）周报"
        return f"{self.first_day.year}年{self.first_day.month}月月报"

    def previous(self) -> "Period":
        if self.kind == "week":
            day = self.first_day - timedelta(days=7)
            year, week, _ = day.isocalendar()
            return week_period(f"{year}-W{week:02d}")
        last = self.first_day - timedelta(days=1)
        return month_period(f"{last.year}-{last.month:02d}")


def week_period(text: str) -> Period:
    m = _WEEK.match(text.strip().upper())
    if not m:
        raise PeriodError(f"周的写法应为 年-W周，如 2026-W49（收到：{text}）")
    try:
        first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise PeriodError(f"{m[1]} 年没有第 {int(m[2])} 周") from None
    return Period("week", f"{m[1]}-W{int(m[2]):02d}", first, first + timedelta(days=7))


def month_period(text: str) -> Period:
    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise PeriodError(f"月的写法应为 年-月，如 2026-11（收到：{text}）")
    first = date(int(m[1]), int(m[2]), 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return Period("month", f"{m[1]}-{int(m[2]):02d}", first, following)


@dataclass(frozen=True)
class Figures:
    petitions: int
    closed: int
    sign_due: int  # forwarded petitions whose accept-by time has come (or that were accepted)
    signed_on_time: int

    @property
    def closure_rate(self) -> float | None:
        return None if not self.petitions else self.closed / self.petitions

    @property
    def sign_rate(self) -> float | None:
        return None if not self.sign_due else self.signed_on_time / self.sign_due


@dataclass(frozen=True)
class Overdue:
    tracking_code: str
    request_id: str
    category: str
    community: str
    department: str
    close_by: datetime
    days_late: int


@dataclass(frozen=True)
class Bulletin:
    street: str
    period: Period
    figures: Figures
    previous: Figures
    by_type: tuple[tuple[str, int], ...]
    by_community: tuple[tuple[str, int], ...]
    topics: tuple[Topic, ...]
    overdue: tuple[Overdue, ...]
    history: tuple[tuple[str, int], ...]  # petitions of this period and the 7 before, oldest first
    visits: tuple[int, int]  # (closed petitions reached on a return visit, closed petitions)
    ratings: tuple[int, int]  # (满意 or 基本满意, verdicts given)
    made_at: datetime

    @property
    def return_visit_rate(self) -> float | None:
        reached, closed = self.visits
        return None if not closed else reached / closed

    @property
    def satisfaction_rate(self) -> float | None:
        satisfied, rated = self.ratings
        return None if not rated else satisfied / rated


def _received(row) -> datetime | None:
    return _moment(row["requested_datetime"]) or _moment(row["created_at"])


def rows_between(store, street: int, start: datetime, end: datetime) -> list[dict]:
    # requested_datetime is the desk's ISO text (UTC): a day's margin either side, then exact
    # comparison on parsed times, so a laptop that wrote another offset is still counted right.
    margin = timedelta(days=1)
    rows = store._rows(
        "SELECT id, service_request_id, service_code, service_name, group_name, department, description, "
        "attributes, tracking_code, requested_datetime, accept_by, close_by, status, created_at, closed_at "
        "FROM requests WHERE street = :street AND status <> 'voided' "
        "AND COALESCE(NULLIF(requested_datetime, ''), created_at) >= :lo "
        "AND COALESCE(NULLIF(requested_datetime, ''), created_at) < :hi",
        {"street": street, "lo": clock.to_text(start - margin), "hi": clock.to_text(end + margin)},
    )
    return [r for r in rows if (when := _received(r)) is not None and start <= when < end]


def _signed_at(store, ids: list[int]) -> dict[int, datetime]:
    """When staff first took each request on (受理 or a later step), by request id."""
    if not ids:
        return {}
    found: dict[int, datetime] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join(f":r{i}" for i in range(len(part)))
        statuses = ", ".join(f"'{s}'" for s in SIGNED)
        for row in store._rows(
            f"SELECT request, MIN(created_at) AS at FROM updates WHERE request IN ({marks}) "
            f"AND author <> 'desk' AND status IN ({statuses}) GROUP BY request",
            {f"r{i}": value for i, value in enumerate(part)},
        ):
            if (at := _moment(row["at"])) is not None:
                found[row["request"]] = at
    return found


def _community(row) -> str:
    try:
        return json.loads(row["attributes"] or "{}").get("community") or "（未填社区）"
    except (ValueError, AttributeError):
        return "（未填社区）"


def _figures(store, rows: list[dict], now: datetime) -> Figures:
    signed = _signed_at(store, [r["id"] for r in rows])
    due = on_time = 0
    for r in rows:
        forwarded = json.loads(r["attributes"] or "{}").get("outcome", "转平台办理") == "转平台办理"
        accept_by = _moment(r["accept_by"])
        if not forwarded or accept_by is None:
            continue
        at = signed.get(r["id"])
        if at is None and accept_by > now:
            continue  # not yet due, not yet taken on: neither on time nor late
        due += 1
        on_time += at is not None and at <= accept_by
    return Figures(len(rows), sum(1 for r in rows if r["status"] == "closed"), due, on_time)


def _loop_figures(store, rows: list[dict]) -> tuple[tuple[int, int], tuple[int, int]]:
    """Return visits and verdicts of these petitions (the staff loop's rows)."""
    closed = reached = satisfied = rated = 0
    ids = [r["id"] for r in rows]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join(f":r{i}" for i in range(len(part)))
        params = {f"r{i}": value for i, value in enumerate(part)}
        row = store._row(
            "SELECT COUNT(*) AS closed, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM loop_visits v "
            "WHERE v.request = r.id AND v.reached = 1) THEN 1 ELSE 0 END), 0) AS reached "
            "FROM requests r LEFT JOIN loop_state l ON l.request = r.id "
            f"WHERE r.id IN ({marks}) AND (r.status = 'closed' OR COALESCE(l.closings, 0) > 0)", params)
        closed, reached = closed + row["closed"], reached + row["reached"]
        row = store._row(
            "SELECT COUNT(*) AS rated, COALESCE(SUM(CASE WHEN rating IN ('满意', '基本满意') THEN 1 ELSE 0 END), 0) "
            f"AS satisfied FROM loop_ratings WHERE request IN ({marks})", params)
        rated, satisfied = rated + row["rated"], satisfied + row["satisfied"]
    return (reached, closed), (satisfied, rated)


def petitions_of(rows: list[dict]) -> list[Petition]:
    """Requests as the topic finder reads them."""
    return [Petition(r["service_request_id"], r["tracking_code"] or "", _community(r), r["service_name"] or "",
                     _received(r), r["description"] or "") for r in rows]


def make_bulletin(store, street_id: int, period: Period, now: datetime | None = None) -> Bulletin:
    now = now or datetime.now(timezone.utc)
    street = store.street(street_id)
    rows = rows_between(store, street_id, period.start, period.end)
    previous = period.previous()
    earlier = rows_between(store, street_id, period.start - TOPIC_LOOKBACK, period.start)
    by_type = Counter(r["group_name"] or r["service_code"] or "其他" for r in rows)
    by_community = Counter(_community(r) for r in rows)
    in_period = {r["service_request_id"] for r in rows}
    petitions = petitions_of(rows + earlier)
    communities = sorted({p.community for p in petitions})
    topics = [t for t in find_topics(petitions, shipped_neighbours(), place_names=communities)
              if any(p.key in in_period for p in t.petitions)]
    overdue = []
    for r in store._rows(
        "SELECT service_request_id, tracking_code, service_name, group_name, department, attributes, close_by "
        "FROM requests WHERE street = :street AND status NOT IN ('closed', 'voided') AND close_by <> ''",
        {"street": street_id},
    ):
        close_by = _moment(r["close_by"])
        if close_by is not None and close_by < now:
            overdue.append(Overdue(r["tracking_code"] or "", r["service_request_id"],
                                   f"{r['group_name'] or ''}/{r['service_name'] or ''}", _community(r),
                                   r["department"] or "", close_by, (now - close_by).days))
    overdue.sort(key=lambda o: (o.close_by, o.request_id))
    visits, ratings = _loop_figures(store, rows)
    history, back = [(period.label, len(rows))], period
    for _ in range(HISTORY - 1):
        back = back.previous()
        history.append((back.label, len(rows_between(store, street_id, back.start, back.end))))
    return Bulletin(
        street=street["name"] if street else "",
        period=period,
        figures=_figures(store, rows, now),
        previous=_figures(store, rows_between(store, street_id, previous.start, previous.end), now),
        by_type=tuple(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_community=tuple(sorted(by_community.items(), key=lambda kv: (-kv[1], kv[0]))),
        topics=tuple(topics),
        overdue=tuple(overdue),
        history=tuple(reversed(history)),
        visits=visits,
        ratings=ratings,
        made_at=now,
    )


def change(now: float | None, before: float | None, as_points: bool = True) -> str:
    """The trend in words (the bundled font has no arrows): 提高 3.20 个百分点 / 减少 12 / 持平 / —."""
    if now is None or before is None:
        return "—"
    delta = (now - before) * (100 if as_points else 1)
    if abs(delta) < (0.005 if as_points else 0.5):
        return "持平"
    if as_points:
        return f"{'提高' if delta > 0 else '下降'} {abs(delta):.2f} 个百分点"
    return f"{'增加' if delta > 0 else '减少'} {abs(delta):.0f}"
