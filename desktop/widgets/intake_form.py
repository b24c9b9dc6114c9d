"""The intake form, built from the form definition: one row per field, in the file's order.

The form only edits values; saving is the window's job (it runs on the worker thread). The form
says when the volunteer asks to save (Ctrl+Enter) or to cancel an edit (Esc), shows validation
errors under the fields they concern, and never throws away what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import current_language, local
from desktop.widgets import theme
from desktop.widgets.fields import CategoryField, Field, TextField, make_field
from reception.cases import PhotoInput
from reception.errors import FieldError
from reception.form_definition import FieldSpec, FormDefinition
from reception.local_text import in_language

# What stays after a save: the next resident is usually from the same community and is received
# by the same volunteer. Everything else is cleared.
STICKY_FIELDS = ("community", "receptionist")


class IntakeForm(QWidget):
    edited = Signal()  # the volunteer changed something (drives the draft autosave)
    save_requested = Signal()
    cancel_requested = Signal()
    new_requested = Signal()
    # The form is about to take the keyboard: the window shows it if it is in a hidden tab.
    focus_wanted = Signal()

    def __init__(self, form: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeForm")
        self.definition = form
        self.fields: dict[str, Field] = {}
        self._labels: dict[str, QLabel] = {}
        self._markers: dict[str, QLabel] = {}
        self._errors: dict[str, QLabel] = {}
        self._loading = False
        self._editing_code: str | None = None
        self._shown_errors: list[FieldError] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 2, 8, 0)
        outer.setSpacing(4)

        self.editing_bar = QFrame()
        self.editing_bar.setObjectName("editingBar")
        theme.set_role(self.editing_bar, "editing")
        bar = QHBoxLayout(self.editing_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.editing_label = QLabel()
        self.editing_label.setObjectName("editingLabel")
        font = self.editing_label.font()
        font.setPointSize(13)
        font.setBold(True)
        self.editing_label.setFont(font)
        bar.addWidget(self.editing_label, 1)
        self.editing_bar.hide()

        self.general_error = theme.message_label("generalError")
        outer.addWidget(self.general_error)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(2, 1)
        row = 0
        for spec in form.fields:
            field = make_field(spec, form, self)
            self.fields[spec.name] = field
            label = QLabel()
            label.setObjectName(f"label_{spec.name}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setBuddy(field.focus_widgets[0])
            marker = QLabel("*")
            marker.setProperty("role", "required")
            error = theme.message_label(f"error_{spec.name}")
            self._labels[spec.name] = label
            self._markers[spec.name] = marker
            self._errors[spec.name] = error
            top = Qt.AlignmentFlag.AlignTop if spec.type in ("multiline", "category", "photos") else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | top)
            grid.addWidget(marker, row, 1, top)
            grid.addWidget(field.editor, row, 2)
            grid.addWidget(error, row + 1, 2)
            row += 2
            field.changed.connect(lambda name=spec.name: self._field_changed(name))
        outer.addLayout(grid)

        # The buttons sit in a footer the window keeps visible below the scrolling fields.
        self.footer = QWidget()
        self.footer.setObjectName("formFooter")
        buttons = QHBoxLayout(self.footer)
        buttons.setContentsMargins(8, 4, 8, 2)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        theme.set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save_requested.emit)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelEditButton")
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        self.cancel_button.hide()
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearButton")
        self.clear_button.clicked.connect(self.new_requested.emit)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        # In the footer, not above the fields: the fields keep their room at 1366x768.
        buttons.addWidget(self.editing_bar, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        outer.addStretch(1)

        self.retranslate_ui()
        self.chain_tab_order()
        # The footer is laid out outside the form (below its scroll area), so it gets the
        # shortcuts too: Ctrl+Enter saves wherever the keyboard is in the form or its buttons.
        self._escapes: list[QShortcut] = []
        for owner in (self, self.footer):
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                shortcut = QShortcut(QKeySequence(keys), owner)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(self.save_requested.emit)
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), owner)
            escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            escape.activated.connect(self.cancel_requested.emit)
            escape.setEnabled(False)
            self._escapes.append(escape)
        self._update_dependents()

    # --- structure -------------------------------------------------------------------------------

    def chain_tab_order(self) -> None:
        """Tab through the fields in the definition's order, then the footer's buttons.

        Called again by the window once the footer sits in the same window as the fields.
        """
        chain = [w for field in self.fields.values() for w in field.focus_widgets]
        if self.footer.window() is self.window():
            chain += [self.save_button, self.cancel_button, self.clear_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def tab_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in the form definition's order (what tests check)."""
        return [w for field in self.fields.values() for w in field.focus_widgets]

    def _waiving_field(self, spec: FieldSpec) -> str | None:
        return spec.required_unless if spec.required_unless in self.fields else None

    # --- values ----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The raw values, keyed by the form's field names, as validate() expects them."""
        return {name: field.value() for name, field in self.fields.items()}

    def draft_payload(self) -> dict[str, Any]:
        """Values that survive a crash: JSON-safe; photos as the paths they were chosen from."""
        payload = self.values()
        if "photos" in payload:
            payload["photos"] = [str(p) for p in payload["photos"] if not isinstance(p, PhotoInput)]
        return payload

    def load(self, values: dict[str, Any]) -> None:
        """Fill the form (from a draft or a case); does not count as an edit."""
        self._loading = True
        try:
            for name, field in self.fields.items():
                if name in values:
                    field.set_value(values[name])
        finally:
            self._loading = False
        self._update_dependents()

    def is_blank(self) -> bool:
        """Nothing typed for a resident yet (what stays between residents does not count)."""
        return all(
            field.is_empty() for name, field in self.fields.items() if name not in STICKY_FIELDS
        )

    def clear_for_next(self) -> None:
        self._loading = True
        try:
            for name, field in self.fields.items():
                if name not in STICKY_FIELDS:
                    field.clear()
        finally:
            self._loading = False
        self.clear_errors()
        self._update_dependents()

    def set_sticky_defaults(self, community: str | None, receptionist: str | None = None) -> None:
        """Prefill what stays between residents, without overwriting what was typed."""
        self._loading = True
        try:
            if community and "community" in self.fields and not self.fields["community"].value():
                self.fields["community"].set_value(community)
            if receptionist and "receptionist" in self.fields and not self.fields["receptionist"].value():
                self.fields["receptionist"].set_value(receptionist)
        finally:
            self._loading = False

    def set_category_index(self, index) -> None:
        """Hand the category pickers their pinyin index once the worker has built it."""
        for field in self.fields.values():
            if isinstance(field, CategoryField):
                field.picker.set_index(index)

    def set_team(self, names: list[str]) -> None:
        """Offer tonight's team as completions of the receptionist field."""
        field = self.fields.get("receptionist")
        if isinstance(field, TextField):
            field.set_suggestions(names)

    # --- editing a stored case -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every text of the form in the desk's language: the street's labels, hints and choices
        (forms/intake.toml gives them in each language), the desk's buttons, and the errors shown."""
        for name, label in self._labels.items():
            label.setText(local(self.fields[name].spec.label))
        for marker in self._markers.values():
            marker.setToolTip(self.tr("必填"))
        self.cancel_button.setText(self.tr("取消修改  Esc"))
        self.clear_button.setText(self.tr("清空，换下一位"))
        self._show_editing_texts()
        for field in self.fields.values():
            field.retranslate_ui()
        if self._shown_errors:
            self._show_error_texts(self._shown_errors)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_editing_texts(self) -> None:
        code = self._editing_code
        self.editing_label.setText(self.tr("正在修改 {code}").format(code=code or ""))
        self.save_button.setText(self.tr("保存修改  Ctrl+Enter") if code is not None else self.tr("保存登记  Ctrl+Enter"))

    def set_editing(self, code: str | None) -> None:
        self._editing_code = code
        editing = code is not None
        self.editing_bar.setVisible(editing)
        self._show_editing_texts()
        self.cancel_button.setVisible(editing)
        self.clear_button.setVisible(not editing)
        for escape in self._escapes:
            escape.setEnabled(editing)

    def set_saving(self, saving: bool) -> None:
        self.save_button.setEnabled(not saving)

    # --- errors ----------------------------------------------------------------------------------

    def show_errors(self, errors: list[FieldError]) -> None:
        """Show each error under its field and put the keyboard on the first bad field."""
        self.clear_errors()
        self._show_error_texts(errors)
        bad = [name for name in self.fields if self._errors[name].isVisible()]
        if bad:
            self.focus_field(bad[0])

    def _show_error_texts(self, errors: list[FieldError]) -> None:
        """The errors in the desk's language (again after a language change)."""
        self._shown_errors = list(errors)
        language = current_language()
        general = []
        texts: dict[str, list[str]] = {}
        for error in errors:
            if error.field not in self._errors:
                general.append(error.in_(language))
            else:
                texts.setdefault(error.field, []).append(in_language(error.message, language))
        separator = "; " if language == "en" else "；"
        for name, messages in texts.items():
            label = self._errors[name]
            label.setText(separator.join(messages))
            label.show()
            theme.set_invalid(self.fields[name].invalid_target(), True)
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))

    def clear_errors(self) -> None:
        for name in self.fields:
            self._clear_error(name)
        self.general_error.hide()
        self._shown_errors = []

    def _clear_error(self, name: str) -> None:
        self._shown_errors = [e for e in self._shown_errors if e.field != name]
        label = self._errors[name]
        if label.isVisible() or label.text():
            label.clear()
            label.hide()
            theme.set_invalid(self.fields[name].invalid_target(), False)

    def error_text(self, name: str) -> str:
        """The message shown under a field, '' when none."""
        label = self._errors[name]
        return label.text() if label.isVisible() else ""

    def focus_field(self, name: str) -> None:
        self.focus_wanted.emit()
        widget = self.fields[name].focus_widgets[0]
        if not widget.isEnabled():
            widget = next((w for w in self.tab_chain() if w.isEnabled()), widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        self.focus_field(next(iter(self.fields)))

    # --- reacting to edits -----------------------------------------------------------------------

    def _field_changed(self, name: str) -> None:
        if self._loading:
            return
        self._clear_error(name)
        field = self.fields[name]
        if isinstance(field, CategoryField) and "urgency" in self.fields:
            chosen = field.picker.chosen()
            if chosen is not None:
                # The category's default urgency; the volunteer can still change it.
                self.fields["urgency"].set_value(chosen[1].urgency.value)
                self._clear_error("urgency")
        self._update_dependents()
        self.edited.emit()

    def _update_dependents(self) -> None:
        values = self.values()
        for name, field in self.fields.items():
            spec = field.spec
            waiver = self._waiving_field(spec)
            waived = waiver is not None and values.get(waiver) is True
            if waived and spec.personal:
                # Anonymous: the resident left no name or phone, so none may be stored.
                if not field.is_empty():
                    field.clear()
                    self._clear_error(name)
            for widget in field.focus_widgets:
                widget.setEnabled(not (waived and spec.personal))
            if spec.required_when:
                required = any(values.get(other) in allowed for other, allowed in spec.required_when.items())
            else:
                required = spec.required and not waived
            self._markers[name].setText("*" if required else "")

    def is_required_now(self, name: str) -> bool:
        return self._markers[name].text() == "*"

