"""``xinan-desk COMMAND``: the headless commands, for administration and scripts (no Qt).

Exit status: 0 done, 2 bad input (the message names the field), 1 anything else the desk knows
how to explain (disk full, database locked, ...). Messages go to stderr; stdout carries only the
result, so ``code=$(xinan-desk case add --json case.json)`` works.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from cli import loop as loop_cli
from cli import privacy as privacy_cli
from cli import reports as report_cli
from cli import topics as topics_cli
from cli import slips as slip_cli
from cli import sync as sync_cli
from cli.errors import EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, BadInput
from composition.logs import log_bug, log_path, setup_logging
from reception import case_fields, clock, leader_actions, tracking_codes
from reception.cases import Case
from reception.desk import example_case
from reception.errors import DeskError, UnknownCase, ValidationFailed
from reception.paths import default_data_dir
from reception.privacy.keyfile import PassphraseError
from reception.privacy.roles import LeaderRequired, WrongPin
from reception.sessions import TEAM_ROLES, Session, TeamMember

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xinan-desk",
        description="心安接访台：在夜话摊位离线登记居民诉求。不带命令时打开接访台窗口。",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="数据目录（默认按系统惯例）")
    parser.add_argument(
        "--pin", default=None,
        help=f"队长 PIN（也可用环境变量 {privacy_cli.PIN_ENV}）：同步、作废、导出、修改设置、查看操作日志需要。"
             f"街道口令从环境变量 {privacy_cli.PASSPHRASE_ENV} 读取，或在终端里输入",
    )
    sub = parser.add_subparsers(dest="command")

    case = sub.add_parser("case", help="诉求：模板、登记、列表、查看、作废").add_subparsers(dest="action", required=True)
    case.add_parser("template", help="打印一条有效的示例诉求（JSON）")
    add = case.add_parser("add", help="登记一条诉求；标准输出只打印查询码")
    add.add_argument("--json", dest="json_file", required=True, help="JSON 文件路径，或 - 表示标准输入")
    add.add_argument("--follows", metavar="查询码", default=None, help="同一件事的前次诉求的查询码：新诉求接续它，凭条上注明")
    lst = case.add_parser("list", help="列出诉求")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.add_argument("--session", choices=["current", "all"], default="all")
    lst.add_argument("--limit", type=int, default=1000)
    show = case.add_parser("show", help="按查询码查看一条诉求")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    amend = case.add_parser("amend", help="补充更正已同步（或正在同步）的诉求：作为更正说明发送到平台")
    amend.add_argument("code")
    amend.add_argument("--note", required=True, help="更正了什么，如“地点是C出口东侧”")
    amend.add_argument("--receptionist", default="", help="更正人（接待人姓名或工号）")
    void = case.add_parser("void", help="作废一条诉求（不会删除）")
    void.add_argument("code")
    void.add_argument("--reason", required=True)
    loop_cli.add_case_commands(case)

    session = sub.add_parser("session", help="夜话场次：开始、计数、查看、结束").add_subparsers(dest="action", required=True)
    open_ = session.add_parser("open", help="开始今晚的夜话")
    open_.add_argument("--venue", required=True, help="地点，如 新安广场")
    open_.add_argument("--community", required=True)
    open_.add_argument("--date", default=None, help="日期 YYYY-MM-DD（默认今天）")
    open_.add_argument(
        "--member", action="append", default=[], metavar="姓名:角色",
        help=f"接访团成员，可多次使用；角色：{'、'.join(TEAM_ROLES)}",
    )
    count = session.add_parser("count", help="计数：接待人次或走访家数")
    count.add_argument("what", choices=["visitor", "household"])
    count.add_argument("--add", type=int, default=1)
    sshow = session.add_parser("show", help="查看当前（或最近一场）夜话")
    sshow.add_argument("--json", action="store_true")
    session.add_parser("close", help="结束今晚的夜话，冻结统计数")

    device = sub.add_parser("device", help="本机：查看或设置街道分配的编号")
    device.add_argument("--set-prefix", metavar="XXX", help="设置本机编号（3位）")

    sub.add_parser("forms", help="检查登记表和分类目录文件")

    sync_cli.add_commands(sub)
    slip_cli.add_commands(sub)
    report_cli.add_commands(sub)
    topics_cli.add_commands(sub)
    privacy_cli.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None, print_path: slip_cli.PrintPath | None = None) -> int:
    from reception.privacy import file_modes

    file_modes.restrict_process()  # everything this command creates is the user's alone
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("错误：请给出一个命令（见 --help）；打开接访台窗口请运行 xinan-desk，不带命令", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_command(args, print_path)


def run_command(args: argparse.Namespace, print_path: slip_cli.PrintPath | None = None) -> int:
    """Run the parsed command; the exit status says how it went (module docstring).

    ``print_path`` makes the printer ``slip --print`` uses: Qt's print support, which this
    Qt-free package cannot import; the ``xinan-desk`` entry point (desktop/launcher.py) gives it.
    """
    data_dir = args.data_dir or default_data_dir()
    args.print_path = print_path
    try:
        form_only = _FORM_ONLY_HANDLERS.get((args.command, getattr(args, "action", None)))
        if form_only is not None:
            # Reads the form definition only: no database, so no passphrase to ask for.
            from forms import load_form

            loaded = load_form(data_dir)
            _warn_about(loaded)
            return form_only(loaded, args)
        from composition.services import open_services

        args.unlocked_with = privacy_cli.passphrase_for(data_dir)
        services = open_services(data_dir, args.unlocked_with)
        _warn_about(services.loaded_form)
        if services.cannot_write:
            print(f"警告：{services.cannot_write}（现在只能查看，不能登记或修改）", file=sys.stderr)
        handler = _HANDLERS[(args.command, getattr(args, "action", None))]
        try:
            privacy_cli.authorise(services, args)
            return handler(services, args)
        finally:
            # One command, one action: leader mode ends with it (sealing the log and settings).
            services.access.action_done()
            services.close()
    except (ValidationFailed, tracking_codes.TrackingCodeError, BadInput, UnknownCase,
            PassphraseError, WrongPin, LeaderRequired) as error:
        _print_problem(error)
        return EXIT_BAD_INPUT
    except DeskError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # Whatever read the output went away (`xinan-desk case list | head`): nobody is left to
        # tell, and Python's own last flush must not print a traceback either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as error:  # a bug: its traceback to the log file, a plain sentence to the person
        setup_logging(data_dir)
        log_bug(log, f"command {args.command!r}", error)
        print(f"错误：出现意外错误，命令没有完成（已记入日志 {log_path(data_dir)}）。已登记的诉求不受影响；"
              "请重试，如果反复出现，请把日志文件交给技术支持。", file=sys.stderr)
        return EXIT_ERROR


def _warn_about(loaded) -> None:
    for problem in loaded.problems:
        print(f"警告：定义文件有误，已改用上一个可用版本：{problem}", file=sys.stderr)


def _print_problem(error: Exception) -> None:
    if isinstance(error, ValidationFailed):
        print("错误：登记内容有误，未保存任何内容：", file=sys.stderr)
        for e in error.errors:
            print(f"  {e.field}: {e}", file=sys.stderr)
    else:
        print(f"错误：{error}", file=sys.stderr)


def _read_json(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"找不到文件：{source}") from None
    except UnicodeDecodeError:
        raise BadInput("文件不是 UTF-8 编码") from None
    except OSError as error:
        raise BadInput(f"无法读取文件：{error.strerror}") from None
    # Windows Notepad saves UTF-8 with a byte-order mark; it is not part of the JSON.
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"JSON 格式错误：第 {error.lineno} 行第 {error.colno} 列：{error.msg}") from None
    except RecursionError:
        raise BadInput("JSON 格式错误：嵌套层数太多") from None
    except ValueError:
        # Python refuses to convert an integer of more than 4,300 digits (a guard against slow
        # conversions); no field of a case is a number that long.
        raise BadInput("JSON 格式错误：其中有一个数字太长（超过 4300 位），登记表里没有这样的数字") from None


def case_json(case: Case, warn_fraction: float) -> dict[str, Any]:
    light = case.light(clock.now(), warn_fraction)
    # The case's own fields come from the one description (reception/case_fields.py).
    return {
        **case_fields.case_values(case),
        "photos": [{"sha256": p.sha256, "width": p.width, "height": p.height, "size": p.size} for p in case.photos],
        "light": light.value,
    }


def session_json(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "date": session.date,
        "venue": session.venue,
        "community": session.community,
        "team": [m.__dict__ for m in session.team],
        "opened_at": clock.to_text(session.opened_at),
        "closed_at": clock.to_text(session.closed_at) if session.closed_at else None,
        "counts": session.counts.as_dict(),
    }


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _case_template(loaded, args) -> int:
    _dump(example_case(loaded.form))
    return EXIT_OK


def _case_add(services, args) -> int:
    raw = _read_json(args.json_file)
    if isinstance(raw, dict) and isinstance(raw.get("photos"), list) and args.json_file != "-":
        # Photo paths in a file are relative to that file, as a person writing it would expect.
        base = Path(args.json_file).resolve().parent
        raw["photos"] = [str(base / p) if isinstance(p, str) else p for p in raw["photos"]]
    follows = services.desk.find_case(args.follows).id if args.follows else None
    case = services.desk.record_case(raw, follows=follows)
    print(case.tracking_code)
    return EXIT_OK


def _case_list(services, args) -> int:
    desk = services.desk
    if args.session == "current":
        session = desk.current_session()
        cases = desk.session_cases(session.id) if session else []
    else:
        cases = desk.recent_cases(args.limit)
    warn = services.loaded_form.form.deadlines.warn_fraction
    if args.json:
        from sync.unconfirmed import sync_state

        _dump([{**case_json(c, warn), "amendments": desk.amendments(c.id), **loop_cli.loop_json(desk, c.id),
                "sync_state": sync_state(desk, c.id)}
               for c in cases])
    else:
        for c in cases:
            state = "已作废" if c.is_voided else c.light(clock.now(), warn).value
            print(f"{c.tracking_code}  {clock.local_text(c.created_at)}  {c.category_name}  {c.outcome.value}  {state}")
    return EXIT_OK


def _case_show(services, args) -> int:
    case = services.desk.find_case(args.code)
    from sync.unconfirmed import sync_state

    data = {**case_json(case, services.loaded_form.form.deadlines.warn_fraction),
            "amendments": services.desk.amendments(case.id), **loop_cli.loop_json(services.desk, case.id),
            "sync_state": sync_state(services.desk, case.id)}
    if args.json:
        _dump(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return EXIT_OK


def _case_amend(services, args) -> int:
    case = services.desk.find_case(args.code)
    services.desk.amend_case(case.id, args.note, args.receptionist)
    print(case.tracking_code)
    return EXIT_OK


def _case_void(services, args) -> int:
    case = services.desk.find_case(args.code)
    leader_actions.void_case(services.access, case.id, args.reason)
    print(case.tracking_code)
    return EXIT_OK


def _session_open(services, args) -> int:
    members = []
    for text in args.member:
        name, _, role = text.partition(":")
        role = role or "志愿者"
        if role not in TEAM_ROLES:
            raise BadInput(f"接访团成员的角色 {role!r} 不对：只能是 {'、'.join(TEAM_ROLES)}")
        members.append(TeamMember(name.strip(), role))
    session = services.desk.open_session(
        date=args.date or date.today().isoformat(), venue=args.venue, community=args.community, team=members
    )
    print(session.id)
    return EXIT_OK


def _session_count(services, args) -> int:
    desk = services.desk
    session = desk.count_visitor(args.add) if args.what == "visitor" else desk.count_household_visit(args.add)
    print(session.counts.visitors if args.what == "visitor" else session.counts.household_visits)
    return EXIT_OK


def _session_show(services, args) -> int:
    desk = services.desk
    session = desk.current_session() or next(iter(desk.recent_sessions(1)), None)
    if session is None:
        raise BadInput("还没有任何夜话场次")
    if args.json:
        _dump(session_json(session))
    else:
        c = session.counts
        state = "进行中" if session.is_open else f"已结束 {clock.local_text(session.closed_at)}"
        print(f"{session.date} {session.venue}（{session.community}）{state}")
        print(f"接待 {c.visitors} 人次，走访 {c.household_visits} 家，收集诉求 {c.petitions} 条"
              f"（当场解决 {c.solved_on_spot}，转平台 {c.forwarded}，解释说明 {c.explained}，作废 {c.voided}）")
    return EXIT_OK


def _session_close(services, args) -> int:
    session = services.desk.close_session()
    _dump(session_json(session))
    return EXIT_OK


def _device(services, args) -> int:
    desk = services.desk
    if args.set_prefix:
        leader_actions.set_device_prefix(services.access, args.set_prefix)
    note = "（临时编号，请向街道登记）" if desk.prefix_is_provisional else ""
    print(f"{desk.device_prefix}{note}")
    return EXIT_OK


def _forms(loaded, args) -> int:
    for name, path in loaded.sources.items():
        print(f"{name}: {path}")
    if loaded.problems:
        for problem in loaded.problems:
            print(f"有误：{problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    form = loaded.form
    print(f"{len(form.fields)} 个字段，{len(form.taxonomy.categories)} 个大类，"
          f"{len(form.taxonomy.items())} 个小类，{len(form.communities)} 个社区")
    return EXIT_OK


_HANDLERS = {
    ("case", "add"): _case_add,
    ("case", "list"): _case_list,
    ("case", "show"): _case_show,
    ("case", "amend"): _case_amend,
    ("case", "void"): _case_void,
    ("session", "open"): _session_open,
    ("session", "count"): _session_count,
    ("session", "show"): _session_show,
    ("session", "close"): _session_close,
    ("device", None): _device,
    **sync_cli.HANDLERS,
    **slip_cli.HANDLERS,
    **report_cli.HANDLERS,
    **topics_cli.HANDLERS,
    **privacy_cli.HANDLERS,
    **loop_cli.HANDLERS,
}

# Commands that need only the form definition (no database, no passphrase).
_FORM_ONLY_HANDLERS = {
    ("case", "template"): _case_template,
    ("forms", None): _forms,
    **slip_cli.NO_DATABASE_HANDLERS,
}
