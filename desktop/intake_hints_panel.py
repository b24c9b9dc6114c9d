"""Under the intake form, while the description is typed: the category it looks like, and an open
case of the same community that may be the same matter ("可能与 K7Q-0003-A 是同一件事").

The hints (reception/intake_hints) live on the desk's worker thread: they are built there page by
page after the window opens, refreshed after each save, and asked 300 ms after the volunteer stops
typing. Nothing is chosen for the volunteer: a category button fills the category field (and its
default urgency), 是同一件事 links the new petition to the earlier case when it is saved
(``record_case(follows=...)``), 不是 puts the offer away for this petition.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.i18n import local
from desktop.widgets import theme
from reception import clock
from reception.desk import ReceptionDesk
from reception.form_definition import Taxonomy
from reception.intake_hints.hints import Hints, IntakeHints, SameMatter

PAUSE_MS = 300
CATEGORY_BUTTONS = 3
RUNNER_UP_SHARE = 0.05


class IntakeHintsPanel(QFrame):
    category_chosen = Signal(str)
    link_toggled = Signal(bool)  # True: link to the offered case; False: do not
    dismissed = Signal(str)  # the id of the case the volunteer said is not the same matter

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeHints")
        theme.set_role(self, "editing")
        self.taxonomy = taxonomy
        self.same_matter: SameMatter | None = None
        self.linked = False
        self._codes: list[str] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(3)

        self.offer_row = QWidget()
        offer = QHBoxLayout(self.offer_row)
        offer.setContentsMargins(0, 0, 0, 0)
        self.offer_text = QLabel()
        self.offer_text.setObjectName("sameMatterText")
        # One line, whatever the text size: the form above needs the room more (at 200 % the
        # panel must not push the description being typed out of sight). The details are in
        # the tooltip.
        self.offer_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.link_button = QPushButton()
        self.link_button.setObjectName("linkSameMatterButton")
        self.link_button.clicked.connect(self._toggle_link)
        self.not_button = QPushButton()
        self.not_button.setObjectName("notSameMatterButton")
        self.not_button.clicked.connect(self._dismiss)
        offer.addWidget(self.offer_text, 1)
        offer.addWidget(self.link_button)
        offer.addWidget(self.not_button)
        column.addWidget(self.offer_row)

        self.category_row = QWidget()
        row = QHBoxLayout(self.category_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.category_caption = QLabel()
        self.category_caption.setObjectName("categorySuggestionCaption")
        row.addWidget(self.category_caption)
        self.category_buttons: list[QPushButton] = []
        for n in range(CATEGORY_BUTTONS):
            button = QPushButton()
            button.setObjectName(f"suggestedCategory{n + 1}")
            button.clicked.connect(lambda _c=False, i=n: self.category_chosen.emit(self._codes[i]))
            self.category_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        column.addWidget(self.category_row)
        self.retranslate_ui()
        self.offer_row.hide()
        self.category_row.hide()
        self.hide()

    def retranslate_ui(self) -> None:
        self.not_button.setText(self.tr("不是"))
        self.category_caption.setText(self.tr("分类建议："))
        self._show_offer()
        self._show_categories()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_hints(self, hints: Hints, want_categories: bool, want_offer: bool) -> None:
        offered = hints.same_matter if want_offer else None
        if self.linked and self.same_matter is not None and offered is None:
            offered = self.same_matter  # a link once made stays until undone or saved
        elif self.linked and offered is not None and offered.case_id != self.same_matter.case_id:
            offered = self.same_matter
        self.same_matter = offered
        # The best guess always; the runners-up only when the model is not sure of the best.
        self._codes = [s.code for n, s in enumerate(hints.categories[:CATEGORY_BUTTONS])
                       if n == 0 or s.share >= RUNNER_UP_SHARE] if want_categories else []
        self._show_offer()
        self._show_categories()

    def clear(self) -> None:
        self.same_matter = None
        self.linked = False
        self._codes = []
        self._show_offer()
        self._show_categories()

    def _show_offer(self) -> None:
        m = self.same_matter
        if m is None:
            self.offer_row.hide()
        else:
            category = self._category_name(m.category_name)
            when = clock.local_text(m.created_at)
            if self.linked:
                self.offer_text.setText(self.tr("已关联 {code}（{category}）").format(code=m.tracking_code, category=category))
                self.offer_text.setToolTip(self.tr("已关联 {code}（{category}，{when} 登记）：保存时记为同一件事的续报")
                                           .format(code=m.tracking_code, category=category, when=when))
                self.link_button.setText(self.tr("取消关联"))
            else:
                self.offer_text.setText(self.tr("可能与 {code} 是同一件事（{category}）").format(
                    code=m.tracking_code, category=category))
                self.offer_text.setToolTip(self.tr("可能与 {code} 是同一件事（{category}，{when} 登记，尚未办结）")
                                           .format(code=m.tracking_code, category=category, when=when))
                self.link_button.setText(self.tr("是同一件事，关联"))
            self.not_button.setVisible(not self.linked)
            self.offer_row.show()
        self._show_self()

    def _show_categories(self) -> None:
        for n, button in enumerate(self.category_buttons):
            if n < len(self._codes):
                found = self.taxonomy.find(self._codes[n])
                button.setText(local(found[1].name) if found else self._codes[n])
                button.setToolTip(local(found[0].name) if found else "")
                button.show()
            else:
                button.hide()
        self.category_row.setVisible(bool(self._codes))
        self._show_self()

    def _category_name(self, stored: str) -> str:
        """The earlier case's category as it was stored, in the desk's language when the form has it."""
        for _major, item in self.taxonomy.items():
            if item.name == stored:
                return local(item.name)
        return stored

    def _show_self(self) -> None:
        self.setVisible(self.same_matter is not None or bool(self._codes))

    def _toggle_link(self) -> None:
        self.linked = not self.linked
        self._show_offer()
        self.link_toggled.emit(self.linked)

    def _dismiss(self) -> None:
        if self.same_matter is not None:
            case_id = self.same_matter.case_id
            self.same_matter = None
            self._show_offer()
            self.dismissed.emit(case_id)


class IntakeHintsController(QObject):
    """Wires the panel to the form and to the worker's IntakeHints."""

    def __init__(self, window, panel: IntakeHintsPanel, pause_ms: int = PAUSE_MS) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self._hints: IntakeHints | None = None  # touched only inside operations (the worker)
        self._ready = False
        self._asked = 0
        self._dismissed: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(pause_ms)
        self.timer.timeout.connect(self.ask)
        form = window.form
        for name in ("description", "community", "category"):
            if name in form.fields:
                form.fields[name].changed.connect(self.timer.start)
        panel.category_chosen.connect(self._choose_category)
        panel.dismissed.connect(self._dismiss)
        window.case_saved.connect(self._saved)

    @property
    def follows(self) -> str | None:
        """The earlier case the petition being typed follows, when the volunteer linked it."""
        m = self.panel.same_matter
        return m.case_id if m is not None and self.panel.linked else None

    def start(self) -> None:
        def build(desk: ReceptionDesk) -> bool:
            self._hints = IntakeHints(desk)
            return self._hints.build_step()

        self._submit(build, done=self._built_page)

    def _built_page(self, more: bool) -> None:
        if more:
            # One page per operation: the volunteer's own operations run in between.
            self._submit(lambda _desk: self._hints.build_step(), done=self._built_page)
        else:
            self._ready = True
            self.ask()

    def ask(self) -> None:
        if not self._ready:
            return
        form = self.window.form
        values = form.values()
        text = str(values.get("description") or "")
        if not text.strip():
            self._asked += 1
            self.panel.clear()  # a cleared form (next resident) drops the offer and any link
            return
        community = str(values.get("community") or "")
        editing = self.window._editing_case_id
        want_categories = not str(values.get("category") or "")
        self._asked += 1
        asked = self._asked

        def work(_desk: ReceptionDesk) -> Hints:
            return self._hints.ask(text, community, editing)

        def done(hints: Hints) -> None:
            if asked == self._asked:  # typing went on meanwhile: a newer answer is coming
                offer = editing is None and (hints.same_matter is None
                                             or hints.same_matter.case_id not in self._dismissed)
                self.panel.show_hints(hints, want_categories, offer)
                # The panel took room from the form: keep the field being typed in view.
                focused = QApplication.focusWidget()
                if focused is not None and self.window.form.isAncestorOf(focused):
                    QTimer.singleShot(0, lambda: self.window._show_focused(focused))

        self._submit(work, done=done, what="intake_hints_ask")

    def _submit(self, work, *, done=None, what: str = "intake_hints") -> None:
        # The window may be closing: a pending pause timer or the next page of the index must not
        # queue work on a worker that has stopped (it would raise inside Qt's event loop).
        if not self.window.operations.accepting:
            self.timer.stop()
            return
        self.window.operations.submit(work, what=what, done=done)

    def _choose_category(self, code: str) -> None:
        field = self.window.form.fields.get("category")
        if field is not None:
            field.set_value(code)
            field.changed.emit()  # the category's default urgency and the draft, as when picked
            self.window.form.focus_field("category")

    def _dismiss(self, case_id: str) -> None:
        self._dismissed.add(case_id)

    def reset(self) -> None:
        """The next resident: no offer, no link, nothing dismissed; an answer still on its way is dropped."""
        self._asked += 1
        self.timer.stop()
        self._dismissed.clear()
        self.panel.clear()

    def _saved(self, case_id: str) -> None:
        self.reset()
        if self._ready:
            def learn(_desk: ReceptionDesk) -> None:
                self._hints.refresh()
                self._hints.forget(case_id)  # a corrected case is indexed with its new words

            self._submit(learn)
