"""Running the real entry point, ``python -m desktop``, in a subprocess (no Qt involved).

Test modules import the ``cli`` fixture from here (``from cli_runner import cli``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Desk:
    """The command line pointed at one data directory."""

    data_dir: Path

    def run(self, *args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(REPO)}
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(self.data_dir), *args],
            input=stdin, capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=120, env=env, cwd=cwd or REPO,
        )

    def ok(self, *args: str, **kwargs) -> str:
        result = self.run(*args, **kwargs)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args))

    def add(self, case: dict[str, Any], directory: Path | None = None) -> str:
        path = (directory or self.data_dir.parent) / "case.json"
        path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
        return self.ok("case", "add", "--json", str(path)).strip()

    def table_counts(self) -> dict[str, int]:
        db = self.data_dir / "desk.db"
        if not db.exists():
            return {}
        conn = sqlite3.connect(db)
        try:
            return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("cases", "outbox", "photos", "sessions")}
        finally:
            conn.close()


@pytest.fixture
def cli(tmp_path: Path) -> Desk:
    return Desk(tmp_path / "data")
