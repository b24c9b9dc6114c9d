"""The platform's web pages: the resident's tracking page and the staff's handling page.

The tracking page is what a slip's QR code opens. It shows progress, the department, the due
time and the traffic light, and nothing personal. A case is shown only with its verifier; a
wrong verifier gets exactly the same page as a code the platform has not received yet, so the
page cannot be used to learn which codes exist.
"""

from __future__ import annotations

import hmac
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from reception import clock, tracking_codes
from reception.deadlines import Light
from sync import protocol
from sync.platform import loop_html
from sync.platform.loop import LoopRefused
from sync.platform.store import attributes_of

router = APIRouter(include_in_schema=False)
STAFF_COOKIE = "xinan_staff"
# The resident reads the light as words; "办理中" beside a status would only repeat it.
LIGHT_WORDS = {Light.NONE: "未超时"}
LIGHT_COLOURS = loop_html.LIGHT_COLOURS


class RateLimiter:
    """A token bucket per client address: enough for a family scanning slips, not for a crawler.

    The buckets live in the platform's database, so that several workers share them and a
    restart does not refill them.
    """

    def __init__(self, store, name: str, per_minute: int = 30, burst: int = 10) -> None:
        self.store, self.name, self.per_minute, self.burst = store, name, per_minute, burst

    def allow(self, key: str) -> bool:
        return self.store.take_token(f"{self.name}:{key}", self.per_minute, self.burst)


def _page(title: str, body: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    html = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)}</title>
<style>
body{{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f6f8;color:#1a202c;font-size:18px;line-height:1.6}}
main{{max-width:34em;margin:0 auto;padding:1em}}
h1{{font-size:1.4em;margin:.3em 0}} .card{{background:#fff;border-radius:12px;padding:1em;margin:1em 0;box-shadow:0 1px 3px #0002}}
.light{{display:inline-block;color:#fff;border-radius:8px;padding:.1em .6em;font-weight:bold}}
dl{{margin:0}} dt{{color:#555;font-size:.9em}} dd{{margin:0 0 .6em 0;font-size:1.1em}}
ol{{padding-left:1.2em}} li{{margin:.4em 0}} small{{color:#555}}
table{{border-collapse:collapse;width:100%}} th{{white-space:nowrap}} td,th{{border-bottom:1px solid #ddd;padding:.3em;text-align:left;font-size:.9em}}
input,select,textarea,button{{font-size:1em;padding:.3em;margin:.2em 0}}
.choice{{display:block;padding:.6em .8em;margin:.5em 0;border:1px solid #cbd5e0;border-radius:10px;background:#f7fafc}}
.choice input{{width:1.3em;height:1.3em;vertical-align:middle;margin:0 .6em 0 0}}
#verdict textarea{{width:100%;box-sizing:border-box}} #verdict button{{width:100%;padding:.6em;border-radius:10px}}
</style></head><body><main>{body}</main></body></html>"""
    base = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
    return HTMLResponse(html, status_code=status, headers={**base, **(headers or {})})


def _hotline_html(street: dict[str, Any] | None) -> str:
    """The street's service line, as a number a phone can dial from the page; '' when not set."""
    number = (street or {}).get("hotline") or ""
    if not number:
        return ""
    dial = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return (f"<p class='hotline'>{escape(street['name'])}服务电话："
            f"<a href='tel:{escape(dial)}'><strong>{escape(number)}</strong></a></p>")


def _pending_page(code_display: str, street: dict[str, Any] | None = None) -> HTMLResponse:
    hotline = (street or {}).get("hotline")
    ask = "或拨打下面的街道服务电话咨询" if hotline else "或拨打街道服务电话咨询"
    return _page(
        "诉求查询",
        f"""<h1>心安夜话 · 诉求查询</h1>
<div class="card"><p>查询码 <strong>{escape(code_display)}</strong></p>
<p>您的诉求已在夜话摊位登记。接访团当晚收摊后会把诉求同步到街道平台，同步后这里就能看到办理进度。</p>
<p><small>如果过了两天仍看不到，请核对纸条上的查询码，{ask}。</small></p></div>{_hotline_html(street)}""",
    )


_when = loop_html.when


@router.get("/t/{code}/{verifier}", response_class=HTMLResponse)
@router.get("/T/{code}/{verifier}", response_class=HTMLResponse)
def tracking_page(request: Request, code: str, verifier: str) -> Response:
    platform = request.app.state.platform
    limiter: RateLimiter = request.app.state.tracking_limiter
    if not limiter.allow(request.client.host if request.client else "?"):
        return _page("请稍后再试", "<h1>查询太频繁</h1><div class='card'>请过一分钟再扫码查询。</div>", 429, {"Retry-After": "60"})
    try:
        parsed = tracking_codes.parse(code[:40])
    except tracking_codes.TrackingCodeError:
        return _page(
            "诉求查询",
            "<h1>心安夜话 · 诉求查询</h1><div class='card'>这个查询码不完整或有误。请重新扫描纸条上的二维码，"
            "或核对纸条上印的查询码。</div>",
            404,
        )
    match = matching_request(platform, parsed, verifier)
    if match is None:
        # The street of the laptop that printed the slip, so that its hotline is the one shown.
        return _pending_page(parsed.display, platform.store.street_for_prefix(parsed.prefix))
    rated = request.query_params.get("rated", "")[:10]
    return _progress_page(platform, parsed.display, match,
                          loop_html.verdict_card(platform, match, parsed.compact, verifier.strip().upper()[:40], rated))


def matching_request(platform, parsed, verifier: str) -> dict[str, Any] | None:
    """The case a slip's code and verifier open, once the platform holds all of it; else None."""
    rows = platform.store.requests_by_code(parsed.compact)
    given = verifier.strip().upper()[:40].encode()
    match = None
    for row in rows:
        # Compare every candidate in constant time, so timing does not tell which codes exist.
        if row["verifier"] and hmac.compare_digest(row["verifier"].encode(), given):
            match = row
    if match is None or not all(m["complete"] for m in platform.store.media_of(match["id"])):
        return None
    return match


def _progress_page(platform, code_display: str, row: dict[str, Any], verdict: str = "") -> HTMLResponse:
    street = platform.store.street(row["street"])
    status = protocol.known_status(row["status"])
    view = platform.loop.views([row])[0]  # the platform's own light and due time (after a reopening too)
    light = view.light
    steps = "".join(
        f"<li><strong>{escape(protocol.status_label(protocol.known_status(u['status'])))}</strong> "
        f"<small>{_when(u['created_at'])}</small>"
        + (f"<br>{escape(u['description'])}" if u["author"] == "staff" and u["description"] else "")
        + "</li>"
        for u in platform.store.updates_of(row["id"])
    )
    return _page(
        "诉求办理进度",
        f"""<h1>心安夜话 · 诉求办理进度</h1>
<div class="card"><dl>
<dt>查询码</dt><dd>{escape(code_display)}</dd>
<dt>当前状态</dt><dd>{escape(protocol.status_label(status))}
 <span class="light" style="background:{LIGHT_COLOURS.get(light, '#777')}">{escape(LIGHT_WORDS.get(light, light.value))}</span></dd>
<dt>诉求类别</dt><dd>{escape(row['group_name'] or '')} · {escape(row['service_name'] or '')}</dd>
<dt>承办部门</dt><dd>{escape(row['department'] or '')}</dd>
<dt>登记时间</dt><dd>{_when(row['requested_datetime'] or row['created_at'])}</dd>
<dt>应办结时间</dt><dd>{_when(clock.to_text(view.due))}</dd>
</dl></div>{verdict}
<div class="card"><strong>办理经过</strong><ol>{steps}</ol></div>{_hotline_html(street)}
<p><small>为保护您的个人信息，本页不显示姓名、电话、地址和诉求内容。</small></p>""",
    )


# --- staff -------------------------------------------------------------------------------------

def _staff(request: Request) -> dict[str, Any] | None:
    """The logged-in staff member's session: username, csrf, role, street (None for the district)."""
    token = request.cookies.get(STAFF_COOKIE)
    return request.app.state.platform.store.staff_session(token) if token else None


def _street_scope(session: dict[str, Any]) -> int | None:
    """The street whose cases and laptops this staff member sees; None: every street (the district)."""
    return None if session["role"] == "district" else session["street"]


def _visible_request(platform, session: dict[str, Any], request_id: str) -> dict[str, Any] | None:
    """A case as the staff pages may show it: another street's is as absent as a missing one."""
    row = platform.store.get_request_for_staff(request_id)
    scope = _street_scope(session)
    return None if row is None or (scope is not None and row["street"] != scope) else row


@router.get("/staff/login", response_class=HTMLResponse)
def login_form(error: str = "") -> HTMLResponse:
    note = "<p style='color:#c53030'>用户名或密码不对</p>" if error else ""
    return _page(
        "工作人员登录",
        f"""<h1>工作人员登录</h1><div class="card">{note}<form method="post" action="/staff/login">
<label>用户名<br><input name="username" autocomplete="username" required></label><br>
<label>密码<br><input name="password" type="password" autocomplete="current-password" required></label><br>
<button type="submit">登录</button></form></div>""",
    )


@router.post("/staff/login")
def login(request: Request, username: Annotated[str, Form(max_length=100)], password: Annotated[str, Form(max_length=200)]) -> Response:
    store = request.app.state.platform.store
    limiter: RateLimiter = request.app.state.login_limiter
    if not limiter.allow(request.client.host if request.client else "?"):
        return _page("请稍后再试", "<h1>登录尝试太频繁</h1><div class='card'>请过一分钟再试。</div>", 429)
    if not store.check_staff(username, password):
        return RedirectResponse("/staff/login?error=1", status_code=303)
    token, _ = store.open_staff_session(username)
    response = RedirectResponse("/staff", status_code=303)
    response.set_cookie(
        STAFF_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https", max_age=12 * 3600
    )
    return response


@router.post("/staff/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    # With the session's CSRF value only: another site must not be able to log staff out.
    session = _staff(request)
    if session is not None and not hmac.compare_digest(csrf.encode(), session["csrf"].encode()):
        return _page("无法退出", "<h1>页面已过期</h1><div class='card'>请回到工作台重新点「退出登录」。</div>", 403)
    token = request.cookies.get(STAFF_COOKIE)
    if token:
        request.app.state.platform.store.close_staff_session(token)
    response = RedirectResponse("/staff/login", status_code=303)
    response.delete_cookie(STAFF_COOKIE)
    return response


def _district_sums(platform) -> str:
    sums = platform.store.street_sums()
    rows = "".join(
        f"<tr><td>{escape(s['code'])}</td><td>{escape(s['name'])}</td><td>{s['total']}</td><td>{s['open']}</td>"
        f"<td>{s['closed']}</td><td>{s['overdue']}</td></tr>"
        for s in sums
    )
    total = {k: sum(s[k] for s in sums) for k in ("total", "open", "closed", "overdue")}
    return (
        "<div class='card' id='district-sums'><strong>各街道汇总</strong><table><tr><th>编号</th><th>街道</th>"
        "<th>诉求</th><th>办理中</th><th>已办结</th><th>已超时</th></tr>"
        f"{rows}<tr><th></th><th>全区合计</th><th>{total['total']}</th><th>{total['open']}</th>"
        f"<th>{total['closed']}</th><th>{total['overdue']}</th></tr></table></div>"
    )


@router.get("/staff", response_class=HTMLResponse)
def staff_list(request: Request) -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    platform = request.app.state.platform
    scope = _street_scope(session)
    codes = {s["id"]: s["code"] for s in platform.store.list_streets()}
    rows = platform.store.list_requests(street=scope, limit=500)
    # Sorted by light: 警报红 (past the accept limit or due), 预警黄, 办理中, then the closed ones.
    lines = loop_html.list_rows(platform.loop.views(rows), codes if scope is None else None)
    if scope is None:
        title, sums, street_th = "诉求处理 · 全区", _district_sums(platform), "<th>街道</th>"
    else:
        title, sums, street_th = f"诉求处理 · {platform.store.street(scope)['name']}", "", ""
    return _page(
        "诉求处理",
        f"""<h1>{escape(title)}</h1><form method="post" action="/staff/logout"><input type="hidden" name="csrf" value="{escape(session['csrf'])}"><button>退出登录</button></form>
<p><a href="/staff/devices">接访笔记本（令牌）</a> · <a href="/staff/escalated">升级督办</a> · <a href="/staff/bulletin">通报（周报、月报）</a> · <a href="/staff/council">议事会清单</a></p>{sums}
{loop_html.figures_card(platform, scope)}
<div class="card"><table><tr><th>信号灯</th><th>编号</th>{street_th}<th>查询码</th><th>类别</th><th>承办部门</th><th>状态</th><th>应办结</th></tr>
{lines}</table></div>""",
    )


def _departments(platform, row: dict[str, Any]) -> list[str]:
    form = platform.form_of(platform.store.street(row["street"])["code"])
    return sorted({c.department for c in form.taxonomy.categories})


@router.get("/staff/requests/{request_id}", response_class=HTMLResponse)
def staff_request(request: Request, request_id: str) -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    platform = request.app.state.platform
    row = _visible_request(platform, session, request_id)
    if row is None:
        return _page("找不到", "<h1>找不到该诉求</h1>", 404)
    departments = _departments(platform, row)
    follows = attributes_of(row).get("follows")
    history = "".join(
        f"<li>{escape(protocol.status_label(u['status']))} <small>{_when(u['created_at'])} · {escape(u['author'] or '')}</small>"
        f"<br>{escape(u['description'] or '')}</li>"
        for u in platform.store.updates_of(row["id"])
    )
    media = platform.store.media_of(row["id"])
    csrf = escape(session["csrf"])
    rid = escape(row["service_request_id"])
    return _page(
        f"诉求 {row['service_request_id']}",
        f"""<p><a href="/staff">← 返回列表</a></p><h1>诉求 {rid}</h1>
<div class="card"><dl>
<dt>查询码</dt><dd>{escape(row['tracking_code'] or '')}</dd>
<dt>类别</dt><dd>{escape(row['group_name'] or '')} · {escape(row['service_name'] or '')}</dd>
<dt>状态</dt><dd>{escape(protocol.status_label(row['status']))}</dd>
<dt>诉求内容</dt><dd>{escape(row['description'] or '')}</dd>
<dt>地点</dt><dd>{escape(row['address_string'] or '')}</dd>
<dt>诉求人</dt><dd>{escape(row['first_name'] or '匿名')} {escape(row['phone'] or '')}</dd>
<dt>照片</dt><dd>{sum(1 for m in media if m['complete'])}/{len(media)} 张已收齐</dd>
{f"<dt>接续前次诉求</dt><dd>{escape(follows)}</dd>" if follows else ""}
<dt>应办结</dt><dd>{_when(row['close_by'])}</dd></dl></div>
{loop_html.actions_card(platform, row, departments, session["csrf"])}
<div class="card"><strong>办理经过</strong><ol>{history}</ol></div>""",
    )


ACTION_STATUS = {"accept": "accepted", "dispatch": "dispatched", "progress": "in_progress", "close": "closed"}


@router.post("/staff/requests/{request_id}/actions")
def staff_action(
    request: Request,
    request_id: str,
    action: Annotated[str, Form(max_length=20)],
    csrf: Annotated[str, Form(max_length=100)],
    department: Annotated[str, Form(max_length=100)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    if not hmac.compare_digest(csrf.encode(), session["csrf"].encode()):
        return _page("操作无效", "<h1>页面已过期</h1><div class='card'>请刷新页面后重新提交。</div>", 403)
    platform = request.app.state.platform
    row = _visible_request(platform, session, request_id)
    if row is None or action not in ACTION_STATUS:
        return _page("操作无效", "<h1>找不到该诉求或操作</h1>", 404)
    if action == "dispatch" and department not in set(_departments(platform, row)):
        return _page("操作无效", "<h1>承办部门不在名单中</h1>", 400)
    try:
        # Through the loop: a step it does not allow (closing before dispatch...) is refused.
        platform.loop.act(row["id"], action, author="staff", department=department, note=note)
    except LoopRefused as refusal:
        return _page("操作未完成", loop_html.refused_body(str(refusal), f"/staff/requests/{request_id}", "返回诉求"), 409)
    return RedirectResponse(f"/staff/requests/{request_id}", status_code=303)


# --- the laptops' tokens (privacy issue): a lost laptop's token is revoked at once --------------

def _device_state(d: dict[str, Any]) -> str:
    return "已吊销" if d["revoked_at"] else ("已登记" if d["enrolled_at"] else "待登记")


@router.get("/staff/devices", response_class=HTMLResponse)
def staff_devices(request: Request) -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    csrf = escape(session["csrf"])
    rows = "".join(
        f"<tr><td>{d['id']}</td><td>{escape(d['name'] or '')}</td><td>{escape(d['prefix'] or '-')}</td>"
        f"<td>{_device_state(d)}</td><td>{_when(d['enrolled_at'])}</td><td>"
        + ("" if d["revoked_at"] else
           f"<form method='post' action='/staff/devices/{d['id']}/revoke'><input type='hidden' name='csrf' value='{csrf}'>"
           f"<button>吊销令牌</button></form>")
        + "</td></tr>"
        for d in request.app.state.platform.store.list_devices(_street_scope(session))
    )
    return _page(
        "接访笔记本",
        f"""<p><a href="/staff">← 返回列表</a></p><h1>接访笔记本</h1>
<div class="card"><p>笔记本丢失或停用时，立即吊销它的令牌：它将无法再同步，已同步的诉求不受影响。</p>
<table><tr><th>编号</th><th>名称</th><th>本机编号</th><th>状态</th><th>登记时间</th><th></th></tr>{rows}</table></div>""",
    )


@router.post("/staff/devices/{device_id}/revoke")
def staff_revoke_device(request: Request, device_id: int, csrf: Annotated[str, Form(max_length=100)]) -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    if not hmac.compare_digest(csrf.encode(), session["csrf"].encode()):
        return _page("操作无效", "<h1>页面已过期</h1><div class='card'>请刷新页面后重新提交。</div>", 403)
    request.app.state.platform.store.revoke_device(device_id, _street_scope(session))
    return RedirectResponse("/staff/devices", status_code=303)


def _staff_api(request: Request) -> dict[str, Any] | None:
    """A staff session (cookie) whose CSRF token came back in the X-CSRF-Token header."""
    session = _staff(request)
    sent = request.headers.get("X-CSRF-Token", "")
    if session is None or not hmac.compare_digest(sent.encode(), session["csrf"].encode()):
        return None
    return session


@router.get("/staff/api/devices")
def staff_api_devices(request: Request) -> Response:
    session = _staff(request)
    if session is None:
        return JSONResponse({"error": "需要工作人员登录"}, status_code=401)
    devices = [
        {"id": d["id"], "name": d["name"], "prefix": d["prefix"], "state": _device_state(d),
         "enrolled_at": d["enrolled_at"], "revoked_at": d["revoked_at"]}
        for d in request.app.state.platform.store.list_devices(_street_scope(session))
    ]
    # The CSRF value a script sends back in X-CSRF-Token to revoke (a cookie alone is not enough).
    return JSONResponse(devices, headers={"Cache-Control": "no-store", "X-CSRF-Token": session["csrf"]})


@router.post("/staff/api/devices/{device_id}/revoke")
def staff_api_revoke(request: Request, device_id: int) -> Response:
    session = _staff_api(request)
    if session is None:
        return JSONResponse({"error": "需要工作人员登录，并在 X-CSRF-Token 中带上会话的 csrf 值"}, status_code=401)
    if not request.app.state.platform.store.revoke_device(device_id, _street_scope(session)):
        return JSONResponse({"error": "没有这台笔记本，或它的令牌已经吊销"}, status_code=404)
    return JSONResponse({"id": device_id, "revoked": True})

