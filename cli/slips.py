"""The ``slip`` and ``settings`` commands of ``xinan-desk`` (registered by cli/main.py).

    xinan-desk --data-dir DIR slip K7Q-00A3-7 --paper 80mm --out slip.pdf
    xinan-desk --data-dir DIR slip K7Q-00A3-7 --paper 80mm --print [--printer NAME]
    xinan-desk settings                       # show the street settings
    xinan-desk settings --set hotline=0755-27891234 --set printer=xinan-test
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from cli.errors import EXIT_ERROR, EXIT_OK, BadInput
from reception import leader_actions, street_settings
from reception.errors import ValidationFailed
from reception.slips.layout import PAPERS, UnknownPaper
from reception.slips.printing import SlipPrinter
from reception.slips.service import SAVED, SlipService

# Makes the printer for a data directory: the desk's print path through Qt, provided by the
# entry point (desktop/launcher.py), since this package imports no Qt.
PrintPath = Callable[[Path], SlipPrinter]


def add_commands(sub: argparse._SubParsersAction) -> None:
    slip = sub.add_parser("slip", help="打印一条诉求的查询凭条（或A4回执），或保存为 PDF")
    slip.add_argument("code", help="查询码，如 K7Q-00A3-7")
    # No argparse choices: a wrong paper gets our own message (and exit status 2) below.
    slip.add_argument("--paper", default=None, metavar="|".join(PAPERS),
                      help="纸张：80mm、58mm 热敏卷纸或 a4 回执（默认按街道设置）")
    where = slip.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="输出的 PDF 文件路径")
    where.add_argument("--print", dest="to_printer", action="store_true",
                       help="打印到打印机（与接访台的 Ctrl+P 相同）；打印失败时凭条存为 PDF")
    slip.add_argument("--printer", default=None, metavar="名称",
                      help="与 --print 一起用：打印机名称（默认按街道设置）")

    sub.add_parser("printers", help="列出本机系统里的打印机（--printer 用的名称）和能否打印")

    settings = sub.add_parser("settings", help="查看或修改街道设置（热线、查询网址、纸张、打印机…）")
    settings.add_argument("--set", dest="changes", action="append", default=[], metavar="名称=值",
                          help=f"修改一项，可多次使用；名称：{'、'.join(street_settings.LABELS)}")


def _bad_input(message: str) -> Exception:
    return BadInput(message)


def slip(services, args) -> int:
    desk = services.desk
    case = desk.find_case(args.code)  # unknown or mistyped code: exit 2 with the reason
    service = SlipService(desk)
    if args.printer is not None and not args.to_printer:
        raise _bad_input("--printer 只能和 --print 一起用")
    if args.to_printer:
        return _print(services, args, case.id)
    try:
        prepared = service.prepare(case.id, args.paper)
    except UnknownPaper as error:
        raise _bad_input(str(error)) from None
    if args.out.suffix.lower() != ".pdf":
        raise _bad_input(f"输出文件应以 .pdf 结尾：{args.out}")
    path = service.save_pdf(prepared, args.out)
    service.log(prepared, SAVED, "", path.name)
    reprint = f"，补打 {prepared.copy_number - 1}" if prepared.copy_number > 1 else ""
    print(f"已保存 {case.tracking_code} 的{PAPERS[prepared.paper].label}{reprint}：{path}", file=sys.stderr)
    print(path)
    return EXIT_OK


def _print(services, args, case_id: str) -> int:
    """``--print``: through the desk's own print path, with the desk's messages."""
    if args.print_path is None:
        raise _bad_input("这个命令行没有打印组件（PySide6）：请用 xinan-desk 打印，或用 --out 保存 PDF")
    desk = services.desk
    printer = args.printer if args.printer is not None else SlipService(desk).settings().printer
    if not printer:
        raise _bad_input("没有指定打印机：请加 --printer 名称，或先设置 xinan-desk settings --set printer=名称")
    try:
        outcome = args.print_path(services.data_dir).print_case(desk, case_id, args.paper, printer)
    except UnknownPaper as error:
        raise _bad_input(str(error)) from None
    print(outcome.message, file=sys.stderr)
    if not outcome.printed:
        print(outcome.saved_pdf)
        return EXIT_ERROR
    print(outcome.job_id or outcome.tracking_code)
    return EXIT_OK


def settings(services, args) -> int:
    db = services.desk.db
    if args.changes:
        changes: dict[str, str] = {}
        for text in args.changes:
            name, sep, value = text.partition("=")
            if not sep:
                raise _bad_input(f"--set 的写法应为 名称=值，如 hotline=0755-27891234（收到：{text}）")
            changes[name.strip()] = value
        try:
            leader_actions.save_street_settings(services.access, changes)
        except ValidationFailed as failure:
            raise _bad_input("设置有误，没有保存任何一项：" + "；".join(str(e) for e in failure.errors)) from None
    current = street_settings.load(db, services.loaded_form.form.street)
    for name, label in street_settings.LABELS.items():
        value = getattr(current, name)
        if isinstance(value, bool):
            shown = "是" if value else "否"
        elif value == "":
            shown = _unset_words(name)
        else:
            shown = str(value)
        print(f"{name} = {shown}    # {label}")
    return EXIT_OK


def _unset_words(name: str) -> str:
    if name == "hotline":
        return "（未设置：凭条上不印热线。队长请设置，如 xinan-desk settings --set hotline=0755-xxxxxxxx）"
    if name == "base_url":
        return ("（未设置：凭条只印查询码和热线，不印二维码，并说明网上查询暂未开通。登记到街道平台时平台会告诉；"
                "其他平台请队长设置，如 xinan-desk settings --set base_url=https://平台地址/t/）")
    if name == "printer":
        return "（未设置：按 Ctrl+P 会先打开打印预览选择打印机）"
    return "（空）"


def printers(loaded, args) -> int:
    """``printers``: the system's printers as the desk sees them; needs no passphrase."""
    if args.print_path is None:
        raise _bad_input("这个命令行没有打印组件（PySide6）：请用 xinan-desk 运行")
    found = args.print_path(args.data_dir or Path(".")).printers()
    if not found:
        print("本机没有打印机：请先按打印机说明书安装驱动并添加打印机（见 docs/printing.md）", file=sys.stderr)
        return EXIT_ERROR
    for p in found:
        state = "可以打印" if p.ready else f"不可用：{p.reason or '已停止'}"
        print(f"{p.name}\t{state}{'（系统默认）' if p.is_default else ''}")
    return EXIT_OK


HANDLERS = {("slip", None): slip, ("settings", None): settings}
# Commands that read no database (cli/main.py runs them without the passphrase).
NO_DATABASE_HANDLERS = {("printers", None): printers}
