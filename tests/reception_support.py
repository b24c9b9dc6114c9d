"""Helpers the domain, forms and command-line tests import (Qt-free, like tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from reception.privacy.keyfile import KdfCost

# A tracking page's address as a street's platform tells it at enrolment (the slips' QR codes
# point under it); tests that print slips set it, as a laptop that has enrolled has it.
TRACKING_BASE = "https://xinan.baoan.gov.cn/t/"

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
        "consent": True,
    }
    raw.update(changes)
    return raw


# --- privacy: the street's passphrase and the team leader's PIN in tests --------------------------

TEST_PASSPHRASE = "夜话测试口令 2026"
TEST_PIN = "246810"
# Cheap scrypt for the hundreds of unlocks the suite performs. The cost is stored in the keyfile,
# so a data directory prepared with it unlocks cheaply; directories the desk creates itself get
# the real cost (tests/privacy checks that).
TEST_KDF_COST = KdfCost(n=2**10, r=8, p=1)


def prepare_data_dir(data_dir) -> bytes:
    """Set the test passphrase on a data directory (as the first night would); returns the key."""
    from reception.privacy import keyfile

    if keyfile.exists(data_dir):
        return keyfile.unlock(data_dir, TEST_PASSPHRASE)
    return keyfile.create(data_dir, TEST_PASSPHRASE, TEST_KDF_COST)


def set_tracking_base(db, base: str = TRACKING_BASE) -> None:
    """The street settings as after enrolment: the tracking page's address is known."""
    from reception import street_settings

    street_settings.save(db, {"base_url": base})


def open_test_database(data_dir):
    """A second, independent connection to a desk's encrypted database, as another program would."""
    from reception.paths import database_path
    from reception.storage import open_database

    return open_database(database_path(data_dir), prepare_data_dir(data_dir))


def rewrite_audit_log_without(db, actions: set[str]) -> None:
    """What someone with the passphrase can do to the audit log: drop the entries of ``actions``,
    renumber and rehash the rest, write a new head, and drop the local record of the anchor."""
    from reception.privacy import audit
    from reception.storage import repository as repo

    kept = [e for e in audit.entries(db) if e["action"] not in actions]
    previous = audit.GENESIS
    with db.atomic():
        db.execute("DELETE FROM audit_log")
        for number, entry in enumerate(kept, start=1):
            entry = {**entry, "id": number, "prev_hash": previous}
            entry["hash"] = audit.entry_hash(entry)
            repo.insert_audit_entry(db, entry)
            previous = entry["hash"]
        repo.set_setting(db, audit.HEAD_SETTING, {"id": len(kept), "hash": previous})
        repo.delete_setting(db, audit.ANCHOR_SETTING)
