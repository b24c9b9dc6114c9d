"""Another account on the laptop (or on the platform's server) reads nothing: files 0600,
directories 0700, from the first unlock, after an older version's wider modes, and through the
command line whatever umask it was started with."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from reception_support import TEST_KDF_COST, TEST_PIN, valid_case

from forms import load_form
from reception.desk import ReceptionDesk
from reception.privacy import file_modes
from reception.privacy.export import export_cases
from reception.privacy.roles import Access
from reception.privacy.vault import open_vault

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows keeps the profile's ACLs (docs/privacy.md)")
PASSPHRASE = "新安夜话 每周三晚上见"


@pytest.fixture(autouse=True)
def open_umask():
    """The default umask of most desktops (022): what made files 0644 before."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(root: Path) -> None:
    for name, mode in modes(root).items():
        wanted = file_modes.PRIVATE_DIR if (root / name).is_dir() else file_modes.PRIVATE_FILE
        assert mode == wanted, f"{name}: {oct(mode)}"


def test_a_fresh_data_directory_is_private_with_its_key_database_and_wal(tmp_path):
    data_dir = tmp_path / "data"
    unlocked = open_vault(data_dir, PASSPHRASE, TEST_KDF_COST)
    ReceptionDesk(unlocked.db, load_form(None).form).record_case(valid_case())
    names = set(modes(data_dir))
    assert {"desk.key", "desk.db", "desk.db-wal"} <= names
    assert_private(data_dir)
    unlocked.db.conn.close()


def test_an_older_directory_with_wide_modes_is_tightened_at_the_next_unlock(tmp_path):
    data_dir = tmp_path / "data"
    open_vault(data_dir, PASSPHRASE, TEST_KDF_COST).db.conn.close()
    (data_dir / "slips").mkdir(mode=0o755)
    (data_dir / "slips" / "K7Q-0001-X.pdf").write_bytes(b"%PDF-1.4")
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    open_vault(data_dir, PASSPHRASE).db.conn.close()
    assert_private(data_dir)


def test_a_link_in_the_data_directory_does_not_change_a_file_elsewhere(tmp_path):
    outside = tmp_path / "someone-elses.txt"
    outside.write_text("x")
    outside.chmod(0o644)
    data_dir = tmp_path / "data"
    open_vault(data_dir, PASSPHRASE, TEST_KDF_COST).db.conn.close()
    (data_dir / "link").symlink_to(outside)
    open_vault(data_dir, PASSPHRASE).db.conn.close()
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644


def test_the_export_file_is_private_wherever_it_is_written(desk, tmp_path):
    desk.record_case(valid_case())
    access = Access(desk)
    access.set_pin(TEST_PIN)
    access.become_leader(TEST_PIN)
    out = tmp_path / "usb" / "cases.csv"
    out.parent.mkdir()
    export_cases(desk, access, out, "csv", tmp_path / "data")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
