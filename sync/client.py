"""The laptop's HTTP client for an Open311 server (ours or a third party's).

Every request has a connect and a read timeout. Failures that may pass (no network, a reset,
a timeout, 5xx, 429, a captive portal's "200 OK" web page) are retried with full-jitter
exponential backoff; what is left after the last try is raised as ``Transient``. A refusal
(4xx) is raised at once as ``Rejected`` with the server's own reason, except 401/403 which
mean the laptop's token is wrong and stop the whole sync (``AuthFailed``).

The retry loop is ours rather than urllib3's Retry because two things need more than a resend:
a captive portal answers 200, and a cut photo upload must ask the server how much it holds
before sending the rest. TLS certificates are always verified; plain HTTP is refused except on
the loopback interface (tests, a platform on the same machine).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from reception.errors import DeskError
from sync import protocol

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


class SyncError(DeskError):
    """A failure with a message for the team leader (a DeskError: every front end shows it as it is)."""


class Transient(SyncError):
    """Worth trying again later: the case stays in the outbox, waiting."""


class Rejected(SyncError):
    """The server refused this request; trying again unchanged will not help."""

    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class Unreached(Transient):
    """The request never reached the server (refused or timed-out connection): safe to resend."""


class FateUnknown(Transient):
    """A create's body may have reached the server, and no answer said what became of it."""


class AuthFailed(SyncError):
    """The server does not accept this laptop's token (or, when enrolling, the enrolment code)."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason  # the server's own words


class NotSupported(SyncError):
    """The server does not offer an optional part of the protocol (a third-party server)."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        # Full jitter: laptops that failed together do not come back together.
        return rng.uniform(0, min(self.max_delay, self.base_delay * (2 ** attempt)))


@dataclass(frozen=True)
class Answer:
    status_code: int
    data: Any
    headers: requests.structures.CaseInsensitiveDict


def check_server_url(url: str) -> str:
    """The server's API root as given (with a trailing slash); an unsafe or malformed one is refused.

    Only a bare host (no path) gets the reference platform's root, /open311/v2/, so the
    addresses given to streets before there were other servers keep working."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SyncError("平台地址应以 https:// 开头，例如 https://xinan.example.gov.cn/")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise SyncError("平台地址必须使用 https（加密连接）；只有本机测试可以用 http")
    base = url.strip().split("?", 1)[0].split("#", 1)[0]
    if not base.endswith("/"):
        base += "/"
    if parts.path in ("", "/"):
        base = urljoin(base, protocol.BASE_PATH.lstrip("/"))
    return base


def _never_connected(error: requests.exceptions.ConnectionError) -> bool:
    """A refused or failed connection: not one byte of the request left the laptop."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


class Open311Client:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 20.0,
        retry: RetryPolicy = RetryPolicy(),
        ca_bundle: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        api_key: str | None = None,
    ) -> None:
        self.base = check_server_url(base_url)
        self.token = token
        # Open311's own credential, for servers without enrolment: a form field on every POST.
        self.api_key = api_key
        self.timeout = (connect_timeout, read_timeout)
        self.retry = retry
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.session = requests.Session()
        # Verification stays on; a street with its own CA passes its bundle, never False.
        # Passed with every request too: requests lets REQUESTS_CA_BUNDLE in the environment
        # override a session's own setting, which would silently drop the street's CA.
        self.verify: str | bool = ca_bundle if ca_bundle else True
        self.session.verify = self.verify
        self.session.headers["Accept"] = "application/json"
        self.session.headers["User-Agent"] = "xinan-desk-sync/1"
        self.server_date: datetime | None = None
        self.local_date_at_answer: datetime | None = None

    def close(self) -> None:
        self.session.close()

    # --- the transport ---------------------------------------------------------------------------

    def call(self, method: str, path: str, *, ok: tuple[int, ...] = (200, 201), resend: bool = True,
             **kwargs: Any) -> Answer:
        """One exchange, retried while it may pass. ``resend=False`` (a create on a server without
        idempotency): sent again only when the first try never reached the server; any other
        failure is ``FateUnknown``, because the server may have stored what it received."""
        url = urljoin(self.base, path)
        headers = dict(kwargs.pop("headers", {}) or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.api_key and method == "POST" and isinstance(kwargs.get("data"), dict):
            kwargs["data"] = {**kwargs["data"], "api_key": self.api_key}
        last: SyncError | None = None
        for attempt in range(self.retry.attempts):
            if attempt:
                self.sleep(self.retry.delay(attempt - 1, self.rng))
            try:
                answer = self._once(method, url, ok, headers, kwargs)
            except Unreached as error:
                last = error
                continue
            except Transient as error:
                if not resend:
                    raise FateUnknown(f"{error}；平台可能已经收到，先核对再决定是否重发") from None
                last = error
                continue
            return answer
        assert last is not None
        raise last

    def _once(self, method: str, url: str, ok: tuple[int, ...], headers: dict[str, str], kwargs: dict[str, Any]) -> Answer:
        try:
            response = self.session.request(
                method, url, headers=headers, timeout=self.timeout, allow_redirects=False, verify=self.verify, **kwargs
            )
        except requests.exceptions.SSLError:
            raise Transient("无法验证平台的安全证书：可能连上了需要登录的 Wi-Fi，或平台地址有误") from None
        except requests.exceptions.ConnectTimeout:
            raise Unreached("连接平台超时：网络不通或信号太弱") from None
        except requests.exceptions.ReadTimeout:
            raise Transient("平台响应超时：网络太慢或平台繁忙") from None
        except requests.exceptions.ConnectionError as error:
            if _never_connected(error):
                raise Unreached("连不上平台：网络不通，或平台没有运行") from None
            raise Transient("与平台的连接中断：网络不稳定") from None
        except requests.exceptions.RequestException as error:
            raise Transient(f"与平台通信出错：{type(error).__name__}") from None
        self._note_date(response)
        body = response.content
        kind = response.headers.get("Content-Type")
        code = response.status_code
        if code in ok:
            try:
                data = protocol.parse_json(kind, body) if body.strip() else None
            except protocol.ProtocolError as error:
                raise Transient(str(error)) from None
            return Answer(code, data, response.headers)
        if code in (408, 425, 429) or code >= 500 or 300 <= code < 400:
            reason = "平台暂时繁忙" if code >= 500 or code == 429 else "平台要求跳转（可能是需要登录的 Wi-Fi）"
            raise Transient(f"{reason}（{protocol.error_reason(code, kind, body)}）")
        reason = protocol.error_reason(code, kind, body)
        if code in (401, 403):
            raise AuthFailed(f"平台不接受本机的令牌，请重新登记这台笔记本（{reason}）", reason)
        raise Rejected(reason, code)

    def _note_date(self, response: requests.Response) -> None:
        text = response.headers.get("Date")
        if not text:
            return
        try:
            server = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return
        if server.tzinfo is None:
            server = server.replace(tzinfo=timezone.utc)
        self.server_date = server
        self.local_date_at_answer = datetime.now(timezone.utc)

    def clock_skew_seconds(self, local_now: datetime | None = None) -> float | None:
        """How far this laptop's clock is ahead of the server's (negative: behind)."""
        if self.server_date is None or self.local_date_at_answer is None:
            return None
        local = local_now or self.local_date_at_answer
        return (local - self.server_date).total_seconds()

    # --- Open311 ---------------------------------------------------------------------------------

    def enrol(self, enrolment_code: str, device_id: str) -> dict[str, Any]:
        try:
            answer = self.call("POST", "devices.json", data={"enrolment_code": enrolment_code, "device_id": device_id})
        except AuthFailed as refused:
            # No token is involved yet: what the platform refused is the enrolment code.
            raise AuthFailed(f"平台不接受这个登记码：{refused.reason}", refused.reason) from None
        item = protocol.first_object(answer.data)
        if not item.get("device_token"):
            raise SyncError("平台没有返回设备令牌")
        return item

    def services(self) -> list[dict[str, Any]]:
        return protocol.object_list(self.call("GET", "services.json").data, "services")

    def create_request(self, fields: dict[str, str], key: str, *, resend: bool = True) -> protocol.CreatedRequest:
        answer = self.call("POST", "requests.json", data=fields, headers={protocol.IDEMPOTENCY_HEADER: key},
                           resend=resend)
        try:
            return protocol.parse_created(answer.data)
        except protocol.ProtocolError as error:
            raise Transient(str(error)) from None

    def find_requests(self, service_code: str, start: str, end: str) -> list[dict[str, Any]]:
        """The server's requests of one service in a time window, as it lists them (to look for a
        create whose answer was lost: its tracking code is in the description or attributes)."""
        params = {"service_code": service_code, "start_date": start, "end_date": end}
        try:
            answer = self.call("GET", "requests.json", params=params)
        except Rejected as error:
            if error.status_code in (404, 405, 501):
                raise NotSupported("平台不提供诉求查询（requests.json）") from None
            raise
        try:
            return protocol.object_list(answer.data if answer.data is not None else [], "service_requests", "requests")
        except protocol.ProtocolError as error:
            raise Transient(str(error)) from None

    def requests_status(self, request_ids: list[str]) -> list[protocol.RequestStatus]:
        """Status and notes of several requests at once (for servers without servicerequestupdates)."""
        answer = self.call("GET", "requests.json", params={"service_request_id": ",".join(request_ids)})
        try:
            items = protocol.object_list(answer.data if answer.data is not None else [], "service_requests", "requests")
            return [protocol.parse_request(item) for item in items if item.get("service_request_id") not in (None, "")]
        except protocol.ProtocolError as error:
            raise Transient(str(error)) from None

    def get_request(self, request_id: str) -> protocol.RequestStatus:
        answer = self.call("GET", f"requests/{request_id}.json")
        try:
            return protocol.parse_request(answer.data)
        except protocol.ProtocolError as error:
            raise Transient(str(error)) from None

    def media_state(self, request_id: str, sha256: str) -> protocol.MediaState:
        try:
            answer = self.call("GET", f"requests/{request_id}/media/{sha256}.json")
        except Rejected as error:
            if error.status_code in (404, 405, 501):
                raise NotSupported("平台不支持照片续传（没有照片状态接口）") from None
            raise
        try:
            return protocol.parse_media(answer.data)
        except protocol.ProtocolError as error:
            raise Transient(str(error)) from None

    def upload_media(self, request_id: str, sha256: str, data: bytes, offset: int) -> protocol.MediaState:
        """Send the photo from ``offset`` on; the server keeps what it already has."""
        headers = {"Content-Type": "application/octet-stream"}
        if offset:
            headers["Content-Range"] = f"bytes {offset}-{len(data) - 1}/{len(data)}"
        answer = self._put_once(f"requests/{request_id}/media/{sha256}", data[offset:], headers)
        return protocol.parse_media(answer.data)

    def _put_once(self, path: str, body: bytes, headers: dict[str, str]) -> Answer:
        # No retry loop here: after a cut the caller asks how much arrived and sends only the rest.
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return self._once("PUT", urljoin(self.base, path), (200, 201, 202), headers, {"data": body})

    def updates(self, cursor: str | None, start_date: str | None = None) -> tuple[list[protocol.StatusUpdate], str | None]:
        params = {}
        if cursor:
            params["cursor"] = cursor
        if start_date:
            params["start_date"] = start_date
        try:
            answer = self.call("GET", "servicerequestupdates.json", params=params)
        except Rejected as error:
            if error.status_code in (404, 405, 501):
                raise NotSupported("平台不提供办理进度回传（servicerequestupdates）") from None
            raise
        try:
            updates = protocol.parse_updates(answer.data if answer.data is not None else [])
        except protocol.ProtocolError as error:
            raise Transient(str(error)) from None
        return updates, answer.headers.get(protocol.NEXT_CURSOR_HEADER)

    def post_update(self, request_id: str, description: str, status: str, key: str,
                    extra: dict[str, str] | None = None) -> str:
        # extra: our extensions' fields (a rating); a third-party server ignores them and keeps
        # the description, which says the same in words.
        data = {"service_request_id": request_id, "description": description, **(extra or {})}
        if status:
            data["status"] = status
        answer = self.call("POST", "servicerequestupdates.json", data=data, headers={protocol.IDEMPOTENCY_HEADER: key})
        item = protocol.first_object(answer.data) if answer.data else {}
        return str(item.get("update_id") or "")
