"""Charts for the reports, drawn with reportlab.graphics (no extra dependency in the frozen desk).

The bundled Chinese font has no Latin letters or digits (reception/slips/fonts.py), and a
reportlab String has one font, so every label is drawn in runs: Chinese in the bundled font,
digits and letters in Helvetica. That is why the axes' own labels are hidden and drawn here.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors

from reception.slips import fonts

# Colour-blind-safe (Okabe–Ito), and still told apart when printed in grey.
PALETTE = (
    colors.HexColor("#0072B2"), colors.HexColor("#E69F00"), colors.HexColor("#009E73"),
    colors.HexColor("#CC79A7"), colors.HexColor("#56B4E9"), colors.HexColor("#D55E00"),
    colors.HexColor("#F0E442"), colors.HexColor("#999999"),
)
INK = colors.HexColor("#222222")
GRID = colors.HexColor("#BBBBBB")


def text(x: float, y: float, value: str, size: float, anchor: str = "start",
         bold: bool = False, color=INK) -> Group:
    """``value`` at (x, y) in runs of the right font; anchor start | middle | end."""
    value = fonts.printable(value)
    total = fonts.width(value, size, bold)
    left = {"start": x, "middle": x - total / 2, "end": x - total}[anchor]
    group = Group()
    for font, piece in fonts.runs(value, bold):
        group.add(String(left, y, piece, fontName=font, fontSize=size, fillColor=color))
        left += fonts.width(piece, size, bold)
    return group


def fit(value: str, size: float, room: float) -> str:
    """Shorten a label with … so it fits ``room`` points."""
    if fonts.width(value, size) <= room:
        return value
    while value and fonts.width(value + "…", size) > room:
        value = value[:-1]
    return value + "…"


def _framed(width: float, height: float, title: str, empty: bool, empty_words: str) -> tuple[Drawing, bool]:
    """A drawing with its title; (drawing, False) already says ``empty_words`` when there is nothing."""
    drawing = Drawing(width, height)
    drawing.add(text(0, height - 11, title, 10, bold=True))
    if empty:
        drawing.add(text(width / 2, height / 2, empty_words, 9, "middle"))
    return drawing, not empty


def horizontal_bars(items: list[tuple[str, int]], width: float, height: float, title: str,
                    label_room: float = 92) -> Drawing:
    """One bar per item, largest at the top, its count at the bar's end."""
    height = min(height, 30 + 22 * max(1, len(items)))  # no empty band under a few bars
    drawing, drawn = _framed(width, height, title, not items, "（没有诉求）")
    if not drawn:
        return drawing
    size = 8.5
    top = height - 20
    chart = HorizontalBarChart()
    chart.x = label_room
    chart.width = width - label_room - 28
    # A bar is never thicker than 22 pt: three categories should not look like three walls.
    chart.height = min(top - 8, 22 * len(items))
    chart.y = top - chart.height - 4
    # The chart draws its first category at the bottom: reverse so the largest is on top.
    values = [count for _, count in reversed(items)]
    chart.data = [values]
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 3
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.labels.fontSize = 0.01  # drawn below, in runs
    chart.categoryAxis.categoryNames = [""] * len(values)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values) * 1.12 + 0.5
    chart.valueAxis.visible = False
    drawing.add(chart)
    step = chart.height / len(values)
    scale = chart.width / chart.valueAxis.valueMax
    for i, ((name, count), value) in enumerate(zip(reversed(items), values)):
        middle = chart.y + step * (i + 0.5) - size / 3
        drawing.add(text(label_room - 4, middle, fit(name, size, label_room - 6), size, "end"))
        drawing.add(text(chart.x + value * scale + 3, middle, str(count), size))
    return drawing


def vertical_bars(items: list[tuple[str, int]], width: float, height: float, title: str) -> Drawing:
    """Counts over time (one bar per night or week), labels under the bars."""
    drawing, drawn = _framed(width, height, title, not items, "（没有数据）")
    if not drawn:
        return drawing
    size = 7.5
    chart = VerticalBarChart()
    chart.x, chart.y = 24, 22
    values = [count for _, count in items]
    # A bar is never wider than 40 pt: two nights should not look like two walls.
    chart.width, chart.height = min(width - 30, 40 * len(values)), height - 48
    chart.data = [values]
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = [""] * len(values)
    chart.categoryAxis.visibleTicks = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values) * 1.15 + 0.5
    chart.valueAxis.labels.fontName = fonts.LATIN
    chart.valueAxis.labels.fontSize = size
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    drawing.add(chart)
    step = chart.width / len(values)
    scale = chart.height / chart.valueAxis.valueMax
    every = max(1, len(items) // 12)  # keep the labels readable on a long range
    for i, (name, count) in enumerate(items):
        centre = chart.x + step * (i + 0.5)
        drawing.add(text(centre, chart.y + count * scale + 2, str(count), size, "middle"))
        if i % every == 0:
            drawing.add(text(centre, chart.y - 10, fit(name, size, step * every - 2), size, "middle"))
    return drawing


def share_pie(items: list[tuple[str, int]], width: float, height: float, title: str) -> Drawing:
    """A pie of the shares (how the night's petitions ended), with a legend carrying the counts."""
    drawing = Drawing(width, height)
    drawing.add(text(0, height - 11, title, 10, bold=True))
    total = sum(count for _, count in items)
    if total == 0:
        drawing.add(text(width / 2, height / 2, "（没有诉求）", 9, "middle"))
        return drawing
    diameter = min(width * 0.5, height - 34)
    pie = Pie()
    pie.x, pie.y = 2, (height - 18 - diameter) / 2
    pie.width = pie.height = diameter
    shown = [(name, count) for name, count in items if count]
    pie.data = [count for _, count in shown]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    for i in range(len(shown)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(pie)
    size = 8.5
    left = pie.x + diameter + 10
    y = pie.y + diameter - size
    for i, (name, count) in enumerate(items):
        colour = PALETTE[[n for n, _ in shown].index(name) % len(PALETTE)] if count else GRID
        drawing.add(Rect(left, y - 1, 8, 8, fillColor=colour, strokeColor=None))
        drawing.add(text(left + 12, y, name, size))
        drawing.add(text(left + 12, y - size - 2, f"{count} 条 {count / total:.0%}", size, color=colors.HexColor("#555555")))
        y -= 2 * size + 8
    return drawing
