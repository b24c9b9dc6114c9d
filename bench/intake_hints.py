"""The hints at intake with 100,000 cases on the laptop: a category suggestion and the
same-matter offer for one pause in typing, as a ratio to a raw indexed query in the same run.

    .venv/bin/python -m bench.intake_hints [--asks 300]

The database is bench.populate's 100,000 cases with their descriptions replaced by the held-out
petitions (tests/reception/data/petitions.tsv) varied by a building number, and the latest 20,000
left open (a laptop that never synced: the most the offer ever indexes), so the offer searches
thousands of open cases per community. Measured on the encrypted file, warm, on the worker:
- ask(): suggestion + offer, including the look-up of the candidates' state by primary key;
- floor: ``SELECT … FROM cases WHERE tracking_code = ?`` (the raw indexed query of bench/__main__);
- building the hints once (at unlock, on the worker) and a refresh after one new case.
Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench import machine
from bench.populate import populate
from forms import load_form
from reception import clock
from reception.desk import ReceptionDesk
from reception.intake_hints.hints import OPEN_LIMIT, IntakeHints
from reception.paths import database_path
from reception.storage import open_database

DATA = Path(__file__).resolve().parent.parent / "tests" / "reception" / "data" / "petitions.tsv"


def _petitions() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, community, _topic, _week, text = line.split("\t")
            rows.append((code, community, text))
    return rows


def _p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def measure(asks: int) -> list[tuple[str, float, float]]:
    rng = random.Random(16)
    pool = _petitions()
    with tempfile.TemporaryDirectory(prefix="xinan-bench-hints-") as tmp:
        data_dir = Path(tmp)
        path = populate(data_dir)
        db = open_database(path)
        try:
            ids = [r[0] for r in db.execute("SELECT id FROM cases ORDER BY created_at").fetchall()]
            with db.atomic():
                for n, case_id in enumerate(ids):
                    code, community, text = pool[n % len(pool)]
                    db.execute("UPDATE cases SET description = ?, category_code = ?, community = ? WHERE id = ?",
                               (f"{text}（{rng.randint(1, 40)}栋）", code, community, case_id))
                db.execute("UPDATE cases SET closed_at = NULL WHERE id IN "
                           "(SELECT id FROM cases WHERE voided_at IS NULL ORDER BY created_at DESC LIMIT ?)",
                           (OPEN_LIMIT,))
            desk = ReceptionDesk(db, load_form(None).form)
            started = time.perf_counter()
            hints = IntakeHints(desk, window_days=100 * 365)
            steps = []
            while True:
                step_started = time.perf_counter()
                more = hints.build_step()
                steps.append((time.perf_counter() - step_started) * 1000)
                if not more:
                    break
            build = (time.perf_counter() - started) * 1000
            codes = [r[0] for r in db.execute("SELECT tracking_code FROM cases ORDER BY random() LIMIT ?", (asks,))]
            questions = [rng.choice(pool) for _ in range(asks)]
            ask_ms, floor_ms, offered = [], [], 0
            for (code, community, text), tracking in zip(questions, codes):
                started = time.perf_counter()
                answer = hints.ask(text, community)
                ask_ms.append((time.perf_counter() - started) * 1000)
                offered += answer.same_matter is not None
                started = time.perf_counter()
                db.execute("SELECT id, description, community FROM cases WHERE tracking_code = ?", (tracking,)).fetchall()
                floor_ms.append((time.perf_counter() - started) * 1000)
            raw = desk.template()
            desk.now = lambda: clock.now() + timedelta(days=1)
            desk.record_case(raw)
            started = time.perf_counter()
            hints.refresh()
            refresh = (time.perf_counter() - started) * 1000
            indexed = len(hints.open_cases)
        finally:
            db.conn.close()
    return [
        ("ask() median", statistics.median(ask_ms), statistics.median(floor_ms)),
        ("ask() p95", _p95(ask_ms), _p95(floor_ms)),
        ("(offers made)", offered, asks),
        ("(open cases indexed)", indexed, 0),
        ("build at unlock", build, 0),
        ("longest build step", max(steps), len(steps)),
        ("refresh after a new case", refresh, 0),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--asks", type=int, default=300)
    args = parser.parse_args()
    rows = measure(args.asks)
    described = "\n".join(f"- {line}" for line in machine.describe(Path(tempfile.gettempdir())))
    print(f"## Intake hints (category suggestion and same-matter offer), 100,000 cases\n\n{described}\n")
    print("| measure | hints | raw indexed SELECT | ratio |\n|---|---|---|---|")
    for name, value, floor in rows[:2]:
        print(f"| {name} | {value:.2f} ms | {floor:.3f} ms | {value / floor:.0f}× |")
    print(f"\nOffers made: {rows[2][1]} of {rows[2][2]} asks; open cases indexed: {rows[3][1]}; "
          f"building the hints at unlock: {rows[4][1]:.0f} ms in {rows[5][2]} pages of 500 cases, the longest "
          f"{rows[5][1]:.0f} ms (the worker takes the volunteer's operations between pages); "
          f"refresh after a new case: {rows[6][1]:.1f} ms.")


if __name__ == "__main__":
    main()
