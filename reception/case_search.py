"""Finding a returning resident's case offline: by tracking code, phone number, or name in
characters, full pinyin or initials.

The database is SQLCipher-encrypted, so SQLite's FTS over decrypted text is no help and a scan
of 100,000 cases decrypts every page. Instead each case has a few normalised keys in its own
table ``case_search`` (WITHOUT ROWID, primary key (key, case_id), so the keys are the index):

- ``h`` + the name as written (NFKC, no spaces, lower case), and + the name without its first
  character, so 小明 finds 王小明;
- ``p`` + each full-pinyin reading of the name (wangxiaoming), ``i`` + its initials (wxm);
- ``d`` + the phone's national digits (13812345678), ``r`` + those digits reversed, so the last
  four digits a resident reads out are a prefix search too.

A query is a prefix range on that index (``key >= q AND key < q || U+10FFFF``), newest cases
first. The keys are personal data and live only inside the encrypted file; they are removed
with the personal fields when a case is purged, and never logged.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import phonenumbers
from pypinyin import Style, pinyin
from sqlite_utils import Database

from reception import clock, tracking_codes
from reception.errors import FieldError, ValidationFailed
from reception import masking

_MAX_READINGS = 8  # heteronyms: 单 shan/dan, 曾 zeng/ceng... a few readings per name at most
_TOP = "\U0010ffff"  # sorts after every character: the end of a prefix range
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TOKENS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\u3400-\u9fff\uf900-\ufaff]+")
_SPACES = re.compile(r"[\s\-_.·()（）]+")
DEFAULT_LIMIT = 20
MIN_DIGITS = 4  # fewer digits match thousands of phones and say nothing


@dataclass(frozen=True)
class SearchHit:
    """One case found, with only what a stranger at the stall may see."""

    case_id: str
    tracking_code: str
    created_at: datetime
    category_name: str
    community: str
    name: str  # masked: 王*
    phone: str  # masked: 138****5678
    purged: bool  # its personal fields were removed after the platform closed it
    voided: bool
    platform_status: str
    matched: str  # code | phone | name | pinyin


def _fold(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


@functools.lru_cache(maxsize=8192)
def _token_readings(token: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(s) for s in pinyin(token, style=Style.NORMAL, heteronym=True, errors="default"))


def _syllables(name: str) -> list[tuple[str, ...]]:
    """Each character's readings, looked up one character at a time (other runs as pypinyin
    groups them). Not through pypinyin's phrase dictionary: a name is not a phrase, and a
    character's own readings include the phrase's (of 10,000 generated names 79 got a second
    reading this way, none lost one), at a hundredth of the cost, since every 王 and 明 is
    looked up once."""
    return [readings for token in _TOKENS.findall(name) for readings in _token_readings(token)]


def _readings(name: str) -> tuple[set[str], set[str]]:
    syllables = _syllables(name)
    full, initials = set(), set()
    for combo in itertools.islice(itertools.product(*syllables), _MAX_READINGS):
        words = [_fold(s) for s in combo if s.strip()]
        full.add("".join(words))
        initials.add("".join(w[0] for w in words if w))
    return full, initials


def _phone_digits(e164: str) -> str:
    """National digits as a resident says them: 13812345678, 075523456789 (leading 0 kept)."""
    if e164.startswith("+86") and e164[3:].isdigit() and e164[3:4] != "0":
        # Nearly every stored phone: what phonenumbers would answer, without its parse (a fifth
        # of building the index at 100,000 cases).
        digits = e164[3:]
        return digits if digits.startswith("1") else "0" + digits
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:  # stored phones are E.164; anything else as digits
        return re.sub(r"\D", "", e164)
    digits = str(number.national_number)
    if number.country_code == 86 and not digits.startswith("1"):
        digits = "0" + digits  # landlines are read with their trunk 0: 0755...
    return digits


def search_keys(name: str, phone: str, anonymous: bool) -> set[str]:
    """The keys under which a case is found; none for an anonymous resident."""
    if anonymous:
        return set()
    keys: set[str] = set()
    folded = _fold(name)
    if folded:
        keys.add("h" + folded)
        if len(folded) > 1:
            keys.add("h" + folded[1:])
        if _HAN.search(folded):
            full, initials = _readings(folded)
            keys.update("p" + f for f in full if f)
            keys.update("i" + i for i in initials if i)
    if phone:
        digits = _phone_digits(phone)
        if digits:
            keys.add("d" + digits)
            keys.add("r" + digits[::-1])
    return keys


# --- keeping the index ------------------------------------------------------------------------

def index_case(db: Database, case_id: str, name: str, phone: str, anonymous: bool, created_at: str) -> None:
    """Replace a case's keys (inside the caller's transaction)."""
    db.execute("DELETE FROM case_search WHERE case_id = ?", (case_id,))
    db.conn.executemany(
        "INSERT OR IGNORE INTO case_search (key, case_id, created_at) VALUES (?, ?, ?)",
        [(key, case_id, created_at) for key in sorted(search_keys(name, phone, anonymous))],
    )


def drop_case(db: Database, case_id: str) -> None:
    db.execute("DELETE FROM case_search WHERE case_id = ?", (case_id,))


# Building the whole index (a laptop that already held cases when the index came, ~100,000 of
# them: 16–40 s on the encrypted file, mostly B-tree inserts) is done a batch at a time, newest cases first, so
# that the desk opens at once, its worker can run the volunteer's own operations in between, and
# tonight's and last week's residents are found within the first second. The setting says how far
# it got; a case recorded or corrected meanwhile is indexed by index_case as always, and a batch
# that meets it again only re-inserts the same keys.
BUILD_SETTING = "case_search_build"  # while building: {"below": case id, "done": n, "total": n}
# Cases per operation: ~0.8 s (at most ~1.2 s) on the encrypted file at 100,000 cases. Smaller
# batches cost more in all (1,000: 40 s instead of 16 s): each commit rewrites pages all over the
# key index, which a batch's keys are spread across.
BUILD_BATCH = 5000


@dataclass(frozen=True)
class BuildProgress:
    done: int  # cases looked at so far (newest first)
    total: int  # cases there were when the build began (those recorded since are indexed as they come)


def _build_state(db: Database) -> dict | None:
    # The settings table's own format (a JSON value per key), read here rather than through
    # reception.storage: the migration that starts a build is in reception.storage.
    row = db.execute("SELECT value FROM settings WHERE key = ?", (BUILD_SETTING,)).fetchone()
    state = json.loads(row[0]) if row else None
    return state if isinstance(state, dict) else None


def _set_build_state(db: Database, state: dict | None) -> None:
    if state is None:
        db.execute("DELETE FROM settings WHERE key = ?", (BUILD_SETTING,))
    else:
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   (BUILD_SETTING, json.dumps(state)))


def start_build(db: Database) -> None:
    """Have every case indexed again by build_step (inside the caller's transaction)."""
    total = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    _set_build_state(db, {"below": None, "done": 0, "total": total})


def build_progress(db: Database) -> BuildProgress | None:
    """How far the build got; None when the index is complete."""
    state = _build_state(db)
    if state is None:
        return None
    return BuildProgress(int(state.get("done") or 0), int(state.get("total") or 0))


def build_step(db: Database, batch: int | None = None) -> BuildProgress | None:
    """Index the next ``batch`` cases (inside the caller's transaction); None once complete."""
    batch = batch or BUILD_BATCH
    state = _build_state(db)
    if state is None:
        return None
    below = state.get("below")
    columns = "SELECT id, resident_name, phone, anonymous, created_at, purged_at FROM cases"
    rows = (db.execute(f"{columns} WHERE id < ? ORDER BY id DESC LIMIT ?", (below, batch)) if below
            else db.execute(f"{columns} ORDER BY id DESC LIMIT ?", (batch,))).fetchall()
    keys = sorted(
        (key, case_id, created_at)
        for case_id, name, phone, anonymous, created_at, purged_at in rows if purged_at is None
        for key in search_keys(name or "", phone or "", bool(anonymous))
    )
    # In key order: the B-tree is filled page after page instead of at random places.
    db.conn.executemany("INSERT OR IGNORE INTO case_search (key, case_id, created_at) VALUES (?, ?, ?)", keys)
    if len(rows) < batch:
        _set_build_state(db, None)
        return None
    done = int(state.get("done") or 0) + len(rows)
    total = max(int(state.get("total") or 0), done)
    _set_build_state(db, {"below": rows[-1][0], "done": done, "total": total})
    return BuildProgress(done, total)


def rebuild(db: Database) -> int:
    """Index every case that still holds personal fields at once (inside the caller's transaction);
    the number of them. For bench/ and tests: the desk builds step by step (build_step)."""
    db.execute("DELETE FROM case_search")
    start_build(db)
    while build_step(db, 20_000) is not None:
        pass
    return db.execute("SELECT COUNT(*) FROM cases WHERE purged_at IS NULL").fetchone()[0]


# --- looking up -------------------------------------------------------------------------------

def _prefix_ids(db: Database, prefixes: Iterable[tuple[str, str]], limit: int) -> dict[str, str]:
    """case_id -> how it matched, newest cases first, over the union of the prefix ranges."""
    found: dict[str, tuple[str, str]] = {}
    for prefix, how in prefixes:
        # A case can hold several keys in one range (two readings of 单): ask for a few more rows
        # than needed rather than GROUP BY, which would sort every match by case first.
        for case_id, created_at in db.execute(
            "SELECT case_id, created_at FROM case_search WHERE key >= ? AND key < ? "
            "ORDER BY created_at DESC LIMIT ?",
            (prefix, prefix + _TOP, limit * 4),
        ):
            if case_id not in found:
                found[case_id] = (created_at, how)
    newest = sorted(found.items(), key=lambda item: item[1][0], reverse=True)[:limit]
    return {case_id: how for case_id, (_, how) in newest}


def _code_ids(db: Database, text: str, limit: int) -> dict[str, str]:
    """A whole code (its check character verified), or the start of one: K7Q-00A."""
    try:
        code = tracking_codes.parse(text)
    except tracking_codes.TrackingCodeError:
        pass
    else:
        row = db.execute("SELECT id FROM cases WHERE tracking_code = ?", (code.display,)).fetchone()
        return {row[0]: "code"} if row else {}
    compact = _fold(text).upper()
    if len(compact) < tracking_codes.PREFIX_LENGTH or any(ch not in tracking_codes.ALPHABET for ch in compact):
        return {}
    body = tracking_codes.PREFIX_LENGTH + tracking_codes.MIN_SEQUENCE_LENGTH
    shown = compact[:3] + ("-" + compact[3:body] if len(compact) > 3 else "") + ("-" + compact[body:] if len(compact) > body else "")
    rows = db.execute(
        "SELECT id FROM cases WHERE tracking_code >= ? AND tracking_code < ? ORDER BY tracking_code DESC LIMIT ?",
        (shown, shown + _TOP, limit),
    ).fetchall()
    return {r[0]: "code" for r in rows}


def find(db: Database, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Cases matching what the volunteer typed, newest first, masked."""
    text = _fold(query)
    if not text:
        raise ValidationFailed([FieldError("query", "查找", "请输入查询码、电话号码或姓名（汉字或拼音）")])
    if len(text) > 40:
        raise ValidationFailed([FieldError("query", "查找", "太长：最多 40 个字符")])
    ids: dict[str, str] = {}
    digits = re.sub(r"^(\+?86|0086)(?=1\d{10}$)", "", text)
    if digits.isdigit():
        if len(digits) < MIN_DIGITS:
            raise ValidationFailed([FieldError("query", "查找", f"电话号码至少输入 {MIN_DIGITS} 位（如尾号）")])
        ids = _prefix_ids(db, [("d" + digits, "phone"), ("r" + digits[::-1], "phone")], limit)
    elif _HAN.search(text):
        ids = _prefix_ids(db, [("h" + text, "name")], limit)
    else:
        ids = _code_ids(db, text, limit)
        if text.isalpha() and text.isascii():
            for case_id, how in _prefix_ids(db, [("p" + text, "pinyin"), ("i" + text, "pinyin"),
                                                  ("h" + text, "name")], limit).items():
                ids.setdefault(case_id, how)
    return _hits(db, ids)[:limit]


def _hits(db: Database, ids: dict[str, str]) -> list[SearchHit]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        "SELECT id, tracking_code, created_at, category_name, community, resident_name, phone, "
        f"anonymous, purged_at, voided_at, platform_status FROM cases WHERE id IN ({marks}) "
        "ORDER BY created_at DESC, sequence DESC",
        tuple(ids),
    ).fetchall()
    return [
        SearchHit(
            case_id=r[0], tracking_code=r[1], created_at=clock.from_text(r[2]), category_name=r[3],
            community=r[4] or "", name=mask_name(r[5] or "", bool(r[7]), purged=bool(r[8])),
            phone=mask_phone(r[6] or "", bool(r[7]), purged=bool(r[8])), purged=bool(r[8]),
            voided=bool(r[9]), platform_status=r[10] or "", matched=ids[r[0]],
        )
        for r in rows
    ]


def mask_name(name: str, anonymous: bool, purged: bool = False) -> str:
    return masking.PURGED if purged else masking.mask_name(name, anonymous)


def mask_phone(phone: str, anonymous: bool, purged: bool = False) -> str:
    return masking.PURGED if purged else masking.mask_phone(phone, anonymous)
