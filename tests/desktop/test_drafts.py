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


def test_a_restored_draft_still_follows_the_earlier_case(make_window, volunteer, qtbot, data_dir):
    from reception.desk import DRAFT_FOLLOWS
    from reception.storage import repository
    from reception_support import valid_case

    with fresh_desk(data_dir) as desk:
        earlier = desk.record_case(valid_case(resident_name="王小明", phone="13812345678"))
    window = make_window()
    _follow_up_by_phone(window, volunteer, qtbot, "5678")
    window.form.fields["description"].editor.setFocus()
    volunteer.type("上次反映的蟑螂又出现了")

    def stored_link():
        with fresh_desk(data_dir) as desk:
            draft = repository.get_draft(desk.db, "intake")
        return draft and draft["payload"].get(DRAFT_FOLLOWS)

    # Autosaved with the link, before anything is saved: this is what a crash leaves on disk.
    qtbot.waitUntil(lambda: stored_link() == earlier.id)
    close_window(window, window.services)

    again = make_window()
    assert again.form.values()["description"] == "上次反映的蟑螂又出现了"
    assert again.follows is not None and again.follows.id == earlier.id
    assert again.follow_bar.isVisible() and earlier.tracking_code in again.follow_bar.text()
    again.form.load(valid_case(description="上次反映的蟑螂又出现了", resident_name="王小明"))
    volunteer.save()
    qtbot.waitUntil(lambda: again.last_saved_case_id is not None)
    with fresh_desk(data_dir) as desk:
        assert desk.case(again.last_saved_case_id).follows_code == earlier.tracking_code
        assert desk.load_draft() is None

    # 不接续 is kept in the draft too: a restart does not bring the link back.
    again.start_follow_up(earlier)
    again.form.fields["description"].editor.setFocus()
    volunteer.type("另一件事")
    qtbot.waitUntil(lambda: stored_link() == earlier.id)
    again.follow_bar.action.click()
    qtbot.waitUntil(lambda: stored_link() is None)
    close_window(again, again.services)
    third = make_window()
    assert third.form.values()["description"] == "另一件事" and third.follows is None
    assert not third.follow_bar.isVisible()


def _follow_up_by_phone(window, volunteer, qtbot, tail: str) -> None:
    """登记续诉 as a volunteer does it: Ctrl+F, the phone's tail, Enter, then the button."""
    from PySide6.QtWidgets import QApplication

    volunteer.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _dialog(QApplication, "findCaseDialog") is not None)
    find = _dialog(QApplication, "findCaseDialog")
    find.query.setFocus()
    volunteer.type(tail)
    qtbot.waitUntil(lambda: len(find.hits) == 1)
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _dialog(QApplication, "caseLoopDialog") is not None)
    _dialog(QApplication, "caseLoopDialog").follow_button.click()
    qtbot.waitUntil(lambda: window.follows is not None)


def _dialog(application, name):
    return next((w for w in application.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def test_clearing_the_form_drops_the_follow_up_link_and_its_draft(make_window, volunteer, qtbot, data_dir):
    from desktop.widgets.dialogs import ChoiceMessage
    from reception.desk import DRAFT_FOLLOWS
    from reception.storage import repository
    from reception_support import valid_case

    with fresh_desk(data_dir) as desk:
        earlier = desk.record_case(valid_case(resident_name="王小明", phone="13812345678"))
    window = make_window()
    _follow_up_by_phone(window, volunteer, qtbot, "5678")
    window.form.fields["description"].editor.setFocus()
    volunteer.type("上次反映的蟑螂又出现了")

    def stored():
        with fresh_desk(data_dir) as desk:
            draft = repository.get_draft(desk.db, "intake")
        return draft and draft["payload"]

    qtbot.waitUntil(lambda: (stored() or {}).get(DRAFT_FOLLOWS) == earlier.id)

    # The resident leaves: 清空，换下一位, then 清空 in its confirmation.
    qtbot.mouseClick(window.form.clear_button, Qt.MouseButton.LeftButton)
    confirm = window.findChild(ChoiceMessage, "confirmClear")
    qtbot.mouseClick(confirm.findChild(type(window.form.clear_button), "clearButton"), Qt.MouseButton.LeftButton)
    assert window.form.is_blank() and window.follows is None
    assert not window.follow_bar.isVisible()
    qtbot.waitUntil(lambda: stored() is None)

    # The next resident's petition is drafted and saved following nothing.
    window.form.fields["description"].editor.setFocus()
    volunteer.type("楼下广场舞太吵")
    qtbot.waitUntil(lambda: (stored() or {}).get("description") == "楼下广场舞太吵")
    assert stored().get(DRAFT_FOLLOWS) is None
    window.form.load(valid_case(description="楼下广场舞太吵", resident_name="刘阿姨"))
    volunteer.save()
    qtbot.waitUntil(lambda: window.last_saved_case_id is not None)
    with fresh_desk(data_dir) as desk:
        assert desk.case(window.last_saved_case_id).follows_code == ""


def test_clearing_a_blank_form_drops_a_follow_up_link_without_asking(make_window, qtbot, data_dir):
    from desktop.widgets.dialogs import ChoiceMessage
    from reception_support import valid_case

    with fresh_desk(data_dir) as desk:
        earlier = desk.record_case(valid_case())
    window = make_window()
    window.start_follow_up(earlier)
    qtbot.waitUntil(lambda: _draft_follows(data_dir) == earlier.id)
    assert window.form.is_blank() and window.follow_bar.isVisible()
    qtbot.mouseClick(window.form.clear_button, Qt.MouseButton.LeftButton)
    confirm = window.findChild(ChoiceMessage, "confirmClear")
    assert confirm is None or not confirm.isVisible(), "nothing typed: nothing to confirm"
    assert window.follows is None and not window.follow_bar.isVisible()
    qtbot.waitUntil(lambda: _draft_follows(data_dir) is None)


def _draft_follows(data_dir):
    with fresh_desk(data_dir) as desk:
        found = desk.draft_follows()
    return found.id if found is not None else None
