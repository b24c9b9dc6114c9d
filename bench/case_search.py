"""Finding a returning resident's case among 100,000 on the encrypted database, as a ratio to a
raw indexed query on the same connection.

    .venv/bin/python -m bench.case_search [--cases 100000] [--lookups 300]

- The database is bench/populate.py's 100,000 cases, with realistic names (a weighted list of
  common surnames and given-name characters, so 王 matches thousands) and random mobile
  numbers, the look-up keys built by ``case_search.rebuild`` (timed: in one transaction what a
  desk that already held cases builds in 5,000-case steps after its first unlock), then
  encrypted with SQLCipher as on a laptop.
- Each query kind runs ``case_search.find`` (normalising, the prefix range on the key index,
  newest first, fetching and masking up to 20 cases) ``--lookups`` times; the floor is a raw
  ``SELECT * FROM cases WHERE tracking_code = ?`` on the same connection, in the same run.
- For scale, the naive way: ``phone LIKE '%5678'`` over the cases table (a full scan, every page
  decrypted), a few times.

Prints a Markdown section for docs/benchmarks.md ("Finding a returning resident's case").
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from bench import machine, populate
from reception import case_search
from reception.paths import database_path
from reception.storage import open_database
from reception.storage.connection import encrypt_plain_database

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文斌玉兰辉鹏宇浩然子轩梓涵欣怡佳琪雨萱思远志强海燕红梅金凤春花淑珍德胜"
_WEIGHTS = [1 / (rank + 1) ** 0.75 for rank in range(len(SURNAMES))]
QUERIES = ("whole phone", "last four digits", "surname 王 (thousands match)", "full name in characters",
           "full pinyin", "pinyin initials", "tracking code typed loosely")


def _name(rng: random.Random) -> str:
    # Common surnames much more often than rare ones (Zipf-like): 王 about 6 %, as in China.
    index = rng.choices(range(len(SURNAMES)), weights=_WEIGHTS)[0]
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return SURNAMES[index] + given


def _ms(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def measure(cases: int, lookups: int) -> dict[str, object]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="xinan-bench-search-") as tmp:
        data_dir = Path(tmp)
        started = time.perf_counter()
        populate.populate(data_dir, cases, max(1, cases // 200))
        populate_s = time.perf_counter() - started
        path = database_path(data_dir)
        plain = open_database(path, None)
        rows = plain.execute("SELECT id, anonymous FROM cases").fetchall()
        people = {}
        with plain.atomic():
            for case_id, anonymous in rows:
                if not anonymous:
                    name, phone = _name(rng), f"+861{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}"
                    people[case_id] = (name, phone)
                    plain.execute("UPDATE cases SET resident_name = ?, phone = ? WHERE id = ?", (name, phone, case_id))
        started = time.perf_counter()
        with plain.atomic():
            case_search.rebuild(plain)
        rebuild_s = time.perf_counter() - started
        keys = plain.execute("SELECT COUNT(*) FROM case_search").fetchone()[0]
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.conn.close()
        key = secrets.token_bytes(32)
        encrypt_plain_database(path, key)
        db = open_database(path, key)
        try:
            codes = [r[0] for r in db.execute("SELECT tracking_code FROM cases")]
            targets = [(cid, *people[cid]) for cid in rng.sample(sorted(people), min(lookups, len(people)))]
            code_of = dict(db.execute("SELECT id, tracking_code FROM cases").fetchall())
            queries = {
                QUERIES[0]: [p[5:] for _, _, p in targets],
                QUERIES[1]: [p[-4:] for _, _, p in targets],
                QUERIES[2]: ["王"] * len(targets),
                QUERIES[3]: [n for _, n, _ in targets],
                QUERIES[4]: ["".join(case_search._readings(n)[0].pop()) for _, n, _ in targets],
                QUERIES[5]: [case_search._readings(n)[1].pop() for _, n, _ in targets],
                QUERIES[6]: [code_of[cid].lower().replace("-", "") for cid, _, _ in targets],
            }
            floor_codes = rng.sample(codes, len(targets))
            results: dict[str, dict[str, float]] = {}
            floor: list[float] = []
            found = {}
            for _ in range(2):  # one warm-up round, one measured (alternating kinds and floor)
                results = {kind: {"samples": []} for kind in queries}
                floor = []
                found = {kind: 0 for kind in queries}
                for i in range(len(targets)):
                    floor.append(_ms(lambda: db.execute("SELECT * FROM cases WHERE tracking_code = ?",
                                                        (floor_codes[i],)).fetchall()))
                    for kind, texts in queries.items():
                        hits: list = []
                        results[kind]["samples"].append(_ms(lambda: hits.extend(case_search.find(db, texts[i]))))
                        found[kind] += bool(hits)
            scan = [_ms(lambda: db.execute("SELECT id FROM cases WHERE phone LIKE ?", ("%" + targets[i][2][-4:],)).fetchall())
                    for i in range(5)]
        finally:
            db.conn.close()
    floor_median = statistics.median(floor)
    table = []
    for kind in queries:
        samples = results[kind]["samples"]
        table.append((kind, statistics.median(samples), _p95(samples), found[kind]))
    return {"cases": cases, "lookups": len(targets), "populate_s": populate_s, "rebuild_s": rebuild_s,
            "keys": keys, "floor_ms": floor_median, "floor_p95": _p95(floor), "table": table,
            "scan_ms": statistics.median(scan)}


def report(m: dict[str, object]) -> str:
    floor = m["floor_ms"]
    lines = [
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `.venv/bin/python -m bench.case_search`.",
        "",
        f"- {m['cases']:,} cases on a SQLCipher-encrypted file (generated in {m['populate_s']:.1f} s); "
        f"{m['keys']:,} look-up keys built by `case_search.rebuild` in {m['rebuild_s']:.1f} s "
        "(in one transaction; the desk builds it in 5,000-case steps after the first unlock on a laptop that already held cases).",
        f"- {m['lookups']} look-ups of each kind, after one unmeasured round; medians and p95. "
        f"Floor: raw indexed `SELECT * FROM cases WHERE tracking_code = ?`, {floor * 1000:.0f} µs median "
        f"({m['floor_p95'] * 1000:.0f} µs p95).",
        "",
        "| query | find, median | find, p95 | ratio to floor (median) | found |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, median, p95, found in m["table"]:
        lines.append(f"| {kind} | {median:.2f} ms | {p95:.2f} ms | {median / floor:.1f}× | {found}/{m['lookups']} |")
    lines += [
        "",
        f"The naive alternative, `phone LIKE '%5678'` over the cases table (every page decrypted): "
        f"{m['scan_ms']:.0f} ms median, {m['scan_ms'] / floor:.0f}× the floor.",
        "",
        "Machine:",
        "",
        *machine.describe(Path(tempfile.gettempdir())),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=300)
    args = parser.parse_args()
    print(report(measure(args.cases, args.lookups)))


if __name__ == "__main__":
    main()
