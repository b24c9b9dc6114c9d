"""Every message the domain gives about a typed value is in forms/messages.toml, in 3 languages."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from reception import messages
from reception.local_text import LocalText, join

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")
# Modules whose refusals are shown under a field of the form.
FROM_T_CALLS = ("reception/validation.py", "reception/phones.py", "reception/deadlines.py", "reception/desk.py",
                "reception/street_settings.py", "reception/display.py", "reception/tracking_url.py",
                # The print path's refusals, shown in the preview, the error bar and the wizard.
                "reception/slips/printing.py", "desktop/cups.py", "desktop/qt_print.py")
FROM_ERRORS = ("reception/photos.py", "reception/privacy/id_cards.py")
FROM_RETURNS = ("reception/text_rules.py",)


def _sources() -> list[str]:
    found = []
    for path in FROM_T_CALLS + FROM_ERRORS + FROM_RETURNS:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if (path in FROM_T_CALLS and name == "t") or (path in FROM_ERRORS and name.endswith("Error")):
                    found.append(node.args[0].value)
            if path in FROM_RETURNS and isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
                found += [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return [text for text in found if isinstance(text, str) and HAN.search(text)]


SOURCES = _sources()


def test_the_scan_finds_the_messages():
    assert len(SOURCES) > 30 and "必须填写" in SOURCES and "找不到文件" in SOURCES


@pytest.mark.parametrize("source", SOURCES)
def test_each_message_is_translated_with_the_same_placeholders(source):
    assert messages.known(source), f"add {source!r} to forms/messages.toml"
    text = messages.t(source)
    fields = {name for _, name, _, _ in string.Formatter().parse(source) if name}
    for language in ("zh_TW", "en"):
        assert language in text.translations, (language, source)  # written, even when the same
        translated = text.in_(language)
        assert {n for _, n, _, _ in string.Formatter().parse(translated) if n} == fields, (language, source)
    assert not HAN.search(text.in_("en")), text.in_("en")


def test_filled_messages_keep_every_language():
    text = messages.t("太长：最多 {max} 字，现有 {n} 字").fill(max=30, n=41)
    assert str(text) == "太长：最多 30 字，现有 41 字"
    assert text.in_("zh_TW") == "太長：最多 30 字，現有 41 字"
    assert text.in_("en") == "Too long: 30 characters at most, now 41"


def test_a_text_missing_a_language_falls_back_to_simplified_chinese():
    text = LocalText.of({"zh_CN": "社区", "en": "Community"})
    assert (text.in_("zh_CN"), text.in_("zh_TW"), text.in_("en")) == ("社区", "社区", "Community")
    assert LocalText.of("安乐社区").in_("en") == "安乐社区"
    joined = join([LocalText.of({"zh_CN": "一般", "en": "Routine"}), "紧急"], {"zh_CN": "、", "en": ", "})
    assert (str(joined), joined.in_("en")) == ("一般、紧急", "Routine, 紧急")
