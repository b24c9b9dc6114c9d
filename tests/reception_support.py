"""Helpers the domain, forms and command-line tests import (Qt-free, like tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

START = datetime(2026, 11, 25, 11, 30, tzinfo=timezone.utc)  # 19:30 in Shenzhen, a Wednesday


class SteppingClock:
    """A clock the test moves by hand, so deadlines and lights are checked at exact instants."""

    def __init__(self, start: datetime = START) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


def valid_case(**changes: Any) -> dict[str, Any]:
    """A petition a volunteer might type at the stall; keyword arguments replace fields."""
    raw: dict[str, Any] = {
        "category": "ENV03",
        "description": "楼道里蟑螂很多，晚上到处爬，希望安排消杀",
        "anonymous": False,
        "resident_name": "王阿姨",
        "phone": "13812345678",
        "community": "安乐社区",
        "address": "安乐村12栋",
        "urgency": "一般",
        "outcome": "转平台办理",
        "outcome_note": "",
        "receptionist": "志愿者 李明",
        "photos": [],
    }
    raw.update(changes)
    return raw
