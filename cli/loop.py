"""``xinan-desk case find`` and ``case rate`` (registered by cli/main.py): a returning resident.

``case find QUERY`` prints the matching cases masked (王*, 138****5678), newest first; ``case
show CODE`` opens one. ``case rate CODE --rating 不满意`` records the resident's verdict, sent to
the platform at the next sync. Exit status of ``find``: 0 when something was found, 1 when
nothing was (like grep), 2 for a query that cannot find anything.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from cli.errors import EXIT_OK
from reception import case_search, clock, return_visits
from reception.return_visits import RATINGS

EXIT_NOTHING = 1  # like grep: the query was fine, nothing matched


def add_case_commands(case_commands) -> None:
    find = case_commands.add_parser("find", help="按查询码、电话号码（全号、前几位或尾号）或姓名（汉字、拼音、首字母）查找诉求；结果已遮挡")
    find.add_argument("query", help="如 K7Q-00A3-X、13812345678、5678、王小明、wangxiaoming、wxm")
    find.add_argument("--json", action="store_true", help="以 JSON 输出")
    find.add_argument("--limit", type=int, default=case_search.DEFAULT_LIMIT, help="最多列出几条（默认 20）")
    rate = case_commands.add_parser("rate", help="记录居民对办理结果的评价（平台办结后）：同步时送到平台，不满意会让平台重新办理")
    rate.add_argument("code")
    rate.add_argument("--rating", required=True, choices=RATINGS, help="满意 / 基本满意 / 不满意")
    rate.add_argument("--note", default="", help="居民的原话（可选）")
    rate.add_argument("--receptionist", default="", help="记录人（接待人姓名或工号）")


def hit_json(hit: case_search.SearchHit) -> dict[str, Any]:
    return {
        "tracking_code": hit.tracking_code,
        "created_at": clock.to_text(hit.created_at),
        "category_name": hit.category_name,
        "community": hit.community,
        "resident_name": hit.name,
        "phone": hit.phone,
        "purged": hit.purged,
        "voided": hit.voided,
        "platform_status": hit.platform_status or None,
        "matched": hit.matched,
    }


def loop_json(desk, case_id: str) -> dict[str, Any]:
    """What `case show` adds: the platform's progress as of the last sync, and local ratings."""
    loop = return_visits.case_loop(desk, case_id)
    p = loop.progress
    progress = None
    if p is not None:
        progress = {
            "as_of": clock.to_text(p.fetched_at),
            "status": p.status or None,
            "department": p.department or None,
            "due_at": clock.to_text(p.due_at) if p.due_at else None,
            "light": p.light or None,
            "notes": p.notes or None,
            "visits": [v.__dict__ for v in p.visits],
            "ratings": [r.__dict__ for r in p.ratings],
        }
    return {
        "progress": progress,
        "ratings": [
            {"rating": r.rating, "note": r.note, "created_at": clock.to_text(r.created_at),
             "sent_at": clock.to_text(r.sent_at) if r.sent_at else None, "refused": r.refused or None}
            for r in loop.local_ratings
        ],
    }


def _find(services, args) -> int:
    limit = max(1, min(args.limit, 200))
    _finish_index(services.desk)
    hits = case_search.find(services.desk.db, args.query, limit)
    if args.json:
        json.dump([hit_json(h) for h in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for h in hits:
            state = "已作废" if h.voided else (h.platform_status or "未同步")
            who = "个人信息已按期清除" if h.purged else f"{h.name}  {h.phone}"
            print(f"{h.tracking_code}  {clock.local_text(h.created_at)}  {who}  {h.category_name}  {h.community}  {state}")
    if not hits:
        print("本机没有找到匹配的诉求：可换用查询码、手机号尾号或姓名拼音再试", file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_OK


def _rate(services, args) -> int:
    case = services.desk.find_case(args.code)
    return_visits.rate_case(services.desk, case.id, args.rating, args.note, args.receptionist)
    print(case.tracking_code)
    print("已记录评价，下次同步时送到街道平台", file=sys.stderr)
    return EXIT_OK


HANDLERS = {
    ("case", "find"): _find,
    ("case", "rate"): _rate,
}


def _finish_index(desk) -> None:
    """A laptop that held cases before the look-up index came builds it once (the desk does it in
    the background); a search before it is complete could miss older cases, so finish it first."""
    progress = case_search.build_progress(desk.db)
    if progress is None:
        return
    print(f"正在建立查找索引（只需一次）：共 {progress.total} 条诉求…", file=sys.stderr, flush=True)
    shown = 0
    while progress is not None:
        if progress.total and progress.done * 10 // progress.total > shown:
            shown = progress.done * 10 // progress.total
            print(f"  已完成 {progress.done} / {progress.total} 条", file=sys.stderr, flush=True)
        progress = desk.build_search_index_step()
    print("查找索引已建好", file=sys.stderr, flush=True)
