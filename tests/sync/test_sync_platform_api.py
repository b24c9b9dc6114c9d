"""The reference platform's Open311 API, spoken to over real HTTP on loopback."""

from __future__ import annotations

import hashlib
import uuid

import requests

from sync.platform.store import encode_cursor

BASE = "open311/v2/"


def _fields(**changes: str) -> dict[str, str]:
    fields = {
        "service_code": "ENV03",
        "description": "三楼走廊夜里总有人敲门",
        "address_string": "安乐社区 12栋",
        "first_name": "王阿姨",
        "phone": "+8613812345678",
        "attribute[tracking_code]": "K7Q-0001-" ,
        "attribute[urgency]": "一般",
        "attribute[outcome]": "转平台办理",
        "attribute[requested_datetime]": "2026-11-25T11:30:00+00:00",
        "attribute[close_by]": "2026-11-26T11:30:00+00:00",
    }
    fields.pop("attribute[tracking_code]")
    fields.update(changes)
    return fields


def _post(platform, token, key, **changes):
    return requests.post(
        platform.url + BASE + "requests.json", data=_fields(**changes),
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key}, timeout=10,
    )


def test_services_come_from_the_taxonomy(platform):
    services = requests.get(platform.url + BASE + "services.json", timeout=10).json()
    by_code = {s["service_code"]: s for s in services}
    assert by_code["ENV03"]["group"] == "环境卫生"
    assert by_code["ENV03"]["department"] == "城市管理办公室"
    assert len(services) == len(platform.app.state.platform.form.taxonomy.items())
    definition = requests.get(platform.url + BASE + "services/ENV03.json", timeout=10).json()
    assert {a["code"] for a in definition["attributes"]} >= {"tracking_code", "verifier", "photos"}


def test_same_key_same_content_gives_the_same_request(platform, device_token):
    key = str(uuid.uuid4())
    first = _post(platform, device_token, key)
    again = _post(platform, device_token, key)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()[0]["service_request_id"] == again.json()[0]["service_request_id"]
    assert platform.count_per_key() == {key: 1}


def test_same_key_different_content_is_a_conflict_with_a_reason(platform, device_token):
    key = str(uuid.uuid4())
    first = _post(platform, device_token, key)
    changed = _post(platform, device_token, key, description="另一件事")
    assert changed.status_code == 409
    error = changed.json()[0]
    assert error["code"] == 409
    assert "内容不同的版本" in error["description"] and first.json()[0]["service_request_id"] in error["description"]
    assert platform.count_per_key() == {key: 1}


def test_unknown_service_and_missing_token_are_refused_in_open311_shape(platform, device_token):
    bad = _post(platform, device_token, str(uuid.uuid4()), service_code="NOPE9")
    assert bad.status_code == 400 and "service_code" in bad.json()[0]["description"]
    anonymous = requests.post(platform.url + BASE + "requests.json", data=_fields(),
                              headers={"Idempotency-Key": str(uuid.uuid4())}, timeout=10)
    assert anonymous.status_code == 401


def test_a_revoked_token_stops_working(platform, device_token):
    device = platform.store.device_for_token(device_token)
    assert _post(platform, device_token, str(uuid.uuid4())).status_code == 201
    assert platform.store.revoke_device(device.id)
    refused = _post(platform, device_token, str(uuid.uuid4()))
    assert refused.status_code == 403 and "吊销" in refused.json()[0]["description"]


def test_an_enrolment_code_works_once(platform):
    _, code = platform.store.add_device("新安二号", "M2X")
    url = platform.url + BASE + "devices.json"
    first = requests.post(url, data={"enrolment_code": code, "device_id": "a"}, timeout=10)
    assert first.status_code == 201 and first.json()[0]["prefix"] == "M2X"
    second = requests.post(url, data={"enrolment_code": code, "device_id": "b"}, timeout=10)
    assert second.status_code == 403


def test_a_photo_upload_resumes_and_is_verified(platform, device_token):
    data = bytes(range(256)) * 200
    sha = hashlib.sha256(data).hexdigest()
    created = _post(platform, device_token, str(uuid.uuid4()), **{"attribute[photos]": sha})
    request_id = created.json()[0]["service_request_id"]
    auth = {"Authorization": f"Bearer {device_token}"}
    media = platform.url + BASE + f"requests/{request_id}/media/{sha}"

    state = requests.get(media + ".json", headers=auth, timeout=10).json()
    assert state == {"service_request_id": request_id, "sha256": sha, "size": 0, "received": 0, "complete": False}
    # The first 10 000 bytes arrive (as if the line was then cut)...
    part = requests.put(media, data=data[:10000], headers={**auth, "Content-Range": f"bytes 0-9999/{len(data)}"}, timeout=10)
    assert part.status_code == 202 and part.json()["received"] == 10000
    # ...a continuation beyond what the platform holds is refused with where to restart...
    gap = requests.put(media, data=data[20000:], headers={**auth, "Content-Range": f"bytes 20000-{len(data) - 1}/{len(data)}"}, timeout=10)
    assert gap.status_code == 416 and gap.json()[0]["received"] == 10000
    assert not requests.get(platform.url + BASE + f"requests/{request_id}.json", headers=auth, timeout=10).json()[0]["media_complete"]
    # ...and the rest completes it.
    rest = requests.put(media, data=data[10000:], headers={**auth, "Content-Range": f"bytes 10000-{len(data) - 1}/{len(data)}"}, timeout=10)
    assert rest.status_code == 201 and rest.json()["complete"] is True
    assert requests.get(platform.url + BASE + f"requests/{request_id}.json", headers=auth, timeout=10).json()[0]["media_complete"]
    assert platform.store.media_path(sha).read_bytes() == data


def test_a_corrupted_photo_is_dropped(platform, device_token):
    data = b"x" * 5000
    sha = hashlib.sha256(data).hexdigest()
    request_id = _post(platform, device_token, str(uuid.uuid4()), **{"attribute[photos]": sha}).json()[0]["service_request_id"]
    auth = {"Authorization": f"Bearer {device_token}"}
    media = platform.url + BASE + f"requests/{request_id}/media/{sha}"
    bad = requests.put(media, data=b"y" * 5000, headers=auth, timeout=10)
    assert bad.status_code == 422 and "SHA-256" in bad.json()[0]["description"]
    assert requests.get(media + ".json", headers=auth, timeout=10).json()["received"] == 0


def test_updates_come_behind_an_opaque_cursor_for_the_own_device_only(platform, device_token):
    _, other = platform.enrol("新安二号")
    mine = _post(platform, device_token, str(uuid.uuid4())).json()[0]["service_request_id"]
    _post(platform, other, str(uuid.uuid4()))
    url = platform.url + BASE + "servicerequestupdates.json"
    auth = {"Authorization": f"Bearer {device_token}"}
    first = requests.get(url, headers=auth, timeout=10)
    assert [u["service_request_id"] for u in first.json()] == [mine]
    assert first.json()[0]["status"] == "open"
    cursor = first.headers["X-Next-Cursor"]
    internal = platform.store.get_request(mine)["id"]
    platform.store.add_update(internal, "dispatched", "已分派至城市管理办公室", "staff")
    second = requests.get(url, params={"cursor": cursor}, headers=auth, timeout=10)
    assert [(u["service_request_id"], u["status"]) for u in second.json()] == [(mine, "dispatched")]
    nothing = requests.get(url, params={"cursor": second.headers["X-Next-Cursor"]}, headers=auth, timeout=10)
    assert nothing.json() == []
    bad = requests.get(url, params={"cursor": "not-ours!"}, headers=auth, timeout=10)
    assert bad.status_code == 400
    assert encode_cursor(0) != cursor


def test_a_device_may_void_but_not_close(platform, device_token):
    request_id = _post(platform, device_token, str(uuid.uuid4())).json()[0]["service_request_id"]
    url = platform.url + BASE + "servicerequestupdates.json"
    auth = {"Authorization": f"Bearer {device_token}"}
    close = requests.post(url, data={"service_request_id": request_id, "description": "x", "status": "closed"},
                          headers={**auth, "Idempotency-Key": "k-close-1"}, timeout=10)
    assert close.status_code == 400
    key = {**auth, "Idempotency-Key": "void-key-1"}
    void = requests.post(url, data={"service_request_id": request_id, "description": "重复登记", "status": "voided"}, headers=key, timeout=10)
    replay = requests.post(url, data={"service_request_id": request_id, "description": "重复登记", "status": "voided"}, headers=key, timeout=10)
    assert void.status_code == 201 and replay.status_code == 200
    assert void.json()[0]["update_id"] == replay.json()[0]["update_id"]
    assert platform.store.get_request(request_id)["status"] == "voided"


def test_the_api_never_returns_personal_data(platform, device_token):
    request_id = _post(platform, device_token, str(uuid.uuid4())).json()[0]["service_request_id"]
    auth = {"Authorization": f"Bearer {device_token}"}
    for path in (f"requests/{request_id}.json", "requests.json", "servicerequestupdates.json"):
        text = requests.get(platform.url + BASE + path, headers=auth, timeout=10).text
        for secret in ("王阿姨", "13812345678", "12栋", "敲门"):
            assert secret not in text


def test_a_nul_character_is_refused_alike_on_both_databases(platform, device_token):
    answer = _post(platform, device_token, "nul-0000001", description="楼道\x00灯坏了")
    assert answer.status_code == 400 and "空字符" in answer.json()[0]["description"]
    login = requests.post(platform.url + "staff/login", data={"username": "li\x00", "password": "x" * 10}, timeout=10)
    assert login.status_code == 400
    assert requests.get(platform.url + BASE + "requests/XA%00.json",
                        headers={"Authorization": f"Bearer {device_token}"}, timeout=10).status_code == 400
    assert platform.store.count_requests() == 0
