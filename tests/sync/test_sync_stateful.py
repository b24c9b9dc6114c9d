"""A Hypothesis state machine over a night and the weeks after it: record, void, sync, faults
on the line, the platform moving cases on, the laptop restarting.

After every step: no case is on the platform twice, and every case the laptop calls synced is
on the platform with all its photos (verified by hash). At the end, once the line is clean, a
sync delivers everything and the laptop shows the platform's status for each case.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test

from forms import load_form
from reception.desk import ReceptionDesk
from reception.storage import open_database
from reception.storage import repository as repo
from sync import protocol
from sync.client import RetryPolicy
from sync.profiles import GEOREPORT
from sync.service import SyncService
from sync_fault_proxy import Fault, FaultProxy
from sync_support import PlainOpen311, PlatformServer, case_raw, client_factory, photo

MATCHES = {
    "create": "POST /open311/v2/requests.json",
    "photo": "PUT /open311/v2/requests/",
    "photo state": "/media/",
    "confirm": "GET /open311/v2/requests/XA",
    "updates": "GET /open311/v2/servicerequestupdates.json",
    "void": "POST /open311/v2/servicerequestupdates.json",
}
faults = st.one_of(
    st.builds(lambda m: Fault("drop_after_commit", MATCHES[m]), st.sampled_from(sorted(MATCHES))),
    # Cuts inside the request head, and inside the body of a 5 000-byte photo.
    st.builds(lambda b: Fault("reset_request_at", MATCHES["photo"], byte=b), st.sampled_from([120, 2500, 4000])),
    st.builds(lambda b: Fault("reset_request_at", MATCHES["photo"], byte=b), st.sampled_from([1500, 3000])),
    st.builds(lambda m, s, a: Fault("status", MATCHES[m], status=s, after_server=a),
              st.sampled_from(sorted(MATCHES)), st.sampled_from([500, 502, 503]), st.booleans()),
    st.builds(lambda m: Fault("stall", MATCHES[m], stall_seconds=0.8), st.sampled_from(["create", "confirm", "updates"])),
    st.builds(lambda m: Fault("portal", MATCHES[m]), st.sampled_from(sorted(MATCHES))),
)
STAFF_STATUSES = ("accepted", "dispatched", "in_progress", "closed")
ONE_TRY = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0)


class NightAndAfter(RuleBasedStateMachine):
    platform: PlatformServer
    proxy: FaultProxy
    form = None

    @initialize()
    def start(self) -> None:
        self.proxy.clear()
        self.dir = Path(tempfile.mkdtemp(prefix="stateful-"))
        self.db = open_database(self.dir / "desk.db")
        self.desk = ReceptionDesk(self.db, self.form)
        self.token = self.platform.enrol_desk(self.desk, name=self.dir.name)
        self.cases: list[str] = []

    def teardown(self) -> None:
        if hasattr(self, "db"):
            self.db.conn.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _service(self, url: str) -> SyncService:
        return SyncService(self.desk, client_factory(url, self.token, read_timeout=0.5, retry=ONE_TRY),
                           workers=2, media_retry=ONE_TRY)

    @rule(photos=st.sampled_from([1, 2, 0]))
    def record(self, photos: int) -> None:
        case = self.desk.record_case(case_raw(photos=[photo(5000) for _ in range(photos)]))
        self.cases.append(case.id)

    @precondition(lambda self: self.cases)
    @rule(pick=st.integers(min_value=0))
    def void(self, pick: int) -> None:
        case = self.desk.case(self.cases[pick % len(self.cases)])
        if not case.is_voided:
            self.desk.void_case(case.id, "居民撤回")

    @rule(planned=st.lists(faults, min_size=1, max_size=3))
    def sync_through_faults(self, planned: list[Fault]) -> None:
        self.proxy.clear()
        self.proxy.plan(*planned)
        self._service(self.proxy.url).run()

    @rule()
    def sync(self) -> None:
        self.proxy.clear()
        self._service(self.proxy.url).run()

    @precondition(lambda self: self.cases)
    @rule(pick=st.integers(min_value=0), status=st.sampled_from(STAFF_STATUSES))
    def platform_moves_a_case_on(self, pick: int, status: str) -> None:
        state = repo.sync_case(self.db, self.cases[pick % len(self.cases)])
        if state and state["request_id"]:
            request = self.platform.store.get_request(state["request_id"])
            self.platform.store.add_update(request["id"], status, "街道处理", "staff")

    @rule()
    def restart(self) -> None:
        self.db.conn.close()
        self.db = open_database(self.dir / "desk.db")
        self.desk = ReceptionDesk(self.db, self.form)

    @invariant()
    def each_case_once_and_synced_means_complete(self) -> None:
        if not hasattr(self, "desk"):
            return
        mine = set(self.cases)
        counts = {k: n for k, n in self.platform.count_per_key().items() if k in mine}
        assert all(n == 1 for n in counts.values()), counts
        synced = set(repo.synced_case_ids(self.db))
        assert synced <= self.platform.complete_keys()
        for case_id in synced:
            assert self.platform.media_files_ok(case_id)

    def finish(self) -> None:
        """The line is clean again: everything arrives, and the platform's status comes back."""
        self.proxy.clear()
        service = SyncService(self.desk, client_factory(self.platform.url, self.token))
        report = service.run()
        if report.waiting:
            report = service.run()
        assert not report.waiting and not report.set_aside, report
        mine = set(self.cases)
        assert set(repo.synced_case_ids(self.db)) == mine
        assert self.platform.complete_keys() & mine == mine
        assert {k for k in self.platform.count_per_key() if k in mine} == mine
        assert self.desk.pending_sync_count() == 0
        for case_id in self.cases:
            request = self.platform.store.get_request(repo.sync_case(self.db, case_id)["request_id"])
            assert self.desk.case(case_id).platform_status == request["status"]


@pytest.fixture(scope="module")
def shared_platform(tmp_path_factory):
    server = PlatformServer(tmp_path_factory.mktemp("stateful-platform")).start()
    proxy = FaultProxy(server.port).start()
    try:
        yield server, proxy
    finally:
        proxy.stop()
        server.stop()


def _run_with_finish(machine: type, max_examples: int, steps: int) -> None:
    """Run the machine; every run ends with its ``finish`` (the line clean again, all delivered)."""
    original_teardown = machine.teardown

    def teardown(self) -> None:
        try:
            if hasattr(self, "desk"):
                self.finish()
        finally:
            original_teardown(self)

    machine.teardown = teardown
    run_state_machine_as_test(
        machine,
        settings=settings(max_examples=max_examples, stateful_step_count=steps, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )


def test_record_sync_fault_status_restart(shared_platform):
    platform, proxy = shared_platform

    class Machine(NightAndAfter):
        pass

    Machine.platform, Machine.proxy, Machine.form = platform, proxy, load_form(None).form
    _run_with_finish(Machine, max_examples=40, steps=12)


# --- the same night against a plain third-party GeoReport v2 server --------------------------------

PLAIN_MATCHES = {
    "create": "POST /api/georeport/v2/requests.json",
    "look-up": "GET /api/georeport/v2/requests.json?service_code",
    "status": "GET /api/georeport/v2/requests.json?service_request_id",
}
plain_faults = st.one_of(
    st.builds(lambda m: Fault("drop_after_commit", PLAIN_MATCHES[m]), st.sampled_from(sorted(PLAIN_MATCHES))),
    st.builds(lambda b: Fault("reset_request_at", PLAIN_MATCHES["create"], byte=b), st.sampled_from([40, 200, 600])),
    st.builds(lambda m, s, a: Fault("status", PLAIN_MATCHES[m], status=s, after_server=a),
              st.sampled_from(sorted(PLAIN_MATCHES)), st.sampled_from([500, 503]), st.booleans()),
    st.builds(lambda m: Fault("portal", PLAIN_MATCHES[m]), st.sampled_from(sorted(PLAIN_MATCHES))),
)
PLAIN_STATUSES = ("in_progress", "closed", "Awaiting Contractor")


class NightAgainstPlainServer(RuleBasedStateMachine):
    """No idempotency, no media, no updates: every case once, found again by its tracking code
    after lost answers and after the server is killed just before or just after committing."""

    server: PlainOpen311
    proxy: FaultProxy
    form = None

    @initialize()
    def start(self) -> None:
        self.proxy.clear()
        self.server.ensure_running()
        self.dir = Path(tempfile.mkdtemp(prefix="stateful-plain-"))
        self.db = open_database(self.dir / "desk.db")
        self.desk = ReceptionDesk(self.db, self.form)
        self.cases: list[str] = []

    def teardown(self) -> None:
        if hasattr(self, "db"):
            self.db.conn.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _service(self) -> SyncService:
        return SyncService(self.desk, client_factory(self.proxy.url + "api/georeport/v2/", None, read_timeout=0.5,
                                                     retry=ONE_TRY, api_key=PlainOpen311.API_KEY),
                           profile=GEOREPORT, location_for=lambda case: (22.5553, 113.8830), workers=2)

    def _rows(self) -> Counter:
        return Counter(r["description"] for r in self.server.rows())

    @rule(photos=st.sampled_from([0, 1]))
    def record(self, photos: int) -> None:
        case = self.desk.record_case(case_raw(description=f"{self.dir.name} 第 {len(self.cases)} 条",
                                              photos=[photo(3000) for _ in range(photos)]))
        self.cases.append(case.id)

    @rule(planned=st.lists(plain_faults, min_size=1, max_size=3))
    def sync_through_faults(self, planned: list[Fault]) -> None:
        self.proxy.clear()
        self.proxy.plan(*planned)
        self.server.ensure_running()
        self._service().run()

    @rule(when=st.sampled_from(["after", "before"]), nth=st.integers(min_value=1, max_value=2))
    def server_killed_mid_sync(self, when: str, nth: int) -> None:
        self.proxy.clear()
        self.server.restart(**{f"die_{when}_commit": nth})
        self._service().run()
        self.server.restart()

    @precondition(lambda self: self.cases)
    @rule(pick=st.integers(min_value=0), status=st.sampled_from(PLAIN_STATUSES))
    def server_staff_move_a_case_on(self, pick: int, status: str) -> None:
        state = repo.sync_case(self.db, self.cases[pick % len(self.cases)])
        if state and state["request_id"]:
            self.server.set_status(state["request_id"], status, "街道处理")

    @rule()
    def restart_laptop(self) -> None:
        self.db.conn.close()
        self.db = open_database(self.dir / "desk.db")
        self.desk = ReceptionDesk(self.db, self.form)

    @invariant()
    def never_twice_and_synced_means_there(self) -> None:
        if not hasattr(self, "desk"):
            return
        rows = self._rows()
        for case_id in self.cases:
            case = self.desk.case(case_id)
            assert rows[f"[{case.tracking_code}] {case.description}"] <= 1
            if case.is_synced:
                assert rows[f"[{case.tracking_code}] {case.description}"] == 1

    def finish(self) -> None:
        self.proxy.clear()
        self.server.ensure_running()
        service = self._service()
        for _ in range(3):
            report = service.run()
            if not report.waiting:
                break
        assert not report.waiting and not report.set_aside and not report.unconfirmed, report
        rows = self._rows()
        by_id = {str(1000 + r["id"]): r for r in self.server.rows()}
        for case_id in self.cases:
            case = self.desk.case(case_id)
            assert rows[f"[{case.tracking_code}] {case.description}"] == 1
            assert case.is_synced
            row = by_id[repo.sync_case(self.db, case_id)["request_id"]]
            assert case.platform_status == protocol.known_status(row["status"])


def test_record_sync_fault_kill_restart_against_a_plain_server(plain_line):
    server, proxy = plain_line

    class Machine(NightAgainstPlainServer):
        pass

    Machine.server, Machine.proxy, Machine.form = server, proxy, load_form(None).form
    _run_with_finish(Machine, max_examples=25, steps=10)
