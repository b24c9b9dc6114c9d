"""The passphrase, the wrapped data key and the encrypted database, on real files."""

from __future__ import annotations

import json
import sqlite3

import pytest
from reception_support import TEST_KDF_COST, valid_case

from forms import load_form
from reception.desk import ReceptionDesk
from reception.paths import database_path
from reception.privacy import keyfile
from reception.privacy.keyfile import DEFAULT_COST, KeyfileError, PassphraseError
from reception.privacy.vault import open_vault
from reception.privacy.vault_files import is_fresh
from reception.storage import open_database
from reception.storage.connection import KeyMismatch
from reception.storage.header import is_plain_sqlite

FORM = load_form(None).form
PASSPHRASE = "新安夜话 每周三晚上见"


def _record(db, **changes):
    return ReceptionDesk(db, FORM).record_case(valid_case(**changes))


def test_a_fresh_directory_sets_the_passphrase_and_the_database_is_not_sqlite_in_the_clear(tmp_path):
    assert is_fresh(tmp_path)
    unlocked = open_vault(tmp_path, PASSPHRASE, TEST_KDF_COST)
    assert unlocked.created and len(unlocked.data_key) == 32
    _record(unlocked.db)
    unlocked.db.conn.close()
    assert not is_fresh(tmp_path)
    assert not is_plain_sqlite(database_path(tmp_path))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(database_path(tmp_path)).execute("SELECT count(*) FROM sqlite_master").fetchone()
    again = open_vault(tmp_path, PASSPHRASE)
    assert not again.created and ReceptionDesk(again.db, FORM).case_count() == 1
    again.db.conn.close()


def test_the_keyfile_holds_the_wrapped_key_and_the_kdf_parameters_only(tmp_path):
    key = keyfile.create(tmp_path, PASSPHRASE)
    record = json.loads(keyfile.keyfile_path(tmp_path).read_text(encoding="utf-8"))
    assert record["kdf"]["name"] == "scrypt" and record["kdf"]["n"] == DEFAULT_COST.n >= 2**17
    assert record["cipher"] == "AES-256-GCM"
    raw = keyfile.keyfile_path(tmp_path).read_bytes()
    assert key not in raw and key.hex().encode() not in raw and PASSPHRASE.encode() not in raw


def test_a_wrong_passphrase_is_refused_and_touches_nothing(tmp_path):
    unlocked = open_vault(tmp_path, PASSPHRASE, TEST_KDF_COST)
    _record(unlocked.db)
    unlocked.db.conn.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(PassphraseError, match="口令不对.*没有改动任何内容"):
        open_vault(tmp_path, "新安夜话 每周四")
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file() and p.name != keyfile.FAILURES_NAME}
    assert after == before
    # The failed attempt's time (and nothing else) waits for the next unlock's audit log.
    [line] = (tmp_path / keyfile.FAILURES_NAME).read_text().split()
    assert line.startswith("20") and "每周" not in line
    good = open_vault(tmp_path, PASSPHRASE)
    assert good.failed_attempts == [line]
    assert not (tmp_path / keyfile.FAILURES_NAME).exists()
    good.db.conn.close()


def test_changing_the_passphrase_rewraps_the_key_only(tmp_path):
    unlocked = open_vault(tmp_path, PASSPHRASE, TEST_KDF_COST)
    _record(unlocked.db)
    unlocked.db.conn.close()
    database_before = database_path(tmp_path).read_bytes()
    keyfile.change_passphrase(tmp_path, PASSPHRASE, "换了新口令 2027", TEST_KDF_COST)
    assert database_path(tmp_path).read_bytes() == database_before
    with pytest.raises(PassphraseError):
        keyfile.unlock(tmp_path, PASSPHRASE)
    assert keyfile.unlock(tmp_path, "换了新口令 2027") == unlocked.data_key
    with pytest.raises(PassphraseError, match="太短"):
        keyfile.change_passphrase(tmp_path, "换了新口令 2027", "short")


def test_a_lost_keyfile_is_named_and_never_replaced_by_a_fresh_empty_desk(tmp_path):
    unlocked = open_vault(tmp_path, PASSPHRASE, TEST_KDF_COST)
    _record(unlocked.db)
    unlocked.db.conn.close()
    keyfile.keyfile_path(tmp_path).unlink()
    assert not is_fresh(tmp_path)
    with pytest.raises(KeyfileError, match="desk.key"):
        open_vault(tmp_path, PASSPHRASE)
    assert not keyfile.exists(tmp_path)


def test_a_damaged_keyfile_is_named(tmp_path):
    keyfile.create(tmp_path, PASSPHRASE, TEST_KDF_COST)
    path = keyfile.keyfile_path(tmp_path)
    record = json.loads(path.read_text())
    record["wrapped_key"] = "not base64!"
    path.write_text(json.dumps(record))
    with pytest.raises(KeyfileError, match="已损坏"):
        keyfile.unlock(tmp_path, PASSPHRASE)


def test_a_keyfile_from_another_laptop_does_not_open_this_database(tmp_path):
    first = open_vault(tmp_path / "a", PASSPHRASE, TEST_KDF_COST)
    _record(first.db)
    first.db.conn.close()
    other = keyfile.create(tmp_path / "b", PASSPHRASE, TEST_KDF_COST)
    with pytest.raises(KeyMismatch, match="不匹配"):
        open_database(database_path(tmp_path / "a"), other)


def test_a_plain_database_from_before_encryption_is_encrypted_on_the_first_unlock(tmp_path):
    plain = open_database(database_path(tmp_path), None)
    case = _record(plain, resident_name="欧阳明月", phone="13911112222")
    plain.conn.close()
    assert "欧阳明月".encode() in database_path(tmp_path).read_bytes()
    unlocked = open_vault(tmp_path, PASSPHRASE, TEST_KDF_COST)
    assert ReceptionDesk(unlocked.db, FORM).case(case.id).resident_name == "欧阳明月"
    unlocked.db.conn.close()
    for path in tmp_path.iterdir():
        if path.is_file():
            assert "欧阳明月".encode() not in path.read_bytes(), path.name
    assert not is_plain_sqlite(database_path(tmp_path))


@pytest.mark.parametrize("weak", ["12345678", "password", "qwertyuiop", "1qaz2wsx", "woaini1314", "xinan2026", "心安夜话2026", "新安街道新安街道", "我爱你我爱你我爱你", "夜话夜话夜话夜话"])
def test_a_common_or_patterned_passphrase_is_refused_and_nothing_is_created(tmp_path, weak):
    with pytest.raises(PassphraseError, match="太容易猜"):
        open_vault(tmp_path, weak, TEST_KDF_COST)
    assert not keyfile.exists(tmp_path)


def test_the_street_s_own_names_count_against_a_passphrase(tmp_path):
    assert keyfile.passphrase_weakness("海旺社区海旺社区") == "guessable"
    assert keyfile.passphrase_weakness("榕树下的周三晚上") is None
    assert keyfile.passphrase_weakness("榕树下的周三晚上", own_words=("榕树下的周三晚上",)) == "guessable"
    assert keyfile.passphrase_weakness("短口令") == "short"


def test_changing_to_a_guessable_passphrase_is_refused_and_the_old_one_still_opens(tmp_path):
    unlocked = open_vault(tmp_path, PASSPHRASE, TEST_KDF_COST)
    unlocked.db.conn.close()
    with pytest.raises(PassphraseError, match="太容易猜"):
        keyfile.change_passphrase(tmp_path, PASSPHRASE, "password123")
    assert keyfile.unlock(tmp_path, PASSPHRASE) == unlocked.data_key
