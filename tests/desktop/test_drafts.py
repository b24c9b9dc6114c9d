"""A half-typed case survives the window going away (a crash, a flat battery)."""

from __future__ import annotations

from desktop_driving import close_window, fresh_desk
from PIL import Image
from PySide6.QtCore import Qt


def _draft(data_dir):
    with fresh_desk(data_dir) as desk:
        return desk.load_draft()


def test_a_draft_comes_back_after_the_window_is_destroyed_without_saving(make_window, volunteer, qtbot, data_dir, tmp_path):
    photo = tmp_path / "楼道.png"
    Image.new("RGB", (640, 480), "#885522").save(photo)
    window = make_window()
    volunteer.pick_category(window, "dc")
    volunteer.tab()
    volunteer.type("地铁口单车太多")
    window.form.fields["resident_name"].editor.setFocus()
    volunteer.type("张先生")
    window.form.fields["photos"].strip.add_paths([str(photo)])

    # Autosaved by the worker shortly after the last change, without any save by the volunteer.
    qtbot.waitUntil(lambda: (_draft(data_dir) or {}).get("photos") == [str(photo)])
    draft = _draft(data_dir)
    assert draft["description"] == "地铁口单车太多" and draft["category"] == "CTY01"

    # The window goes away with the case unsaved (the draft was already on disk, as after a crash).
    close_window(window, window.services)

    again = make_window()
    values = again.form.values()
    assert values["category"] == "CTY01" and again.form.fields["category"].picker.text() == "共享单车乱停放"
    assert values["description"] == "地铁口单车太多" and values["resident_name"] == "张先生"
    assert values["photos"] == [str(photo)]
    assert "已恢复上次未保存的登记" in again.draft_bar.text()

    # Finishing and saving it removes the draft in the same transaction as the case is written.
    again.form.fields["phone"].editor.setFocus()
    volunteer.type("13812345678")
    volunteer.tab()
    volunteer.type("安乐社区")
    again.form.fields["outcome"].editor.setFocus()
    volunteer.press(Qt.Key.Key_2)
    again.form.fields["receptionist"].editor.setFocus()
    volunteer.type("李明")
    volunteer.give_consent()
    volunteer.save()
    qtbot.waitUntil(lambda: again.last_saved_case_id is not None)
    assert not again.draft_bar.isVisible()
    with fresh_desk(data_dir) as desk:
        assert desk.load_draft() is None
        case = desk.case(again.last_saved_case_id)
    assert len(case.photos) == 1 and case.photos[0].mime == "image/jpeg"


def test_no_draft_notice_when_there_was_nothing_unsaved(window):
    assert not window.draft_bar.isVisible()
    assert window.form.is_blank()


def test_clearing_the_form_discards_its_draft_after_confirmation(window, volunteer, qtbot, data_dir):
    from desktop.widgets.dialogs import ChoiceMessage

    window.form.fields["description"].editor.setFocus()
    volunteer.type("说了一半走了")
    qtbot.waitUntil(lambda: _draft(data_dir) is not None)
    qtbot.mouseClick(window.form.clear_button, Qt.MouseButton.LeftButton)
    confirm = window.findChild(ChoiceMessage, "confirmClear")
    assert confirm is not None and confirm.isVisible()
    qtbot.mouseClick(confirm.findChild(type(window.form.clear_button), "clearButton"), Qt.MouseButton.LeftButton)
    assert window.form.is_blank()
    qtbot.waitUntil(lambda: _draft(data_dir) is None)
