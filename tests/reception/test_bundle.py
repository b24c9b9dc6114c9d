"""The desk's shipped files are found from a checkout and from a PyInstaller folder alike."""

import sys
from pathlib import Path

from forms import loader
from reception import bundle, messages
from reception.slips import fonts as slip_fonts


def test_from_the_source_tree_every_shipped_file_is_found():
    assert not bundle.is_frozen()
    assert bundle.asset("fonts", "DroidSansFallbackFull.ttf").is_file()
    assert bundle.asset("translations").is_dir()
    shipped = sorted(p.name for p in bundle.shipped_forms_dir().glob("*.toml"))
    # Further data files (category words, neighbouring communities...) ship beside these.
    assert set(loader.FILES) | {messages.CATALOGUE} <= set(shipped)
    assert slip_fonts.FONT_PATH == bundle.asset("fonts", "DroidSansFallbackFull.ttf")


def test_frozen_the_files_come_from_the_bundle_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundle.is_frozen()
    assert bundle.asset("fonts", "x.ttf") == Path(tmp_path, "assets", "fonts", "x.ttf")
    assert bundle.shipped_forms_dir() == Path(tmp_path, "forms")
