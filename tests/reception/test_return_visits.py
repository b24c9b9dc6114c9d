"""The resident's verdict recorded at the stall, the platform's progress kept on the case, and a
new petition that follows an earlier one."""

from __future__ import annotations

import pytest

from reception import return_visits
from reception.errors import CaseLocked, UnknownCase, ValidationFailed
from reception.privacy import retention
from reception.storage import repository as repo


def _synced(desk, case, status):
    at = desk.now().isoformat()
    with desk.db.atomic():
        repo.mark_case_synced(desk.db, case.id, at, status)
        repo.set_platform_status(desk.db, case.id, status, at, status == "closed")


def test_a_verdict_on_a_closed_case_is_queued_once_with_its_words(desk, make_case):
    case = desk.record_case(make_case())
    _synced(desk, case, "closed")
    before = desk.pending_sync_count()
    return_visits.rate_case(desk, case.id, "不满意", "蟑螂还是很多", "志愿者 李明")
    assert desk.pending_sync_count() == before + 1
    loop = return_visits.case_loop(desk, case.id)
    assert [(r.rating, r.note, r.sent_at) for r in loop.local_ratings] == [("不满意", "蟑螂还是很多", None)]
    # One verdict per closing: a second one waits for the platform to close the case again.
    with pytest.raises(CaseLocked, match="已有一条评价"):
        return_visits.rate_case(desk, case.id, "满意")
    entry = desk.db.execute("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry == ("rate", "不满意")  # the word, never the resident's words


@pytest.mark.parametrize("status, why", [(None, "还没有同步"), ("accepted", "还没有办结"), ("in_progress", "还没有办结")])
def test_no_verdict_before_the_platform_closed_the_case(desk, make_case, status, why):
    case = desk.record_case(make_case())
    if status:
        _synced(desk, case, status)
    with pytest.raises(CaseLocked, match=why):
        return_visits.rate_case(desk, case.id, "满意")
    assert repo.list_ratings(desk.db, case.id) == []


def test_a_voided_or_unknown_case_cannot_be_rated(desk, make_case):
    case = desk.record_case(make_case())
    _synced(desk, case, "closed")
    desk.void_case(case.id, "重复登记")
    with pytest.raises(CaseLocked, match="作废"):
        return_visits.rate_case(desk, case.id, "满意")
    with pytest.raises(UnknownCase):
        return_visits.rate_case(desk, "no-such-case", "满意")


@pytest.mark.parametrize("rating, note, field", [("很好", "", "rating"), ("", "", "rating"),
                                                 ("满意", "字" * 501, "note"), ("满意", "a\x00b", "note")])
def test_a_wrong_verdict_names_its_field(desk, make_case, rating, note, field):
    case = desk.record_case(make_case())
    _synced(desk, case, "closed")
    with pytest.raises(ValidationFailed) as caught:
        return_visits.rate_case(desk, case.id, rating, note)
    assert caught.value.errors[0].field == field


def test_progress_from_the_platform_is_kept_and_read_back(desk, make_case):
    case = desk.record_case(make_case())
    with desk.db.atomic():
        return_visits.store_progress(desk.db, case.id, {
            "status": "in_progress", "department": "城市管理办", "due_at": "2026-11-28T11:30:00+00:00",
            "light": "yellow", "notes": "已派人核查",
            "visits": [{"at": "2026-11-29T02:00:00+00:00", "caller": "赵干事", "reached": True, "rating": "满意", "words": "好"}],
            "ratings": [{"at": "2026-11-29T02:00:00+00:00", "rating": "满意", "words": "", "source": "visit"}],
        }, "2026-11-29T03:00:00+00:00")
    progress = return_visits.case_loop(desk, case.id).progress
    assert (progress.status, progress.department, progress.light, progress.notes) == ("in_progress", "城市管理办", "yellow", "已派人核查")
    assert progress.due_at.isoformat() == "2026-11-28T11:30:00+00:00"
    assert progress.visits[0].caller == "赵干事" and progress.visits[0].reached
    assert progress.ratings[0].source == "visit"


def test_purge_removes_the_platforms_words_and_the_residents_but_keeps_the_verdict(desk, make_case, clock):
    case = desk.record_case(make_case())
    _synced(desk, case, "closed")
    return_visits.rate_case(desk, case.id, "满意", "王阿姨说谢谢")
    with desk.db.atomic():
        return_visits.store_progress(desk.db, case.id, {"status": "closed", "notes": "已回访王阿姨"}, desk.now().isoformat())
    clock.advance(days=400)
    retention.purge(desk, retention_days=180)
    loop = return_visits.case_loop(desk, case.id)
    assert loop.progress is None
    assert [(r.rating, r.note) for r in loop.local_ratings] == [("满意", "")]


def test_a_new_petition_names_the_case_it_follows(desk, make_case):
    earlier = desk.record_case(make_case())
    later = desk.record_case(make_case(description="上次反映的蟑螂问题又出现了，希望再次消杀"), follows=earlier.id)
    assert later.follows_code == earlier.tracking_code
    assert earlier.follows_code == ""
    with pytest.raises(UnknownCase, match="前次诉求"):
        desk.record_case(make_case(), follows="no-such-case")
