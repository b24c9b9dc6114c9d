"""A lost laptop's token is revoked per device, from the staff page or the staff API; the laptop
then cannot sync, and its refusal says what to do. The staff pages and API need a login."""

from __future__ import annotations

import re

import pytest
import requests

from sync.service import SyncService
from sync_support import case_raw, client_factory


@pytest.fixture
def staff(platform) -> requests.Session:
    platform.store.add_staff("lisi", "a long staff passphrase")
    session = requests.Session()
    answer = session.post(platform.url + "staff/login", data={"username": "lisi", "password": "a long staff passphrase"}, timeout=10)
    assert answer.url.endswith("/staff")
    return session


def _enrol(platform, name: str, prefix: str) -> tuple[int, str]:
    _, token = platform.enrol(name=name, prefix=prefix)
    [device_id] = [d["id"] for d in platform.store.list_devices() if d["prefix"] == prefix]
    return device_id, token


def _sync(desk, platform, token):
    return SyncService(desk, client_factory(platform.url, token)).run()


def test_revoking_a_laptop_on_the_staff_page_stops_its_sync_and_no_other(desk, platform, staff):
    lost_id, lost_token = _enrol(platform, "新安一号", "K7Q")
    _, kept_token = _enrol(platform, "新安二号", "M3Q")
    desk.record_case(case_raw())
    page = staff.get(platform.url + "staff/devices", timeout=10).text
    assert "K7Q" in page and "M3Q" in page and "吊销令牌" in page
    csrf = re.search(r"name='csrf' value='([^']+)'", page).group(1)
    forged = staff.post(platform.url + f"staff/devices/{lost_id}/revoke", data={"csrf": "forged"}, timeout=10)
    assert forged.status_code == 403
    assert len(_sync(desk, platform, lost_token).synced) == 1  # still valid before the revoke

    answer = staff.post(platform.url + f"staff/devices/{lost_id}/revoke", data={"csrf": csrf}, timeout=10)
    assert answer.url.endswith("/staff/devices") and "已吊销" in answer.text
    desk.record_case(case_raw(description="小区门口的路灯坏了一个月"))
    refused = _sync(desk, platform, lost_token)
    assert refused.stopped and not refused.synced and desk.pending_sync_count() == 1
    assert len(_sync(desk, platform, kept_token).synced) == 1


def test_the_staff_api_revokes_with_the_session_and_its_csrf_value(platform, staff):
    device_id, _ = _enrol(platform, "新安一号", "K7Q")
    anonymous = requests.post(platform.url + f"staff/api/devices/{device_id}/revoke", timeout=10)
    assert anonymous.status_code == 401
    listing = staff.get(platform.url + "staff/api/devices", timeout=10)
    assert listing.status_code == 200 and [d["state"] for d in listing.json()] == ["已登记"]
    without_csrf = staff.post(platform.url + f"staff/api/devices/{device_id}/revoke", timeout=10)
    assert without_csrf.status_code == 401
    headers = {"X-CSRF-Token": listing.headers["X-CSRF-Token"]}
    done = staff.post(platform.url + f"staff/api/devices/{device_id}/revoke", headers=headers, timeout=10)
    assert done.status_code == 200 and done.json() == {"id": device_id, "revoked": True}
    again = staff.post(platform.url + f"staff/api/devices/{device_id}/revoke", headers=headers, timeout=10)
    assert again.status_code == 404
    assert staff.get(platform.url + "staff/api/devices", timeout=10).json()[0]["state"] == "已吊销"


def test_the_devices_page_needs_a_login(platform):
    assert requests.get(platform.url + "staff/devices", timeout=10).url.endswith("/staff/login")
    assert requests.get(platform.url + "staff/api/devices", timeout=10).status_code == 401
