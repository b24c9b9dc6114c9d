"""(b) Recording one case, against a raw indexed INSERT + COMMIT with the same pragmas.
(c) Finding a case by its code among 100,000, against a raw indexed SELECT.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from forms import load_form
from reception.desk import ReceptionDesk
from reception.paths import database_path
from reception.storage import open_database



def _timed(action, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def raw_insert_floor(path: Path, count: int) -> list[float]:
    """One row, one index, one transaction per row: what any durable insert costs on this disk."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, code TEXT, body TEXT)")
        conn.execute("CREATE UNIQUE INDEX rows_code ON rows (code)")
        number = iter(range(1, count + 1))

        def insert() -> None:
            n = next(number)
            conn.execute("BEGIN")
            conn.execute("INSERT INTO rows VALUES (?, ?, ?)", (f"id-{n}", f"K7Q-{n:05d}", "地铁C出口共享单车乱停放，挡住盲道"))
            conn.execute("COMMIT")

        return _timed(insert, count)
    finally:
        conn.close()


def record_case(data_dir: Path, count: int) -> list[float]:
    form = load_form(data_dir).form
    db = open_database(database_path(data_dir))
    try:
        desk = ReceptionDesk(db, form)
        # The desk's own example case: valid for whatever fields the form has grown.
        case = desk.template()
        desk.record_case(case)  # first use loads phone metadata; not a volunteer's typical save
        return _timed(lambda: desk.record_case(case), count)
    finally:
        db.conn.close()


def lookups(data_dir: Path, count: int, seed: int = 7) -> tuple[list[float], list[float]]:
    path = database_path(data_dir)
    raw = sqlite3.connect(path)
    codes = [c for (c,) in raw.execute("SELECT tracking_code FROM cases")]
    rng = random.Random(seed)
    picks = [rng.choice(codes) for _ in range(count)]
    form = load_form(data_dir).form
    db = open_database(path)
    try:
        desk = ReceptionDesk(db, form)
        raw_iter, desk_iter = iter(picks), iter(picks)

        def raw_lookup() -> None:
            row = raw.execute("SELECT * FROM cases WHERE tracking_code = ?", (next(raw_iter),)).fetchone()
            assert row is not None

        def desk_lookup() -> None:
            # As a volunteer types it: lower case, no dashes.
            desk.find_case(next(desk_iter).replace("-", "").lower())

        return _timed(raw_lookup, count), _timed(desk_lookup, count)
    finally:
        db.conn.close()
        raw.close()
