"""One input per field type of the form definition (forms/intake.toml).

Each ``Field`` wraps the widget a volunteer types into and speaks the form's raw values: the same
shapes ``reception.validation.validate`` and ``xinan-desk case add`` accept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.i18n import local
from desktop.widgets.category_picker import CategoryPicker
from desktop.widgets.photo_strip import PhotoStrip
from reception.form_definition import FieldSpec, FormDefinition
from reception.local_text import LocalText


class Field(QObject):
    """The editor of one form field. ``changed`` fires on every edit by the volunteer."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec

    @property
    def editor(self) -> QWidget:
        """The widget placed in the form's layout."""
        raise NotImplementedError

    @property
    def focus_widgets(self) -> list[QWidget]:
        """The widgets Tab visits, in order (most fields have one)."""
        return [self.editor]

    def value(self) -> Any:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Show the field's texts in the desk's language: the form file's (help, choices, names,
        each with its translations) and the desk's own."""

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        self.set_value(None)

    def is_empty(self) -> bool:
        return self.value() in ("", None, False, [])

    def invalid_target(self) -> QWidget:
        """The widget that gets the red border when the field is invalid."""
        return self.focus_widgets[0]


class TextField(Field):
    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self._edit = QLineEdit()
        self._edit.setObjectName(f"field_{spec.name}")
        if spec.max_length:
            # A little over the limit, so that validation can say how long it is instead of
            # silently cutting off what the resident said.
            self._edit.setMaxLength(spec.max_length + 50)
        self._edit.textEdited.connect(lambda _text: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._edit.setPlaceholderText(local(self.spec.help))

    @property
    def editor(self) -> QWidget:
        return self._edit

    def value(self) -> str:
        return self._edit.text()

    def set_value(self, value: Any) -> None:
        self._edit.setText("" if value is None else str(value))

    def set_suggestions(self, words: list[str]) -> None:
        completer = QCompleter(QStringListModel(words, self._edit), self._edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._edit.setCompleter(completer)


class _LinesEdit(QPlainTextEdit):
    """A text box exactly ``lines`` lines tall, at whatever text size the desk is showing."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self._lines = lines
        self._fit()

    def _fit(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self._lines + 16)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()


class MultilineField(Field):
    def __init__(self, spec: FieldSpec, parent: QObject | None = None, lines: int = 3) -> None:
        super().__init__(spec, parent)
        self._edit = _LinesEdit(lines)
        self._edit.setObjectName(f"field_{spec.name}")
        # Tab moves on to the next field, as everywhere else in the form.
        self._edit.setTabChangesFocus(True)
        self._edit.textChanged.connect(self._text_changed)
        self._loading = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._edit.setPlaceholderText(local(self.spec.help))

    def _text_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    @property
    def editor(self) -> QWidget:
        return self._edit

    def value(self) -> str:
        return self._edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._edit.setPlainText("" if value is None else str(value))
        finally:
            self._loading = False


class _WrappingLabel(QLabel):
    """A checkbox's text that wraps (a QCheckBox's own never does, and then a long hint in
    English or at 200 % would make the form scroll sideways); clicking it ticks the box."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event) -> None:
        if self._box.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
            self._box.toggle()
        event.accept()


class BoolField(Field):
    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self._row = QWidget()
        self._box = QCheckBox()
        self._box.setObjectName(f"field_{spec.name}")
        self._box.toggled.connect(lambda _on: self.changed.emit())
        self.text_label = _WrappingLabel(self._box)
        self.text_label.setObjectName(f"text_{spec.name}")
        row = QHBoxLayout(self._row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self._box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        self.retranslate_ui()

    def _set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self._box.setAccessibleName(text)  # what a screen reader says for the box

    def retranslate_ui(self) -> None:
        self._set_text(local(self.spec.help or self.spec.label))

    @property
    def editor(self) -> QWidget:
        return self._row

    @property
    def focus_widgets(self) -> list[QWidget]:
        return [self._box]

    def value(self) -> bool:
        return self._box.isChecked()

    def set_value(self, value: Any) -> None:
        self._box.setChecked(bool(value))


class ConsentField(BoolField):
    """The resident's agreement (PIPL). Alt+Y ticks it from anywhere in the form; F1 shows the
    notice to read out first. Never ticked in advance: consent is an act, not a default."""

    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self._box.setShortcut(QKeySequence("Alt+Y"))

    def retranslate_ui(self) -> None:
        self._set_text(f"{local(self.spec.help or self.spec.label)} (Alt+Y)")


class CommunityField(Field):
    """An editable list of the street's communities; typing part of a name narrows it.

    The list shows the names in the desk's language; the value is the name as stored (the form
    file's Simplified Chinese), whichever language it was chosen in."""

    def __init__(self, spec: FieldSpec, communities: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self._communities = tuple(LocalText.of(name) for name in communities)
        self._combo = QComboBox()
        self._combo.setObjectName(f"field_{spec.name}")
        self._combo.setEditable(True)
        self._combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name in self._communities:
            self._combo.addItem(local(name), str(name))
        self._combo.setMaxVisibleItems(12)
        self._combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self._combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._combo.setCurrentIndex(-1)
        self._combo.lineEdit().textEdited.connect(lambda _t: self.changed.emit())
        self._combo.activated.connect(lambda _i: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        value = self.value()
        for index, name in enumerate(self._communities):
            self._combo.setItemText(index, local(name))
        self._combo.lineEdit().setPlaceholderText(local(self.spec.help) or self.tr("选择或输入社区名称"))
        self._show(value)

    @property
    def editor(self) -> QWidget:
        return self._combo

    def value(self) -> str:
        text = self._combo.currentText().strip()
        # A name typed or chosen in any of the languages is the community it names.
        for name in self._communities:
            if text and text in name.translations.values():
                return str(name)
        return self._combo.currentText()

    def set_value(self, value: Any) -> None:
        self._show("" if value is None else str(value))

    def _show(self, text: str) -> None:
        index = self._combo.findData(text)
        self._combo.setCurrentIndex(index)
        if index < 0:
            self._combo.setEditText(text)


class ChoiceButtons(QFrame):
    """A row of large buttons of which one is chosen: all options visible at a glance.

    One Tab stop for the whole row; Left/Right or the digit keys 1, 2, 3 choose by keyboard.
    """

    chosen = Signal(str)

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("choice", True)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self._buttons: list[QPushButton] = []
        for number, choice in enumerate(choices, start=1):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("value", str(choice))
            button.clicked.connect(lambda _c=False, b=button: self._clicked(b))
            self._group.addButton(button)
            self._buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self._choices = choices
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for number, (button, choice) in enumerate(zip(self._buttons, self._choices), start=1):
            button.setText(f"{local(choice)}  {number}")

    def _clicked(self, button: QPushButton) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.chosen.emit(button.property("value"))

    def value(self) -> str:
        checked = self._group.checkedButton()
        return checked.property("value") if checked else ""

    def set_value(self, value: str) -> None:
        self._group.setExclusive(False)
        for button in self._buttons:
            button.setChecked(button.property("value") == value)
        self._group.setExclusive(True)

    def _choose_index(self, index: int) -> None:
        if 0 <= index < len(self._buttons):
            value = self._buttons[index].property("value")
            if value != self.value():
                self.set_value(value)
                self.chosen.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = next((i for i, b in enumerate(self._buttons) if b.isChecked()), -1)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._choose_index(min(current + 1, len(self._buttons) - 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._choose_index(max(current - 1, 0))
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self._choose_index(key - Qt.Key.Key_1)
        else:
            super().keyPressEvent(event)


class ChoiceField(Field):
    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self._buttons = ChoiceButtons(spec.choices)
        self._buttons.setObjectName(f"field_{spec.name}")
        self._buttons.chosen.connect(lambda _v: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._buttons.setToolTip(local(self.spec.help))
        self._buttons.retranslate_ui()

    @property
    def editor(self) -> QWidget:
        return self._buttons

    def value(self) -> str:
        return self._buttons.value()

    def set_value(self, value: Any) -> None:
        self._buttons.set_value("" if value is None else str(value))


class CategoryField(Field):
    """The category picker with, below it, the major category and the department it routes to."""

    def __init__(self, spec: FieldSpec, form: FormDefinition, parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self._box = QWidget()
        layout = QHBoxLayout(self._box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.picker = CategoryPicker(form.taxonomy)
        self.picker.setObjectName(f"field_{spec.name}")
        self.route = QLabel()
        self.route.setObjectName("categoryRoute")
        self.route.setProperty("role", "muted")
        self.picker.setMinimumWidth(250)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.route)
        self.picker.picked.connect(self._picked)
        self.picker.textEdited.connect(lambda _t: self.changed.emit())
        self._show_route()

    def retranslate_ui(self) -> None:
        self.picker.setPlaceholderText(local(self.spec.help))
        self.picker.retranslate_ui()
        self._show_route()

    def _picked(self, _code: str) -> None:
        self._show_route()
        self.changed.emit()

    def _show_route(self) -> None:
        chosen = self.picker.chosen()
        if chosen:
            category, item = chosen
            self.route.setText(
                self.tr("{major}\n责任部门：{department}").format(
                    major=local(category.name), department=local(category.department)
                )
            )
        elif self.picker.text().strip():
            self.route.setText(self.tr("请从列表中选一项\n（↓ 选择，回车确定）"))
        else:
            self.route.setText(self.tr("选定类别后\n显示责任部门"))

    @property
    def editor(self) -> QWidget:
        return self._box

    @property
    def focus_widgets(self) -> list[QWidget]:
        return [self.picker]

    def value(self) -> str:
        # A half-typed word that matches no category is kept as typed, so that validation names
        # the field ("不是分类目录中的小类代码") instead of silently dropping it.
        return self.picker.code or self.picker.text().strip()

    def set_value(self, value: Any) -> None:
        code = "" if value is None else str(value)
        if self.picker.code != code or not code:
            self.picker.set_code(code)
        self._show_route()

    def is_empty(self) -> bool:
        return not self.picker.text().strip()


class PhotosField(Field):
    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        super().__init__(spec, parent)
        self.strip = PhotoStrip(max_count=spec.max_count, hint=local(spec.help))
        self.strip.setObjectName(f"field_{spec.name}")
        self.strip.photos_changed.connect(self.changed.emit)

    def retranslate_ui(self) -> None:
        self.strip.set_hint(local(self.spec.help))

    @property
    def editor(self) -> QWidget:
        return self.strip

    @property
    def focus_widgets(self) -> list[QWidget]:
        return self.strip.focus_widgets()

    def value(self) -> list[Any]:
        return self.strip.photos()

    def set_value(self, value: Any) -> None:
        self.strip.set_photos(list(value or []))


def make_field(spec: FieldSpec, form: FormDefinition, parent: QObject | None = None) -> Field:
    """The editor for a field type of forms/intake.toml (see FIELD_TYPES)."""
    if spec.type == "category":
        return CategoryField(spec, form, parent)
    if spec.type == "multiline":
        # The resident's account needs room; a note needs less.
        return MultilineField(spec, parent, lines=3 if spec.required else 2)
    if spec.type == "bool":
        return BoolField(spec, parent)
    if spec.type == "consent":
        return ConsentField(spec, parent)
    if spec.type == "community":
        return CommunityField(spec, form.communities, parent)
    if spec.type == "choice":
        return ChoiceField(spec, parent)
    if spec.type == "photos":
        return PhotosField(spec, parent)
    # "text" and "phone": one line each; the phone is checked by phonenumbers on save.
    return TextField(spec, parent)
