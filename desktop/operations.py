"""Database work off the UI thread, the way Anki runs its collection operations.

One dedicated worker thread runs every call that touches the desk's SQLite connection, one at a
time, in the order they were submitted; the connection is opened with check_same_thread=False and
this queue is what makes that safe. Results and errors come back to the UI thread through a Qt
signal, so callbacks may touch widgets.

An expected failure (a DeskError) reaches the caller's ``failed`` callback, or the window's error
bar, with its friendly Chinese message. Anything else is a bug: it is logged with its type and
stack frames only (never its message, which could quote a resident's words) and shown as an
unexpected error.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from composition.logs import log_bug
from reception.desk import ReceptionDesk
from reception.errors import DeskError

log = logging.getLogger(__name__)

# What an operation may have changed; the window reloads exactly these parts afterwards.
SESSION, CASES, DEVICE, OUTBOX = "session", "cases", "device", "outbox"


class UnexpectedError(DeskError):
    """A bug, already logged; its message is safe to show."""


def unexpected_message() -> str:
    return QCoreApplication.translate(
        "Operations", "出现意外错误，操作没有完成（已记入日志）。已登记的诉求不受影响，请重试；如果反复出现，请联系技术支持。"
    )


def _log_bug(what: str, error: BaseException) -> None:
    log_bug(log, f"operation {what!r}", error)


@dataclass
class _Job:
    id: int
    what: str
    work: Callable[[ReceptionDesk], Any]
    done: Callable[[Any], None] | None
    failed: Callable[[DeskError], None] | None
    changes: frozenset[str] = field(default_factory=frozenset)


_STOP = object()


class Operations(QObject):
    """The UI's handle on the worker thread."""

    # Emitted on the UI thread after a successful operation, with the topics it changed.
    changed = Signal(frozenset)
    # An expected or unexpected failure nobody handled: a message fit for the volunteer.
    error = Signal(str)
    # True while any operation is queued or running.
    busy_changed = Signal(bool)
    # Only a wake-up crosses threads: the outcomes themselves wait in a Python queue. Passing
    # Python objects (often None results) through a queued Signal(object) from a non-Qt thread
    # let PySide drop a reference too many at shutdown ("Fatal Python error: none_dealloc",
    # seen in the start-up benchmark); plain ints carry no Python references through Qt.
    _delivered = Signal(int)

    def __init__(self, desk: ReceptionDesk | None, parent: QObject | None = None) -> None:
        # None: a worker before the desk exists (the setup wizard's: its work brings its own).
        super().__init__(parent)
        self.desk = desk
        self._queue: queue.Queue[Any] = queue.Queue()
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._stopped = False
        self._outcomes: queue.SimpleQueue[tuple[int, bool, Any]] = queue.SimpleQueue()
        # Emitted from the worker thread; Qt queues it to this object's (the UI) thread.
        self._delivered.connect(self._deliver)
        self._thread = threading.Thread(target=self._run, name="desk-db-worker", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """Operations submitted whose results the UI has not received yet."""
        return len(self._jobs)

    def submit(
        self,
        work: Callable[[ReceptionDesk], Any],
        *,
        what: str,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[DeskError], None] | None = None,
        changes: Iterable[str] = (),
    ) -> int:
        """Queue ``work(desk)`` on the worker; ``done(result)`` or ``failed(error)`` follow on the UI thread.

        ``what`` names the operation in logs (never put personal data in it).
        """
        if self._stopped:
            raise RuntimeError("operations already shut down")
        job = _Job(next(self._ids), what, work, done, failed, frozenset(changes))
        self._jobs[job.id] = job
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._queue.put(job)
        return job.id

    @property
    def accepting(self) -> bool:
        """False once shutdown began: background helpers (timers, page-by-page builds) stop asking."""
        return not self._stopped

    def shutdown(self) -> None:
        """Finish every queued operation (a last draft save, say), then stop the worker."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(_STOP)
        self._thread.join()
        self._jobs.clear()

    # --- worker thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is _STOP:
                return
            try:
                outcome = (job.id, True, job.work(self.desk))
            except DeskError as error:
                outcome = (job.id, False, error)
            except Exception as error:  # a bug: log it safely and keep the worker alive
                _log_bug(job.what, error)
                outcome = (job.id, False, UnexpectedError(unexpected_message()))
            if not self._stopped:
                self._outcomes.put(outcome)
                self._delivered.emit(job.id)

    # --- UI thread -------------------------------------------------------------------------------

    def _deliver(self, _job_id: int) -> None:
        try:
            job_id, ok, payload = self._outcomes.get_nowait()
        except queue.Empty:
            return
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        try:
            if ok:
                if job.done is not None:
                    job.done(payload)
                if job.changes:
                    self.changed.emit(job.changes)
            elif job.failed is not None:
                job.failed(payload)
            else:
                self.error.emit(str(payload))
        except Exception as error:  # a bug in a UI callback: same treatment as on the worker
            _log_bug(f"{job.what} (callback)", error)
            self.error.emit(unexpected_message())
        finally:
            if not self._jobs:
                self.busy_changed.emit(False)
