"""The reference platform's Open311 GeoReport v2 API (JSON), at /open311/v2/.

Every error answers in Open311's shape, ``[{"code": 409, "description": "..."}]``, with a reason
a team leader can read. Personal data (name, phone, address, description) is accepted from
enrolled laptops but never returned by this API: the staff pages show it to logged-in staff.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Form, Header, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from forms import load_form
from reception.form_definition import FormDefinition, Outcome, Urgency
from reception.privacy import file_modes
from sync import protocol
from sync.platform import intake
from sync.platform.intake import limit
from sync.platform.loop_store import LoopStore
from sync.platform.store import (
    Device,
    PlatformStore,
    StreetError,
    decode_cursor,
    encode_cursor,
)

MAX_PHOTO_BYTES = 10 * 1024 * 1024
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


class Open311Error(HTTPException):
    """An error answered in Open311's own shape: [{"code": ..., "description": ...}]."""


def fail(code: int, description: str) -> Open311Error:
    return Open311Error(status_code=code, detail=description)


def open311_error_response(code: int, description: str) -> JSONResponse:
    return JSONResponse([{"code": code, "description": description}], status_code=code)


class Platform:
    """What the handlers share: the store and each street's form definition.

    A street's own taxonomy (and communities, deadlines) sits in ``<data dir>/streets/<CODE>/forms/``,
    as a desk's does in its data dir; a street without one uses ``<data dir>/forms/`` or the
    shipped files. Each worker reads them when it first needs them: restart after changing one.
    """

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        file_modes.private_dir(self.data_dir)
        self.store = PlatformStore(self.data_dir, database_url)
        # platform.db, the photos and anything an older version left readable: 0600 / 0700.
        file_modes.secure_tree(self.data_dir)
        self.form: FormDefinition = load_form(self.data_dir).form
        self._forms: dict[str, FormDefinition] = {}
        self.loop = LoopStore(self.store, self.form_of)  # the staff loop and the residents' verdicts

    def form_of(self, street_code: str) -> FormDefinition:
        if street_code not in self._forms:
            own = self.data_dir / "streets" / street_code
            self._forms[street_code] = load_form(own).form if (own / "forms").is_dir() else self.form
        return self._forms[street_code]


_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


async def refuse_nul(request: Request) -> None:
    """No NUL character in what a request names or sends: PostgreSQL cannot store one in text,
    and SQLite would; refusing it on both keeps the two databases answering alike."""
    values = [*request.query_params.values(), *(str(v) for v in request.path_params.values())]
    if request.headers.get("content-type", "").startswith(_FORMS):
        values += [v for v in (await request.form()).values() if isinstance(v, str)]
    if any("\x00" in v for v in values):
        raise fail(400, "请求中含有空字符（\\0），平台不能保存：请去掉后重新提交")


def get_platform(request: Request) -> Platform:
    return request.app.state.platform


def current_device(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    api_key: Annotated[str | None, Query(include_in_schema=False)] = None,
) -> Device:
    token = None
    if authorization and authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
    token = token or api_key
    if not token:
        raise fail(401, "缺少设备令牌：请先在平台登记这台笔记本")
    device = get_platform(request).store.device_for_token(token)
    if device is None:
        raise fail(403, "设备令牌无效或已被吊销：请联系街道重新登记这台笔记本")
    return device


DeviceDep = Annotated[Device, Depends(current_device)]
PlatformDep = Annotated[Platform, Depends(get_platform)]
router = APIRouter(prefix="/open311/v2")


def _street_form(request: Request, platform: Platform, authorization: str | None, jurisdiction_id: str | None) -> FormDefinition:
    """The taxonomy asked for: Open311's jurisdiction_id, else the laptop's street, else the default."""
    if jurisdiction_id:
        try:
            return platform.form_of(platform.store.resolve_street(jurisdiction_id)["code"])
        except StreetError:
            raise fail(404, f"没有编号为 {jurisdiction_id} 的街道（jurisdiction_id）") from None
    if authorization:
        return platform.form_of(current_device(request, authorization).street_code)
    return platform.form


@router.get("/services.json")
def services(
    request: Request,
    platform: PlatformDep,
    authorization: Annotated[str | None, Header()] = None,
    jurisdiction_id: Annotated[str | None, Query(max_length=16)] = None,
) -> list[dict[str, Any]]:
    form = _street_form(request, platform, authorization, jurisdiction_id)
    return [
        {
            "service_code": item.code,
            "service_name": item.name,
            "description": f"{category.name} / {item.name}",
            "metadata": True,
            "type": "realtime",
            "keywords": ",".join(getattr(item, "keywords", ()) or ()),
            "group": category.name,
            "department": category.department,
        }
        for category, item in form.taxonomy.items()
    ]


@router.get("/services/{service_code}.json")
def service_definition(
    request: Request,
    platform: PlatformDep,
    service_code: Annotated[str, PathParam(max_length=32)],
    authorization: Annotated[str | None, Header()] = None,
    jurisdiction_id: Annotated[str | None, Query(max_length=16)] = None,
) -> dict[str, Any]:
    form = _street_form(request, platform, authorization, jurisdiction_id)
    if form.taxonomy.find(service_code) is None:
        raise fail(404, f"没有编号为 {service_code} 的诉求类别")
    attributes = [
        ("tracking_code", "string", True, "查询码（纸条上的编号）"),
        ("verifier", "string", False, "纸条二维码中的校验串"),
        ("community", "singlevaluelist", True, "社区"),
        ("urgency", "singlevaluelist", True, "紧急程度"),
        ("outcome", "singlevaluelist", True, "当晚结果"),
        ("outcome_note", "text", False, "处理说明"),
        ("receptionist", "string", True, "登记人"),
        ("anonymous", "string", False, "是否匿名（true/false）"),
        ("requested_datetime", "datetime", True, "登记时间"),
        ("accept_by", "datetime", False, "应受理时间"),
        ("close_by", "datetime", False, "应办结时间"),
        ("photos", "string", False, "照片 SHA-256，逗号分隔，按顺序"),
    ]
    values = {
        "community": form.communities,
        "urgency": [u.value for u in Urgency],
        "outcome": [o.value for o in Outcome],
    }
    return {
        "service_code": service_code,
        "attributes": [
            {
                "variable": True, "code": code, "datatype": kind, "required": required,
                "datatype_description": None, "order": order, "description": text,
                "values": [{"key": v, "name": v} for v in values.get(code, [])],
            }
            for order, (code, kind, required, text) in enumerate(attributes, start=1)
        ],
    }


@router.post("/devices.json", status_code=201)
def enrol_device(
    platform: PlatformDep,
    request: Request,
    enrolment_code: Annotated[str, Form(min_length=1, max_length=100)],
    device_id: Annotated[str, Form(min_length=1, max_length=100)],
) -> list[dict[str, Any]]:
    result = platform.store.enrol(enrolment_code, device_id)
    if result is None:
        raise fail(403, "登记码无效或已经用过：请向街道索取新的登记码（同一台笔记本 24 小时内可以再用一次）")
    device, token = result
    # Where residents look their case up: the laptop prints it in the slip's QR code.
    public = os.environ.get(PUBLIC_URL_ENV) or str(request.base_url)
    return [{"device_token": token, "prefix": device.prefix, "name": device.name,
             "tracking_url": public.rstrip("/") + "/t/"}]


@router.post("/requests.json", status_code=201)
def create_request(
    platform: PlatformDep,
    device: DeviceDep,
    response: Response,
    service_code: Annotated[str, Form(max_length=limit("service_code"))],
    description: Annotated[str, Form(max_length=limit("description"))],
    idempotency_key: Annotated[str, Header(alias=protocol.IDEMPOTENCY_HEADER, min_length=8, max_length=100)],
    address_string: Annotated[str, Form(max_length=limit("address_string"))] = "",
    first_name: Annotated[str, Form(max_length=limit("first_name"))] = "",
    phone: Annotated[str, Form(max_length=limit("phone"))] = "",
    tracking_code: Annotated[str, Form(alias="attribute[tracking_code]", max_length=limit("attribute[tracking_code]"))] = "",
    verifier: Annotated[str, Form(alias="attribute[verifier]", max_length=limit("attribute[verifier]"))] = "",
    community: Annotated[str, Form(alias="attribute[community]", max_length=limit("attribute[community]"))] = "",
    urgency: Annotated[str, Form(alias="attribute[urgency]", max_length=limit("attribute[urgency]"))] = Urgency.ORDINARY.value,
    outcome: Annotated[str, Form(alias="attribute[outcome]", max_length=limit("attribute[outcome]"))] = Outcome.FORWARDED.value,
    outcome_note: Annotated[str, Form(alias="attribute[outcome_note]", max_length=limit("attribute[outcome_note]"))] = "",
    receptionist: Annotated[str, Form(alias="attribute[receptionist]", max_length=limit("attribute[receptionist]"))] = "",
    anonymous: Annotated[str, Form(alias="attribute[anonymous]", max_length=limit("attribute[anonymous]"))] = "false",
    requested_datetime: Annotated[str, Form(alias="attribute[requested_datetime]",
                                            max_length=limit("attribute[requested_datetime]"))] = "",
    accept_by: Annotated[str, Form(alias="attribute[accept_by]", max_length=limit("attribute[accept_by]"))] = "",
    close_by: Annotated[str, Form(alias="attribute[close_by]", max_length=limit("attribute[close_by]"))] = "",
    photos: Annotated[str, Form(alias="attribute[photos]", max_length=limit("attribute[photos]"))] = "",
    follows: Annotated[str, Form(alias="attribute[follows]", max_length=limit("attribute[follows]"))] = "",
) -> list[dict[str, Any]]:
    # The checks and the storing are intake.py's, shared with the USB bundle's import.
    sent = {
        "service_code": service_code, "description": description, "address_string": address_string,
        "first_name": first_name, "phone": phone, "attribute[tracking_code]": tracking_code,
        "attribute[verifier]": verifier, "attribute[community]": community, "attribute[urgency]": urgency,
        "attribute[outcome]": outcome, "attribute[outcome_note]": outcome_note,
        "attribute[receptionist]": receptionist, "attribute[anonymous]": anonymous,
        "attribute[requested_datetime]": requested_datetime, "attribute[accept_by]": accept_by,
        "attribute[close_by]": close_by, "attribute[photos]": photos, "attribute[follows]": follows,
    }
    try:
        answer, created = intake.accept_request(platform, device, idempotency_key, sent)
    except intake.Refused as refusal:
        raise fail(refusal.code, refusal.description) from None
    if not created:
        response.status_code = 200
    return [answer]


def _request_json(platform: Platform, row: dict[str, Any]) -> dict[str, Any]:
    media = platform.store.media_of(row["id"])
    return {
        "service_request_id": row["service_request_id"],
        "status": row["status"],
        "status_notes": row["status_notes"] or None,
        "service_name": row["service_name"],
        "service_code": row["service_code"],
        "agency_responsible": row["department"],
        "requested_datetime": row["requested_datetime"] or row["created_at"],
        "updated_datetime": row["updated_at"],
        "expected_datetime": row["close_by"] or None,
        "media_url": None,
        "media_complete": all(m["complete"] for m in media),
        "media": [
            {"sha256": m["sha256"], "position": m["position"], "received": m["received"], "complete": bool(m["complete"])}
            for m in media
        ],
        **platform.loop.for_device(row),  # light, due time after a reopening, visits, verdicts
    }


def _own_request(platform: Platform, device: Device, request_id: str) -> dict[str, Any]:
    try:
        return intake.own_request(platform, device, request_id)
    except intake.Refused as refusal:
        raise fail(refusal.code, refusal.description) from None


@router.get("/requests.json")
def list_requests(
    platform: PlatformDep,
    device: DeviceDep,
    service_request_id: Annotated[str | None, Query(max_length=2000)] = None,
    service_code: Annotated[str | None, Query(max_length=32)] = None,
    status: Annotated[str | None, Query(max_length=32)] = None,
    start_date: Annotated[str | None, Query(max_length=40)] = None,
    end_date: Annotated[str | None, Query(max_length=40)] = None,
) -> list[dict[str, Any]]:
    ids = [i.strip() for i in service_request_id.split(",") if i.strip()] if service_request_id else None
    rows = platform.store.list_requests(
        device=device.id, ids=ids, service_code=service_code, status=status, start=start_date, end=end_date
    )
    return [_request_json(platform, r) for r in rows]


@router.get("/requests/{request_id}.json")
def get_request(platform: PlatformDep, device: DeviceDep, request_id: Annotated[str, PathParam(max_length=40)]) -> list[dict[str, Any]]:
    return [_request_json(platform, _own_request(platform, device, request_id))]


def _media_json(row: dict[str, Any], entry: dict[str, Any], platform: Platform | None = None) -> dict[str, Any]:
    answer = {
        "service_request_id": row["service_request_id"], "sha256": entry["sha256"], "size": entry["size"],
        "received": entry["received"], "complete": bool(entry["complete"]),
    }
    if platform is not None:
        answer["media_complete"] = all(m["complete"] for m in platform.store.media_of(row["id"]))
    return answer


def _own_media(platform: Platform, device: Device, request_id: str, sha256: str):
    row = _own_request(platform, device, request_id)
    entry = platform.store.media_entry(row["id"], sha256)
    if entry is None:
        raise fail(404, f"诉求 {request_id} 没有这张照片（{sha256[:12]}…）")
    return row, entry


@router.get("/requests/{request_id}/media/{sha256}.json")
def media_state(platform: PlatformDep, device: DeviceDep, request_id: Annotated[str, PathParam(max_length=40)],
                sha256: Annotated[str, PathParam(pattern="^[0-9a-f]{64}$")]) -> dict[str, Any]:
    row, entry = _own_media(platform, device, request_id, sha256)
    return _media_json(row, entry)


@router.put("/requests/{request_id}/media/{sha256}")
async def upload_media(
    request: Request,
    request_id: Annotated[str, PathParam(max_length=40)],
    sha256: Annotated[str, PathParam(pattern="^[0-9a-f]{64}$")],
    content_range: Annotated[str | None, Header(max_length=80)] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """Receive a photo, or the rest of one: bytes already here are kept, so a cut upload resumes.

    Without Content-Range the body is the whole photo. With ``bytes START-END/TOTAL`` the body
    continues the photo at START, which may not lie beyond what the platform already holds.
    The photo counts only once its SHA-256 matches the name it was announced under.
    """
    platform = get_platform(request)
    device = await run_in_threadpool(current_device, request, authorization, None)
    row, entry = await run_in_threadpool(_own_media, platform, device, request_id, sha256)
    if entry["complete"]:
        return JSONResponse(await run_in_threadpool(_media_json, row, entry, platform))
    start, total = 0, None
    if content_range:
        match = _CONTENT_RANGE.match(content_range.strip())
        if not match:
            raise fail(400, "Content-Range 应为 bytes 起-止/总长")
        start, end, total = (int(g) for g in match.groups())
        if end < start or end >= total:
            raise fail(400, "Content-Range 的起止不合理")
    if total is not None and total > MAX_PHOTO_BYTES:
        raise fail(413, f"照片太大：最多 {MAX_PHOTO_BYTES // (1024 * 1024)} MB")
    partial = platform.store.partial_path(row["id"], sha256)
    with upload_lock(partial) as locked:
        if not locked:
            # Another request (a retry that overtook a slow one, another worker) is writing this
            # photo: this one stops, and the laptop asks how much arrived before it goes on.
            raise fail(409, "这张照片正在由另一个请求上传：请稍后查询已收到多少再续传")
        entry = await run_in_threadpool(platform.store.media_entry, row["id"], sha256)
        if entry["complete"]:  # the other request finished it meanwhile
            return JSONResponse(await run_in_threadpool(_media_json, row, entry, platform))
        return await _receive(request, platform, row, sha256, partial, start, total)


async def _receive(request: Request, platform: Platform, row, sha256: str, partial: Path, start: int,
                   total: int | None) -> Response:
    held = partial.stat().st_size if partial.exists() else 0
    if start > held:
        return JSONResponse(
            [{"code": 416, "description": f"平台只收到前 {held} 字节，请从该处续传", "received": held}],
            status_code=416,
        )
    received = start
    too_big = False
    with open(partial, "r+b") if partial.exists() else file_modes.open_private(partial, "wb") as handle:
        handle.truncate(start)
        handle.seek(start)
        try:
            async for chunk in request.stream():
                received += len(chunk)
                if received > MAX_PHOTO_BYTES:
                    too_big = True
                    break
                handle.write(chunk)
        except ClientDisconnect:
            # Keep what arrived: the laptop asks how much we hold and sends only the rest.
            handle.flush()
            await run_in_threadpool(platform.store.record_media_progress, row["id"], sha256, received, total or 0, False)
            return Response(status_code=400)
    if too_big:
        # Refused: nothing of it stays on the platform's disk.
        partial.unlink(missing_ok=True)
        await run_in_threadpool(platform.store.record_media_progress, row["id"], sha256, 0, 0, False)
        raise fail(413, f"照片太大：最多 {MAX_PHOTO_BYTES // (1024 * 1024)} MB")
    size = total if total is not None else received
    if received < size:
        await run_in_threadpool(platform.store.record_media_progress, row["id"], sha256, received, size, False)
        state = await run_in_threadpool(platform.store.media_entry, row["id"], sha256)
        return JSONResponse(_media_json(row, state), status_code=202)
    digest = await run_in_threadpool(_file_sha256, partial)
    if received != size or digest != sha256:
        partial.unlink(missing_ok=True)
        await run_in_threadpool(platform.store.record_media_progress, row["id"], sha256, 0, 0, False)
        raise fail(422, "照片内容与其 SHA-256 不符（传输中损坏）：已丢弃，请重新上传")
    partial.replace(platform.store.media_path(sha256))
    await run_in_threadpool(platform.store.record_media_progress, row["id"], sha256, size, size, True)
    state = await run_in_threadpool(platform.store.media_entry, row["id"], sha256)
    return JSONResponse(await run_in_threadpool(_media_json, row, state, platform), status_code=201)


@contextlib.contextmanager
def upload_lock(partial: Path):
    """An exclusive lock on one photo's upload, across threads and worker processes (flock).

    Yields False at once when another request holds it. A lock file removed by the holder as it
    finished is recognised (no links left) and counts as held, so two requests never write at once.
    """
    import fcntl  # the platform serves from Linux; the desk never imports this module

    path = partial.with_name(partial.name + ".lock")
    fd = os.open(path, os.O_CREAT | os.O_RDWR, file_modes.PRIVATE_FILE)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        if os.fstat(fd).st_nlink == 0:
            yield False
            return
        try:
            yield True
        finally:
            with contextlib.suppress(FileNotFoundError):
                if not partial.exists():  # done or dropped: the lock file goes with it
                    path.unlink()
    finally:
        os.close(fd)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@router.get("/servicerequestupdates.json")
def list_updates(
    platform: PlatformDep,
    device: DeviceDep,
    response: Response,
    cursor: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> list[dict[str, Any]]:
    """Progress on this laptop's cases since ``cursor`` (opaque); the next one is in X-Next-Cursor."""
    after = decode_cursor(cursor)
    if after is None:
        raise fail(400, "cursor 无效：请不带 cursor 重新获取")
    rows = platform.store.updates_since(device.id, after, limit)
    last = rows[-1]["update_id"] if rows else after
    response.headers[protocol.NEXT_CURSOR_HEADER] = encode_cursor(last)
    return [
        {
            "update_id": str(r["update_id"]),
            "service_request_id": r["service_request_id"],
            "status": r["status"],
            "updated_datetime": r["created_at"],
            "description": r["description"],
            "media_url": None,
        }
        for r in rows
    ]


@router.post("/servicerequestupdates.json", status_code=201)
def post_update(
    platform: PlatformDep,
    device: DeviceDep,
    response: Response,
    service_request_id: Annotated[str, Form(max_length=40)],
    description: Annotated[str, Form(min_length=1, max_length=4000)],
    idempotency_key: Annotated[str, Header(alias=protocol.IDEMPOTENCY_HEADER, min_length=8, max_length=140)],
    status: Annotated[str, Form(max_length=32)] = "",
    rating: Annotated[str, Form(max_length=10)] = "",
    rating_note: Annotated[str, Form(max_length=1000)] = "",
) -> list[dict[str, Any]]:
    """An amendment from the laptop (intake.accept_update, shared with the USB bundle's import)."""
    try:
        answer, created = intake.accept_update(platform, device, idempotency_key, service_request_id, description,
                                               status, rating, rating_note)
    except intake.Refused as refusal:
        raise fail(refusal.code, refusal.description) from None
    if not created:
        response.status_code = 200
    return [answer]


def create_app(data_dir: Path, database_url: str | None = None) -> FastAPI:
    from sync.platform import audit_api, bulletin_pages, log_redaction, loop_routes, pages, topics_api

    log_redaction.install()

    app = FastAPI(
        title="心安夜话 街道信箱平台（参考实现）",
        version="1.0",
        description="Open311 GeoReport v2 (JSON) with servicerequestupdates; see docs/protocol.md",
    )
    app.state.platform = Platform(data_dir, database_url)
    app.state.tracking_limiter = pages.RateLimiter(app.state.platform.store, "tracking", per_minute=30, burst=10)
    app.state.login_limiter = pages.RateLimiter(app.state.platform.store, "login", per_minute=10, burst=5)
    app.include_router(router, dependencies=[Depends(refuse_nul)])
    app.include_router(pages.router, dependencies=[Depends(refuse_nul)])
    app.include_router(bulletin_pages.router, dependencies=[Depends(refuse_nul)])
    app.include_router(loop_routes.router, dependencies=[Depends(refuse_nul)])
    app.include_router(topics_api.make_router(DeviceDep, PlatformDep), dependencies=[Depends(refuse_nul)])
    app.include_router(audit_api.make_router(DeviceDep, PlatformDep), dependencies=[Depends(refuse_nul)])

    def openapi_with_taxonomy() -> dict[str, Any]:
        # The street's own service codes and the fixed choices, so that clients (and the
        # schema fuzzer) see which values the platform takes.
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)
            form = app.state.platform.form
            body = schema["components"]["schemas"]["Body_create_request_open311_v2_requests_json_post"]["properties"]
            body["service_code"]["enum"] = [item.code for _, item in form.taxonomy.items()]
            body["attribute[urgency]"]["enum"] = [u.value for u in Urgency]
            body["attribute[outcome]"]["enum"] = [o.value for o in Outcome]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi_with_taxonomy

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        if isinstance(error, Open311Error) or request.url.path.startswith("/open311/"):
            return open311_error_response(error.status_code, str(error.detail))
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        problems = []
        for item in error.errors():
            where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path", "header"))
            problems.append(f"{where}: {item.get('msg')}")
        return open311_error_response(400, "请求参数有误：" + "；".join(problems))

    return app


def app_from_environment() -> FastAPI:
    """What each uvicorn worker builds (``--workers N``): the CLI passes its options as variables."""
    import os

    from sync.platform.database import DATABASE_ENV

    return create_app(Path(os.environ[DATA_DIR_ENV]), os.environ.get(DATABASE_ENV) or None)


DATA_DIR_ENV = "XINAN_PLATFORM_DATA_DIR"
# The platform's address as residents reach it (behind a TLS proxy it differs from what uvicorn
# sees); told to each laptop at enrolment for the tracking page in the slip's QR code.
PUBLIC_URL_ENV = "XINAN_PLATFORM_PUBLIC_URL"
