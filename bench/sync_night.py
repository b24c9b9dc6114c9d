"""One night over a weak hotspot: 214 cases, one ~150 KB photo each, through a link shaped to
8 Mbit/s each way and 100 ms round trip (the fault proxy with a Link), to the reference platform
running as its own process.

Prints seconds, the ratio to the bandwidth floor (bytes that must cross the uplink ÷ its rate)
and the ratio to sending one case at a time (the same sync with one worker), and writes the
Markdown to bench/results/sync_night.md.

    .venv/bin/python -m bench.sync_night [--cases 214] [--photo-kb 150] [--workers 4]
"""

from __future__ import annotations

import argparse
import shutil
import threading
import time
from datetime import datetime, timezone

from bench.sync_common import PlatformProcess, TimedClient, night_desk, p95, publish, work_dir
from reception.storage import repository as repo
from sync.client import RetryPolicy
from sync.service import SyncService
from tests.sync.sync_fault_proxy import FaultProxy, Link  # the tests' fault proxy, from the repository root

RATE_BITS = 8_000_000
ONE_WAY = 0.050


def run_once(cases: int, photo_bytes: int, workers: int, seed: int) -> dict:
    base = work_dir("xinan-sync-night-")
    platform = PlatformProcess(base / "platform").start()
    up, down = Link(RATE_BITS, ONE_WAY), Link(RATE_BITS, ONE_WAY)
    proxy = FaultProxy(platform.port, up=up, down=down).start()
    try:
        token = platform.enrol("bench")
        desk = night_desk(base / "desk", cases, photo_bytes, seed)
        photo_total = sum(p["size"] for p in repo.list_photos(desk.db, [c.id for c in desk.recent_cases(cases)]))
        log, errors, lock = [], [], threading.Lock()
        service = SyncService(
            desk,
            lambda: TimedClient(proxy.url, token, read_timeout=60, retry=RetryPolicy(attempts=4),
                                log=log, errors=errors, lock=lock),
            workers=workers,
        )
        started = time.perf_counter()
        report = service.run()
        seconds = time.perf_counter() - started
        assert len(report.synced) == cases, (len(report.synced), report.stopped)
        return {"seconds": seconds, "photo_bytes": photo_total, "exchanges": len(log), "errors": len(errors),
                "p95": p95(log)}
    finally:
        proxy.stop()
        platform.stop()
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_night")
    parser.add_argument("--cases", type=int, default=214)
    parser.add_argument("--photo-kb", type=int, default=150)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    photo_bytes = args.photo_kb * 1024

    ours = run_once(args.cases, photo_bytes, args.workers, seed=1)
    print(f"workers={args.workers}: {ours['seconds']:.1f} s", flush=True)
    one = run_once(args.cases, photo_bytes, 1, seed=2)
    print(f"one at a time: {one['seconds']:.1f} s", flush=True)

    floor = ours["photo_bytes"] * 8 / RATE_BITS
    lines = [
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `python -m bench.sync_night`: "
        f"{args.cases} cases, one {args.photo_kb} KiB photo each ({ours['photo_bytes'] / 1e6:.1f} MB of photos), "
        f"link 8 Mbit/s each way, 100 ms round trip.",
        "",
        "| measure | seconds | floor (photo bytes ÷ 8 Mbit/s) | ratio to floor | exchanges | errors |",
        "|---|---:|---:|---:|---:|---:|",
        f"| sync, {args.workers} cases in flight | {ours['seconds']:.1f} | {floor:.1f} | {ours['seconds'] / floor:.2f} | {ours['exchanges']} | {ours['errors']} |",
        f"| one case at a time | {one['seconds']:.1f} | {floor:.1f} | {one['seconds'] / floor:.2f} | {one['exchanges']} | {one['errors']} |",
        "",
        f"Sending {args.workers} cases at a time takes {ours['seconds'] / one['seconds']:.2f}× the time of one at a time.",
    ]
    publish("sync_night", lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
