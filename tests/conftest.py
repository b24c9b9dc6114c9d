"""Fixtures shared by the domain, forms and command-line tests.

Kept free of Qt: the domain's tests run from here in a virtual environment without PySide6
(``make test-domain``). Every desk runs on a real SQLite file in a temporary directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from forms import load_form
from reception.desk import ReceptionDesk
from reception.form_definition import FormDefinition
from reception.storage import open_database

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


@pytest.fixture(scope="session")
def form() -> FormDefinition:
    return load_form(None).form


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "desk.db"


@pytest.fixture
def desk(db_path: Path, form: FormDefinition, clock: SteppingClock) -> Iterator[ReceptionDesk]:
    db = open_database(db_path)
    try:
        yield ReceptionDesk(db, form, now=clock.now)
    finally:
        db.conn.close()


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


@pytest.fixture
def make_case():
    return valid_case


@pytest.fixture
def open_session(desk: ReceptionDesk):
    return desk.open_session(
        date="2026-11-25",
        venue="新安广场",
        community="安乐社区",
        team=[{"name": "陈书记", "role": "社区党委书记"}, {"name": "李明", "role": "志愿者"}],
    )
