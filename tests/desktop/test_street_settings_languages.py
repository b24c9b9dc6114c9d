"""设置 → 街道与打印设置… in the desk's three languages: the team leader types wrong values and
reads under each field why, in the language the desk speaks; nothing of another language shows."""

from __future__ import annotations

import re

import pytest
from desktop_driving import Volunteer, set_leader_pin
from PySide6.QtCore import Qt
from test_form_languages import choose_language, foreign, texts_of

from reception_support import TEST_PIN

HOTLINE = {
    "zh_CN": "应为电话号码，只用数字和 -，如 0755-27891234 或 12345；留空表示不印热线",
    "zh_TW": "應為電話號碼，只用數字和 -，如 0755-27891234 或 12345；留空表示不印熱線",
    "en": "Should be a phone number, digits and - only, such as 0755-27891234 or 12345; "
          "leave it empty to print no hotline",
}
FOOTER = {
    "zh_CN": "太长：最多 30 个字，58mm 小票上要能排成一行",
    "zh_TW": "太長：最多 30 個字，58mm 憑條上要能排成一行",
    "en": "Too long: 30 characters at most, to fit one line of a 58 mm slip",
}
BASE_URL = {
    "zh_CN": "应以 https:// 开头，如 https://xinan.example.gov.cn/t/",
    "zh_TW": "應以 https:// 開頭，如 https://xinan.example.gov.cn/t/",
    "en": "Should start with https://, such as https://xinan.example.gov.cn/t/",
}


def other_language(dialog, language: str) -> list[str]:
    """What the dialog says in another language. The system's printer names (the printer list
    after its first item) are names, not words; nor is a web address."""
    printers = {dialog.printer.itemText(i) for i in range(1, dialog.printer.count())}
    return [text for text in texts_of(dialog)
            if text not in printers and foreign(re.sub(r"https?://\S*", "", text), language)]


@pytest.mark.parametrize("language", ["en", "zh_TW", "zh_CN"])
def test_the_street_settings_dialog_refuses_in_the_desk_s_language(window, volunteer, qtbot, language):
    choose_language(window, language)
    try:
        set_leader_pin(window.services.data_dir)
        window.print_actions.settings_action.trigger()
        Volunteer(qtbot).type_pin(TEST_PIN)  # the street's settings are the team leader's
        qtbot.waitUntil(lambda: window.print_actions.settings_dialog is not None
                        and window.print_actions.settings_dialog.isVisible(), timeout=15_000)
        dialog = window.print_actions.settings_dialog
        assert other_language(dialog, language) == []

        volunteer.type("call us")  # the hotline has the focus
        dialog.base_url.setFocus()
        dialog.base_url.selectAll()
        volunteer.type("ftp://xinan.example/t/")
        dialog.footer.setFocus()
        dialog.footer.selectAll()
        volunteer.type("x" * 31)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.errors["hotline"].isVisible(), timeout=15_000)
        assert dialog.errors["hotline"].text() == HOTLINE[language]
        assert dialog.errors["footer"].text() == FOOTER[language]
        assert dialog.errors["base_url"].text() == BASE_URL[language]
        assert dialog.hotline.text() == "call us"  # nothing typed is lost
        for name in ("hotline", "footer", "base_url"):  # every line of each message is on screen
            label = dialog.errors[name]
            assert label.height() >= label.heightForWidth(label.width()), (name, label.height())
            assert label.parentWidget().height() >= label.geometry().bottom(), name
        assert other_language(dialog, language) == []
        dialog.reject()
    finally:
        choose_language(window, "zh_CN")
