"""The real reference platform on loopback, an in-process keyring, and helpers to make cases.

Shared by tests/sync and bench/ (which put this folder on sys.path)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from keyring.backend import KeyringBackend

from reception.cases import PhotoInput
from reception.tracking_codes import encode_sequence
from sync.client import Open311Client, RetryPolicy
from sync.platform.api import create_app
from sync.platform.store import PlatformStore
from reception_support import valid_case

# Short timeouts and retries so that a fault costs the tests a fraction of a second.
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)


class PlatformServer:
    """uvicorn serving the reference platform in a thread, on a port the OS picked."""

    def __init__(self, data_dir: Path, tls: tuple[Path, Path] | None = None, database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.app = create_app(self.data_dir, database_url)
        self.store: PlatformStore = self.app.state.platform.store
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.scheme = "https" if tls else "http"
        config = uvicorn.Config(self.app, log_level="critical", access_log=False, lifespan="off",
                                timeout_keep_alive=30, limit_concurrency=500, backlog=512,
                                ssl_certfile=str(tls[0]) if tls else None, ssl_keyfile=str(tls[1]) if tls else None)
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/"

    def start(self) -> "PlatformServer":
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the reference platform did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=20)
        self._socket.close()
        self.store.close()

    def enrol_desk(self, desk, name: str) -> str:
        """Enrol ``desk`` as the street would: it is given a prefix of its own on this platform.

        A desk never enrolled keeps a random provisional prefix (three Crockford characters);
        many desks on one shared platform then meet the birthday bound (80 desks: about one
        run in ten), and the second desk's codes are, rightly, refused as taken."""
        self._prefixes = getattr(self, "_prefixes", 0) + 1
        if self._prefixes >= 32 * 32:
            raise RuntimeError("this test platform has given out all its Z.. prefixes")
        prefix = "Z" + encode_sequence(self._prefixes)[-2:]
        desk.set_device_prefix(prefix)
        return self.enrol(name=name, prefix=prefix)[1]

    def enrol(self, name: str = "新安一号", prefix: str | None = None) -> tuple[str, str]:
        """A device's (enrolment code, token) as the laptop would obtain them."""
        _, code = self.store.add_device(name, prefix)
        client = Open311Client(self.url, retry=FAST_RETRY)
        try:
            token = client.enrol(code, f"laptop-{name}")["device_token"]
        finally:
            client.close()
        return code, token

    # What the platform holds, for the invariants.
    def requests_by_key(self) -> dict[str, dict[str, Any]]:
        rows = self.store._rows("SELECT id, idempotency_key, service_request_id, status FROM requests")
        return {r["idempotency_key"]: r for r in rows}

    def complete_keys(self) -> set[str]:
        rows = self.store._rows(
            "SELECT r.idempotency_key FROM requests r WHERE NOT EXISTS "
            "(SELECT 1 FROM media m WHERE m.request = r.id AND m.complete = 0)"
        )
        return {r["idempotency_key"] for r in rows}

    def media_files_ok(self, key: str) -> bool:
        row = self.store._row("SELECT id FROM requests WHERE idempotency_key = :key", {"key": key})
        for m in self.store.media_of(row["id"]):
            path = self.store.media_path(m["sha256"])
            if not m["complete"] or not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != m["sha256"]:
                return False
        return True

    def count_per_key(self) -> dict[str, int]:
        rows = self.store._rows("SELECT idempotency_key, COUNT(*) AS n FROM requests GROUP BY idempotency_key")
        return {r["idempotency_key"]: r["n"] for r in rows}


class MemoryKeyring(KeyringBackend):
    """An in-process keyring for tests: registered by the fixture only, never on a real system."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.passwords:
            raise PasswordDeleteError(username)
        del self.passwords[(service, username)]


def photo(size: int = 4000, seed: int | None = None) -> PhotoInput:
    """Bytes standing in for a downscaled JPEG: the sync treats a photo as opaque bytes."""
    rng = random.Random(seed)
    data = b"\xff\xd8\xff\xe0" + (rng.randbytes(size - 4) if seed is not None else os.urandom(size - 4))
    return PhotoInput(data=data, sha256=hashlib.sha256(data).hexdigest(), mime="image/jpeg", width=800, height=600)


def case_raw(**changes: Any) -> dict[str, Any]:
    """A petition as typed at the stall (the one the domain's tests use)."""
    return valid_case(**changes)


def client_factory(url: str, token: str | None, read_timeout: float = 1.5, retry: RetryPolicy = FAST_RETRY,
                   api_key: str | None = None) -> Callable[[], Open311Client]:
    return lambda: Open311Client(url, token, connect_timeout=2.0, read_timeout=read_timeout, retry=retry,
                                 sleep=lambda s: time.sleep(min(s, 0.05)), api_key=api_key)


class PlainOpen311:
    """tests/sync/plain_open311.py in its own process, so that ``kill -9`` is real; restarted on
    the same port and the same data, as a server's supervisor would."""

    API_KEY = "plain-api-key-2026"

    def __init__(self, data_dir: Path, services: list[str], *, private: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.services = services
        self.private = private
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/georeport/v2/"

    def start(self, *, die_after_commit: int = 0, die_before_commit: int = 0) -> "PlainOpen311":
        command = [sys.executable, str(Path(__file__).with_name("plain_open311.py")), "--data", str(self.data_dir),
                   "--port", str(self.port), "--api-key", self.API_KEY, "--services", ",".join(self.services)]
        if self.private:
            command.append("--private")
        if die_after_commit:
            command += ["--die-after-commit", str(die_after_commit)]
        if die_before_commit:
            command += ["--die-before-commit", str(die_before_commit)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("READY "):
            raise RuntimeError("the plain Open311 server did not start")
        self.port = int(line.split()[1])
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """kill -9: no chance to flush or close anything."""
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(timeout=20)
            self.process.stdout.close()

    def restart(self, **faults: int) -> "PlainOpen311":
        self.kill()
        return self.start(**faults)

    def ensure_running(self) -> None:
        if not self.alive():
            self.restart()

    def rows(self) -> list[dict[str, Any]]:
        import plain_open311

        store = plain_open311.Store(self.data_dir)
        try:
            return store.rows()
        finally:
            store.close()

    def set_status(self, request_id: str, status: str, notes: str) -> None:
        """What the server's own staff would do on its pages."""
        import plain_open311

        store = plain_open311.Store(self.data_dir)
        try:
            store.set_status(request_id, status, notes)
        finally:
            store.close()

    def rows_per_code(self, codes: list[str]) -> dict[str, int]:
        """How many of the server's requests carry each tracking code (at the description's start)."""
        counts = dict.fromkeys(codes, 0)
        for row in self.rows():
            for code in codes:
                if row["description"].startswith(f"[{code}]"):
                    counts[code] += 1
        return counts


# --- the team leader's shell (tests of ``xinan-desk sync`` on the command line) ----------------------

def street_secrets_env(monkeypatch) -> None:
    """The passphrase and the team leader's PIN, as the command line reads them."""
    from reception_support import TEST_PASSPHRASE, TEST_PIN

    monkeypatch.setenv("XINAN_DESK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("XINAN_DESK_PIN", TEST_PIN)


def leader_desk(data_dir, capsys) -> None:
    """A data directory whose team leader has set the PIN (syncing is the leader's)."""
    import pytest

    from cli.main import main
    from reception_support import TEST_PIN, prepare_data_dir

    prepare_data_dir(data_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XINAN_DESK_NEW_PIN", TEST_PIN)
        patch.delenv("XINAN_DESK_PIN")
        assert main(["--data-dir", str(data_dir), "pin"]) == 0
    capsys.readouterr()


def add_case_by_cli(data_dir, tmp_path, capsys, **changes) -> str:
    """``xinan-desk case add``; returns the tracking code it printed."""
    import json

    from cli.main import main

    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_raw(**changes), ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "case", "add", "--json", str(path)]) == 0
    return capsys.readouterr().out.strip()


def settle(service, runs: int = 6):
    """Sync until nothing waits (a fault planned for one run is over by the next); the last report."""
    from sync.service import WAITING

    for _ in range(runs):
        report = service.run()
        if report.stopped is None and not report.of(WAITING):
            return report
    raise AssertionError(f"sync did not settle: {report.stopped} {[r.reason for r in report.results]}")
