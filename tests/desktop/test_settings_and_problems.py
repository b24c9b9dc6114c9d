"""This laptop's prefix, and a street's broken form file shown where the volunteer sees it."""

from __future__ import annotations

from desktop_driving import focused, fresh_desk, set_leader_pin, settle
from PySide6.QtCore import Qt

from desktop.widgets.dialogs import PrefixDialog
from reception_support import TEST_PIN


def test_a_provisional_prefix_is_shown_and_the_leader_sets_the_streets_one(window, volunteer, qtbot, data_dir):
    qtbot.waitUntil(lambda: "临时" in window.prefix_label.text())
    assert "设置 → 本机编号" in window.prefix_label.text()

    set_leader_pin(data_dir)
    window.prefix_action.trigger()  # 设置 → 本机编号…
    volunteer.type_pin(TEST_PIN)  # the team leader's
    qtbot.waitUntil(lambda: window.findChild(PrefixDialog) is not None)
    dialog = window.findChild(PrefixDialog)
    assert dialog is not None and dialog.isVisible()
    settle(qtbot)
    assert focused() is dialog.prefix
    volunteer.type("IO1")  # letters Crockford base32 leaves out
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["prefix"].isVisible())
    assert "3位" in dialog.errors["prefix"].text()

    dialog.prefix.selectAll()
    volunteer.type("k7q")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.prefix_label.text() == "本机编号 K7Q")
    with fresh_desk(data_dir) as desk:
        assert desk.device_prefix == "K7Q" and not desk.prefix_is_provisional


def test_a_broken_street_file_is_named_with_its_line_and_the_last_good_version_is_used(make_window, data_dir):
    broken = data_dir / "forms" / "categories.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text('version = 1\n[[category]]\ncode = "ENV"\nname = \n', encoding="utf-8")
    window = make_window()
    text = window.form_problems_bar.text()
    assert window.form_problems_bar.isVisible()
    assert str(broken) in text and "第 4 行" in text
    assert "上一个可用的版本" in text
    # The desk still works with the shipped taxonomy.
    assert window.definition.taxonomy.find("CTY01") is not None


def test_no_warning_bar_when_the_form_files_are_fine(window):
    assert not window.form_problems_bar.isVisible()
