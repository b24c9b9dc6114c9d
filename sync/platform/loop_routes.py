"""The loop's own routes on the platform: the resident's verdict from the tracking page, a
return-visit call from a case's staff page, and the street leaders' list of escalated cases.
The HTML pieces are in loop_html.py; the frame, sessions and CSRF are pages.py's.
"""

from __future__ import annotations

import hmac
from html import escape
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reception import tracking_codes
from sync.platform import loop, loop_html, pages
from sync.platform.loop import LoopRefused

router = APIRouter(include_in_schema=False)


@router.post("/t/{code}/{verifier}/rating")
@router.post("/T/{code}/{verifier}/rating")
def resident_verdict(request: Request, code: str, verifier: str,
                     rating: Annotated[str, Form(max_length=10)] = "",
                     words: Annotated[str, Form(max_length=2000)] = "") -> Response:
    platform = request.app.state.platform
    if not request.app.state.tracking_limiter.allow(request.client.host if request.client else "?"):
        return pages._page("请稍后再试", "<h1>操作太频繁</h1><div class='card'>请过一分钟再试。</div>", 429,
                           {"Retry-After": "60"})
    try:
        parsed = tracking_codes.parse(code[:40])
    except tracking_codes.TrackingCodeError:
        return pages._page("诉求查询", "<h1>查询码有误</h1><div class='card'>请重新扫描纸条上的二维码。</div>", 404)
    row = pages.matching_request(platform, parsed, verifier)
    if row is None:
        return pages._pending_page(parsed.display, platform.store.street_for_prefix(parsed.prefix))
    back = f"/t/{parsed.compact}/{verifier.strip().upper()[:40]}"
    if rating not in loop.RATINGS:
        return _refused(back, "请先选择一项：满意、基本满意或不满意")
    try:
        state, _ = platform.loop.act(row["id"], "rate", author="resident", rating=rating, words=words, source="page")
    except LoopRefused as refusal:
        return _refused(back, str(refusal))
    rated = state.status if state.status in ("reopened", "escalated") else "1"
    return RedirectResponse(f"{back}?rated={rated}", status_code=303)


def _refused(back: str, why: str) -> HTMLResponse:
    return pages._page("评价未提交", f"""<h1>评价未提交</h1><div class="card"><p>{escape(why)}</p>
<p><a href="{escape(back)}">返回办理进度</a></p></div>""", 409)


def staff_refused(why: str, request_id: str) -> HTMLResponse:
    return pages._page("操作未完成", loop_html.refused_body(why, f"/staff/requests/{request_id}", "返回诉求"), 409)


@router.post("/staff/requests/{request_id}/visit")
def staff_visit(request: Request, request_id: str, csrf: Annotated[str, Form(max_length=100)],
                caller: Annotated[str, Form(max_length=60)] = "", reached: Annotated[str, Form(max_length=5)] = "",
                rating: Annotated[str, Form(max_length=10)] = "", words: Annotated[str, Form(max_length=2000)] = "") -> Response:
    session = pages._staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    if not hmac.compare_digest(csrf.encode(), session["csrf"].encode()):
        return pages._page("操作无效", "<h1>页面已过期</h1><div class='card'>请刷新页面后重新提交。</div>", 403)
    platform = request.app.state.platform
    row = pages._visible_request(platform, session, request_id)
    if row is None:
        return pages._page("找不到", "<h1>找不到该诉求</h1>", 404)
    try:
        platform.loop.act(row["id"], "visit", author="staff", caller=caller, reached=bool(reached),
                          rating=rating, words=words, source="visit")
    except LoopRefused as refusal:
        return staff_refused(str(refusal), request_id)
    return RedirectResponse(f"/staff/requests/{request_id}", status_code=303)


@router.get("/staff/escalated", response_class=HTMLResponse)
def leaders_list(request: Request) -> Response:
    """The street leaders' list: cases a resident was not satisfied with twice."""
    session = pages._staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    platform = request.app.state.platform
    rows = platform.loop.escalated(pages._street_scope(session))
    views = platform.loop.views(rows)
    return pages._page("升级督办", f"""<p><a href="/staff">← 返回列表</a></p><h1>升级督办（街道领导）</h1>
<div class="card"><p>居民两次不满意的诉求，由街道领导督办。</p><table><tr><th>信号灯</th><th>编号</th><th>查询码</th>
<th>类别</th><th>承办部门</th><th>状态</th><th>应办结</th></tr>{loop_html.list_rows(views, None)}</table></div>""")
