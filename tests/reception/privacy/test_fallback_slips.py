"""Slip PDFs saved when a print failed stay for the night, then leave the laptop."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

from reception.privacy.retention import FALLBACK_SLIP_HOURS, remove_old_fallback_slips

NOW = datetime(2026, 11, 25, 14, 0, tzinfo=timezone.utc)


def _pdf(folder, name: str, age_hours: float):
    path = folder / name
    path.write_bytes(b"%PDF-1.4 slip")
    stamp = (NOW - timedelta(hours=age_hours)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_tonights_slips_stay_and_last_nights_go(tmp_path):
    folder = tmp_path / "slips"
    folder.mkdir()
    tonight = _pdf(folder, "K7Q-0009-X-80mm.pdf", age_hours=1)
    last_week = _pdf(folder, "K7Q-0001-E-80mm.pdf", age_hours=24 * 7)
    just_over = _pdf(folder, "K7Q-0002-8-a4.pdf", age_hours=FALLBACK_SLIP_HOURS + 0.1)
    other = folder / "notes.txt"
    other.write_text("not a slip")
    os.utime(other, (0, 0))

    assert remove_old_fallback_slips(folder, now=NOW) == 2
    assert tonight.exists() and other.exists()
    assert not last_week.exists() and not just_over.exists()


def test_no_slips_folder_is_fine(tmp_path):
    assert remove_old_fallback_slips(tmp_path / "slips", now=NOW) == 0
