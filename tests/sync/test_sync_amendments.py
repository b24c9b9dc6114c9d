"""Corrections after the platform may hold a case travel as amendments, never as overwrites."""

from __future__ import annotations

import pytest

from reception.errors import CaseLocked
from reception.storage import repository as repo
from sync.service import SYNCED, WAITING, SyncService, overview
from sync_fault_proxy import Fault, FaultProxy
from sync_support import case_raw, client_factory, settle

CREATE = "POST /open311/v2/requests.json"
UPDATES_POST = "POST /open311/v2/servicerequestupdates.json"
NOTE = "居民补充：问题地点是C出口东侧，不是西侧"



def _platform_request(platform, desk, case_id):
    return platform.store.get_request(repo.sync_case(desk.db, case_id)["request_id"])


def test_a_correction_after_sync_goes_up_once_in_the_volunteers_words(desk, platform, device_token, proxy):
    case = desk.record_case(case_raw())
    service = SyncService(desk, client_factory(proxy.url, device_token))
    service.run()
    with pytest.raises(CaseLocked, match="补充更正"):
        desk.edit_case(case.id, case_raw(description="改成另一件事，不应覆盖平台上的内容"))
    desk.amend_case(case.id, NOTE)
    # The platform commits the update but its answer is lost: the retry must not add a second.
    proxy.plan(Fault("drop_after_commit", UPDATES_POST))
    assert settle(service).of(SYNCED)
    request = _platform_request(platform, desk, case.id)
    assert request["description"] == case.description  # never overwritten
    notes = [u["description"] for u in platform.store.updates_of(request["id"]) if NOTE in (u["description"] or "")]
    assert len(notes) == 1
    assert [a["note"] for a in desk.amendments(case.id)] == [NOTE]
    assert desk.amendments(case.id)[0]["sent_at"] is not None
    assert desk.pending_sync_count() == 0


def test_after_an_interrupted_create_the_case_is_amended_not_overwritten(desk, platform, device_token, proxy):
    case = desk.record_case(case_raw())
    service = SyncService(desk, client_factory(proxy.url, device_token))
    # The platform stores the case, then the connection drops before the laptop hears so.
    # (as often as the client retries within one run).
    proxy.plan(Fault("drop_after_commit", CREATE, times=20))
    first = service.run()
    assert first.of(WAITING) and not desk.case(case.id).is_synced
    assert desk.can_edit(case.id) is False
    with pytest.raises(CaseLocked, match="补充更正"):
        desk.edit_case(case.id, case_raw(description="现场改了说法，但平台可能已经收到"))
    desk.amend_case(case.id, NOTE)
    settle(service)
    assert platform.count_per_key() == {case.id: 1}
    request = _platform_request(platform, desk, case.id)
    assert request["description"] == case.description
    assert any(NOTE in (u["description"] or "") for u in platform.store.updates_of(request["id"]))
    assert desk.case(case.id).is_synced and desk.pending_sync_count() == 0


def test_a_correction_the_platform_refuses_is_kept_shown_and_not_resent_until_corrected_again(desk, platform, device_token):
    case = desk.record_case(case_raw())
    SyncService(desk, client_factory(platform.url, device_token)).run()
    request_id = repo.sync_case(desk.db, case.id)["request_id"]
    # The laptop lost its enrolment and was enrolled again: the platform keeps its earlier case
    # under the revoked enrolment and answers the new one's corrections of it with a 404.
    [old] = [d for d in platform.store.list_devices() if d["prefix"] == "K7Q"]
    assert platform.store.revoke_device(old["id"])
    _, token = platform.enrol(prefix="K7Q")
    proxy = FaultProxy(platform.port).start()
    try:
        service = SyncService(desk, client_factory(proxy.url, token))
        desk.amend_case(case.id, NOTE)
        [refused] = service.run().set_aside
        assert refused.case_id == case.id and f"没有编号为 {request_id} 的诉求" in refused.reason
        assert "不会再自动重发" in refused.reason
        [amendment] = desk.amendments(case.id)
        assert amendment["note"] == NOTE and amendment["sent_at"] is not None
        assert f"没有编号为 {request_id} 的诉求" in amendment["refused"]
        assert desk.pending_sync_count() == 0
        # The leader sees it before the next sync, and that sync does not send it again.
        [aside] = overview(desk)["set_aside"]
        assert aside["tracking_code"] == case.tracking_code and "补充更正" in aside["set_aside_reason"]
        sent = sum(UPDATES_POST in head for head in proxy.heads)
        assert sent == 1
        assert not service.run().results
        assert sum(UPDATES_POST in head for head in proxy.heads) == sent
        # Corrected again, the case goes again (and is refused again, on its own entry).
        desk.amend_case(case.id, NOTE + "（重写）")
        assert overview(desk)["set_aside"] == []
        [again] = service.run().set_aside
        assert sum(UPDATES_POST in head for head in proxy.heads) == sent + 1
        assert [bool(a["refused"]) for a in desk.amendments(case.id)] == [True, True]
        notes = platform.store.updates_of(platform.store.get_request(request_id)["id"])
        assert not any(NOTE in (u["description"] or "") for u in notes)
    finally:
        proxy.stop()
