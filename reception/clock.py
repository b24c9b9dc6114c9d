"""Time as the street keeps it.

Timestamps are stored as ISO 8601 in UTC; people see China Standard Time, which has no daylight
saving, so a fixed offset is exact and needs no time-zone database on a Windows laptop.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

STREET_TZ = timezone(timedelta(hours=8), "CST")


def now() -> datetime:
    return datetime.now(timezone.utc)


def to_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local(moment: datetime) -> datetime:
    return moment.astimezone(STREET_TZ)


def local_text(moment: datetime, with_date: bool = True) -> str:
    moment = local(moment)
    return moment.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")
