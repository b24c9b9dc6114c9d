"""``xinan-platform``: run the reference platform, and administer its devices and staff.

    xinan-platform --data-dir DIR --port N                  serve (loopback unless --host)
    xinan-platform --data-dir DIR device add --name 新安一号 [--prefix K7Q]
    xinan-platform --data-dir DIR device list | device revoke ID
    xinan-platform --data-dir DIR staff add --username NAME   (password read from stdin)
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from reception import tracking_codes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xinan-platform", description="心安夜话 街道信箱平台（参考实现）")
    parser.add_argument("--data-dir", type=Path, required=True, help="平台数据目录")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8311)
    parser.add_argument("--tls-cert", type=Path, default=None, help="TLS 证书（生产环境必须）")
    parser.add_argument("--tls-key", type=Path, default=None)
    sub = parser.add_subparsers(dest="command")
    device = sub.add_parser("device", help="笔记本登记").add_subparsers(dest="action", required=True)
    add = device.add_parser("add", help="登记一台笔记本，打印一次性登记码")
    add.add_argument("--name", required=True)
    add.add_argument("--prefix", default=None, help="分配给它的 3 位编号")
    device.add_parser("list")
    revoke = device.add_parser("revoke", help="吊销一台笔记本的令牌")
    revoke.add_argument("id", type=int)
    staff = sub.add_parser("staff", help="工作人员账号").add_subparsers(dest="action", required=True)
    sadd = staff.add_parser("add", help="添加或重设工作人员（密码从标准输入读取）")
    sadd.add_argument("--username", required=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    if args.command is None:
        import uvicorn

        from sync.platform.api import create_app

        uvicorn.run(
            create_app(args.data_dir), host=args.host, port=args.port,
            ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
            ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        )
        return 0
    from sync.platform.store import PlatformStore

    store = PlatformStore(args.data_dir)
    try:
        if args.command == "device" and args.action == "add":
            prefix = args.prefix.strip().upper() if args.prefix else None
            if prefix is not None and not tracking_codes.is_valid_prefix(prefix):
                print("错误：编号应为3位数字或字母（不含 I、L、O、U）", file=sys.stderr)
                return 2
            device_id, code = store.add_device(args.name, prefix)
            print(f"设备 {device_id}（{args.name}）的一次性登记码：", file=sys.stderr)
            print(code)
        elif args.command == "device" and args.action == "list":
            for d in store.list_devices():
                state = "已吊销" if d["revoked_at"] else ("已登记" if d["enrolled_at"] else "待登记")
                print(f"{d['id']}\t{d['name']}\t{d['prefix'] or '-'}\t{state}")
        elif args.command == "device" and args.action == "revoke":
            if not store.revoke_device(args.id):
                print(f"错误：没有未吊销的设备 {args.id}", file=sys.stderr)
                return 2
            print(f"已吊销设备 {args.id}")
        elif args.command == "staff":
            password = getpass.getpass("密码：") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
            if len(password) < 8:
                print("错误：密码至少 8 位", file=sys.stderr)
                return 2
            store.add_staff(args.username, password)
            print(f"已设置工作人员 {args.username}")
    finally:
        store.close()
    return 0
