"""The USB bundle and its receipt: how cases travel from a laptop that never gets a network to
the street's platform, and how the platform's word comes back (issue 10, docs/protocol.md).

Both files are one envelope: a 46-byte header in the clear, then AES-256-GCM over the payload
with the header as associated data, so a changed byte anywhere (header, payload, tag) or a cut
file is refused before anything is read. The keys come from the laptop's device token, which the
laptop holds and of which the platform keeps only the SHA-256: HKDF-SHA256 over that hash gives a
key id (named in the header, so the platform finds the laptop without trying every key), one key
for bundles and another for receipts, so neither can pass for the other. Nobody without the
token or the platform's database can read or forge either file.

The payload is a ZIP archive (stored, not compressed: photos are JPEGs) with ``manifest.json``
and, in a bundle, ``photos/<sha256>``. Both sides use this module; it holds no personal data
itself and imports nothing of the platform's.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reception.privacy import file_modes

MAGIC = b"XINANSB\x00"
VERSION = 1
BUNDLE, RECEIPT = b"B", b"R"
KIND_WORDS = {BUNDLE: "同步数据包", RECEIPT: "平台回执"}
_HEADER = struct.Struct(">8sBc16s12sQ")  # magic, version, kind, key id, nonce, sealed length
HEADER_SIZE = _HEADER.size
_SALT = b"xinan-desk usb bundle v1"
MANIFEST = "manifest.json"
BUNDLE_SUFFIX, RECEIPT_SUFFIX = ".xinan-bundle", ".xinan-receipt"


class BundleError(Exception):
    """A file that is not to be imported; the message says why and what to do (Chinese)."""


class NotABundle(BundleError):
    """Not a file the desk or the platform wrote, or one of a version this side does not know."""


class Truncated(BundleError):
    """Shorter than its header says: a copy to or from the stick was cut off."""


class Tampered(BundleError):
    """Longer than recorded, or its seal does not open with the key its header names: changed or damaged."""


class WrongKind(BundleError):
    """A receipt given as a bundle, or a bundle given as a receipt."""


def token_hash(token: str) -> str:
    """What the platform keeps of a device token (sync/platform/store.py's sha256_text)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _derive(token_sha256: str, purpose: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=_SALT, info=purpose).derive(token_sha256.encode("ascii"))


def key_id(token_sha256: str) -> bytes:
    """Names the laptop in a file's header; says nothing of its token."""
    return _derive(token_sha256, b"key id", 16)


def _key(token_sha256: str, kind: bytes) -> bytes:
    return _derive(token_sha256, b"bundle key" if kind == BUNDLE else b"receipt key")


@dataclass(frozen=True)
class Header:
    kind: bytes
    key_id: bytes
    nonce: bytes
    length: int
    raw: bytes


def seal(kind: bytes, token_sha256: str, payload: bytes) -> bytes:
    nonce = os.urandom(12)
    sealed_length = len(payload) + 16  # AES-GCM's tag
    header = _HEADER.pack(MAGIC, VERSION, kind, key_id(token_sha256), nonce, sealed_length)
    return header + AESGCM(_key(token_sha256, kind)).encrypt(nonce, payload, header)


def read_header(data: bytes, kind: bytes) -> Header:
    """The header of a whole file, checked: what it is, whose, and that none of it is missing."""
    what = KIND_WORDS[kind]
    if len(data) < len(MAGIC):
        if data and MAGIC.startswith(data):
            raise Truncated(f"文件不完整（只有 {len(data)} 字节）：复制时可能被中断，请重新复制或重新导出")
        raise NotABundle(f"这不是接访台的{what}文件：请选择接访台导出的{what}")
    if not data.startswith(MAGIC):
        raise NotABundle(f"这不是接访台的{what}文件：请选择接访台导出的{what}")
    if len(data) < HEADER_SIZE:
        raise Truncated(f"文件不完整（只有 {len(data)} 字节）：复制时可能被中断，请重新复制或重新导出")
    _, version, found, kid, nonce, length = _HEADER.unpack_from(data)
    if version != VERSION:
        raise NotABundle(f"文件的格式版本（{version}）这里不认识：请把平台和接访台升级到同一版本")
    if found != kind:
        other = KIND_WORDS.get(found)
        raise WrongKind(f"这是{other}，不是{what}：请选择{what}文件" if other else
                        f"这不是接访台的{what}文件：文件头已损坏，请重新导出")
    body = len(data) - HEADER_SIZE
    if body < length:
        raise Truncated(f"文件不完整：应有 {HEADER_SIZE + length} 字节，只有 {len(data)} 字节。"
                        "复制到U盘时可能被中断或U盘已满，请重新复制或重新导出；未导入任何内容")
    if body > length:
        raise Tampered(f"文件比所记长度多出 {body - length} 字节：文件被改动过或已损坏，未导入任何内容；请重新导出")
    return Header(found, kid, nonce, length, data[:HEADER_SIZE])


def open_sealed(data: bytes, header: Header, token_sha256: str) -> bytes:
    try:
        return AESGCM(_key(token_sha256, header.kind)).decrypt(header.nonce, data[HEADER_SIZE:], header.raw)
    except InvalidTag:
        what = KIND_WORDS[header.kind]
        raise Tampered(f"{what}校验失败：文件被改动过或已损坏，未导入任何内容。请用原始文件重试，或重新导出") from None


def pack(manifest: dict[str, Any], files: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo(MANIFEST), json.dumps(manifest, ensure_ascii=False).encode("utf-8"),
                         compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (files or {}).items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


def unpack(payload: bytes, kind: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the files. The payload passed its tag, so a failure here is a file made by
    a different version, said as such."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            files = {name: archive.read(name) for name in archive.namelist() if name != MANIFEST}
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != VERSION:
        raise NotABundle(f"{KIND_WORDS[kind]}的内容这里不认识：请把平台和接访台升级到同一版本")
    return manifest, files


def read_file(path: Path, kind: bytes) -> bytes:
    what = KIND_WORDS[kind]
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BundleError(f"找不到{what}文件：{path}") from None
    except IsADirectoryError:
        raise BundleError(f"{path} 是文件夹：请选择{what}文件本身") from None
    except PermissionError:
        raise BundleError(f"没有权限读取{what}文件：{path}") from None
    except OSError as error:
        raise BundleError(f"无法读取{what}文件（{error.strerror}）：U盘是否已拔出？") from None


def write_file(path: Path, data: bytes, kind: bytes) -> None:
    """Written whole or not at all (a temporary file beside it, then renamed), 0600, flushed to
    the stick before the leader is told it is done."""
    path = Path(path)
    what = KIND_WORDS[kind]
    if path.is_dir():
        raise BundleError(f"{path} 是文件夹：请给出{what}的文件名")
    try:
        file_modes.write_private(path, data, path.with_name(f".{path.name}.partial"))
    except OSError as error:
        if error.errno == 28:
            raise BundleError(f"U盘或磁盘已满，{what}没有写成（需要 {len(data) // 1024 + 1} KB）：请换一个U盘或腾出空间") from None
        raise BundleError(f"无法写入{what}文件 {path}（{error.strerror}）：请检查U盘是否插好、是否只读") from None


def receipt_path_for(bundle_path: Path) -> Path:
    """Where the platform writes the receipt unless told: beside the bundle, so it goes back on
    the same stick."""
    bundle_path = Path(bundle_path)
    stem = bundle_path.name[: -len(BUNDLE_SUFFIX)] if bundle_path.name.endswith(BUNDLE_SUFFIX) else bundle_path.name
    return bundle_path.with_name(stem + RECEIPT_SUFFIX)
