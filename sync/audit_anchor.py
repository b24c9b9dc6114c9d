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
    head = audit.head(db)
    known_id = int(known.get("id") or 0)
    entries = audit.entries_since(db, known_id) if known_id else []
    body = {"head": {"id": head["id"], "hash": head["hash"]}, "entries": entries,
            "fingerprint": leader_fingerprint(audit.entries(db)) if not known_id else leader_fingerprint(entries)}
    try:
        client.call("POST", PATH, json=body, ok=(200, 201))
    except Rejected as refusal:
        with desk._writing():
            audit.append(db, "tampered", audit.Actor("system"), detail=f"平台拒绝了本机的操作日志：{str(refusal)[:200]}")
        return f"警告：平台拒绝了本机的操作日志——{refusal}。本机日志可能被改写过，请队长联系街道核查"
    except SyncError as error:
        return f"操作日志链头未能存证（下次同步再试）：{error}"
    with desk._writing():
        audit.record_anchor(db, head, "平台", at=desk.now())
    return f"操作日志链头已在平台存证：第 {head['id']} 条 {head['hash'][:16]}"
