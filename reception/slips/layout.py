"""Laying out a slip on paper: thermal rolls of 80 mm and 58 mm, and an A4 receipt.

A roll's page is as long as its content (the printer cuts or the volunteer tears after it). The
layout is computed first, top down, as a list of drawing steps; the page height is then known
and the steps are replayed onto a reportlab canvas. Positions that matter to the QR code are put
on the 203-dpi dot grid counted from the page's top-left corner, which is where a printer and
``pdftoppm`` both start counting.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reception.slips import fonts, qr
from reception.slips.content import SlipContent
from reception.slips.linebreak import break_lines

TRACKING_CODE_MIN_HEIGHT_MM = 5.0


@dataclass(frozen=True)
class Paper:
    key: str
    label: str
    width_mm: float
    printable_mm: float
    roll: bool


PAPERS: dict[str, Paper] = {
    "80mm": Paper("80mm", "80mm 热敏卷纸", 80, 72, True),
    "58mm": Paper("58mm", "58mm 热敏卷纸", 58, 48, True),
    "a4": Paper("a4", "A4 回执（带剪下凭条）", 210, 180, False),
}


class UnknownPaper(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(f"纸张「{key}」不对：只能是 {'、'.join(PAPERS)}")


def paper(key: str) -> Paper:
    try:
        return PAPERS[key.strip().lower()]
    except KeyError:
        raise UnknownPaper(key) from None


@dataclass(frozen=True)
class QrPlacement:
    """Where the symbol's first module is, in points from the page's top-left corner."""

    x: float
    y_from_top: float
    module_dots: int
    matrix: qr.QrMatrix

    @property
    def module_pt(self) -> float:
        return self.module_dots * qr.DOT


@dataclass(frozen=True)
class RenderedSlip:
    pdf: bytes
    paper: Paper
    width_pt: float
    height_pt: float
    qr: QrPlacement | None  # None: the tracking page's address is not known yet, so no QR code
    code_font_size: float

    @property
    def media(self) -> str:
        """The CUPS ``media`` option for this page."""
        if not self.paper.roll:
            return "A4"
        return f"Custom.{self.paper.width_mm:g}x{self.height_pt / mm:.2f}mm"


Step = Callable[[Canvas, float], None]  # (canvas, page height in points)


class _Flow:
    """A column of text and pictures, laid out from the top, drawn once the height is known."""

    def __init__(self, left: float, width: float, top: float, keep_together: list[str]) -> None:
        self.left = left
        self.width = width
        self.y = top  # distance from the page's top edge
        self.steps: list[Step] = []
        self.keep_together = keep_together

    def gap(self, points: float) -> None:
        self.y += points

    def text(self, text: str, size: float, *, align: str = "left", bold: bool = False,
             leading: float = 1.42, indent: float = 0.0) -> None:
        text = fonts.printable(text)
        lines = break_lines(
            text, self.width - indent, lambda s: fonts.width(s, size, bold), self.keep_together
        )
        for i, line in enumerate(lines):
            x_off = indent if i else 0.0
            self.line(line, size, align=align, bold=bold, leading=leading, x_offset=x_off if align == "left" else 0.0)

    def line(self, line: str, size: float, *, align: str = "left", bold: bool = False,
             leading: float = 1.42, x_offset: float = 0.0) -> None:
        w = fonts.width(line, size, bold)
        if align == "center":
            x = self.left + (self.width - w) / 2
        elif align == "right":
            x = self.left + self.width - w
        else:
            x = self.left + x_offset
        baseline = self.y + size * 0.9 + size * (leading - 1) / 2
        self.steps.append(lambda c, h, x=x, b=baseline, t=line: _draw_text(c, x, h - b, t, size, bold))
        self.y += size * leading

    def rule(self, dashed: bool = False, weight: float = 0.6) -> None:
        y = self.y + 3
        left, right = self.left, self.left + self.width

        def draw(c: Canvas, h: float) -> None:
            c.saveState()
            c.setLineWidth(weight)
            if dashed:
                c.setDash(3, 2)
            c.line(left, h - y, right, h - y)
            c.restoreState()

        self.steps.append(draw)
        self.y += 6

    def code(self, code: str, size: float) -> None:
        """The tracking code, big and bold, centred in a thin box."""
        w = pdfmetrics.stringWidth(code, fonts.LATIN_BOLD, size)
        x = self.left + (self.width - w) / 2
        pad = size * 0.28
        cap = size * fonts.LATIN_BOLD_CAP_HEIGHT
        top = self.y
        baseline = top + pad + cap
        bottom = baseline + pad
        box_left, box_w = x - pad * 1.6, w + pad * 3.2

        def draw(c: Canvas, h: float) -> None:
            c.saveState()
            c.setLineWidth(1.2)
            c.roundRect(box_left, h - bottom, box_w, bottom - top, 3, stroke=1, fill=0)
            c.setFont(fonts.LATIN_BOLD, size)
            c.drawString(x, h - baseline, code)
            c.restoreState()

        self.steps.append(draw)
        self.y = bottom + 2

    def qr_code(self, matrix: qr.QrMatrix, dots: int, left: float | None = None) -> QrPlacement:
        """Place the symbol on the dot grid, its quiet zone kept clear of everything else."""
        quiet = qr.QUIET_ZONE * dots * qr.DOT
        total = matrix.size_with_quiet_zone * dots * qr.DOT
        if left is None:
            left = self.left + (self.width - total) / 2
        x = qr.snap(left + quiet)
        y = qr.snap(self.y + quiet)
        self.steps.append(lambda c, h: qr.draw(c, matrix, x, h - y, dots))
        self.y = y + matrix.size * dots * qr.DOT + quiet
        return QrPlacement(x=x, y_from_top=y, module_dots=dots, matrix=matrix)


def _draw_text(c: Canvas, x: float, y: float, text: str, size: float, bold: bool) -> None:
    t = c.beginText(x, y)
    for font, piece in fonts.runs(text, bold):
        t.setFont(font, size)
        if bold and font == fonts.CJK:
            # The Chinese font has no bold: fill and stroke the outline for a heavier line.
            t.setTextRenderMode(2)
            c.setLineWidth(size * 0.035)
        else:
            t.setTextRenderMode(0)
        t.textOut(piece)
    c.drawText(t)


def _code_size(code: str, max_width: float, preferred: float) -> float:
    """The preferred size, shrunk to fit the width, but never below 5 mm capital height."""
    minimum = TRACKING_CODE_MIN_HEIGHT_MM * mm / fonts.LATIN_BOLD_CAP_HEIGHT * 1.04
    size = preferred
    while size > minimum and pdfmetrics.stringWidth(code, fonts.LATIN_BOLD, size) * 1.2 > max_width:
        size -= 0.5
    return max(size, minimum)


@dataclass(frozen=True)
class _RollStyle:
    title: float
    body: float
    small: float
    code: float
    qr_mm: float
    top_mm: float = 3
    bottom_mm: float = 12  # room to tear off past the cutter


_ROLL_STYLES = {
    "80mm": _RollStyle(title=13, body=9.5, small=7.5, code=26, qr_mm=33),
    "58mm": _RollStyle(title=11, body=8.5, small=6.6, code=23, qr_mm=29),
}


def _new_canvas(buffer: io.BytesIO, size: tuple[float, float], content: SlipContent) -> Canvas:
    c = Canvas(buffer, pagesize=size, invariant=True, pageCompression=1)
    # Metadata a file browser shows: the code only, nothing about the resident.
    c.setTitle(f"查询凭条 {content.code}")
    c.setAuthor(content.street)
    c.setCreator("xinan-desk")
    return c


def render_roll(content: SlipContent, paper_key: str) -> RenderedSlip:
    fonts.register()
    p = paper(paper_key)
    style = _ROLL_STYLES[p.key]
    page_w = p.width_mm * mm
    left = qr.snap((p.width_mm - p.printable_mm) / 2 * mm)
    width = p.printable_mm * mm
    keep = [content.code, *content.keep_whole] + ([content.hotline] if content.hotline else [])
    f = _Flow(left, width, style.top_mm * mm, keep)

    f.text(f"{content.street} · 心安夜话", style.title, align="center", bold=True)
    f.text("诉求受理凭条", style.body, align="center")
    if content.reprint:
        f.text(f"【{content.reprint_mark}】", style.body, align="center", bold=True)
    f.text(content.stall, style.small, align="center")
    f.text(content.when, style.small, align="center")
    f.rule()
    f.text("查询码（打电话查询时请报此码）", style.small, align="center")
    f.gap(2)
    code_size = _code_size(content.code, width, style.code)
    f.code(content.code, code_size)
    f.rule()
    f.text(f"类别：{content.category}", style.body)
    if content.follows:
        f.text(content.follows, style.body, bold=True)
    f.text(f"诉求：{content.summary}", style.body)
    f.text(f"反映人：{content.name}　电话：{content.phone}", style.body)
    f.text(f"今晚结果：{content.outcome}", style.body, bold=True)
    f.rule()
    f.text("接下来", style.body, bold=True)
    f.text(content.next_steps, style.body)
    f.rule(dashed=True)
    placement = None
    if content.url:
        matrix = qr.qr_matrix(content.url)
        dots = qr.module_dots(matrix, style.qr_mm, width)
        placement = f.qr_code(matrix, dots)
    f.text(content.follow_up, style.body, bold=not content.url)
    f.gap(2)
    f.text(f"接待：{content.receptionist}", style.small)
    f.text(content.notice, style.small)
    if content.footer:
        f.text(content.footer, style.small, align="center")
    f.gap(style.bottom_mm * mm)

    page_h = qr.snap(f.y)
    buffer = io.BytesIO()
    c = _new_canvas(buffer, (page_w, page_h), content)
    for step in f.steps:
        step(c, page_h)
    c.showPage()
    c.save()
    return RenderedSlip(buffer.getvalue(), p, page_w, page_h, placement, code_size)


def render_a4(content: SlipContent) -> RenderedSlip:
    """An A4 receipt (回执) with a tracking slip to cut off along the dashed line."""
    fonts.register()
    p = PAPERS["a4"]
    page_w, page_h = A4
    left = qr.snap(15 * mm)
    width = p.printable_mm * mm
    keep = [content.code, *content.keep_whole] + ([content.hotline] if content.hotline else [])
    f = _Flow(left, width, 16 * mm, keep)

    f.text(f"{content.street}心安夜话 诉求受理回执", 18, align="center", bold=True)
    if content.reprint:
        f.text(f"【{content.reprint_mark}】", 12, align="center", bold=True)
    f.text(f"{content.stall}　{content.when}", 10.5, align="center")
    f.gap(4)
    table_top = f.y
    label_w = 26 * mm
    rows = [
        ("查询码", None),
        ("诉求类别", content.category),
        ("诉求摘要", content.summary),
        *([("接续诉求", content.follows)] if content.follows else []),
        ("反映人", content.name),
        ("联系电话", content.phone),
        ("今晚结果", content.outcome),
        ("接待人", content.receptionist),
    ]
    row_lines: list[float] = [table_top]
    value = _Flow(left + label_w + 3 * mm, width - label_w - 6 * mm, table_top, keep)
    for label, text in rows:
        start = value.y
        value.gap(2.5 * mm)
        if text is None:
            value.code(content.code, 22)
        else:
            value.text(text, 12)
        value.gap(2 * mm)
        label_flow = _Flow(left + 3 * mm, label_w, start + 2.5 * mm, keep)
        label_flow.text(label, 12, bold=True)
        f.steps.extend(label_flow.steps)
        row_lines.append(value.y)
    f.steps.extend(value.steps)
    f.steps.append(_table_lines(left, width, label_w, row_lines))
    f.y = value.y + 6 * mm
    f.text("接下来怎么办", 13, bold=True)
    f.gap(1)
    f.text(content.next_steps, 12)
    f.gap(3 * mm)
    f.text("怎么查进度", 13, bold=True)
    f.gap(1)
    f.text(content.follow_up.replace("扫描二维码", "扫描下方凭条上的二维码"), 12, bold=not content.url)
    f.gap(3 * mm)
    f.text(content.notice, 10)
    if content.footer:
        f.text(content.footer, 10)
    f.gap(8 * mm)
    # A receipt on office paper is signed (and may be stamped) by the team member on duty.
    f.text("接访团成员签字：＿＿＿＿＿＿＿＿＿＿　　　（社区/街道盖章）", 11)

    # The cut line sits at a fixed place, so the slip below is the same size on every receipt.
    cut_y = max(f.y + 8 * mm, 190 * mm)
    f.steps.append(_cut_line(left, width, cut_y))

    slip_top = cut_y + 10 * mm
    placement, qr_total, qr_bottom = None, 0.0, slip_top
    if content.url:
        matrix = qr.qr_matrix(content.url)
        dots = qr.module_dots(matrix, 36, 60 * mm)
        qr_total = matrix.size_with_quiet_zone * dots * qr.DOT
        qr_flow = _Flow(left + width - qr_total - 3 * mm, qr_total, slip_top + 4 * mm, keep)
        placement = qr_flow.qr_code(matrix, dots)
        qr_flow.text("扫码查看办理进度", 10, align="center")
        f.steps.extend(qr_flow.steps)
        qr_bottom = qr_flow.y

    s = _Flow(left + 6 * mm, width - qr_total - 12 * mm, slip_top + 5 * mm, keep)
    s.text(f"{content.street} · 心安夜话 查询凭条", 13, bold=True)
    if content.reprint:
        s.text(f"【{content.reprint_mark}】", 10, bold=True)
    s.text(content.when, 10)
    s.gap(2 * mm)
    s.text("查询码（打电话查询时请报此码）", 9)
    s.gap(1)
    s.code(content.code, 26)
    s.gap(1 * mm)
    s.text(f"类别：{content.category}", 10)
    if content.follows:
        s.text(content.follows, 10, bold=True)
    s.text(content.next_steps, 10)
    if not content.url:
        s.text(content.follow_up, 10, bold=True)
    elif content.hotline:
        s.text(f"热线：{content.hotline}", 10)
    s.text(content.notice, 8)
    f.steps.extend(s.steps)
    slip_h = max(s.y, qr_bottom) - slip_top + 5 * mm
    f.steps.append(_box(left, slip_top, width, slip_h))

    buffer = io.BytesIO()
    c = _new_canvas(buffer, (page_w, page_h), content)
    for step in f.steps:
        step(c, page_h)
    c.showPage()
    c.save()
    return RenderedSlip(buffer.getvalue(), p, page_w, page_h, placement, 26)


def _table_lines(left: float, width: float, label_w: float, ys: list[float]) -> Step:
    def draw(c: Canvas, h: float) -> None:
        c.saveState()
        c.setLineWidth(0.6)
        for y in ys:
            c.line(left, h - y, left + width, h - y)
        c.line(left, h - ys[0], left, h - ys[-1])
        c.line(left + width, h - ys[0], left + width, h - ys[-1])
        c.line(left + label_w, h - ys[0], left + label_w, h - ys[-1])
        c.restoreState()

    return draw


def _cut_line(left: float, width: float, y: float) -> Step:
    label = "沿此虚线剪下  下方凭条请居民妥善保管"
    size = 9.0

    def draw(c: Canvas, h: float) -> None:
        c.saveState()
        c.setLineWidth(0.8)
        c.setDash(4, 3)
        label_w = fonts.width(label, size) + 8
        mid = left + width / 2
        c.line(left - 5 * mm, h - y, mid - label_w / 2, h - y)
        c.line(mid + label_w / 2, h - y, left + width + 5 * mm, h - y)
        c.restoreState()
        _draw_text(c, mid - label_w / 2 + 4, h - y - size * 0.35, label, size, False)

    return draw


def _box(left: float, top: float, width: float, height: float) -> Step:
    def draw(c: Canvas, h: float) -> None:
        c.saveState()
        c.setLineWidth(1)
        c.roundRect(left, h - top - height, width, height, 4, stroke=1, fill=0)
        c.restoreState()

    return draw


def render(content: SlipContent, paper_key: str) -> RenderedSlip:
    p = paper(paper_key)
    return render_a4(content) if p.key == "a4" else render_roll(content, p.key)
