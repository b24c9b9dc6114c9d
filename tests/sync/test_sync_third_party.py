"""The laptop against third-party Open311 servers: small handlers that answer the way real
servers do (200 or 201, an array or an object, errors in many shapes, fields missing, statuses
we do not know, no cursor, no media extension, a clock far off)."""

from __future__ import annotations

import email.utils
import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from reception.storage import repository as repo
from sync import protocol
from sync.service import SET_ASIDE, SYNCED, SyncService
from sync_support import case_raw, client_factory, photo


class Variant:
    create_status = 201
    wrap = "array"  # array | object | service_requests
    reject: tuple[int, str, bytes] | None = None  # (status, content type, body) for every create
    updates: list[dict[str, Any]] = []
    updates_status = 200
    media = False
    date_offset = timedelta(0)


class ThirdParty:
    def __init__(self, variant: type[Variant]) -> None:
        self.variant = variant
        self.created: dict[str, str] = {}  # idempotency key -> id
        self.update_queries: list[dict[str, list[str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _send(self, status: int, body: Any, kind: str = "application/json", headers: dict | None = None) -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def date_time_string(self, timestamp=None) -> str:
                moment = datetime.now(timezone.utc) + outer.variant.date_offset
                return email.utils.format_datetime(moment, usegmt=True)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                if self.path.endswith("/requests.json"):
                    if outer.variant.reject:
                        status, kind, body = outer.variant.reject
                        return self._send(status, body, kind)
                    key = self.headers.get("Idempotency-Key", "")
                    request_id = outer.created.setdefault(key, f"TP-{len(outer.created) + 1}")
                    item = {"service_request_id": request_id}
                    body = {"array": [item], "object": item, "service_requests": {"service_requests": [item]}}[outer.variant.wrap]
                    return self._send(outer.variant.create_status, body)
                self._send(404, {"error": "not here"})

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path.endswith("/servicerequestupdates.json"):
                    outer.update_queries.append(parse_qs(parts.query))
                    if outer.variant.updates_status != 200:
                        return self._send(outer.variant.updates_status, b"Not Found", "text/plain")
                    start = parse_qs(parts.query).get("start_date", [""])[0]
                    items = [u for u in outer.variant.updates if u.get("updated_datetime", "") > start] if start else outer.variant.updates
                    return self._send(200, items)
                if "/media/" in parts.path and not outer.variant.media:
                    return self._send(404, [{"code": 404, "description": "no such endpoint"}])
                if parts.path.startswith("/open311/v2/requests/"):
                    request_id = parts.path.rsplit("/", 1)[1].removesuffix(".json")
                    # Only what GeoReport v2 requires; no media_complete, no dates.
                    return self._send(200, [{"service_request_id": request_id, "status": "open"}])
                self._send(404, {"detail": "Not Found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"


@pytest.fixture
def third_party(request) -> Iterator[ThirdParty]:
    server = ThirdParty(request.param)
    server.thread.start()
    try:
        yield server
    finally:
        server.server.shutdown()
        server.server.server_close()
        server.thread.join(timeout=10)


def _sync(desk, server) -> Any:
    return SyncService(desk, client_factory(server.url, "third-party-key")).run()


class Plain200Object(Variant):
    create_status = 200
    wrap = "object"


class Wrapped201(Variant):
    wrap = "service_requests"


@pytest.mark.parametrize("third_party", [Plain200Object, Wrapped201, Variant], indirect=True)
def test_200_or_201_array_or_object(desk, third_party):
    cases = [desk.record_case(case_raw()) for _ in range(2)]
    report = _sync(desk, third_party)
    assert [r.outcome for r in report.results] == [SYNCED, SYNCED]
    assert {repo.sync_case(desk.db, c.id)["request_id"] for c in cases} == {"TP-1", "TP-2"}
    assert report.updates_received == 0 and report.updates_note is None


def _rejecting(status: int, kind: str, body: bytes) -> type[Variant]:
    return type(f"Reject{status}", (Variant,), {"reject": (status, kind, body)})


@pytest.mark.parametrize(
    ("third_party", "expected"),
    [
        (_rejecting(400, "application/json", json.dumps([{"code": 400, "description": "service_code not found"}]).encode()), "service_code not found"),
        (_rejecting(400, "application/json", json.dumps({"code": 400, "description": "Invalid lat/long"}).encode()), "Invalid lat/long"),
        (_rejecting(422, "application/json", json.dumps({"error": "description too long"}).encode()), "description too long"),
        (_rejecting(400, "application/json", json.dumps({"errors": [{"message": "bad attribute"}]}).encode()), "bad attribute"),
        (_rejecting(422, "application/json", json.dumps({"detail": [{"loc": ["body", "x"], "msg": "field required"}]}).encode()), "field required"),
        (_rejecting(400, "text/plain", "地址不在本辖区".encode()), "地址不在本辖区"),
    ],
    indirect=["third_party"],
)
def test_errors_in_any_shape_set_the_case_aside_with_the_servers_reason(desk, third_party, expected):
    case = desk.record_case(case_raw())
    report = _sync(desk, third_party)
    [result] = report.results
    assert result.outcome == SET_ASIDE and expected in result.reason
    assert repo.sync_case(desk.db, case.id)["set_aside_reason"] == result.reason
    assert not desk.case(case.id).is_synced


class NoMedia(Variant):
    updates_status = 404


@pytest.mark.parametrize("third_party", [NoMedia], indirect=True)
def test_without_the_media_extension_a_photo_case_syncs_without_its_photo_once(desk, third_party):
    with_photo = desk.record_case(case_raw(photos=[photo(3000)]))
    plain = desk.record_case(case_raw())
    report = _sync(desk, third_party)
    outcome = {r.case_id: r for r in report.results}
    assert outcome[plain.id].outcome == SYNCED and not outcome[plain.id].reason
    assert outcome[with_photo.id].outcome == SYNCED and "照片留在本机" in outcome[with_photo.id].reason
    assert "照片留在本机" in repo.sync_case(desk.db, with_photo.id)["note"]
    assert report.updates_note and "进度" in report.updates_note
    # Nothing is left to send, so the next sync creates nothing again.
    assert not _sync(desk, third_party).results
    assert len(third_party.created) == 2


class StrangeStatuses(Variant):
    updates = [
        {"service_request_id": "TP-1", "status": "Awaiting Contractor", "updated_datetime": "2026-11-26T01:00:00Z", "update_id": "u1"},
        {"service_request_id": "TP-2", "status": "FIXED", "updated_datetime": "2026-11-26T02:00:00Z"},
        {"service_request_id": "TP-99", "status": "closed", "updated_datetime": "2026-11-26T03:00:00Z"},
        {"status": "closed"},
    ]


@pytest.mark.parametrize("third_party", [StrangeStatuses], indirect=True)
def test_unknown_statuses_are_kept_as_sent_and_no_cursor_falls_back_to_dates(desk, third_party):
    desk.record_case(case_raw())
    desk.record_case(case_raw())
    report = _sync(desk, third_party)
    assert report.updates_received == 2
    # Cases go up in parallel, so which one the server numbered TP-1 is up to the race.
    first = desk.case(repo.case_id_for_request(desk.db, "TP-1"))
    second = desk.case(repo.case_id_for_request(desk.db, "TP-2"))
    odd = desk.case(first.id)
    assert odd.platform_status == "Awaiting Contractor" and protocol.status_label(odd.platform_status) == "Awaiting Contractor"
    assert odd.closed_at is None  # an unknown word neither closes nor reopens
    fixed = desk.case(second.id)
    assert fixed.platform_status == "closed" and fixed.closed_at is not None
    assert repo.get_setting(desk.db, "sync_cursor")["start_date"] == "2026-11-26T03:00:00Z"
    again = _sync(desk, third_party)
    assert again.updates_received == 0
    assert third_party.update_queries[-1]["start_date"] == ["2026-11-26T03:00:00Z"]


class SlowClock(Variant):
    date_offset = timedelta(minutes=-42)


@pytest.mark.parametrize("third_party", [SlowClock], indirect=True)
def test_a_clock_far_from_the_servers_is_warned_about(desk, third_party):
    desk.record_case(case_raw())
    report = _sync(desk, third_party)
    assert report.clock_warning and "快约 42 分钟" in report.clock_warning
    assert abs(repo.get_setting(desk.db, "sync_clock_skew_seconds") - 42 * 60) < 60


@pytest.mark.parametrize("third_party", [Variant], indirect=True)
def test_a_clock_in_step_gives_no_warning(desk, third_party):
    desk.record_case(case_raw())
    assert _sync(desk, third_party).clock_warning is None


def test_the_tolerant_readers_directly():
    assert protocol.known_status("IN_PROGRESS") == "in_progress"
    assert protocol.known_status("action_scheduled") == "dispatched"
    assert protocol.known_status("Waiting for parts") == "Waiting for parts"
    with pytest.raises(protocol.ProtocolError):
        protocol.parse_json("text/html", b"<html><body>Login</body></html>")
    with pytest.raises(protocol.ProtocolError):
        protocol.parse_json("application/json", b"<!DOCTYPE html><html></html>")
    assert protocol.parse_created({"token": "abc"}).service_request_id is None
    assert protocol.error_reason(502, "text/html", b"<html>bad gateway</html>") == "HTTP 502"
    page = b"<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"
    assert protocol.error_reason(502, "text/html", page) == "HTTP 502\uff1a502 Bad Gateway"
    assert protocol.parse_updates({"service_request_updates": [{"service_request_id": 7, "status": "closed"}]})[0].service_request_id == "7"
