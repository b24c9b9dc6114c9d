"""Texts in the desk's three languages, for what the domain and the form files say.

The desk's own buttons and menus are translated by Qt's catalogues (desktop/i18n.py); the texts a
street writes in forms/*.toml (labels, hints, choices, category names) and the messages the
Qt-free domain gives (validation) cannot be: they carry their translations as data.

A ``LocalText`` *is* its Simplified Chinese text (a ``str``), so the command line, the stored
cases and every place that only needs Chinese use it unchanged; ``in_(language)`` gives the
text a window in 繁體中文 or English shows. A language a text lacks falls back to Simplified
Chinese, so a street's own form file with plain strings keeps working.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SOURCE = "zh_CN"
LANGUAGES = ("zh_CN", "zh_TW", "en")


class LocalText(str):
    """A text and its translations; ``str(text)`` is the Simplified Chinese."""

    translations: dict[str, str]

    def __new__(cls, source: str, translations: Mapping[str, str] | None = None) -> LocalText:
        text = super().__new__(cls, source)
        text.translations = {SOURCE: str(source), **{k: str(v) for k, v in (translations or {}).items() if v}}
        return text

    @classmethod
    def of(cls, value: str | Mapping[str, str]) -> LocalText:
        """From a plain string (the same in every language) or a ``{zh_CN = …, en = …}`` table."""
        if isinstance(value, LocalText):
            return value
        if isinstance(value, Mapping):
            return cls(value[SOURCE], value)
        return cls(value)

    def in_(self, language: str) -> str:
        return self.translations.get(language) or self.translations[SOURCE]

    def fill(self, **params: Any) -> LocalText:
        """``str.format`` in every language; a LocalText parameter is put in its own language."""
        def render(language: str) -> str:
            return self.in_(language).format(**{k: in_language(v, language) for k, v in params.items()})

        return LocalText(render(SOURCE), {language: render(language) for language in self.translations})

    def __reduce__(self):  # pickles (the worker hands errors across threads) keep the languages
        return (LocalText, (str(self), self.translations))


def in_language(text: Any, language: str) -> Any:
    """``text`` in ``language`` when it carries translations; anything else unchanged."""
    return text.in_(language) if isinstance(text, LocalText) else text


def join(parts: list[Any], separator: Mapping[str, str] | str) -> LocalText:
    """Join texts language by language (``separator`` may differ: "、" in Chinese, ", " in English)."""
    sep = LocalText.of(separator)
    return LocalText(
        sep.in_(SOURCE).join(in_language(p, SOURCE) for p in parts),
        {lang: sep.in_(lang).join(str(in_language(p, lang)) for p in parts) for lang in LANGUAGES},
    )
