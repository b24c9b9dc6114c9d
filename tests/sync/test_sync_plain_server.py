"""The desk against a plain third-party GeoReport v2 server (tests/sync/plain_open311.py): its
own API root, no idempotency, no media, no updates, api_key, a required location, DRF errors."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception import clock
from reception.desk import ReceptionDesk
from reception.storage import open_database
from reception.storage import repository as repo
from sync import unconfirmed
from sync.profiles import GEOREPORT
from sync.service import SET_ASIDE, SYNCED, UNCONFIRMED, WAITING, SyncService
from sync_fault_proxy import Fault, FaultProxy
from sync_support import PlainOpen311, case_raw, client_factory, photo

CENTRE = (22.5553, 113.8830)
CREATE = "POST /api/georeport/v2/requests.json"
LOOK_UP = "GET /api/georeport/v2/requests.json?service_code"


@pytest.fixture
def real_desk(tmp_path: Path, form) -> Iterator[ReceptionDesk]:
    # The laptop's real clock: the server stamps requests with its own, and the look-up window
    # is around the laptop's time, as at a real stall.
    db = open_database(tmp_path / "desk" / "desk.db", secrets.token_bytes(32))
    try:
        yield ReceptionDesk(db, form)
    finally:
        db.conn.close()


def plain_service(desk, url: str, **kwargs) -> SyncService:
    return SyncService(desk, client_factory(url, None, api_key=PlainOpen311.API_KEY, read_timeout=1.0),
                       profile=GEOREPORT, location_for=lambda case: CENTRE, **kwargs)


def test_a_night_arrives_once_with_code_address_and_location(real_desk, plain):
    cases = [real_desk.record_case(case_raw()) for _ in range(3)]
    report = plain_service(real_desk, plain.root).run()
    assert [r.outcome for r in report.results] == [SYNCED] * 3
    rows = plain.rows()
    assert len(rows) == 3
    for case in cases:
        [row] = [r for r in rows if r["description"].startswith(f"[{case.tracking_code}] ")]
        assert row["address"] == "安乐社区 安乐村12栋" and (row["lat"], row["long"]) == CENTRE
        assert repo.sync_case(real_desk.db, case.id)["request_id"] == str(1000 + row["id"])


def test_the_servers_nested_errors_are_shown_in_its_own_words(real_desk, plain):
    case = real_desk.record_case(case_raw())
    with real_desk.db.atomic():
        real_desk.db.execute("UPDATE cases SET category_code = 'NOI01X' WHERE id = ?", (case.id,))
    [result] = plain_service(real_desk, plain.root).run().results
    assert result.outcome == SET_ASIDE and "Service code NOI01X is invalid" in result.reason
    assert not plain.rows()


def test_without_a_community_centre_nothing_is_sent_and_the_leader_is_told_where_to_set_it(real_desk, plain):
    real_desk.record_case(case_raw())
    service = SyncService(real_desk, client_factory(plain.root, None, api_key=PlainOpen311.API_KEY),
                          profile=GEOREPORT)
    [result] = service.run().results
    assert result.outcome == SET_ASIDE and "安乐社区" in result.reason and "communities.toml" in result.reason
    assert not plain.rows()


def test_a_wrong_api_key_stops_the_sync(real_desk, plain):
    real_desk.record_case(case_raw())
    service = SyncService(real_desk, client_factory(plain.root, None, api_key="wrong"), profile=GEOREPORT,
                          location_for=lambda case: CENTRE)
    report = service.run()
    assert report.stopped and "Invalid api_key" in report.stopped and not plain.rows()


def test_a_photo_the_server_cannot_take_never_causes_a_second_create(real_desk, plain):
    case = real_desk.record_case(case_raw(photos=[photo(3000)]))
    service = plain_service(real_desk, plain.root)
    [result] = service.run().results
    assert result.outcome == SYNCED and "照片留在本机" in result.reason
    assert not service.run().results
    assert plain.rows_per_code([case.tracking_code]) == {case.tracking_code: 1}


def test_a_closed_case_on_the_server_turns_green_after_the_next_sync(real_desk, plain):
    cases = [real_desk.record_case(case_raw()) for _ in range(3)]
    service = plain_service(real_desk, plain.root)
    service.run()
    first = repo.sync_case(real_desk.db, cases[0].id)["request_id"]
    second = repo.sync_case(real_desk.db, cases[1].id)["request_id"]
    plain.set_status(first, "closed", "已完成消杀")
    plain.set_status(second, "IN_PROGRESS", "已派单")
    report = service.run()
    assert report.updates_received == 2 and "servicerequestupdates" in report.updates_note
    closed = real_desk.case(cases[0].id)
    assert closed.platform_status == "closed" and closed.light(clock.now(), 0.25).value == "办结绿"
    assert real_desk.case(cases[1].id).platform_status == "in_progress"
    assert real_desk.case(cases[2].id).platform_status == "open"
    assert [(u["status"], u["description"]) for u in repo.list_sync_updates(real_desk.db, cases[0].id)] == [
        ("open", ""), ("closed", "已完成消杀")]
    assert service.run().updates_received == 0  # the same status is stored once


def test_a_lost_answer_is_found_by_its_tracking_code_not_sent_again(real_desk, plain):
    proxy = FaultProxy(plain.port).start()
    try:
        cases = [real_desk.record_case(case_raw()) for _ in range(3)]
        proxy.plan(Fault("drop_after_commit", CREATE, times=3))
        report = plain_service(real_desk, proxy.url + "api/georeport/v2/", workers=1).run()
        assert [r.outcome for r in report.results] == [SYNCED] * 3
        assert len([h for h in proxy.heads if h.startswith(CREATE)]) == 3  # never resent
    finally:
        proxy.stop()
    codes = [c.tracking_code for c in cases]
    assert plain.rows_per_code(codes) == dict.fromkeys(codes, 1)


def test_where_the_server_cannot_tell_the_case_waits_for_the_leader(real_desk, private_plain):
    private = private_plain
    proxy = FaultProxy(private.port).start()
    try:
        case = real_desk.record_case(case_raw())
        proxy.plan(Fault("drop_after_commit", CREATE))
        service = plain_service(real_desk, proxy.url + "api/georeport/v2/")
        [result] = service.run().results
        assert result.outcome == UNCONFIRMED and "按查询码搜索" in result.reason
        # No automatic resend, however often the leader presses sync.
        assert [r.outcome for r in service.run().results] == [UNCONFIRMED]
        assert len(private.rows()) == 1
        assert [r["tracking_code"] for r in unconfirmed.pending(real_desk)] == [case.tracking_code]
        # The leader found it on the server's pages.
        request_id = str(1000 + private.rows()[0]["id"])
        unconfirmed.it_is_there(real_desk, case.tracking_code, request_id)
        [result] = service.run().results
        assert result.outcome == SYNCED and len(private.rows()) == 1
        assert repo.sync_case(real_desk.db, case.id)["request_id"] == request_id
    finally:
        proxy.stop()


def test_the_leader_may_say_not_there_and_it_is_sent_again(real_desk, private_plain):
    private = private_plain
    proxy = FaultProxy(private.port).start()
    try:
        service = plain_service(real_desk, proxy.url + "api/georeport/v2/")
        real_desk.record_case(case_raw())
        service.run()  # an earlier case of the same service, whose description nobody may read
        case = real_desk.record_case(case_raw())
        # Cut in the head: the server never stored it, but the desk cannot know that.
        proxy.plan(Fault("reset_request_at", CREATE, byte=60))
        assert [r.outcome for r in service.run().results] == [UNCONFIRMED]
        assert len(private.rows()) == 1
        unconfirmed.send_again(real_desk, case.tracking_code)
        assert [r.outcome for r in service.run().results] == [SYNCED]
        assert len(private.rows()) == 2
    finally:
        proxy.stop()


def test_a_server_killed_after_committing_is_looked_up_after_its_restart(real_desk, plain):
    cases = [real_desk.record_case(case_raw()) for _ in range(4)]
    plain.restart(die_after_commit=2)
    service = plain_service(real_desk, plain.root, workers=1)
    first = service.run()
    assert not plain.alive()
    assert WAITING in {r.outcome for r in first.results}
    plain.restart()
    second = service.run()
    assert not second.waiting and not second.unconfirmed
    codes = [c.tracking_code for c in cases]
    assert plain.rows_per_code(codes) == dict.fromkeys(codes, 1)
    assert set(repo.synced_case_ids(real_desk.db)) == {c.id for c in cases}


def test_a_failure_that_repeats_every_run_says_so_and_whom_to_ask(real_desk, plain):
    proxy = FaultProxy(plain.port).start()
    try:
        real_desk.record_case(case_raw())
        proxy.plan(Fault("status", CREATE, status=500, times=100))
        service = plain_service(real_desk, proxy.url + "api/georeport/v2/")
        first = service.run().results[0].reason
        assert "HTTP 500" in first and "连续" not in first
        service.run()
        third = service.run().results[0].reason
        assert "已连续 3 次同样失败" in third and "平台管理员" in third and "不是网络问题" in third
    finally:
        proxy.stop()


def test_a_void_after_sync_is_not_sent_to_a_server_without_updates_and_says_why(real_desk, plain):
    case = real_desk.record_case(case_raw())
    service = plain_service(real_desk, plain.root)
    service.run()
    request_id = repo.sync_case(real_desk.db, case.id)["request_id"]
    real_desk.void_case(case.id, "居民撤回诉求")
    [result] = service.run().results
    assert result.outcome == SET_ASIDE and "不接收接访台的作废" in result.reason and request_id in result.reason
    assert "HTTP 404" not in result.reason
    assert len(plain.rows()) == 1 and plain.rows()[0]["status"] == "open"
