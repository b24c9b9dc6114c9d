"""A volunteer records petitions with the keyboard; the stored case is checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_driving import focused, fresh_desk, settle

NO_CODE = "—"


def test_typing_a_case_with_the_keyboard_stores_it_and_shows_its_code(window, volunteer, qtbot, data_dir):
    form = window.form
    picker = form.fields["category"].picker
    assert focused() is picker, "the form starts on the category"

    volunteer.pick_category(window, "dc")
    assert picker.text() == "共享单车乱停放"
    assert "综合行政执法队" in form.fields["category"].route.text()
    assert form.fields["urgency"].value() == "一般", "the category's default urgency is chosen"

    volunteer.tab()
    volunteer.type("地铁C出口共享单车乱停放，挡住盲道")
    volunteer.tab()  # out of the multi-line description: focus moves, no tab is typed
    assert "\t" not in form.fields["description"].value()
    assert focused() is form.fields["anonymous"].focus_widgets[0]
    volunteer.tab()
    volunteer.type("张先生")
    volunteer.tab()
    volunteer.type("13812345678")
    volunteer.tab()
    volunteer.type("海旺社区")
    volunteer.tab()
    volunteer.type("宝城12区地铁C出口")
    volunteer.tab()  # urgency stays as the category set it
    volunteer.tab()
    volunteer.press(Qt.Key.Key_2)  # outcome: 转平台办理
    volunteer.tab(2)  # past the optional note
    volunteer.type("李明")
    volunteer.give_consent()  # after reading out the notice (F1)
    volunteer.save()

    qtbot.waitUntil(lambda: window.saved_panel.shown_code() != NO_CODE)
    with fresh_desk(data_dir) as desk:
        cases = desk.recent_cases()
    assert len(cases) == 1
    case = cases[0]
    assert window.saved_panel.shown_code() == case.tracking_code
    assert window.last_saved_case_id == case.id
    assert (case.category_code, case.description) == ("CTY01", "地铁C出口共享单车乱停放，挡住盲道")
    assert (case.resident_name, case.phone, case.community) == ("张先生", "+8613812345678", "海旺社区")
    assert (case.address, case.outcome.value, case.receptionist) == ("宝城12区地铁C出口", "转平台办理", "李明")
    assert case.session_id is None

    # Ready for the next resident: cleared (but for community and receptionist), focus on category.
    assert form.values()["description"] == "" and form.values()["phone"] == ""
    assert form.values()["community"] == "海旺社区" and form.values()["receptionist"] == "李明"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker)
    assert "1天内办结" in window.saved_panel.detail.text()
    assert window.saved_panel.code.font().pointSize() >= 36


def _fill_valid_case(window, volunteer, phone: str) -> None:
    form = window.form
    volunteer.pick_category(window, "zaoyin", downs=1)
    volunteer.tab()
    volunteer.type("晚上广场舞音响太大声")
    volunteer.tab(2)
    volunteer.type("刘阿姨")
    volunteer.tab()
    volunteer.type(phone)
    form.fields["community"].set_value("安乐社区")
    form.fields["outcome"].editor.setFocus()
    volunteer.press(Qt.Key.Key_2)
    form.fields["receptionist"].editor.setFocus()
    volunteer.type("李明")


def test_a_bad_phone_is_shown_under_the_phone_field_and_nothing_is_stored(window, volunteer, qtbot, data_dir):
    form = window.form
    _fill_valid_case(window, volunteer, phone="12345")
    volunteer.give_consent()  # after reading out the notice (F1)
    volunteer.save()

    qtbot.waitUntil(lambda: form.error_text("phone") != "")
    assert form.error_text("phone") == "手机号应为 11 位，现在是 5 位"
    error_label = form.findChild(type(form.general_error), "error_phone")
    phone_edit = form.fields["phone"].editor
    assert error_label.isVisible()
    assert error_label.mapTo(form, error_label.rect().topLeft()).y() > phone_edit.mapTo(form, phone_edit.rect().topLeft()).y()
    settle(qtbot)
    assert focused() is phone_edit, "the keyboard jumps to the first bad field"
    assert form.error_text("description") == ""
    assert form.values()["description"] == "晚上广场舞音响太大声", "nothing typed is lost"
    assert window.saved_panel.shown_code() == NO_CODE
    with fresh_desk(data_dir) as desk:
        assert desk.case_count() == 0

    # Correcting the number clears its error and saves.
    phone_edit.selectAll()
    volunteer.type("0755-27781234")
    assert form.error_text("phone") == ""
    volunteer.save()
    qtbot.waitUntil(lambda: window.saved_panel.shown_code() != NO_CODE)
    with fresh_desk(data_dir) as desk:
        assert desk.recent_cases()[0].phone == "+8675527781234"


def test_every_missing_required_field_is_named(window, volunteer, qtbot, data_dir):
    form = window.form
    volunteer.save()
    qtbot.waitUntil(lambda: form.error_text("category") != "")
    for name in ("category", "description", "resident_name", "phone", "community", "urgency", "outcome", "receptionist"):
        assert form.error_text(name), name
    assert form.error_text("address") == "" and form.error_text("outcome_note") == ""
    settle(qtbot)
    assert focused() is form.fields["category"].picker
    with fresh_desk(data_dir) as desk:
        assert desk.case_count() == 0


def test_anonymous_clears_and_disables_name_and_phone(window, volunteer, qtbot, data_dir):
    form = window.form
    volunteer.pick_category(window, "wenchong")
    volunteer.tab()
    volunteer.type("楼道蟑螂很多")
    form.fields["resident_name"].editor.setFocus()
    volunteer.type("王大爷")
    volunteer.tab()
    volunteer.type("13912345678")
    assert form.is_required_now("phone")

    form.fields["anonymous"].focus_widgets[0].setFocus()
    volunteer.press(Qt.Key.Key_Space)
    assert form.fields["anonymous"].value() is True
    assert form.values()["resident_name"] == "" and form.values()["phone"] == ""
    assert not form.fields["resident_name"].editor.isEnabled()
    assert not form.fields["phone"].editor.isEnabled()
    assert not form.is_required_now("resident_name") and not form.is_required_now("phone")
    volunteer.tab()
    assert focused() is form.fields["community"].editor, "Tab skips the disabled name and phone"

    volunteer.type("安乐社区")
    form.fields["outcome"].editor.setFocus()
    volunteer.press(Qt.Key.Key_1)  # 当场解决: now a note is required
    assert form.is_required_now("outcome_note")
    volunteer.tab()
    volunteer.type("已电话联系物业，明天消杀")
    volunteer.tab()
    volunteer.type("李明")
    volunteer.save()
    qtbot.waitUntil(lambda: window.saved_panel.shown_code() != NO_CODE)
    with fresh_desk(data_dir) as desk:
        case = desk.recent_cases()[0]
    assert case.anonymous and case.resident_name == "" and case.phone == ""
    assert case.closed_at is not None, "solved on the spot closes the case"

    # The next resident starts with a name and phone again.
    assert form.fields["anonymous"].value() is False
    assert form.fields["resident_name"].editor.isEnabled() and form.is_required_now("phone")


def test_unticking_anonymous_gives_the_name_and_phone_back(window, volunteer):
    form = window.form
    form.fields["anonymous"].focus_widgets[0].setFocus()
    volunteer.press(Qt.Key.Key_Space)
    assert not form.fields["phone"].editor.isEnabled()
    volunteer.press(Qt.Key.Key_Space)
    assert form.fields["phone"].editor.isEnabled()
    volunteer.tab()
    assert focused() is form.fields["resident_name"].editor


def test_category_by_full_pinyin_and_enter_picks_the_best_match(window, volunteer, qtbot):
    picker = window.form.fields["category"].picker
    volunteer.type("zaoyin")
    qtbot.waitUntil(picker.popup().isVisible)
    volunteer.press(Qt.Key.Key_Return)
    assert picker.code == "NOI01" and picker.text() == "广场舞噪音"
    # Typing again undoes the choice until a new one is picked.
    volunteer.press(Qt.Key.Key_Backspace)
    assert picker.code == ""
    assert "请从列表中选一项" in window.form.fields["category"].route.text()


def test_tab_order_visits_every_field_in_the_form_definitions_order(window, volunteer):
    form = window.form
    expected = form.tab_chain()
    visited = [focused()]
    for _ in range(len(expected) - 1):
        volunteer.tab()
        visited.append(focused())
    assert visited == expected
    names = [name for name, field in form.fields.items() for _ in field.focus_widgets]
    assert names == list(window.definition.field_names)
    volunteer.tab()
    assert focused() is form.save_button, "after the last field comes the save button"


def test_what_was_typed_before_the_pinyin_index_arrived_is_filtered_when_it_does(desk_app, qtbot, volunteer):
    from desktop.widgets.category_picker import CategoryPicker
    from forms import load_form
    from reception.category_search import CategoryIndex

    taxonomy = load_form(None).form.taxonomy
    picker = CategoryPicker(taxonomy)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus)
    volunteer.type("dc")
    assert not picker.popup().isVisible() and not picker.has_index

    picker.set_index(CategoryIndex(taxonomy))
    qtbot.waitUntil(picker.popup().isVisible)
    volunteer.press(Qt.Key.Key_Return)
    assert picker.code == "CTY01"
