"""The staff loop and the resident's verdict, as a state machine with nothing else in it.

受理 (accept) within the accept limit → 分拨 (dispatch) to a department → 办理 (progress) → 办结
(close, with the result) → the resident's verdict, on the tracking page, at the stall or in a
回访 call. 满意 / 基本满意 end the loop for that closing; 不满意 reopens the case to its
department with a fresh time limit; a second 不满意 escalates it to the street's leaders.

Rules (the property tests in tests/sync/test_platform_loop_properties.py try to break them):
a verdict only after a closing and at most one per closing; only a 不满意 reopens; nothing moves
a voided case; a case is dispatched before it is closed. Storage is sync/platform/loop_store.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from reception.deadlines import Light, traffic_light

RATINGS = ("满意", "基本满意", "不满意")
SATISFIED = ("满意", "基本满意")
UNSATISFIED = "不满意"
# Where the department works on a case: it may be dispatched (again), progressed or closed.
WORKING = frozenset({"dispatched", "in_progress", "reopened", "escalated"})
ACTIONS = ("accept", "dispatch", "progress", "close", "rate", "visit", "void")


class LoopRefused(Exception):
    """This action is not possible in the case's present state; the message says why and what to do."""


@dataclass(frozen=True)
class LoopState:
    status: str = "open"
    closings: int = 0  # how many times the case has been closed
    rated_closing: int = 0  # the closing that got the last verdict (0: none yet)
    unsatisfied: int = 0  # how many 不满意
    visits: int = 0
    department: str = ""

    @property
    def escalated(self) -> bool:
        return self.unsatisfied >= 2

    @property
    def awaiting_verdict(self) -> bool:
        return self.status == "closed" and self.rated_closing < self.closings


def initial(status: str, department: str = "") -> LoopState:
    """A request as it arrives: open, or already closed at the stall (当场解决 / 解释说明)."""
    return LoopState(status="closed", closings=1, department=department) if status == "closed" \
        else LoopState(status=status or "open", department=department)


def step(state: LoopState, action: str, *, department: str = "", rating: str = "",
         reached: bool = True) -> LoopState:
    """The state after ``action``, or LoopRefused. ``rating`` for rate and a visit's verdict."""
    if action not in ACTIONS:
        raise LoopRefused(f"没有这个操作：{action}（可用：{'、'.join(ACTIONS)}）")
    if state.status == "voided":
        raise LoopRefused("该诉求已作废，不能再办理或评价")
    if action == "void":
        return replace(state, status="voided")
    if action == "accept":
        if state.status != "open":
            raise LoopRefused("该诉求已受理过")
        return replace(state, status="accepted")
    if action == "dispatch":
        if not department:
            raise LoopRefused("分拨时必须指定承办部门")
        if state.status == "open":
            raise LoopRefused("请先受理，再分拨到部门")
        if state.status == "closed":
            raise LoopRefused("该诉求已办结；居民不满意时会自动退回承办部门")
        return replace(state, status="dispatched", department=department)
    if action == "progress":
        if state.status not in WORKING:
            raise LoopRefused(_not_working(state))
        return replace(state, status="in_progress")
    if action == "close":
        if state.status not in WORKING:
            raise LoopRefused(_not_working(state))
        return replace(state, status="closed", closings=state.closings + 1)
    if action == "visit":
        if state.closings == 0:
            raise LoopRefused("回访在办结之后：该诉求还没有办结过")
        visited = replace(state, visits=state.visits + 1)
        if not rating:
            return visited
        if not reached:
            raise LoopRefused("未接通的回访不能记录评价")
        return _rated(visited, rating)
    return _rated(state, rating)  # rate


def _rated(state: LoopState, rating: str) -> LoopState:
    if rating not in RATINGS:
        raise LoopRefused(f"评价只能是 {' / '.join(RATINGS)}")
    if state.status != "closed":
        raise LoopRefused("办结之后才能评价：该诉求正在办理中")
    if state.rated_closing >= state.closings:
        raise LoopRefused("这次办结已经评价过了；如再次办结，可再评价")
    rated = replace(state, rated_closing=state.closings)
    if rating != UNSATISFIED:
        return rated
    unsatisfied = state.unsatisfied + 1
    return replace(rated, unsatisfied=unsatisfied, status="reopened" if unsatisfied == 1 else "escalated")


def _not_working(state: LoopState) -> str:
    if state.status == "open":
        return "请先受理并分拨到部门"
    if state.status == "accepted":
        return "请先分拨到承办部门"
    if state.status == "closed":
        return "该诉求已办结"
    return f"该诉求目前的状态（{state.status}）不能这样办理"


# --- time limits and lights ---------------------------------------------------------------------

LIGHT_ORDER = {Light.RED: 0, Light.YELLOW: 1, Light.NONE: 2, Light.GREEN: 3, Light.VOID: 4}


def light(*, status: str, now: datetime, started: datetime, accept_by: datetime | None, due: datetime,
          warn_fraction: float) -> Light:
    """办结绿 closed, 警报红 past the accept limit unaccepted or past due, 预警黄 close to due."""
    if status == "voided":
        return Light.VOID
    if status == "closed":
        return Light.GREEN
    if status == "open" and accept_by is not None and now >= accept_by:
        return Light.RED
    return traffic_light(created_at=started, close_by=due, closed=False, voided=False, now=now,
                         warn_fraction=warn_fraction)


def reopened_due(reopened_at: datetime, started: datetime, due: datetime) -> datetime:
    """A reopened case gets the same time again, counted from the 不满意."""
    return reopened_at + max(due - started, timedelta(hours=1))
