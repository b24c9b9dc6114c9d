"""A night with no network at all: 214 cases, one ~150 KiB photo each, exported to a USB bundle,
imported by ``xinan-platform bundle import`` (its own process, as at the street office), imported
again by mistake, and the receipt read back on the laptop; on SQLite and on a durable PostgreSQL.

Floors measured in the same run: for the bundle's size, the bytes it must carry (photos plus the
create forms as JSON); for the import, the same night synced online to the same platform over
loopback (no shaping), 4 cases in flight; and for the import command, the same command doing
nothing (``street list``: Python, FastAPI and the migrations check starting).

    .venv/bin/python -m bench.sync_bundle [--cases 214] [--photo-kb 150]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import time
from datetime import datetime, timezone

from bench.sync_common import PlatformProcess, night_desk, publish, work_dir
from sync import offline
from sync.client import Open311Client, RetryPolicy
from sync.service import SyncService, request_fields
from tests.sync.postgres_cluster import PostgresCluster


def _service(desk, url: str, token: str) -> SyncService:
    return SyncService(desk, lambda: Open311Client(url, token, read_timeout=60, retry=RetryPolicy(attempts=4)),
                       workers=4)


def run_kind(kind: str, cases: int, photo_bytes: int, cluster: PostgresCluster | None) -> dict:
    base = work_dir(f"xinan-sync-bundle-{kind}-")
    database = cluster.create_database("bundle_") if cluster else None
    platform = PlatformProcess(base / "platform", database).start()
    try:
        offline_desk = night_desk(base / "offline", cases, photo_bytes, seed=1)
        token = platform.enrol("offline")
        service = _service(offline_desk, platform.url, token)
        # What the bundle must carry at least: each create's form as JSON, and the photos.
        carried = cases * photo_bytes + sum(
            len(json.dumps(request_fields(case, ""), ensure_ascii=False).encode("utf-8"))
            for case in offline_desk.recent_cases(cases))
        stick = base / "usb" / "night.xinan-bundle"
        stick.parent.mkdir()
        started = time.perf_counter()
        exported = offline.export_bundle(service, token, stick)
        export_s = time.perf_counter() - started

        def import_once() -> float:
            begun = time.perf_counter()
            subprocess.run(platform.command("bundle", "import", str(stick)), check=True, capture_output=True)
            return time.perf_counter() - begun

        begun = time.perf_counter()  # the same command's start and end, doing nothing else
        subprocess.run(platform.command("street", "list"), check=True, capture_output=True)
        command_s = time.perf_counter() - begun
        import_s = import_once()
        again_s = import_once()
        started = time.perf_counter()
        receipt = offline.import_receipt(service, token, stick.with_suffix(".xinan-receipt"))
        receipt_s = time.perf_counter() - started
        assert len(receipt.report.synced) == cases, receipt.report.results[:3]

        online_desk = night_desk(base / "online", cases, photo_bytes, seed=2)
        online = _service(online_desk, platform.url, platform.enrol("online"))
        started = time.perf_counter()
        report = online.run()
        online_s = time.perf_counter() - started
        assert len(report.synced) == cases, report.stopped
        return {"kind": kind, "size": exported.size, "carried": carried, "export": export_s, "import": import_s,
                "again": again_s, "receipt": receipt_s, "online": online_s, "command": command_s}
    finally:
        platform.stop()
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_bundle")
    parser.add_argument("--cases", type=int, default=214)
    parser.add_argument("--photo-kb", type=int, default=150)
    args = parser.parse_args()
    photo_bytes = args.photo_kb * 1024
    results = [run_kind("sqlite", args.cases, photo_bytes, None)]
    print(results[-1], flush=True)
    cluster = PostgresCluster(durable=True).start()
    try:
        results.append(run_kind("postgresql", args.cases, photo_bytes, cluster))
        print(results[-1], flush=True)
    finally:
        cluster.stop()
    lines = [
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `python -m bench.sync_bundle`: "
        f"{args.cases} cases, one {args.photo_kb} KiB photo each; the platform as its own process.",
        "",
        "| database | bundle | carried (photos + forms) | size ratio | export | import | import again | receipt on the laptop | online sync, loopback | import ÷ online | `street list` (the command's own start) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['kind']} | {r['size'] / 1e6:.2f} MB | {r['carried'] / 1e6:.2f} MB | {r['size'] / r['carried']:.3f} | "
            f"{r['export']:.2f} s | {r['import']:.2f} s | {r['again']:.2f} s | {r['receipt']:.2f} s | "
            f"{r['online']:.2f} s | {r['import'] / r['online']:.2f} | {r['command']:.2f} s |")
    publish("sync_bundle", lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
