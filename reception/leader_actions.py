"""What only the team leader may do: each one checks the role and writes its audit entry here, in
the domain, so that the window and the command line cannot differ.

The keys are roles.LEADER_ACTIONS's; tests/reception/test_leader_actions.py goes through every
one, as do the front ends' tests. Export checks its role in privacy/export.py and sync in
composition (it needs the sync layer), purge and the audit log below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reception import street_settings
from reception.cases import Case
from reception.privacy import audit, keyfile, retention
from reception.privacy import settings as privacy_settings
from reception.privacy.roles import Access


def void_case(access: Access, case_id: str, reason: str) -> Case:
    access.require_leader("void")
    return access.desk.void_case(case_id, reason)  # logged by the desk with the case's code


def set_device_prefix(access: Access, prefix: str) -> str:
    access.require_leader("device")
    desk = access.desk
    with desk._writing():
        desk.set_device_prefix(prefix)
        audit.append(desk.db, "settings", audit.Actor(desk.role), detail="本机编号")
    return desk.device_prefix


def save_street_settings(access: Access, changes: dict[str, str]) -> None:
    """The street settings (hotline, printer, paper...): all saved or, on a wrong one, none."""
    access.require_leader("settings")
    db = access.desk.db
    with access.desk._writing():
        street_settings.save(db, changes)
        audit.append(db, "settings", audit.Actor(access.role), detail="、".join(changes))


def save_privacy_settings(access: Access, changes: dict[str, str]) -> None:
    access.require_leader("settings")
    db = access.desk.db
    with access.desk._writing():
        privacy_settings.save(db, changes)
        audit.append(db, "settings", audit.Actor(access.role), detail="、".join(changes))


def audit_entries(access: Access, limit: int | None = None) -> list[dict[str, Any]]:
    access.require_leader("audit")
    return audit.entries(access.desk.db, limit)


def verify_audit(access: Access) -> list[audit.Problem]:
    access.require_leader("audit")
    return audit.verify(access.desk.db)


def purge(access: Access, retention_days: int) -> retention.PurgeReport:
    access.require_leader("purge")
    return retention.purge(access.desk, retention_days)  # logged by retention


def change_passphrase(access: Access, data_dir: Path, current: str, new: str, own_words: tuple[str, ...] = ()) -> None:
    """``own_words``: the street's and communities' names, which a new passphrase must not lean on."""
    access.require_leader("passphrase")
    keyfile.change_passphrase(data_dir, current, new, own_words=own_words)
    with access.desk._writing():
        audit.append(access.desk.db, "passphrase", audit.Actor(access.role))
