"""The team leader's answer for a case marked 待核实 (its create may be on a server without
idempotency keys, and the server's list could not tell).

Either "not there, send again" (the next sync creates it) or "it is there: number …" (the desk
keeps that number; the next sync checks it on the server and marks the case synced). Both are
written to the audit log. Nothing is sent from here: the next sync does that.
"""

from __future__ import annotations

from reception import clock
from reception.desk import ReceptionDesk
from reception.errors import DeskError
from reception.privacy import audit
from reception.storage import repository as repo
from reception.storage.writing import writing


def sync_state(desk: ReceptionDesk, case_id: str) -> str:
    """synced | unconfirmed (待核实) | set_aside | waiting, for ``case list --json``."""
    case = repo.get_case(desk.db, case_id)
    if case is not None and case["synced_at"]:
        return "synced"
    state = repo.sync_case(desk.db, case_id)
    if state and state["unconfirmed_at"] and not state["request_id"]:
        return "unconfirmed"
    if state and state["set_aside_reason"]:
        return "set_aside"
    return "waiting"


def pending(desk: ReceptionDesk) -> list[dict]:
    return repo.unconfirmed_cases(desk.db)


def _unconfirmed_case(desk: ReceptionDesk, tracking_code: str) -> dict:
    row = repo.get_case_by_code(desk.db, tracking_code.strip().upper())
    if row is None:
        raise DeskError(f"本机没有查询码为 {tracking_code.strip()} 的诉求")
    state = repo.sync_case(desk.db, row["id"])
    if not state or not state["unconfirmed_at"] or state["request_id"]:
        raise DeskError(f"诉求 {row['tracking_code']} 不是待核实状态，无需确认")
    return row


def send_again(desk: ReceptionDesk, tracking_code: str) -> str:
    """The leader looked on the server and it is not there: the next sync sends it again."""
    row = _unconfirmed_case(desk, tracking_code)
    now = desk.now()
    with writing(desk.db):
        repo.upsert_sync_case(desk.db, row["id"], {"unconfirmed_at": None, "fate_unknown_since": None,
                                                   "last_error": None}, clock.to_text(now))
        audit.append(desk.db, "sync", audit.Actor(desk.role), case_code=row["tracking_code"],
                     detail="组长确认平台上没有：下次同步重新发送", at=now)
    return row["tracking_code"]


def it_is_there(desk: ReceptionDesk, tracking_code: str, request_id: str) -> str:
    """The leader found it on the server under ``request_id``: the desk keeps that number."""
    number = request_id.strip()
    if not number or len(number) > 64 or any(ch.isspace() for ch in number):
        raise DeskError("请填写平台上显示的诉求编号（不含空格）")
    row = _unconfirmed_case(desk, tracking_code)
    other = repo.case_id_for_request(desk.db, number)
    if other is not None and other != row["id"]:
        raise DeskError(f"平台编号 {number} 已经属于本机另一条诉求，请再核对一次")
    now = desk.now()
    with writing(desk.db):
        repo.upsert_sync_case(desk.db, row["id"], {"request_id": number, "unconfirmed_at": None,
                                                   "fate_unknown_since": None, "last_error": None},
                              clock.to_text(now))
        audit.append(desk.db, "sync", audit.Actor(desk.role), case_code=row["tracking_code"],
                     detail=f"组长确认平台已收到，编号 {number}", at=now)
    return row["tracking_code"]
