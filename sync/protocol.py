"""The wire format: Open311 GeoReport v2 in JSON, with mySociety's servicerequestupdates and the
extensions described in docs/protocol.md.

Both sides use this module: the laptop's client to build requests and read answers, the reference
platform to read what laptops send. Reading is tolerant on purpose, because a street may run a
third-party Open311 server: 200 or 201, an array or a single object, errors in any of the shapes
seen in the wild, optional fields missing, statuses we have never heard of (kept as they are).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BASE_PATH = "/open311/v2/"
IDEMPOTENCY_HEADER = "Idempotency-Key"
NEXT_CURSOR_HEADER = "X-Next-Cursor"

# Extended statuses: Open311's own are only open/closed. Chinese labels are the street's words.
STATUS_LABELS = {
    "open": "待受理",
    "accepted": "已受理",
    "dispatched": "已分派",
    "in_progress": "办理中",
    "closed": "已办结",
    "reopened": "重新办理",  # the resident was not satisfied with the result (return visits)
    "escalated": "升级督办",  # not satisfied a second time: the street's leaders follow it
    "voided": "已作废",
}
# What other servers send for the same idea (mySociety's FixMyStreet, upper-case variants...).
_STATUS_ALIASES = {
    "investigating": "accepted",
    "action_scheduled": "dispatched",
    "action scheduled": "dispatched",
    "in progress": "in_progress",
    "inprogress": "in_progress",
    "fixed": "closed",
    "resolved": "closed",
    "no_further_action": "closed",
    "not_councils_responsibility": "closed",
    "duplicate": "closed",
    "internal_referral": "dispatched",
    "cancelled": "voided",
    "canceled": "voided",
    "void": "voided",
}
CLOSED_STATUSES = frozenset({"closed"})

# Attributes we send with each request (Open311's attribute[code]=value mechanism).
CASE_ATTRIBUTES = (
    "tracking_code",
    "verifier",
    "community",
    "urgency",
    "outcome",
    "outcome_note",
    "receptionist",
    "anonymous",
    "requested_datetime",
    "accept_by",
    "close_by",
    "photos",
    "follows",  # the earlier case's tracking code, for a petition about the same matter
)


def known_status(raw: Any) -> str:
    """Our status name for what a server sent, or the server's own text kept as it is."""
    text = "" if raw is None else str(raw).strip()
    key = text.lower()
    if key in STATUS_LABELS:
        return key
    return _STATUS_ALIASES.get(key, text)


def status_label(status: str) -> str:
    """Chinese words for a status; an unknown one is shown exactly as the server sent it."""
    return STATUS_LABELS.get(status, status or "未知")


def is_closed(status: str) -> bool:
    return status in CLOSED_STATUSES


def content_sha256(fields: Mapping[str, str]) -> str:
    """A request's identity for idempotency: every submitted field except credentials."""
    canonical = {k: v for k, v in fields.items() if k != "api_key"}
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def attribute_name(name: str) -> str:
    return f"attribute[{name}]"


# --- reading answers -------------------------------------------------------------------------

class ProtocolError(Exception):
    """The server's answer is not what Open311 promises (a captive portal, a proxy's page...)."""


def parse_json(content_type: str | None, body: bytes) -> Any:
    """The JSON in an answer. An HTML page answering "200 OK" is a captive portal, not success."""
    kind = (content_type or "").split(";")[0].strip().lower()
    text = body.decode("utf-8", errors="replace").lstrip()
    if kind in ("text/html", "application/xhtml+xml") or text[:15].lower().startswith(("<!doctype", "<html")):
        raise ProtocolError("服务器返回的是网页而不是数据：可能连上了需要登录的 Wi-Fi（认证页面）")
    if not text:
        raise ProtocolError("服务器返回了空内容")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise ProtocolError("服务器返回的内容不是 JSON") from None


def first_object(value: Any) -> dict[str, Any]:
    """Open311 wraps single results in an array; some servers do not."""
    if isinstance(value, list):
        if not value or not isinstance(value[0], dict):
            raise ProtocolError("服务器返回了空的结果")
        return value[0]
    if isinstance(value, dict):
        for wrapper in ("service_requests", "service_request", "request", "data"):
            inner = value.get(wrapper)
            if isinstance(inner, (list, dict)):
                return first_object(inner)
        return value
    raise ProtocolError("服务器返回的结果格式无法识别")


def object_list(value: Any, *wrappers: str) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        for wrapper in wrappers:
            inner = value.get(wrapper)
            if isinstance(inner, list):
                value = inner
                break
        else:
            value = [value]
    if not isinstance(value, list):
        raise ProtocolError("服务器返回的列表格式无法识别")
    return [item for item in value if isinstance(item, dict)]


def error_reason(status_code: int, content_type: str | None, body: bytes) -> str:
    """The server's own reason for refusing, from whichever error shape it uses."""
    try:
        data = parse_json(content_type, body)
    except ProtocolError:
        text = body.decode("utf-8", errors="replace").strip()
        if text and not text.lower().startswith(("<!doctype", "<html")):
            return f"HTTP {status_code}：{text[:200]}"
        heading = _html_heading(text)
        return f"HTTP {status_code}：{heading}" if heading else f"HTTP {status_code}"
    return f"HTTP {status_code}：{_reason_text(data) or '（服务器未说明原因）'}"


def _html_heading(page: str) -> str:
    """An error page's own words: its <title>, else its first <h1> (a proxy's or server's page)."""
    import html
    import re

    for tag in ("title", "h1"):
        found = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", page, re.I | re.S)
        if found:
            words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())
            if words:
                return words[:120]
    return ""


_GENERAL_KEYS = ("non_field_errors", "__all__", "_schema", "base")


def _reason_text(data: Any) -> str:
    if isinstance(data, list):
        return "；".join(filter(None, (_reason_text(item) for item in data)))
    if isinstance(data, str):
        return data
    if isinstance(data, (int, float)) or not isinstance(data, dict):
        return ""
    for key in ("description", "message", "detail", "error", "errors", "reason", "msg"):
        if key in data:
            value = data[key]
            if isinstance(value, list) and value and all(isinstance(v, dict) and "msg" in v for v in value):
                # FastAPI's validation errors: [{"loc": ["body", "lat"], "msg": "..."}]
                return "；".join(_located(v) for v in value)
            nested = _reason_text(value)
            if nested:
                return nested
    # Django REST framework's field errors: {"lat": ["This field is required."], ...}
    parts = []
    for key, value in data.items():
        if key == "code":
            continue
        text = _reason_text(value)
        if text:
            parts.append(text if key in _GENERAL_KEYS else f"{key}：{text}")
    return "；".join(parts)


def _located(item: dict[str, Any]) -> str:
    where = [str(p) for p in item.get("loc") or [] if p not in ("body", "query", "path")]
    return f"{'.'.join(where)}：{item['msg']}" if where else str(item["msg"])


@dataclass(frozen=True)
class CreatedRequest:
    service_request_id: str | None
    token: str | None
    notice: str
    # Our extension: how much of each photo the platform already holds, and whether it holds all
    # of them, so the laptop needs no extra round trip to find out. None from other servers.
    media: dict[str, "MediaState"] | None = None
    media_complete: bool | None = None
    status: str = ""  # our extension too: Open311 does not say a new request's status


def parse_created(data: Any) -> CreatedRequest:
    item = first_object(data)
    request_id = item.get("service_request_id")
    token = item.get("token")
    if request_id in (None, "") and token in (None, ""):
        raise ProtocolError("服务器没有返回诉求编号")
    media = None
    if isinstance(item.get("media"), list):
        try:
            media = {m["sha256"]: parse_media(m) for m in item["media"] if isinstance(m, dict)}
        except (KeyError, ProtocolError):
            media = None
    complete = item.get("media_complete")
    return CreatedRequest(
        service_request_id=None if request_id in (None, "") else str(request_id),
        token=None if token in (None, "") else str(token),
        notice=str(item.get("service_notice") or ""),
        media=media,
        media_complete=complete if isinstance(complete, bool) else None,
        status=known_status(item.get("status")) if item.get("status") else "",
    )


@dataclass(frozen=True)
class RequestStatus:
    service_request_id: str
    status: str
    status_notes: str
    agency_responsible: str
    updated_datetime: str
    expected_datetime: str
    media_complete: bool | None  # None: the server does not say (a third-party server)


def parse_request(data: Any) -> RequestStatus:
    item = first_object(data)
    complete = item.get("media_complete")
    return RequestStatus(
        service_request_id=str(item.get("service_request_id") or ""),
        status=known_status(item.get("status")),
        status_notes=str(item.get("status_notes") or ""),
        agency_responsible=str(item.get("agency_responsible") or ""),
        updated_datetime=str(item.get("updated_datetime") or ""),
        expected_datetime=str(item.get("expected_datetime") or ""),
        media_complete=None if complete is None else bool(complete),
    )


@dataclass(frozen=True)
class StatusUpdate:
    update_id: str
    service_request_id: str
    status: str
    description: str
    updated_datetime: str


def parse_updates(data: Any) -> list[StatusUpdate]:
    updates = []
    for item in object_list(data, "service_request_updates", "request_updates", "updates"):
        request_id = item.get("service_request_id")
        if request_id in (None, ""):
            continue
        updates.append(
            StatusUpdate(
                update_id=str(item.get("update_id") or ""),
                service_request_id=str(request_id),
                status=known_status(item.get("status") or item.get("external_status_code")),
                description=str(item.get("description") or ""),
                updated_datetime=str(item.get("updated_datetime") or ""),
            )
        )
    return updates


@dataclass(frozen=True)
class MediaState:
    sha256: str
    size: int
    received: int
    complete: bool
    request_complete: bool | None = None  # every photo of the request is in (our extension)


def parse_media(data: Any) -> MediaState:
    item = first_object(data)
    whole = item.get("media_complete")
    try:
        return MediaState(
            sha256=str(item["sha256"]),
            size=int(item.get("size") or 0),
            received=int(item.get("received") or 0),
            complete=bool(item.get("complete")),
            request_complete=whole if isinstance(whole, bool) else None,
        )
    except (KeyError, TypeError, ValueError):
        raise ProtocolError("服务器返回的照片状态格式无法识别") from None
