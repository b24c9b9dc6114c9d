"""The data key and the passphrase that unlocks it.

The database is encrypted (SQLCipher) with a random 32-byte *data key*. The key never sits on
disk in the clear: ``desk.key`` holds it wrapped (AES-256-GCM) by a key derived from the street's
passphrase with scrypt. Changing the passphrase rewraps those 32 bytes and leaves the database
alone, so it takes a second however many cases the laptop holds. The GCM tag is checked before
the database is touched: a wrong passphrase is told apart from a damaged file and changes nothing.

The keyfile holds no personal information: salt, KDF parameters, nonce and ciphertext.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from reception import clock
from reception.errors import DeskError
from reception.privacy import file_modes
from reception.privacy.vault_files import keyfile_path

FAILURES_NAME = "desk.key.failures"
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_CHARS = 8
# Bound to the ciphertext: a keyfile from another program (or another purpose) does not unwrap.
_AAD = b"xinan-desk data key v1"


class PassphraseError(DeskError):
    """The passphrase was wrong, or is too weak to set. Nothing was opened or changed."""


class KeyfileError(DeskError):
    """The keyfile is missing or damaged: the database cannot be opened without it."""


@dataclass(frozen=True)
class KdfCost:
    """scrypt's work factors. Stored in the keyfile, so a later version can raise them."""

    n: int = 2**17  # 128 MiB of memory with r=8: the OWASP floor for scrypt
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        return 128 * self.n * self.r * self.p + 16 * 1024 * 1024


DEFAULT_COST = KdfCost()


def exists(data_dir: Path) -> bool:
    return keyfile_path(data_dir).exists()


# At least 10^8 guesses (zxcvbn's score 3): with scrypt at ~0.3 s a guess on one core, years of
# offline guessing per core for someone holding desk.key. Below that are the common passwords
# (12345678, password, qwertyuiop, woaini1314), keyboard walks, dates, repeats and the street's name
# with a year.
MIN_PASSPHRASE_GUESSES_LOG10 = 8
# Words a street's passphrase is likely built from; zxcvbn counts each as a single guess.
_OWN_WORDS = (
    "xinan", "xinandesk", "xinan-desk", "shenzhen", "baoan", "yehua", "心安", "夜话", "心安夜话", "新安",
    "一二三四五六七八", "一二三四五六七八九十", "我爱你", "一生一世", "你好", "口令", "密码",
)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def passphrase_weakness(passphrase: str, own_words: tuple[str, ...] = ()) -> str | None:
    """Why ``passphrase`` may not be the street's: "short", "guessable", or None when it may.

    zxcvbn (Dropbox's estimator) finds common passwords, words, keyboard walks, dates, repeats
    and ``own_words`` (the street's and its communities' names, an attacker's first tries). It
    knows no Chinese and prices a Chinese character it cannot match at 10 guesses, like a digit;
    a character is one of some 3,500 in daily use, so each unmatched one counts 100 here.
    """
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        return "short"
    from zxcvbn import zxcvbn  # 0.8 MB of word lists: loaded only when a passphrase is set

    # zxcvbn looks at the first 100 characters (its own limit, against slow matching).
    found = zxcvbn(passphrase[:100], user_inputs=[*_OWN_WORDS, *(w for w in own_words if w)])
    unmatched_han = sum(
        _is_han(ch) for match in found["sequence"] if match["pattern"] == "bruteforce" for ch in match["token"]
    )
    if found["guesses_log10"] + unmatched_han < MIN_PASSPHRASE_GUESSES_LOG10:
        return "guessable"
    return None


def check_new_passphrase(passphrase: str, own_words: tuple[str, ...] = ()) -> None:
    """The rule for a passphrase being set (the street's, shared by its team leaders)."""
    weakness = passphrase_weakness(passphrase, own_words)
    if weakness == "short":
        raise PassphraseError(f"口令太短：至少 {MIN_PASSPHRASE_CHARS} 个字符（可用一句好记的话）")
    if weakness == "guessable":
        raise PassphraseError(
            "口令太容易猜：常见密码、键盘上连着的键、生日年份或街道名加数字都能被很快试出。"
            "请用一句只有队长们知道的、好记的话，如「周三晚上榕树下见老街坊」"
        )


def create(data_dir: Path, passphrase: str, cost: KdfCost = DEFAULT_COST, own_words: tuple[str, ...] = ()) -> bytes:
    """Make a new data key, store it wrapped by ``passphrase``, and return it."""
    check_new_passphrase(passphrase, own_words)
    path = keyfile_path(data_dir)
    if path.exists():
        raise KeyfileError("本机已设置过口令：请用原口令解锁")
    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    _write(path, _wrap(data_key, passphrase, cost))
    return data_key


def unlock(data_dir: Path, passphrase: str) -> bytes:
    """Return the data key, or raise PassphraseError (recording the failed attempt's time)."""
    record = _read(keyfile_path(data_dir))
    try:
        return _unwrap(record, passphrase)
    except PassphraseError:
        _note_failure(data_dir)
        raise


def change_passphrase(
    data_dir: Path, old: str, new: str, cost: KdfCost | None = None, own_words: tuple[str, ...] = ()
) -> None:
    path = keyfile_path(data_dir)
    record = _read(path)
    try:
        data_key = _unwrap(record, old)
    except PassphraseError:
        _note_failure(data_dir)
        raise
    check_new_passphrase(new, own_words)
    _write(path, _wrap(data_key, new, cost or _cost_of(record)))


def stored_cost(data_dir: Path) -> KdfCost:
    """The scrypt cost this data directory's keyfile was made with (the default when unreadable)."""
    try:
        return _cost_of(_read(keyfile_path(data_dir)))
    except (KeyfileError, KeyError, TypeError, ValueError):
        return DEFAULT_COST


def take_failures(data_dir: Path) -> list[str]:
    """Times (UTC text) of failed unlocks since the last good one, cleared as they are read.

    A failed unlock cannot write to the encrypted audit log, so its time waits here (nothing
    else: no passphrase, no guess) until the next unlock carries it into the log.
    """
    path = Path(data_dir) / FAILURES_NAME
    try:
        lines = path.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return []
    path.unlink(missing_ok=True)
    kept = []
    for line in lines[-1000:]:  # a flood of attempts is summarised by its latest 1000
        try:
            kept.append(clock.to_text(clock.from_text(line)))
        except ValueError:
            continue  # not ours: the file is outside the encryption, anyone could write to it
    return kept


def _note_failure(data_dir: Path) -> None:
    try:
        with open(Path(data_dir) / FAILURES_NAME, "a", encoding="ascii") as out:
            out.write(clock.to_text(clock.now()) + "\n")
    except OSError:
        pass  # the refusal itself matters more than its record


def _derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    # NFC is not applied: an input method may produce either form, and the same person types the
    # passphrase the same way each night; a mismatch only means "wrong passphrase".
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.maxmem, dklen=32
    )


def _wrap(data_key: bytes, passphrase: str, cost: KdfCost) -> dict:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_derive(passphrase, salt, cost)).encrypt(nonce, data_key, _AAD)
    return {
        "format": "xinan-desk-keyfile",
        "version": 1,
        "kdf": {"name": "scrypt", "n": cost.n, "r": cost.r, "p": cost.p, "salt": _b64(salt)},
        "cipher": "AES-256-GCM",
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }


def _unwrap(record: dict, passphrase: str) -> bytes:
    try:
        salt = _unb64(record["kdf"]["salt"])
        nonce = _unb64(record["nonce"])
        wrapped = _unb64(record["wrapped_key"])
        cost = _cost_of(record)
    except (KeyError, TypeError, ValueError):
        raise KeyfileError("密钥文件 desk.key 已损坏：请从备份恢复该文件，不要删除数据库") from None
    try:
        data_key = AESGCM(_derive(passphrase, salt, cost)).decrypt(nonce, wrapped, _AAD)
    except InvalidTag:
        raise PassphraseError("口令不对：数据没有打开，也没有改动任何内容。请再试一次") from None
    if len(data_key) != DATA_KEY_BYTES:
        raise KeyfileError("密钥文件 desk.key 已损坏：请从备份恢复该文件，不要删除数据库")
    return data_key


def _cost_of(record: dict) -> KdfCost:
    kdf = record["kdf"]
    if kdf.get("name") != "scrypt":
        raise ValueError("unknown kdf")
    cost = KdfCost(int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
    if cost.n < 2**10 or cost.n & (cost.n - 1) or not 1 <= cost.r <= 32 or not 1 <= cost.p <= 16:
        raise ValueError("implausible kdf parameters")
    return cost


def _read(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyfileError(
            "找不到密钥文件 desk.key：没有它数据库无法打开。请从备份恢复该文件到数据目录"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise KeyfileError("密钥文件 desk.key 已损坏：请从备份恢复该文件，不要删除数据库") from None
    if not isinstance(record, dict) or record.get("format") != "xinan-desk-keyfile":
        raise KeyfileError("密钥文件 desk.key 已损坏：请从备份恢复该文件，不要删除数据库")
    return record


def _write(path: Path, record: dict) -> None:
    """Replace the keyfile atomically: a power cut leaves the old one or the new one, whole."""
    file_modes.private_dir(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    with file_modes.open_private(tmp, "w", encoding="utf-8") as out:
        json.dump(record, out, indent=2)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a directory; its rename is durable enough
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
