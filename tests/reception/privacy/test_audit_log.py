"""The hash-chained audit log: every create, edit, void, print, sync, export, unlock is there, and
an edited or removed entry shows."""

from __future__ import annotations

import pytest
from reception_support import TEST_PIN

from reception.privacy import audit
from reception.privacy.roles import Access, WrongPin


def _actions(desk):
    return [e["action"] for e in audit.entries(desk.db)]


def test_create_edit_and_void_are_logged_with_who_and_no_personal_data(desk, make_case):
    case = desk.record_case(make_case(resident_name="司马光", phone="13700001111", address="安乐村99栋"))
    desk.edit_case(case.id, make_case(resident_name="司马光", phone="13700001111", address="安乐村98栋"))
    desk.role = "leader"
    desk.void_case(case.id, "司马光撤回了诉求")
    entries = audit.entries(desk.db)
    assert [e["action"] for e in entries] == ["create", "edit", "void"]
    assert entries[0]["actor"] == "志愿者 李明" and entries[0]["role"] == "volunteer"
    assert entries[0]["case_code"] == case.tracking_code and entries[0]["device"] == desk.device_prefix
    assert entries[1]["detail"] == "改动：address"
    assert entries[2]["role"] == "leader"
    text = repr(entries)
    for secret in ("司马光", "13700001111", "+8613700001111", "安乐村9", "蟑螂", "撤回"):
        assert secret not in text
    assert audit.verify(desk.db) == []


def test_an_edited_entry_is_detected(desk, make_case):
    for _ in range(3):
        desk.record_case(make_case())
    desk.db.execute("UPDATE audit_log SET actor = '别人' WHERE id = 2")
    problems = audit.verify(desk.db)
    assert [p.entry_id for p in problems] == [2]
    assert "内容被修改过" in str(problems[0]) and "第 2 条" in str(problems[0])


def test_a_deleted_entry_in_the_middle_is_detected(desk, make_case):
    for _ in range(4):
        desk.record_case(make_case())
    desk.db.execute("DELETE FROM audit_log WHERE id = 2")
    problems = audit.verify(desk.db)
    assert problems and problems[0].entry_id == 3
    assert any("被删除" in str(p) for p in problems)


def test_a_deleted_last_entry_is_detected(desk, make_case):
    for _ in range(2):
        desk.record_case(make_case())
    desk.db.execute("DELETE FROM audit_log WHERE id = 2")
    problems = audit.verify(desk.db)
    assert [p.entry_id for p in problems] == [None] and "最后" in str(problems[0])


def test_a_recomputed_hash_still_breaks_the_next_link(desk, make_case):
    for _ in range(3):
        desk.record_case(make_case())
    row = dict(audit.entries(desk.db)[0])
    row["actor"] = "别人"
    row["hash"] = audit.entry_hash(row)
    desk.db.execute("UPDATE audit_log SET actor = ?, hash = ? WHERE id = 1", (row["actor"], row["hash"]))
    assert [p.entry_id for p in audit.verify(desk.db)] == [2]


def test_wrong_pins_are_logged_and_after_three_each_must_wait_longer(desk, clock):
    access = Access(desk)
    access.set_pin(TEST_PIN)
    access.action_done()
    for _attempt in range(2):
        with pytest.raises(WrongPin, match="再错"):
            access.become_leader("000000")
    with pytest.raises(WrongPin, match="请 30 秒后再试"):
        access.become_leader("000000")  # the third wrong one
    with pytest.raises(WrongPin, match="连续输错 3 次"):
        access.become_leader(TEST_PIN)  # even the right one waits
    clock.advance(seconds=31)
    with pytest.raises(WrongPin, match="请 1 分钟后再试"):
        access.become_leader("000000")  # the wait doubles
    clock.advance(seconds=61)
    # A new start (another Access, as the command line makes at every run) keeps the count.
    again = Access(desk)
    with pytest.raises(WrongPin, match="请 2 分钟后再试"):
        again.become_leader("111111")
    clock.advance(minutes=2, seconds=1)
    again.become_leader(TEST_PIN)
    assert again.is_leader and _actions(desk).count("pin_failed") == 5
    assert again.wait_before_next_try().total_seconds() == 0
    assert audit.verify(desk.db) == []
