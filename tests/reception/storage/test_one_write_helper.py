"""Every write transaction of the desk goes through reception/storage/writing.py: BEGIN
IMMEDIATE (a write never fails at once on another program's lock) and known failures said in
words. A raw ``db.atomic()`` anywhere else would skip both."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# The platform server has its own database (sync/platform/database.py).
PACKAGES = ("reception", "forms", "sync", "composition", "cli", "desktop")
RAW = re.compile(r"\.atomic\(\)")


def test_no_write_transaction_bypasses_the_write_helper():
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith("sync/platform/") or relative == "reception/storage/writing.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                code = line.split("#", 1)[0]
                if RAW.search(code) and "``" not in code:
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert found == [], "use reception.storage.writing.writing(db):\n" + "\n".join(found)
