"""Every unlock clears slip PDFs left from an earlier night (see reception/privacy/retention.py)."""

from __future__ import annotations

import os
import time

from cli_runner import cli  # noqa: F401  (the fixture)


def test_an_unlock_removes_last_nights_saved_slips_and_keeps_tonights(cli):
    cli.ok("case", "list")  # the first night: the data directory is set up and unlocked
    folder = cli.data_dir / "slips"
    folder.mkdir(exist_ok=True)
    old = folder / "K7Q-0001-E-80mm.pdf"
    old.write_bytes(b"%PDF-1.4")
    yesterday = time.time() - 26 * 3600
    os.utime(old, (yesterday, yesterday))
    fresh = folder / "K7Q-0002-8-80mm.pdf"
    fresh.write_bytes(b"%PDF-1.4")

    cli.ok("case", "list")
    assert not old.exists()
    assert fresh.exists()
