"""The domain's messages about what was typed, in the desk's three languages.

Like Qt's catalogues, a message is looked up by its Simplified Chinese source text: code writes
``t("必须填写")`` or ``t("太长：最多 {max} 字，现有 {n} 字").fill(max=30, n=41)`` and gets a
``LocalText`` that is that Chinese text for the command line and carries its 繁體中文 and English
for the window. The translations live as data in forms/messages.toml; a message missing there
stays Chinese (tests/reception/test_messages.py checks every one the code uses is there).
"""

from __future__ import annotations

import tomllib
from functools import cache

from reception import bundle
from reception.local_text import SOURCE, LocalText

CATALOGUE = "messages.toml"


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    data = tomllib.loads((bundle.shipped_forms_dir() / CATALOGUE).read_text(encoding="utf-8"))
    return {entry[SOURCE]: entry for entry in data.get("message", [])}


def t(source: str) -> LocalText:
    """The message ``source`` (Simplified Chinese) with its translations."""
    return LocalText(source, _catalogue().get(source))


def known(source: str) -> bool:
    return source in _catalogue()
