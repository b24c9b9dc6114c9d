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
from datetime import datetime, timedelta
from typing import Any

from reception import clock
from reception.cases import Case
from reception.desk import ReceptionDesk
from reception.privacy import audit
from reception.storage import repository as repo
from reception.storage.writing import writing
from sync import progress, protocol, street_topics
from sync.client import AuthFailed, FateUnknown, NotSupported, Open311Client, Rejected, RetryPolicy, SyncError, Transient, Unreached
from sync.profiles import REFERENCE, ServerProfile

CLOCK_WARNING_SECONDS = 300
CURSOR_SETTING = "sync_cursor"
SKEW_SETTING = "sync_clock_skew_seconds"
# After this many cases in a row failed for network reasons, stop: the link is down.
GIVE_UP_AFTER_TRANSIENT = 3

SYNCED, SET_ASIDE, WAITING = "synced", "set_aside", "waiting"
# 待核实: the create may be on a server without idempotency and a look-up could not tell.
UNCONFIRMED = "unconfirmed"
# The look-up's time window around the first try, wide enough for a server's clock far off.
LOOK_UP_MARGIN = timedelta(hours=12)
STATUS_BATCH = 50


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
    audit_anchor: str | None = None  # the audit log's head at the platform (sync/audit_anchor.py)

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

    @property
    def unconfirmed(self) -> list[CaseResult]:
        return self.of(UNCONFIRMED)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    last: CaseResult | None
    phase: str  # "sending" | "amending" | "updates" | "done"


def tracked_description(case: Case) -> str:
    """The description as a server without attributes keeps it: the tracking code first, so the
    case can be found on the server (and by its staff) by the code on the resident's slip."""
    return f"[{case.tracking_code}] {case.description}"


def request_fields(case: Case, verifier: str, profile: ServerProfile = REFERENCE,
                   location: tuple[float, float] | None = None) -> dict[str, str]:
    """The Open311 form fields for a case (docs/protocol.md has the mapping)."""
    fields = {
        "service_code": case.category_code,
        "description": case.description if profile.keeps_attributes else tracked_description(case),
        profile.address_field: " ".join(p for p in (case.community, case.address) if p),
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
    if location is not None:
        fields["lat"], fields["long"] = f"{location[0]:.6f}", f"{location[1]:.6f}"
    return fields


@dataclass(frozen=True)
class CreateJob:
    outbox_id: int
    case: Case
    fields: dict[str, str]
    photos: tuple[tuple[str, bytes], ...]
    known_request_id: str | None
    earlier_attempts: int = 0
    # Set when an earlier try's body may have reached a server without idempotency keys.
    fate_unknown_since: str | None = None
    previous_error: str | None = None  # what the last try ended with, to tell a repeating failure


@dataclass
class DeliveryOutcome:
    """What one case's delivery learnt; written by the calling thread in one transaction."""

    request_id: str | None = None  # kept the moment any answer names it
    synced: bool = False
    status: str = ""
    error: SyncError | None = None
    unconfirmed: bool = False
    fate_known: bool = False  # the server certainly did not store it (refused, or never reached)
    note: str = ""


class CannotTell(SyncError):
    """The server's list does not show whether it holds the case (no descriptions, no look-up)."""


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
        profile: ServerProfile = REFERENCE,
        location_for: Callable[[Case], tuple[float, float] | None] | None = None,
        workers: int = 4,
        media_retry: RetryPolicy = RetryPolicy(),
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.desk = desk
        self.db = desk.db
        self.client_factory = client_factory
        self.verifier_for = verifier_for or (lambda case: "")
        self.profile = profile
        self.location_for = location_for or (lambda case: None)
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
            # A void the platform refused for good waits for the leader, not for every sync.
            later = [row for row in pending if row["kind"] != "create" and not row["refused"]]
            total = len({row["case_id"] for row in creates + later})
            try:
                self._send_creates(creates, report, notify, total, cancel)
                self._send_amendments(later, report, notify, total, cancel)
                if report.stopped is None and not cancel.is_set():
                    notify(Progress(len(report.results), total, None, "updates"))
                    self._pull_updates(report)
                    self._refresh_progress(report)
                    self._refresh_topics(report)
            except AuthFailed as error:
                report.stopped = str(error)
            self._finish_report(report, pending)
            report.clock_warning = self._clock_check()
            self.log_run(report)
            if report.stopped is None:
                from sync.audit_anchor import anchor_head

                report.audit_anchor = anchor_head(self._client(), self.desk)
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
        in_flight: dict[Future, CreateJob] = {}
        transient_in_a_row = 0
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sync") as pool:
            while queue or in_flight:
                while queue and len(in_flight) < self.workers * 2 and report.stopped is None and not cancel.is_set():
                    job = self.prepare_create(queue.pop(0))
                    if isinstance(job, CaseResult):
                        report.put(job)
                        notify(Progress(len(report.results), total, job, "sending"))
                        continue
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
                    error = future.exception() or future.result().error
                    if isinstance(error, AuthFailed):
                        report.stopped = str(error)
                    elif transient_in_a_row >= GIVE_UP_AFTER_TRANSIENT and report.stopped is None:
                        report.stopped = f"网络不通或平台无响应，已暂停同步：{result.reason}"
                    notify(Progress(len(report.results), total, result, "sending"))
        if cancel.is_set() and report.stopped is None:
            report.stopped = "已由操作人员停止同步"

    def prepare_create(self, row: dict[str, Any]) -> CreateJob | CaseResult | None:
        case = self.desk.case(row["case_id"])
        state = repo.sync_case(self.db, case.id)
        if case.is_synced:
            # Confirmed earlier (an outbox entry left from before a crash): nothing to send.
            with writing(self.db):
                repo.finish_outbox(self.db, row["id"], clock.to_text(self.now()))
            return None
        known = state["request_id"] if state else None
        if not known and state and state["unconfirmed_at"]:
            # 待核实: only the team leader can say whether the server holds it.
            return CaseResult(case.id, case.tracking_code, UNCONFIRMED, unconfirmed_reason(self.profile))
        location = self.location_for(case)
        if self.profile.location_required and location is None and not known:
            reason = (f"平台要求每条诉求带位置，但「{case.community or '（未填社区）'}」还没有中心坐标："
                      "请在 forms/communities.toml 的 [centres] 中为该社区填写经纬度")
            with writing(self.db):
                now = clock.to_text(self.now())
                repo.upsert_sync_case(self.db, case.id, {"set_aside_reason": reason, "set_aside_at": now}, now)
            return CaseResult(case.id, case.tracking_code, SET_ASIDE, reason)
        photos = tuple((p.sha256, self.desk.photo_data(p.id)) for p in case.photos)
        now = clock.to_text(self.now())
        fate_unknown = state["fate_unknown_since"] if state else None
        # Committed before the first byte leaves: from here on the platform may hold the case
        # even if its answer is lost, so the desk stops editing it in place (amendments instead);
        # on a server without idempotency keys, the next try looks for it before sending again.
        with writing(self.db):
            repo.mark_create_started(self.db, row["id"], now)
            if not known and not self.profile.idempotency:
                repo.upsert_sync_case(self.db, case.id, {"fate_unknown_since": fate_unknown or now}, now)
        return CreateJob(row["id"], case, request_fields(case, self.verifier_for(case), self.profile, location),
                          photos, known, row["attempts"] or 0, fate_unknown, row["last_error"])

    def _deliver(self, job: CreateJob) -> DeliveryOutcome:
        """Runs on a worker thread: HTTP only, no database."""
        client = self._client()
        out = DeliveryOutcome(request_id=job.known_request_id)
        try:
            created = None
            if out.request_id is None and job.fate_unknown_since is not None:
                out.request_id = self._look_up(client, job, job.fate_unknown_since)
            if out.request_id is None:
                try:
                    created = client.create_request(job.fields, job.case.id, resend=self.profile.idempotency)
                except (Rejected, Unreached):
                    # This try certainly stored nothing, and any earlier one was looked for first.
                    out.fate_known = True
                    raise
                except FateUnknown as error:
                    # Its answer was lost: look for it now (the usual story is that it is there).
                    found = self._look_up(client, job, job.fate_unknown_since or clock.to_text(self.now()))
                    if found is None:
                        # Not there yet; a server may still be storing it. Look again next time.
                        raise Transient(f"{error}；平台上暂时没有找到，下次同步先核对再重发") from None
                    out.request_id = found
                else:
                    out.request_id = created.service_request_id
                    if out.request_id is None:
                        raise Rejected("平台只返回了受理凭据（token），没有诉求编号；请让平台开启即时编号", 0)
            self._finish_delivery(client, job, created, out)
        except CannotTell as error:
            out.unconfirmed, out.error = True, error
        except SyncError as error:
            out.error = error
        return out

    def _finish_delivery(self, client: Open311Client, job: CreateJob, created: protocol.CreatedRequest | None,
                         out: DeliveryOutcome) -> None:
        request_id = out.request_id
        assert request_id is not None
        if job.photos and not self.profile.media:
            out.note = f"平台不接收照片：{len(job.photos)} 张照片留在本机，诉求已同步"
        if not self.profile.media:
            # A plain GeoReport v2 server: the create's answer with an id is the whole story.
            out.synced, out.status = True, (created.status if created and created.status else "open")
            return
        whole = created.media_complete if created is not None and not job.photos else None
        for sha, data in job.photos:
            known = created.media.get(sha) if created is not None and created.media is not None else None
            try:
                whole = self._upload_photo(client, request_id, sha, data, known)
            except NotSupported:
                out.note = f"平台不接收照片：{len(job.photos)} 张照片留在本机，诉求已同步"
                whole = None
                break
        if whole is True and created is not None and created.status:
            # The platform's own answer says it holds every photo: no need to ask once more.
            out.synced, out.status = True, created.status
            return
        status = client.get_request(request_id)
        if status.media_complete is False and not out.note:
            raise Transient("平台尚未收齐照片，下次同步会补传")
        out.synced, out.status = True, status.status

    def _look_up(self, client: Open311Client, job: CreateJob, since: str) -> str | None:
        """The server's id for this case if it holds it, None if it certainly does not;
        ``CannotTell`` when its list does not show."""
        start = clock.from_text(since) - LOOK_UP_MARGIN
        end = self.now() + LOOK_UP_MARGIN
        try:
            items = client.find_requests(job.case.category_code, clock.to_text(start), clock.to_text(end))
        except NotSupported as error:
            raise CannotTell(str(error)) from None
        blind = False
        for item in items:
            if _mentions(item, job.case.tracking_code):
                request_id = item.get("service_request_id")
                if request_id not in (None, ""):
                    return str(request_id)
            if not isinstance(item.get("description"), str) and not isinstance(item.get("attributes"), (dict, list)):
                blind = True
        if blind:
            raise CannotTell("平台的诉求列表不显示描述，无法按查询码核对")
        return None

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
            except Rejected as error:
                if error.status_code not in (416, 422):
                    raise
                last = Transient(f"照片续传位置或校验不符，重新上传（{error}）")
            except NotSupported:
                raise
            except Transient as error:
                last = error
        assert last is not None
        raise last

    def _record(self, job: CreateJob, future: Future) -> CaseResult:
        """Back on the calling thread: write what happened, one transaction per case."""
        bug = future.exception()
        out: DeliveryOutcome = DeliveryOutcome(request_id=job.known_request_id) if bug else future.result()
        return self.record_outcome(job, out, bug or out.error)

    def record_outcome(self, job: CreateJob, out: DeliveryOutcome, error: BaseException | None) -> CaseResult:
        """What one create's delivery learnt, written in one transaction: online, or from the
        platform's receipt for a USB bundle (sync/offline.py)."""
        now = clock.to_text(self.now())
        case = job.case
        with writing(self.db):
            changes: dict[str, Any] = {}
            if out.request_id:
                changes.update(request_id=out.request_id, fate_unknown_since=None, unconfirmed_at=None)
            elif out.fate_known:
                changes["fate_unknown_since"] = None
            if out.note:
                changes["note"] = out.note
            if out.synced:
                changes.update(set_aside_reason=None, set_aside_at=None, last_error=None)
                repo.upsert_sync_case(self.db, case.id, changes, now)
                repo.mark_case_synced(self.db, case.id, now, out.status)
                self._apply_status(case.id, out.status, now)
                repo.finish_outbox(self.db, job.outbox_id, now)
                return CaseResult(case.id, case.tracking_code, SYNCED, out.note)
            if out.unconfirmed:
                reason = f"{unconfirmed_reason(self.profile)}（{error}）"
                changes.update(unconfirmed_at=now, last_error=reason)
                repo.upsert_sync_case(self.db, case.id, changes, now)
                repo.note_outbox_attempt(self.db, job.outbox_id, reason)
                return CaseResult(case.id, case.tracking_code, UNCONFIRMED, reason)
            if isinstance(error, Rejected):
                reason = str(error)
                if error.status_code == 409 and job.earlier_attempts:
                    # The usual story: an earlier try reached the platform but its answer was
                    # lost, and the case was corrected on this laptop before this try.
                    reason += "（这条诉求在上次同步中断后又在本机修改过：平台保留的是修改前的版本，请在平台上补充更正）"
                reason = _repeated(reason, job)
                changes.update(set_aside_reason=reason, set_aside_at=now)
                repo.upsert_sync_case(self.db, case.id, changes, now)
                repo.note_outbox_attempt(self.db, job.outbox_id, reason)
                return CaseResult(case.id, case.tracking_code, SET_ASIDE, reason)
            if isinstance(error, SyncError):
                reason = str(error)
            else:
                # A bug or a library surprise: keep the case waiting, name no class to the person.
                reason = "同步时出现意外错误，下次同步会重试；如果每次都这样，请把这台笔记本交给技术支持检查"
            reason = _repeated(reason, job)
            changes["last_error"] = reason
            repo.upsert_sync_case(self.db, case.id, changes, now)
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
            description, status, extra = self.amendment_form(row, case)
            try:
                if not self.profile.updates:
                    raise Rejected(_no_updates_reason(row["kind"], state["request_id"]), 404)
                self._client().post_update(state["request_id"], description, status, amendment_key(row), extra)
            except Rejected as error:
                result = self.amendment_answered(row, case, state["request_id"], error, status, now)
            except AuthFailed:
                raise
            except SyncError as error:
                with writing(self.db):
                    repo.note_outbox_attempt(self.db, row["id"], str(error))
                result = CaseResult(case.id, case.tracking_code, WAITING, str(error))
                report.stopped = f"网络不通或平台无响应，已暂停同步：{error}"
            else:
                result = self.amendment_answered(row, case, state["request_id"], None, status, now)
            report.put(result)
            notify(Progress(len(report.results), total, result, "amending"))

    def amendment_form(self, row: dict[str, Any], case: Case) -> tuple[str, str, dict[str, str] | None]:
        """An amendment as the platform takes it: (description, status, extra form fields)."""
        if row["kind"] == "void":
            return f"接访台作废：{case.void_reason}", "voided", None
        if row["kind"] == "rate":
            description, extra = progress.rating_update(self.db, row["id"])
            return description, "", extra
        note = repo.amendment_note(self.db, row["id"])
        return f"接访台更正：{note or case.category_name}", "", None

    def amendment_answered(self, row: dict[str, Any], case: Case, request_id: str, refusal: Rejected | None,
                           status: str, now: str) -> CaseResult:
        """The platform took the amendment (``refusal`` None) or refused it: written as the
        online sync writes it, and as a receipt's import does."""
        if refusal is None:
            with writing(self.db):
                repo.finish_outbox(self.db, row["id"], now)
                if status:
                    repo.set_platform_status(self.db, case.id, status, now, None)
            return CaseResult(case.id, case.tracking_code, SYNCED)
        if row["kind"] == "rate" and refusal.status_code == 409:
            # The platform will never take this verdict (that closing was rated already, or the
            # case was reopened since): said once, kept on the rating, not resent.
            with writing(self.db):
                progress.refuse_rating(self.db, row["id"], str(refusal), now)
            return CaseResult(case.id, case.tracking_code, SET_ASIDE, str(refusal))
        reason = str(refusal)
        if refusal.status_code == 404 and self.profile.updates:
            reason = _not_found_reason(row["kind"], request_id, reason)
        elif refusal.status_code in (405, 501) and self.profile.updates:
            reason = f"{_no_updates_reason(row['kind'], request_id)}（{refusal}）"
        with writing(self.db):
            if row["kind"] == "amend":
                # Sent again unchanged it would be refused again, night after night: kept with the
                # platform's words, shown to the leader, and done with until the case is
                # corrected again (a new correction clears the set-aside).
                repo.set_amendment_refusal(self.db, row["id"], reason)
                repo.finish_outbox(self.db, row["id"], now)
                reason = f"平台未接受这条更正，不会再自动重发；请改好后重新“补充更正”：{reason}"
            elif row["kind"] == "void":
                # Likewise refused again night after night; but a void cannot be typed again, so it
                # stays pending, held, until the leader sends it again (sync/held_voids.py).
                repo.hold_outbox(self.db, row["id"], reason)
                reason = (f"平台未接受这条作废，不会再自动重发；请平台工作人员处理后，由组长在同步窗口选中它，"
                          f"点“重新发送作废”（命令行：xinan-desk sync resend-void {case.tracking_code}）：{reason}")
            else:
                repo.note_outbox_attempt(self.db, row["id"], reason)
            repo.upsert_sync_case(self.db, case.id, {"set_aside_reason": reason, "set_aside_at": now}, now)
        return CaseResult(case.id, case.tracking_code, SET_ASIDE, reason)

    # --- progress coming back ----------------------------------------------------------------------

    def _pull_updates(self, report: SyncReport) -> None:
        client = self._client()
        if not self.profile.updates:
            self._pull_statuses(client, report)
            return
        saved = repo.get_setting(self.db, CURSOR_SETTING) or {}
        if saved.get("server") != client.base:
            saved = {"server": client.base}
        for _ in range(1000):
            try:
                updates, next_cursor = client.updates(saved.get("cursor"), saved.get("start_date"))
            except NotSupported:
                self._pull_statuses(client, report)
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
            with writing(self.db):
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
        now = clock.to_text(self.now())
        _, note = progress.refresh(self._client(), self.db, now)
        if note and not report.updates_note:
            report.updates_note = note
        if not note and not report.updates_note:
            progress.mark_checked(self.db, now)  # every case's progress is current as of now

    def _pull_statuses(self, client: Open311Client, report: SyncReport) -> None:
        """Progress from a server without servicerequestupdates: the status and notes of the cases
        it has not closed yet, asked for by their ids in batches."""
        open_cases = repo.open_requests(self.db)
        by_request = {request_id: case_id for case_id, request_id in open_cases}
        ids = list(by_request)
        for start in range(0, len(ids), STATUS_BATCH):
            batch = ids[start:start + STATUS_BATCH]
            try:
                statuses = client.requests_status(batch)
            except Rejected as error:
                report.updates_note = f"平台不提供办理进度回传，按编号查询状态也被拒绝：{error}"
                return
            except Transient as error:
                report.updates_note = f"未能取回办理进度：{error}"
                return
            received = clock.to_text(self.now())
            with writing(self.db):
                for status in statuses:
                    case_id = by_request.get(status.service_request_id)
                    if case_id is None or not status.status:
                        continue
                    # One row per status the server reported, however often it is asked.
                    marker = f"requests.json:{status.status}:{status.updated_datetime or status.status_notes}"
                    stored = repo.insert_sync_update(self.db, {
                        "case_id": case_id, "update_id": marker, "status": status.status,
                        "description": status.status_notes, "updated_at": status.updated_datetime,
                        "received_at": received,
                    })
                    if stored:
                        report.updates_received += 1
                        self._apply_status(case_id, status.status, status.updated_datetime or received)
        report.updates_note = (f"平台不提供办理进度推送（servicerequestupdates），已按编号查询 {len(ids)} 条"
                               "未办结诉求的状态")

    def _refresh_topics(self, report: SyncReport) -> None:
        """The street's recurring topics, for the team (best effort: never fails the sync)."""
        if self.profile.name != REFERENCE.name:
            return  # our extension: another street's server has no topics to give
        note = street_topics.refresh(self._client(), self.db, clock.to_text(self.now()))
        if note and not report.updates_note:
            report.updates_note = note

    # --- the summary -------------------------------------------------------------------------------

    def log_run(self, report: SyncReport) -> None:
        """One entry in the audit log per run: counts only, the cases' codes are in the report."""
        detail = f"已同步 {len(report.synced)} 条，搁置 {len(report.set_aside)} 条，仍在等待 {len(report.waiting)} 条"
        if report.unconfirmed:
            detail += f"，待核实 {len(report.unconfirmed)} 条"
        with writing(self.db):
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
            elif state and state["unconfirmed_at"] and not state["request_id"]:
                report.results.append(CaseResult(case.id, case.tracking_code, UNCONFIRMED, unconfirmed_reason(self.profile)))
            else:
                why = report.stopped or "排在未同步成功的诉求之后"
                report.results.append(CaseResult(case.id, case.tracking_code, WAITING, why))
            reached.add(case.id)

    def _clock_check(self) -> str | None:
        for client in self._clients:
            skew = client.clock_skew_seconds()
            if skew is not None:
                with writing(self.db):
                    repo.set_setting(self.db, SKEW_SETTING, round(skew))
                return skew_warning(skew)
        return None


REPEATED_AFTER = 3


def amendment_key(row: dict[str, Any]) -> str:
    """An amendment's idempotency key: the case and its outbox entry."""
    return f"{row['case_id']}:{row['id']}"


def _no_updates_reason(kind: str, request_id: str) -> str:
    """A server without servicerequestupdates cannot take a void, a correction or a verdict."""
    what = {"void": "作废", "rate": "居民评价"}.get(kind, "更正")
    return (f"该平台不接收接访台的{what}（它没有 servicerequestupdates 接口）：请在平台上找到编号 {request_id}，"
            f"由平台工作人员手动处理；本机保留这条{what}")


def _not_found_reason(kind: str, request_id: str, words: str) -> str:
    """A 404 on an update: the server has no servicerequestupdates, or does not know the case as
    this laptop's (the laptop was enrolled again since it sent it). Which one, only staff can tell."""
    what = {"void": "作废", "rate": "居民评价"}.get(kind, "更正")
    return (f"平台不接收编号 {request_id} 上的{what}（{words}）：平台可能没有 servicerequestupdates 接口，"
            f"或这台笔记本重新登记过、平台不再认它是这条诉求的来源；请平台工作人员在平台上处理，本机保留这条{what}")


def _repeated(reason: str, job: CreateJob) -> str:
    """A failure that came back the same on every run is not the stall's network: say so, and
    whom to ask, instead of letting the leader retry night after night."""
    tries = job.earlier_attempts + 1
    if tries < REPEATED_AFTER or not job.previous_error or not job.previous_error.startswith(reason):
        return reason
    if "网络" in reason or "连不上" in reason or "超时" in reason:
        who = "请先确认这台笔记本能上网；网络正常仍然这样，请联系平台管理员（街道信息化负责人）"
    else:
        who = "这不是网络问题：请把这段原因告诉平台管理员（街道信息化负责人），由平台一方处理"
    return f"{reason}（已连续 {tries} 次同样失败，{who}）"


def _mentions(item: dict[str, Any], tracking_code: str) -> bool:
    description = item.get("description")
    if isinstance(description, str) and tracking_code in description[:40]:
        return True
    attributes = item.get("attributes")
    if isinstance(attributes, dict):
        return str(attributes.get("tracking_code") or "") == tracking_code
    if isinstance(attributes, list):
        return any(isinstance(a, dict) and str(a.get("value") or "") == tracking_code for a in attributes)
    return False


def unconfirmed_reason(profile: ServerProfile | None = None) -> str:
    return ("上次发送后没有收到平台的答复，平台也无法确认是否已收到。请在平台上按查询码搜索："
            "找到了就在本机填写平台编号（xinan-desk sync confirm 查询码 --request-id 编号），"
            "确实没有就选择重新发送（xinan-desk sync confirm 查询码 --not-there）")


def overview(desk: ReceptionDesk) -> dict[str, list[dict[str, Any]]]:
    """What is still waiting and what was set aside (and why), without talking to the server."""
    rows = repo.sync_overview(desk.db)
    return {
        "set_aside": [r for r in rows if r["set_aside_reason"]],
        "waiting": [r for r in rows if not r["set_aside_reason"] and r["pending"]],
    }
