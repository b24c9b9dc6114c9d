"""What the platform does with a laptop's new case or amendment, whichever way it came: an HTTP
request to the Open311 API (api.py) or a USB bundle carried from a laptop with no network
(bundle_import.py). One set of checks, one idempotency rule, one answer for both.

A refusal is ``Refused`` (an HTTP status and a reason a team leader can read); the API answers it
in Open311's error shape, the bundle import writes it into its receipt.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from reception import tracking_codes
from reception.form_definition import Outcome, Urgency
from sync import protocol
from sync.platform.loop import LoopRefused
from sync.platform.store import Device, IdempotencyConflict, TrackingCodeTaken

MAX_PHOTOS = 9
_SHA = re.compile(r"^[0-9a-f]{64}$")
DEVICE_STATUSES = ("voided",)  # a laptop may void (an amendment); only staff move a case on

# A create's fields: the name the laptop sends, the name kept here, its longest value, its default.
# The API's form parameters take their limits from here, so a bundle is held to the same ones.
CREATE_FIELDS: dict[str, tuple[str, int, str]] = {
    "service_code": ("service_code", 32, ""),
    "description": ("description", 4000, ""),
    "address_string": ("address_string", 400, ""),
    "first_name": ("first_name", 100, ""),
    "phone": ("phone", 40, ""),
    "attribute[tracking_code]": ("tracking_code", 40, ""),
    "attribute[verifier]": ("verifier", 40, ""),
    "attribute[community]": ("community", 100, ""),
    "attribute[urgency]": ("urgency", 10, Urgency.ORDINARY.value),
    "attribute[outcome]": ("outcome", 10, Outcome.FORWARDED.value),
    "attribute[outcome_note]": ("outcome_note", 2000, ""),
    "attribute[receptionist]": ("receptionist", 100, ""),
    "attribute[anonymous]": ("anonymous", 10, "false"),
    "attribute[requested_datetime]": ("requested_datetime", 40, ""),
    "attribute[accept_by]": ("accept_by", 40, ""),
    "attribute[close_by]": ("close_by", 40, ""),
    "attribute[photos]": ("photos", MAX_PHOTOS * 65, ""),
    "attribute[follows]": ("follows", 40, ""),
}


def limit(wire_name: str) -> int:
    return CREATE_FIELDS[wire_name][1]


class Refused(Exception):
    """The platform does not take this create or amendment: ``code`` as HTTP would answer it."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def accept_request(platform, device: Device, key: str, sent: Mapping[str, str]) -> tuple[dict[str, Any], bool]:
    """Store a laptop's case once per idempotency ``key``: (the answer's object, created now?).

    ``sent`` holds the form fields as the laptop sends them (sync/service.py's request_fields);
    fields this platform does not know (lat/long...) are ignored, as the API ignores them.
    """
    if not 8 <= len(key) <= 100:
        raise Refused(400, "Idempotency-Key 应为 8–100 个字符")
    values: dict[str, str] = {}
    for wire, (name, longest, default) in CREATE_FIELDS.items():
        value = sent.get(wire, default)
        if not isinstance(value, str) or len(value) > longest:
            raise Refused(400, f"{wire} 应为最多 {longest} 个字符的文字")
        values[name] = value
    found = platform.form_of(device.street_code).taxonomy.find(values["service_code"])
    if found is None:
        raise Refused(400, f"service_code {values['service_code']!r} 不是平台的诉求类别")
    category, item = found
    if not values["description"].strip():
        raise Refused(400, "description（诉求内容）不能为空")
    if values["urgency"] not in {u.value for u in Urgency}:
        raise Refused(400, f"attribute[urgency] 只能是 {'、'.join(u.value for u in Urgency)}")
    if values["outcome"] not in {o.value for o in Outcome}:
        raise Refused(400, f"attribute[outcome] 只能是 {'、'.join(o.value for o in Outcome)}")
    code_display = ""
    if values["tracking_code"]:
        try:
            code_display = tracking_codes.parse(values["tracking_code"]).display
        except tracking_codes.TrackingCodeError:
            raise Refused(400, "attribute[tracking_code] 不是有效的查询码") from None
    shas = [s for s in values["photos"].split(",") if s]
    if len(shas) > MAX_PHOTOS or any(not _SHA.match(s) for s in shas) or len(set(shas)) != len(shas):
        raise Refused(400, f"attribute[photos] 应为不重复的 SHA-256（小写十六进制），最多 {MAX_PHOTOS} 张")
    for name in ("requested_datetime", "accept_by", "close_by"):
        if values[name] and not _is_datetime(values[name]):
            raise Refused(400, f"attribute[{name}] 应为 ISO 8601 时间")
    follows = values.pop("follows")
    # Only when given, as the laptop sends it: older cases keep their content hash.
    fields = {**values, **({"follows": follows} if follows else {})}
    content = protocol.content_sha256(fields)
    row = {
        "service_code": values["service_code"], "service_name": item.name, "group_name": category.name,
        "department": category.department, "description": values["description"],
        "address_string": values["address_string"], "first_name": values["first_name"], "phone": values["phone"],
        "tracking_code": code_display, "verifier": values["verifier"].upper(),
        "attributes": json.dumps(
            {**{k: values[k] for k in ("community", "urgency", "outcome", "outcome_note", "receptionist", "anonymous")},
             **({"follows": follows} if follows else {})}, ensure_ascii=False),
        "requested_datetime": _utc(values["requested_datetime"]), "accept_by": _utc(values["accept_by"]),
        "close_by": _utc(values["close_by"]),
    }
    initial = "closed" if Outcome(values["outcome"]).closes_case else "open"
    try:
        request_id, created = platform.store.create_request(key, content, device, row, shas, initial)
    except TrackingCodeTaken as taken:
        raise Refused(409, f"{taken}（attribute[tracking_code]）") from None
    except IdempotencyConflict as conflict:
        raise Refused(
            409,
            f"平台已收到这条诉求内容不同的版本（编号 {conflict}），保留原先收到的内容；"
            f"如需更正，请以补充说明的方式提交（幂等键 {key}）",
        ) from None
    stored = platform.store.get_request(request_id)
    media = platform.store.media_of(stored["id"])
    return {
        "service_request_id": request_id,
        "service_notice": "已收到" if created else "此前已收到，未重复登记",
        "account_id": None,
        "status": stored["status"],
        "media_complete": all(m["complete"] for m in media),
        "media": [
            {"sha256": m["sha256"], "size": m["size"], "received": m["received"], "complete": bool(m["complete"])}
            for m in media
        ],
    }, created


def own_request(platform, device: Device, request_id: str) -> dict[str, Any]:
    """A request of this laptop's; another laptop's is as unknown as a missing one."""
    row = platform.store.get_request(request_id)
    if row is None or row["device"] != device.id:
        raise Refused(404, f"没有编号为 {request_id} 的诉求")
    return row


def accept_update(platform, device: Device, key: str, service_request_id: str, description: str,
                  status: str = "", rating: str = "", rating_note: str = "") -> tuple[dict[str, Any], bool]:
    """An amendment from the laptop, once per ``key``: a note, a void, or the resident's verdict
    recorded at the stall (``rating``: it goes through the staff loop, where 不满意 reopens the
    case). Returns (the answer's object, created now?)."""
    if not 8 <= len(key) <= 140:
        raise Refused(400, "Idempotency-Key 应为 8–140 个字符")
    for name, value, longest in (("service_request_id", service_request_id, 40), ("description", description, 4000),
                                 ("status", status, 32), ("rating", rating, 10), ("rating_note", rating_note, 1000)):
        if len(value) > longest or (name == "description" and not value):
            raise Refused(400, f"{name} 应为 {'1–' if name == 'description' else '最多 '}{longest} 个字符")
    row = own_request(platform, device, service_request_id)
    if rating:
        try:
            state, created = platform.loop.act(row["id"], "rate", author="desk", rating=rating, words=rating_note,
                                               source="desk", key=key)
        except LoopRefused as refusal:
            raise Refused(409, f"平台未记录这条评价：{refusal}") from None
        except IdempotencyConflict:
            raise Refused(409, f"同一幂等键（{key}）已用于另一条诉求") from None
        return {"service_request_id": service_request_id, "status": state.status}, created
    if status and status not in DEVICE_STATUSES:
        raise Refused(400, f"笔记本只能提交补充说明或作废（voided），不能把状态改为 {status}")
    new_status = status or row["status"]
    try:
        update_id, created = platform.store.add_update(row["id"], new_status, description, "desk", key)
    except IdempotencyConflict:
        raise Refused(409, f"同一幂等键（{key}）已用于另一条诉求的补充说明") from None
    return {"update_id": str(update_id), "service_request_id": service_request_id, "status": new_status}, created


def _utc(text: str) -> str:
    """Stored in UTC, so that the database compares times as text (the district's overdue sums);
    a time without an offset is taken as UTC, as the desk sends it."""
    if not text:
        return text
    moment = datetime.fromisoformat(text)
    moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
    return moment.isoformat(timespec="seconds")


def _is_datetime(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
