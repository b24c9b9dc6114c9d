"""Purging residents' personal fields once the platform has closed a case (PIPL: kept no longer
than needed). The platform owns a case once synced; the laptop keeps what the street's reports
count: category, community, outcome, times, and each session's frozen counts.

What goes: name, phone, address, ID number, the description and the handling note (free text
that may name people), the photos and the progress texts that came back from the platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from reception import case_fields, clock
from reception.privacy import audit
from reception.storage import repository as repo

PURGED_DESCRIPTION = case_fields.PURGED_TEXT


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


# A slip that could not be printed is saved as a PDF for the volunteer to print that night. It
# holds what the paper slip holds (masked name and phone, but also a summary of the petition),
# outside the encrypted database, so it is kept only until the night is over.
FALLBACK_SLIP_HOURS = 12


def remove_old_fallback_slips(slips_dir, now: datetime | None = None) -> int:
    """Delete saved slip PDFs older than FALLBACK_SLIP_HOURS; returns how many went."""
    from pathlib import Path

    folder = Path(slips_dir)
    if not folder.is_dir():
        return 0
    limit = (now or clock.now()).timestamp() - FALLBACK_SLIP_HOURS * 3600
    removed = 0
    for pdf in folder.glob("*.pdf"):
        try:
            if pdf.stat().st_mtime < limit:
                pdf.unlink()
                removed += 1
        except OSError:
            continue  # gone already, or locked by a viewer: next unlock tries again
    return removed
