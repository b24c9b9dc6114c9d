"""The audit log: who touched what, when, in a hash chain sealed by the team leader's key and
anchored outside the laptop.

Every entry stores the SHA-256 of the previous entry's canonical form and its own; the chain's
head (last id and hash) is kept in the settings table in the same transaction. Editing an entry
breaks its own hash, removing one from the middle breaks the next entry's link (and leaves a gap
in the ids), removing the last one no longer matches the head. ``verify`` says which entry.

A hash chain alone holds only against someone who cannot recompute it, and everyone with the
street's passphrase can: delete entries, renumber, rehash, write a new head. Two things hold
against them:

- **Seals.** Each time leader mode ends, a ``seal`` entry carries an HMAC of the chain's head under
  a key derived from the leader key (reception/privacy/roles.py), which only the PIN unwraps. A
  log rewritten before a seal no longer matches it; one cannot write a new seal without the PIN.
- **Anchors.** The head (id and hash) leaves the laptop: with every sync to the platform, which
  keeps each laptop's heads and refuses a chain that rewrites entries it has seen; on the night's
  closing summary, on paper; and in the sync export for a third-party server. The last anchored
  head is also kept here, and ``verify`` checks the chain still passes through it.

Entries are written inside the caller's transaction, so a case is never recorded without its
entry, nor an entry left for a case that was rolled back.

What an entry may hold: the action, the role, the receptionist's name or job number as typed
(the volunteer's, not a resident's), the laptop's prefix, a tracking code and a detail made of
field names and counts. Never a resident's name, phone, address, ID number or words.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TYPE_CHECKING


from reception import clock
from reception.storage import repository as repo

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

GENESIS = "0" * 64
HEAD_SETTING = "audit_head"
ANCHOR_SETTING = "audit_anchor"  # the last head that left the laptop: {"id", "hash", "at", "where"}
SEALS_SETTING = "audit_sealed"  # id of the last seal entry (a hint; verify reads the seals themselves)
_SEAL_DETAIL = re.compile(r"队长密钥 (?P<fingerprint>[0-9a-f]{32}) 封存码 (?P<mac>[0-9a-f]{64})$")

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
    "seal": "队长封存日志",
    "tampered": "发现未经队长的改动",
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
    """Add one entry. Call inside a write transaction (``writing(db)``)."""
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


def _seal_mac(audit_key: bytes, entry_id: int, prev_hash: str, fingerprint: str) -> str:
    message = f"{entry_id}|{prev_hash}|{fingerprint}".encode()
    return hmac.new(audit_key, message, hashlib.sha256).hexdigest()


def seal(db: Database, audit_key: bytes, fingerprint: str, reason: str = "", *, at: datetime | None = None) -> dict[str, Any]:
    """Append a seal: an HMAC, under the leader's audit key, of everything logged before it.

    Call inside a write transaction, with the leader key in memory (leader mode)."""
    last = repo.last_audit_entry(db)
    entry_id = (last["id"] + 1) if last else 1
    prev_hash = last["hash"] if last else GENESIS
    mac = _seal_mac(audit_key, entry_id, prev_hash, fingerprint)
    entry = append(db, "seal", Actor("leader"), detail=f"{reason or '队长模式结束'}；队长密钥 {fingerprint} 封存码 {mac}", at=at)
    repo.set_setting(db, SEALS_SETTING, entry["id"])
    return entry


def has_seals(db: Database) -> bool:
    return repo.get_setting(db, SEALS_SETTING) is not None


def head(db: Database) -> dict[str, Any]:
    """The chain's head as it leaves the laptop: id, hash, and the last seal's id."""
    last = repo.last_audit_entry(db)
    return {"id": last["id"] if last else 0, "hash": last["hash"] if last else GENESIS,
            "sealed": int(repo.get_setting(db, SEALS_SETTING) or 0)}


def head_text(db: Database) -> str:
    """One line for paper (the closing summary, the export): enough to check the chain against."""
    now = head(db)
    return f"操作日志链头：第 {now['id']} 条 {now['hash'][:16]}"


def record_anchor(db: Database, anchored: dict[str, Any], where: str, *, at: datetime | None = None) -> None:
    """Remember a head that left the laptop (``where``: 平台, 夜话小结, 同步导出)."""
    repo.set_setting(db, ANCHOR_SETTING, {"id": int(anchored["id"]), "hash": anchored["hash"],
                                          "at": clock.to_text(at or clock.now()), "where": where})


def last_anchor(db: Database) -> dict[str, Any] | None:
    return repo.get_setting(db, ANCHOR_SETTING)


def entries_since(db: Database, entry_id: int) -> list[dict[str, Any]]:
    """The entries after ``entry_id``, as the platform needs them to check the chain continues."""
    return repo.audit_entries_after(db, entry_id)


def chain_continues(known: dict[str, Any], later: list[dict[str, Any]]) -> str | None:
    """Whether ``later`` entries continue a chain whose head was ``known`` ({"id", "hash"}).

    None when they do (each entry's hash is right and links to the one before, from the known
    head on); otherwise why not, in words. Used by the platform, which keeps heads only.
    """
    previous_id, previous_hash = int(known["id"]), known["hash"]
    for entry in later:
        if entry.get("id") != previous_id + 1:
            return f"第 {previous_id + 1} 条缺失或编号不连续"
        if entry.get("prev_hash") != previous_hash:
            return f"第 {entry['id']} 条与平台已见过的第 {previous_id} 条接不上：此前的日志被改写"
        if entry_hash(entry) != entry.get("hash"):
            return f"第 {entry['id']} 条内容与其哈希不符"
        previous_id, previous_hash = entry["id"], entry["hash"]
    return None


def entries(db: Database, limit: int | None = None) -> list[dict[str, Any]]:
    return repo.list_audit_entries(db, limit)


@dataclass(frozen=True)
class Verdict:
    """What ``verify`` found, and what it could check at all."""

    problems: list[Problem]
    count: int
    seals_checked: int  # seals whose MAC was checked with the leader key (0 without it)
    last_seal: int | None  # id of the last seal entry
    anchor: dict[str, Any] | None  # the last head that left the laptop, if any

    @property
    def whole(self) -> bool:
        return not self.problems


def verify(db: Database, audit_key: bytes | None = None, fingerprint: str | None = None) -> list[Problem]:
    """Every break in the chain, oldest first; an empty list means the log is whole."""
    return check(db, audit_key, fingerprint).problems


def check(db: Database, audit_key: bytes | None = None, fingerprint: str | None = None) -> Verdict:
    """The chain, its seals (with the leader's audit key) and its last anchored head."""
    problems: list[Problem] = []
    seals_checked, last_seal, count = 0, None, 0
    anchor = last_anchor(db)
    anchor_seen = False
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
        if entry["action"] == "seal":
            last_seal = entry["id"]
            found = _SEAL_DETAIL.search(entry["detail"] or "")
            if found is None:
                problems.append(Problem(entry["id"], "封存记录残缺"))
            elif audit_key is not None:
                seals_checked += 1
                wanted = _seal_mac(audit_key, entry["id"], entry["prev_hash"], found["fingerprint"])
                if found["fingerprint"] != fingerprint or not hmac.compare_digest(wanted, found["mac"]):
                    problems.append(Problem(entry["id"], "队长封存不符：此前的日志被改写，或队长密钥被换过"))
        if anchor is not None and entry["id"] == anchor.get("id"):
            anchor_seen = True
            if entry["hash"] != anchor.get("hash"):
                problems.append(Problem(entry["id"], f"与{anchor.get('where', '')}存证的链头不符：此前的日志被改写"))
        count += 1
        previous_hash = entry["hash"]
        expected_id = entry["id"] + 1
        last = entry
    stored = repo.get_setting(db, HEAD_SETTING)
    if stored is not None and (last is None or stored.get("id") != last["id"] or stored.get("hash") != last["hash"]):
        problems.append(Problem(None, "最后的若干条被删除（与记录的链头不符）"))
    if stored is None and last is not None:
        problems.append(Problem(None, "链头记录缺失"))
    if anchor is not None and not anchor_seen:
        problems.append(Problem(anchor.get("id"), f"{anchor.get('where', '')}存证的第 {anchor.get('id')} 条已不在日志里：日志被截短"))
    return Verdict(problems, count, seals_checked, last_seal, anchor)


def verdict_lines(verdict: Verdict, db: Database) -> list[str]:
    """What the check proves and what it cannot, in plain words (the CLI and the desk say these)."""
    lines = []
    if verdict.whole:
        lines.append(f"操作日志完整：共 {verdict.count} 条，哈希链无断裂。")
    else:
        lines.append(f"操作日志有 {len(verdict.problems)} 处被改动或删除（见上）。")
    if verdict.last_seal is None:
        lines.append("队长封存：还没有。哈希链本身只能发现粗心的改动：知道口令的人可以重算整条链。")
        sealed_to = 0
    else:
        sealed = repo.audit_entry(db, verdict.last_seal)
        when = clock.local_text(clock.from_text(sealed["at"])) if sealed else "?"
        lines.append(
            f"队长封存：用队长密钥核对了 {verdict.seals_checked} 个封存，最后一个是第 {verdict.last_seal} 条（{when}）："
            "到这一条为止的记录与队长当时封存的一致，不知道 PIN 的人无法伪造封存。"
        )
        sealed_to = verdict.last_seal
    anchor = verdict.anchor
    if anchor is None:
        lines.append("存证：链头还没有离开过这台笔记本（同步到平台或打印夜话小结后才有）。")
        anchored_to = 0
    else:
        when = clock.local_text(clock.from_text(anchor["at"]))
        lines.append(f"存证：最后一次存证的链头是第 {anchor['id']} 条（{anchor.get('where', '')}，{when}），日志仍经过它。")
        anchored_to = int(anchor["id"])
    covered = max(sealed_to, anchored_to)
    if covered < verdict.count:
        lines.append(
            f"不能证明：第 {covered + 1} 条起的 {verdict.count - covered} 条只有哈希链保护，知道口令的人可以删改而不留痕迹；"
            "下次同步时平台会核对，拒绝改写它已见过的记录。"
        )
    lines.append("也不能证明：封存之前的记录确实发生过（只证明没有被改）；本机存证记录本身也可能被改，以平台和纸面上的链头为准。")
    return lines


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


