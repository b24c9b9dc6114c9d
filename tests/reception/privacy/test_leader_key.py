"""The leader boundary tried as someone who knows the passphrase: they can edit every row of the
database, and still cannot become the team leader, hide a leader's action from the sealed log, or
change a leader setting without it being found at the next PIN."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from datetime import timedelta

import pytest
from reception_support import TEST_KDF_COST, TEST_PIN, rewrite_audit_log_without

from reception.errors import ValidationFailed
from reception.privacy import audit, roles
from reception.privacy import settings as privacy_settings
from reception.privacy.roles import Access, LeaderRequired, WrongPin
from reception.storage import repository as repo


@pytest.fixture
def access(desk):
    access = Access(desk, kdf_cost=TEST_KDF_COST)
    access.set_pin(TEST_PIN)
    access.action_done()
    return access


def leader_verdict(access) -> audit.Verdict:
    access.become_leader(TEST_PIN)
    return access.check_log()


def test_a_pin_has_at_least_six_digits(desk):
    access = Access(desk, kdf_cost=TEST_KDF_COST)
    for short in ("1234", "12345", "12a456", "１２３４５６"):
        with pytest.raises(ValidationFailed, match="6–12 位数字"):
            access.set_pin(short)
    access.set_pin("135790")
    assert access.is_leader  # whoever sets the first PIN is the leader until it ends


def test_the_database_holds_no_pin_hash_only_a_wrapped_key(access, desk):
    record = repo.get_setting(desk.db, roles.KEY_SETTING)
    assert set(record) >= {"salt", "nonce", "wrapped", "n"} and "hash" not in record
    assert repo.get_setting(desk.db, roles.LEGACY_PIN_SETTING) is None
    assert TEST_PIN not in json.dumps(record)


def test_writing_a_pin_hash_of_ones_own_into_the_settings_grants_nothing(access, desk):
    # The attack of issue 12: a leader_pin record made for a PIN the attacker chose.
    salt = secrets.token_bytes(16)
    forged = {"n": 2**10, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode(),
              "hash": base64.b64encode(hashlib.scrypt(b"999999", salt=salt, n=2**10, r=8, p=1, dklen=32)).decode()}
    with desk.db.atomic():
        repo.set_setting(desk.db, roles.LEGACY_PIN_SETTING, forged)
    with pytest.raises(WrongPin):
        access.become_leader("999999")
    assert not access.is_leader


def test_a_leader_key_of_ones_own_does_not_verify_the_leader_s_seals(access, desk, make_case):
    desk.record_case(make_case())
    real = leader_verdict(access)
    assert real.whole and real.seals_checked >= 1
    real_fingerprint = roles.fingerprint(access.leader_key)
    access.action_done()
    # Replace the record with a key wrapped under the attacker's own PIN.
    own_key = secrets.token_bytes(32)
    with desk.db.atomic():
        repo.set_setting(desk.db, roles.KEY_SETTING, roles.wrap_leader_key(desk.db, own_key, "999999", TEST_KDF_COST))
    with pytest.raises(WrongPin):
        access.become_leader(TEST_PIN)  # the real leader's PIN stops working: a visible sign
    access.become_leader("999999")
    forged = access.check_log()
    assert not forged.whole
    assert any("队长封存不符" in p.message for p in forged.problems)
    assert roles.fingerprint(access.leader_key) != real_fingerprint  # what the platform refuses


def test_deleting_entries_and_rehashing_the_chain_is_found_by_the_seals(access, desk, make_case):
    """Issue 12: entries deleted, the rest renumbered and re-hashed with a new head."""
    for _ in range(3):
        desk.record_case(make_case())
    case = desk.record_case(make_case())
    access.become_leader(TEST_PIN)
    desk.void_case(case.id, "重复登记")
    access.action_done()
    desk.record_case(make_case())
    assert audit.verify(desk.db) == []
    rewrite_audit_log_without(desk.db, {"void", "leader", "pin_failed", "export"})
    assert audit.verify(desk.db) == []  # the bare chain is fooled, as before
    verdict = leader_verdict(access)
    assert not verdict.whole
    assert any("封存" in p.message for p in verdict.problems), verdict.problems


def test_deleting_the_seals_as_well_leaves_the_leader_s_seal_record_pointing_at_nothing(access, desk, make_case):
    desk.record_case(make_case())
    access.become_leader(TEST_PIN)
    access.action_done()
    rewrite_audit_log_without(desk.db, {"leader", "seal"})
    with desk.db.atomic():
        repo.delete_setting(desk.db, audit.SEALS_SETTING)
    verdict = leader_verdict(access)
    assert any("最后一次封存的那一条已被删除" in p.message for p in verdict.problems), verdict.problems


def test_a_leader_setting_changed_without_the_key_is_found_and_logged_at_the_next_pin(access, desk):
    with desk.db.atomic():
        repo.set_setting(desk.db, "privacy.retention_days", 0)  # edited with the passphrase alone
        repo.set_setting(desk.db, "street.hotline", "0755-1234567")
    access.become_leader(TEST_PIN)
    assert access.tampered == ["privacy.retention_days", "street.hotline"]
    [entry] = [e for e in audit.entries(desk.db) if e["action"] == "tampered"]
    assert "privacy.retention_days" in entry["detail"] and entry["role"] == "leader"
    access.action_done()  # the leader has seen them: the next seal takes them
    access.become_leader(TEST_PIN)
    assert access.tampered == []


def test_settings_changed_in_leader_mode_are_sealed_and_not_reported(access, desk):
    access.become_leader(TEST_PIN)
    privacy_settings.save(desk.db, {"idle_lock_minutes": "10", "leader_minutes": "5"})
    access.action_done()
    access.become_leader(TEST_PIN)
    assert access.tampered == []


def test_leader_mode_ends_after_the_set_minutes_and_when_the_action_is_done(access, desk, clock):
    access.become_leader(TEST_PIN)
    assert access.leader_until == clock.moment + timedelta(minutes=2)
    clock.advance(minutes=1, seconds=59)
    assert access.is_leader
    clock.advance(seconds=1)
    assert not access.is_leader and access.role == "volunteer"
    with pytest.raises(LeaderRequired):
        access.require_leader("void")
    seals = [e for e in audit.entries(desk.db) if e["action"] == "seal"]
    assert "到时自动结束" in seals[-1]["detail"]
    privacy_settings.save(desk.db, {"leader_minutes": "5"})
    access.become_leader(TEST_PIN)
    assert access.tampered == ["privacy.leader_minutes"]  # saved while no one was the leader
    clock.advance(minutes=4)
    assert access.is_leader
    access.action_done()
    assert not access.is_leader and "操作完成" in audit.entries(desk.db)[-1]["detail"]


def test_changing_the_pin_keeps_the_key_so_earlier_seals_still_verify(access, desk):
    access.set_pin("864209", TEST_PIN)
    assert not access.is_leader
    with pytest.raises(WrongPin):
        access.become_leader(TEST_PIN)
    access.become_leader("864209")
    assert access.check_log().whole


def test_an_older_desk_s_pin_hash_becomes_a_leader_key_at_its_first_use(desk):
    salt = secrets.token_bytes(16)
    legacy = {"n": 2**10, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode(),
              "hash": base64.b64encode(hashlib.scrypt(b"2468", salt=salt, n=2**10, r=8, p=1, dklen=32)).decode()}
    with desk.db.atomic():
        repo.set_setting(desk.db, roles.LEGACY_PIN_SETTING, legacy)
    access = Access(desk, kdf_cost=TEST_KDF_COST)
    with pytest.raises(WrongPin):
        access.set_pin("135790")  # changing it needs the old one
    desk.db.execute("DELETE FROM settings WHERE key = ?", (roles.FAILURES_SETTING,))
    access.become_leader("2468")
    assert access.short_pin() and repo.get_setting(desk.db, roles.LEGACY_PIN_SETTING) is None
    access.set_pin("135790", "2468")
    assert not access.short_pin()
