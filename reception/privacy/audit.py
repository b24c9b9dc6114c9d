"""The audit log: who touched what, when, in a hash chain.

Every entry stores the SHA-256 of the previous entry's canonical form and its own; the chain's
head (last id and hash) is kept in the settings table in the same transaction. Editing an entry
breaks its own hash, removing one from the middle breaks the next entry's link (and leaves a gap
in the ids), removing the last one no longer matches the head. ``verify`` says which entry.

Entries are written inside the caller's transaction, so a case is never recorded without its
entry, nor an entry left for a case that was rolled back.

What an entry may hold: the action, the role, the receptionist's name or job number as typed
(the volunteer's, not a resident's), the laptop's prefix, a tracking code and a detail made of
field names and counts. Never a resident's name, phone, address, ID number or words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from reception import clock
from reception.storage import repository as repo

GENESIS = "0" * 64
HEAD_SETTING = "audit_head"

ACTIONS = {
    "create": "登记",
    "edit": "修改",
    "amend": "补充更正",
    "rate": "记录居民评价",
    "void": "作废",
    "print": "打印凭条",
    "sync": "同步",
    "export": "导出",
    "purge": "到期清除个人信息",
    "unlock": "解锁",
    "unlock_failed": "解锁失败（口令不对）",
    "pin_failed": "队长 PIN 不对",
    "leader": "队长身份确认",
    "settings": "修改设置",
    "pin_set": "设置队长 PIN",
    "passphrase": "更换口令",
    "idle_lock": "闲置锁屏",
}
ROLE_WORDS = {"volunteer": "志愿者", "leader": "队长", "system": "系统"}


@dataclass(frozen=True)
class Actor:
    """Who is at the keyboard: a role, and (when known) the name or number they typed."""

    role: str = "volunteer"
    name: str = ""


@dataclass(frozen=True)
class Problem:
    entry_id: int | None
    message: str

    def __str__(self) -> str:
        where = f"第 {self.entry_id} 条" if self.entry_id is not None else "日志末尾"
        return f"{where}：{self.message}"


def canonical(entry: dict[str, Any]) -> bytes:
    """The bytes an entry's hash covers: every field but the hash itself, in a fixed order."""
    fields = {k: entry[k] for k in ("id", "at", "action", "role", "actor", "device", "case_code", "detail", "prev_hash")}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def append(
    db: Database,
    action: str,
    actor: Actor,
    *,
    case_code: str = "",
    detail: str = "",
    at: datetime | str | None = None,
) -> dict[str, Any]:
    """Add one entry. Call inside a write transaction (``db.atomic()``)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    last = repo.last_audit_entry(db)
    device = repo.get_device(db)
    when = at if isinstance(at, str) else clock.to_text(at or clock.now())
    entry = {
        "id": (last["id"] + 1) if last else 1,
        "at": when,
        "action": action,
        "role": actor.role,
        "actor": actor.name[:40],
        "device": device["prefix"] if device else "",
        "case_code": case_code,
        "detail": detail[:300],
        "prev_hash": last["hash"] if last else GENESIS,
    }
    entry["hash"] = entry_hash(entry)
    repo.insert_audit_entry(db, entry)
    repo.set_setting(db, HEAD_SETTING, {"id": entry["id"], "hash": entry["hash"]})
    return entry


def entries(db: Database, limit: int | None = None) -> list[dict[str, Any]]:
    return repo.list_audit_entries(db, limit)


def verify(db: Database) -> list[Problem]:
    """Every break in the chain, oldest first; an empty list means the log is whole."""
    problems: list[Problem] = []
    previous_hash = GENESIS
    expected_id = 1
    last: dict[str, Any] | None = None
    for entry in repo.list_audit_entries(db):
        if entry["id"] != expected_id:
            problems.append(Problem(entry["id"], f"前面少了 {entry['id'] - expected_id} 条（第 {expected_id} 条起被删除）"))
        if entry["prev_hash"] != previous_hash:
            problems.append(Problem(entry["id"], "与前一条的链接对不上：前一条被修改或删除"))
        if entry_hash(entry) != entry["hash"]:
            problems.append(Problem(entry["id"], "内容被修改过（哈希不符）"))
        previous_hash = entry["hash"]
        expected_id = entry["id"] + 1
        last = entry
    head = repo.get_setting(db, HEAD_SETTING)
    if head is not None and (last is None or head.get("id") != last["id"] or head.get("hash") != last["hash"]):
        problems.append(Problem(None, "最后的若干条被删除（与记录的链头不符）"))
    if head is None and last is not None:
        problems.append(Problem(None, "链头记录缺失"))
    return problems


def describe(entry: dict[str, Any]) -> str:
    """One line for a person: 时间 角色 姓名 动作 查询码 说明."""
    parts = [
        clock.local_text(clock.from_text(entry["at"])),
        ROLE_WORDS.get(entry["role"], entry["role"]),
        entry["actor"] or "-",
        ACTIONS.get(entry["action"], entry["action"]),
        entry["case_code"] or "",
        entry["detail"] or "",
    ]
    return "  ".join(p for p in parts if p)


