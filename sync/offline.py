"""Sync with no network at all: what is waiting goes to the platform on a USB stick as a bundle
(sync/bundle.py), and the platform's signed receipt comes back the same way (issue 10).

The bundle holds exactly what the online sync would send, built by the same SyncService: each
create's form fields and idempotency key (the case's id), its photos, the amendments it would
post with their keys, and the audit log's head. The platform imports it by those keys, so a
bundle imported twice, or a case that also went online, is stored once. The receipt says what the
platform holds, and its import marks those cases synced as a successful online sync would.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reception import clock
from reception.privacy import audit
from reception.storage import repository as repo
from sync import audit_anchor, bundle
from sync.client import Rejected, SyncError, Transient
from sync.service import CaseResult, CreateJob, DeliveryOutcome, SyncReport, SyncService, amendment_key


# What an export or a receipt's import can run into that the leader is told in a sentence.
PROBLEMS = (SyncError, bundle.BundleError)


@dataclass
class Exported:
    path: Path
    cases: int
    photos: int
    amendments: int
    size: int
    not_included: list[CaseResult] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the tracking codes of the cases in the bundle

    @property
    def size_text(self) -> str:
        """The file's size as a person reads it off a USB stick's folder: KB, or MB past one."""
        return f"{self.size / 1e6:.1f} MB" if self.size >= 1e6 else f"{max(1, round(self.size / 1e3))} KB"


@dataclass
class ReceiptImported:
    report: SyncReport
    already: int = 0  # cases this laptop had marked synced already (a receipt imported twice)
    street: str = ""


def export_bundle(service: SyncService, token: str, out: Path) -> Exported:
    """Write the bundle of everything waiting to ``out`` (0600, whole or not at all)."""
    desk, db = service.desk, service.db
    if not service.profile.idempotency:
        raise SyncError("U盘同步只适用于接访台平台（按幂等键导入）：这台笔记本连接的平台不支持，请联网同步")
    pending = repo.pending_outbox(db)
    cases: list[dict[str, Any]] = []
    photos: dict[str, bytes] = {}
    not_included: list[CaseResult] = []
    in_bundle: set[str] = set()
    codes: list[str] = []
    for row in (r for r in pending if r["kind"] == "create"):
        # The online sync's own preparation: the same fields, and the case stops being edited in
        # place from here on (the platform may hold it as soon as the stick leaves).
        job = service.prepare_create(row)
        if job is None:
            continue
        if isinstance(job, CaseResult):
            not_included.append(job)
            continue
        cases.append({"key": job.case.id, "outbox_id": job.outbox_id, "fields": job.fields,
                      "photos": [sha for sha, _ in job.photos]})
        photos.update({f"photos/{sha}": data for sha, data in job.photos})
        in_bundle.add(job.case.id)
        codes.append(job.case.tracking_code)
    amendments = []
    for row in (r for r in pending if r["kind"] != "create" and not r["refused"]):  # held voids wait for the leader
        case = desk.case(row["case_id"])
        state = repo.sync_case(db, case.id)
        request_id = state["request_id"] if state and case.is_synced else None
        if request_id is None and case.id not in in_bundle:
            continue  # its create is not on its way yet; the amendment waits behind it, as online
        description, status, extra = service.amendment_form(row, case)
        amendments.append({"key": amendment_key(row), "outbox_id": row["id"], "case_id": case.id, "kind": row["kind"],
                           "request_id": request_id, "description": description, "status": status,
                           "extra": extra or {}})
    if not cases and not amendments:
        raise SyncError("没有要同步的诉求，不需要导出")
    now = service.now()
    with desk._writing():
        # Logged before the head is taken, so the platform holds the record of this export too.
        audit.append(db, "sync", audit.Actor(desk.role), at=now,
                     detail=f"导出U盘同步数据包：诉求 {len(cases)} 条，照片 {len(photos)} 张，更正 {len(amendments)} 条")
    device = repo.get_device(db)
    manifest = {
        "format": bundle.VERSION, "kind": "bundle", "bundle_id": str(uuid.uuid4()),
        "created_at": clock.to_text(now), "device": {"device_id": device["device_id"], "prefix": device["prefix"]},
        "cases": cases, "amendments": amendments,
        "audit": audit_anchor.head_body(db, audit_anchor.platform_known_id(db), every_entry=True),
    }
    sealed = bundle.seal(bundle.BUNDLE, bundle.token_hash(token), bundle.pack(manifest, photos))
    bundle.write_file(out, sealed, bundle.BUNDLE)
    # What `sync --status` and the closing summary say of these cases until the receipt is back
    # (a receipt's answer or an online sync replaces it).
    said = f"已于 {clock.local_text(now)} 导出到U盘数据包，等平台回执：导入回执或联网同步后标为已同步"
    with desk._writing():
        for case_id in in_bundle:
            repo.upsert_sync_case(db, case_id, {"last_error": said}, clock.to_text(now))
    return Exported(Path(out), len(cases), len(photos), len(amendments), len(sealed), not_included, codes)


def read_receipt(token: str, data: bytes) -> dict[str, Any]:
    """The receipt's contents, once it is certain the platform wrote it for this laptop."""
    header = bundle.read_header(data, bundle.RECEIPT)
    token_sha = bundle.token_hash(token)
    if header.key_id != bundle.key_id(token_sha):
        raise bundle.BundleError("这份回执不是给这台笔记本的（是另一台笔记本的数据包换来的，或本机导出后重新登记过）："
                                 "请找到本机导出的数据包在平台导入后生成的回执；未改动任何内容")
    manifest, _ = bundle.unpack(bundle.open_sealed(data, header, token_sha), bundle.RECEIPT)
    if manifest.get("kind") != "receipt":
        raise bundle.NotABundle("回执的内容这里不认识：请把平台和接访台升级到同一版本")
    return manifest


def import_receipt(service: SyncService, token: str, path: Path) -> ReceiptImported:
    """Mark what the receipt names synced (or set aside, with the platform's reason), exactly
    as the online sync writes each answer; a case already marked is left as it is."""
    receipt = read_receipt(token, bundle.read_file(path, bundle.RECEIPT))
    desk, db = service.desk, service.db
    waiting = repo.pending_outbox(db)
    creates = {row["case_id"]: row for row in waiting if row["kind"] == "create"}
    by_id = {row["id"]: row for row in waiting}
    result = ReceiptImported(SyncReport(), street=str(receipt.get("street") or ""))
    report = result.report
    for item in receipt.get("cases", []):
        row = creates.get(item["case_id"])
        if row is None:
            result.already += 1
            continue
        case = desk.case(row["case_id"])
        state = repo.sync_case(db, case.id)
        job = CreateJob(row["id"], case, {}, (), state["request_id"] if state else None,
                        row["attempts"] or 0, None, row["last_error"])
        out, error = _outcome(item)
        report.put(service.record_outcome(job, out, error))
    now = clock.to_text(service.now())
    for item in receipt.get("amendments", []):
        row = by_id.get(item["outbox_id"])
        if row is None or amendment_key(row) != item["key"]:
            continue  # done already (an earlier import of this receipt, or the online sync)
        case = desk.case(row["case_id"])
        refusal = Rejected(item["reason"], int(item["refused"])) if item.get("refused") else None
        report.put(service.amendment_answered(row, case, item.get("request_id") or "", refusal,
                                              item.get("status") or "", now))
    kept = receipt.get("audit") or {}
    if kept.get("head"):
        report.audit_anchor = audit_anchor.kept_by_platform(desk, kept["head"], "平台（U盘回执）")
    elif kept.get("refused"):
        report.audit_anchor = audit_anchor.refused_by_platform(desk, str(kept["refused"]))
    if report.results:
        service.log_run(report)
    return result


def _outcome(item: dict[str, Any]) -> tuple[DeliveryOutcome, SyncError | None]:
    """A receipt's line for one case, as the online delivery would have ended."""
    if item.get("refused"):
        return DeliveryOutcome(fate_known=True), Rejected(str(item["reason"]), int(item["refused"]))
    out = DeliveryOutcome(request_id=str(item["service_request_id"]))
    if not item.get("media_complete", True):
        return out, Transient("平台没有收齐这条诉求的照片：下次同步（联网或U盘）会补传")
    out.synced, out.status = True, str(item.get("status") or "open")
    return out, None
