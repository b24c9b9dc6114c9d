"""Purging residents' personal fields once the platform has closed a case (PIPL: kept no longer
than needed). The platform owns a case once synced; the laptop keeps what the street's reports
count: category, community, outcome, times, and each session's frozen counts.

What goes: name, phone, address, ID number, the description and the handling note (free text
that may name people), the photos and the progress texts that came back from the platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from reception import clock
from reception.privacy import audit
from reception.storage import repository as repo

PURGED_DESCRIPTION = "（个人信息已按保存期限清除）"


@dataclass(frozen=True)
class PurgeReport:
    purged: tuple[str, ...]  # tracking codes


def due(desk, retention_days: int, now: datetime | None = None) -> list[str]:
    cutoff = (now or desk.now()) - timedelta(days=retention_days)
    return [r["tracking_code"] for r in repo.cases_due_for_purge(desk.db, clock.to_text(cutoff))]


def purge(desk, retention_days: int, now: datetime | None = None, role: str | None = None) -> PurgeReport:
    """Purge every case closed on the platform more than ``retention_days`` ago, in one transaction.

    The desk runs it at every unlock (role "system"); the team leader can run it at any time
    (``xinan-desk purge``)."""
    moment = now or desk.now()
    cutoff = clock.to_text(moment - timedelta(days=retention_days))
    with desk._writing():
        rows = repo.cases_due_for_purge(desk.db, cutoff)
        for row in rows:
            repo.purge_case_personal_fields(desk.db, row["id"], clock.to_text(moment), PURGED_DESCRIPTION)
        if rows:
            audit.append(desk.db, "purge", audit.Actor(role or desk.role), detail=f"{len(rows)} 条（办结超过 {retention_days} 天）", at=moment)
    return PurgeReport(tuple(r["tracking_code"] for r in rows))
