"""Whether this laptop has been set up (the first-run wizard), and the community it serves.

Recorded in the settings table when the setup wizard finishes, so that the wizard opens once per
laptop: on the first start, and again only if it was left before the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import datetime


from reception import clock
from reception.storage import repository as repo
from reception.storage.writing import writing

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

_DONE = "setup.completed_at"
_COMMUNITY = "setup.community"


def is_done(db: Database) -> bool:
    return repo.get_setting(db, _DONE) is not None


def community(db: Database) -> str:
    """The community this laptop's stall usually serves ('' when not chosen)."""
    return repo.get_setting(db, _COMMUNITY) or ""


def save_community(db: Database, name: str) -> None:
    with writing(db):
        repo.set_setting(db, _COMMUNITY, name.strip())


def record_done(db: Database, at: datetime | None = None) -> None:
    with writing(db):
        repo.set_setting(db, _DONE, clock.to_text(at or clock.now()))
