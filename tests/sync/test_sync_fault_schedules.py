"""Many fault schedules against both kinds of server, every case's rows counted: 0 lost, 0 twice.

Each schedule is drawn from a seeded generator (the same schedules every run): one to three
faults on the line (answers lost after the server committed, resets mid-head and mid-body, 5xx
before and after the server, a captive portal, a stalled answer) and, on the plain server, the
server killed with SIGKILL just before or just after committing a create, then restarted on
the same data. The laptop syncs until the line is clean again; then the server's rows are
counted: each case exactly once, and every case marked synced on the laptop.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception.desk import ReceptionDesk
from reception.storage import open_database
from reception.storage import repository as repo
from sync.client import RetryPolicy
from sync.profiles import GEOREPORT
from sync.service import SyncService
from sync_fault_proxy import Fault, FaultProxy
from sync_support import PlainOpen311, PlatformServer, case_raw, client_factory, photo

PLAIN_SCHEDULES = 130
OUR_SCHEDULES = 80
CASES_PER_SCHEDULE = 3
ONE_TRY = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0)
CENTRE = (22.5553, 113.8830)
CATEGORIES = ("ENV01", "ENV02", "ENV03", "ENV04", "ENV05")

PLAIN = {
    "create": "POST /api/georeport/v2/requests.json",
    "look-up": "GET /api/georeport/v2/requests.json?service_code",
    "status": "GET /api/georeport/v2/requests.json?service_request_id",
}
OURS = {
    "create": "POST /open311/v2/requests.json",
    "photo": "PUT /open311/v2/requests/",
    "photo state": "/media/",
    "confirm": "GET /open311/v2/requests/",
    "updates": "GET /open311/v2/servicerequestupdates.json",
}


def _line_fault(rng: random.Random, matches: dict[str, str]) -> Fault:
    where = matches[rng.choice(sorted(matches))]
    kind = rng.choice(["drop_after_commit", "drop_after_commit", "reset_head", "reset_body", "status_after",
                       "status_before", "portal", "stall"])
    times = rng.choice([1, 1, 2])
    if kind == "reset_head":
        return Fault("reset_request_at", where, byte=rng.choice([20, 80, 160]), times=times)
    if kind == "reset_body":
        return Fault("reset_request_at", where, byte=rng.choice([400, 700, 2500, 4200]), times=times)
    if kind == "status_after":
        return Fault("status", where, status=rng.choice([500, 502, 503]), after_server=True, times=times)
    if kind == "status_before":
        return Fault("status", where, status=rng.choice([500, 502, 503]), times=times)
    if kind == "stall":
        return Fault("stall", where, stall_seconds=0.8)
    return Fault(kind, where, times=times)


def _desk(folder: Path, form) -> ReceptionDesk:
    return ReceptionDesk(open_database(folder / "desk.db", secrets.token_bytes(32)), form)


def _record(desk: ReceptionDesk, rng: random.Random, seed: int, photos: bool) -> list:
    cases = []
    for i in range(CASES_PER_SCHEDULE):
        with_photo = photos and rng.random() < 0.5
        raw = case_raw(category=rng.choice(CATEGORIES), description=f"排程 {seed} 第 {i} 条：楼道灯坏了",
                       photos=[photo(5000, seed=seed * 10 + i)] if with_photo else [])
        cases.append(desk.record_case(raw))
    return cases


# --- the plain third-party server ------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(PLAIN_SCHEDULES))
def test_plain_server_every_case_once(seed, plain_line, tmp_path, form):
    server, proxy = plain_line
    rng = random.Random(seed)
    proxy.clear()
    server.ensure_running()
    desk = _desk(tmp_path, form)
    try:
        cases = _record(desk, rng, seed, photos=True)
        planned = [_line_fault(rng, PLAIN) for _ in range(rng.randint(1, 3))]
        kill = rng.choice([None, None, "after", "before"])
        if kill:
            n = rng.randint(1, CASES_PER_SCHEDULE)
            server.restart(**{f"die_{kill}_commit": n})
        proxy.plan(*planned)
        service = SyncService(desk, client_factory(proxy.url + "api/georeport/v2/", None, read_timeout=0.5,
                                                   retry=ONE_TRY, api_key=PlainOpen311.API_KEY),
                              profile=GEOREPORT, location_for=lambda case: CENTRE, workers=2, media_retry=ONE_TRY)
        for _ in range(3):
            server.ensure_running()  # its supervisor starts it again after a kill
            if not service.run().waiting and server.alive():
                break
        proxy.clear()
        if kill:
            server.restart()  # without the kill switch
        for _ in range(3):
            report = service.run()
            if not report.waiting:
                break
        assert not report.waiting and not report.set_aside and not report.unconfirmed, report
        rows = Counter(r["description"] for r in server.rows())
        for case in cases:
            assert rows[f"[{case.tracking_code}] {case.description}"] == 1, (planned, kill)
        assert set(repo.synced_case_ids(desk.db)) == {c.id for c in cases}
        assert {repo.sync_case(desk.db, c.id)["request_id"] for c in cases} <= {str(1000 + r["id"]) for r in server.rows()}
    finally:
        desk.db.conn.close()


# --- the reference platform ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def our_line(tmp_path_factory) -> Iterator[tuple[PlatformServer, FaultProxy]]:
    server = PlatformServer(tmp_path_factory.mktemp("schedules-platform")).start()
    proxy = FaultProxy(server.port).start()
    try:
        yield server, proxy
    finally:
        proxy.stop()
        server.stop()


@pytest.mark.parametrize("seed", range(OUR_SCHEDULES))
def test_reference_platform_every_case_once(seed, our_line, tmp_path, form):
    platform, proxy = our_line
    rng = random.Random(10_000 + seed)
    proxy.clear()
    desk = _desk(tmp_path, form)
    token = platform.enrol_desk(desk, name=f"排程{seed}")
    try:
        cases = _record(desk, rng, seed, photos=True)
        proxy.plan(*[_line_fault(rng, OURS) for _ in range(rng.randint(1, 3))])
        service = SyncService(desk, client_factory(proxy.url, token, read_timeout=0.5, retry=ONE_TRY),
                              workers=2, media_retry=ONE_TRY)
        for _ in range(2):
            if not service.run().waiting:
                break
        proxy.clear()
        for _ in range(3):
            report = service.run()
            if not report.waiting:
                break
        assert not report.waiting and not report.set_aside, report
        counts = platform.count_per_key()
        assert all(counts.get(c.id) == 1 for c in cases), counts
        assert set(repo.synced_case_ids(desk.db)) == {c.id for c in cases}
        assert {c.id for c in cases} <= platform.complete_keys()
        for case in cases:
            assert platform.media_files_ok(case.id)
    finally:
        desk.db.conn.close()
