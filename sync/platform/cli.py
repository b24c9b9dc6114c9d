"""``xinan-platform``: run the reference platform, and administer its streets, devices and staff.

    xinan-platform --data-dir DIR [--database postgresql://…] [--workers N] [--port N]
                                                             serve (loopback unless --host)
    xinan-platform --data-dir DIR [--database …] migrate   bring the database up to date (serving does too)
    xinan-platform --data-dir DIR street add --code XA --name 新安街道 [--hotline 0755-…]
    xinan-platform --data-dir DIR street list
    xinan-platform --data-dir DIR device add --name 新安一号 [--prefix K7Q] [--street XA]
    xinan-platform --data-dir DIR device list [--street XA] | device revoke ID
    xinan-platform --data-dir DIR staff add --username NAME [--street XA | --district]
                                                             (password read from stdin)
    xinan-platform --data-dir DIR bulletin --week 2026-W49 | --month 2026-11 --out FILE.pdf|.csv|.xlsx
    xinan-platform --data-dir DIR bundle import FILE [--receipt FILE]
                                                             a laptop's USB bundle, once; writes its receipt
    xinan-platform --data-dir DIR request list|show|accept|dispatch|progress|close|visit|figures …
                                                             (the staff loop: sync/platform/loop_cli.py)

Without --database the rows live in DIR/platform.db (SQLite); photos always live under DIR.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from reception import tracking_codes
from sync.platform import loop_cli

_STREET_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xinan-platform", description="心安夜话 街道信箱平台（参考实现）")
    parser.add_argument("--data-dir", type=Path, required=True, help="平台数据目录（照片；未指定 --database 时也存放数据库）")
    parser.add_argument("--database", default=None,
                        help="PostgreSQL 地址，如 postgresql://xinan@127.0.0.1/xinan（默认：数据目录中的 SQLite 文件）")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8311)
    parser.add_argument("--workers", type=int, default=1, help="工作进程数（多个进程共用一个数据库）")
    parser.add_argument("--tls-cert", type=Path, default=None, help="TLS 证书（生产环境必须）")
    parser.add_argument("--tls-key", type=Path, default=None)
    parser.add_argument("--public-url", default=None,
                        help="居民访问平台的地址，如 https://xinan.example.gov.cn/（登记时告诉笔记本，小票二维码指向其查询页）")
    parser.add_argument(
        "--trusted-proxy", action="append", default=[], metavar="地址",
        help="反向代理的地址（可多次给出）：只有来自这些地址的 X-Forwarded-For 才被采信；不给则一律不信，"
             "限流按连接的真实地址计",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("migrate", help="升级数据库结构（启动服务时也会自动进行）")
    street = sub.add_parser("street", help="街道").add_subparsers(dest="action", required=True)
    street_add = street.add_parser("add", help="添加街道；编号已存在时更新其名称和服务电话")
    street_add.add_argument("--code", required=True, help="街道编号，2–6 位大写字母或数字，如 XA")
    street_add.add_argument("--name", required=True, help="街道名称，如 新安街道")
    street_add.add_argument("--hotline", default=None, help="街道服务电话，显示在查询页上")
    street.add_parser("list")
    device = sub.add_parser("device", help="笔记本登记").add_subparsers(dest="action", required=True)
    add = device.add_parser("add", help="登记一台笔记本，打印一次性登记码")
    add.add_argument("--name", required=True)
    add.add_argument("--prefix", default=None, help="分配给它的 3 位编号")
    add.add_argument("--street", default=None, help="所属街道编号（平台上有多个街道时必须）")
    device_list = device.add_parser("list")
    device_list.add_argument("--street", default=None)
    revoke = device.add_parser("revoke", help="吊销一台笔记本的令牌")
    revoke.add_argument("id", type=int)
    staff = sub.add_parser("staff", help="工作人员账号").add_subparsers(dest="action", required=True)
    sadd = staff.add_parser("add", help="添加或重设工作人员（密码从标准输入读取）")
    sadd.add_argument("--username", required=True)
    scope = sadd.add_mutually_exclusive_group()
    scope.add_argument("--street", default=None, help="所属街道编号：只看本街道的诉求")
    scope.add_argument("--district", action="store_true", help="区级账号：看所有街道的诉求和汇总")
    from sync.platform import bulletin_cli

    bulletin_cli.add_command(sub)
    loop_cli.add_commands(sub)
    from sync.platform import bundle_import

    bundle_import.add_command(sub)
    return parser


def _serve(args: argparse.Namespace, database_url: str) -> int:
    import uvicorn

    from sync.platform.api import DATA_DIR_ENV, PUBLIC_URL_ENV
    from sync.platform.database import DATABASE_ENV

    tls = {"ssl_certfile": str(args.tls_cert) if args.tls_cert else None,
           "ssl_keyfile": str(args.tls_key) if args.tls_key else None}
    # Each worker is a fresh process that builds the app from these (sync.platform.api.app_from_environment).
    os.environ[DATA_DIR_ENV] = str(args.data_dir.resolve())
    os.environ[DATABASE_ENV] = database_url
    if args.public_url:
        os.environ[PUBLIC_URL_ENV] = args.public_url
    # Keep-alive longer than a laptop's pause between two exchanges, even on a loaded night: with
    # uvicorn's 5 s a connection closed by the server just as the laptop reused it failed a
    # request (seen in bench.platform_district). 75 s is nginx's default.
    # uvicorn believes X-Forwarded-For from 127.0.0.1 unless told otherwise, and then anyone on
    # the machine (or a proxy that passes the header on) picks the address the rate limits count.
    proxies = {"proxy_headers": bool(args.trusted_proxy), "forwarded_allow_ips": ",".join(args.trusted_proxy) or ""}
    uvicorn.run("sync.platform.api:app_from_environment", factory=True, host=args.host, port=args.port, **proxies,
                workers=args.workers, timeout_keep_alive=75, **tls)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from reception.privacy import file_modes

    file_modes.restrict_process()  # platform.db and the photos hold residents' details
    args = build_parser().parse_args(argv)
    file_modes.private_dir(args.data_dir)
    from sqlalchemy.exc import OperationalError

    from sync.platform.database import DatabaseUrlError, database_url, redacted
    from sync.platform.store import PlatformStore, StreetError

    try:
        url = database_url(args.data_dir, args.database)
    except DatabaseUrlError:
        print("错误：--database 应为 postgresql://用户@主机:端口/库名 或 sqlite:///文件路径", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("错误：--workers 至少为 1", file=sys.stderr)
        return 2
    try:
        # Opening the store runs the migrations once, before any worker starts.
        store = PlatformStore(args.data_dir, url)
    except OperationalError:
        print(f"错误：无法连接数据库 {redacted(url)}：请检查地址、用户和密码，以及数据库服务是否在运行", file=sys.stderr)
        return 1
    try:
        if args.command is None:
            store.close()
            return _serve(args, url)
        if args.command == "request":
            return loop_cli.run(args, args.data_dir, url)
        if args.command == "bundle":
            from sync.platform import bundle_import

            store.close()
            return bundle_import.run(args, args.data_dir, url)
        return _administer(args, store)
    except StreetError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    finally:
        store.close()


def _administer(args: argparse.Namespace, store) -> int:
    if args.command == "bulletin":
        from sync.platform import bulletin_cli

        return bulletin_cli.run(args, store)
    if args.command == "migrate":
        applied = store.migrations_applied
        print(f"已升级数据库结构：{'、'.join(applied)}" if applied else "数据库结构已是最新")
    elif args.command == "street" and args.action == "add":
        code = args.code.strip().upper()
        if not _STREET_CODE.match(code):
            print("错误：街道编号应为 2–6 位大写字母或数字，以字母开头（如 XA）", file=sys.stderr)
            return 2
        _, added = store.add_street(code, args.name.strip(), args.hotline.strip() if args.hotline else None)
        print(f"{'已添加' if added else '已更新'}街道 {code}（{args.name.strip()}）")
    elif args.command == "street" and args.action == "list":
        for s in store.list_streets():
            print(f"{s['code']}\t{s['name']}\t{s['hotline'] or '-'}")
    elif args.command == "device" and args.action == "add":
        prefix = args.prefix.strip().upper() if args.prefix else None
        if prefix is not None and not tracking_codes.is_valid_prefix(prefix):
            print("错误：编号应为3位数字或字母（不含 I、L、O、U）", file=sys.stderr)
            return 2
        street = store.resolve_street(args.street)
        device_id, code = store.add_device(args.name, prefix, street["id"])
        print(f"设备 {device_id}（{args.name}，{street['name']}）的一次性登记码：", file=sys.stderr)
        print(code)
    elif args.command == "device" and args.action == "list":
        street = store.resolve_street(args.street)["id"] if args.street else None
        for d in store.list_devices(street):
            state = "已吊销" if d["revoked_at"] else ("已登记" if d["enrolled_at"] else "待登记")
            print(f"{d['id']}\t{d['name']}\t{d['prefix'] or '-'}\t{state}\t{d['street_code']}")
    elif args.command == "device" and args.action == "revoke":
        if not store.revoke_device(args.id):
            print(f"错误：没有未吊销的设备 {args.id}", file=sys.stderr)
            return 2
        print(f"已吊销设备 {args.id}")
    elif args.command == "staff":
        street = None if args.district else store.resolve_street(args.street)
        password = getpass.getpass("密码：") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
        if len(password) < 8:
            print("错误：密码至少 8 位", file=sys.stderr)
            return 2
        store.add_staff(args.username, password, street=street["id"] if street else None, district=args.district)
        where = "区级（所有街道）" if args.district else street["name"]
        print(f"已设置工作人员 {args.username}（{where}）")
    return 0
