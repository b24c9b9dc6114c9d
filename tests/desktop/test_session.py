"""The team leader opens tonight's session, the desk counts, and closing freezes the counts."""

from __future__ import annotations

from desktop_driving import focused, fresh_desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.widgets.dialogs import ChoiceMessage, OpenSessionDialog
from reception.storage import repository
from reception_support import valid_case


def test_without_a_session_a_banner_invites_the_leader_and_recording_still_works(window, qtbot, data_dir):
    assert window.no_session_bar.isVisible()
    assert "开始夜话" in window.no_session_bar.text()
    assert not window.session_bar.visitors.plus.isEnabled()
    with fresh_desk(data_dir) as desk:
        desk.record_case(valid_case())
    window.refresh({"cases"})
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    assert "最近登记的诉求" in window.list_caption.text()


def test_open_count_and_close_a_session_through_the_dialogs(window, volunteer, qtbot, data_dir):
    qtbot.mouseClick(window.session_bar.open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(OpenSessionDialog)
    assert dialog is not None and dialog.isVisible()

    # Without a venue the dialog names the field and stays open with what was typed.
    dialog.members[0][0].setFocus()
    volunteer.type("陈书记")
    dialog.members[0][1].setCurrentText("社区党委书记")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["venue"].isVisible())
    assert "必须填写" in dialog.errors["venue"].text()
    assert focused() is dialog.venue

    volunteer.type("新安广场")
    dialog.community.setCurrentText("海旺社区")
    dialog.members[1][0].setFocus()
    volunteer.type("李明")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.findChild(OpenSessionDialog) is None
    assert not window.no_session_bar.isVisible()
    assert "新安广场 · 海旺社区 · 接访团 2 人" == window.session_bar.details.text()
    assert window.form.values()["community"] == "海旺社区", "the session's community is the default"

    # F2 counts a visitor, F3 a household visit; −1 undoes a slip.
    window.form.fields["description"].editor.setFocus()
    for _ in range(3):
        volunteer.press(Qt.Key.Key_F2)
    volunteer.press(Qt.Key.Key_F3)
    qtbot.mouseClick(window.session_bar.visitors.minus, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session_bar.visitors.number.text() == "2")
    qtbot.waitUntil(lambda: window.session_bar.households.number.text() == "1")
    assert window.form.values()["description"] == "", "F2 and F3 type nothing into the form"

    with fresh_desk(data_dir) as desk:
        desk.record_case(valid_case())
        rejected = desk.record_case(valid_case(category="FAC01"))
        with desk.db.atomic():  # what a sync records when the platform refuses a case
            repository.upsert_sync_case(desk.db, rejected.id, {"set_aside_reason": "平台：地址不在本辖区",
                                        "set_aside_at": "2026-11-25T13:00:00+00:00"}, "2026-11-25T13:00:00+00:00")
    window.refresh({"session", "cases"})
    qtbot.waitUntil(lambda: window.session_bar.petitions.text() == "2")
    assert "今晚的诉求（2 条）" == window.list_caption.text()

    qtbot.mouseClick(window.session_bar.close_button, Qt.MouseButton.LeftButton)
    confirm = window.findChild(ChoiceMessage, "confirmCloseSession")
    assert confirm is not None and confirm.isVisible()
    qtbot.mouseClick(confirm.findChild(QPushButton, "closeButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ChoiceMessage, "sessionSummary") is not None)
    summary = window.findChild(ChoiceMessage, "sessionSummary").findChild(type(window.list_caption), "messageText").text()
    assert "接待人次　2" in summary and "走访家数　1" in summary and "收集诉求　2 条" in summary
    # What the team leader must still do with the platform, and why a case was set aside.
    assert "已同步 0 条，等待同步 1 条，搁置 1 条" in summary
    assert f"搁置 {rejected.tracking_code}：平台：地址不在本辖区" in summary

    with fresh_desk(data_dir) as desk:
        assert desk.current_session() is None
        closed = desk.recent_sessions(1)[0]
    assert (closed.counts.visitors, closed.counts.household_visits, closed.counts.petitions) == (2, 1, 2)
    assert [(m.name, m.role) for m in closed.team] == [("陈书记", "社区党委书记"), ("李明", "志愿者")]
    qtbot.waitUntil(lambda: window.no_session_bar.isVisible())
    assert not window.session_bar.visitors.plus.isEnabled()
    # After closing, the desk says the night has ended (not that it has not begun), and keeps
    # showing the frozen counts.
    assert "已于" in window.no_session_bar.text() and "结束" in window.no_session_bar.text()
    assert "新安广场" in window.no_session_bar.text()
    assert "还没开始" not in window.no_session_bar.text() + window.session_bar.title.text()
    assert "已结束" in window.session_bar.title.text()
    assert window.session_bar.visitors.number.text() == "2"
    assert "今晚的夜话已结束" in window.list_caption.text()


def test_the_community_chosen_in_the_setup_wizard_fills_the_form_and_the_session(make_window, qtbot, data_dir):
    from reception import device_setup
    from reception_support import prepare_data_dir

    prepare_data_dir(data_dir)
    with fresh_desk(data_dir) as desk:
        device_setup.save_community(desk.db, "灵芝园社区")  # what the wizard's 所属社区 saved
    window = make_window()
    assert window.form.values()["community"] == "灵芝园社区"
    assert window.form.is_blank(), "a default, not something typed for a resident"

    qtbot.mouseClick(window.session_bar.open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(OpenSessionDialog)
    assert dialog.community.currentText() == "灵芝园社区"
    dialog.reject()

    # A session elsewhere tonight: the form follows it, unless the volunteer chose another.
    with fresh_desk(data_dir) as desk:
        desk.open_session(date="2026-11-25", venue="海旺广场", community="海旺社区",
                          team=[{"name": "李明", "role": "志愿者"}])
    window.refresh({"session"})
    qtbot.waitUntil(lambda: window.form.values()["community"] == "海旺社区")
