"""On the stall's laptop: 1366×768 with a window manager's title bar and a taskbar, at 100, 150 and
200 % text, in each language, every control of the intake flow, the code panel, five rows of
tonight's list and the status bar are fully on screen, without scrolling sideways; at 200 % the
layout changes (the list in its own tab, a one-row code panel) instead of squeezing; and while the
look-up index builds after the unlock, its label and every status line still fit; and a case's
dialog (progress, verdict, void held) fits the screen with its buttons always in view.

The desk runs in a real X server (Xvfb) managed by openbox, in a child process (layout_probe.py),
which reports each widget's rectangle on screen and the part its parents let show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from x_display import SCREEN, TASKBAR, x_display

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_CN", "zh_TW", "en")
SCALES = (100, 150, 200)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("x1366")
    out = folder / "layout.json"
    with x_display(folder / "x") as display:
        env = display.env()
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "desktop")])
        env.pop("XINAN_DESK_LANG", None)
        done = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "desktop" / "layout_probe.py"), str(folder / "data"), str(out)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=100,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _inside(rect: list[int], room: list[int]) -> bool:
    x, y, w, h = rect
    rx, ry, rw, rh = room
    return rx <= x and ry <= y and x + w <= rx + rw and y + h <= ry + rh


def _problems(places: dict, room: list[int]) -> list[str]:
    found = []
    for name, place in places.items():
        if not place["visible"]:
            found.append(f"{name}: hidden")
        elif place["shown"] != place["rect"]:
            found.append(f"{name}: cut to {place['shown']} of {place['rect']}")
        elif not _inside(place["rect"], room):
            found.append(f"{name}: {place['rect']} is off the screen's room {room}")
        elif not place["fits"]:
            found.append(f"{name}: its text is cut (squeezed to {place['rect']})")
    return found


def test_the_window_opens_maximised_in_the_room_the_taskbar_leaves(report):
    first = report["zh_CN-100"]
    assert first["available"] == [0, 0, SCREEN[0], SCREEN[1] - TASKBAR]
    for key, measured in report.items():
        assert measured["maximised"], key
        # The frame (title bar included) stays within the screen's room: nothing under the taskbar.
        assert _inside(measured["frame"], measured["available"]), (key, measured["frame"])
        assert measured["frame"][3] >= measured["available"][3] - 2, "maximised fills the height"


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_control_is_fully_on_screen_without_sideways_scrolling(report, language, scale):
    measured = report[f"{language}-{scale}"]
    room = measured["available"]
    assert _problems(measured["fields"], room) == [], "a field of the intake form is cut off"
    assert _problems(measured["widgets"], room) == [], "the code panel, session or status bar is cut off"
    assert not measured["sideways"], "the form scrolls sideways"

    listed = measured["list"]
    assert _problems({"list": listed["view"], "list header": listed["header"]}, room) == []
    assert len(listed["rows"]) == 5 and all(row["inside"] for row in listed["rows"]), listed["rows"]
    assert not listed["sideways"], f"tonight's list scrolls sideways (columns {listed['columns']})"


PRINT_WORDS = {
    "printed": {"zh_CN": "已打印", "zh_TW": "已列印", "en": "printed"},
    "sent": {"zh_CN": "已发送到打印机", "zh_TW": "已傳送到印表機", "en": "Sent to printer"},  # 补打 beside it
    "saved": {"zh_CN": "已保存为 PDF", "zh_TW": "已儲存為 PDF", "en": "saved as PDF"},
}


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_what_became_of_a_slip_an_export_or_leader_mode_is_said_in_full_in_the_status_bar(report, language, scale):
    measured = report[f"{language}-{scale}"]
    for kind, said in measured["print messages"].items():
        assert PRINT_WORDS[kind][language] in said["text"], (kind, said["text"])
        assert said["width"] <= said["room"], f"the status bar cuts {said['text']!r}: {said['width']} px in {said['room']}"
    for kind, said in measured["status lines"].items():
        assert said["text"], kind
        assert said["width"] <= said["room"], f"the status bar cuts {said['text']!r}: {said['width']} px in {said['room']}"
    reprint = measured["print messages"]["sent"]["reprint"]
    assert reprint is not None and _problems({"reprint": reprint}, measured["available"]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_200_percent_the_layout_changes_instead_of_squeezing(report, language):
    assert report[f"{language}-100"]["layout"] == "wide"
    # 1366×728 is too low for two columns at 150 % too (desk_body.ROOMY_HEIGHT).
    assert report[f"{language}-150"]["layout"] == "compact"
    compact = report[f"{language}-200"]
    assert compact["layout"] == "compact"
    # The code panel is one row: its code beside its caption, not below it.
    code, caption = compact["widgets"]["saved code"]["rect"], compact["widgets"]["saved caption"]["rect"]
    assert code[0] >= caption[0] + caption[2] and code[1] < caption[1] + caption[3]
    # Each control keeps its text size: the form gets the whole width rather than a column.
    wide_field = report[f"{language}-100"]["fields"]["description"]["rect"]
    big_field = compact["fields"]["description"]["rect"]
    assert big_field[2] > wide_field[2] and big_field[3] > wide_field[3]


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_while_the_search_index_builds_its_progress_and_every_status_line_are_said_in_full(report, language, scale):
    indexing = report[f"{language}-{scale}"]["while indexing"]
    bar = indexing["bar"]
    assert _problems(bar, report[f"{language}-{scale}"]["available"]) == [], "a status bar label is cut off"
    assert bar["search index"]["rect"][0] + bar["search index"]["rect"][2] <= bar["reprint"]["rect"][0] + 2
    for kind, said in {**indexing["print messages"], **indexing["status lines"]}.items():
        assert said["text"], kind
        assert said["width"] <= said["room"], (
            f"beside 建立查找索引, the status bar cuts {said['text']!r}: {said['width']} px in {said['room']}")


VOID_HELD = {"zh_CN": "平台没有接受这条作废", "zh_TW": "平台沒有接受這條作廢", "en": "The platform refused this void"}


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_case_dialog_fits_the_screen_and_shows_each_line_and_button_whole(report, language, scale):
    shown = report[f"{language}-{scale}"]["case dialog"]
    room = shown["available"]
    assert _inside(shown["frame"], room), f"the case's dialog {shown['frame']} is not within the screen's room {room}"
    parts = shown["parts"]
    for wanted in ("QLabel loopProgress", "QLabel ratingExplain", "QPushButton followUpButton",
                   "QPushButton loopCloseButton", "QPushButton rateButton"):
        assert wanted in parts, sorted(parts)
    assert _problems(parts, room) == [], "a line or button of the case's dialog is cut off"
    # The held void's line is the last of the progress, the one that was cut: it is there, whole.
    assert VOID_HELD[language] in shown["progress"].splitlines()[-1], shown["progress"]
    if shown["needed"] > room[3]:
        # Taller than the screen: the dialog takes the screen's height, not a fixed size.
        assert shown["frame"][3] >= room[3] - 12, shown["frame"]
