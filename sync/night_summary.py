"""Where a night's cases stand with the platform, told when the team leader closes the night.

Reads only the laptop's own records (no network, no HTTP client imported), so the desk can show
it at once, even at a stall with no connection.
"""

from __future__ import annotations

from dataclasses import dataclass

from reception.desk import ReceptionDesk
from reception.storage import repository as repo


@dataclass(frozen=True)
class NightSyncSummary:
    synced: int
    waiting: int
    set_aside: tuple[tuple[str, str], ...]  # (tracking code, the platform's reason)


def night_summary(desk: ReceptionDesk, session_id: str) -> NightSyncSummary:
    cases = desk.session_cases(session_id)
    ids = {c.id for c in cases}
    rows = [r for r in repo.sync_overview(desk.db) if r["case_id"] in ids]
    return NightSyncSummary(
        synced=sum(1 for c in cases if c.is_synced),
        waiting=sum(1 for r in rows if r["pending"] and not r["set_aside_reason"]),
        set_aside=tuple((r["tracking_code"], r["set_aside_reason"]) for r in rows if r["set_aside_reason"]),
    )
