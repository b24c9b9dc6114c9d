"""The laptop's platform credential (a device token from enrolment, or an Open311 api_key).

Kept in the operating system's keyring (Windows Credential Manager, macOS Keychain, Secret
Service) where there is one. A laptop without one (a Linux desktop with no Secret Service, a
locked-down Windows account) keeps it in the desk's own database instead: that file is
encrypted with the street's passphrase (SQLCipher), and the token only lets a laptop add cases
to the platform and read its own cases' progress, which anyone holding the passphrase can do
on this laptop anyway (docs/privacy.md, "The platform token"). Where it will be kept is decided
before an enrolment code is spent, so a code is never used up by a laptop that cannot keep
what it gets back.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError
from sqlite_utils import Database

from reception.storage import repository as repo
from reception.storage.writing import writing
from sync.client import SyncError

SERVICE = "xinan-desk-platform"
FALLBACK_SETTING = "sync_credentials"  # {user: secret}, only when there is no OS keyring
KEYRING, DATABASE = "keyring", "database"
_PROBE_USER = "probe@xinan-desk"


def _user(server: str, device_id: str) -> str:
    return f"{device_id}@{server}"


def keyring_works() -> bool:
    """Whether the OS keyring takes and gives back a secret (a real round trip, then removed)."""
    try:
        keyring.set_password(SERVICE, _PROBE_USER, "probe")
        ok = keyring.get_password(SERVICE, _PROBE_USER) == "probe"
        keyring.delete_password(SERVICE, _PROBE_USER)
        return ok
    except (KeyringError, RuntimeError, OSError):
        # Every way a keyring backend says "not here": no backend, a locked or absent daemon.
        return False


def where_kept() -> str:
    return KEYRING if keyring_works() else DATABASE


def describe(place: str) -> str:
    if place == KEYRING:
        return "令牌存入系统钥匙串"
    return "这台电脑没有可用的系统钥匙串，令牌存入本机已加密的接访台数据库（见 docs/privacy.md）"


def save_token(db: Database, server: str, device_id: str, token: str, place: str | None = None) -> str:
    """Keep the secret; returns where it went (``KEYRING`` or ``DATABASE``)."""
    place = place or where_kept()
    user = _user(server, device_id)
    if place == KEYRING:
        try:
            keyring.set_password(SERVICE, user, token)
        except (KeyringError, RuntimeError, OSError):
            place = DATABASE  # it worked a moment ago; keep the token rather than lose it
    stored = dict(repo.get_setting(db, FALLBACK_SETTING) or {})
    if place == DATABASE:
        stored[user] = token
    else:
        stored.pop(user, None)
    with writing(db):
        repo.set_setting(db, FALLBACK_SETTING, stored)
    return place


def load_token(db: Database, server: str, device_id: str) -> str | None:
    user = _user(server, device_id)
    stored = repo.get_setting(db, FALLBACK_SETTING) or {}
    if stored.get(user):
        return str(stored[user])
    try:
        return keyring.get_password(SERVICE, user)
    except (KeyringError, RuntimeError, OSError):
        return None


def forget_token(db: Database, server: str, device_id: str) -> None:
    user = _user(server, device_id)
    stored = dict(repo.get_setting(db, FALLBACK_SETTING) or {})
    if stored.pop(user, None) is not None:
        with writing(db):
            repo.set_setting(db, FALLBACK_SETTING, stored)
    try:
        keyring.delete_password(SERVICE, user)
    except PasswordDeleteError:
        return  # nothing stored is already the wished-for state
    except (KeyringError, RuntimeError, OSError) as error:
        raise SyncError("无法删除系统钥匙串中的令牌：请在系统的凭据管理中手动删除 xinan-desk-platform") from error
