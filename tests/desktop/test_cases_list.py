"""Tonight's list: correcting a case until it is synced, voiding one with a reason."""

from __future__ import annotations

from desktop_driving import focused, fresh_desk, set_leader_pin
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.widgets.dialogs import AmendDialog, VoidDialog
from reception.deadlines import Light
from reception.storage import repository
from reception_support import TEST_PIN, valid_case


def _recorded(data_dir, *overrides: dict) -> list[str]:
    """Cases recorded before the window opens (by the command line, say); returns their ids."""
    with fresh_desk(data_dir) as desk:
        return [desk.record_case(valid_case(**o)).id for o in overrides]


def test_a_case_opened_from_the_list_is_corrected_and_keeps_its_code(make_window, volunteer, qtbot, data_dir):
    [case_id] = _recorded(data_dir, {"description": "路灯坏了三盏"})
    window = make_window()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    with fresh_desk(data_dir) as desk:
        before = desk.case(case_id)

    volunteer.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # to the list
    assert focused() is window.cases_view
    assert window.selected_case_id() == case_id
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editing_case_id == case_id)
    assert window.form.editing_bar.isVisible()
    assert window.form.editing_label.text().startswith(f"正在修改 {before.tracking_code}")
    assert window.form.values()["description"] == "路灯坏了三盏"

    window.form.fields["description"].editor.setFocus()
    volunteer.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    volunteer.type("路灯坏了五盏，晚上很黑")
    volunteer.save()
    qtbot.waitUntil(lambda: window.editing_case_id is None)

    with fresh_desk(data_dir) as desk:
        after = desk.case(case_id)
        assert desk.case_count() == 1, "a correction is not a new case"
    assert after.description == "路灯坏了五盏，晚上很黑"
    assert after.tracking_code == before.tracking_code and after.revision == before.revision + 1
    assert window.saved_panel.shown_code() == before.tracking_code
    assert not window.form.editing_bar.isVisible()
    assert window.form.values()["description"] == ""


def test_escape_cancels_a_correction_and_brings_back_the_half_typed_new_case(make_window, volunteer, qtbot, data_dir):
    [case_id] = _recorded(data_dir, {"description": "路灯坏了三盏"})
    window = make_window()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    window.form.fields["description"].editor.setFocus()
    volunteer.type("新来的居民说的事")

    where = window.cases_view.visualRect(window.cases_model.index(0, 2)).center()
    # A double click is a press, a release and a double-click press on the same row.
    qtbot.mouseClick(window.cases_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(window.cases_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.editing_case_id == case_id)
    window.form.fields["description"].editor.setFocus()
    volunteer.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    volunteer.type("改了一半")
    volunteer.press(Qt.Key.Key_Escape)

    assert window.editing_case_id is None
    assert window.form.values()["description"] == "新来的居民说的事"
    with fresh_desk(data_dir) as desk:
        assert desk.case(case_id).description == "路灯坏了三盏"
        assert desk.load_draft()["description"] == "新来的居民说的事"


def test_a_case_is_voided_with_a_reason_and_stays_on_the_list_greyed(make_window, volunteer, qtbot, data_dir):
    first, second = _recorded(data_dir, {"description": "路灯坏了三盏"}, {"description": "路灯坏了三盏（同一件事）"})
    set_leader_pin(data_dir)
    window = make_window()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 2)
    window.cases_view.setFocus()
    window.cases_view.select_case(second)

    volunteer.press(Qt.Key.Key_Delete)
    volunteer.type_pin(TEST_PIN)  # voiding is the team leader's
    qtbot.waitUntil(lambda: window.findChild(VoidDialog) is not None)
    dialog = window.findChild(VoidDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled(), "a reason is required"
    volunteer.type("重复登记")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(VoidDialog) is None)  # closed and deleted

    with fresh_desk(data_dir) as desk:
        voided = desk.case(second)
        assert desk.case_count() == 2, "voided, never deleted"
        assert not desk.case(first).is_voided
    assert voided.is_voided and voided.void_reason == "重复登记"
    qtbot.waitUntil(lambda: window.cases_model.case_at(window.cases_model.row_of(second)).is_voided)
    row = window.cases_model.row_of(second)
    status = window.cases_model.index(row, 4)
    assert status.data() == Light.VOID.value
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#7a828c"

    # A voided case cannot be opened for correction.
    window.cases_view.setFocus()
    window.cases_view.select_case(second)
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.error_bar.text() != "")
    assert "已作废" in window.error_bar.text()
    assert window.editing_case_id is None


def test_a_synced_case_is_not_edited_but_amended_with_a_note(make_window, volunteer, qtbot, data_dir):
    [case_id] = _recorded(data_dir, {})
    with fresh_desk(data_dir) as desk, desk.db.atomic():
        # What the sync feature records once the platform has the case.
        repository.mark_case_synced(desk.db, case_id, "2026-11-25T12:00:00+00:00", "受理")
    window = make_window()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    window.cases_view.setFocus()
    window.cases_view.selectRow(0)
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AmendDialog))
    dialog = QApplication.activeModalWidget()
    assert window.editing_case_id is None  # the form is not opened for an edit in place
    assert "已同步到街道平台" in dialog.findChild(QLabel, "amendExplanation").text()

    # Too short: the error is named in the dialog and nothing is queued.
    volunteer.type("改")
    volunteer.press(Qt.Key.Key_Tab)
    volunteer.press(Qt.Key.Key_Return)  # the 记下更正 button
    qtbot.waitUntil(lambda: dialog.errors["note"].isVisible())
    assert "太短" in dialog.errors["note"].text()

    dialog.note.setFocus()
    volunteer.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    volunteer.type("居民补充：地点是C出口东侧")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), AmendDialog))
    assert "更正已记下" in window.statusBar().currentMessage()
    with fresh_desk(data_dir) as desk:
        assert [a["note"] for a in desk.amendments(case_id)] == ["居民补充：地点是C出口东侧"]
        assert desk.case(case_id).description == valid_case()["description"]

def test_a_correction_the_platform_refused_is_shown_and_edited_again(make_window, volunteer, qtbot, data_dir):
    [case_id] = _recorded(data_dir, {})
    refusal = "平台不接收编号 SR-1 上的更正（没有编号为 SR-1 的诉求）"
    with fresh_desk(data_dir) as desk:
        with desk.db.atomic():
            repository.mark_case_synced(desk.db, case_id, "2026-11-25T12:00:00+00:00", "受理")
            [create] = repository.pending_outbox(desk.db)
            repository.finish_outbox(desk.db, create["id"], "2026-11-25T12:00:00+00:00")
        desk.amend_case(case_id, "居民补充：地点是C出口东侧")
        [entry] = repository.pending_outbox(desk.db)
        with desk.db.atomic():  # what the sync records when the platform refuses it for good
            repository.set_amendment_refusal(desk.db, entry["id"], refusal)
            repository.finish_outbox(desk.db, entry["id"], "2026-11-25T13:00:00+00:00")
    window = make_window()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    window.cases_view.setFocus()
    window.cases_view.selectRow(0)
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AmendDialog))
    dialog = QApplication.activeModalWidget()
    why = dialog.findChild(QLabel, "amendRefused")
    assert why is not None and refusal in why.text() and "不会再自动发送" in why.text()
    explanation = dialog.findChild(QLabel, "amendExplanation")
    for label in (why, explanation):  # whole, not cut at the dialog's minimum size
        assert label.height() >= label.heightForWidth(label.width()) - 1, label.objectName()
    assert dialog.note.toPlainText() == "居民补充：地点是C出口东侧"  # the refused words, to edit

    assert focused() is dialog.note
    volunteer.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    volunteer.type("，靠近公交站")
    volunteer.press(Qt.Key.Key_Tab)
    volunteer.press(Qt.Key.Key_Return)  # the 记下更正 button
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), AmendDialog))
    with fresh_desk(data_dir) as desk:
        first, second = desk.amendments(case_id)
        assert first["refused"] == refusal and second["refused"] is None and second["sent_at"] is None
        assert second["note"] == "居民补充：地点是C出口东侧，靠近公交站"
        assert desk.pending_sync_count() == 1  # the corrected correction goes at the next sync


def test_the_correction_dialog_shows_its_long_texts_whole_in_english(desk_app, qtbot, data_dir):
    from desktop import i18n

    [case_id] = _recorded(data_dir, {})
    with fresh_desk(data_dir) as desk:
        case = desk.case(case_id)
    i18n.install_translators(desk_app, "en")
    try:
        dialog = AmendDialog(case, refused={"created_at": case.created_at.isoformat(), "note": "The east side of exit C",
                                            "refused": "平台不接收编号 SR-1 上的更正（没有编号为 SR-1 的诉求）"})
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        for name in ("amendExplanation", "amendRefused"):
            label = dialog.findChild(QLabel, name)
            assert "platform" in label.text()
            assert label.height() >= label.heightForWidth(label.width()) - 1, f"{name} is cut"
    finally:
        i18n.install_translators(desk_app, i18n.SOURCE_LANGUAGE)
