"""What encryption at rest costs: unlocking the desk, and recording one case, each as a ratio to
the same without encryption, in the same run on the same machine.

    .venv/bin/python -m bench.privacy [--unlocks 7] [--records 300]

- **Unlock**: ``open_services(data_dir, passphrase)`` on a data directory holding a night's cases
  (scrypt at the shipped cost, AES-GCM unwrap, SQLCipher key, migrations check, the audit entry)
  against the same without encryption (``open_database(path, None)`` + ``ReceptionDesk`` + the
  form files). scrypt is slow on purpose, so the unlock is also shown without it: the SQLCipher
  open alone against the plain open.
- **Recording one case**: ``ReceptionDesk.record_case`` on the encrypted file against the same
  call on a plain SQLite file (same pragmas: WAL, synchronous=FULL), alternating, medians.

Prints a Markdown section for docs/benchmarks.md (the "Privacy" section).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from bench import machine
from composition.services import open_services
from forms import load_form
from reception.desk import ReceptionDesk
from reception.paths import database_path
from reception.privacy import keyfile
from reception.privacy.keyfile import DEFAULT_COST
from reception.storage import open_database

PASSPHRASE = "bench 夜话口令 2026"
NIGHT = 214  # the anniversary night's petitions (docs/shared/domain.md)


def _ms(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def _case(desk: ReceptionDesk, n: int) -> dict:
    raw = desk.template()
    raw["description"] = f"第{n}条：地铁C出口共享单车乱停放，挡住盲道，老人推车过不去"
    return raw


def measure(unlocks: int, records: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="xinan-bench-privacy-") as tmp:
        enc_dir, plain_dir = Path(tmp) / "encrypted", Path(tmp) / "plain"
        form = load_form(None).form
        services = open_services(enc_dir, PASSPHRASE)  # the shipped scrypt cost
        plain = ReceptionDesk(open_database(database_path(plain_dir), None), form)
        for n in range(NIGHT):
            services.desk.record_case(_case(services.desk, n))
            plain.record_case(_case(plain, n))

        enc_record, plain_record = [], []
        for n in range(records):  # alternate, so a busy moment hits both sides
            enc_record.append(_ms(lambda: services.desk.record_case(_case(services.desk, n)))[0])
            plain_record.append(_ms(lambda: plain.record_case(_case(plain, n)))[0])
        services.close()
        plain.db.conn.close()

        data_key = keyfile.unlock(enc_dir, PASSPHRASE)
        enc_unlock, plain_unlock, kdf, cipher_open = [], [], [], []

        def plain_open() -> None:
            desk = ReceptionDesk(open_database(database_path(plain_dir), None), load_form(plain_dir).form)
            desk.db.conn.close()

        def encrypted_open() -> None:
            opened = open_services(enc_dir, PASSPHRASE)
            opened.close()

        def sqlcipher_open() -> None:
            desk = ReceptionDesk(open_database(database_path(enc_dir), data_key), load_form(enc_dir).form)
            desk.db.conn.close()

        plain_open(), encrypted_open(), sqlcipher_open()  # warm-up, unmeasured
        for _ in range(unlocks):
            plain_unlock.append(_ms(plain_open)[0])
            enc_unlock.append(_ms(encrypted_open)[0])
            kdf.append(_ms(lambda: keyfile.unlock(enc_dir, PASSPHRASE))[0])
            cipher_open.append(_ms(sqlcipher_open)[0])
        size = {name: sum(p.stat().st_size for p in d.glob("desk.db*")) / 1e6 for name, d in (("enc", enc_dir), ("plain", plain_dir))}
        return {
            "enc_unlock": enc_unlock, "plain_unlock": plain_unlock, "kdf": kdf, "cipher_open": cipher_open,
            "enc_record": enc_record, "plain_record": plain_record, "size": size,
            "cases": NIGHT + records,
        }


def report(result: dict[str, object], unlocks: int, records: int, description: list[str]) -> str:
    med = statistics.median
    rows = [
        ("unlock (passphrase → desk ready)", med(result["enc_unlock"]), "open without encryption", med(result["plain_unlock"])),
        ("  of which scrypt + AES-GCM unwrap", med(result["kdf"]), "open without encryption", med(result["plain_unlock"])),
        ("  of which SQLCipher open (key known)", med(result["cipher_open"]), "open without encryption", med(result["plain_unlock"])),
        ("record one case", med(result["enc_record"]), "record_case on plain SQLite", med(result["plain_record"])),
    ]
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
    lines = [
        "## Privacy",
        "",
        f"Measured {when} UTC with `.venv/bin/python -m bench.privacy --unlocks {unlocks} --records {records}`.",
        "",
        *[f"- {line}" for line in description],
        f"- scrypt at the shipped cost (N=2^{DEFAULT_COST.n.bit_length() - 1}, r={DEFAULT_COST.r}, p={DEFAULT_COST.p}, 128 MiB); "
        f"{result['cases']} cases on each side; {unlocks} unlocks, {records} records, alternating; medians.",
        f"- Database files: {result['size']['enc']:.1f} MB encrypted, {result['size']['plain']:.1f} MB plain; "
        f"SQLCipher {_sqlcipher_version()} (SQLite {sqlcipher.sqlite_version}).",
        "",
        "| measure | with encryption (ms) | floor | floor (ms) | ratio |",
        "|---|---:|---|---:|---:|",
    ]
    for name, value, floor_name, floor in rows:
        lines.append(f"| {name} | {value:.1f} | {floor_name} | {floor:.1f} | {value / floor:.2f} |")
    lines += [
        "",
        "The unlock is slow on purpose: scrypt makes each guess at a lost laptop's passphrase cost the",
        "same memory and time, once per night for the team leader. Changing the passphrase costs one",
        "more scrypt and rewraps 32 bytes; the database is not re-encrypted.",
    ]
    return "\n".join(lines) + "\n"


def _sqlcipher_version() -> str:
    conn = sqlcipher.connect(":memory:")
    try:
        return conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.privacy")
    parser.add_argument("--unlocks", type=int, default=7)
    parser.add_argument("--records", type=int, default=300)
    args = parser.parse_args()
    description = machine.describe(Path(tempfile.gettempdir()))
    result = measure(args.unlocks, args.records)
    print(report(result, args.unlocks, args.records, description))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
