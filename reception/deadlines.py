"""Due times and the traffic light (办结绿 / 预警黄 / 警报红)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from reception.form_definition import Complexity, DeadlinePolicy, Urgency
from reception.local_text import LocalText
from reception.messages import t


@dataclass(frozen=True)
class DueTimes:
    accept_by: datetime
    close_by: datetime


def due_times(
    created_at: datetime, urgency: Urgency, complexity: Complexity, policy: DeadlinePolicy
) -> DueTimes:
    limit = policy.closure[urgency]
    accept_hours = policy.accept_hours if limit.accept_hours is None else limit.accept_hours
    close_hours = limit.simple_hours if complexity is Complexity.SIMPLE else limit.complex_hours
    return DueTimes(
        accept_by=created_at + timedelta(hours=accept_hours),
        close_by=created_at + timedelta(hours=close_hours),
    )


class Light(str, Enum):
    GREEN = "办结绿"
    NONE = "办理中"
    YELLOW = "预警黄"
    RED = "警报红"
    VOID = "已作废"


def traffic_light(
    *,
    created_at: datetime,
    close_by: datetime,
    closed: bool,
    voided: bool,
    now: datetime,
    warn_fraction: float,
) -> Light:
    if voided:
        return Light.VOID
    if closed:
        return Light.GREEN
    if now >= close_by:
        return Light.RED
    window = close_by - created_at
    if close_by - now <= window * warn_fraction:
        return Light.YELLOW
    return Light.NONE


def plain_words(close_by: datetime, created_at: datetime) -> LocalText:
    """The time limit as an elderly resident would say it: 24小时内 / 3天内 / 立即办理 (and in
    繁體中文 and English: "within 3 days")."""
    hours = (close_by - created_at).total_seconds() / 3600
    if hours <= 2:
        return t("立即办理")
    if hours == 24:
        return t("1天内")
    if hours % 24 == 0:
        return t("{n}天内").fill(n=int(hours // 24))
    return t("{n}小时内").fill(n=int(round(hours)))
