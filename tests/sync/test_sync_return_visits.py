"""At sync a verdict recorded at the stall goes up exactly once, and the platform's view of each
case with news (department, due time, notes) comes back onto the case."""

from __future__ import annotations

from reception import return_visits
from reception.storage import repository as repo
from sync.service import SYNCED, SyncService
from sync_fault_proxy import Fault
from sync_support import case_raw, client_factory, settle

UPDATES_POST = "POST /open311/v2/servicerequestupdates.json"



def test_a_verdict_goes_up_once_and_progress_comes_back(desk, platform, device_token, proxy):
    case = desk.record_case(case_raw())
    service = SyncService(desk, client_factory(proxy.url, device_token))
    service.run()
    request_id = repo.sync_case(desk.db, case.id)["request_id"]
    progress = return_visits.case_loop(desk, case.id).progress
    assert progress is not None and progress.status == "open"
    assert progress.department == case.department and progress.due_at == case.close_by

    stored = platform.store.get_request(request_id)
    platform.store.add_update(stored["id"], "closed", "已安排消杀，楼道已清理", "staff")
    service.run()
    progress = return_visits.case_loop(desk, case.id).progress
    assert (progress.status, progress.notes) == ("closed", "已安排消杀，楼道已清理")
    assert desk.case(case.id).platform_status == "closed"

    return_visits.rate_case(desk, case.id, "不满意", "蟑螂还是很多")
    # The platform commits the rating but its answer is lost: the resend must not add a second.
    proxy.plan(Fault("drop_after_commit", UPDATES_POST))
    assert settle(service).of(SYNCED)
    loop = platform.app.state.platform.loop
    assert [(r["rating"], r["words"], r["source"]) for r in loop.ratings_of(stored["id"])] == [("不满意", "蟑螂还是很多", "desk")]
    assert platform.store.get_request(request_id)["status"] == "reopened"  # back to its department
    [local] = return_visits.case_loop(desk, case.id).local_ratings
    assert local.sent_at is not None and desk.pending_sync_count() == 0
    service.run()
    progress = return_visits.case_loop(desk, case.id).progress
    assert progress.status == "reopened" and "重新办理" in progress.notes
    assert [r.rating for r in progress.ratings] == ["不满意"] and progress.due_at > case.close_by
    assert desk.case(case.id).closed_at is None  # open again on the laptop too


def test_only_cases_with_news_are_asked_again(desk, platform, device_token, clock):
    first = desk.record_case(case_raw())
    second = desk.record_case(case_raw(resident_name="李伯"))
    service = SyncService(desk, client_factory(platform.url, device_token))
    service.run()
    assert repo.cases_with_news(desk.db) == []
    request_id = repo.sync_case(desk.db, second.id)["request_id"]
    platform.store.add_update(platform.store.get_request(request_id)["id"], "accepted", "街道已受理", "staff")
    # A mark on the first case's stored progress shows whether it was fetched again.
    with desk.db.atomic():
        return_visits.store_progress(desk.db, first.id, {"status": "open", "notes": "未再取"}, "2026-11-25T12:00:00+00:00")
    clock.advance(hours=24)  # the next night's sync
    service.run()
    assert return_visits.case_loop(desk, second.id).progress.status == "accepted"
    first_progress = return_visits.case_loop(desk, first.id).progress
    assert first_progress.notes == "未再取"
    # No news of the first case, yet its progress is as of this sync: it is unchanged since.
    assert first_progress.fetched_at == clock.now()


def test_a_verdict_the_platform_already_has_from_the_page_is_said_once_and_not_resent(desk, platform, device_token):
    case = desk.record_case(case_raw())
    service = SyncService(desk, client_factory(platform.url, device_token))
    service.run()
    internal = platform.store.get_request(repo.sync_case(desk.db, case.id)["request_id"])["id"]
    loop = platform.app.state.platform.loop
    for action, fields in (("accept", {}), ("dispatch", {"department": "综合行政执法队"}), ("close", {"note": "已处理"})):
        loop.act(internal, action, author="staff", **fields)
    service.run()
    # The resident rated on the phone before coming back to the stall, where it was recorded again.
    loop.act(internal, "rate", author="resident", rating="满意", source="page")
    return_visits.rate_case(desk, case.id, "基本满意")
    report = service.run()
    [refused] = report.set_aside
    assert "已经评价过了" in refused.reason
    [local] = return_visits.case_loop(desk, case.id).local_ratings
    assert local.sent_at is not None and "已经评价过了" in local.refused
    assert desk.pending_sync_count() == 0 and not service.run().set_aside  # said once, not resent
    assert [r["rating"] for r in loop.ratings_of(internal)] == ["满意"]
