"""Where a night's cases stand with the platform, told when the team leader closes the night.

Reads only the laptop's own records (no network, no HTTP client imported), so the desk can show
it at once, even at a stall with no connection. The counting itself lives with the night's
report (reception/reports/figures.py), so the summary on screen and the printed report agree.
"""

from __future__ import annotations

from reception.desk import ReceptionDesk
from reception.reports.figures import SyncState as NightSyncSummary
from reception.reports.figures import sync_state


def night_summary(desk: ReceptionDesk, session_id: str) -> NightSyncSummary:
    return sync_state(desk, desk.session_cases(session_id))


__all__ = ["NightSyncSummary", "night_summary"]
