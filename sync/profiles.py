"""What a street's Open311 server does and does not do, as data.

The desk speaks to any GeoReport v2 server; what differs between servers is kept here rather
than in ``if`` branches through the sync: the names of fields, whether a location is required,
whether the server keeps custom attributes, and which extensions it offers. Each missing
extension has a fallback in sync/service.py (docs/protocol.md, "Server profiles"):

- no idempotency key: a create is never sent twice while its fate is unknown; the desk looks it
  up by its tracking code (``requests.json`` by service and time window), and where the server
  cannot say, the case waits for the team leader (待核实);
- no media extension: the case syncs without its photos, which stay on the laptop, and says so;
- no ``servicerequestupdates``: progress is read from ``requests.json?service_request_id=…``;
- no enrolment: an Open311 ``api_key`` given by the server's administrator.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

PROFILE_SETTING = "sync_profile"


@dataclass(frozen=True)
class ServerProfile:
    name: str
    label: str
    address_field: str = "address_string"
    location_required: bool = False
    keeps_attributes: bool = True
    idempotency: bool = True
    media: bool = True
    updates: bool = True
    enrolment: bool = True
    # "bearer": Authorization header (the device token); "api_key": Open311's api_key field.
    auth: str = "bearer"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> list[tuple[str, bool, str]]:
        """(what, present, what the desk does without it) for ``sync check`` and the wizard."""
        return [
            ("幂等键（Idempotency-Key）", self.idempotency,
             "不会重发结果不明的诉求：先按查询码在平台上查找，查不到确认的标为待核实，由组长确认"),
            ("照片上传（媒体扩展）", self.media, "诉求照常同步，照片留在本机，并在同步结果中说明"),
            ("办理进度（servicerequestupdates）", self.updates,
             "按诉求编号分批查询 requests.json 取回状态和办理说明"),
            ("设备登记", self.enrolment, "使用平台管理员发放的 api_key"),
            ("保存自定义属性", self.keeps_attributes, "查询码同时写在诉求描述的开头"),
        ]


REFERENCE = ServerProfile(name="xinan", label="心安平台（参考平台）")
GEOREPORT = ServerProfile(
    name="georeport",
    label="通用 Open311 GeoReport v2 平台",
    address_field="address",
    location_required=True,
    keeps_attributes=False,
    idempotency=False,
    media=False,
    updates=False,
    enrolment=False,
    auth="api_key",
)
PROFILES = {p.name: p for p in (REFERENCE, GEOREPORT)}
_FIELDS = {f.name: f.type for f in fields(ServerProfile)}


def from_json(value: Any) -> ServerProfile:
    """A stored profile: a known base name plus any overrides; unknown keys are ignored."""
    if not isinstance(value, dict):
        return REFERENCE
    base = PROFILES.get(str(value.get("name") or ""), REFERENCE)
    changes = {k: v for k, v in value.items() if k in _FIELDS and k not in ("name", "label")}
    for key, kind in list(changes.items()):
        wanted = bool if kind in (bool, "bool") else str
        if not isinstance(changes[key], wanted):
            del changes[key]
    return replace(base, **changes)


def with_overrides(profile: ServerProfile, text: str | None) -> ServerProfile:
    """``key=value,key=value`` from the command line (e.g. ``media=false,address_field=address``)."""
    if not text:
        return profile
    changes: dict[str, Any] = {}
    for part in text.split(","):
        key, _, raw = part.partition("=")
        key, raw = key.strip(), raw.strip()
        if key not in _FIELDS or key in ("name", "label"):
            raise ValueError(f"不认识的平台设置：{key}（可用：{', '.join(k for k in _FIELDS if k not in ('name', 'label'))}）")
        if _FIELDS[key] in (bool, "bool"):
            if raw.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(f"平台设置 {key} 应为 true 或 false")
            changes[key] = raw.lower() in ("true", "yes", "1")
        else:
            changes[key] = raw
    return replace(profile, **changes)


def dumps(profile: ServerProfile) -> str:
    return json.dumps(profile.as_json(), ensure_ascii=False)
