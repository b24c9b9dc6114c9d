"""The loop's pieces of HTML for the platform's pages (sync/platform/pages.py and
loop_routes.py put them in their frames): the resident's verdict form, the staff list's rows by
light, a case's loop actions and return-visit form, the street's figures.

Plain HTML forms that work without JavaScript. The verdict form is reached only through the
slip's QR (code + verifier), as the tracking page itself; the resident's words are kept for
staff and never shown on the page. Staff forms carry the session's CSRF value.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from reception import clock
from reception.deadlines import Light
from sync import protocol
from sync.platform import loop
from sync.platform.loop_store import LoopView

LIGHT_COLOURS = {Light.GREEN: "#1b7f3b", Light.NONE: "#4a5a6a", Light.YELLOW: "#b7791f", Light.RED: "#c53030",
                 Light.VOID: "#777"}


def when(text: str | None) -> str:
    """A stored time as the street reads it (China Standard Time), or — when there is none."""
    if not text:
        return "—"
    try:
        return clock.local_text(datetime.fromisoformat(text))
    except ValueError:
        return escape(text)


def light_badge(light: Light) -> str:
    return (f"<span class='light' style='background:{LIGHT_COLOURS.get(light, '#777')}'>"
            f"{escape(light.value)}</span>")


def verdict_card(platform, row: dict[str, Any], code: str, verifier: str, rated: str = "") -> str:
    """Under the progress: the verdict form after a closing, thanks after a verdict, else nothing."""
    if rated:
        thanks = {"1": "谢谢您的评价。", "reopened": "谢谢您的评价。您的诉求已退回承办部门重新办理，办理进度会显示在本页。",
                  "escalated": "谢谢您的评价。您的诉求已升级，由街道领导督办，办理进度会显示在本页。"}
        return f"<div class='card' id='verdict-thanks'><strong>{escape(thanks.get(rated, thanks['1']))}</strong></div>"
    state = platform.loop.state_of(row["id"])
    if not state.awaiting_verdict:
        return ""
    choices = "".join(
        f"<label class='choice'><input type='radio' name='rating' value='{escape(r)}' required> {escape(r)}</label>"
        for r in loop.RATINGS
    )
    action = f"/t/{escape(code)}/{escape(verifier)}/rating"
    return f"""<div class="card" id="verdict"><strong>您对办理结果满意吗？</strong>
<form method="post" action="{action}">{choices}
<label>想说的话（可不填）<br><textarea name="words" rows="3" maxlength="500"></textarea></label>
<button type="submit">提交评价</button></form>
<p><small>每次办结可评价一次。选“不满意”，诉求会退回承办部门重新办理。请不要填写姓名、电话等个人信息。</small></p></div>"""


def figures_card(platform, street: int | None) -> str:
    f = platform.loop.figures(street)

    def rate(value: float | None) -> str:
        return "—" if value is None else f"{value * 100:.2f}%"

    return (
        "<div class='card' id='loop-figures'><strong>回访与满意度</strong><table>"
        f"<tr><td>回访率（已接通的回访 / 办结）</td><td>{rate(f['visit_rate'])}（{f['visited']} / {f['closed']}）</td></tr>"
        f"<tr><td>满意率（满意 + 基本满意） / 已评价</td><td>{rate(f['satisfaction_rate'])}（{f['satisfied']} / {f['rated']}）</td></tr>"
        f"<tr><td>不满意退回重办</td><td>{f['reopened']} 件</td></tr>"
        f"<tr><td>再次不满意升级督办</td><td><a href='/staff/escalated'>{f['escalated']} 件</a></td></tr>"
        "</table></div>"
    )


def list_rows(views: list[LoopView], street_codes: dict[int, str] | None) -> str:
    """The staff list's rows, already sorted by light (red first)."""
    return "".join(
        f"<tr><td>{light_badge(v.light)}</td>"
        f"<td><a href='/staff/requests/{escape(v.row['service_request_id'])}'>{escape(v.row['service_request_id'])}</a></td>"
        + ("" if street_codes is None else f"<td>{escape(street_codes.get(v.row['street'], ''))}</td>")
        + f"<td>{escape(v.row['tracking_code'] or '')}</td><td>{escape(v.row['service_name'] or '')}</td>"
        f"<td>{escape(v.row['department'] or '')}</td><td>{escape(protocol.status_label(v.row['status']))}</td>"
        f"<td>{when(clock.to_text(v.due))}</td></tr>"
        for v in views
    )


def actions_card(platform, row: dict[str, Any], departments: list[str], csrf: str) -> str:
    """The loop's forms for one case: the next step, and a return-visit call after a closing."""
    view = platform.loop.views([row])[0]
    state = view.state
    rid = escape(row["service_request_id"])
    token = f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
    options = "".join(f"<option{' selected' if d == row['department'] else ''}>{escape(d)}</option>" for d in departments)
    limits = (f"<p>{light_badge(view.light)} 受理时限 {when(clock.to_text(view.accept_by)) if view.accept_by else '—'}，"
              f"应办结 {when(clock.to_text(view.due))}</p>")
    steps = []
    if state.status == "open":
        steps.append(("accept", "受理", ""))
    if state.status != "open" and state.status not in ("closed", "voided"):
        steps.append(("dispatch", "分拨 / 改派到部门", f"<label>承办部门<br><select name='department'>{options}</select></label><br>"))
    if state.status in loop.WORKING:
        steps.append(("progress", "登记办理进展", ""))
        steps.append(("close", "办结（写明办理结果）", ""))
    forms = "".join(
        f"""<form method="post" action="/staff/requests/{rid}/actions" class="step">{token}
<input type="hidden" name="action" value="{name}">{extra}
<label>说明（将显示给居民，不要写个人信息）<br><textarea name="note" rows="2" cols="30"></textarea></label><br>
<button type="submit">{label}</button></form>"""
        for name, label, extra in steps
    )
    visit = ""
    if state.closings:
        ratings = "".join(f"<option>{escape(r)}</option>" for r in loop.RATINGS)
        visit = f"""<form method="post" action="/staff/requests/{rid}/visit" id="visit-form">{token}
<strong>回访</strong><br><label>回访人<br><input name="caller" required maxlength="60"></label><br>
<label><input type="checkbox" name="reached" value="1" checked> 已接通</label><br>
<label>居民评价<br><select name="rating"><option value="">（未评价）</option>{ratings}</select></label><br>
<label>居民的话<br><textarea name="words" rows="2" cols="30"></textarea></label><br>
<button type="submit">记录回访</button></form>"""
    history = "".join(
        f"<li>{escape(r['rating'])} <small>第 {r['closing']} 次办结 · {escape(r['source'])} · {when(r['created_at'])}</small>"
        + (f"<br>{escape(r['words'])}" if r["words"] else "") + "</li>"
        for r in platform.loop.ratings_of(row["id"])
    )
    calls = "".join(
        f"<li>{escape(v['caller'])} <small>{when(v['called_at'])} · {'已接通' if v['reached'] else '未接通'}</small>"
        + (f" {escape(v['rating'])}" if v["rating"] else "") + (f"<br>{escape(v['words'])}" if v["words"] else "") + "</li>"
        for v in platform.loop.visits_of(row["id"])
    )
    return (f"<div class='card' id='loop-actions'>{limits}{forms}{visit}</div>"
            f"<div class='card'><strong>评价</strong><ol>{history or '<li>尚无</li>'}</ol>"
            f"<strong>回访记录</strong><ol>{calls or '<li>尚无</li>'}</ol></div>")


def refused_body(why: str, back: str, back_words: str) -> str:
    return f"""<h1>操作未完成</h1><div class="card"><p>{escape(why)}</p>
<p><a href="{escape(back)}">{escape(back_words)}</a></p></div>"""
