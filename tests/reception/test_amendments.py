"""Corrections once the platform may hold a case: amendments, never edits in place."""

from __future__ import annotations

import pytest

from reception.errors import CaseLocked, ValidationFailed
from reception.storage import repository as repo

NOTE = "居民补充：漏水的是5楼不是4楼"


def _start_sending(desk, case_id):
    [entry] = [r for r in repo.pending_outbox(desk.db) if r["case_id"] == case_id and r["kind"] == "create"]
    with desk.db.atomic():
        repo.mark_create_started(desk.db, entry["id"], "2026-11-25T12:00:00+00:00")


def test_a_case_not_yet_sent_is_edited_in_place_not_amended(desk, make_case):
    case = desk.record_case(make_case())
    assert desk.can_edit(case.id)
    with pytest.raises(CaseLocked, match="直接修改"):
        desk.amend_case(case.id, NOTE)
    assert desk.edit_case(case.id, make_case(address="安乐村13栋")).address == "安乐村13栋"


def test_once_sending_began_the_case_is_locked_and_amended(desk, make_case):
    case = desk.record_case(make_case())
    _start_sending(desk, case.id)
    assert not desk.can_edit(case.id)
    with pytest.raises(CaseLocked, match="补充更正"):
        desk.edit_case(case.id, make_case(address="安乐村13栋"))
    assert desk.case(case.id).address == "安乐村12栋"
    desk.amend_case(case.id, NOTE, receptionist="志愿者 李明")
    assert [a["note"] for a in desk.amendments(case.id)] == [NOTE]
    kinds = [r["kind"] for r in repo.pending_outbox(desk.db) if r["case_id"] == case.id]
    assert kinds == ["create", "amend"]  # the amendment waits behind the create
    assert repo.last_audit_entry(desk.db)["action"] == "amend"


@pytest.mark.parametrize(
    "note, message",
    [("", "太短"), ("改了", "太短"), ("长" * 1001, "太长"), ("地址\x07更正", "控制字符")],
)
def test_a_bad_note_names_the_field_and_queues_nothing(desk, make_case, note, message):
    case = desk.record_case(make_case())
    _start_sending(desk, case.id)
    before = desk.pending_sync_count()
    with pytest.raises(ValidationFailed) as failure:
        desk.amend_case(case.id, note)
    [error] = failure.value.errors
    assert error.label == "更正说明" and message in error.message
    assert desk.pending_sync_count() == before


def test_a_voided_case_takes_no_amendment(desk, make_case):
    case = desk.record_case(make_case())
    _start_sending(desk, case.id)
    desk.void_case(case.id, "登记重复")
    with pytest.raises(CaseLocked, match="作废"):
        desk.amend_case(case.id, NOTE)


def test_a_purge_clears_the_words_of_corrections_too(desk, make_case, clock):
    from reception import clock as street_clock
    from reception.privacy import retention

    case = desk.record_case(make_case())
    with desk.db.atomic():
        repo.mark_case_synced(desk.db, case.id, street_clock.to_text(clock.now()), "open")
    desk.amend_case(case.id, "居民改留电话13900002222，姓诸葛")
    with desk.db.atomic():
        repo.set_platform_status(desk.db, case.id, "closed", street_clock.to_text(clock.now()), True)
    clock.advance(days=100)
    assert retention.purge(desk, 90).purged == (case.tracking_code,)
    [amendment] = desk.amendments(case.id)
    assert amendment["note"] == retention.PURGED_DESCRIPTION
    assert "13900002222" not in repr(desk.amendments(case.id))
