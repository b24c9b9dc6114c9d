"""The resident's tracking page (what the slip's QR opens) and the staff's handling pages."""

from __future__ import annotations

import re
import uuid

import pytest
import requests

from reception import clock, street_settings
from reception.storage import repository as repo
from reception.tracking_codes import TrackingCode
from reception.tracking_url import tracking_url, tracking_verifier
from sync.service import SyncService
from sync_support import case_raw, client_factory, photo

PERSONAL = ("王阿姨", "13812345678", "138****5678", "安乐村12栋", "蟑螂很多")


def _sync_with_verifiers(desk, platform, token):
    secret = street_settings.tracking_secret(desk.db)
    service = SyncService(desk, client_factory(platform.url, token),
                          verifier_for=lambda case: tracking_verifier(secret, case.id))
    return service.run(), secret


def _slip_url(platform, case, secret) -> str:
    # Exactly what the slip's QR code carries: upper case throughout.
    return tracking_url(platform.url + "t/", case.tracking_code, tracking_verifier(secret, case.id))


def test_the_qr_url_shows_progress_and_nothing_personal(desk, platform, device_token):
    case = desk.record_case(case_raw(photos=[photo(3000)]))
    _, secret = _sync_with_verifiers(desk, platform, device_token)
    url = _slip_url(platform, case, secret)
    assert url.startswith("HTTP://") and "/T/" in url
    page = requests.get(url, timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    html = page.text
    assert '<html lang="zh-CN">' in html and 'name="viewport"' in html
    for expected in ("诉求办理进度", case.tracking_code, "待受理", "城市管理办公室", "蟑螂蚊虫鼠害消杀",
                     clock.local_text(case.close_by), "应办结时间"):
        assert expected in html, expected
    assert re.search(r'class="light"[^>]*>(未超时|预警黄|警报红)<', html)
    for secret_text in PERSONAL:
        assert secret_text not in html
    assert page.headers["Cache-Control"] == "no-store"


def test_a_wrong_verifier_looks_exactly_like_a_case_not_yet_synced(desk, platform, device_token):
    synced = desk.record_case(case_raw())
    _, secret = _sync_with_verifiers(desk, platform, device_token)
    waiting = desk.record_case(case_raw())  # recorded after the sync: the platform has never seen it
    right = _slip_url(platform, synced, secret)
    wrong = right[:-1] + ("A" if right[-1] != "A" else "B")
    wrong_page = requests.get(wrong, timeout=10)
    pending_page = requests.get(_slip_url(platform, waiting, secret), timeout=10)
    assert wrong_page.status_code == pending_page.status_code == 200
    assert "同步" in pending_page.text and "已在夜话摊位登记" in pending_page.text
    code_of = {synced.tracking_code: "CODE", waiting.tracking_code: "CODE"}
    normalise = lambda text: re.sub("|".join(map(re.escape, code_of)), "CODE", text)  # noqa: E731
    assert normalise(wrong_page.text) == normalise(pending_page.text)
    assert "办理进度" not in wrong_page.text.split("<main>")[1].split("已在夜话摊位登记")[0]


def test_a_case_missing_photos_is_not_shown_yet(platform, device_token):
    code = TrackingCode.make("K7Q", 1).display
    requests.post(
        platform.url + "open311/v2/requests.json",
        data={"service_code": "ENV01", "description": "x", "attribute[tracking_code]": code,
              "attribute[verifier]": "ABCDEFGHJK", "attribute[photos]": "a" * 64},
        headers={"Authorization": f"Bearer {device_token}", "Idempotency-Key": str(uuid.uuid4())}, timeout=10,
    )
    page = requests.get(platform.url + f"T/{code.replace('-', '')}/ABCDEFGHJK", timeout=10)
    assert page.status_code == 200 and "已在夜话摊位登记" in page.text


def test_a_mistyped_code_gets_a_friendly_not_found(platform):
    page = requests.get(platform.url + "t/K7Q00A3Z/ABCDEFGHJK", timeout=10)
    assert page.status_code == 404 and "查询码不完整或有误" in page.text


def test_the_tracking_page_is_rate_limited(platform):
    answers = [requests.get(platform.url + "t/K7Q00A3Z/ABCDEFGHJK", timeout=10).status_code for _ in range(14)]
    assert 429 in answers and answers[0] == 404


@pytest.fixture
def staff(platform) -> requests.Session:
    platform.store.add_staff("zhangsan", "correct horse battery")
    session = requests.Session()
    answer = session.post(platform.url + "staff/login", data={"username": "zhangsan", "password": "correct horse battery"}, timeout=10)
    assert answer.status_code == 200 and answer.url.endswith("/staff")
    yield session
    session.close()


def test_staff_pages_need_a_login(platform):
    platform.store.add_staff("zhangsan", "correct horse battery")
    anonymous = requests.get(platform.url + "staff", timeout=10)
    assert anonymous.url.endswith("/staff/login")
    wrong = requests.post(platform.url + "staff/login", data={"username": "zhangsan", "password": "nope"}, timeout=10)
    assert wrong.url.endswith("/staff/login?error=1") and "用户名或密码不对" in wrong.text
    assert requests.post(platform.url + "staff/requests/XA000001/actions", data={"action": "close", "csrf": "x"},
                         timeout=10, allow_redirects=False).status_code == 303


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_staff_dispatch_progress_and_close_reach_the_laptop_and_the_slip(desk, platform, device_token, staff, clock):
    case = desk.record_case(case_raw())
    _, secret = _sync_with_verifiers(desk, platform, device_token)
    request_id = repo.sync_case(desk.db, case.id)["request_id"]
    listing = staff.get(platform.url + "staff", timeout=10).text
    assert request_id in listing and case.tracking_code in listing
    page = staff.get(platform.url + f"staff/requests/{request_id}", timeout=10).text
    assert "王阿姨" in page  # staff see who to call back; residents' pages never do
    token = _csrf(page)
    actions = platform.url + f"staff/requests/{request_id}/actions"
    forged = staff.post(actions, data={"action": "close", "csrf": "forged", "note": ""}, timeout=10)
    assert forged.status_code == 403
    for action, extra in (("accept", {}), ("dispatch", {"department": "综合行政执法队"}),
                          ("progress", {"note": "已安排消杀公司周五上门"}), ("close", {"note": "已完成消杀"})):
        answer = staff.post(actions, data={"action": action, "csrf": token, **extra}, timeout=10)
        assert answer.status_code == 200, action
    assert platform.store.get_request(request_id)["department"] == "综合行政执法队"

    slip = requests.get(_slip_url(platform, case, secret), timeout=10).text
    assert "已办结" in slip and "办结绿" in slip and "综合行政执法队" in slip and "已安排消杀公司周五上门" in slip

    report = SyncService(desk, client_factory(platform.url, device_token)).run()
    assert report.updates_received == 4
    back = desk.case(case.id)
    assert back.platform_status == "closed" and back.closed_at is not None
    assert [u["status"] for u in repo.list_sync_updates(desk.db, case.id)] == ["open", "accepted", "dispatched", "in_progress", "closed"]
