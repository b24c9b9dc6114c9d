"""The setup wizard on the stall's laptop: 1366×768 with a window manager's title bar and a
taskbar, at 100, 150 and 200 % text, in each language, on each page: every label, field, radio
button and button of the page, and the wizard's Back, Next (or its commit and finish buttons) and
Cancel, are whole and on screen; the wizard stays within the room the taskbar leaves and no page
scrolls sideways. A page too tall for the screen scrolls, its buttons stay in view.

The wizard runs in a real X server (Xvfb) managed by openbox, in a child process
(wizard_layout_probe.py), walked through as a new laptop's IT person does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_layout_1366 import _inside, _problems
from x_display import SCREEN, TASKBAR, x_display

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_CN", "zh_TW", "en")
SCALES = (100, 150, 200)
PAGES = ("streetPage", "passphrasePage", "pinPage", "enrolPage", "printerPage")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("wizard1366")
    out = folder / "layout.json"
    shots = os.environ.get("XINAN_WIZARD_SHOTS")  # a folder: the enrol page at 200 % is kept there as PNGs
    with x_display(folder / "x") as display:
        env = display.env()
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "desktop")])
        env.pop("XINAN_DESK_LANG", None)
        done = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "desktop" / "wizard_layout_probe.py"), str(folder / "data"), str(out),
             *([shots] if shots else [])],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=100,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_page_was_measured_in_every_language_and_text_size(report):
    measured = [f"{p}-{lang}-{s}" for p in PAGES for lang in LANGUAGES for s in SCALES]
    assert sorted(report) == sorted(measured + [f"refused-{lang}-{s}" for lang in LANGUAGES for s in SCALES])
    assert report["streetPage-zh_CN-100"]["available"] == [0, 0, SCREEN[0], SCREEN[1] - TASKBAR]


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_control_and_button_is_whole_and_on_screen(report, page, language, scale):
    measured = report[f"{page}-{language}-{scale}"]
    room = measured["available"]
    assert _inside(measured["frame"], room), f"the wizard's frame {measured['frame']} leaves the screen's room {room}"
    assert len(measured["controls"]) >= 4, measured["controls"]  # the page's title, intro and fields at least
    assert _problems(measured["controls"], room) == [], "a control of the page is cut off"
    assert {"next", "cancel"} <= set(measured["buttons"]) or {"commit", "cancel"} <= set(measured["buttons"]) \
        or "finish" in measured["buttons"], measured["buttons"]
    assert _problems(measured["buttons"], room) == [], "a button of the wizard is cut off"
    assert not measured["sideways"], "the page scrolls sideways"


NO_PREFIX = {"zh_CN": "本机编号", "zh_TW": "本機編號", "en": "laptop number"}


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_what_next_refused_is_said_in_full_beside_the_buttons(report, language, scale):
    """Under the scrolling fields: at 200 % text a long refusal still shows whole, buttons in view."""
    measured = report[f"refused-{language}-{scale}"]
    assert measured["accepted"] is False
    assert NO_PREFIX[language] in measured["text"].replace("Laptop number", "laptop number"), measured["text"]
    room = measured["available"]
    assert _inside(measured["frame"], room), measured["frame"]
    assert _problems({"problem": measured["problem"], **measured["buttons"]}, room) == []


def test_the_enrolment_choices_wrapped_words_choose_and_show_the_keyboard_like_a_radio_buttons_own(qtbot, tmp_path):
    """The choices' words are labels of their own (so they wrap): clicking them chooses, only one
    choice is ever chosen, and the focus frame goes round the whole choice."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QRadioButton

    from desktop.setup_enrol_page import EnrolPage
    from desktop.setup_wizard import SetupWizard
    from forms import load_form

    wizard = SetupWizard(tmp_path, load_form(tmp_path), None)
    qtbot.addWidget(wizard)
    wizard.show()
    page = next(wizard.page(i) for i in wizard.pageIds() if isinstance(wizard.page(i), EnrolPage))
    page.show()
    now, api_key, later = (page.findChild(QRadioButton, name) for name in ("enrolNow", "enrolApiKey", "enrolLater"))
    assert now.isChecked()
    qtbot.mouseClick(page.findChild(QLabel, "enrolLaterWords"), Qt.MouseButton.LeftButton)
    assert later.isChecked() and not now.isChecked() and not api_key.isChecked()
    assert page.prefix.isEnabled() and not page.code.isEnabled()  # the fields follow the choice
    assert later.accessibleName() == page.findChild(QLabel, "enrolLaterWords").text() != ""
    api_key.setFocus()
    qtbot.waitUntil(lambda: api_key.parentWidget().property("focused") is True)
    page.prefix.setFocus()  # the field the chosen 以后再登记 needs
    qtbot.waitUntil(lambda: api_key.parentWidget().property("focused") is False)
    wizard.reject()
