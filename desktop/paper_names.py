"""The slip papers' names in the desk's language (the domain names them in 中文: reception/slips)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reception.slips.layout import PAPERS

_NAMES = {
    "80mm": QT_TRANSLATE_NOOP("Paper", "80mm 热敏卷纸"),
    "58mm": QT_TRANSLATE_NOOP("Paper", "58mm 热敏卷纸"),
    "a4": QT_TRANSLATE_NOOP("Paper", "A4 回执（带剪下凭条）"),
}


def paper_text(key: str) -> str:
    name = _NAMES.get(key)
    return QCoreApplication.translate("Paper", name) if name else PAPERS[key].label


def fill(combo) -> None:
    """Put the three papers in a combo box, or rename them there after a language switch."""
    if combo.count() == 0:
        for key in PAPERS:
            combo.addItem(paper_text(key), key)
        return
    for i in range(combo.count()):
        combo.setItemText(i, paper_text(combo.itemData(i)))
