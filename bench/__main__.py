"""``make bench``: measure, print a table, and write it as Markdown to bench/results/.

Every figure is a ratio to a floor measured in the same run on the same machine, so a busy or a
fast machine moves both sides. Copy the Markdown into docs/benchmarks.md when the figures change.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from bench import machine, populate, recording, startup

REPO = Path(__file__).resolve().parents[1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--starts", type=int, default=7, help="cold starts of each kind")
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="xinan-bench-"))
    try:
        description = machine.describe(work)
        big = work / "big"
        started = time.perf_counter()
        populate.populate(big, args.cases, args.sessions)
        populate_s = time.perf_counter() - started
        size_mb = sum(p.stat().st_size for p in big.glob("desk.db*")) / 1e6
        print(f"populated {args.cases:,} cases in {args.sessions} sessions in {populate_s:.1f} s ({size_mb:.0f} MB)", flush=True)

        starts = startup.measure(big, work / "empty", args.starts)
        empty_idle = median([i for i, _, _ in starts["empty"]])
        desk_idle = median([i for i, _, _ in starts["desk"]])
        bare_idle = median([i for i, _, _ in starts["bare"]])
        desk_wall = median([w for _, w, _ in starts["desk"]])
        bare_wall = median([w for _, w, _ in starts["bare"]])
        print("cold starts done", flush=True)

        floor = recording.raw_insert_floor(work / "floor.db", args.records)
        fresh = recording.record_case(work / "fresh", args.records)
        full = recording.record_case(big, args.records)
        raw_lookup, desk_lookup = recording.lookups(big, args.lookups)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("(a) cold start to idle window, 100k cases (process age at idle)", f"{desk_idle:.0f} ms",
         "bare PySide6 window", f"{bare_idle:.0f} ms", desk_idle / bare_idle),
        ("(a) cold start to idle window, empty database", f"{empty_idle:.0f} ms",
         "bare PySide6 window", f"{bare_idle:.0f} ms", empty_idle / bare_idle),
        ("(a) 100k cases, wall time spawn → exit", f"{desk_wall:.0f} ms", "bare PySide6 window", f"{bare_wall:.0f} ms", desk_wall / bare_wall),
        ("(b) record_case, empty file, median", f"{median(fresh):.2f} ms", "raw INSERT+COMMIT, median", f"{median(floor):.2f} ms", median(fresh) / median(floor)),
        ("(b) record_case, empty file, p95", f"{p95(fresh):.2f} ms", "raw INSERT+COMMIT, p95", f"{p95(floor):.2f} ms", p95(fresh) / p95(floor)),
        ("(b) record_case, 100k cases, median", f"{median(full):.2f} ms", "raw INSERT+COMMIT, median", f"{median(floor):.2f} ms", median(full) / median(floor)),
        ("(b) record_case, 100k cases, p95", f"{p95(full):.2f} ms", "raw INSERT+COMMIT, p95", f"{p95(floor):.2f} ms", p95(full) / p95(floor)),
        ("(c) find_case by typed code, 100k, median", f"{median(desk_lookup) * 1000:.0f} µs", "raw indexed SELECT, median", f"{median(raw_lookup) * 1000:.0f} µs", median(desk_lookup) / median(raw_lookup)),
    ]
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {when} with `make bench` (`QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench`).",
        "",
        f"- {args.starts} cold starts of each kind (bare window, desk on an empty database, desk on "
        f"the 100k database, alternated, after one unmeasured warm-up each); "
        f"{args.records} records; {args.lookups} look-ups. Medians unless marked p95.",
        f"- Database: {args.cases:,} cases over {args.sessions} sessions ({size_mb:.0f} MB), "
        f"generated in {populate_s:.1f} s.",
        "",
        "| measure | desk | floor | floor value | ratio |",
        "|---|---:|---|---:|---:|",
        *[f"| {name} | {value} | {floor_name} | {floor_value} | {ratio:.2f}× |" for name, value, floor_name, floor_value, ratio in rows],
        "",
        "Machine:",
        "",
        *[f"- {line}" for line in description],
        "",
        "Raw samples (ms): desk idle " + ", ".join(f"{i:.0f}" for i, _, _ in starts["desk"])
        + "; empty-database idle " + ", ".join(f"{i:.0f}" for i, _, _ in starts["empty"])
        + "; bare idle " + ", ".join(f"{i:.0f}" for i, _, _ in starts["bare"]) + ".",
        "Exit status after idle: desk " + ", ".join(str(c) for _, _, c in starts["desk"])
        + "; empty database " + ", ".join(str(c) for _, _, c in starts["empty"])
        + "; bare " + ", ".join(str(c) for _, _, c in starts["bare"])
        + " (0 = clean; negative = killed by that signal on the way out).",
    ]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    out = results / f"bench-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}.md"
    out.write_text(text, encoding="utf-8")
    print(f"written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
