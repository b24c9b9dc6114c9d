"""``xinan-platform request …``: the staff loop from the command line, for scripts.

    xinan-platform --data-dir DIR request list [--street XA] [--json]     # by light, red first
    xinan-platform --data-dir DIR request show XA000001 [--json]
    xinan-platform --data-dir DIR request accept XA000001 [--note …]
    xinan-platform --data-dir DIR request dispatch XA000001 --department 综合行政执法队 [--note …]
    xinan-platform --data-dir DIR request progress XA000001 --note …
    xinan-platform --data-dir DIR request close XA000001 --result 已完成消杀
    xinan-platform --data-dir DIR request visit XA000001 --caller 赵干事 [--not-reached]
                                               [--rating 满意|基本满意|不满意] [--words …] [--at ISO]
    xinan-platform --data-dir DIR request figures [--street XA] [--json]

Exit status: 0 done; 2 a step the loop does not allow now, or bad input (the message says why).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from reception import clock
from sync import protocol
from sync.platform import loop
from sync.platform.loop import LoopRefused


def add_commands(sub) -> None:
    request = sub.add_parser("request", help="诉求办理：受理、分拨、办理、办结、回访").add_subparsers(dest="action", required=True)
    lst = request.add_parser("list", help="列出诉求，按信号灯排序（警报红在前）")
    lst.add_argument("--street", default=None)
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--limit", type=int, default=500)
    show = request.add_parser("show", help="查看一条诉求的办理经过、评价和回访")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    for name, words in (("accept", "受理"), ("progress", "登记办理进展")):
        step = request.add_parser(name, help=words)
        step.add_argument("id")
        step.add_argument("--note", default="", required=name == "progress", help="说明（显示给居民，不要写个人信息）")
    dispatch = request.add_parser("dispatch", help="分拨（或改派）到承办部门")
    dispatch.add_argument("id")
    dispatch.add_argument("--department", required=True)
    dispatch.add_argument("--note", default="")
    close = request.add_parser("close", help="办结，写明办理结果")
    close.add_argument("id")
    close.add_argument("--result", required=True, help="办理结果（显示给居民，不要写个人信息）")
    visit = request.add_parser("visit", help="记录一次回访电话")
    visit.add_argument("id")
    visit.add_argument("--caller", required=True, help="回访人")
    visit.add_argument("--not-reached", action="store_true", help="没有接通")
    visit.add_argument("--rating", default="", choices=["", *loop.RATINGS], help="居民的评价")
    visit.add_argument("--words", default="", help="居民的话")
    visit.add_argument("--at", default="", help="回访时间（ISO 8601，默认现在）")
    figures = request.add_parser("figures", help="回访率、满意率、退回重办和升级督办件数")
    figures.add_argument("--street", default=None)
    figures.add_argument("--json", action="store_true")


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _view_json(view) -> dict[str, Any]:
    row = view.row
    return {
        "service_request_id": row["service_request_id"], "tracking_code": row["tracking_code"] or None,
        "service_name": row["service_name"], "department": row["department"], "status": row["status"],
        "status_label": protocol.status_label(row["status"]), "light": view.light.value,
        "accept_by": clock.to_text(view.accept_by) if view.accept_by else None, "due": clock.to_text(view.due),
        "closings": view.state.closings, "unsatisfied": view.state.unsatisfied, "escalated": view.state.escalated,
    }


def run(args: argparse.Namespace, data_dir, database_url: str) -> int:
    from sync.platform.api import Platform

    platform = Platform(data_dir, database_url)
    try:
        return _run(args, platform)
    except LoopRefused as refusal:
        print(f"错误：{refusal}", file=sys.stderr)
        return 2
    finally:
        platform.store.close()


def _run(args: argparse.Namespace, platform) -> int:
    store, loop_store = platform.store, platform.loop
    if args.action in ("list", "figures"):
        street = store.resolve_street(args.street)["id"] if args.street else None
        if args.action == "figures":
            figures = loop_store.figures(street)
            if args.json:
                _dump(figures)
            else:
                def rate(v):
                    return "—" if v is None else f"{v * 100:.2f}%"
                print(f"回访率 {rate(figures['visit_rate'])}（{figures['visited']}/{figures['closed']}），"
                      f"满意率 {rate(figures['satisfaction_rate'])}（{figures['satisfied']}/{figures['rated']}），"
                      f"退回重办 {figures['reopened']} 件，升级督办 {figures['escalated']} 件")
            return 0
        views = loop_store.views(store.list_requests(street=street, limit=max(1, min(args.limit, 5000))))
        if args.json:
            _dump([_view_json(v) for v in views])
        else:
            for v in views:
                print(f"{v.light.value}\t{v.row['service_request_id']}\t{v.row['tracking_code'] or '-'}\t"
                      f"{v.row['service_name']}\t{v.row['department']}\t{protocol.status_label(v.row['status'])}\t"
                      f"{clock.local_text(v.due)}")
        return 0
    row = store.get_request(args.id.strip().upper())
    if row is None:
        raise LoopRefused(f"没有编号为 {args.id} 的诉求")
    if args.action == "show":
        view = loop_store.views([row])[0]
        data = {**_view_json(view), "updates": store.updates_of(row["id"]),
                "ratings": loop_store.ratings_of(row["id"]), "visits": loop_store.visits_of(row["id"])}
        if args.json:
            _dump(data)
        else:
            for key, value in data.items():
                print(f"{key}: {value}")
        return 0
    if args.action == "visit" and args.at:
        try:
            datetime.fromisoformat(args.at)
        except ValueError:
            raise LoopRefused("--at 应为 ISO 8601 时间，如 2026-11-28T10:00:00+08:00") from None
    if args.action == "dispatch":
        departments = {c.department for c in platform.form_of(store.street(row["street"])["code"]).taxonomy.categories}
        if args.department not in departments:
            raise LoopRefused(f"承办部门 {args.department!r} 不在本街道的名单中：{'、'.join(sorted(departments))}")
    state, _ = loop_store.act(
        row["id"], args.action, author="staff",
        department=getattr(args, "department", ""),
        note=getattr(args, "note", "") or getattr(args, "result", ""),
        caller=getattr(args, "caller", ""), reached=not getattr(args, "not_reached", False),
        rating=getattr(args, "rating", ""), words=getattr(args, "words", ""),
        called_at=getattr(args, "at", ""), source="visit" if args.action == "visit" else "",
    )
    print(f"{row['service_request_id']}\t{protocol.status_label(state.status)}")
    return 0
