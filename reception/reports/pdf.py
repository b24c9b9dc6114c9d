"""The night's report on one A4 page, and the range report, as PDF (reportlab platypus).

Text is set in runs (bundled Chinese font + Helvetica) through Paragraph markup, as on the slips.
The night's page never runs onto a second sheet: when a big night (214 petitions at one event)
forwards more cases than the page holds, the list stops and says how many more there are and
where the full list is (the CSV/XLSX export of the same report).
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reception import clock
from reception.reports import charts
from reception.reports.figures import NightReport, RangeReport
from reception.slips import fonts

MARGIN = 14 * mm
WIDTH = A4[0] - 2 * MARGIN
HEIGHT = A4[1] - 2 * MARGIN
ROW_HEIGHT = 12.5
NO_PERSONAL_DATA = "本表不含居民姓名、电话、地址和诉求原文。"


def markup(value: str, bold: bool = False) -> str:
    """Paragraph markup for ``value``: each run in its own font, XML-escaped."""
    parts = []
    for font, piece in fonts.runs(fonts.printable(str(value)), bold):
        parts.append(f'<font face="{font}">{escape(piece)}</font>')
    return "".join(parts)


def _style(size: float, leading: float | None = None, **extra) -> ParagraphStyle:
    return ParagraphStyle(f"s{size}", fontName=fonts.LATIN, fontSize=size, leading=leading or size * 1.3, **extra)


TITLE = _style(16, 20)
BODY = _style(9.5, 12.5)
SMALL = _style(7.5, 9.5, textColor=colors.HexColor("#555555"))
CELL = _style(8, 10)
FIGURE = _style(17, 20, alignment=1)
FIGURE_LABEL = _style(8, 10, alignment=1, textColor=colors.HexColor("#444444"))


def para(value: str, style: ParagraphStyle = BODY, bold: bool = False) -> Paragraph:
    return Paragraph(markup(value, bold), style)


def percent(rate: float | None) -> str:
    # 99.58 %, as the street quotes it: two decimals, never rounded up to 100 % while one is open.
    if rate is None:
        return "—"
    shown = f"{rate * 100:.2f}"
    if shown == "100.00" and rate < 1:
        shown = "99.99"
    return f"{shown}%"


def figures_table(cells: list[tuple[str, str]]) -> Table:
    table = Table(
        [[para(value, FIGURE, bold=True) for _, value in cells], [para(label, FIGURE_LABEL) for label, _ in cells]],
        colWidths=[WIDTH / len(cells)] * len(cells),
    )
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#888888")),
        ("LINEAFTER", (0, 0), (-2, -1), 0.3, colors.HexColor("#BBBBBB")),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def list_table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    # One line per row, always: a long category or venue is shortened with … to its column.
    rows = [[charts.fit(v, CELL.fontSize, w - 7) for v, w in zip(row, widths)] for row in rows]
    data = [[para(h, CELL, bold=True) for h in header]] + [[para(v, CELL) for v in row] for row in rows]
    table = Table(data, colWidths=widths, rowHeights=ROW_HEIGHT, repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#666666")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F1F1F1")]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def side_by_side(left, right, left_width: float) -> Table:
    table = Table([[left, right]], colWidths=[left_width, WIDTH - left_width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def categories_and_outcomes(report: NightReport | RangeReport, height: float, outcome_title: str) -> Table:
    """The bar chart of the categories beside the pie of how the petitions ended."""
    return side_by_side(
        charts.horizontal_bars(list(report.by_category), WIDTH * 0.6 - 8, height, "诉求分类（大类）"),
        charts.share_pie(list(report.by_outcome), WIDTH * 0.4, height, outcome_title),
        WIDTH * 0.6,
    )


def _time(moment) -> str:
    return clock.local(moment).strftime("%m-%d %H:%M")  # the year is the report's


FORWARDED_HEADER = ["查询码", "类别", "承办部门", "紧急", "受理时限", "办结时限", "状态"]
FORWARDED_WIDTHS = [60, 150, 80, 36, 56, 56, WIDTH - 438]


def forwarded_rows(report: NightReport) -> list[list[str]]:
    return [[f.tracking_code, f.category, f.department, f.urgency, _time(f.accept_by), _time(f.close_by), f.state]
            for f in report.forwarded]


def night_pdf(report: NightReport) -> bytes:
    fonts.register()
    s = report.session
    c = s.counts
    head: list = [
        para(f"{report.street}　心安夜话　当晚报表", TITLE, bold=True),
        para(f"{s.date}　{s.venue}（{s.community}）　"
             f"{clock.local_text(s.opened_at, with_date=False)}–"
             f"{clock.local_text(s.closed_at, with_date=False) if s.closed_at else '进行中'}　"
             f"本机编号 {report.device}"),
        para("接访团：" + ("、".join(f"{m.name}（{m.role}）" for m in s.team) or "未登记")),
        Spacer(1, 6),
        figures_table([
            ("接待人次", str(c.visitors)), ("走访家数", str(c.household_visits)),
            ("收集诉求（条）", str(c.petitions)), ("当场解决", str(c.solved_on_spot)),
            ("转平台办理", str(c.forwarded)), ("解释说明", str(c.explained)),
            ("办结率", percent(report.closure_rate)),
        ]),
        Spacer(1, 8),
        categories_and_outcomes(report, 170, "当晚结果"),
        Spacer(1, 6),
    ]
    sync = report.sync
    tail: list = [
        Spacer(1, 6),
        para(f"同步到街道平台：已同步 {sync.synced} 条，等待同步 {sync.waiting} 条，搁置 {len(sync.set_aside)} 条"
             + ("" if not sync.waiting else "（请队长同步）"), bold=True),
    ]
    for code, reason in sync.set_aside[:4]:
        tail.append(para(f"　搁置 {code}：{reason}", SMALL))
    if len(sync.set_aside) > 4:
        tail.append(para(f"　另有 {len(sync.set_aside) - 4} 条搁置，见 xinan-desk sync --status", SMALL))
    if report.audit_head is None:
        tail.append(para("操作日志：尚无记录", BODY))
    else:
        h = report.audit_head
        whole = "校验完整" if h.whole else "校验发现断裂：请队长查看操作日志"
        tail.append(para(f"操作日志链头：第 {h.entry_id} 条　{h.hash[:32]}　{whole}", BODY))
    tail += [
        Spacer(1, 10),
        para("队长签字：____________　　日期：____________", BODY),
        para(f"生成于 {clock.local_text(report.made_at)}。{NO_PERSONAL_DATA}", SMALL),
    ]
    rows = forwarded_rows(report)
    title = para(f"转平台办理的诉求（{len(rows)} 件）", BODY, bold=True)
    used = sum(_height(f) for f in head + tail) + _height(title)
    room = HEIGHT - used - 6
    fit = max(0, int(room // ROW_HEIGHT) - 1)  # one row is the header
    middle: list = [title]
    if rows:
        if len(rows) > fit:
            fit = max(0, fit - 1)  # room for the line that says what was left out
            middle.append(list_table(FORWARDED_HEADER, rows[:fit], FORWARDED_WIDTHS))
            middle.append(para(f"另有 {len(rows) - fit} 件未列出：完整清单见本报表的 CSV/XLSX 导出"
                               "（xinan-desk report night --out 报表.xlsx）", SMALL))
        else:
            middle.append(list_table(FORWARDED_HEADER, rows, FORWARDED_WIDTHS))
    else:
        middle.append(para("今晚没有转平台办理的诉求。", SMALL))
    return build_pdf(head + middle + tail, f"{s.date} {s.venue} 当晚报表")


def range_pdf(report: RangeReport) -> bytes:
    fonts.register()
    story: list = [
        para(f"{report.street}　心安夜话　阶段报表", TITLE, bold=True),
        para(f"{report.start.isoformat()} 至 {report.end.isoformat()}　本机编号 {report.device}"
             "（只含这台笔记本记录的场次；全街道的数字见平台通报）"),
        Spacer(1, 6),
        figures_table([
            ("期数", str(report.rounds)), ("场次", str(len(report.sessions))),
            ("接访人次", str(report.visitors)), ("走访家数", str(report.household_visits)),
            ("收集诉求（条）", str(report.petitions)), ("办结（件）", str(report.closed)),
            ("办结率", percent(report.closure_rate)),
        ]),
        Spacer(1, 6),
        para(quoted_sentence(report), BODY),
        Spacer(1, 8),
        categories_and_outcomes(report, 190, "诉求结果"),
        Spacer(1, 6),
        charts.vertical_bars(petitions_by_night(report), WIDTH, 130, "每期收集诉求（条）"),
        Spacer(1, 8),
        para(f"各场次（{len(report.sessions)} 场）", BODY, bold=True),
    ]
    header = ["日期", "地点", "社区", "接待人次", "走访家数", "诉求", "办结", "办结率"]
    rows = [[s.date, s.venue, s.community, str(s.visitors), str(s.household_visits), str(s.petitions),
             str(s.closed), percent(None if not s.petitions else s.closed / s.petitions)] for s in report.sessions]
    if rows:
        story.append(list_table(header, rows, [58, 150, 70, 48, 48, 40, 40, WIDTH - 454]))
    else:
        story.append(para("这段时间本机没有夜话场次。", SMALL))
    story += [Spacer(1, 8), para(f"生成于 {clock.local_text(report.made_at)}。{NO_PERSONAL_DATA}", SMALL)]
    return build_pdf(story, f"{report.start.isoformat()}–{report.end.isoformat()} 阶段报表")


def quoted_sentence(report: RangeReport) -> str:
    """The totals in the words the street's articles use."""
    return (f"共 {report.rounds} 期 {len(report.sessions)} 场，接访 {report.visitors} 人次，"
            f"走访 {report.household_visits} 家，收集诉求 {report.petitions} 条，办结 {report.closed} 件，"
            f"办结率 {percent(report.closure_rate)}。")


def petitions_by_night(report: RangeReport) -> list[tuple[str, int]]:
    nights: dict[str, int] = {}
    for s in report.sessions:
        nights[s.date] = nights.get(s.date, 0) + s.petitions
    return [(day[5:], count) for day, count in nights.items()]


def _height(flowable) -> float:
    _, height = flowable.wrap(WIDTH, HEIGHT)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def build_pdf(story: list, title: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=title, author="心安接访台", creator="xinan-desk",
        # Same bytes for the same figures (reportlab stamps the time and a random id otherwise).
        invariant=True,
    )
    doc.build(story)
    return buffer.getvalue()
