"""设置 → 语言: the open window changes language at once, Qt's own buttons too, and stays changed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from desktop_driving import close_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop import i18n

CATALOGUES = i18n.ROOT / "assets" / "translations"


def visible_texts(window) -> dict[str, str]:
    """What a volunteer reads in the window's fixed places."""
    model = window.cases_view.model()
    return {
        "title": window.windowTitle(),
        "settings menu": window.menus["settings"].title(),
        "save": window.form.save_button.text(),
        "clear": window.form.clear_button.text(),
        "open session": window.session_bar.open_button.text(),
        "visitors": window.session_bar.visitors.title.text(),
        "saved caption": window.saved_panel.caption.text(),
        "list header": model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole),
        "print": window.print_actions.print_action.text(),
        "sync": next(a.text() for a in window.main_toolbar.actions() if a.objectName() == "syncAction"),
        "night mode": window.display_menu.night_action.text(),
        "no session bar": window.no_session_bar.label.text(),
        "category route": window.findChild(QLabel, "categoryRoute").text(),
    }


def qt_cancel_text() -> str:
    """The text Qt itself gives a standard Cancel button (from its qtbase catalogue)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    try:
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()
    finally:
        box.deleteLater()


def choose_language(window, language: str) -> None:
    """设置 → 语言 → ``language``; Qt posts LanguageChange to the windows, so let it arrive."""
    window.display_menu.language_actions[language].trigger()
    QApplication.processEvents()


def street_labels(window) -> dict[str, str]:
    return {name: label.text() for name, label in window.form._labels.items()}


def test_switching_language_retranslates_the_open_window_and_is_remembered(make_window):
    window = make_window()
    chinese = visible_texts(window)
    labels = street_labels(window)
    assert chinese["save"] == "保存登记  Ctrl+Enter"
    assert qt_cancel_text() == "取消"

    choose_language(window, "en")
    english = visible_texts(window)
    assert english["save"] == "Save case  Ctrl+Enter"
    assert english["settings menu"] == "Se&ttings"
    assert english["print"] == "Print slip (Ctrl+P)"
    assert english["sync"] == "Sync…"
    for place, text in english.items():
        assert text != chinese[place], f"{place} still reads {text!r} in English"
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), (place, text)
    assert qt_cancel_text() == "Cancel"
    # The street's form labels come from forms/intake.toml's label_en.
    assert street_labels(window)["phone"] == "Phone" and street_labels(window) != labels

    choose_language(window, "zh_TW")
    traditional = visible_texts(window)
    assert traditional["save"] == "儲存登記  Ctrl+Enter"
    assert traditional["settings menu"] == "設定(&T)"
    assert traditional["print"] == "列印憑條 (Ctrl+P)"
    assert traditional["open session"] == "開始夜話"
    assert qt_cancel_text() == "取消"
    assert street_labels(window)["phone"] == "聯絡電話"

    choose_language(window, "zh_CN")
    assert visible_texts(window) == chinese

    choose_language(window, "en")
    close_window(window, window.services)  # the worker saves the choice before it stops
    again = make_window()
    assert visible_texts(again)["save"] == "Save case  Ctrl+Enter"
    assert again.display_menu.language_actions["en"].isChecked()
    choose_language(again, "zh_CN")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_string_of_the_desk_is_translated(language):
    ts = CATALOGUES / f"{i18n.CATALOGUE}_{language}.ts"
    missing = i18n.unfinished(ts)
    assert not missing, f"{ts.name}: untranslated: {missing}"
    for message in ET.parse(ts).iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        placeholders = sorted(part.split("}")[0] for part in source.split("{")[1:])
        assert sorted(part.split("}")[0] for part in translation.split("{")[1:]) == placeholders, source
