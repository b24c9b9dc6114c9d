"""A returning resident at the stall: Ctrl+F finds the case by phone tail or pinyin (masked), Enter
opens it with the platform's progress, the verdict is recorded, and 登记续诉 links a new petition."""

from __future__ import annotations

from desktop_driving import focused, fresh_desk, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reception import return_visits
from reception.storage import repository as repo
from reception_support import valid_case


def _closed_on_platform(data_dir) -> str:
    """A case recorded on an earlier night, synced, and closed by the platform with its notes."""
    with fresh_desk(data_dir) as desk:
        case = desk.record_case(valid_case(resident_name="王小明", phone="13812345678"))
        at = desk.now().isoformat()
        with desk.db.atomic():
            repo.mark_case_synced(desk.db, case.id, at, "closed")
            repo.set_platform_status(desk.db, case.id, "closed", at, True)
            return_visits.store_progress(desk.db, case.id, {
                "status": "closed", "department": "城市管理和综合执法办", "due_at": case.close_by.isoformat(),
                "light": "办结绿", "notes": "已安排消杀",
                "visits": [{"at": at, "caller": "赵干事", "reached": True, "rating": "", "words": ""}],
            }, at)
        return case.id


def _dialog(name):
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def test_find_open_rate_and_follow_up_from_the_keyboard(make_window, volunteer, qtbot, data_dir):
    case_id = _closed_on_platform(data_dir)
    window = make_window()
    volunteer.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _dialog("findCaseDialog") is not None)
    find = _dialog("findCaseDialog")
    settle(qtbot)
    assert focused() is find.query
    volunteer.type("5678")
    qtbot.waitUntil(lambda: len(find.hits) == 1)
    row = [find.results.item(0, c).text() for c in range(6)]
    assert row[2:4] == ["王*", "138****5678"] and row[5] == "已办结"
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _dialog("caseLoopDialog") is not None)
    qtbot.wait(100)  # one Enter opens the case once, not twice
    assert len([w for w in QApplication.topLevelWidgets() if w.objectName() == "caseLoopDialog"]) == 1
    loop = _dialog("caseLoopDialog")
    # Opened by the volunteer: the details are shown, with the platform's progress as of the sync.
    assert "王小明" in loop.details.text() and "138 1234 5678" in loop.details.text()
    assert "截至" in loop.progress_box.title()
    progress = loop.progress.text()
    assert "已办结" in progress and "城市管理和综合执法办" in progress and "已安排消杀" in progress and "赵干事" in progress
    assert loop.light.text() == "信号灯：办结绿"

    loop.rate_button.click()  # nothing chosen yet
    assert "请先选择" in loop.rating_error.text()
    loop.rating_buttons["不满意"].click()
    loop.rating_note.setFocus()
    qtbot.waitUntil(lambda: focused() is loop.rating_note)
    volunteer.type("蟑螂还是很多")
    loop.rate_button.click()
    qtbot.waitUntil(lambda: any(r.rating == "不满意" for r in loop.loop.local_ratings))
    assert not loop.rate_button.isEnabled() and "下次同步时送到平台" in loop.rating_explain.text()
    with fresh_desk(data_dir) as desk:
        assert [(r["rating"], r["note"]) for r in repo.list_ratings(desk.db, case_id)] == [("不满意", "蟑螂还是很多")]

    # Esc closes the case and brings back the results as they were; Enter opens it again.
    volunteer.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _dialog("findCaseDialog") is not None and _dialog("caseLoopDialog") is None)
    assert find.query.text() == "5678" and len(find.hits) == 1
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _dialog("caseLoopDialog") is not None)
    loop = _dialog("caseLoopDialog")
    assert "已送达" not in loop.rating_explain.text() and "下次同步时送到平台" in loop.rating_explain.text()
    loop.follow_button.click()
    qtbot.waitUntil(lambda: window.follows is not None)
    assert window.follow_bar.isVisible() and "接续前次诉求" in window.follow_bar.text()
    assert _dialog("findCaseDialog") is None
    window.form.load(valid_case(description="上次反映的蟑螂又出现了", resident_name="王小明"))
    volunteer.save()
    qtbot.waitUntil(lambda: window.last_saved_case_id not in (None, case_id))
    with fresh_desk(data_dir) as desk:
        later = desk.case(window.last_saved_case_id)
        assert later.follows_code == desk.case(case_id).tracking_code
    assert window.follows is None and not window.follow_bar.isVisible()


def test_a_short_number_says_what_to_type_and_nothing_found_says_so(make_window, volunteer, qtbot, data_dir):
    _closed_on_platform(data_dir)
    window = make_window()
    window.return_visits.open_find()
    find = window.return_visits.find_dialog
    qtbot.waitUntil(find.isVisible)
    settle(qtbot)
    volunteer.type("56")
    qtbot.waitUntil(lambda: "至少输入 4 位" in find.hint.text())
    find.query.clear()
    volunteer.type("zhaoliu")
    qtbot.waitUntil(lambda: "没有找到" in find.hint.text())
    assert find.results.rowCount() == 0
