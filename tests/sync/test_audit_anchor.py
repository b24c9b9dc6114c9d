"""The audit log's head anchored on the platform at every sync, tried as someone with the
passphrase would: rewrite the log, rehash it, shorten it, or bring a leader key of their own. The
platform keeps each laptop's heads and refuses, loudly, a chain that rewrites what it has seen."""

from __future__ import annotations

import secrets

import pytest
from reception_support import TEST_KDF_COST, TEST_PIN, rewrite_audit_log_without

from reception.privacy import audit, roles
from reception.privacy.roles import Access
from reception.storage import repository as repo
from sync.audit_anchor import anchor_head
from sync_support import client_factory


@pytest.fixture
def anchored(platform, desk, make_case):
    """A desk with a leader, some work, and one sync's anchor behind it."""
    _, token = platform.enrol("新安一号")
    client = client_factory(platform.url, token)()
    access = Access(desk, kdf_cost=TEST_KDF_COST)
    access.set_pin(TEST_PIN)
    access.action_done()
    for _ in range(3):
        desk.record_case(make_case())
    note = anchor_head(client, desk)
    assert "已在平台存证" in note
    yield client, access
    client.close()


def test_each_sync_moves_the_anchored_head_and_the_local_record(anchored, desk, make_case, platform):
    client, _ = anchored
    desk.record_case(make_case())
    assert "已在平台存证" in anchor_head(client, desk)
    head = audit.head(desk.db)
    assert audit.last_anchor(desk.db)["id"] == head["id"] and audit.last_anchor(desk.db)["where"] == "平台"
    assert audit.check(desk.db).whole


def test_a_rewritten_and_rehashed_log_is_refused_by_the_platform(anchored, desk, make_case):
    client, _ = anchored
    rewrite_audit_log_without(desk.db, {"pin_set"})  # one entry the platform has seen, gone
    assert audit.verify(desk.db) == []  # the laptop alone is fooled
    desk.record_case(make_case())
    note = anchor_head(client, desk)
    assert note.startswith("警告：平台拒绝了本机的操作日志") and "改写" in note, note
    assert audit.entries(desk.db)[-1]["action"] == "tampered"


def test_a_shortened_log_is_refused(anchored, desk):
    client, _ = anchored
    with desk.db.atomic():
        last = audit.entries(desk.db)[-1]["id"]
        desk.db.execute("DELETE FROM audit_log WHERE id >= ?", (last - 1,))
        tail = audit.entries(desk.db)[-1]
        repo.set_setting(desk.db, audit.HEAD_SETTING, {"id": tail["id"], "hash": tail["hash"]})
    note = anchor_head(client, desk)
    assert "截短" in note, note


def test_a_leader_key_of_ones_own_is_refused(anchored, desk):
    client, access = anchored
    with desk.db.atomic():  # replaced with the passphrase alone: a key under a PIN of one's own
        repo.set_setting(desk.db, roles.KEY_SETTING,
                         roles.wrap_leader_key(desk.db, secrets.token_bytes(32), "999999", TEST_KDF_COST))
    access.become_leader("999999")
    access.action_done()  # its seal names the other key
    note = anchor_head(client, desk)
    assert "队长密钥与平台此前见过的不同" in note, note


def test_a_laptop_reads_only_its_own_heads(anchored, platform, desk):
    _, other_token = platform.enrol("新安二号")
    other = client_factory(platform.url, other_token)()
    try:
        assert other.call("GET", "xinan/audit_head.json").data["id"] == 0
    finally:
        other.close()
