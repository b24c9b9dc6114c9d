"""Every team leader's action is refused to a volunteer and written to the audit log for the
leader, by the domain itself (reception/leader_actions.py), whichever front end calls it.

The command line's side: tests/cli/test_cli_leader_actions.py; the window's:
tests/desktop/test_leader_actions_window.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from reception_support import TEST_PASSPHRASE, TEST_PIN, prepare_data_dir

from forms import load_form
from reception import clock, leader_actions, street_settings
from reception.desk import ReceptionDesk
from reception.errors import DeskError
from reception.paths import database_path
from reception.privacy import audit, keyfile
from reception.privacy import settings as privacy_settings
from reception.privacy.export import export_cases
from reception.privacy.roles import LEADER_ACTIONS, Access, LeaderRequired
from reception.storage import open_database

NEW_PASSPHRASE = "换了一句新的夜话口令 2027"


@pytest.fixture
def leader_desk(tmp_path, make_case):
    data_dir = tmp_path / "data"
    db = open_database(database_path(data_dir), prepare_data_dir(data_dir))
    desk = ReceptionDesk(db, load_form(None).form)
    access = Access(desk)
    access.set_pin(TEST_PIN)
    access.drop_to_volunteer()  # setting the PIN may leave its setter the leader; tonight starts as a volunteer
    case = desk.record_case(make_case())
    # A case the platform closed long ago, so that the purge has something to do.
    old = clock.to_text(desk.now() - timedelta(days=3650))
    db.execute("UPDATE cases SET synced_at = ?, closed_at = ? WHERE id = ?", (old, old, case.id))
    try:
        yield data_dir, desk, access, case
    finally:
        db.conn.close()


# Each leader action: what it does through the domain, and the audit entry it leaves (None:
# reading the audit log, which is itself the record).
ACTIONS = {
    "void": (lambda d, a, c: leader_actions.void_case(a, c.id, "重复登记"), "void"),
    "device": (lambda d, a, c: leader_actions.set_device_prefix(a, "K7Q"), "settings"),
    "settings": (lambda d, a, c: leader_actions.save_street_settings(a, {"hotline": "0755-27891234"}), "settings"),
    "export": (lambda d, a, c: export_cases(a.desk, a, d.parent / "out.csv", "csv", d), "export"),
    "audit": (lambda d, a, c: leader_actions.audit_entries(a), None),
    "purge": (lambda d, a, c: leader_actions.purge(a, privacy_settings.load(a.desk.db).retention_days), "purge"),
    "passphrase": (lambda d, a, c: leader_actions.change_passphrase(a, d, TEST_PASSPHRASE, NEW_PASSPHRASE), "passphrase"),
}


def test_every_leader_action_is_covered_here_or_named_where_it_is():
    # sync lives above the domain: composition.services.sync_service checks it (see the
    # command line's and the sync dialog's tests).
    assert set(ACTIONS) | {"sync"} == set(LEADER_ACTIONS)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_volunteer_is_refused_and_nothing_changes(leader_desk, action):
    data_dir, desk, access, case = leader_desk
    run, _logged = ACTIONS[action]
    before_log = len(audit.entries(desk.db))
    before_case, before_prefix = desk.case(case.id), desk.device_prefix
    with pytest.raises(LeaderRequired, match=f"「{LEADER_ACTIONS[action]}」只有队长可以操作：请队长输入 PIN"):
        run(data_dir, access, case)
    assert len(audit.entries(desk.db)) == before_log
    assert desk.case(case.id) == before_case and desk.device_prefix == before_prefix
    assert street_settings.load(desk.db, "").hotline == ""
    assert keyfile.unlock(data_dir, TEST_PASSPHRASE)  # the passphrase is unchanged
    assert not (data_dir.parent / "out.csv").exists()


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_leader_may_and_the_audit_log_says_so(leader_desk, action):
    data_dir, desk, access, case = leader_desk
    run, logged = ACTIONS[action]
    access.become_leader(TEST_PIN)
    before = len(audit.entries(desk.db))
    try:
        run(data_dir, access, case)
    except DeskError as error:  # pragma: no cover - the message says which action failed
        pytest.fail(f"{action}: {error}")
    added = audit.entries(desk.db)[before:]
    if logged is None:
        assert added == []
    else:
        assert [(e["action"], e["role"]) for e in added if e["action"] == logged] == [(logged, "leader")], added
    assert audit.verify(desk.db) == []
