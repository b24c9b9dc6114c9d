"""Fixtures shared by the domain, forms and command-line tests.

Kept free of Qt: the domain's tests run from here in a virtual environment without PySide6
(``make test-domain``). Every desk runs on a real SQLite file in a temporary directory.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from forms import load_form
from reception.desk import ReceptionDesk
from reception.form_definition import FormDefinition
from reception.storage import open_database
from reception_support import SteppingClock, valid_case


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
    # Encrypted, as on a laptop: the domain's tests all run on SQLCipher files.
    db = open_database(db_path, secrets.token_bytes(32))
    try:
        yield ReceptionDesk(db, form, now=clock.now)
    finally:
        db.conn.close()


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
