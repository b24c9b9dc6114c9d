"""Connecting this laptop to a street's Open311 server: what the server is (its profile), the
credential (an enrolment code exchanged for a token, or an Open311 api_key), and a ready
SyncService for it.

The server's address and profile are remembered in the settings table (they are not secrets);
the credential is kept by sync/credentials.py. Used by the composition root.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from reception import street_settings, tracking_codes
from reception.desk import ReceptionDesk
from reception.storage import repository as repo
from reception.tracking_url import base_url_problem, tracking_verifier
from reception.storage.writing import writing
from sync import credentials, enrolment_codes, profiles
from sync.client import AuthFailed, NotSupported, Open311Client, Rejected, SyncError, Transient, check_server_url
from sync.protocol import ProtocolError
from sync.profiles import GEOREPORT, REFERENCE, ServerProfile
from sync.service import SyncService

SERVER_SETTING = "sync_server"
# The server whose public descriptions the team leader was told about and accepted.
PRIVACY_SETTING = "sync_privacy_accepted"


def device_id(desk: ReceptionDesk) -> str:
    device = repo.get_device(desk.db)
    assert device is not None  # the desk creates it on first open
    return device["device_id"]


def remembered_server(desk: ReceptionDesk) -> str | None:
    return repo.get_setting(desk.db, SERVER_SETTING)


def remembered_profile(desk: ReceptionDesk) -> ServerProfile:
    return profiles.from_json(repo.get_setting(desk.db, profiles.PROFILE_SETTING))


def resolve_server(desk: ReceptionDesk, server: str | None) -> str:
    chosen = server or remembered_server(desk)
    if not chosen:
        raise SyncError("还没有设置平台地址：请填写街道信箱平台的地址")
    return check_server_url(chosen)


@dataclass(frozen=True)
class ServerCheck:
    base: str
    profile: ServerProfile
    services: int
    # True: an unauthenticated requests.json shows petition texts to anyone; None: cannot tell.
    public_descriptions: bool | None

    def lines(self) -> list[str]:
        out = [f"平台地址：{self.base}", f"平台类型：{self.profile.label}（服务目录 {self.services} 项）"]
        for what, present, fallback in self.profile.describe():
            out.append(f"  {'有' if present else '无'}  {what}" + ("" if present else f"：{fallback}"))
        if self.profile.location_required:
            out.append("  该平台要求位置：发送诉求所在社区的中心坐标（forms/communities.toml）")
        if self.public_descriptions:
            out.append(f"注意：{PUBLIC_WARNING}")
        return out


PUBLIC_WARNING = ("该平台把诉求内容公开给任何人查看（不需要登录就能读到居民写的描述）。"
                  "同步前请确认街道同意这样做；居民的姓名和电话不会公开显示，但描述里写的内容会")


class NotOpen311(SyncError):
    """Nothing at the address answers as an Open311 server (no services.json under it)."""


class ServerUnreachable(SyncError):
    """The server could not be reached (network, address, or the server is down)."""


class NoEnrolment(SyncError):
    """The server has no device enrolment: its administrator gives an api_key instead."""


class EnrolmentServer(SyncError):
    """An api_key was given for a server that enrols laptops (the street's own platform)."""


def _candidates(server: str) -> list[str]:
    """A bare host may be our platform (/open311/v2/) or a server at its root."""
    base = check_server_url(server)
    if urlsplit(server.strip()).path in ("", "/"):
        root = server.strip().rstrip("/") + "/"
        return [base, root]
    return [base]


def check_server(server: str, *, ca_bundle: str | None = None, profile_overrides: str | None = None) -> ServerCheck:
    """Ask the server what it is: services.json under the address as given, then its extensions."""
    last: SyncError | None = None
    for base in _candidates(server):
        client = Open311Client(base, ca_bundle=ca_bundle)
        try:
            listed = client.services()
        except (Rejected, ProtocolError) as error:
            last = NotOpen311(f"这个地址下没有 Open311 服务目录（{base}services.json：{error}）。"
                              "请向平台管理员确认 API 地址，例如 https://平台/api/georeport/v2/")
            client.close()
            continue
        except Transient as error:
            client.close()
            raise ServerUnreachable(f"连不上平台（{base}）：{error}") from None
        try:
            profile = _detect(client, listed)
            public = _public_descriptions(client)
        finally:
            client.close()
        try:
            profile = profiles.with_overrides(profile, profile_overrides)
        except ValueError as error:
            raise SyncError(str(error)) from None
        return ServerCheck(base, profile, len(listed), public)
    assert last is not None
    raise last


def _detect(client: Open311Client, listed: list[dict]) -> ServerProfile:
    # The reference platform names each service's department (our extension).
    if listed and all("department" in item for item in listed):
        return REFERENCE
    try:
        client.updates(None)
        updates = True
    except NotSupported:
        updates = False
    except SyncError:
        updates = True  # it answered but wants a key: it has the endpoint
    return replace(GEOREPORT, updates=updates)


def _public_descriptions(client: Open311Client) -> bool | None:
    try:
        answer = client.call("GET", "requests.json")
    except SyncError:
        return None
    items = answer.data if isinstance(answer.data, list) else []
    if not items:
        return None
    return any(isinstance(i, dict) and str(i.get("description") or "").strip() for i in items)


def remember(desk: ReceptionDesk, check: ServerCheck) -> None:
    with writing(desk.db):
        repo.set_setting(desk.db, SERVER_SETTING, check.base)
        repo.set_setting(desk.db, profiles.PROFILE_SETTING, check.profile.as_json())


def privacy_accepted(desk: ReceptionDesk, base: str) -> bool:
    return repo.get_setting(desk.db, PRIVACY_SETTING) == base


def accept_privacy(desk: ReceptionDesk, base: str) -> None:
    with writing(desk.db):
        repo.set_setting(desk.db, PRIVACY_SETTING, base)


@dataclass(frozen=True)
class Enrolled:
    prefix: str
    kept: str  # credentials.KEYRING | credentials.DATABASE
    tracking_url: str | None  # the platform's tracking-page address, when it told us


def enrol(desk: ReceptionDesk, server: str, enrolment_code: str, *, ca_bundle: str | None = None) -> Enrolled:
    """Exchange the one-time enrolment code for a token. Where the token will be kept is settled
    before the code is sent, so a laptop without a keyring cannot use up its code for nothing."""
    place = credentials.where_kept()
    base = check_server_url(server)
    client = Open311Client(base, ca_bundle=ca_bundle)
    try:
        answer = client.enrol(_typed_code(enrolment_code), device_id(desk))
    except Rejected as error:
        if error.status_code in (404, 405, 501):
            raise NoEnrolment("该平台不支持设备登记：请向平台管理员索取 api_key，用 --api-key 填写") from None
        raise
    finally:
        client.close()
    kept = credentials.save_token(desk.db, base, device_id(desk), str(answer["device_token"]), place)
    with writing(desk.db):
        repo.set_setting(desk.db, SERVER_SETTING, base)
        repo.set_setting(desk.db, profiles.PROFILE_SETTING, REFERENCE.as_json())
    prefix = str(answer.get("prefix") or "")
    if prefix and tracking_codes.is_valid_prefix(prefix):
        desk.set_device_prefix(prefix)
    tracking_url = str(answer.get("tracking_url") or "")
    if tracking_url and base_url_problem(tracking_url) is None:
        street_settings.save(desk.db, {"base_url": tracking_url})
    else:
        tracking_url = ""
    return Enrolled(desk.device_prefix, kept, tracking_url or None)


def _typed_code(code: str) -> str:
    """What the leader typed from the paper, checked here so a typo never reaches the platform.
    Codes from before the grouped format are sent as they are."""
    text = code.strip()
    if not text:
        raise SyncError("请填写街道给的登记码")
    legacy = "_" in text or (any(ch.islower() for ch in text) and any(ch.isupper() for ch in text))
    if legacy:
        return text  # a random URL-safe code of the first platform version: mixed case, sent as is
    try:
        return enrolment_codes.normalise(text)
    except enrolment_codes.EnrolmentCodeError as error:
        raise SyncError(str(error)) from None


def use_api_key(desk: ReceptionDesk, check: ServerCheck, api_key: str, *, ca_bundle: str | None = None) -> str:
    """Keep the server administrator's api_key like a token; returns where it was kept."""
    key = api_key.strip()
    if not key or any(ch.isspace() for ch in key):
        raise SyncError("api_key 不能为空，也不能含空格：请照平台管理员给的原样填写")
    check_api_key(check.base, key, ca_bundle=ca_bundle)
    profile = replace(check.profile, auth="api_key") if check.profile.auth != "api_key" else check.profile
    remember(desk, replace(check, profile=profile))
    return credentials.save_token(desk.db, check.base, device_id(desk), key)


def check_api_key(base: str, api_key: str, *, ca_bundle: str | None = None) -> None:
    """Ask the server whether it takes the key before it is kept: a create with the key and no
    fields. A server checks the key first and answers 401/403 for a wrong one (raised as
    ``AuthFailed`` with its words) or 400 for the missing fields (the key is right). Without a
    service code nothing can be created; it is never sent again. A server that checks the fields
    first cannot tell here: its first sync says what it thinks of the key."""
    client = Open311Client(base, ca_bundle=ca_bundle, api_key=api_key)
    try:
        client.call("POST", "requests.json", data={}, resend=False)
    except AuthFailed as refused:
        raise AuthFailed(f"平台不接受这个 api_key（{refused.reason}）：请照平台管理员给的原样填写", refused.reason) from None
    except Rejected:
        return  # past the key, refused for the fields it lacks
    except Transient as error:
        raise ServerUnreachable(f"连不上平台（{base}）：{error}") from None
    finally:
        client.close()


class PublicDescriptions(SyncError):
    """The server shows petition texts to anyone; the team leader has not accepted that yet."""

    def __init__(self, base: str) -> None:
        super().__init__(f"{base}：{PUBLIC_WARNING}")
        self.base = base


@dataclass(frozen=True)
class Connected:
    check: ServerCheck
    kept: str  # where the credential went
    enrolled: Enrolled | None  # None with an api_key


def connect(desk: ReceptionDesk, server: str, *, enrolment_code: str | None = None, api_key: str | None = None,
            accept_public: bool = False, ca_bundle: str | None = None, profile_overrides: str | None = None,
            check: ServerCheck | None = None) -> Connected:
    """Set this laptop up for a server: what it is, the privacy of what it shows, the credential.
    Raises ``PublicDescriptions`` (nothing spent, nothing kept) until the leader accepts that.
    ``check``: the server's check_server() answer when the caller has just asked for it."""
    check = check or check_server(server, ca_bundle=ca_bundle, profile_overrides=profile_overrides)
    if check.public_descriptions and not (accept_public or privacy_accepted(desk, check.base)):
        raise PublicDescriptions(check.base)
    if api_key:
        kept, enrolled = use_api_key(desk, check, api_key, ca_bundle=ca_bundle), None
    elif enrolment_code:
        enrolled = enrol(desk, check.base, enrolment_code, ca_bundle=ca_bundle)
        remember(desk, check)
        kept = enrolled.kept
    else:
        raise SyncError("请填写街道给的登记码，或其他 Open311 平台管理员给的 api_key")
    if check.public_descriptions:
        accept_privacy(desk, check.base)
    return Connected(check, kept, enrolled)


def build_service(
    desk: ReceptionDesk, server: str | None, *, ca_bundle: str | None = None, workers: int = 4
) -> SyncService:
    base = resolve_server(desk, server)
    profile = remembered_profile(desk) if remembered_server(desk) == base else REFERENCE
    secret = _secret(desk, base)
    with writing(desk.db):
        repo.set_setting(desk.db, SERVER_SETTING, base)
    tracking = street_settings.tracking_secret(desk.db)
    token, api_key = (None, secret) if profile.auth == "api_key" else (secret, None)
    return SyncService(
        desk,
        lambda: Open311Client(base, token, ca_bundle=ca_bundle, api_key=api_key),
        verifier_for=lambda case: tracking_verifier(tracking, case.id),
        profile=profile,
        location_for=community_centres(desk),
        workers=workers,
    )


def _secret(desk: ReceptionDesk, base: str) -> str:
    secret = credentials.load_token(desk.db, base, device_id(desk))
    if not secret:
        raise SyncError(
            "这台笔记本还没有在该平台登记：请向街道索取登记码，再运行 xinan-desk sync --server 平台地址 --enrol 登记码"
            "（其他 Open311 平台用 --api-key 填写平台管理员给的 api_key）"
        )
    return secret


def device_token(desk: ReceptionDesk) -> str:
    """The device token of the platform this laptop last synced with, for a USB bundle's keys:
    only our platform gives one (an api_key is another server's, which takes no bundle)."""
    if not remembered_server(desk):
        raise SyncError("这台笔记本还没有在街道平台登记：U盘数据包用登记时得到的令牌加密，请先在有网络的地方登记一次"
                        "（xinan-desk sync --server 平台地址 --enrol 登记码）")
    base = resolve_server(desk, None)
    if remembered_profile(desk).auth == "api_key":
        raise SyncError("U盘同步只适用于街道的接访台平台（xinan-platform）：这台笔记本连接的是用 api_key 的其他平台，"
                        "请联网同步")
    return _secret(desk, base)


def community_centres(desk: ReceptionDesk):
    """The location sent for a case: its community's centre, else the street's (communities.toml)."""
    centres = getattr(desk.form, "centres", None) or {}
    street = getattr(desk.form, "street_centre", None)

    def location_for(case) -> tuple[float, float] | None:
        return centres.get(case.community) or street

    return location_for
