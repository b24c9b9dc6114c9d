"""The privacy side of ``xinan-desk`` (registered by cli/main.py): the passphrase, the team
leader's PIN, and the commands notice, export, audit, purge, pin, passphrase and privacy.

    XINAN_DESK_PASSPHRASE=... xinan-desk case list            # or typed at the prompt
    xinan-desk --pin 2468 case void K7Q-00A3-7 --reason 重复登记
    XINAN_DESK_PIN=2468 xinan-desk export --out /media/usb/cases.csv
    xinan-desk audit --verify
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from cli.errors import EXIT_ERROR, EXIT_OK, BadInput
from reception import leader_actions
from reception.privacy import audit, retention
from reception.privacy import settings as privacy_settings
from reception.privacy.export import FORMATS, export_cases
from reception.privacy.notice import notice_text
from reception.privacy.roles import LeaderRequired
from reception.privacy.vault_files import is_fresh

PASSPHRASE_ENV = "XINAN_DESK_PASSPHRASE"
PIN_ENV = "XINAN_DESK_PIN"
NEW_PIN_ENV = "XINAN_DESK_NEW_PIN"
NEW_PASSPHRASE_ENV = "XINAN_DESK_NEW_PASSPHRASE"


def _bad_input(message: str) -> Exception:
    return BadInput(message)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask_twice(prompt: str, again: str) -> str:
    first = getpass.getpass(prompt)
    if getpass.getpass(again) != first:
        raise _bad_input("两次输入不一致，没有设置")
    return first


def passphrase_for(data_dir: Path) -> str:
    """From the environment, else asked on the terminal (twice when it is being set)."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not _interactive():
        raise _bad_input(
            f"需要街道口令才能打开接访台的数据：请设置环境变量 {PASSPHRASE_ENV}，或在终端里运行以便输入口令"
        )
    if is_fresh(data_dir):
        print("这是新的数据目录：请为它设置街道口令（至少 8 个字符，队长们共同保管）。", file=sys.stderr)
        return _ask_twice("设置街道口令：", "再输入一次：")
    return getpass.getpass("街道口令：")


def leader_action(args: argparse.Namespace) -> str | None:
    """The team leader's action this command performs, or None when a volunteer may run it."""
    command, action = args.command, getattr(args, "action", None)
    if (command, action) == ("case", "void"):
        return "void"
    if (command, action) == ("sync", "check"):
        return None  # only asks the server what it supports
    if command in ("sync", "export", "audit", "purge", "passphrase"):
        return command
    if command in ("settings", "privacy") and getattr(args, "changes", None):
        return "settings"
    if command == "device" and getattr(args, "set_prefix", None):
        return "device"
    return None


def authorise(services, args: argparse.Namespace) -> None:
    """Become the team leader with the PIN when the command needs it (WrongPin, LeaderRequired)."""
    action = leader_action(args)
    if action is None:
        return
    pin = args.pin or os.environ.get(PIN_ENV)
    if not pin and _interactive():
        pin = getpass.getpass("队长 PIN：")
    if not pin:
        try:
            services.access.require_leader(action)
        except LeaderRequired as refusal:
            raise LeaderRequired(f"{refusal}（命令行用 --pin 或环境变量 {PIN_ENV}）") from None
    services.access.become_leader(pin)
    for name in services.access.tampered:
        print(f"警告：队长设置「{name}」在没有队长 PIN 的情况下被改过（已记入操作日志）：请核对", file=sys.stderr)
    if services.access.short_pin():
        print("警告：队长 PIN 不足 6 位：请用 xinan-desk pin 换一个 6–12 位的", file=sys.stderr)


def add_commands(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("notice", help="显示个人信息告知书（向居民出示或念给居民听）")
    export = sub.add_parser("export", help="导出全部诉求（CSV 或 JSON，含个人信息；队长，记入日志）")
    export.add_argument("--out", required=True, type=Path, help="输出文件，如 /media/usb/诉求.csv（不能在数据目录里）")
    export.add_argument("--format", choices=FORMATS, default=None, help="默认按文件后缀")
    aud = sub.add_parser("audit", help="操作日志（队长）")
    aud.add_argument("--verify", action="store_true", help="核对哈希链：有条目被改或被删时退出码为 1")
    aud.add_argument("--limit", type=int, default=None, help="只显示最近 N 条")
    aud.add_argument("--json", action="store_true")
    purge = sub.add_parser("purge", help="清除平台办结已超过保存期限的诉求中的个人信息（队长）")
    purge.add_argument("--dry-run", action="store_true", help="只列出，不清除")
    sub.add_parser("pin", help=f"设置或更换队长 PIN（新 PIN 从 {NEW_PIN_ENV} 读取或在终端输入；更换时需原 PIN）")
    sub.add_parser("passphrase", help=f"更换街道口令（队长；新口令从 {NEW_PASSPHRASE_ENV} 读取或在终端输入）")
    priv = sub.add_parser("privacy", help="查看或修改闲置锁屏时间和个人信息保存期限")
    priv.add_argument("--set", dest="changes", action="append", default=[], metavar="名称=值",
                      help=f"可设置：{'、'.join(privacy_settings.LABELS)}")


def notice(services, args) -> int:
    from reception import street_settings

    db = services.desk.db
    street = street_settings.load(db, services.loaded_form.form.street)
    print(notice_text(services.loaded_form.form, privacy_settings.load(db).retention_days, street.hotline))
    return EXIT_OK


def export(services, args) -> int:
    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise _bad_input(f"导出格式只能是 {'、'.join(FORMATS)}：请用 --format 指明，或让文件以 .csv / .json 结尾")
    count = export_cases(services.desk, services.access, args.out, fmt, services.data_dir)
    print(f"已导出 {count} 条诉求到 {args.out}：文件含居民个人信息，请妥善保管，用完删除", file=sys.stderr)
    print(args.out)
    return EXIT_OK


def audit_log(services, args) -> int:
    db = services.desk.db
    entries = leader_actions.audit_entries(services.access, args.limit)
    if args.json:
        json.dump(entries, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not args.verify:
        for entry in entries:
            print(f"{entry['id']:>5}  {audit.describe(entry)}")
    if args.verify:
        verdict = audit_verdict(services)
        for problem in verdict.problems:
            print(f"被篡改：{problem}", file=sys.stderr)
        for line in audit.verdict_lines(verdict, db):
            print(line)
        if verdict.problems:
            return EXIT_ERROR
    return EXIT_OK


def audit_verdict(services) -> audit.Verdict:
    """The chain checked with the leader's key (the audit command runs in leader mode)."""
    return services.access.check_log()


def purge(services, args) -> int:
    desk = services.desk
    days = privacy_settings.load(desk.db).retention_days
    if args.dry_run:
        for code in retention.due(desk, days):
            print(code)
        return EXIT_OK
    report = leader_actions.purge(services.access, days)
    for code in report.purged:
        print(code)
    print(f"已清除 {len(report.purged)} 条诉求中的个人信息（平台办结超过 {days} 天）", file=sys.stderr)
    return EXIT_OK


def pin(services, args) -> int:
    new = os.environ.get(NEW_PIN_ENV)
    if not new:
        if not _interactive():
            raise _bad_input(f"新的队长 PIN：请设置环境变量 {NEW_PIN_ENV}，或在终端里运行以便输入")
        new = _ask_twice("新的队长 PIN（6–12 位数字）：", "再输入一次：")
    current = args.pin or os.environ.get(PIN_ENV)
    services.access.set_pin(new, current)
    print("队长 PIN 已设置", file=sys.stderr)
    return EXIT_OK


def passphrase(services, args) -> int:
    new = os.environ.get(NEW_PASSPHRASE_ENV)
    if not new:
        if not _interactive():
            raise _bad_input(f"新的街道口令：请设置环境变量 {NEW_PASSPHRASE_ENV}，或在终端里运行以便输入")
        new = _ask_twice("新的街道口令：", "再输入一次：")
    form = services.loaded_form.form
    leader_actions.change_passphrase(services.access, services.data_dir, args.unlocked_with, new,
                                     own_words=(form.street, *form.communities))
    print("街道口令已更换：请告知其他队长；数据没有重新加密，旧口令已不能打开", file=sys.stderr)
    return EXIT_OK


def privacy(services, args) -> int:
    db = services.desk.db
    if args.changes:
        changes = {}
        for text in args.changes:
            name, sep, value = text.partition("=")
            if not sep:
                raise _bad_input(f"--set 的写法应为 名称=值，如 idle_lock_minutes=5（收到：{text}）")
            changes[name.strip()] = value
        leader_actions.save_privacy_settings(services.access, changes)
    current = privacy_settings.load(db)
    for name, label in privacy_settings.LABELS.items():
        print(f"{name} = {getattr(current, name)}    # {label}")
    return EXIT_OK


HANDLERS = {
    ("notice", None): notice,
    ("export", None): export,
    ("audit", None): audit_log,
    ("purge", None): purge,
    ("pin", None): pin,
    ("passphrase", None): passphrase,
    ("privacy", None): privacy,
}
