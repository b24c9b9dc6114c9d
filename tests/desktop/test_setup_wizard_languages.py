"""The setup wizard's street page in the desk's three languages: the community list reads in the
chosen language (from forms/communities.toml's translations), what is stored stays the street's
Simplified name, and switching language on the page keeps the choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard
from test_form_languages import foreign, texts_of
from test_setup_wizard import make_wizard

from desktop import i18n

HAIWANG = {"zh_CN": "海旺社区", "zh_TW": "海旺社區", "en": "Haiwang"}
NOT_LISTED = {
    "zh_CN": "「不存在社区」不在本街道的社区列表中（forms/communities.toml）",
    "zh_TW": "「不存在社区」不在本街道的社區列表中（forms/communities.toml）",
    "en": "“不存在社区” is not in the street's list of communities (forms/communities.toml)",
}


@pytest.fixture
def language_after(desk_app):
    """Whatever a test chooses, the next one starts in Simplified Chinese."""
    yield
    i18n.install_translators(desk_app, i18n.SOURCE_LANGUAGE)


@pytest.mark.parametrize("language", ["zh_TW", "en", "zh_CN"])
def test_the_community_list_reads_in_the_desk_s_language_and_stores_the_street_s_name(
    desk_app, qtbot, tmp_path, language_after, language
):
    i18n.install_translators(desk_app, language)
    wizard, walk = make_wizard(tmp_path / "data", qtbot)
    page = walk.page("streetPage")
    community = page.findChild(QComboBox, "setupCommunity")
    names = [community.itemText(i) for i in range(community.count())]
    assert len(names) == 21 and HAIWANG[language] in names
    # Each language keeps its own name in the chooser, for someone who cannot read the others.
    others = set(i18n.LANGUAGE_NAMES.values())
    assert [text for text in texts_of(page) if foreign(text, language) and text not in others] == []

    walk.type("setupCommunity", "不存在社区")
    walk.next()
    assert walk.problem() == NOT_LISTED[language]
    walk.type("setupCommunity", HAIWANG[language])  # typed as it reads in the list
    walk.next()
    walk.page("passphrasePage")
    assert wizard.chosen["community"] == "海旺社区"  # stored as the form file names it


def test_switching_language_on_the_page_keeps_the_chosen_community(desk_app, qtbot, tmp_path, language_after):
    wizard, walk = make_wizard(tmp_path / "data", qtbot)
    page = walk.page("streetPage")
    community = page.findChild(QComboBox, "setupCommunity")
    community.setFocus()
    qtbot.keyClick(community, Qt.Key.Key_Down)  # the first community: 安乐社区
    assert community.currentText() == "安乐社区"

    chooser = page.findChild(QComboBox, "setupLanguage")
    chooser.setFocus()
    qtbot.keyClick(chooser, Qt.Key.Key_End)  # English, last in the list
    assert i18n.current_language() == "en"
    qtbot.waitUntil(lambda: community.currentText() == "Anle")  # Qt's LanguageChange reached the page
    assert community.currentData() == "安乐社区"
    assert community.itemText(community.findData("海旺社区")) == "Haiwang"

    # Qt's own buttons follow too (Qt's catalogue; English is Qt's source language).
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Next >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Cancel"

    qtbot.keyClick(chooser, Qt.Key.Key_Up)  # 繁體中文
    assert i18n.current_language() == "zh_TW"
    qtbot.waitUntil(lambda: community.currentText() == "安樂社區")
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "下一個(&N) ＞"
    walk.next()
    walk.page("passphrasePage")
    assert wizard.chosen["community"] == "安乐社区" and wizard.chosen["language"] == "zh_TW"
