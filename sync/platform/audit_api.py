"""``/open311/v2/xinan/audit_head.json``: each laptop's audit-log heads, kept where the laptop's
passphrase does not reach (issue 12). Our extension to Open311; see sync/audit_anchor.py.

GET answers the last head this laptop anchored (id 0 when none). POST brings a new head with the
entries since that one; it is kept only if those entries continue the chain the platform holds
(each links to the one before, from the kept head) and their seals name the same leader key as
before. Otherwise 409, saying what was rewritten: the platform never takes a shorter or a
different past. Entries hold no resident's data (reception/privacy/audit.py says what they hold).
"""


# No ``from __future__ import annotations`` here: FastAPI must see the dependencies passed to
# make_router as objects, not as names it would look up in this module.
import re
from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from sqlalchemy import text

from reception.privacy import audit

MAX_ENTRIES = 50_000
_HASH = re.compile(r"^[0-9a-f]{64}$")
_FINGERPRINT = re.compile(r"队长密钥 ([0-9a-f]{32}) ")
_ENTRY_KEYS = ("id", "at", "action", "role", "actor", "device", "case_code", "detail", "prev_hash", "hash")


def _refuse(code: int, why: str) -> HTTPException:
    return HTTPException(status_code=code, detail=why)


def make_router(device_dep, platform_dep) -> APIRouter:
    """The routes, given api.py's dependencies (passed in: this module does not import api.py)."""
    router = APIRouter(prefix="/open311/v2")

    @router.get("/xinan/audit_head.json")
    def last_head(device: device_dep, platform: platform_dep) -> dict[str, Any]:
        known = kept_head(platform.store, device.id)
        return known or {"id": 0, "hash": audit.GENESIS, "fingerprint": ""}

    @router.post("/xinan/audit_head.json", status_code=201)
    async def new_head(request: Request, device: device_dep, platform: platform_dep) -> dict[str, Any]:
        try:
            body = await request.json()
        except ValueError:
            raise _refuse(400, "应为 JSON：{head: {id, hash}, entries: [...], fingerprint}") from None
        head, entries, fingerprint = _parse(body)
        return accept_head(platform.store, device.id, head, entries, fingerprint)

    return router


def _parse(body: Any) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    if not isinstance(body, dict) or not isinstance(body.get("head"), dict):
        raise _refuse(400, "缺少 head（链头：id 与 hash）")
    head = body["head"]
    if not isinstance(head.get("id"), int) or head["id"] < 0 or not _HASH.match(str(head.get("hash", ""))):
        raise _refuse(400, "head 应为 {id: 非负整数, hash: 64 位十六进制}")
    entries = body.get("entries") or []
    if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
        raise _refuse(400, f"entries 应为最多 {MAX_ENTRIES} 条日志的列表")
    for entry in entries:
        if not isinstance(entry, dict) or set(_ENTRY_KEYS) - set(entry) or not isinstance(entry.get("id"), int):
            raise _refuse(400, "entries 中每条应有 " + "、".join(_ENTRY_KEYS))
    fingerprint = str(body.get("fingerprint") or "")
    return {"id": head["id"], "hash": head["hash"]}, [{k: e[k] for k in _ENTRY_KEYS} for e in entries], fingerprint


def kept_head(store, device: int) -> dict[str, Any] | None:
    return store._row(
        "SELECT entry_id AS id, hash, fingerprint FROM audit_heads WHERE device = :d ORDER BY id DESC LIMIT 1",
        {"d": device},
    )


def accept_head(store, device: int, head: dict[str, Any], entries: list[dict[str, Any]], fingerprint: str) -> dict[str, Any]:
    with store.transaction() as conn:
        known = conn.execute(
            text("SELECT entry_id, hash, fingerprint FROM audit_heads WHERE device = :d ORDER BY id DESC LIMIT 1"),
            {"d": device},
        ).first()
        seals = {m.group(1) for e in entries if e["action"] == "seal" and (m := _FINGERPRINT.search(e["detail"] or ""))}
        if known is not None:
            known_id, known_hash, known_fp = int(known[0]), known[1], known[2] or ""
            if head["id"] < known_id:
                raise _refuse(409, f"日志被截短：平台已存证到第 {known_id} 条，这次的链头只到第 {head['id']} 条")
            if head["id"] == known_id and head["hash"] != known_hash:
                raise _refuse(409, f"第 {known_id} 条与平台存证的不同：此前的日志被改写")
            if head["id"] > known_id:
                why = audit.chain_continues({"id": known_id, "hash": known_hash}, entries)
                if why is None and (not entries or entries[-1]["id"] != head["id"] or entries[-1]["hash"] != head["hash"]):
                    why = "送来的记录没有到达所报的链头"
                if why is not None:
                    raise _refuse(409, why)
            changed = {fp for fp in seals | ({fingerprint} if fingerprint else set()) if known_fp and fp != known_fp}
            if changed:
                raise _refuse(409, "队长密钥与平台此前见过的不同：本机的队长 PIN 或密钥被人换过")
            fingerprint = known_fp or fingerprint or next(iter(seals), "")
        elif entries and audit.chain_continues({"id": entries[0]["id"] - 1, "hash": entries[0]["prev_hash"]}, entries):
            raise _refuse(409, "送来的记录本身接不上")
        conn.execute(
            text("INSERT INTO audit_heads (device, entry_id, hash, fingerprint, received_at) "
                 "VALUES (:d, :id, :hash, :fp, :now)"),
            {"d": device, "id": head["id"], "hash": head["hash"], "fp": fingerprint,
             "now": datetime.now(timezone.utc).isoformat(timespec="seconds")},
        )
    return {"id": head["id"], "hash": head["hash"], "fingerprint": fingerprint}
