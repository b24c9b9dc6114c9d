"""A void the platform refuses for good (a 4xx a resend would only repeat) is kept on the laptop,
set aside once in the platform's words, not sent at every sync nor on the USB stick, and goes again
when the team leader says so (sync/held_voids.py), against the real reference platform."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from reception.errors import DeskError
from reception.privacy import audit
from reception.storage import repository as repo
from sync import held_voids
from sync.client import SyncError
from sync.offline import export_bundle
from sync.service import SET_ASIDE, SYNCED, SyncService, overview
from sync_fault_proxy import FaultProxy
from sync_support import case_raw, client_factory

UPDATES_POST = "POST /open311/v2/servicerequestupdates.json"


def _void_posts(proxy) -> int:
    return sum(UPDATES_POST in head for head in proxy.heads)


def test_a_refused_void_is_held_set_aside_once_and_sent_again_by_the_leader(desk, platform, device_token, tmp_path):
    case = desk.record_case(case_raw())
    SyncService(desk, client_factory(platform.url, device_token)).run()
    request_id = repo.sync_case(desk.db, case.id)["request_id"]
    # The laptop was enrolled again: the platform keeps the case under the revoked enrolment and
    # answers the new one's void of it with a 404, night after night if it were resent.
    [old] = [d for d in platform.store.list_devices() if d["prefix"] == "K7Q"]
    assert platform.store.revoke_device(old["id"])
    _, token = platform.enrol(prefix="K7Q")
    [new_device] = [d["id"] for d in platform.store.list_devices() if d["prefix"] == "K7Q" and not d["revoked_at"]]
    desk.void_case(case.id, "登记错了人")
    proxy = FaultProxy(platform.port).start()
    try:
        service = SyncService(desk, client_factory(proxy.url, token))
        [refused] = service.run().set_aside
        assert refused.case_id == case.id and f"没有编号为 {request_id} 的诉求" in refused.reason
        assert "不会再自动重发" in refused.reason and "重新发送作废" in refused.reason
        assert _void_posts(proxy) == 1
        # Kept: still waiting to reach the platform, held, and the leader sees it before any sync.
        assert desk.pending_sync_count() == 1
        [held] = held_voids.held(desk)
        assert held["tracking_code"] == case.tracking_code and f"没有编号为 {request_id} 的诉求" in held["refused"]
        [aside] = overview(desk)["set_aside"]
        assert (aside["tracking_code"], aside["pending"], aside["held"]) == (case.tracking_code, 0, 1)
        assert overview(desk)["waiting"] == []

        # The next nights' syncs say it is still set aside, and do not send it.
        for _ in range(2):
            again = service.run()
            assert [(r.case_id, r.outcome) for r in again.results] == [(case.id, SET_ASIDE)]
            assert "重新发送作废" in again.results[0].reason
        assert _void_posts(proxy) == 1
        # Nor does the USB stick carry it.
        with pytest.raises(SyncError, match="没有要同步的诉求"):
            export_bundle(service, token, tmp_path / "night.xinan-bundle")

        # The platform's staff give the case to the laptop's new enrolment; the leader sends it again.
        with platform.store.transaction() as conn:
            conn.execute(text("UPDATE requests SET device = :device WHERE service_request_id = :id"),
                         {"device": new_device, "id": request_id})
        assert held_voids.send_again(desk, case.tracking_code.lower()) == case.tracking_code
        assert overview(desk)["set_aside"] == [] and held_voids.held(desk) == []
        assert audit.entries(desk.db)[-1]["detail"].startswith("组长要求重新发送")
        [sent] = service.run().results
        assert (sent.case_id, sent.outcome) == (case.id, SYNCED)
        assert _void_posts(proxy) == 2
        assert platform.store.get_request(request_id)["status"] == "voided"
        assert desk.pending_sync_count() == 0 and desk.case(case.id).platform_status == "voided"
        assert not service.run().results
        assert _void_posts(proxy) == 2
    finally:
        proxy.stop()


def test_sending_again_is_only_for_a_held_void(desk, platform, device_token):
    case = desk.record_case(case_raw())
    SyncService(desk, client_factory(platform.url, device_token)).run()
    with pytest.raises(DeskError, match="没有被平台拒绝的作废"):
        held_voids.send_again(desk, case.tracking_code)
    with pytest.raises(DeskError, match="本机没有查询码为 ZZZ-9999-Z"):
        held_voids.send_again(desk, "ZZZ-9999-Z")
