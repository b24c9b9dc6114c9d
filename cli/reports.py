"""The ``report`` command of ``xinan-desk`` (registered by cli/main.py).

    xinan-desk report night [--session ID] --out 报表.pdf      # tonight's (or the latest) night
    xinan-desk report range --from 2026-11-01 --to 2026-11-30 --out 11月.xlsx

The file's suffix picks the format: .pdf (one A4 page for a night), .csv (UTF-8 with a BOM, opens
in Excel as Chinese) or .xlsx. Reports carry counts, tracking codes and due times only: no
resident's details, so a volunteer may make them (no PIN).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.errors import EXIT_OK, BadInput
from reception.errors import SessionError
from reception.reports import figures, tables


def _check_out(out: Path) -> None:
    if out.suffix.lower() not in tables.FORMATS:
        raise BadInput(f"--out 的文件应以 .pdf、.csv 或 .xlsx 结尾，后缀决定格式（收到：{out}）")


def add_commands(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="报表：当晚报表（一页A4）或一段时间的合计，存为 PDF、CSV 或 XLSX")
    actions = report.add_subparsers(dest="action", required=True)
    night = actions.add_parser("night", help="一场夜话的报表（默认：今晚的，或最近一场）")
    night.add_argument("--session", default=None, metavar="场次ID", help="场次 ID（见 session show --json）")
    night.add_argument("--out", required=True, type=Path, help="输出文件：.pdf、.csv 或 .xlsx")
    span = actions.add_parser("range", help="一段日期内本机各场夜话的合计（期数、场次、人次、走访、诉求、办结、办结率）")
    span.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="起始日期（含）")
    span.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="截止日期（含）")
    span.add_argument("--out", required=True, type=Path, help="输出文件：.pdf、.csv 或 .xlsx")


def night(services, args) -> int:
    _check_out(args.out)
    try:
        report = figures.night_report(services.desk, args.session)
    except SessionError as error:
        raise BadInput(f"{error}（场次 ID 见 xinan-desk session show --json）" if args.session else str(error)) from None
    path = tables.save(report, args.out)
    s = report.session
    print(f"已保存 {s.date} {s.venue} 的当晚报表：{path}", file=sys.stderr)
    print(path)
    return EXIT_OK


def span(services, args) -> int:
    _check_out(args.out)
    start = figures.parse_day(args.start, "from", "起始日期")
    end = figures.parse_day(args.end, "to", "截止日期")
    report = figures.range_report(services.desk, start, end)
    path = tables.save(report, args.out)
    from reception.reports.pdf import quoted_sentence

    print(f"{start.isoformat()} 至 {end.isoformat()}：{quoted_sentence(report)}", file=sys.stderr)
    print(path)
    return EXIT_OK


HANDLERS = {("report", "night"): night, ("report", "range"): span}
