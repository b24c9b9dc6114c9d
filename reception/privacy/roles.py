"""Volunteers and the team leader.

Volunteers record cases and print slips. The team leader, with a PIN, syncs, voids, exports,
changes settings and reads the audit log. The PIN is stored as a salted scrypt hash inside the
encrypted database (settings ``leader_pin``), so it is as safe as the cases are.

Every wrong PIN goes into the audit log; after ``MAX_FAILURES`` in a row the PIN is refused until
the desk is unlocked again with the street's passphrase, so a PIN cannot be guessed at the stall.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database

from reception import clock
from reception.errors import DeskError, FieldError, ValidationFailed
from reception.privacy import audit
from reception.storage import repository as repo

PIN_SETTING = "leader_pin"
FAILURES_SETTING = "leader_pin_failures"
MAX_FAILURES = 5
PIN_COST = {"n": 2**14, "r": 8, "p": 1}
VOLUNTEER, LEADER = "volunteer", "leader"

# What only the team leader may do, in the words a refusal uses.
LEADER_ACTIONS = {
    "sync": "同步",
    "void": "作废诉求",
    "export": "导出",
    "settings": "修改设置",
    "audit": "查看操作日志",
    "purge": "清除到期个人信息",
    "device": "设置本机编号",
    "passphrase": "更换口令",
}


class LeaderRequired(DeskError):
    """A volunteer tried a team leader's action."""


class WrongPin(DeskError):
    """The team leader's PIN did not match (the message says how many tries are left)."""


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValidationFailed([FieldError("pin", "队长 PIN", "应为 4–12 位数字")])


def pin_is_set(db: Database) -> bool:
    return repo.get_setting(db, PIN_SETTING) is not None


def _hash(pin: str, salt: bytes, cost: dict) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=cost["n"], r=cost["r"], p=cost["p"],
                          maxmem=64 * 1024 * 1024, dklen=32)


def _matches(stored: dict, pin: str) -> bool:
    if not (pin.isascii() and pin.isdigit()):
        return False
    salt = base64.b64decode(stored["salt"])
    cost = {k: int(stored[k]) for k in ("n", "r", "p")}
    return hmac.compare_digest(_hash(pin, salt, cost), base64.b64decode(stored["hash"]))


class Access:
    """The role at the keyboard of one desk, and the PIN checks that change it."""

    def __init__(self, desk, now: Callable[[], datetime] = clock.now) -> None:
        self.desk = desk
        self.now = now

    @property
    def db(self) -> Database:
        return self.desk.db

    @property
    def role(self) -> str:
        return self.desk.role

    @property
    def is_leader(self) -> bool:
        return self.desk.role == LEADER

    def set_pin(self, new_pin: str, current_pin: str | None = None) -> None:
        """The first PIN may be set by whoever unlocked the desk; changing it needs the old one."""
        check_pin_format(new_pin)
        if pin_is_set(self.db):
            self.become_leader(current_pin or "")
        salt = secrets.token_bytes(16)
        record = {**PIN_COST, "salt": base64.b64encode(salt).decode(), "hash": base64.b64encode(_hash(new_pin, salt, PIN_COST)).decode()}
        with self.db.atomic():
            repo.set_setting(self.db, PIN_SETTING, record)
            repo.set_setting(self.db, FAILURES_SETTING, 0)
            audit.append(self.db, "pin_set", audit.Actor(self.role), at=self.now())

    def become_leader(self, pin: str) -> None:
        """Check the PIN; on success the desk acts as the team leader until ``drop_to_volunteer``."""
        stored = repo.get_setting(self.db, PIN_SETTING)
        if stored is None:
            raise WrongPin("还没有设置队长 PIN：请队长先设置（命令行：xinan-desk pin --set）")
        failures = int(repo.get_setting(self.db, FAILURES_SETTING) or 0)
        if failures >= MAX_FAILURES:
            raise WrongPin(f"队长 PIN 已连续输错 {failures} 次：请用街道口令重新解锁接访台后再试")
        if not _matches(stored, pin):
            with self.db.atomic():
                repo.set_setting(self.db, FAILURES_SETTING, failures + 1)
                audit.append(self.db, "pin_failed", audit.Actor(self.role), detail=f"连续第 {failures + 1} 次", at=self.now())
            left = MAX_FAILURES - failures - 1
            raise WrongPin(f"队长 PIN 不对（还可再试 {left} 次）" if left else "队长 PIN 不对：已锁定，请用街道口令重新解锁")
        with self.db.atomic():
            repo.set_setting(self.db, FAILURES_SETTING, 0)
            audit.append(self.db, "leader", audit.Actor(LEADER), at=self.now())
        self.desk.role = LEADER

    def drop_to_volunteer(self) -> None:
        self.desk.role = VOLUNTEER

    def reset_failures(self) -> None:
        """After the street's passphrase unlocked the desk again."""
        with self.db.atomic():
            repo.set_setting(self.db, FAILURES_SETTING, 0)

    def require_leader(self, action: str) -> None:
        if not self.is_leader:
            words = LEADER_ACTIONS.get(action, action)
            raise LeaderRequired(f"「{words}」只有队长可以操作：请队长输入 PIN")
