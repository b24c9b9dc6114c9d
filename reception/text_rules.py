"""Cleaning what people type: Unicode normalisation, refusing control characters and dropping
invisible format characters."""

from __future__ import annotations

import unicodedata

_ALLOWED_IN_MULTILINE = {"\n", "\t"}


def strip_format_characters(text: str) -> str:
    """``text`` without Unicode Cf characters (invisible: zero-width, bidi controls, BOM)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def clean(text: str, multiline: bool) -> tuple[str, str | None]:
    """Return (cleaned text, problem or None).

    NFC keeps the same character from being stored two ways; controls (other than a line break in
    a multi-line field) and lone surrogates are refused rather than silently dropped, because
    they usually mean text was pasted from somewhere broken.

    Format characters (Unicode Cf: zero-width spaces and joiners, the byte-order mark, bidi
    overrides and isolates) are not content: they are dropped before anything is measured, so
    four zero-width spaces are an empty field (and fail "required" and ``min_length``), and a
    right-to-left override cannot make a stored description read differently on screen, on the
    slip and on the platform. Chinese text never needs them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_format_characters(text)
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cs":
            return text, "含有无法识别的字符（可能是复制粘贴出错）"
        if category == "Cc" and not (multiline and ch in _ALLOWED_IN_MULTILINE):
            return text, "含有不可见的控制字符，请删除后重新输入"
    text = unicodedata.normalize("NFC", text)
    if multiline:
        lines = [line.rstrip() for line in text.strip().split("\n")]
        return "\n".join(lines), None
    return " ".join(text.split()), None
