"""``xinan-platform`` as its own process (or its --workers), as a street or district runs it.

Shared by tests/sync and bench/ (``from tests.sync.platform_process import PlatformProcess``);
it needs nothing of the tests' helpers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

PLATFORM = str(Path(sys.executable).with_name("xinan-platform"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PlatformProcess:
    """``xinan-platform --data-dir DIR [--database URL] [--workers N] --port P``."""

    def __init__(self, data_dir: Path, database: str | None = None, workers: int = 1) -> None:
        self.data_dir = Path(data_dir)
        self.database = database
        self.workers = workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def command(self, *args: str) -> list[str]:
        database = ["--database", self.database] if self.database else []
        return [PLATFORM, "--data-dir", str(self.data_dir), *database, *args]

    def start(self) -> "PlatformProcess":
        # Its own process group, so that stop() ends uvicorn's worker processes too.
        self.process = subprocess.Popen(
            self.command("--port", str(self.port), "--workers", str(self.workers)),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(self.url + "open311/v2/services.json", timeout=2)
                return self
            except requests.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("the platform did not start") from None
                time.sleep(0.1)

    def enrolment_code(self, name: str, street: str | None = None) -> str:
        where = ["--street", street] if street else []
        answer = subprocess.run(self.command("device", "add", "--name", name, *where),
                                capture_output=True, text=True, check=True)
        return answer.stdout.strip()

    def enrol(self, name: str, street: str | None = None) -> str:
        from sync.client import Open311Client

        client = Open311Client(self.url)
        try:
            return client.enrol(self.enrolment_code(name, street), name)["device_token"]
        finally:
            client.close()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
