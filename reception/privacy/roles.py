"""Volunteers and the team leader: leader rights rest on a key only the PIN unwraps.

Volunteers record cases and print slips. The team leader syncs, voids, exports, changes settings
and reads the audit log. Everyone at the stall knows the street's passphrase, so anything the
passphrase opens (the database, every row of it) is theirs to read and to edit. The leader's
rights therefore rest on something the database does not hold in the clear:

- The **leader key**: 32 random bytes, stored only wrapped (AES-256-GCM) under a key stretched
  from the PIN with scrypt at the keyfile's cost (N=2^17, r=8: 128 MiB and ~0.5 s a guess), bound
  to this laptop's device id. Giving the PIN means unwrapping it; there is no PIN hash to compare
  with, and overwriting the record with one made from another PIN yields another key.
- What the key authenticates (HMAC-SHA-256 under keys derived from it):
  * the **leader settings** (privacy.*, the street's name, hotline, tracking address and secret,
    the laptop's prefix): sealed each time leader mode ends; at the next PIN a setting changed
    without the key is found, logged and told to the leader;
  * the **audit log**: each time leader mode ends a ``seal`` entry carries a MAC of the chain's
    head, so a rewritten or shortened log no longer matches the leader's seals
    (reception/privacy/audit.py), and the key's fingerprint travels to the platform with the
    log's head, which refuses a laptop whose leader key changed.
- A PIN has at least 6 digits. Wrong PINs are counted in the database (so across starts, the
  command line and the desk), each one logged; after ``FREE_TRIES`` every further try must wait,
  30 s doubling up to an hour. Only a right PIN clears the count.

What this does not do: someone with the passphrase can still guess the PIN offline against the
wrapped key, at the scrypt cost (docs/privacy.md gives the measured figure), and can replace the
whole record to make a leader key of their own. That key is not the leader's: its seals do not
verify the earlier log, and the platform refuses its fingerprint.

Leader mode ends by itself: when the action it was asked for is done (``action_done``), after
``leader_minutes`` (default 2, a privacy setting), and at the idle lock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from reception import clock
from reception.errors import DeskError, FieldError, ValidationFailed
from reception.privacy import audit
from reception.privacy.keyfile import DEFAULT_COST, KdfCost
from reception.storage import repository as repo

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

KEY_SETTING = "leader_key"
LEGACY_PIN_SETTING = "leader_pin"  # before issue 12: a bare scrypt hash of the PIN
FAILURES_SETTING = "leader_pin_failures"
SEAL_SETTING = "leader_seal"
MIN_PIN_DIGITS, MAX_PIN_DIGITS = 6, 12
FREE_TRIES = 3
FIRST_DELAY_S, MAX_DELAY_S = 30, 3600
SEALED_PREFIXES = ("privacy.", "street.")
# Printing preferences a volunteer may set at the stall are not the leader's to seal.
UNSEALED = ("street.printer", "street.default_paper", "street.auto_print")
VOLUNTEER, LEADER = "volunteer", "leader"
_AAD = b"xinan-desk leader key v1|"

# What only the team leader may do, in the words a refusal uses.
LEADER_ACTIONS = {
    "sync": "同步",
    "void": "作废诉求",
    "export": "导出",
    "settings": "修改设置",
    "audit": "查看操作日志",
    "purge": "清除到期个人信息",
    "device": "设置本机编号",
    "passphrase": "更换口令",
}


class LeaderRequired(DeskError):
    """A volunteer tried a team leader's action."""


class WrongPin(DeskError):
    """The team leader's PIN did not match, or must wait (the message says how long)."""


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS):
        raise ValidationFailed([FieldError("pin", "队长 PIN", f"应为 {MIN_PIN_DIGITS}–{MAX_PIN_DIGITS} 位数字")])


def pin_is_set(db: Database) -> bool:
    return repo.get_setting(db, KEY_SETTING) is not None or repo.get_setting(db, LEGACY_PIN_SETTING) is not None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _stretch(pin: str, salt: bytes, cost: KdfCost) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.maxmem, dklen=32)


def _device_id(db: Database) -> str:
    device = repo.get_device(db)
    return device["device_id"] if device else ""


def wrap_leader_key(db: Database, leader_key: bytes, pin: str, cost: KdfCost) -> dict[str, Any]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    aad = _AAD + _device_id(db).encode()
    wrapped = AESGCM(_stretch(pin, salt, cost)).encrypt(nonce, leader_key, aad)
    return {"kdf": "scrypt", "n": cost.n, "r": cost.r, "p": cost.p, "salt": _b64(salt), "nonce": _b64(nonce),
            "wrapped": _b64(wrapped)}


def unwrap_leader_key(db: Database, record: dict[str, Any], pin: str) -> bytes | None:
    """The leader key, or None when ``pin`` does not unwrap it (or the record is damaged)."""
    if not (pin.isascii() and pin.isdigit()):
        return None
    try:
        cost = KdfCost(int(record["n"]), int(record["r"]), int(record["p"]))
        key = _stretch(pin, base64.b64decode(record["salt"]), cost)
        return AESGCM(key).decrypt(
            base64.b64decode(record["nonce"]), base64.b64decode(record["wrapped"]), _AAD + _device_id(db).encode()
        )
    except (InvalidTag, KeyError, TypeError, ValueError):
        return None


def _legacy_matches(stored: dict[str, Any], pin: str) -> bool:
    if not (pin.isascii() and pin.isdigit()):
        return False
    try:
        salt = base64.b64decode(stored["salt"])
        derived = hashlib.scrypt(pin.encode("ascii"), salt=salt, n=int(stored["n"]), r=int(stored["r"]),
                                 p=int(stored["p"]), maxmem=64 * 1024 * 1024, dklen=32)
        return hmac.compare_digest(derived, base64.b64decode(stored["hash"]))
    except (KeyError, TypeError, ValueError):
        return False


def subkey(leader_key: bytes, purpose: str) -> bytes:
    """A key for one purpose (seal, fingerprint), so no two uses share the leader key itself."""
    return hmac.new(leader_key, b"xinan-desk leader " + purpose.encode(), hashlib.sha256).digest()


def fingerprint(leader_key: bytes) -> str:
    """Names the leader key without revealing it: the platform keeps it and refuses a change."""
    return subkey(leader_key, "fingerprint").hex()[:32]


def sealed_settings(db: Database) -> dict[str, Any]:
    """The settings only the team leader may change, as they stand."""
    values = {key: value for key, value in repo.settings_with_prefixes(db, SEALED_PREFIXES) if key not in UNSEALED}
    device = repo.get_device(db)
    values["device.prefix"] = device["prefix"] if device else ""
    values["device.prefix_provisional"] = repo.get_setting(db, "prefix_provisional")
    return values


def _settings_mac(leader_key: bytes, values: dict[str, Any]) -> str:
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(subkey(leader_key, "settings"), text.encode(), hashlib.sha256).hexdigest()


def failure_delay(failures: int) -> timedelta:
    """How long after the last wrong PIN the next try is taken."""
    if failures < FREE_TRIES:
        return timedelta(0)
    return timedelta(seconds=min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - FREE_TRIES)))


class Access:
    """The role at the keyboard of one desk, the leader key while leader mode lasts."""

    def __init__(self, desk, now: Callable[[], datetime] | None = None, kdf_cost: KdfCost = DEFAULT_COST,
                 leader_minutes: Callable[[], int] | None = None) -> None:
        self.desk = desk
        self.now = now or desk.now
        self.kdf_cost = kdf_cost
        self._leader_minutes = leader_minutes or self._stored_leader_minutes
        self._leader_key: bytes | None = None
        self._until: datetime | None = None
        self._unsealed: list[tuple[bytes, str]] = []  # leader modes ended, their seals not yet written
        self.tampered: list[str] = []  # leader settings found changed without the key at the last PIN

    @property
    def db(self) -> Database:
        return self.desk.db

    @property
    def role(self) -> str:
        return LEADER if self.is_leader else VOLUNTEER

    @property
    def is_leader(self) -> bool:
        """Whether leader mode is on. Reads nothing from the database: safe on the UI thread."""
        return self.desk.role == LEADER and self._leader_key is not None and not self._expired()

    @property
    def leader_until(self) -> datetime | None:
        """When leader mode ends by itself (None when it is off)."""
        return self._until if self.is_leader else None

    @property
    def leader_key(self) -> bytes:
        if not self.is_leader:
            raise LeaderRequired("只有队长可以操作：请队长输入 PIN")
        assert self._leader_key is not None
        return self._leader_key

    def _stored_leader_minutes(self) -> int:
        from reception.privacy import settings as privacy_settings

        return privacy_settings.load(self.db).leader_minutes

    def _expired(self) -> bool:
        return self._leader_key is not None and self._until is not None and self.now() >= self._until

    def end_if_expired(self) -> bool:
        """End leader mode (and seal) if its minutes are up; True when it ended now."""
        if not self._expired():
            return False
        self.drop_to_volunteer(reason="到时自动结束")
        return True

    # --- the PIN -----------------------------------------------------------------------------

    def set_pin(self, new_pin: str, current_pin: str | None = None) -> None:
        """The first PIN may be set by whoever unlocked the desk; changing it needs the old one.

        Changing the PIN rewraps the same leader key, so earlier seals still verify."""
        check_pin_format(new_pin)
        first = not pin_is_set(self.db)
        if not first:
            self.become_leader(current_pin or "")
            leader_key = self.leader_key
        else:
            leader_key = secrets.token_bytes(32)
        record = wrap_leader_key(self.db, leader_key, new_pin, self.kdf_cost)
        with self.desk._writing():
            repo.set_setting(self.db, KEY_SETTING, record)
            repo.delete_setting(self.db, LEGACY_PIN_SETTING)
            repo.set_setting(self.db, FAILURES_SETTING, {"count": 0, "last": None})
            audit.append(self.db, "pin_set", audit.Actor(self.desk.role), detail="首次设置" if first else "更换", at=self.now())
        if first:
            # Whoever sets the first PIN is the team leader from now on: the setup that follows
            # (street, hotline, enrolment) is theirs, sealed when leader mode ends.
            self._enter_leader_mode(leader_key)
        else:
            self.drop_to_volunteer(reason="更换 PIN 后")

    def _failures(self) -> tuple[int, datetime | None]:
        stored = repo.get_setting(self.db, FAILURES_SETTING)
        if isinstance(stored, dict):
            last = stored.get("last")
            return int(stored.get("count") or 0), clock.from_text(last) if last else None
        return int(stored or 0), None  # an older desk stored only the count

    def wait_before_next_try(self) -> timedelta:
        count, last = self._failures()
        if last is None:
            return timedelta(0)
        return max(timedelta(0), last + failure_delay(count) - self.now())

    def become_leader(self, pin: str) -> None:
        """Unwrap the leader key with ``pin``; leader mode then lasts until it ends by itself."""
        self.end_if_expired()
        self.seal_pending()
        record = repo.get_setting(self.db, KEY_SETTING)
        legacy = repo.get_setting(self.db, LEGACY_PIN_SETTING)
        if record is None and legacy is None:
            raise WrongPin("还没有设置队长 PIN：请队长先设置（命令行：xinan-desk pin）")
        wait = self.wait_before_next_try()
        if wait > timedelta(0):
            count, _ = self._failures()
            raise WrongPin(f"队长 PIN 已连续输错 {count} 次：请 {_duration(wait)}后再试")
        if record is not None:
            leader_key = unwrap_leader_key(self.db, record, pin)
        elif _legacy_matches(legacy, pin):
            leader_key = secrets.token_bytes(32)  # an older desk: the PIN gets a leader key now
        else:
            leader_key = None
        if leader_key is None:
            self._wrong_pin()
        assert leader_key is not None
        with self.desk._writing():
            if record is None:
                migrated = wrap_leader_key(self.db, leader_key, pin, self.kdf_cost)
                migrated["short"] = len(pin) < MIN_PIN_DIGITS  # an older desk's 4 digits: to be changed
                repo.set_setting(self.db, KEY_SETTING, migrated)
                repo.delete_setting(self.db, LEGACY_PIN_SETTING)
            repo.set_setting(self.db, FAILURES_SETTING, {"count": 0, "last": None})
            audit.append(self.db, "leader", audit.Actor(LEADER), at=self.now())
            self.tampered = self._check_settings(leader_key)
        self._enter_leader_mode(leader_key)

    def _enter_leader_mode(self, leader_key: bytes) -> None:
        self._leader_key = leader_key
        self._until = self.now() + timedelta(minutes=self._leader_minutes())
        self.desk.role = LEADER

    def _wrong_pin(self) -> None:
        count, _ = self._failures()
        count += 1
        with self.desk._writing():
            repo.set_setting(self.db, FAILURES_SETTING, {"count": count, "last": clock.to_text(self.now())})
            audit.append(self.db, "pin_failed", audit.Actor(self.desk.role), detail=f"连续第 {count} 次", at=self.now())
        delay = failure_delay(count)
        if delay:
            raise WrongPin(f"队长 PIN 不对（已连续 {count} 次）：请 {_duration(delay)}后再试")
        raise WrongPin(f"队长 PIN 不对（再错 {FREE_TRIES - count} 次后每次须等待）")

    def short_pin(self) -> bool:
        """True while the PIN is an older desk's 4 or 5 digits (set before 6 were required)."""
        record = repo.get_setting(self.db, KEY_SETTING)
        return isinstance(record, dict) and bool(record.get("short"))

    # --- leader mode ---------------------------------------------------------------------------

    def require_leader(self, action: str) -> None:
        self.end_if_expired()
        if not self.is_leader:
            words = LEADER_ACTIONS.get(action, action)
            raise LeaderRequired(f"「{words}」只有队长可以操作：请队长输入 PIN")

    def action_done(self) -> None:
        """The action the PIN was given for has finished: leader mode ends with it."""
        self.drop_to_volunteer(reason="操作完成")

    def drop_to_volunteer(self, reason: str = "") -> None:
        """End leader mode: the settings and the log's head are sealed, the key forgotten."""
        self.end_leader_mode(reason)
        self.seal_pending()

    def end_leader_mode(self, reason: str = "") -> None:
        """End leader mode at once without touching the database (the desk's UI thread calls
        this at the idle lock); ``seal_pending`` then writes the seal, on the database's thread."""
        if self._leader_key is not None:
            self._unsealed.append((self._leader_key, reason or ("到时自动结束" if self._expired() else "")))
        self._leader_key, self._until = None, None
        self.desk.role = VOLUNTEER

    def seal_pending(self) -> None:
        """Write the seals of leader modes that ended, and forget their keys."""
        pending, self._unsealed = self._unsealed, []
        for leader_key, reason in pending:
            try:
                with self.desk._writing():
                    self._seal(leader_key, reason)
            except DeskError:
                pass  # a full disk: the next leader mode seals; the role was dropped all the same

    # --- seals -----------------------------------------------------------------------------------

    def _seal(self, leader_key: bytes, reason: str = "") -> None:
        entry = audit.seal(self.db, subkey(leader_key, "audit"), fingerprint(leader_key), reason, at=self.now())
        # The settings and the pointer to the log's last seal, under one MAC: deleting the seal
        # entries (and rehashing the chain) leaves this record pointing at a seal that is gone.
        values = {**sealed_settings(self.db), "audit.last_seal": [entry["id"], entry["hash"]]}
        repo.set_setting(self.db, SEAL_SETTING, {"values": values, "mac": _settings_mac(leader_key, values)})

    def check_log(self) -> audit.Verdict:
        """The audit log checked with the leader key: chain, seals, the seal record, the anchor."""
        leader_key = self.leader_key
        verdict = audit.check(self.db, subkey(leader_key, "audit"), fingerprint(leader_key))
        seal = repo.get_setting(self.db, SEAL_SETTING)
        if seal is None:
            if verdict.last_seal is not None:
                verdict.problems.append(audit.Problem(None, "队长的封存记录被删除"))
            return verdict
        values = seal.get("values") if isinstance(seal, dict) else None
        if not isinstance(values, dict) or not hmac.compare_digest(str(seal.get("mac", "")), _settings_mac(leader_key, values)):
            verdict.problems.append(audit.Problem(None, "队长的封存记录被改动，或队长密钥被换过"))
            return verdict
        pointer = values.get("audit.last_seal")
        if pointer:
            entry = repo.audit_entry(self.db, int(pointer[0]))
            if entry is None or entry["hash"] != pointer[1] or entry["action"] != "seal":
                verdict.problems.append(audit.Problem(int(pointer[0]), "队长最后一次封存的那一条已被删除或改写"))
        return verdict

    def _check_settings(self, leader_key: bytes) -> list[str]:
        """Names of leader settings changed without the leader key since the last seal.

        Each is logged (the seal shows what the leader had set) and told to the leader at the PIN;
        the next seal then takes the values the leader has seen. They are not put back: a setting
        changed by a setup the leader walked through after leader mode timed out is theirs too.
        """
        seal = repo.get_setting(self.db, SEAL_SETTING)
        if seal is None and not audit.has_seals(self.db):
            return []  # never sealed yet: a desk from before issue 12, or the first PIN
        if not isinstance(seal, dict) or not hmac.compare_digest(
            str(seal.get("mac", "")), _settings_mac(leader_key, seal.get("values") or {})
        ):
            audit.append(self.db, "tampered", audit.Actor(LEADER), detail="队长设置的封存记录被改动或删除", at=self.now())
            return ["leader_seal"]
        sealed = {k: v for k, v in seal["values"].items() if not k.startswith("audit.")}
        current = sealed_settings(self.db)
        changed = sorted(k for k in set(sealed) | set(current) if sealed.get(k) != current.get(k))
        if changed:
            audit.append(self.db, "tampered", audit.Actor(LEADER),
                         detail="未用队长密钥改动的设置：" + "、".join(changed), at=self.now())
        return changed


def _duration(delta: timedelta) -> str:
    seconds = max(1, int(delta.total_seconds() + 0.999))
    if seconds < 60:
        return f"{seconds} 秒"
    minutes = (seconds + 59) // 60
    return f"{minutes} 分钟"
