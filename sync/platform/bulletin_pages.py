"""The bulletin on the staff pages: /staff/bulletin?week=2026-W49 (or ?month=2026-11), with its
charts, and the same as PDF, CSV or XLSX to download. Logged-in staff only; a street's staff see
their street's, the district's staff choose the street (?street=XA)."""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from reception import clock
from reception.reports.pdf import percent
from sync.platform.bulletin import Bulletin, PeriodError, make_bulletin, month_period, week_period
from sync.platform.bulletin_files import (
    LOOP_NOTE, community_chart, headline, loop_rows, overdue_rows, render, svg, topic_rows, trend_rows, type_chart,
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


def _bulletin(request: Request, week: str | None, month: str | None, street: str | None):
    """(bulletin, None) or (None, the page that says what is wrong)."""
    session = _staff(request)
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
    return make_bulletin(store, scope, period), None


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
svg{{max-width:100%;height:auto}}</style>
<div class="card" id="bulletin-figures">{figures}</div>
<div class="card" id="bulletin-charts">{svg(type_chart(b, 380, 220))}{svg(community_chart(b, 380, 220))}</div>
<div class="card" id="bulletin-loop">{_table(["指标", "本期", "依据"], loop_rows(b))}</div>
<div class="card" id="bulletin-trend"><strong>与上期（{escape(previous.label)}）相比</strong>
{_table(["指标", "本期", "上期", "变化"], trend_rows(b))}</div>
<div class="card" id="bulletin-topics"><strong>热点话题（{len(b.topics)} 个）</strong>
{_table(["#", "话题", "件数", "社区", "最近"], topic_rows(b)) if b.topics else "<p>本期没有反复出现的诉求。</p>"}</div>
<div class="card" id="bulletin-overdue"><strong>超时未办结（{len(b.overdue)} 件）</strong>
{_table(["查询码", "编号", "类别", "社区", "承办部门", "应办结", "超时"], overdue_rows(b)) if b.overdue else "<p>没有超时未办结的诉求。</p>"}</div>
<p><small>{escape(LOOP_NOTE)}。签收及时率 {escape(percent(b.figures.sign_rate))}：转平台办理的诉求中在受理时限内受理的比例。
生成于 {escape(clock.local_text(b.made_at))}。本页不含居民姓名、电话、地址和诉求原文。</small></p>""",
    )


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
