"""The bulletin as PDF (A4, charts), as CSV (UTF-8 with a BOM) and XLSX, and its charts as SVG for
the staff page. Same layout pieces as the desk's reports (reception/reports)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics import renderSVG
from reportlab.platypus import Spacer

from reception import clock
from reception.reports import charts
from reception.reports.pdf import (
    BODY, NO_PERSONAL_DATA, SMALL, TITLE, WIDTH, build_pdf, figures_table, list_table, para, percent, side_by_side,
)
from reception.reports.tables import FORMATS, ReportFileError, Sheet, csv_bytes, write_atomically, xlsx_bytes
from reception.slips import fonts
from sync.platform.bulletin import Bulletin, change

LOOP_NOTE = ("回访率：本期诉求中已办结的，回访时联系上居民的比例；满意率：本期诉求收到的评价（查询页、摊位、回访电话）"
             "中“满意”“基本满意”的比例")
TOPICS_SHOWN = 10


def headline(b: Bulletin) -> list[tuple[str, str]]:
    f = b.figures
    return [
        ("收集诉求（条）", str(f.petitions)), ("办结（件）", str(f.closed)), ("办结率", percent(f.closure_rate)),
        ("签收及时率", percent(f.sign_rate)), ("超时未办结", str(len(b.overdue))),
        ("回访率", percent(b.return_visit_rate)), ("满意率", percent(b.satisfaction_rate)),
    ]


def trend_rows(b: Bulletin) -> list[list[str]]:
    f, p = b.figures, b.previous
    return [
        ["收集诉求（条）", str(f.petitions), str(p.petitions), change(f.petitions, p.petitions, as_points=False)],
        ["办结率", percent(f.closure_rate), percent(p.closure_rate), change(f.closure_rate, p.closure_rate)],
        ["签收及时率", percent(f.sign_rate), percent(p.sign_rate), change(f.sign_rate, p.sign_rate)],
    ]


def loop_rows(b: Bulletin) -> list[list[str]]:
    return [["回访率", percent(b.return_visit_rate), f"已办结 {b.visits[1]} 件，回访联系上 {b.visits[0]} 件"],
            ["满意率", percent(b.satisfaction_rate), f"收到评价 {b.ratings[1]} 条，满意或基本满意 {b.ratings[0]} 条"]]


def topic_rows(b: Bulletin) -> list[list[str]]:
    return [[str(n), t.title, str(t.count), "、".join(t.communities), clock.local_text(t.latest)]
            for n, t in enumerate(b.topics[:TOPICS_SHOWN], start=1)]


def overdue_rows(b: Bulletin) -> list[list[str]]:
    return [[o.tracking_code, o.request_id, o.category, o.community, o.department,
             clock.local(o.close_by).strftime("%Y-%m-%d"), f"{o.days_late} 天"] for o in b.overdue]


def type_chart(b: Bulletin, width: float, height: float):
    return charts.horizontal_bars(list(b.by_type), width, height, "诉求类型（大类）")


def community_chart(b: Bulletin, width: float, height: float):
    return charts.horizontal_bars(list(b.by_community[:12]), width, height, "各社区诉求（前 12）", label_room=70)


def history_chart(b: Bulletin, width: float, height: float):
    kind = "周" if b.period.kind == "week" else "月"
    # 2026-W48 → W48, 2026-11 → 11月: the year is the bulletin's.
    items = [(label.split("-")[-1] + ("" if kind == "周" else "月"), n) for label, n in b.history]
    return charts.vertical_bars(items, width, height, f"近 {len(items)} {kind}收集诉求（条）")


def bulletin_pdf(b: Bulletin) -> bytes:
    fonts.register()
    previous = b.period.previous()
    story: list = [
        para(f"{b.street}　书记/主任信箱　{b.period.title}", TITLE, bold=True),
        para(f"统计时段：{b.period.first_day.isoformat()} 至 {b.period.last_day.isoformat()}（北京时间）；"
             f"对比上期 {previous.label}；超时清单截至 {clock.local_text(b.made_at)}"),
        Spacer(1, 6),
        figures_table(headline(b)),
        Spacer(1, 8),
        side_by_side(type_chart(b, WIDTH * 0.5 - 6, 200), community_chart(b, WIDTH * 0.5, 200), WIDTH * 0.5),
        Spacer(1, 6),
        history_chart(b, WIDTH, 110),
        Spacer(1, 4),
        para(f"回访：{loop_rows(b)[0][2]}；评价：{loop_rows(b)[1][2]}。", BODY),
        Spacer(1, 4),
        para("与上期相比", BODY, bold=True),
        list_table(["指标", "本期", f"上期（{previous.label}）", "变化"], trend_rows(b), [120, 90, 110, WIDTH - 320]),
        Spacer(1, 6),
        para(f"热点话题（{len(b.topics)} 个：同一或相邻社区、内容相近的诉求反复出现）", BODY, bold=True),
    ]
    if b.topics:
        story.append(list_table(["#", "话题", "件数", "社区", "最近"], topic_rows(b), [20, 250, 36, 120, WIDTH - 426]))
        if len(b.topics) > TOPICS_SHOWN:
            story.append(para(f"另有 {len(b.topics) - TOPICS_SHOWN} 个话题，见导出表格", SMALL))
    else:
        story.append(para("本期没有反复出现的诉求。", SMALL))
    story += [Spacer(1, 6), para(f"超时未办结（{len(b.overdue)} 件）", BODY, bold=True)]
    if b.overdue:
        story.append(list_table(["查询码", "编号", "类别", "社区", "承办部门", "应办结", "超时"], overdue_rows(b),
                                [62, 58, 140, 62, 80, 66, WIDTH - 468]))
    else:
        story.append(para("没有超时未办结的诉求。", SMALL))
    story += [
        Spacer(1, 6),
        para(f"{LOOP_NOTE}。签收及时率：转平台办理的诉求中，在受理时限内由工作人员受理（或已分派、办结）的比例；"
             "受理时限未到且尚未受理的不计。办结率：本期收到的诉求中已办结的比例（含当场解决、解释说明）。", SMALL),
        para(f"生成于 {clock.local_text(b.made_at)}。{NO_PERSONAL_DATA}", SMALL),
    ]
    return build_pdf(story, f"{b.street} {b.period.title}")


def bulletin_sheets(b: Bulletin) -> list[Sheet]:
    previous = b.period.previous()
    return [
        Sheet("概况", ("项目", "本期", f"上期（{previous.label}）", "变化"),
              tuple(tuple(r) for r in [["街道", b.street, "", ""], ["时段", b.period.label, previous.label, ""]]
                    + trend_rows(b)
                    + [["超时未办结", str(len(b.overdue)), "", ""]]
                    + [[name, value, "", detail] for name, value, detail in loop_rows(b)])),
        Sheet("诉求类型", ("大类", "条数"), b.by_type),
        Sheet("各社区", ("社区", "条数"), b.by_community),
        Sheet("热点话题", ("#", "话题", "件数", "社区", "最近"),
              tuple((n, t.title, t.count, "、".join(t.communities), clock.local_text(t.latest))
                    for n, t in enumerate(b.topics, start=1))),
        Sheet("热点话题的诉求", ("#", "查询码", "编号", "社区", "类别", "登记时间"),
              tuple((n, p.tracking_code, p.key, p.community, p.category, clock.local_text(p.created_at))
                    for n, t in enumerate(b.topics, start=1) for p in t.petitions)),
        Sheet("超时未办结", ("查询码", "编号", "类别", "社区", "承办部门", "应办结", "超时"),
              tuple(tuple(r) for r in overdue_rows(b))),
    ]


def render(b: Bulletin, suffix: str) -> bytes:
    suffix = suffix.lower()
    if suffix not in FORMATS:
        raise ReportFileError(f"通报文件应以 .pdf、.csv 或 .xlsx 结尾（收到：{suffix or '没有后缀'}）")
    if suffix == ".pdf":
        return bulletin_pdf(b)
    return csv_bytes(bulletin_sheets(b)) if suffix == ".csv" else xlsx_bytes(bulletin_sheets(b))


def save(b: Bulletin, out: Path) -> Path:
    return write_atomically(render(b, Path(out).suffix), out, "通报")


def svg(drawing, name: str) -> str:
    """A chart for the staff page; the browser draws the text in its own Chinese font.

    reportlab names every drawing's clip path and group "clip" and "group": on a page of several
    charts each later one would be clipped by the first one's frame, so the ids take the chart's name."""
    drawn = renderSVG.drawToString(drawing).split("?>", 1)[-1]
    return (drawn.replace('id="clip"', f'id="{name}-clip"').replace("url(#clip)", f"url(#{name}-clip)")
            .replace('id="group"', f'id="{name}"'))
