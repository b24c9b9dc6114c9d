"""The reference platform's weak spots of issue 12, tried over real HTTP: a forged request under a
seen slip's code, parallel uploads of one photo, an oversize upload's leftovers, staff sessions
after a password change, logout without the CSRF value; and, on the real command line's server,
X-Forwarded-For from loopback and a token in the URL."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import threading
import time
import uuid

import requests

from reception.tracking_codes import TrackingCode
from platform_process import PlatformProcess

BASE = "open311/v2/"


def post_case(platform, token: str, code: str = "", key: str | None = None, photos: str = "") -> requests.Response:
    fields = {
        "service_code": "ENV03", "description": "三楼走廊夜里总有人敲门", "attribute[urgency]": "一般",
        "attribute[outcome]": "转平台办理", "attribute[requested_datetime]": "2026-11-25T11:30:00+00:00",
        "attribute[tracking_code]": code, "attribute[verifier]": "ABCDEFGH", "attribute[photos]": photos,
    }
    return requests.post(platform.url + BASE + "requests.json", data=fields, timeout=10,
                         headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key or str(uuid.uuid4())})


def test_a_second_laptop_cannot_register_a_request_under_another_laptop_s_code(platform):
    _, first = platform.enrol("新安一号", prefix="K7Q")
    _, second = platform.enrol("新安二号", prefix="M2P")
    code = TrackingCode.make("K7Q", 1).display
    assert post_case(platform, first, code).status_code == 201
    forged = post_case(platform, second, code)  # it saw the resident's slip
    assert forged.status_code == 409 and "另一台笔记本" in forged.json()[0]["description"]
    own = TrackingCode.make("M2P", 1).display
    assert post_case(platform, second, own).status_code == 201
    again = post_case(platform, first, code)  # the same code under a new idempotency key
    assert again.status_code == 409 and "只能对应一条" in again.json()[0]["description"]
    assert len(platform.store.requests_by_code(code.replace("-", ""))) == 1


def test_parallel_uploads_of_one_photo_end_201_200_or_409_never_500(platform):
    _, token = platform.enrol("新安一号", prefix="K7Q")
    photo = os.urandom(600_000)
    sha = hashlib.sha256(photo).hexdigest()
    created = post_case(platform, token, TrackingCode.make("K7Q", 2).display, photos=sha)
    request_id = created.json()[0]["service_request_id"]
    url = f"{platform.url}{BASE}requests/{request_id}/media/{sha}"
    statuses: list[int] = []
    start = threading.Barrier(8)

    def upload() -> None:
        start.wait()
        answer = requests.put(url, data=photo, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        statuses.append(answer.status_code)

    threads = [threading.Thread(target=upload) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(statuses) <= {200, 201, 409} and statuses.count(201) == 1, statuses
    state = requests.get(url + ".json", headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    assert state["complete"] is True
    assert platform.store.media_path(sha).read_bytes() == photo
    assert list(platform.store.partial_dir.iterdir()) == []


def test_a_refused_oversize_upload_leaves_no_partial_file(platform):
    _, token = platform.enrol("新安一号", prefix="K7Q")
    big = b"\xff" * (10 * 1024 * 1024 + 1)
    sha = hashlib.sha256(big).hexdigest()
    created = post_case(platform, token, TrackingCode.make("K7Q", 3).display, photos=sha)
    request_id = created.json()[0]["service_request_id"]
    answer = requests.put(f"{platform.url}{BASE}requests/{request_id}/media/{sha}", data=big,
                          headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert answer.status_code == 413
    assert list(platform.store.partial_dir.iterdir()) == []


def staff_login(platform, password: str) -> requests.Session:
    session = requests.Session()
    answer = session.post(platform.url + "staff/login", data={"username": "lisi", "password": password}, timeout=10)
    assert answer.url.endswith("/staff"), answer.url
    return session


def test_a_password_change_ends_the_sessions_opened_with_the_old_one(platform):
    platform.store.add_staff("lisi", "旧密码 correct horse")
    staff = staff_login(platform, "旧密码 correct horse")
    assert staff.get(platform.url + "staff", timeout=10).url.endswith("/staff")
    platform.store.add_staff("lisi", "新密码 battery staple")  # reset by the administrator
    assert staff.get(platform.url + "staff", timeout=10).url.endswith("/staff/login")
    assert staff_login(platform, "新密码 battery staple")


def test_logout_needs_the_session_s_csrf_value(platform):
    platform.store.add_staff("lisi", "旧密码 correct horse")
    staff = staff_login(platform, "旧密码 correct horse")
    page = staff.get(platform.url + "staff", timeout=10).text
    forged = requests.post(platform.url + "staff/logout", cookies=staff.cookies, timeout=10, allow_redirects=False)
    assert forged.status_code == 403
    assert staff.get(platform.url + "staff", timeout=10).url.endswith("/staff"), "still logged in"
    csrf = re.search(r'action="/staff/logout"><input type="hidden" name="csrf" value="([^"]+)"', page).group(1)
    staff.post(platform.url + "staff/logout", data={"csrf": csrf}, timeout=10)
    assert staff.get(platform.url + "staff", timeout=10).url.endswith("/staff/login")


def test_the_served_platform_trusts_no_forwarded_header_and_keeps_tokens_out_of_its_log(tmp_path):
    server = PlatformProcess(tmp_path / "platform")
    log = open(tmp_path / "platform.log", "w+b")
    server.process = subprocess.Popen(server.command("--port", str(server.port)), stdout=log, stderr=subprocess.STDOUT,
                                      start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(server.url + BASE + "services.json", timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and server.process.poll() is None, "the platform did not start"
                time.sleep(0.1)
        code = TrackingCode.make("K7Q", 9).display
        answers = [
            requests.get(f"{server.url}t/{code}/ABCDEFGH", timeout=10,
                         headers={"X-Forwarded-For": f"203.0.113.{n}", "Forwarded": f"for=198.51.100.{n}"}).status_code
            for n in range(1, 40)
        ]
        assert 429 in answers, "a rotating X-Forwarded-For from loopback must not buy fresh buckets"
        assert answers.index(429) <= 11
        secret = "tok_" + uuid.uuid4().hex
        requests.get(f"{server.url}{BASE}requests.json?api_key={secret}", timeout=10)
        time.sleep(0.5)
    finally:
        server.stop()
    log.seek(0)
    text = log.read().decode("utf-8", "replace")
    log.close()
    assert "api_key=[redacted]" in text, text[-2000:]
    assert secret not in text
