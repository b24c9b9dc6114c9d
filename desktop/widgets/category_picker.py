"""Choosing a petition category by typing Chinese, full pinyin or pinyin initials.

A volunteer types "dc" and the popup lists 共享单车乱停放 first; Down and Enter (or a click) pick
it. Enter with nothing highlighted picks the best match, so "dc" + Enter is enough.

The pinyin index (pypinyin and its dictionaries: a third of a second to load) is built on the
worker thread after the window is up and handed over with ``set_index``; anything typed before
it arrives is filtered as soon as it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.i18n import local
from reception.form_definition import Category, SubCategory, Taxonomy

if TYPE_CHECKING:
    from reception.category_search import CategoryIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 12


class CategoryPicker(QLineEdit):
    """A line edit whose popup is filtered by CategoryIndex; its value is a sub-item code."""

    picked = Signal(str)  # the chosen item's code, or "" when the choice is undone by typing

    def __init__(self, taxonomy: Taxonomy, index: CategoryIndex | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taxonomy = taxonomy
        self._index = index
        self._code = ""
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(MAX_SHOWN)
        self._completer.activated[QModelIndex].connect(self._activated)
        self._completer.popup().setObjectName("categoryPopup")
        self.textEdited.connect(self._filter)

    # --- the value -------------------------------------------------------------------------------

    @property
    def code(self) -> str:
        return self._code

    def chosen(self) -> tuple[Category, SubCategory] | None:
        return self._taxonomy.find(self._code) if self._code else None

    def set_code(self, code: str) -> None:
        """Show a category chosen elsewhere (a draft, a case being edited); "" clears."""
        found = self._taxonomy.find(code) if code else None
        self._completer.popup().hide()
        self._code = found[1].code if found else ""
        self.setText(local(found[1].name) if found else "")
        self.picked.emit(self._code)

    def retranslate_ui(self) -> None:
        """The chosen category's name in the desk's language (the popup is rebuilt on typing)."""
        if self._code:
            found = self._taxonomy.find(self._code)
            self.setText(local(found[1].name) if found else self.text())

    def popup(self):
        return self._completer.popup()

    def set_index(self, index: CategoryIndex) -> None:
        self._index = index
        if self.text().strip() and not self._code and self.hasFocus():
            self._filter(self.text())

    @property
    def has_index(self) -> bool:
        return self._index is not None

    # --- typing and picking ----------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        if self._code:
            self._code = ""
            self.picked.emit("")
        self._model.clear()
        if not text.strip() or self._index is None:
            self._completer.popup().hide()
            return
        for category, item in self._index.search(text, MAX_SHOWN * 2):
            row = QStandardItem(f"{local(item.name)}　〔{local(category.name)}〕")
            row.setData(item.code, CODE_ROLE)
            row.setEditable(False)
            self._model.appendRow(row)
        if self._model.rowCount() == 0:
            self._completer.popup().hide()
            return
        self._completer.complete()
        self._completer.popup().setCurrentIndex(QModelIndex())

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.set_code(code)

    def _pick_highlighted_or_best(self) -> bool:
        # The popup may already be hidden: QCompleter hides it before passing Enter on.
        if self._code or self._model.rowCount() == 0 or not self.text().strip():
            return False
        popup = self._completer.popup()
        index = popup.currentIndex() if popup.isVisible() else QModelIndex()
        self._activated(index if index.isValid() else self._model.index(0, 0))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys reach here directly when the popup is not grabbing them (tests, some platforms);
        # the popup's own filter handles them otherwise. Both paths behave the same.
        key = event.key()
        popup = self._completer.popup()
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._pick_highlighted_or_best():
            return
        if popup.isVisible() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            rows = self._model.rowCount()
            row = popup.currentIndex().row()
            row = (row + 1 if key == Qt.Key.Key_Down else row - 1) if row >= 0 else (0 if key == Qt.Key.Key_Down else rows - 1)
            popup.setCurrentIndex(self._model.index(max(0, min(rows - 1, row)), 0))
            return
        if key == Qt.Key.Key_Down and not popup.isVisible() and not self._code:
            self._filter(self.text())
            return
        if key == Qt.Key.Key_Escape and popup.isVisible():
            popup.hide()
            return
        super().keyPressEvent(event)
