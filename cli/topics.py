"""The ``topics`` command of ``xinan-desk`` (registered by cli/main.py): recurring petitions.

    xinan-desk topics [--community 安乐社区] [--days 90] [--json]   # numbered, biggest first
    xinan-desk topics --council 1                                 # put topic 1 on the 议事会 list
    xinan-desk topics --council-list                               # the 议事会 list
"""

from __future__ import annotations

import argparse
import json
import sys

from cli.errors import EXIT_OK, BadInput
from reception import clock
from reception.intake_hints.desk_topics import DAYS, council_list, desk_topics, put_on_council_list, street_topics


def add_commands(sub: argparse._SubParsersAction) -> None:
    topics = sub.add_parser("topics", help="热点话题：本机记录中反复出现的诉求（同社区或相邻社区、内容相近），可列入议事会")
    topics.add_argument("--community", default=None, help="社区（默认：今晚或最近一场夜话的社区）")
    topics.add_argument("--days", type=int, default=DAYS, help=f"看最近多少天（默认 {DAYS}）")
    topics.add_argument("--json", action="store_true", help="以 JSON 输出")
    topics.add_argument("--council", type=int, default=None, metavar="序号", help="把第几个话题列入议事会清单")
    topics.add_argument("--council-list", action="store_true", help="只显示议事会清单")


def topics(services, args) -> int:
    desk = services.desk
    if args.council_list:
        entries = council_list(desk)
        if args.json:
            json.dump(entries, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        for n, e in enumerate(entries if not args.json else [], start=1):
            print(f"{n}. {e['title']}（{e['community']}，{e['count']} 件：{'、'.join(e['cases'])}）")
        if not entries and not args.json:
            print("议事会清单还是空的：用 xinan-desk topics --council 序号 列入", file=sys.stderr)
        return EXIT_OK
    if not 1 <= args.days <= 3660:
        raise BadInput("--days 应在 1 到 3660 之间")
    found = desk_topics(desk, args.community, args.days)
    listed = list(found.topics)
    if args.council is not None:
        if not 1 <= args.council <= len(listed):
            raise BadInput(f"没有第 {args.council} 个话题：现在有 {len(listed)} 个（先不带 --council 看一下）")
        entry = put_on_council_list(desk, listed[args.council - 1], found.community)
        print(f"已列入议事会清单：{entry['title']}（{entry['count']} 件）", file=sys.stderr)
        return EXIT_OK
    street = street_topics(desk, found.community)
    if args.json:
        json.dump([{"title": t.title, "count": t.count, "latest": clock.to_text(t.latest),
                    "communities": list(t.communities), "cases": [p.tracking_code for p in t.petitions],
                    "tonight": any(p.key in found.tonight for p in t.petitions)} for t in listed],
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{found.community or '全街道'}及相邻社区，最近 {found.days} 天：{len(listed)} 个反复出现的话题", file=sys.stderr)
    for n, t in enumerate(listed, start=1):
        mark = "（今晚又有）" if any(p.key in found.tonight for p in t.petitions) else ""
        print(f"{n}. {t.title}  {t.count} 件  最近 {clock.local_text(t.latest)}  {'、'.join(t.communities)}{mark}")
        print(f"   {'、'.join(p.tracking_code for p in t.petitions)}")
    if street.fetched_at:
        print(f"全街道的热点（截至 {clock.local_text(clock.from_text(street.fetched_at))} 同步），涉及本社区的 "
              f"{len(street.topics)} 个：", file=sys.stderr)
        for t in street.topics:
            print(f"   {t['title']}  {t['count']} 件  {'、'.join(t['communities'])}")
    return EXIT_OK


HANDLERS = {("topics", None): topics}
