"""Shared by the sync benchmarks: the reference platform as a real process, laptops with a night
of cases, and a client that times every HTTP exchange."""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from forms import load_form
from reception.cases import PhotoInput
from reception.desk import ReceptionDesk
from reception.storage import open_database
from sync.client import Open311Client, SyncError

# The reference platform as its own process, from the tests' folder (it needs none of their helpers).
from tests.sync.platform_process import PlatformProcess

REPO = Path(__file__).resolve().parents[1]


def night_desk(directory: Path, cases: int, photo_bytes: int, seed: int) -> ReceptionDesk:
    """A laptop with one night of cases, each with one photo of ``photo_bytes`` (incompressible,
    as a JPEG is)."""
    desk = ReceptionDesk(open_database(directory / "desk.db"), load_form(None).form)
    rng_state = seed
    for i in range(cases):
        rng_state = (rng_state * 6364136223846793005 + 1442695040888963407) % 2**64
        data = b"\xff\xd8\xff\xe0" + os.urandom(photo_bytes - 4)
        photo = PhotoInput(data, hashlib.sha256(data).hexdigest(), "image/jpeg", 1600, 1200)
        desk.record_case({
            "category": "ENV03", "description": f"楼道里蟑螂很多，希望安排消杀（第{i + 1}条）",
            "anonymous": False, "resident_name": "王阿姨", "phone": "13812345678",
            "community": "安乐社区", "address": "安乐村12栋", "urgency": "一般",
            "outcome": "转平台办理", "outcome_note": "", "receptionist": "志愿者 李明",
            "photos": [photo], "consent": True,
        })
    return desk


class TimedClient(Open311Client):
    """Records the wall time of every HTTP exchange and every failed one."""

    def __init__(self, *args: Any, log: list[float], errors: list[str], lock: threading.Lock, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._log, self._errors, self._lock = log, errors, lock

    def _once(self, method, url, ok, headers, kwargs):
        started = time.perf_counter()
        try:
            return super()._once(method, url, ok, headers, kwargs)
        except SyncError as error:
            with self._lock:
                self._errors.append(f"{method} {type(error).__name__}: {error}")
            raise
        finally:
            with self._lock:
                self._log.append(time.perf_counter() - started)


def work_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def publish(name: str, lines: list[str]) -> None:
    """Print a benchmark's table and keep it as bench/results/NAME.md (docs/benchmarks.md quotes it)."""
    text = "\n".join(lines)
    print(text)
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"{name}.md").write_text(text + "\n", encoding="utf-8")


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
