"""The audit log's head leaves the laptop with every sync (issue 12).

Someone with the street's passphrase can rewrite the whole log on the laptop and recompute its
hash chain. What they cannot do is change what already left it: at each sync the head (last
entry's id and hash) goes to the platform with the entries logged since the head the platform saw
last. The platform checks they continue its chain (each links to the one before, from the head it
holds) and that the leader key's fingerprint in their seals has not changed, keeps the new head,
and refuses loudly a chain that rewrites or drops entries it has seen.

The reference platform offers ``xinan/audit_head.json`` (our extension); a third-party Open311 server does not (404),
and then the head is kept on paper (the night's report) instead, and the sync says so.
"""

from __future__ import annotations

import re

from reception.privacy import audit
from sync.client import Open311Client, Rejected, SyncError

PATH = "xinan/audit_head.json"
_FINGERPRINT = re.compile(r"队长密钥 ([0-9a-f]{32}) ")


def leader_fingerprint(entries: list[dict]) -> str:
    """The leader key's fingerprint named by the last seal among ``entries`` ('' when none)."""
    for entry in reversed(entries):
        found = entry["action"] == "seal" and _FINGERPRINT.search(entry["detail"] or "")
        if found:
            return found.group(1)
    return ""


# The last head the platform confirmed holding: a USB bundle, which cannot ask, sends the entries
# after it (all of them when none is known; the platform skips what it holds already).
PLATFORM_HEAD_SETTING = "audit_platform_head"


def head_body(db, known_id: int, *, every_entry: bool = False) -> dict:
    """What goes to the platform: the head, the entries after ``known_id``, the leader key's
    fingerprint. Online the platform has just said what it holds; a bundle, which cannot ask,
    sends ``every_entry`` after the last head it knows the platform holds (all when none)."""
    head = audit.head(db)
    entries = audit.entries_since(db, known_id) if known_id or every_entry else []
    return {"head": {"id": head["id"], "hash": head["hash"]}, "entries": entries,
            "fingerprint": leader_fingerprint(audit.entries(db)) if not known_id else leader_fingerprint(entries)}


def platform_known_id(db) -> int:
    from reception.storage import repository as repo

    return int((repo.get_setting(db, PLATFORM_HEAD_SETTING) or {}).get("id") or 0)


def kept_by_platform(desk, head: dict, where: str = "平台") -> str:
    """The platform holds ``head`` now (an online sync's answer, or a receipt's)."""
    from reception.storage import repository as repo

    with desk._writing():
        audit.record_anchor(desk.db, head, where, at=desk.now())
        repo.set_setting(desk.db, PLATFORM_HEAD_SETTING, {"id": int(head["id"]), "hash": head["hash"]})
    return f"操作日志链头已在平台存证：第 {head['id']} 条 {head['hash'][:16]}"


def refused_by_platform(desk, refusal: str) -> str:
    with desk._writing():
        audit.append(desk.db, "tampered", audit.Actor("system"), detail=f"平台拒绝了本机的操作日志：{refusal[:200]}")
    return f"警告：平台拒绝了本机的操作日志——{refusal}。本机日志可能被改写过，请队长联系街道核查"


def anchor_head(client: Open311Client, desk) -> str:
    """Send the head; a line for the sync's report: anchored, not offered, or refused (and why)."""
    db = desk.db
    try:
        known = client.call("GET", PATH).data or {}
    except Rejected as refusal:
        if refusal.status_code in (404, 405):
            return "平台不提供操作日志存证：链头只记在夜话报告上（请打印保存）"
        return f"操作日志链头未能存证：{refusal}"
    except SyncError as error:
        return f"操作日志链头未能存证（下次同步再试）：{error}"
    body = head_body(db, int(known.get("id") or 0))
    try:
        client.call("POST", PATH, json=body, ok=(200, 201))
    except Rejected as refusal:
        return refused_by_platform(desk, str(refusal))
    except SyncError as error:
        return f"操作日志链头未能存证（下次同步再试）：{error}"
    return kept_by_platform(desk, body["head"])
