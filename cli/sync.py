"""``xinan-desk sync …``: the end-of-night sync and setting this laptop up for a street's server.

    sync [--server URL] [--enrol CODE | --api-key KEY] [--profile K=V,…] [--accept-public]
    sync check --server URL            what the server supports and what the desk does without it
    sync confirm CODE --not-there      a 待核实 case is not on the server: send it again
    sync confirm CODE --request-id ID  it is there under that number
    sync resend-void CODE              a void the platform refused, seen to by its staff: send it again
    sync export --out FILE             no network: what is waiting, as a USB bundle for the platform
    sync import-receipt FILE           the platform's receipt for it: those cases are synced
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.errors import EXIT_ERROR, EXIT_OK, BadInput

OUTCOME_WORDS = {"synced": "已同步", "set_aside": "搁置", "waiting": "等待", "unconfirmed": "待核实"}


def _server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", default=None,
                        help="平台的 API 地址，照平台给的原样填写，如 https://xinan.example.gov.cn/ 或 "
                             "https://平台/api/georeport/v2/（记住，下次可省略）")
    parser.add_argument("--ca-bundle", default=None, help="街道自有证书机构的证书文件（证书始终校验）")
    parser.add_argument("--profile", default=None, metavar="设置=值,…",
                        help="改写自动识别的平台特性，如 media=false,address_field=address,location_required=true")


def add_commands(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="同步：把诉求送到街道信箱平台，取回办理进度")
    _server_options(sync)
    credential = sync.add_mutually_exclusive_group()
    credential.add_argument("--enrol", metavar="登记码", default=None, help="用街道给的一次性登记码登记这台笔记本")
    credential.add_argument("--api-key", metavar="KEY", default=None,
                            help="其他 Open311 平台：平台管理员给的 api_key（和令牌一样保管）")
    sync.add_argument("--accept-public", action="store_true",
                      help="确认已知道该平台会公开诉求描述，仍然同步（首次同步时需要）")
    sync.add_argument("--status", action="store_true", help="只查看还在等待、待核实和被搁置的诉求，不联网")
    actions = sync.add_subparsers(dest="action", required=False, metavar="{check,confirm,resend-void,export,import-receipt}")
    check = actions.add_parser("check", help="检查平台支持什么、缺少的部分本机怎么处理（不需要 PIN）")
    _server_options(check)
    confirm = actions.add_parser("confirm", help="组长核实一条待核实的诉求")
    confirm.add_argument("code", help="查询码，如 K7Q-00A3-X")
    answer = confirm.add_mutually_exclusive_group(required=True)
    answer.add_argument("--not-there", action="store_true", help="平台上确实没有：下次同步重新发送")
    answer.add_argument("--request-id", metavar="编号", help="平台上有：填写平台显示的诉求编号")
    resend = actions.add_parser("resend-void", help="重新发送平台拒绝过的作废（平台工作人员处理好这条诉求之后）")
    resend.add_argument("code", help="查询码，如 K7Q-00A3-X")
    export = actions.add_parser("export", help="没有网络时：把待同步的诉求导出为加密数据包，用U盘带到平台导入")
    export.add_argument("--out", required=True, type=Path, help="数据包文件，如 /media/usb/新安一号.xinan-bundle")
    receipt = actions.add_parser("import-receipt", help="导入平台导入数据包后生成的回执：把其中的诉求标为已同步")
    receipt.add_argument("file", type=Path, help="平台回执（.xinan-receipt）")


def _check(services, args) -> int:
    from sync.client import SyncError
    from sync.setup import check_server

    if not args.server:
        raise BadInput("请用 --server 指明平台的 API 地址")
    try:
        result = check_server(args.server, ca_bundle=args.ca_bundle, profile_overrides=args.profile)
    except SyncError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_ERROR
    for line in result.lines():
        print(line)
    return EXIT_OK


def _confirm(services, args) -> int:
    from sync import unconfirmed

    if args.not_there:
        code = unconfirmed.send_again(services.desk, args.code)
        print(f"{code} 将在下次同步时重新发送", file=sys.stderr)
    else:
        code = unconfirmed.it_is_there(services.desk, args.code, args.request_id)
        print(f"{code} 记为平台编号 {args.request_id.strip()}；下次同步时核对并标为已同步", file=sys.stderr)
    return EXIT_OK


def _resend_void(services, args) -> int:
    from sync import held_voids

    code = held_voids.send_again(services.desk, args.code)
    print(f"{code} 的作废将在下次同步时重新发送", file=sys.stderr)
    return EXIT_OK


def _status(desk) -> int:
    from sync.service import overview
    from sync.unconfirmed import pending

    state = overview(desk)
    unconfirmed = pending(desk)
    for row in state["set_aside"]:
        print(f"搁置  {row['tracking_code']}  {row['set_aside_reason']}")
    for row in unconfirmed:
        print(f"待核实  {row['tracking_code']}  请在平台上按查询码搜索，再运行 sync confirm")
    for row in state["waiting"]:
        if not row["unconfirmed_at"]:
            print(f"等待  {row['tracking_code']}  {row['last_error'] or '尚未同步'}")
    waiting = [r for r in state["waiting"] if not r["unconfirmed_at"]]
    print(f"仍在等待 {len(waiting)} 条，搁置 {len(state['set_aside'])} 条，待核实 {len(unconfirmed)} 条")
    return EXIT_OK


def _setup(services, args) -> int | None:
    """--enrol / --api-key: check the server, warn about public descriptions, keep the credential.
    Returns an exit status when the command ends here (enrolment only), None to go on syncing."""
    from sync import credentials
    from sync.setup import PUBLIC_WARNING, PublicDescriptions, connect

    if not args.server:
        raise BadInput("登记时必须用 --server 指明平台地址")
    options = dict(enrolment_code=args.enrol, api_key=args.api_key, ca_bundle=args.ca_bundle,
                   profile_overrides=args.profile)
    try:
        done = connect(services.desk, args.server, accept_public=args.accept_public, **options)
    except PublicDescriptions as warning:
        print(f"注意：{warning}", file=sys.stderr)
        if not sys.stdin.isatty():
            print("如确认，请加上 --accept-public 再运行一次", file=sys.stderr)
            return EXIT_ERROR
        if input("仍然同步到这个平台吗？输入 是 确认：").strip() not in ("是", "y", "yes"):
            return EXIT_ERROR
        done = connect(services.desk, args.server, accept_public=True, **options)
    if done.check.public_descriptions:
        print(f"注意：{PUBLIC_WARNING}（组长已确认）", file=sys.stderr)
    if done.enrolled is None:
        print(f"已保存 api_key；{credentials.describe(done.kept)}", file=sys.stderr)
        _tell_if_slips_have_no_qr(services.desk)
        return None
    print(f"已登记，本机编号 {done.enrolled.prefix}；{credentials.describe(done.kept)}", file=sys.stderr)
    if done.enrolled.tracking_url:
        print(f"小票二维码指向平台的查询页：{done.enrolled.tracking_url}", file=sys.stderr)
    else:
        _tell_if_slips_have_no_qr(services.desk)
    print(done.enrolled.prefix)
    return EXIT_OK


def _tell_if_slips_have_no_qr(desk) -> None:
    """A server that does not tell its tracking page leaves the slips without a QR code: say so."""
    from reception import street_settings

    if not street_settings.load(desk.db, desk.form.street).base_url:
        print("这个平台没有告诉居民查询页的地址，凭条暂不印二维码（只印查询码和热线）。"
              "请向街道信息中心要查询页地址，再用 xinan-desk --pin PIN settings --set base_url=https://…/t/ 设置",
              file=sys.stderr)


def _sync(services, args) -> int:
    from sync.client import SyncError

    desk = services.desk
    try:
        if args.status:
            return _status(desk)
        if args.enrol or args.api_key:
            done = _setup(services, args)
            if done is not None:
                return done
        from composition.services import sync_service

        service = sync_service(services, args.server, args.ca_bundle)

        def show(progress) -> None:
            if progress.last is not None:
                words = OUTCOME_WORDS.get(progress.last.outcome, progress.last.outcome)
                why = f"：{progress.last.reason}" if progress.last.reason else ""
                print(f"[{progress.done}/{progress.total}] {progress.last.tracking_code} {words}{why}", file=sys.stderr)

        report = service.run(progress=show)
    except SyncError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"已同步 {len(report.synced)} 条，搁置 {len(report.set_aside)} 条，仍在等待 {len(report.waiting)} 条，"
          f"待核实 {len(report.unconfirmed)} 条；收到办理进度 {report.updates_received} 条")
    _print_left_over(report)
    for note in (report.stopped, report.updates_note, report.clock_warning, report.audit_anchor):
        if note:
            print(f"注意：{note}", file=sys.stderr)
    return EXIT_OK if not report.set_aside and not report.waiting and not report.unconfirmed else EXIT_ERROR


def _print_left_over(report) -> None:
    """Each case that did not end synced, with the reason (an online sync's or a receipt's)."""
    for outcome in ("set_aside", "waiting", "unconfirmed"):
        for result in report.of(outcome):
            print(f"  {OUTCOME_WORDS[outcome]} {result.tracking_code}：{result.reason}")


def _offline(action, services, path):
    """The export or the receipt's import; None (told on stderr) when it cannot be done."""
    from sync.offline import PROBLEMS

    try:
        return action(services, path)
    except PROBLEMS as error:
        print(f"错误：{error}", file=sys.stderr)
        return None


def _export(services, args) -> int:
    from composition.services import export_bundle

    done = _offline(export_bundle, services, args.out)
    if done is None:
        return EXIT_ERROR
    print(f"已导出诉求 {done.cases} 条、照片 {done.photos} 张、更正与评价 {done.amendments} 条，"
          f"共 {done.size_text}（已加密）：请带到街道平台导入，再把平台的回执导回本机", file=sys.stderr)
    for result in done.not_included:
        print(f"  未导出 {result.tracking_code}：{result.reason}", file=sys.stderr)
    print(done.path)
    return EXIT_OK


def _import_receipt(services, args) -> int:
    from composition.services import import_receipt

    done = _offline(import_receipt, services, args.file)
    if done is None:
        return EXIT_ERROR
    report = done.report
    print(f"平台回执（{done.street}）：已同步 {len(report.synced)} 条，搁置 {len(report.set_aside)} 条，"
          f"仍在等待 {len(report.waiting)} 条；此前已标为同步 {done.already} 条")
    _print_left_over(report)
    if report.audit_anchor:
        print(f"注意：{report.audit_anchor}", file=sys.stderr)
    return EXIT_OK if not report.set_aside and not report.waiting else EXIT_ERROR


HANDLERS = {
    ("sync", None): _sync,
    ("sync", "check"): _check,
    ("sync", "confirm"): _confirm,
    ("sync", "resend-void"): _resend_void,
    ("sync", "export"): _export,
    ("sync", "import-receipt"): _import_receipt,
}
