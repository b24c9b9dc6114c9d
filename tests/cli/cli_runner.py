"""Running the command line as ``xinan-desk`` does, in this process (``cli.main.main``) or, for the
entry point itself, in a subprocess (``python -m desktop``). No Qt either way.

Test modules import the ``cli`` fixture from here (``from cli_runner import cli``).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reception_support import TEST_PASSPHRASE, TEST_PIN, open_test_database, prepare_data_dir

from cli.main import main

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Desk:
    """The command line pointed at one data directory."""

    data_dir: Path
    # The street's passphrase reaches the command line through its environment variable; the
    # directory is prepared with a cheap KDF cost (see reception_support.TEST_KDF_COST).
    passphrase: str | None = TEST_PASSPHRASE

    def __post_init__(self) -> None:
        if self.passphrase == TEST_PASSPHRASE:
            try:
                prepare_data_dir(self.data_dir)
            except OSError:
                pass  # an unusable data directory: the command line itself must say so

    def run(self, *args: str, stdin: str | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """The command in this process: its exit status, stdout and stderr, as a subprocess's.

        An exception the command line lets escape fails the test (a person would see a traceback).
        """
        argv = ["--data-dir", str(self.data_dir), *args]
        out, err = io.StringIO(), io.StringIO()
        variables = dict(env or {})
        if self.passphrase is not None:
            variables.setdefault("XINAN_DESK_PASSPHRASE", self.passphrase)
        with _environment(variables), _working_directory(cwd), _log_handlers(), \
                contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _stdin(stdin):
            try:
                status = main(argv)
            except SystemExit as exit_:  # argparse refusing the arguments
                status = exit_.code if isinstance(exit_.code, int) else 2
        return subprocess.CompletedProcess(["xinan-desk", *argv], status, out.getvalue(), err.getvalue())

    def run_process(self, *args: str, stdin: str | None = None, cwd: Path | None = None,
                    env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """The command through the real entry point, in its own process."""
        base = {k: v for k, v in os.environ.items() if not k.startswith("XINAN_DESK_")}
        env = {**base, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(REPO), **(env or {})}
        if self.passphrase is not None:
            env.setdefault("XINAN_DESK_PASSPHRASE", self.passphrase)
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

    def leader(self, *args: str, **kwargs) -> str:
        """Run a team leader's command: sets the PIN first if this desk has none yet."""
        self.ensure_pin()
        return self.ok("--pin", TEST_PIN, *args, **kwargs)

    def run_leader(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        self.ensure_pin()
        return self.run("--pin", TEST_PIN, *args, **kwargs)

    def ensure_pin(self) -> None:
        if not getattr(self, "_pin_set", False):
            self.ok("pin", env={"XINAN_DESK_NEW_PIN": TEST_PIN})
            self._pin_set = True

    def table_counts(self) -> dict[str, int]:
        if not (self.data_dir / "desk.db").exists():
            return {}
        db = open_test_database(self.data_dir)
        try:
            return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("cases", "outbox", "photos", "sessions")}
        finally:
            db.conn.close()


@pytest.fixture
def cli(tmp_path: Path) -> Desk:
    return Desk(tmp_path / "data")


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """Only these XINAN_DESK_* variables set, as in a fresh shell; the rest restored after."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("XINAN_DESK_")}
    for name in saved:
        del os.environ[name]
    os.environ.update(variables)
    try:
        yield
    finally:
        for name in [k for k in os.environ if k.startswith("XINAN_DESK_")]:
            del os.environ[name]
        os.environ.update(saved)


@contextlib.contextmanager
def _log_handlers() -> Iterator[None]:
    """A log file the command opened (after a bug) is closed with it, as at a process's end."""
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        yield
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()


@contextlib.contextmanager
def _working_directory(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _stdin(text: str | None) -> Iterator[None]:
    """Standard input as a pipe would give it (not a terminal, so nothing is asked for)."""
    saved = sys.stdin
    sys.stdin = io.StringIO(text or "")
    try:
        yield
    finally:
        sys.stdin = saved
