"""The bulletin on the staff pages: /staff/bulletin?week=2026-W49 (or ?month=2026-11), with its
charts, and the same as PDF, CSV or XLSX to download. Logged-in staff only; a street's staff see
their street's, the district's staff choose the street (?street=XA)."""

from __future__ import annotations

import hmac
from datetime import datetime, timezone
from html import escape
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from reception import clock
from reception.reports.pdf import percent
from sync.platform import council
from sync.platform.bulletin import Bulletin, PeriodError, make_bulletin, month_period, week_period
from sync.platform.bulletin_files import (
    LOOP_NOTE, community_chart, headline, history_chart, loop_rows, overdue_rows, render, svg, topic_rows, trend_rows, type_chart,
)
from sync.platform.pages import _page, _staff, _street_scope

router = APIRouter(include_in_schema=False)
MEDIA = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _period(week: str | None, month: str | None):
    if month:
        return month_period(month)
    if week:
        return week_period(week)
    year, number, _ = clock.local(datetime.now(timezone.utc)).isocalendar()
    return week_period(f"{year}-W{number:02d}")


def _bulletin(request: Request, week: str | None, month: str | None, street: str | None, session=None):
    """(bulletin, None) or (None, the page that says what is wrong)."""
    session = session or _staff(request)
    if session is None:
        return None, RedirectResponse("/staff/login", status_code=303)
    store = request.app.state.platform.store
    scope = _street_scope(session)
    try:
        period = _period(week, month)
    except PeriodError as error:
        return None, _page("通报", f"<h1>时段写法不对</h1><div class='card'>{escape(str(error))}</div>", 400)
    if scope is None:  # the district's staff: the street named, or the only one
        streets = store.list_streets()
        chosen = next((s for s in streets if street and s["code"] == street.strip().upper()), None)
        if chosen is None and len(streets) == 1:
            chosen = streets[0]
        if chosen is None:
            links = "".join(f"<li><a href='/staff/bulletin?street={escape(s['code'])}'>{escape(s['name'])}</a></li>"
                            for s in streets)
            return None, _page("通报", f"<h1>选择街道</h1><div class='card'><ul>{links}</ul></div>")
        scope = chosen["id"]
    bulletin = make_bulletin(store, scope, period)
    request.state.bulletin_street = scope
    return bulletin, None


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _query(b: Bulletin, street: str | None) -> str:
    kind = "week" if b.period.kind == "week" else "month"
    extra = f"&street={escape(street)}" if street else ""
    return f"{kind}={escape(b.period.label)}{extra}"


@router.get("/staff/bulletin")
def bulletin_page(request: Request, week: str | None = None, month: str | None = None,
                  street: str | None = None) -> Response:
    b, problem = _bulletin(request, week, month, street)
    if problem is not None:
        return problem
    query = _query(b, street)
    previous = b.period.previous()
    figures = "".join(f"<div class='figure'><strong>{escape(v)}</strong><br><small>{escape(k)}</small></div>"
                      for k, v in headline(b))
    downloads = " · ".join(f"<a href='/staff/bulletin/file?{query}&format={f}'>{f.upper()}</a>" for f in MEDIA)
    kind = "week" if b.period.kind == "week" else "month"
    return _page(
        f"{b.street} {b.period.title}",
        f"""<p><a href="/staff">← 诉求处理</a></p>
<h1>{escape(b.street)} {escape(b.period.title)}</h1>
<form method="get" action="/staff/bulletin"><label>周 <input name="week" placeholder="2026-W49" size="9"></label>
<label>或月 <input name="month" placeholder="2026-11" size="7"></label>
{f"<input type='hidden' name='street' value='{escape(street)}'>" if street else ""}<button>查看</button></form>
<p>下载：{downloads} · <a href="/staff/bulletin?{kind}={escape(previous.label)}{f'&street={escape(street)}' if street else ''}">上一期</a></p>
<style>.figure{{display:inline-block;min-width:6em;margin:.3em;text-align:center}} main{{max-width:60em}}
svg{{max-width:100%;height:auto}}
@media (min-width:50em){{#bulletin-charts svg{{width:49%}} #bulletin-charts svg:last-child{{width:100%}}}}</style>
<div class="card" id="bulletin-figures">{figures}</div>
<div class="card" id="bulletin-charts">{svg(type_chart(b, 380, 220), "chart-types")}{svg(community_chart(b, 380, 220), "chart-communities")}{svg(history_chart(b, 760, 150), "chart-history")}</div>
<div class="card" id="bulletin-loop">{_table(["指标", "本期", "依据"], loop_rows(b))}</div>
<div class="card" id="bulletin-trend"><strong>与上期（{escape(previous.label)}）相比</strong>
{_table(["指标", "本期", "上期", "变化"], trend_rows(b))}</div>
<div class="card" id="bulletin-topics"><strong>热点话题（{len(b.topics)} 个）</strong>
{_topics_table(b, session_csrf(request), week, month, street) if b.topics else "<p>本期没有反复出现的诉求。</p>"}
<p><a href="/staff/council{f'?street={escape(street)}' if street else ''}">议事会清单</a></p></div>
<div class="card" id="bulletin-overdue"><strong>超时未办结（{len(b.overdue)} 件）</strong>
{_table(["查询码", "编号", "类别", "社区", "承办部门", "应办结", "超时"], overdue_rows(b)) if b.overdue else "<p>没有超时未办结的诉求。</p>"}</div>
<p><small>{escape(LOOP_NOTE)}。签收及时率 {escape(percent(b.figures.sign_rate))}：转平台办理的诉求中在受理时限内受理的比例。
生成于 {escape(clock.local_text(b.made_at))}。本页不含居民姓名、电话、地址和诉求原文。</small></p>""",
    )


def session_csrf(request: Request) -> str:
    session = _staff(request)
    return session["csrf"] if session else ""


def _topics_table(b: Bulletin, csrf: str, week: str | None, month: str | None, street: str | None) -> str:
    hidden = "".join(f"<input type='hidden' name='{name}' value='{escape(value)}'>"
                     for name, value in (("csrf", csrf), ("week", week or ""), ("month", month or ""),
                                         ("street", street or "")))
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row)
        + f"<td><form method='post' action='/staff/bulletin/council'>{hidden}"
          f"<input type='hidden' name='topic' value='{n}'><button>列入议事会</button></form></td></tr>"
        for n, row in enumerate(topic_rows(b), start=1)
    )
    head = "".join(f"<th>{h}</th>" for h in ("#", "话题", "件数", "社区", "最近", ""))
    return f"<table><tr>{head}</tr>{rows}</table>"


@router.post("/staff/bulletin/council")
def put_on_council(request: Request, csrf: Annotated[str, Form(max_length=100)],
                   topic: Annotated[int, Form(ge=1, le=1000)], week: Annotated[str, Form(max_length=10)] = "",
                   month: Annotated[str, Form(max_length=10)] = "",
                   street: Annotated[str, Form(max_length=10)] = "") -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    if not hmac.compare_digest(csrf.encode(), session["csrf"].encode()):
        return _page("操作无效", "<h1>页面已过期</h1><div class='card'>请刷新页面后重新提交。</div>", 403)
    # The topic is found again from the period, not taken from the form: what is listed is what
    # the bulletin says.
    b, problem = _bulletin(request, week or None, month or None, street or None, session)
    if problem is not None:
        return problem
    if topic > len(b.topics):
        return _page("通报", "<h1>找不到这个话题</h1><div class='card'>通报已更新，请刷新页面后再选。</div>", 404)
    council.add(request.app.state.platform.store, request.state.bulletin_street, b.topics[topic - 1],
                b.period.label, session["username"])
    return RedirectResponse(f"/staff/council{f'?street={street}' if street else ''}", status_code=303)


@router.get("/staff/council")
def council_page(request: Request, street: str | None = None) -> Response:
    session = _staff(request)
    if session is None:
        return RedirectResponse("/staff/login", status_code=303)
    store = request.app.state.platform.store
    scope = _street_scope(session)
    if scope is None:
        chosen = next((s for s in store.list_streets() if street and s["code"] == street.strip().upper()), None)
        if chosen is None:
            links = "".join(f"<li><a href='/staff/council?street={escape(s['code'])}'>{escape(s['name'])}</a></li>"
                            for s in store.list_streets())
            return _page("议事会清单", f"<h1>选择街道</h1><div class='card'><ul>{links}</ul></div>")
        scope = chosen["id"]
    rows = "".join(
        f"<tr><td>{n}</td><td>{escape(e['title'])}</td><td>{e['count']}</td><td>{escape('、'.join(e['communities']))}</td>"
        f"<td>{' '.join(f'<a href=/staff/requests/{escape(i)}>{escape(i)}</a>' for i in e['request_ids'])}</td>"
        f"<td>{escape(e['period'])}</td><td>{escape(e['added_by'])}</td></tr>"
        for n, e in enumerate(council.entries(store, scope), start=1)
    )
    body = (f"<table><tr><th>#</th><th>话题</th><th>件数</th><th>社区</th><th>诉求</th><th>通报</th><th>列入人</th></tr>"
            f"{rows}</table>") if rows else "<p>议事会清单还是空的：在通报的热点话题旁按“列入议事会”。</p>"
    return _page("议事会清单", f"""<p><a href="/staff/bulletin">← 通报</a></p><h1>议事会清单</h1>
<div class="card" id="council-list">{body}</div>""")


@router.get("/staff/bulletin/file")
def bulletin_file(request: Request, format: str = "pdf", week: str | None = None, month: str | None = None,
                  street: str | None = None) -> Response:
    if format not in MEDIA:
        return _page("通报", "<h1>格式只能是 pdf、csv 或 xlsx</h1>", 400)
    b, problem = _bulletin(request, week, month, street)
    if problem is not None:
        return problem
    name = f"{b.period.label}-bulletin.{format}"
    return Response(render(b, f".{format}"), media_type=MEDIA[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})
