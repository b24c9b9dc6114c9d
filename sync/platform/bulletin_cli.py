"""``xinan-platform … bulletin``: the street's weekly or monthly bulletin as a file.

    xinan-platform --data-dir DIR bulletin --week 2026-W49 --out 周报.pdf [--street XA]
    xinan-platform --data-dir DIR bulletin --month 2026-11 --out 11月.xlsx
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reception.reports.tables import FORMATS, ReportFileError
from sync.platform.bulletin import PeriodError, make_bulletin, month_period, week_period
from sync.platform.bulletin_files import save


def add_command(sub: argparse._SubParsersAction) -> None:
    bulletin = sub.add_parser("bulletin", help="街道周报或月报（PDF、CSV 或 XLSX，按 --out 的后缀）")
    when = bulletin.add_mutually_exclusive_group(required=True)
    when.add_argument("--week", default=None, metavar="2026-W49", help="ISO 周（周一至周日，北京时间）")
    when.add_argument("--month", default=None, metavar="2026-11", help="月份")
    bulletin.add_argument("--street", default=None, help="街道编号（平台上有多个街道时必须）")
    bulletin.add_argument("--out", required=True, type=Path, help="输出文件：.pdf、.csv 或 .xlsx")


def run(args: argparse.Namespace, store) -> int:
    if args.out.suffix.lower() not in FORMATS:
        print(f"错误：--out 的文件应以 .pdf、.csv 或 .xlsx 结尾，后缀决定格式（收到：{args.out}）", file=sys.stderr)
        return 2
    try:
        period = week_period(args.week) if args.week else month_period(args.month)
    except PeriodError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    street = store.resolve_street(args.street)  # StreetError (exit 2) names the streets
    bulletin = make_bulletin(store, street["id"], period)
    try:
        path = save(bulletin, args.out)
    except ReportFileError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    f = bulletin.figures
    print(f"{street['name']} {period.title}：收集诉求 {f.petitions} 条，办结 {f.closed} 件，"
          f"超时未办结 {len(bulletin.overdue)} 件，热点话题 {len(bulletin.topics)} 个", file=sys.stderr)
    print(path)
    return 0
