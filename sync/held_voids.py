"""Voids the platform refused for good, and the team leader's 重新发送作废.

A void the platform answers with a 4xx that a resend would only repeat (the case is not this
laptop's as far as the platform knows, the platform takes no updates) is not sent at every sync:
the sync keeps it pending but held, and sets the case aside with the platform's words
(sync/service.py). Once the platform's staff have seen to the case, the leader sends it again
from the Sync dialog: the hold is lifted and the next sync (online or by USB stick) sends it.
Nothing is sent from here, and the void itself is never dropped.
"""

from __future__ import annotations

from typing import Any

from reception import clock
from reception.desk import ReceptionDesk
from reception.errors import DeskError
from reception.privacy import audit
from reception.storage import repository as repo
from reception.storage.writing import writing


def held(desk: ReceptionDesk) -> list[dict[str, Any]]:
    """Every held void: its outbox id, case id, tracking code and the platform's words."""
    return repo.held_voids(desk.db)


def send_again(desk: ReceptionDesk, tracking_code: str) -> str:
    """Lift the hold on the case's refused void: the next sync sends it. Returns the code."""
    row = repo.get_case_by_code(desk.db, tracking_code.strip().upper())
    if row is None:
        raise DeskError(f"本机没有查询码为 {tracking_code.strip()} 的诉求")
    voids = repo.held_voids(desk.db, row["id"])
    if not voids:
        raise DeskError(f"诉求 {row['tracking_code']} 没有被平台拒绝的作废，无需重新发送")
    now = desk.now()
    with writing(desk.db):
        for void in voids:
            repo.release_outbox(desk.db, void["id"])
        # Not set aside any more: if the platform refuses it again, the next sync says so again.
        repo.upsert_sync_case(desk.db, row["id"], {"set_aside_reason": None, "set_aside_at": None},
                              clock.to_text(now))
        audit.append(desk.db, "sync", audit.Actor(desk.role), case_code=row["tracking_code"],
                     detail="组长要求重新发送平台曾拒绝的作废：下次同步发送", at=now)
    return row["tracking_code"]
