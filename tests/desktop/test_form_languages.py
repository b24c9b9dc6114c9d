"""The intake form speaks the chosen language: labels, hints, choices, categories, communities,
validation errors, the saved panel and tonight's list, with no string of another language.

Driven as a volunteer does: 设置 → 语言, then typing a case (with a mistake first) and saving it.
"""

from __future__ import annotations

import re

import pytest
from desktop_driving import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop import i18n

# Characters written one way in Simplified and another in Traditional Chinese (found with OpenCC
# over the desk's texts, minus those Taiwan writes both ways: 台, 里, 征, 干).
SIMPLIFIED_ONLY = set(
    "与业东丢两个临为么义乐书乱于从们会传伤体侧偿儿党关养内写军决冻准减几凭击则删别办务动劳区医协单占卫厂压厕双发变号后吗启员咨响团园图场坏坠墙处复够头夹娱学宝实对导将属带帮并广应废开异"
    "弃张当录径态愿户托执扬扰抛报拥择损换据搁摊数断无旧时显术机杀杂条标栏树桩楼欢残毁气汉没洼济灭灯点烟热状环现电疗盖码确种积称笔筑筛简篮类紧纠红纷纸线组织经结给络统继续维综绿编缩网群联"
    "脑脚营虫补装见规览计认训议记设访证识诉试话询该语误说请读调责质贩贴费赁资赔车转输边迁过运还这进违选邻释钥铁铺链锁错长门闭问闲间队险随隐难页项须预题飞饭饮验黄"
)
TRADITIONAL_ONLY = set(
    "並亂個傷償兒內別刪動務勞區協員問單園圖執場墜壓壞夾娛學寫寶對導屬帶幹廁廠廣張後徑從徵應戶拋揚損擇據擾攤數於時書會業樂樓標樹機檔檢欄毀汙決漢濟為無煙燈營牆現環異當療發碼磚礙種積築篩籃"
    "糾約紛結絡經綜綠維緊線縮聯職與舊蓋處號蟲衛補裝裡製複見規訓記訪設訴詢話誌認說調請諮證識議讀販費貼賃資賠質車軍輸轉辦進運過違選遺邊鄰醫釋錄錯鐵長門開間隊隨險隱難電項須預頭題願類顯飲養"
    "體麼點黨龜"
)
HAN = re.compile(r"[\u4e00-\u9fff]")
# English words the Chinese desk shows on purpose: key names and the pinyin search example.
ENGLISH_ON_PURPOSE = {"ctrl", "enter", "esc", "delete", "alt"}


def texts_of(*roots: QWidget) -> list[str]:
    """Every text a volunteer can read on these widgets: labels, buttons, hints, list items, tips."""
    found: list[str] = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.isVisibleTo(root.window()):
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                found.append(widget.text())
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                found.append(widget.placeholderText())  # what was typed is the resident's
            if isinstance(widget, QComboBox):
                found += [widget.itemText(i) for i in range(widget.count())]
            found.append(widget.toolTip())
    return [text for text in found if text]


def list_texts(window) -> list[str]:
    model = window.cases_view.model()
    found = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
             for c in range(model.columnCount())]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column), role)
                if isinstance(value, str):
                    found.append(value)
    return found


def foreign(text: str, language: str) -> bool:
    """Whether ``text`` holds words of a language other than ``language``."""
    if language == "en":
        return bool(HAN.search(text))
    english = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)} - ENGLISH_ON_PURPOSE
    other_script = TRADITIONAL_ONLY if language == "zh_CN" else SIMPLIFIED_ONLY
    return bool(english) or any(ch in other_script for ch in text)


def choose_language(window, language: str) -> None:
    window.display_menu.language_actions[language].trigger()
    QApplication.processEvents()


# What the volunteer types: the resident's words stay as said; the category is searched in the
# desk's language and the community picked from the list as it reads there.
CATEGORY_QUERY = {"zh_CN": "噪音", "zh_TW": "噪音", "en": "noise"}
COMMUNITY = {"zh_CN": "海旺社区", "zh_TW": "海旺社區", "en": "Haiwang"}
ERROR_UNDER_PHONE = {
    "zh_CN": "手机号应为 11 位，现在是 10 位",
    "zh_TW": "手機號碼應為 11 位，現在是 10 位",
    "en": "A mobile number has 11 digits; this has 10",
}


@pytest.mark.parametrize("language", ["zh_TW", "en", "zh_CN"])
def test_the_form_saved_panel_and_list_speak_only_the_chosen_language(make_window, volunteer, qtbot, language):
    window = make_window()
    choose_language(window, "en" if language != "en" else "zh_TW")
    choose_language(window, language)  # switched at once, from another language
    form = window.form

    volunteer.pick_category(window, CATEGORY_QUERY[language], downs=1)
    volunteer.tab()
    volunteer.type("晚上广场舞音响太大声")
    volunteer.tab(2)
    volunteer.type("刘阿姨")
    volunteer.tab()
    volunteer.type("1381234567")  # one digit short
    community = form.fields["community"].editor
    community.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is community or community.isAncestorOf(QApplication.focusWidget()))
    volunteer.type(COMMUNITY[language])
    form.fields["outcome"].editor.setFocus()
    volunteer.press(Qt.Key.Key_2)  # 转平台办理 / Forwarded
    form.fields["receptionist"].editor.setFocus()
    volunteer.type("李明")
    volunteer.give_consent()
    volunteer.save()

    qtbot.waitUntil(lambda: form.error_text("phone") != "")
    assert form.error_text("phone") == ERROR_UNDER_PHONE[language]
    shown = texts_of(form, form.footer)
    assert [t for t in shown if foreign(t, language)] == []

    # Switching now re-says the error too, and back.
    other = "zh_CN" if language != "zh_CN" else "en"
    choose_language(window, other)
    assert form.error_text("phone") == ERROR_UNDER_PHONE[other]
    choose_language(window, language)
    assert form.error_text("phone") == ERROR_UNDER_PHONE[language]

    form.fields["phone"].editor.setFocus()
    volunteer.type("8")
    volunteer.save()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    settle(qtbot)
    case = window.services.desk.case(window.last_saved_case_id)
    # Stored as the form file names things, whatever the language it was typed in.
    assert (case.community, case.outcome.value, case.category_code[:3]) == ("海旺社区", "转平台办理", "NOI")

    shown = texts_of(form, form.footer, window.saved_panel) + list_texts(window)
    assert [t for t in shown if foreign(t, language)] == []
    labels = {name: label.text() for name, label in form._labels.items()}
    expected = {"zh_CN": "联系电话", "zh_TW": "聯絡電話", "en": "Phone"}[language]
    assert labels["phone"] == expected


def test_the_session_dialog_refuses_in_the_desk_s_language(make_window, qtbot):
    from desktop.widgets.dialogs import OpenSessionDialog

    window = make_window()
    choose_language(window, "en")
    qtbot.mouseClick(window.session_bar.open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(OpenSessionDialog)
    assert dialog.community.currentText() == "Anle"  # the list in English; the value stays 安乐社区
    assert dialog.values()["community"] == "安乐社区"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["venue"].isVisible())
    assert dialog.errors["venue"].text() == "Required"
    dialog.reject()
    choose_language(window, "zh_CN")
