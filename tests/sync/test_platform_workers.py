"""Several platform processes on one database and one data dir, as a district runs them behind
a load balancer (or as ``--workers N``): nothing a request needs is held in one process."""

from __future__ import annotations

import hashlib
import os
import socket
import struct
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import requests

from platform_process import PlatformProcess
from postgres_cluster import DATABASES
from reception.tracking_codes import TrackingCode
from sync.client import Open311Client
from sync.platform.store import PlatformStore
from sync_support import FAST_RETRY

BASE = "open311/v2/"


@pytest.fixture(scope="module", params=DATABASES)
def two_workers(request, tmp_path_factory) -> Iterator[tuple[PlatformProcess, PlatformProcess, PlatformStore]]:
    """Two processes on one database and data dir, shared by this module's tests (starting them
    is what costs): each test makes its own laptops and keys and counts only those."""
    database = request.getfixturevalue("postgres").fresh_schema() if request.param == "postgresql" else None
    data = tmp_path_factory.mktemp("two-workers") / "platform"
    first = PlatformProcess(data, database).start()  # runs the migrations
    second = PlatformProcess(data, database).start()
    store = PlatformStore(data, database)
    try:
        yield first, second, store
    finally:
        first.stop()
        second.stop()
        store.close()


def _token(store: PlatformStore, prefix: str = "K7Q") -> str:
    _, code = store.add_device("新安一号", prefix)
    return store.enrol(code, "laptop-1")[1]


def _fields(sequence: int, photos: str = "", prefix: str = "K7Q") -> dict[str, str]:
    return {"service_code": "ENV03", "description": "楼道里蟑螂很多", "attribute[urgency]": "一般",
            "attribute[outcome]": "转平台办理", "attribute[tracking_code]": TrackingCode.make(prefix, sequence).display,
            "attribute[photos]": photos}


def test_one_idempotency_key_sent_to_two_workers_at_once_creates_one_request(two_workers):
    first, second, store = two_workers
    token = _token(store)
    keys = []
    for sequence in range(1, 9):
        key = str(uuid.uuid4())
        keys.append(key)
        start = threading.Barrier(2)
        answers: dict[str, requests.Response] = {}

        def send(worker: PlatformProcess) -> None:
            session = requests.Session()
            session.get(worker.url + BASE + "services.json", timeout=10)  # connected before the barrier
            start.wait(timeout=10)
            answers[worker.url] = session.post(
                worker.url + BASE + "requests.json", data=_fields(sequence),
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key}, timeout=30)

        threads = [threading.Thread(target=send, args=(w,)) for w in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(a.status_code for a in answers.values()) == [200, 201]
        assert len({a.json()[0]["service_request_id"] for a in answers.values()}) == 1
    rows = store._rows("SELECT idempotency_key, COUNT(*) AS n FROM requests GROUP BY idempotency_key")
    counts = {r["idempotency_key"]: r["n"] for r in rows}
    assert [counts.get(key) for key in keys] == [1] * 8


def _cut_upload(worker: PlatformProcess, token: str, request_id: str, sha: str, data: bytes, send: int) -> None:
    """A PUT of the whole photo whose connection is reset after ``send`` bytes of the body."""
    head = (f"PUT /{BASE}requests/{request_id}/media/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    sock = socket.create_connection(("127.0.0.1", worker.port), timeout=10)
    sock.sendall(head + data[:send])
    time.sleep(0.5)  # let the worker write what arrived before the cut
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST, not FIN
    sock.close()


def test_a_photo_upload_cut_on_one_worker_resumes_on_the_other(two_workers):
    first, second, store = two_workers
    token = _token(store, "M3Q")  # a laptop of its own: the processes are shared with the other tests
    data = b"\xff\xd8\xff\xe0" + os.urandom(150 * 1024 - 4)
    sha = hashlib.sha256(data).hexdigest()
    created = requests.post(first.url + BASE + "requests.json", data=_fields(1, sha, "M3Q"),
                            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
                            timeout=10)
    request_id = created.json()[0]["service_request_id"]
    _cut_upload(first, token, request_id, sha, data, 90_000)

    other = Open311Client(second.url, token, retry=FAST_RETRY)
    try:
        deadline = time.monotonic() + 20
        while (held := other.media_state(request_id, sha).received) == 0:
            assert time.monotonic() < deadline, "the first worker never recorded what it received"
            time.sleep(0.1)
        assert 0 < held <= 90_000
        state = other.upload_media(request_id, sha, data, held)  # only the rest, to the other worker
        assert state.complete
    finally:
        other.close()
    assert hashlib.sha256(store.media_path(sha).read_bytes()).hexdigest() == sha
    seen_by_first = requests.get(first.url + BASE + f"requests/{request_id}.json",
                                 headers={"Authorization": f"Bearer {token}"}, timeout=10).json()[0]
    assert seen_by_first["media_complete"] is True


def test_rate_limits_and_staff_sessions_hold_across_workers_and_a_restart(two_workers):
    first, second, store = two_workers
    store.add_staff("lisi", "a long staff passphrase")  # the only test here that asks for tracking pages
    session = requests.Session()
    session.post(first.url + "staff/login", data={"username": "lisi", "password": "a long staff passphrase"}, timeout=10)
    cookie = session.cookies.get("xinan_staff")
    assert cookie
    second_session = requests.Session()
    second_session.cookies.set("xinan_staff", cookie)
    assert second_session.get(second.url + "staff", timeout=10).url.endswith("/staff")  # logged in there too

    page = f"t/{TrackingCode.make('K7Q', 1).compact}/ABCDEFGHJK"
    answers = [requests.get((first if i % 2 else second).url + page, timeout=10).status_code for i in range(14)]
    assert answers[:10] == [200] * 10 and 429 in answers[10:]  # one bucket of 10 for both workers
    second.stop()
    second.start()
    # A restart does not refill the bucket: a fresh one would let all ten through (it refills by
    # one every two seconds, so a restart of less than twenty seconds leaves it short).
    after = [requests.get(second.url + page, timeout=10).status_code for _ in range(10)]
    assert 429 in after
    assert second_session.get(second.url + "staff", timeout=10).url.endswith("/staff")


def test_workers_option_serves_with_several_processes(tmp_path, platform_database):
    platform = PlatformProcess(tmp_path / "platform", platform_database, workers=2).start()
    try:
        store = PlatformStore(tmp_path / "platform", platform_database)
        token = _token(store)
        key = str(uuid.uuid4())
        answers = []

        def send() -> None:
            answers.append(requests.post(platform.url + BASE + "requests.json", data=_fields(1),
                                         headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key,
                                                  "Connection": "close"}, timeout=30))

        threads = [threading.Thread(target=send) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(a.status_code for a in answers) == [200] * 5 + [201]
        assert store.count_requests() == 1
        store.close()
    finally:
        platform.stop()


def test_one_enrolment_code_sent_to_two_workers_at_once_enrols_one_laptop(two_workers):
    first, second, store = two_workers
    devices = []
    for round_ in range(4):
        device, code = store.add_device(f"新安{round_}号", None)
        devices.append(device)
        start = threading.Barrier(2)
        answers: list[requests.Response] = []

        def enrol(worker: PlatformProcess, laptop: str) -> None:
            session = requests.Session()
            session.get(worker.url + BASE + "services.json", timeout=10)
            start.wait(timeout=10)
            answers.append(session.post(worker.url + BASE + "devices.json",
                                        data={"enrolment_code": code, "device_id": laptop}, timeout=30))

        threads = [threading.Thread(target=enrol, args=(w, f"laptop-{round_}-{i}")) for i, w in enumerate((first, second))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(a.status_code for a in answers) == [201, 403]
    enrolled = {r["id"] for r in store._rows("SELECT id FROM devices WHERE token_sha256 IS NOT NULL")}
    assert enrolled >= set(devices)
