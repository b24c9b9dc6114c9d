"""The laptop's platform token, kept in the operating system's keyring (Windows Credential
Manager, macOS Keychain, Secret Service), never in the desk's database or a config file."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError

from sync.client import SyncError

SERVICE = "xinan-desk-platform"


def _user(server: str, device_id: str) -> str:
    return f"{device_id}@{server}"


def save_token(server: str, device_id: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, _user(server, device_id), token)
    except KeyringError as error:
        raise SyncError(f"无法把令牌存入系统钥匙串：{type(error).__name__}。请确认系统的凭据管理可用") from None


def load_token(server: str, device_id: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _user(server, device_id))
    except KeyringError as error:
        raise SyncError(f"无法读取系统钥匙串中的令牌：{type(error).__name__}") from None


def forget_token(server: str, device_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, _user(server, device_id))
    except keyring.errors.PasswordDeleteError:
        return  # nothing stored is already the wished-for state
    except KeyringError as error:
        raise SyncError(f"无法删除系统钥匙串中的令牌：{type(error).__name__}") from None
