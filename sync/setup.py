"""Connecting this laptop to a platform: enrolment, and a ready SyncService for a server.

The server's address is remembered in the settings table (it is not a secret); the device
token is kept in the OS keyring only. Used by the composition root (composition/services.py).
"""

from __future__ import annotations

from reception import street_settings, tracking_codes
from reception.desk import ReceptionDesk
from reception.storage import repository as repo
from reception.tracking_url import tracking_verifier
from sync import credentials
from sync.client import Open311Client, SyncError, check_server_url
from sync.service import SyncService

SERVER_SETTING = "sync_server"


def device_id(desk: ReceptionDesk) -> str:
    device = repo.get_device(desk.db)
    assert device is not None  # the desk creates it on first open
    return device["device_id"]


def remembered_server(desk: ReceptionDesk) -> str | None:
    return repo.get_setting(desk.db, SERVER_SETTING)


def resolve_server(desk: ReceptionDesk, server: str | None) -> str:
    chosen = server or remembered_server(desk)
    if not chosen:
        raise SyncError("还没有设置平台地址：请填写街道信箱平台的地址")
    return check_server_url(chosen)


def enrol(desk: ReceptionDesk, server: str, enrolment_code: str, *, ca_bundle: str | None = None) -> str:
    """Exchange the one-time enrolment code for a token (into the keyring); returns the prefix."""
    base = check_server_url(server)
    client = Open311Client(base, ca_bundle=ca_bundle)
    try:
        answer = client.enrol(enrolment_code.strip(), device_id(desk))
    finally:
        client.close()
    credentials.save_token(base, device_id(desk), str(answer["device_token"]))
    with desk.db.atomic():
        repo.set_setting(desk.db, SERVER_SETTING, base)
    prefix = str(answer.get("prefix") or "")
    if prefix and tracking_codes.is_valid_prefix(prefix):
        desk.set_device_prefix(prefix)
    return desk.device_prefix


def build_service(
    desk: ReceptionDesk, server: str | None, *, ca_bundle: str | None = None, workers: int = 4
) -> SyncService:
    base = resolve_server(desk, server)
    token = credentials.load_token(base, device_id(desk))
    if not token:
        raise SyncError(
            "这台笔记本还没有在该平台登记：请向街道索取登记码，"
            "再运行 xinan-desk sync --server 平台地址 --enrol 登记码"
        )
    with desk.db.atomic():
        repo.set_setting(desk.db, SERVER_SETTING, base)
    secret = street_settings.tracking_secret(desk.db)
    return SyncService(
        desk,
        lambda: Open311Client(base, token, ca_bundle=ca_bundle),
        verifier_for=lambda case: tracking_verifier(secret, case.id),
        workers=workers,
    )
