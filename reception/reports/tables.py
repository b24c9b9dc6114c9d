"""The reports as tables, written as CSV (UTF-8 with a BOM) or XLSX, and the PDF beside them.

One report is a few small tables (the figures, by category, by outcome, the forwarded cases or
the nights). XLSX puts each on its own sheet; CSV, which has one table per file, puts them one
after the other, each under its title and a blank line apart, which Excel opens as it reads.
XlsxWriter writes the XLSX: pure Python, no dependencies of its own, write-only (the reports
never read a workbook back), about 1 MB of bytecode (330 KB compressed) in the frozen desk.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from reception import clock
from reception.errors import DeskError
from reception.privacy.export import neutralise_formula  # one rule for every CSV the desk writes
from reception.reports.figures import NightReport, RangeReport
from reception.reports.pdf import FORWARDED_HEADER, forwarded_rows, night_pdf, percent, range_pdf

FORMATS = {".pdf": "PDF", ".csv": "CSV", ".xlsx": "XLSX"}
# A cell starting with one of these is a formula to Excel; a venue typed as "=1+1" stays text.
class ReportFileError(DeskError):
    """The report could not be written where asked (or the file name's type is not one we write)."""


@dataclass(frozen=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def night_sheets(report: NightReport) -> list[Sheet]:
    s, c = report.session, report.session.counts
    head = report.audit_head
    figures = [
        ("街道", report.street), ("日期", s.date), ("地点", s.venue), ("社区", s.community),
        ("接访团", "、".join(f"{m.name}（{m.role}）" for m in s.team)), ("本机编号", report.device),
        ("接待人次", c.visitors), ("走访家数", c.household_visits), ("收集诉求（条）", c.petitions),
        ("当场解决", c.solved_on_spot), ("转平台办理", c.forwarded), ("解释说明", c.explained),
        ("作废", c.voided), ("已办结", report.closed), ("办结率", percent(report.closure_rate)),
        ("已同步", report.sync.synced), ("等待同步", report.sync.waiting), ("搁置", len(report.sync.set_aside)),
        ("操作日志链头", f"第 {head.entry_id} 条 {head.hash}" if head else "尚无记录"),
        ("操作日志校验", ("完整" if head.whole else "有断裂") if head else ""),
        ("生成时间", clock.local_text(report.made_at)),
    ]
    return [
        Sheet("当晚数字", ("项目", "数值"), tuple(figures)),
        Sheet("诉求分类", ("大类", "条数"), report.by_category),
        Sheet("诉求结果", ("结果", "条数"), report.by_outcome),
        Sheet("转平台办理", tuple(FORWARDED_HEADER), tuple(tuple(r) for r in forwarded_rows(report))),
        Sheet("搁置", ("查询码", "平台给出的原因"), report.sync.set_aside),
    ]


def range_sheets(report: RangeReport) -> list[Sheet]:
    figures = [
        ("街道", report.street), ("本机编号", report.device),
        ("起始日期", report.start.isoformat()), ("截止日期", report.end.isoformat()),
        ("期数", report.rounds), ("场次", len(report.sessions)), ("接访人次", report.visitors),
        ("走访家数", report.household_visits), ("收集诉求（条）", report.petitions),
        ("办结（件）", report.closed), ("办结率", percent(report.closure_rate)),
        ("生成时间", clock.local_text(report.made_at)),
    ]
    nights = tuple(
        (s.date, s.venue, s.community, s.visitors, s.household_visits, s.petitions, s.closed,
         percent(None if not s.petitions else s.closed / s.petitions))
        for s in report.sessions
    )
    return [
        Sheet("合计", ("项目", "数值"), tuple(figures)),
        Sheet("各场次", ("日期", "地点", "社区", "接待人次", "走访家数", "诉求", "办结", "办结率"), nights),
        Sheet("诉求分类", ("大类", "条数"), report.by_category),
        Sheet("诉求结果", ("结果", "条数"), report.by_outcome),
    ]


def csv_bytes(sheets: list[Sheet]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for i, sheet in enumerate(sheets):
        if i:
            writer.writerow([])
        writer.writerow([sheet.title])
        writer.writerow(sheet.header)
        writer.writerows([neutralise_formula(v) for v in row] for row in sheet.rows)
    # Excel on a Chinese Windows opens UTF-8 CSV as Chinese only with the byte-order mark.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    import xlsxwriter  # imported here: only an export needs it

    buffer = io.BytesIO()
    # strings_to_formulas off: a cell is never evaluated, whatever a venue or reason says.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.title[:31])
        ws.write_row(0, 0, sheet.header, bold)
        widths = [max(6, len(str(h)) * 2 + 2) for h in sheet.header]
        for r, row in enumerate(sheet.rows, start=1):
            ws.write_row(r, 0, row)
            for i, value in enumerate(row):
                widths[i] = min(60, max(widths[i], len(str(value)) * 2 + 2))
        for i, w in enumerate(widths):
            ws.set_column(i, i, w)
        ws.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


def render(report: NightReport | RangeReport, suffix: str) -> bytes:
    suffix = suffix.lower()
    if suffix not in FORMATS:
        raise ReportFileError(f"报表文件应以 .pdf、.csv 或 .xlsx 结尾（收到：{suffix or '没有后缀'}）")
    night = isinstance(report, NightReport)
    if suffix == ".pdf":
        return night_pdf(report) if night else range_pdf(report)
    sheets = night_sheets(report) if night else range_sheets(report)
    return csv_bytes(sheets) if suffix == ".csv" else xlsx_bytes(sheets)


def save(report: NightReport | RangeReport, out: Path) -> Path:
    """Write the report to ``out`` in the format its suffix names, atomically."""
    return write_atomically(render(report, Path(out).suffix), out, "报表")


def write_atomically(data: bytes, out: Path, what: str) -> Path:
    """A half-written report would open as garbage: write aside, then rename over."""
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReportFileError(f"无法保存{what}到 {out}：{error.strerror}") from None
    return out
