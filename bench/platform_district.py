"""A district's Wednesday night: 10 streets × 21 laptops syncing their night's cases at once.

Each laptop is a real desk database (about 10 cases, one ~150 KB photo each) synced by the
laptop's own SyncService (4 cases in flight); the 21 laptops of a street run as threads of one
process, the 10 streets as 10 processes. The platform is `xinan-platform` as its own process:
SQLite with one worker, then PostgreSQL with 1, 2 and 4 workers (a durable cluster, fsync on,
started here with initdb/pg_ctl), all in the same run on the same recorded laptops. Loopback
only; every exchange has a timeout and the run stops by itself.

Reports per configuration: errors (every failed HTTP exchange, retried or not: must be 0), cases
synced, HTTP exchanges per second, cases per second, latency per exchange (median, p95, max),
and each throughput as a ratio to SQLite's in the same run. Writes bench/results/platform_district.md.

    .venv/bin/python -m bench.platform_district [--streets 10] [--laptops 21] [--cases 10] [--photo-kb 150]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from bench.sync_common import PlatformProcess, TimedClient, night_desk, p95, publish, work_dir
from tests.sync.postgres_cluster import PostgresCluster

# Bao'an's streets, by a two-letter code.
STREETS = [("XA", "新安街道"), ("XX", "西乡街道"), ("HC", "航城街道"), ("FY", "福永街道"), ("FH", "福海街道"),
           ("SJ", "沙井街道"), ("XQ", "新桥街道"), ("SG", "松岗街道"), ("YL", "燕罗街道"), ("SY", "石岩街道")]
CONFIGS = [("sqlite", 1), ("postgresql", 1), ("postgresql", 2), ("postgresql", 4)]


def record_street(job: tuple) -> int:
    base, street, laptops, cases, photo_bytes = job
    for i in range(laptops):
        desk = night_desk(Path(base) / street / f"laptop-{i + 1}", cases, photo_bytes, seed=i)
        desk.db.conn.close()
    return laptops


def sync_street(job: tuple) -> dict:
    """One street's laptops, each syncing in its own thread from the same moment."""
    from forms import load_form
    from reception.desk import ReceptionDesk
    from reception.storage import open_database
    from sync.client import RetryPolicy
    from sync.service import SyncService

    base, url, tokens, start_at = job
    form = load_form(None).form
    log, errors, lock, results = [], [], threading.Lock(), []

    def laptop(directory: Path, token: str) -> None:
        desk = ReceptionDesk(open_database(directory / "desk.db"), form)
        service = SyncService(desk, lambda: TimedClient(url, token, read_timeout=60, retry=RetryPolicy(attempts=4),
                                                        log=log, errors=errors, lock=lock), workers=4)
        time.sleep(max(0.0, start_at - time.time()))
        report = service.run()
        with lock:
            results.append((len(report.synced), time.time()))
        desk.db.conn.close()

    threads = [threading.Thread(target=laptop, args=(Path(base) / f"laptop-{i + 1}", token))
               for i, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    return {"log": log, "errors": errors, "synced": sum(r[0] for r in results),
            "finished": max((r[1] for r in results), default=start_at)}


def run_config(kind: str, workers: int, args, laptops_dir: Path, base: Path, cluster: PostgresCluster) -> dict:
    from sync.platform.store import PlatformStore

    run_dir = base / f"{kind}-{workers}"
    shutil.copytree(laptops_dir, run_dir / "laptops")
    database = cluster.create_database(f"district_{workers}_") if kind == "postgresql" else None
    data = run_dir / "platform"
    platform = PlatformProcess(data, database, workers=workers).start()
    try:
        store = PlatformStore(data, database)
        jobs = []
        start_at = time.time() + 8 + args.streets * 0.5
        for code, name in STREETS[:args.streets]:
            street_id, _ = store.add_street(code, name)
            tokens = []
            for i in range(args.laptops):
                _, enrolment = store.add_device(f"{name} {i + 1}号", None, street_id)
                tokens.append(store.enrol(enrolment, f"{code}-{i + 1}")[1])
            jobs.append((str(run_dir / "laptops" / code), platform.url, tokens, start_at))
        store.close()
        with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
            results = pool.map(sync_street, jobs, chunksize=1)
    finally:
        platform.stop()
        shutil.rmtree(run_dir, ignore_errors=True)
    latencies = [x for r in results for x in r["log"]]
    wall = max(r["finished"] for r in results) - start_at
    synced = sum(r["synced"] for r in results)
    return {
        "kind": kind, "workers": workers, "synced": synced, "errors": [e for r in results for e in r["errors"]],
        "exchanges": len(latencies), "wall": wall, "per_second": len(latencies) / wall, "cases_per_second": synced / wall,
        "median": statistics.median(latencies), "p95": p95(latencies), "max": max(latencies),
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.platform_district")
    parser.add_argument("--streets", type=int, default=10)
    parser.add_argument("--laptops", type=int, default=21)
    parser.add_argument("--cases", type=int, default=10)
    parser.add_argument("--photo-kb", type=int, default=150)
    args = parser.parse_args()
    assert 1 <= args.streets <= len(STREETS)

    load_at_start = os.getloadavg()[0]
    base = work_dir("xinan-district-")
    cluster = PostgresCluster(durable=True).start()
    try:
        laptops_dir = base / "recorded"
        recording = [(str(laptops_dir), code, args.laptops, args.cases, args.photo_kb * 1024)
                     for code, _ in STREETS[:args.streets]]
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            pool.map(record_street, recording)
        results = [run_config(kind, workers, args, laptops_dir, base, cluster) for kind, workers in CONFIGS]
    finally:
        cluster.stop()
        shutil.rmtree(base, ignore_errors=True)

    total = args.streets * args.laptops * args.cases
    floor = results[0]
    lines = [
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `python -m bench.platform_district`: "
        f"{args.streets} streets × {args.laptops} laptops × {args.cases} cases with one {args.photo_kb} KiB photo "
        f"each ({total} cases), every laptop pressing Sync at the same moment (4 cases in flight each) over "
        "loopback to one `xinan-platform`; PostgreSQL 15 durable (fsync on) and SQLite with synchronous=FULL, "
        "the same recorded laptops for each configuration. The laptops run on the same 2 cores as the "
        f"platform, and those 2 cores were shared with 7 other engineers' work (load average {load_at_start:.1f} "
        f"at the start, {os.getloadavg()[0]:.1f} at the end): compare the rows with each other, not with "
        "another day's.",
        "",
        "| database, workers | cases synced | errors | HTTP exchanges | exchanges/s | cases/s | × SQLite | "
        "median | p95 | max | whole night |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {'PostgreSQL' if r['kind'] == 'postgresql' else 'SQLite'}, {r['workers']} | {r['synced']} of {total} | "
            f"{len(r['errors'])} | {r['exchanges']} | {r['per_second']:.0f} | {r['cases_per_second']:.1f} | "
            f"{r['cases_per_second'] / floor['cases_per_second']:.2f} | {r['median'] * 1000:.0f} ms | "
            f"{r['p95'] * 1000:.0f} ms | {r['max'] * 1000:.0f} ms | {r['wall']:.0f} s |"
        )
    errors = sorted({e for r in results for e in r["errors"]})
    if errors:
        lines += ["", "Errors: " + "; ".join(errors[:10])]
    publish("platform_district", lines)
    return 0 if not errors and all(r["synced"] == total for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
