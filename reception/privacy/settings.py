"""The street's privacy settings: idle lock, retention, how long leader mode lasts. Stored in the
encrypted database and sealed with the leader key (reception/privacy/roles.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass


from reception.errors import FieldError, ValidationFailed
from reception.storage import repository as repo
from reception.storage.writing import writing

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

_PREFIX = "privacy."
LABELS = {
    "idle_lock_minutes": "闲置锁屏（分钟）",
    "retention_days": "办结后保留个人信息（天）",
    "leader_minutes": "队长模式自动结束（分钟）",
}
LIMITS = {"idle_lock_minutes": (1, 60), "retention_days": (0, 3650), "leader_minutes": (1, 30)}


@dataclass(frozen=True)
class PrivacySettings:
    idle_lock_minutes: int = 5
    # 办结后 90 天：long enough for the street's return visit (随机回访) and a complaint about it.
    retention_days: int = 90
    # Leader mode ends by itself this long after the PIN (and when the action is done, and at
    # the idle lock): a leader called away mid-night does not leave the laptop in leader mode.
    leader_minutes: int = 2


def load(db: Database) -> PrivacySettings:
    values = {}
    for name in LABELS:
        stored = repo.get_setting(db, _PREFIX + name)
        if stored is not None:
            values[name] = int(stored)
    return PrivacySettings(**values)


def parse(name: str, text: str) -> int:
    if name not in LABELS:
        raise ValidationFailed([FieldError(name, name, "不是可设置的项目：可以设置 " + "、".join(LABELS))])
    low, high = LIMITS[name]
    try:
        value = int(text.strip())
    except ValueError:
        raise ValidationFailed([FieldError(name, LABELS[name], "应为整数")]) from None
    if not low <= value <= high:
        raise ValidationFailed([FieldError(name, LABELS[name], f"应在 {low} 到 {high} 之间")])
    return value


def save(db: Database, changes: dict[str, str]) -> None:
    """All or nothing, like the street settings."""
    parsed, errors = {}, []
    for name, text in changes.items():
        try:
            parsed[name] = parse(name, text)
        except ValidationFailed as failure:
            errors.extend(failure.errors)
    if errors:
        raise ValidationFailed(errors)
    with writing(db):
        for name, value in parsed.items():
            repo.set_setting(db, _PREFIX + name, value)
