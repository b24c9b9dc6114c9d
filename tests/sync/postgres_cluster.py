"""A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's initdb and pg_ctl, a
temporary directory, a free loopback port, no Docker.

initdb refuses to run as root; as root (CI) the cluster belongs to the ``postgres`` user that
Debian's package creates, and its commands run through ``runuser``. For the tests durability
is switched off (fsync, synchronous_commit): the cluster lives for one session and is thrown away.

Shared by tests/sync and bench/ (which put this folder on sys.path).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

# What the platform's tests run on: each test of it once per database.
DATABASES = ("sqlite", "postgresql")
INSTALL_HINT = "run `scripts/install-system-deps.sh test` as root, or `sudo apt-get install postgresql`"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed, or the cluster would not start."""


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PostgresUnavailable(f"PostgreSQL's initdb and pg_ctl are missing: {INSTALL_HINT}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    USER = "xinan"

    def __init__(self, durable: bool = False) -> None:
        # durable: fsync and synchronous commits on, as in production (the benchmark compares
        # against SQLite with synchronous=FULL); off for the tests, whose cluster is thrown away.
        self.durable = durable
        self.bindir = _bindir()
        self.port = _free_port()
        # As root, under /tmp: the postgres user must reach the directory, which a root-only
        # $TMPDIR would not let it.
        self.base = Path(tempfile.mkdtemp(prefix="xinan-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        self.data = self.base / "data"
        self._run_as: list[str] = []
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable(f"no 'postgres' user to run the test cluster as: {INSTALL_HINT}") from None
            os.chown(self.base, owner.pw_uid, owner.pw_gid)
            self._run_as = ["runuser", "-u", "postgres", "--"]
        self._names = itertools.count(1)
        self._shared: str | None = None

    def _pg(self, program: str, *args: str) -> None:
        command = [*self._run_as, str(self.bindir / program), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.base)
        if done.returncode != 0:
            log = (self.base / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailable(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")

    def start(self) -> "PostgresCluster":
        self._pg("initdb", "-D", str(self.data), "-U", self.USER, "--auth=trust", "--encoding=UTF8",
                 "--no-locale", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} -c max_connections=300"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-t", "60",
                 "-o", options, "start")
        return self

    def stop(self) -> None:
        try:
            self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "t") -> str:
        """A new, empty database; its URL (a few hundred milliseconds: it copies a template)."""
        import psycopg

        name = f"{prefix}{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def fresh_schema(self) -> str:
        """An empty schema in the shared test database, and a URL whose connections use only it.

        What one test needs of "its own database", in milliseconds instead of CREATE DATABASE's
        second: the platform's tables, sequences and indexes all land in the schema.
        """
        import psycopg

        if self._shared is None:
            self._shared = self.create_database("shared")
        name = f"s{next(self._names)}"
        with psycopg.connect(self._shared, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return f"{self._shared}?options=-csearch_path%3D{name}"
