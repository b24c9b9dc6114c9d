"""The end-of-night sync through a fault-injecting proxy, against the real reference platform.

After every schedule: the platform holds each case exactly once with all its photos, and the
laptop marks exactly those cases as synced.
"""

from __future__ import annotations

import re
import threading

import pytest

from reception.storage import repository as repo
from sync.service import SET_ASIDE, SYNCED, WAITING, SyncService
from sync_fault_proxy import Fault
from sync_support import case_raw, client_factory, photo

CREATE = "POST /open311/v2/requests.json"
MEDIA_PUT = "PUT /open311/v2/requests/"
MEDIA_STATE = "/media/"
VERIFY = "GET /open311/v2/requests/XA"
UPDATES_POST = "POST /open311/v2/servicerequestupdates.json"
UPDATES_GET = "GET /open311/v2/servicerequestupdates.json"


def record_night(desk, cases: int = 4, photos_each: int = 2):
    recorded = []
    for i in range(cases):
        recorded.append(desk.record_case(case_raw(photos=[photo(6000 + 1000 * j) for j in range(photos_each)])))
    return recorded


def laptop_synced(desk) -> set[str]:
    return set(repo.synced_case_ids(desk.db))


def assert_consistent(desk, platform) -> None:
    """Never two requests for one case; never a case marked synced that the platform lacks."""
    counts = platform.count_per_key()
    assert all(n == 1 for n in counts.values()), counts
    synced = laptop_synced(desk)
    assert synced <= platform.complete_keys()
    for case_id in synced:
        assert platform.media_files_ok(case_id)


def assert_all_delivered(desk, platform, case_ids) -> None:
    assert_consistent(desk, platform)
    assert laptop_synced(desk) == set(case_ids) == platform.complete_keys()
    assert set(platform.count_per_key()) == set(case_ids)
    assert desk.pending_sync_count() == 0


def sync_until_settled(service, runs: int = 6):
    reports = []
    for _ in range(runs):
        reports.append(service.run())
        if not reports[-1].waiting:
            break
    return reports


SCHEDULES = {
    "drop after the server committed a create": [Fault("drop_after_commit", CREATE, times=2)],
    "drop after the server stored a photo": [Fault("drop_after_commit", MEDIA_PUT, times=2)],
    "reset in the middle of a photo upload": [Fault("reset_request_at", MEDIA_PUT, byte=3500, times=3)],
    "500 before the server": [Fault("status", CREATE, status=500, times=2)],
    "502 from a gateway": [Fault("status", MEDIA_PUT, status=502, times=2)],
    "503 after the server committed": [Fault("status", CREATE, status=503, after_server=True, times=2)],
    "a read that stalls past the timeout": [Fault("stall", CREATE, stall_seconds=2.5)],
    "a captive portal answering 200 OK": [Fault("portal", CREATE, times=2), Fault("portal", MEDIA_PUT)],
    "drop of the resume question after a cut": [
        Fault("reset_request_at", MEDIA_PUT, byte=3500), Fault("drop_after_commit", VERIFY, times=2),
    ],
    "everything at once": [
        Fault("drop_after_commit", CREATE), Fault("reset_request_at", MEDIA_PUT, byte=2500),
        Fault("status", MEDIA_STATE, status=503), Fault("portal", VERIFY),
        Fault("stall", MEDIA_PUT, stall_seconds=2.5), Fault("status", CREATE, status=502, after_server=True),
    ],
}


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_every_case_arrives_exactly_once_with_its_photos(name, desk, platform, device_token, proxy):
    cases = record_night(desk)
    proxy.plan(*SCHEDULES[name])
    service = SyncService(desk, client_factory(proxy.url, device_token), workers=3)
    reports = sync_until_settled(service)
    assert proxy.fired, "the fault never fired, so this schedule proved nothing"
    assert_all_delivered(desk, platform, [c.id for c in cases])
    assert not reports[-1].set_aside and not reports[-1].waiting
    for case in cases:
        assert desk.case(case.id).platform_status == "open"


def test_a_cut_upload_resumes_from_what_the_platform_holds(desk, platform, device_token, proxy):
    [case] = record_night(desk, cases=1, photos_each=1)
    big = desk.record_case(case_raw(photos=[photo(60_000)]))
    proxy.plan(Fault("reset_request_at", f"{MEDIA_PUT}{'XA000002'}/media/{big.photos[0].sha256} ", byte=30_000))
    service = SyncService(desk, client_factory(proxy.url, device_token), workers=1)
    sync_until_settled(service)
    assert_all_delivered(desk, platform, [case.id, big.id])
    resumed = [h for h in proxy.heads if h.startswith("PUT") and re.search(r"Content-Range: bytes [1-9]\d*-", h)]
    assert resumed, "the second try should send only the bytes the platform did not have"


def test_a_rejected_case_is_set_aside_with_the_reason_and_does_not_block_others(desk, platform, device_token, proxy):
    [edited] = record_night(desk, cases=1, photos_each=0)
    # The platform stores the case but every answer is lost; then the case changes on the
    # laptop, so the retry carries the same key with different content. The desk itself now
    # refuses that edit (corrections become amendments, see test_sync_amendments.py); a desk
    # from before that rule, or a restored backup, could still send such a version.
    proxy.plan(Fault("drop_after_commit", CREATE, times=3))
    first = SyncService(desk, client_factory(proxy.url, device_token), workers=1).run()
    assert [r.outcome for r in first.results] == [WAITING]
    with desk.db.atomic():
        assert repo.update_case(desk.db, edited.id, {"description": "更正：是五楼楼道，不是四楼"},
                                desk.case(edited.id).revision)
    cases = [edited, *record_night(desk, cases=2, photos_each=1)]
    report = SyncService(desk, client_factory(proxy.url, device_token), workers=2).run()
    [aside] = report.set_aside
    assert aside.case_id == edited.id and "409" in aside.reason and "内容不同的版本" in aside.reason
    assert "本机修改过" in aside.reason
    assert {r.case_id for r in report.synced} == {c.id for c in cases[1:]}
    assert repo.sync_case(desk.db, edited.id)["set_aside_reason"] == aside.reason
    assert_consistent(desk, platform)
    # Still in the outbox: nothing recorded is ever dropped, and the summary keeps saying why.
    again = SyncService(desk, client_factory(proxy.url, device_token)).run()
    assert [r.outcome for r in again.results] == [SET_ASIDE]


def test_a_revoked_token_stops_the_sync_and_marks_nothing(desk, platform, device_token, proxy):
    record_night(desk, cases=3, photos_each=1)
    platform.store.revoke_device(platform.store.device_for_token(device_token).id)
    report = SyncService(desk, client_factory(proxy.url, device_token)).run()
    assert report.stopped and "令牌" in report.stopped
    assert not report.synced and laptop_synced(desk) == set()
    assert {r.outcome for r in report.results} == {WAITING}


def test_an_interrupted_sync_resumes_where_it_stopped(desk, platform, device_token, proxy):
    cases = record_night(desk, cases=6, photos_each=1)
    cancel = threading.Event()

    def stop_after_two(progress):
        if progress.done >= 2:
            cancel.set()

    service = SyncService(desk, client_factory(proxy.url, device_token), workers=1)
    first = service.run(progress=stop_after_two, cancel=cancel)
    assert first.stopped and 2 <= len(first.synced) < 6
    assert_consistent(desk, platform)
    sent_before = len([h for h in proxy.heads if h.startswith(CREATE)])
    second = service.run()
    assert len(second.synced) == 6 - len(first.synced)
    assert_all_delivered(desk, platform, [c.id for c in cases])
    assert len([h for h in proxy.heads if h.startswith(CREATE)]) - sent_before == 6 - len(first.synced)


def test_a_network_that_is_down_stops_early_and_keeps_everything_waiting(desk, platform, device_token, proxy):
    record_night(desk, cases=8, photos_each=0)
    proxy.plan(Fault("status", "/open311/", status=503, times=1000))
    report = SyncService(desk, client_factory(proxy.url, device_token), workers=1).run()
    assert report.stopped and "网络" in report.stopped
    assert len(report.waiting) == 8
    # It gave up after a few cases instead of trying every case against a dead link.
    assert len([h for h in proxy.heads if h.startswith(CREATE)]) < 8 * 3


def test_progress_comes_back_and_the_platform_owns_the_status(desk, platform, device_token, proxy, clock):
    cases = record_night(desk, cases=2, photos_each=0)
    service = SyncService(desk, client_factory(proxy.url, device_token))
    service.run()
    first, second = cases
    request_id = repo.sync_case(desk.db, first.id)["request_id"]
    internal = platform.store.get_request(request_id)["id"]
    platform.store.add_update(internal, "dispatched", "已分派至城市管理办公室", "staff")
    platform.store.add_update(internal, "closed", "已完成消杀", "staff")
    # The pull is interrupted once (the answer never arrives): nothing is half-applied.
    proxy.plan(Fault("drop_after_commit", UPDATES_GET, times=3))
    service.run()
    assert desk.case(first.id).platform_status == "open"
    report = service.run()
    assert report.updates_received == 2
    closed = desk.case(first.id)
    assert closed.platform_status == "closed" and closed.closed_at is not None
    assert closed.light(clock.now(), 0.25).value == "办结绿"
    assert desk.case(second.id).platform_status == "open"
    assert [u["status"] for u in repo.list_sync_updates(desk.db, first.id)] == ["open", "dispatched", "closed"]
    assert service.run().updates_received == 0  # the cursor moved on with the updates


def test_a_void_after_sync_is_an_amendment_not_an_overwrite(desk, platform, device_token, proxy):
    [case] = record_night(desk, cases=1, photos_each=1)
    service = SyncService(desk, client_factory(proxy.url, device_token))
    service.run()
    desk.void_case(case.id, "居民撤回诉求")
    proxy.plan(Fault("drop_after_commit", UPDATES_POST))
    reports = sync_until_settled(service)
    assert reports[-1].of(SYNCED)
    request = platform.store.get_request(repo.sync_case(desk.db, case.id)["request_id"])
    assert request["status"] == "voided" and request["description"] == case.description
    updates = platform.store.updates_of(request["id"])
    assert [u["status"] for u in updates].count("voided") == 1
    assert desk.case(case.id).platform_status == "voided"
    assert desk.pending_sync_count() == 0


def test_a_case_voided_before_sync_is_still_created_then_voided(desk, platform, device_token, proxy):
    case = desk.record_case(case_raw())
    desk.void_case(case.id, "登记重复")
    SyncService(desk, client_factory(proxy.url, device_token)).run()
    request = platform.store.get_request(repo.sync_case(desk.db, case.id)["request_id"])
    assert request["status"] == "voided"
    assert desk.pending_sync_count() == 0


def test_a_stalled_answer_ends_in_a_read_timeout_not_a_hang(desk, platform, device_token, proxy):
    case = desk.record_case(case_raw())
    # The proxy would hold every answer for 60 s; only the client's read timeout ends the wait.
    proxy.plan(Fault("stall", CREATE, stall_seconds=60, times=3))
    report = SyncService(desk, client_factory(proxy.url, device_token, read_timeout=0.5)).run()
    [result] = report.results
    assert result.outcome == WAITING and "响应超时" in result.reason
    assert repo.sync_case(desk.db, case.id)["last_error"] == result.reason
    # The platform did store it; the next sync finds the same request instead of a second one.
    assert platform.count_per_key() == {case.id: 1}
    SyncService(desk, client_factory(proxy.url, device_token)).run()
    assert_all_delivered(desk, platform, [case.id])


def test_backoff_is_jittered_exponential_and_capped():
    import random

    from sync.client import RetryPolicy

    policy = RetryPolicy(attempts=6, base_delay=0.5, max_delay=8.0)
    rng = random.Random(7)
    for attempt in range(8):
        samples = [policy.delay(attempt, rng) for _ in range(200)]
        ceiling = min(8.0, 0.5 * 2 ** attempt)
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8 and len(set(samples)) > 150  # spread out, not in lockstep
