"""End-of-night sync: drain the desk's outbox to the platform, then bring progress back.

At-least-once delivery plus the idempotency key (the case's UUID) gives an exactly-once effect:
a case is sent until the platform confirms it holds the case with every photo, and a resend of
the same case can only ever find the same request. The laptop marks a case synced only after
that confirmation, in one transaction with its outbox entry.

Threads: a few worker threads talk HTTP (a slow link is latency-bound, not bandwidth-bound, when
cases go one at a time); the thread that called ``run`` does all database work, so the desk's
one SQLite connection is never used from two threads at once by this module.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reception import clock
from reception.cases import Case
from reception.desk import ReceptionDesk
from reception.privacy import audit
from reception.storage import repository as repo
from sync import progress, protocol
from sync.client import AuthFailed, NotSupported, Open311Client, Rejected, RetryPolicy, SyncError, Transient

CLOCK_WARNING_SECONDS = 300
CURSOR_SETTING = "sync_cursor"
SKEW_SETTING = "sync_clock_skew_seconds"
# After this many cases in a row failed for network reasons, stop: the link is down.
GIVE_UP_AFTER_TRANSIENT = 3

SYNCED, SET_ASIDE, WAITING = "synced", "set_aside", "waiting"


@dataclass(frozen=True)
class CaseResult:
    case_id: str
    tracking_code: str
    outcome: str  # synced | set_aside | waiting
    reason: str = ""


@dataclass
class SyncReport:
    results: list[CaseResult] = field(default_factory=list)
    updates_received: int = 0
    clock_warning: str | None = None
    stopped: str | None = None  # why the sync stopped early (no network, token refused...)
    updates_note: str | None = None

    def put(self, result: CaseResult) -> None:
        """One line per case; a later failure (a void refused) outranks an earlier success."""
        for i, existing in enumerate(self.results):
            if existing.case_id == result.case_id:
                if result.outcome != SYNCED:
                    self.results[i] = result
                return
        self.results.append(result)

    def of(self, outcome: str) -> list[CaseResult]:
        return [r for r in self.results if r.outcome == outcome]

    @property
    def synced(self) -> list[CaseResult]:
        return self.of(SYNCED)

    @property
    def set_aside(self) -> list[CaseResult]:
        return self.of(SET_ASIDE)

    @property
    def waiting(self) -> list[CaseResult]:
        return self.of(WAITING)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    last: CaseResult | None
    phase: str  # "sending" | "amending" | "updates" | "done"


def request_fields(case: Case, verifier: str) -> dict[str, str]:
    """The Open311 form fields for a case (docs/protocol.md has the mapping)."""
    return {
        "service_code": case.category_code,
        "description": case.description,
        "address_string": " ".join(p for p in (case.community, case.address) if p),
        "first_name": "" if case.anonymous else case.resident_name,
        "phone": "" if case.anonymous else case.phone,
        protocol.attribute_name("tracking_code"): case.tracking_code,
        protocol.attribute_name("verifier"): verifier,
        protocol.attribute_name("community"): case.community,
        protocol.attribute_name("urgency"): case.urgency.value,
        protocol.attribute_name("outcome"): case.outcome.value,
        protocol.attribute_name("outcome_note"): case.outcome_note,
        protocol.attribute_name("receptionist"): case.receptionist,
        protocol.attribute_name("anonymous"): "true" if case.anonymous else "false",
        protocol.attribute_name("requested_datetime"): clock.to_text(case.created_at),
        protocol.attribute_name("accept_by"): clock.to_text(case.accept_by),
        protocol.attribute_name("close_by"): clock.to_text(case.close_by),
        protocol.attribute_name("photos"): ",".join(p.sha256 for p in case.photos),
        # Only when there is one: an unchanged field list keeps older cases' idempotency content.
        **({protocol.attribute_name("follows"): case.follows_code} if case.follows_code else {}),
    }


@dataclass(frozen=True)
class _CreateJob:
    outbox_id: int
    case: Case
    fields: dict[str, str]
    photos: tuple[tuple[str, bytes], ...]
    known_request_id: str | None
    earlier_attempts: int = 0


@dataclass(frozen=True)
class _Sent:
    request_id: str
    status: str


def skew_warning(skew: float | None) -> str | None:
    if skew is None or abs(skew) < CLOCK_WARNING_SECONDS:
        return None
    minutes = round(abs(skew) / 60)
    direction = "快" if skew > 0 else "慢"
    return f"本机时钟比平台{direction}约 {minutes} 分钟：登记时间和办理时限会不准，请校准这台笔记本的时间"


class SyncService:
    def __init__(
        self,
        desk: ReceptionDesk,
        client_factory: Callable[[], Open311Client],
        *,
        verifier_for: Callable[[Case], str] | None = None,
        workers: int = 4,
        media_retry: RetryPolicy = RetryPolicy(),
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.desk = desk
        self.db = desk.db
        self.client_factory = client_factory
        self.verifier_for = verifier_for or (lambda case: "")
        self.workers = max(1, workers)
        self.media_retry = media_retry
        self.now = now or desk.now
        self._local = threading.local()
        self._clients: list[Open311Client] = []
        self._clients_lock = threading.Lock()

    # --- the whole run ---------------------------------------------------------------------------

    def run(self, progress: Callable[[Progress], None] | None = None, cancel: threading.Event | None = None) -> SyncReport:
        report = SyncReport()
        notify = progress or (lambda p: None)
        cancel = cancel or threading.Event()
        try:
            pending = repo.pending_outbox(self.db)
            creates = [row for row in pending if row["kind"] == "create"]
            later = [row for row in pending if row["kind"] != "create"]
            total = len({row["case_id"] for row in pending})
            try:
                self._send_creates(creates, report, notify, total, cancel)
                self._send_amendments(later, report, notify, total, cancel)
                if report.stopped is None and not cancel.is_set():
                    notify(Progress(len(report.results), total, None, "updates"))
                    self._pull_updates(report)
                    self._refresh_progress(report)
            except AuthFailed as error:
                report.stopped = str(error)
            self._finish_report(report, pending)
            report.clock_warning = self._clock_check()
            self._audit(report)
        finally:
            self._close_clients()
        notify(Progress(len(report.results), len(report.results), None, "done"))
        return report

    def _client(self) -> Open311Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self.client_factory()
            self._local.client = client
            with self._clients_lock:
                self._clients.append(client)
        return client

    def _close_clients(self) -> None:
        with self._clients_lock:
            for client in self._clients:
                client.close()
            self._clients.clear()
        self._local = threading.local()

    # --- creates ---------------------------------------------------------------------------------

    def _send_creates(self, rows, report: SyncReport, notify, total: int, cancel: threading.Event) -> None:
        queue = list(rows)
        in_flight: dict[Future, _CreateJob] = {}
        transient_in_a_row = 0
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sync") as pool:
            while queue or in_flight:
                while queue and len(in_flight) < self.workers * 2 and report.stopped is None and not cancel.is_set():
                    job = self._prepare(queue.pop(0))
                    if job is None:
                        continue
                    in_flight[pool.submit(self._deliver, job)] = job
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    job = in_flight.pop(future)
                    result = self._record(job, future)
                    report.put(result)
                    transient_in_a_row = transient_in_a_row + 1 if result.outcome == WAITING else 0
                    if isinstance(future.exception(), AuthFailed):
                        report.stopped = str(future.exception())
                    elif transient_in_a_row >= GIVE_UP_AFTER_TRANSIENT and report.stopped is None:
                        report.stopped = f"网络不通或平台无响应，已暂停同步：{result.reason}"
                    notify(Progress(len(report.results), total, result, "sending"))
        if cancel.is_set() and report.stopped is None:
            report.stopped = "已由操作人员停止同步"

    def _prepare(self, row: dict[str, Any]) -> _CreateJob | None:
        case = self.desk.case(row["case_id"])
        state = repo.sync_case(self.db, case.id)
        if case.is_synced:
            # Confirmed earlier (an outbox entry left from before a crash): nothing to send.
            with self.db.atomic():
                repo.finish_outbox(self.db, row["id"], clock.to_text(self.now()))
            return None
        photos = tuple((p.sha256, self.desk.photo_data(p.id)) for p in case.photos)
        # Committed before the first byte leaves: from here on the platform may hold the case
        # even if its answer is lost, so the desk stops editing it in place (amendments instead).
        with self.db.atomic():
            repo.mark_create_started(self.db, row["id"], clock.to_text(self.now()))
        return _CreateJob(row["id"], case, request_fields(case, self.verifier_for(case)), photos,
                          state["request_id"] if state else None, row["attempts"] or 0)

    def _deliver(self, job: _CreateJob) -> _Sent:
        """Runs on a worker thread: HTTP only, no database."""
        client = self._client()
        created = client.create_request(job.fields, job.case.id)
        request_id = created.service_request_id
        if request_id is None:
            raise Rejected("平台只返回了受理凭据（token），没有诉求编号；请让平台开启即时编号", 0)
        whole = created.media_complete if not job.photos else None
        for sha, data in job.photos:
            known = created.media.get(sha) if created.media is not None else None
            whole = self._upload_photo(client, request_id, sha, data, known)
        if whole is True and created.status:
            # The platform's own answer says it holds every photo: no need to ask once more.
            return _Sent(request_id, created.status)
        status = client.get_request(request_id)
        if status.media_complete is False:
            raise Transient("平台尚未收齐照片，下次同步会补传")
        return _Sent(request_id, status.status)

    def _upload_photo(self, client: Open311Client, request_id: str, sha: str, data: bytes,
                      known: protocol.MediaState | None) -> bool | None:
        """Make sure the platform holds this photo; returns whether it now holds the whole request
        (None when it does not say)."""
        last: SyncError | None = None
        for attempt in range(self.media_retry.attempts):
            if attempt:
                client.sleep(self.media_retry.delay(attempt - 1, client.rng))
            try:
                # The create's answer already said how much is there; after a failure, ask again.
                state = known if known is not None and attempt == 0 else client.media_state(request_id, sha)
                if state.complete:
                    return state.request_complete
                offset = state.received if 0 <= state.received < len(data) else 0
                sent = client.upload_media(request_id, sha, data, offset)
                if sent.complete:
                    return sent.request_complete
                last = Transient("照片没有传完整")
            except NotSupported:
                raise Rejected("平台不支持照片上传，带照片的诉求无法同步到该平台", 0) from None
            except Rejected as error:
                if error.status_code not in (416, 422):
                    raise
                last = Transient(f"照片续传位置或校验不符，重新上传（{error}）")
            except Transient as error:
                last = error
        assert last is not None
        raise last

    def _record(self, job: _CreateJob, future: Future) -> CaseResult:
        """Back on the calling thread: write what happened, one transaction per case."""
        now = clock.to_text(self.now())
        case = job.case
        error = future.exception()
        with self.db.atomic():
            if error is None:
                sent: _Sent = future.result()
                repo.upsert_sync_case(
                    self.db, case.id,
                    {"request_id": sent.request_id, "set_aside_reason": None, "set_aside_at": None, "last_error": None},
                    now,
                )
                repo.mark_case_synced(self.db, case.id, now, sent.status)
                self._apply_status(case.id, sent.status, now)
                repo.finish_outbox(self.db, job.outbox_id, now)
                return CaseResult(case.id, case.tracking_code, SYNCED)
            if isinstance(error, Rejected):
                reason = str(error)
                if error.status_code == 409 and job.earlier_attempts:
                    # The usual story: an earlier try reached the platform but its answer was
                    # lost, and the case was corrected on this laptop before this try.
                    reason += "（这条诉求在上次同步中断后又在本机修改过：平台保留的是修改前的版本，请在平台上补充更正）"
                repo.upsert_sync_case(self.db, case.id, {"set_aside_reason": reason, "set_aside_at": now}, now)
                repo.note_outbox_attempt(self.db, job.outbox_id, reason)
                return CaseResult(case.id, case.tracking_code, SET_ASIDE, reason)
            if isinstance(error, SyncError):
                reason = str(error)
            else:
                # A bug or a library surprise: keep the case waiting, name only the error type.
                reason = f"同步出现意外错误（{type(error).__name__}），下次同步会重试"
            repo.upsert_sync_case(self.db, case.id, {"last_error": reason}, now)
            repo.note_outbox_attempt(self.db, job.outbox_id, reason)
            return CaseResult(case.id, case.tracking_code, WAITING, reason)

    def _apply_status(self, case_id: str, status: str, at: str) -> None:
        known = status in protocol.STATUS_LABELS
        closes = protocol.is_closed(status) if known and status != "voided" else None
        repo.set_platform_status(self.db, case_id, status, at, closes)

    # --- amendments (voids, corrections after sync) -----------------------------------------------

    def _send_amendments(self, rows, report: SyncReport, notify, total: int, cancel: threading.Event) -> None:
        for row in rows:
            if report.stopped is not None or cancel.is_set():
                break
            case = self.desk.case(row["case_id"])
            state = repo.sync_case(self.db, case.id)
            if not case.is_synced or not state or not state["request_id"]:
                continue  # its create has not gone through yet; the amendment waits behind it
            now = clock.to_text(self.now())
            extra = None
            if row["kind"] == "void":
                description, status = f"接访台作废：{case.void_reason}", "voided"
            elif row["kind"] == "rate":
                (description, extra), status = progress.rating_update(self.db, row["id"]), ""
            else:
                note = repo.amendment_note(self.db, row["id"])
                description, status = f"接访台更正：{note or case.category_name}", ""
            try:
                self._client().post_update(state["request_id"], description, status, f"{case.id}:{row['id']}", extra)
            except Rejected as error:
                with self.db.atomic():
                    repo.upsert_sync_case(self.db, case.id, {"set_aside_reason": str(error), "set_aside_at": now}, now)
                    repo.note_outbox_attempt(self.db, row["id"], str(error))
                result = CaseResult(case.id, case.tracking_code, SET_ASIDE, str(error))
            except AuthFailed:
                raise
            except SyncError as error:
                with self.db.atomic():
                    repo.note_outbox_attempt(self.db, row["id"], str(error))
                result = CaseResult(case.id, case.tracking_code, WAITING, str(error))
                report.stopped = f"网络不通或平台无响应，已暂停同步：{error}"
            else:
                with self.db.atomic():
                    repo.finish_outbox(self.db, row["id"], now)
                    if status:
                        repo.set_platform_status(self.db, case.id, status, now, None)
                result = CaseResult(case.id, case.tracking_code, SYNCED)
            report.put(result)
            notify(Progress(len(report.results), total, result, "amending"))

    # --- progress coming back ----------------------------------------------------------------------

    def _pull_updates(self, report: SyncReport) -> None:
        client = self._client()
        saved = repo.get_setting(self.db, CURSOR_SETTING) or {}
        if saved.get("server") != client.base:
            saved = {"server": client.base}
        for _ in range(1000):
            try:
                updates, next_cursor = client.updates(saved.get("cursor"), saved.get("start_date"))
            except NotSupported as error:
                report.updates_note = str(error)
                return
            except Transient as error:
                report.updates_note = f"未能取回办理进度：{error}"
                return
            new = dict(saved)
            if next_cursor:
                new["cursor"] = next_cursor
            elif updates:
                stamps = [u.updated_datetime for u in updates if u.updated_datetime]
                if stamps:
                    new["start_date"] = max(stamps)
            received = clock.to_text(self.now())
            with self.db.atomic():
                # The updates and the cursor that follows them: together or not at all.
                for update in updates:
                    case_id = repo.case_id_for_request(self.db, update.service_request_id)
                    if case_id is None:
                        continue
                    stored = repo.insert_sync_update(self.db, {
                        "case_id": case_id, "update_id": update.update_id, "status": update.status,
                        "description": update.description, "updated_at": update.updated_datetime,
                        "received_at": received,
                    })
                    if stored:
                        report.updates_received += 1
                        self._apply_status(case_id, update.status, update.updated_datetime or received)
                repo.set_setting(self.db, CURSOR_SETTING, new)
            if not updates or new == saved:
                return
            saved = new

    def _refresh_progress(self, report: SyncReport) -> None:
        """The platform's view of each case with news: department, due time, visits, ratings."""
        _, note = progress.refresh(self._client(), self.db, clock.to_text(self.now()))
        if note and not report.updates_note:
            report.updates_note = note

    # --- the summary -------------------------------------------------------------------------------

    def _audit(self, report: SyncReport) -> None:
        """One entry in the audit log per run: counts only, the cases' codes are in the report."""
        detail = f"已同步 {len(report.synced)} 条，搁置 {len(report.set_aside)} 条，仍在等待 {len(report.waiting)} 条"
        with self.db.atomic():
            audit.append(self.db, "sync", audit.Actor(self.desk.role), detail=detail, at=self.now())

    def _finish_report(self, report: SyncReport, pending: list[dict[str, Any]]) -> None:
        reached = {r.case_id for r in report.results}
        for row in pending:
            if row["case_id"] in reached:
                continue
            case = self.desk.case(row["case_id"])
            state = repo.sync_case(self.db, case.id)
            if state and state["set_aside_reason"]:
                report.results.append(CaseResult(case.id, case.tracking_code, SET_ASIDE, state["set_aside_reason"]))
            else:
                why = report.stopped or "排在未同步成功的诉求之后"
                report.results.append(CaseResult(case.id, case.tracking_code, WAITING, why))
            reached.add(case.id)

    def _clock_check(self) -> str | None:
        for client in self._clients:
            skew = client.clock_skew_seconds()
            if skew is not None:
                with self.db.atomic():
                    repo.set_setting(self.db, SKEW_SETTING, round(skew))
                return skew_warning(skew)
        return None


def overview(desk: ReceptionDesk) -> dict[str, list[dict[str, Any]]]:
    """What is still waiting and what was set aside (and why), without talking to the server."""
    rows = repo.sync_overview(desk.db)
    return {
        "set_aside": [r for r in rows if r["set_aside_reason"]],
        "waiting": [r for r in rows if not r["set_aside_reason"] and r["pending"]],
    }
