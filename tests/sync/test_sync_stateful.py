"""A Hypothesis state machine over a night and the weeks after it: record, void, sync, faults
on the line, the platform moving cases on, the laptop restarting.

After every step: no case is on the platform twice, and every case the laptop calls synced is
on the platform with all its photos (verified by hash). At the end, once the line is clean, a
sync delivers everything and the laptop shows the platform's status for each case.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test

from forms import load_form
from reception.desk import ReceptionDesk
from reception.storage import open_database
from reception.storage import repository as repo
from sync.client import RetryPolicy
from sync.service import SyncService
from sync_fault_proxy import Fault, FaultProxy
from sync_support import PlatformServer, case_raw, client_factory, photo

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
        _, self.token = self.platform.enrol(name=self.dir.name)
        self.db = open_database(self.dir / "desk.db")
        self.desk = ReceptionDesk(self.db, self.form)
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


def test_record_sync_fault_status_restart(shared_platform):
    platform, proxy = shared_platform

    class Machine(NightAndAfter):
        pass

    Machine.platform, Machine.proxy, Machine.form = platform, proxy, load_form(None).form

    original_teardown = Machine.teardown

    def teardown(self) -> None:
        try:
            if hasattr(self, "desk"):
                self.finish()
        finally:
            original_teardown(self)

    Machine.teardown = teardown
    run_state_machine_as_test(
        Machine,
        settings=settings(max_examples=40, stateful_step_count=12, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )
