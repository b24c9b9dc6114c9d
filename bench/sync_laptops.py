"""21 laptops (one per community) syncing a night each to one platform at the same moment.

Each laptop is its own process with its own desk database (214 cases, one ~150 KB photo each),
its own device token and the sync's usual 4 cases in flight; the platform is `xinan-platform`
as its own process. Reports errors (every HTTP exchange that failed, retried or not: must be 0),
cases synced, and the latency of the HTTP exchanges (median, p95, max). Writes the Markdown to
bench/results/sync_laptops.md.

    .venv/bin/python -m bench.sync_laptops [--laptops 21] [--cases 214] [--photo-kb 150]
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from bench.sync_common import PlatformProcess, TimedClient, night_desk, p95, publish, work_dir


def laptop(args: tuple) -> dict:
    index, url, token, base, cases, photo_bytes, start_at = args
    from sync.client import RetryPolicy
    from sync.service import SyncService

    desk = night_desk(Path(base) / f"laptop-{index}", cases, photo_bytes, seed=index)
    log, errors, lock = [], [], threading.Lock()
    service = SyncService(
        desk,
        lambda: TimedClient(url, token, read_timeout=60, retry=RetryPolicy(attempts=4), log=log, errors=errors, lock=lock),
        workers=4,
    )
    time.sleep(max(0.0, start_at - time.time()))  # everyone presses Sync at once
    started = time.perf_counter()
    report = service.run()
    return {"seconds": time.perf_counter() - started, "synced": len(report.synced), "log": log, "errors": errors,
            "stopped": report.stopped}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_laptops")
    parser.add_argument("--laptops", type=int, default=21)
    parser.add_argument("--cases", type=int, default=214)
    parser.add_argument("--photo-kb", type=int, default=150)
    args = parser.parse_args()

    base = work_dir("xinan-sync-laptops-")
    platform = PlatformProcess(base / "platform").start()
    try:
        tokens = [platform.enrol(f"community-{i + 1}") for i in range(args.laptops)]
        # Recording a night takes each process a while; all start syncing at this moment.
        start_at = time.time() + 15 + args.laptops * args.cases * 0.004
        jobs = [(i, platform.url, tokens[i], str(base), args.cases, args.photo_kb * 1024, start_at) for i in range(args.laptops)]
        with multiprocessing.get_context("spawn").Pool(args.laptops) as pool:
            results = pool.map(laptop, jobs)
        late = [r for r in results if r["seconds"] <= 0]
        wall = max(r["seconds"] for r in results)
        latencies = [x for r in results for x in r["log"]]
        errors = [e for r in results for e in r["errors"]]
        synced = sum(r["synced"] for r in results)
        lines = [
            f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `python -m bench.sync_laptops`: "
            f"{args.laptops} laptops × {args.cases} cases × one {args.photo_kb} KiB photo, all syncing at once over "
            f"loopback (no shaping) to one `xinan-platform` process; each laptop sends 4 cases at a time.",
            "",
            "| measure | value |",
            "|---|---:|",
            f"| cases synced | {synced} of {args.laptops * args.cases} |",
            f"| errors (failed HTTP exchanges, retried or not) | {len(errors)} |",
            f"| HTTP exchanges | {len(latencies)} |",
            f"| exchange latency, median | {statistics.median(latencies) * 1000:.0f} ms |",
            f"| exchange latency, p95 | {p95(latencies) * 1000:.0f} ms |",
            f"| exchange latency, max | {max(latencies) * 1000:.0f} ms |",
            f"| slowest laptop's whole sync | {wall:.1f} s |",
            f"| median laptop's whole sync | {statistics.median(r['seconds'] for r in results):.1f} s |",
        ]
        if errors:
            lines += ["", "Errors: " + "; ".join(sorted(set(errors))[:10])]
        if late:
            lines += ["", f"{len(late)} laptops started late"]
        publish("sync_laptops", lines)
        return 0 if not errors and synced == args.laptops * args.cases else 1
    finally:
        platform.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
