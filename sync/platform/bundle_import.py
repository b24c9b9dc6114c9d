"""``xinan-platform bundle import FILE``: the cases a laptop with no network carried here on a USB
stick (sync/bundle.py, sync/offline.py), taken by the same checks and idempotency keys as the
Open311 API (intake.py), and a receipt for the laptop.

Nothing is read from a file until its whole envelope has been checked: that it is a bundle, that
it is complete, that its laptop is enrolled here and not revoked, and that no byte of it changed.
Each case is then one transaction, as online: a bundle imported twice, cut short by a crash and
imported again, or holding cases that also went online, leaves every case once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from fastapi import HTTPException

from sync import bundle
from sync.platform import audit_api, intake
from sync.platform.store import Device


@dataclass
class Imported:
    device: Device
    receipt: bytes
    created: int = 0
    replayed: int = 0  # already here: an earlier import of this bundle, or the online sync
    refused: list[dict[str, Any]] = field(default_factory=list)
    amendments: int = 0
    audit: str = ""


def find_device(platform, header: bundle.Header) -> tuple[Device, str]:
    """The enrolled laptop whose key the header names, and its token's hash."""
    for row in platform.store.enrolled_token_hashes():
        if bundle.key_id(row["token_sha256"]) == header.key_id:
            device = platform.store.device_by_id(row["id"])
            if row["revoked_at"]:
                raise bundle.BundleError(f"数据包来自已吊销的笔记本（设备 {device.id}「{device.name}」）：未导入任何内容。"
                                         "如需导入，请先重新登记这台笔记本，再由它重新导出")
            return device, row["token_sha256"]
    raise bundle.BundleError("数据包来自没有在本平台登记的笔记本（或它登记后又重新登记过）：未导入任何内容。"
                             "请确认这个U盘是给本平台的；笔记本需先在本平台登记，再重新导出")


def import_bundle(platform, data: bytes) -> Imported:
    header = bundle.read_header(data, bundle.BUNDLE)
    device, token_sha = find_device(platform, header)
    manifest, files = bundle.unpack(bundle.open_sealed(data, header, token_sha), bundle.BUNDLE)
    if manifest.get("kind") != "bundle":
        raise bundle.NotABundle("数据包的内容这里不认识：请把平台和接访台升级到同一版本")
    result = Imported(device, b"")
    cases, created_ids = [], {}
    for item in manifest.get("cases", []):
        line = _take_case(platform, device, item, files)
        if "refused" in line:
            result.refused.append(line)
        else:
            created_ids[line["case_id"]] = line["service_request_id"]
            result.created += line["created"]
            result.replayed += not line["created"]
        cases.append(line)
    # An amendment whose case was refused is left out of the receipt: it stays waiting on the
    # laptop behind its case, as the online sync keeps it.
    taken = (_take_amendment(platform, device, item, created_ids) for item in manifest.get("amendments", []))
    amendments = [line for line in taken if line is not None]
    result.amendments = sum(1 for a in amendments if "refused" not in a)
    kept = _take_audit(platform, device, manifest.get("audit"))
    result.audit = (f"操作日志链头已存证：第 {kept['head']['id']} 条" if "head" in kept else
                    f"操作日志被拒绝：{kept['refused']}" if "refused" in kept else "")
    street = platform.store.street(device.street)
    receipt = {
        "format": bundle.VERSION, "kind": "receipt", "bundle_id": manifest.get("bundle_id"),
        "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "device": {"id": device.id, "name": device.name, "prefix": device.prefix},
        "street": street["name"] if street else device.street_code,
        "cases": cases, "amendments": amendments, "audit": kept,
    }
    result.receipt = bundle.seal(bundle.RECEIPT, token_sha, bundle.pack(receipt))
    return result


def _take_case(platform, device: Device, item: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    line = {"case_id": item["key"], "outbox_id": item.get("outbox_id"),
            "tracking_code": str(item["fields"].get("attribute[tracking_code]", ""))}
    try:
        answer, created = intake.accept_request(platform, device, item["key"], item["fields"])
    except intake.Refused as refusal:
        return {**line, "refused": refusal.code, "reason": refusal.description}
    request_id = answer["service_request_id"]
    row = platform.store.get_request(request_id)
    for sha in item.get("photos", []):
        data = files.get(f"photos/{sha}")
        entry = platform.store.media_entry(row["id"], sha)
        if entry is None or entry["complete"] or data is None or hashlib.sha256(data).hexdigest() != sha:
            continue
        _store_photo(platform.store, row["id"], sha, data)
    media = platform.store.media_of(row["id"])
    return {**line, "service_request_id": request_id, "status": platform.store.get_request(request_id)["status"],
            "media_complete": all(m["complete"] for m in media), "created": created}


def _store_photo(store, internal: int, sha: str, data: bytes) -> None:
    """As a finished upload is kept: the file under its SHA-256, renamed into place, then the row
    marked complete. The temporary file has a fixed name, so an import killed while writing it
    leaves nothing behind once it is run again; two imports of one stick at once write the same
    bytes, and the one that finds its file renamed already by the other has nothing left to do."""
    from reception.privacy import file_modes

    target = store.media_path(sha)
    try:
        file_modes.write_private(target, data, store.partial_dir / f"bundle-{internal}-{sha}.part")
    except FileNotFoundError:
        if not target.exists():
            raise
    store.record_media_progress(internal, sha, len(data), len(data), True)


def _take_amendment(platform, device: Device, item: dict[str, Any], created_ids: dict[str, str]) -> dict[str, Any] | None:
    line = {"key": item["key"], "outbox_id": item["outbox_id"], "case_id": item["case_id"]}
    request_id = item.get("request_id") or created_ids.get(item["case_id"])
    if not request_id:
        return None
    extra = item.get("extra") or {}
    try:
        answer, _ = intake.accept_update(platform, device, item["key"], request_id, item["description"],
                                         item.get("status") or "", str(extra.get("rating") or ""),
                                         str(extra.get("rating_note") or ""))
    except intake.Refused as refusal:
        return {**line, "request_id": request_id, "refused": refusal.code, "reason": refusal.description}
    return {**line, "request_id": request_id, "status": item.get("status") or ""}


def _take_audit(platform, device: Device, body: Any) -> dict[str, Any]:
    """The laptop's audit head, checked against the chain kept here as the online anchor is; the
    entries this platform already holds (the laptop could not ask which) are skipped."""
    if not body:
        return {}
    try:
        head, entries, fingerprint = audit_api._parse(body)
        known = audit_api.kept_head(platform.store, device.id)
        if known is not None:
            if head["id"] == int(known["id"]) and head["hash"] == known["hash"]:
                return {"head": head}  # this bundle imported again: held already
            if head["id"] < int(known["id"]):
                # An older bundle than the head an online sync left since: nothing new to keep.
                return {"older": int(known["id"])}
            entries = [e for e in entries if e["id"] > int(known["id"])]
        kept = audit_api.accept_head(platform.store, device.id, head, entries, fingerprint)
    except HTTPException as refusal:
        return {"refused": str(refusal.detail)}
    return {"head": {"id": kept["id"], "hash": kept["hash"]}}


def add_command(sub) -> None:
    from pathlib import Path

    command = sub.add_parser("bundle", help="U盘同步：导入没有网络的笔记本导出的数据包").add_subparsers(
        dest="action", required=True)
    take = command.add_parser("import", help="导入一个同步数据包（重复导入不会重复登记），写出给笔记本的回执")
    take.add_argument("file", type=Path, help="笔记本导出的数据包（.xinan-bundle）")
    take.add_argument("--receipt", type=Path, default=None,
                      help=f"回执写到哪里（默认与数据包同一目录，后缀 {bundle.RECEIPT_SUFFIX}）")


def run(args, data_dir, database_url: str) -> int:
    """The command: 0 every case taken, 1 the file refused (nothing imported) or some cases refused."""
    import sys

    from sync.platform.api import Platform

    receipt_path = args.receipt or bundle.receipt_path_for(args.file)
    platform = Platform(data_dir, database_url)
    try:
        data = bundle.read_file(args.file, bundle.BUNDLE)
        done = import_bundle(platform, data)
        bundle.write_file(receipt_path, done.receipt, bundle.RECEIPT)
    except bundle.BundleError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    finally:
        platform.store.close()
    print(f"笔记本 {done.device.prefix or done.device.id}（{done.device.name}）：新登记 {done.created} 条，"
          f"此前已收到 {done.replayed} 条（未重复登记），拒收 {len(done.refused)} 条；更正与评价 {done.amendments} 条",
          file=sys.stderr)
    for line in done.refused:
        print(f"  拒收 {line['tracking_code'] or line['case_id']}：{line['reason']}", file=sys.stderr)
    if done.audit:
        print(done.audit, file=sys.stderr)
    print(f"回执已写到 {receipt_path}：请拷回这台笔记本，在接访台导入平台回执", file=sys.stderr)
    print(receipt_path)
    return 1 if done.refused else 0
