"""The desk's main window: tonight's session on top, the intake form left, tonight's list right.

Every database call goes through ``self.operations`` (one worker thread); this module only turns
what the volunteer does into operations and their results into what the window shows.

Hooks for other features (printing, sync):
- ``add_action(action, menu="case", toolbar=True)`` puts a QAction in a menu and on the main
  toolbar (``self.main_toolbar``); menus are ``self.menus["session" | "case" | "settings"]``.
- ``selected_case_id()`` — the case selected in tonight's list (or None);
  ``last_saved_case_id`` — the case recorded or corrected last; signals ``case_saved(str)`` and
  ``selection_changed(object)`` say when either changes.
- ``operations.submit(work, what=..., done=..., changes={...})`` runs ``work(desk)`` on the worker;
  ``refresh(topics)`` reloads parts of the window (topics from desktop.operations).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from composition.services import Services
from desktop import leader_gate
from desktop.i18n import local
from desktop.operations import CASES, DEVICE, OUTBOX, SESSION, Operations
from desktop.intake_hints_panel import IntakeHintsController, IntakeHintsPanel
from desktop.report_dialog import ReportActions
from desktop.widgets import theme
from desktop.widgets.banners import MessageBar
from desktop.widgets.case_texts import CaseTexts
from desktop.widgets.desk_body import COMPACT, DeskBody, layout_for
from desktop.widgets.cases_table import CasesModel, CasesView
from desktop.widgets.dialogs import AmendDialog, ChoiceMessage, OpenSessionDialog, PrefixDialog, VoidDialog
from desktop.widgets.intake_form import IntakeForm
from desktop.widgets.saved_code import SavedCodePanel
from desktop.widgets.session_bar import HOUSEHOLDS, SessionBar
from reception import clock, device_setup, leader_actions, phones
from reception.cases import Case, PhotoInput
from reception.desk import INTAKE_DRAFT, ReceptionDesk
from reception.errors import DeskError, ValidationFailed
from reception.sessions import Session
from sync.night_summary import NightSyncSummary, night_summary

AUTOSAVE_MS = 400
RECENT_LIMIT = 200
LIGHTS_RETIME_MS = 60_000
ENDED_TONIGHT = timedelta(hours=12)
_SHORTCUT_SUFFIX = re.compile(r"\s*\((Ctrl|Alt|Shift|F\d)[^)]*\)$")
ALL_TOPICS = frozenset({SESSION, CASES, DEVICE, OUTBOX})


def case_to_form_values(case: Case, photos: list[PhotoInput]) -> dict[str, Any]:
    """A stored case as the intake form's raw values (the inverse of validation)."""
    return {
        "category": case.category_code,
        "description": case.description,
        "anonymous": case.anonymous,
        "resident_name": case.resident_name,
        "phone": phones.national(case.phone) if case.phone else "",
        "community": case.community,
        "address": case.address,
        "urgency": case.urgency.value,
        "outcome": case.outcome.value,
        "outcome_note": case.outcome_note,
        "receptionist": case.receptionist,
        "photos": photos,
        "consent": case.consent,  # given when it was recorded; a correction does not ask again
        "id_number": case.id_number,
    }


def _load_case_for_edit(case_id: str) -> Callable[[ReceptionDesk], tuple[Case, list[PhotoInput], bool]]:
    def work(desk: ReceptionDesk) -> tuple[Case, list[PhotoInput], bool]:
        case = desk.case(case_id)
        if not desk.can_edit(case_id):
            return case, [], False  # amended, not edited: no need to read its photos
        photos = [
            PhotoInput(desk.photo_data(p.id), p.sha256, p.mime, p.width, p.height) for p in case.photos
        ]
        return case, photos, True

    return work


def _ended_tonight(desk: ReceptionDesk) -> Session | None:
    """The session closed in the last hours (a night may end after midnight), if any."""
    recent = desk.recent_sessions(1)
    last = recent[0] if recent else None
    if last is None or last.closed_at is None or desk.now() - last.closed_at > ENDED_TONIGHT:
        return None
    return last


class MainWindow(QMainWindow):
    case_saved = Signal(str)  # id of the case just recorded or corrected
    selection_changed = Signal(object)  # id of the case selected in the list, or None
    ready = Signal()  # the first state (session, list, draft) has been loaded and shown
    state_loaded = Signal()  # after every reload of the list

    def __init__(self, services: Services, operations: Operations, *,
                 now: Callable[[], datetime] = clock.now, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self.definition = services.loaded_form.form
        self._now = now
        self.session: Session | None = None
        self._ended_session: Session | None = None  # tonight's, once closed: its counts stay shown
        self.last_saved_case_id: str | None = None
        self._editing_case_id: str | None = None
        self._stashed_new_case: dict[str, Any] | None = None
        self._saving = False
        self._draft_stored = False
        self._is_ready = False
        self._select_after_load: str | None = None
        self._device = ("", False)
        self._home_community = ""  # the setup wizard's 所属社区: where this laptop's stall is
        self._prefilled_community = ""
        self._short_toolbar = False
        self._closed = False
        self.follows: Case | None = None  # the earlier case the next petition follows

        self.setObjectName("mainWindow")
        self.resize(1366, 768)
        self.setMinimumSize(1024, 640)

        self._build_menus_and_toolbar()
        self._build_central()
        self._build_status_bar()
        self._pending: int | None = None
        self.retranslate_ui()

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self._save_draft)
        self._retime = QTimer(self)
        self._retime.setInterval(LIGHTS_RETIME_MS)
        self._retime.timeout.connect(self.cases_model.retime)
        self._retime.start()

        operations.changed.connect(self.refresh)
        operations.error.connect(self.show_error)
        operations.busy_changed.connect(self._busy_changed)
        self.hints = IntakeHintsController(self, self.hints_panel)
        self.hints_panel.link_toggled.connect(lambda _linked: self._form_edited())  # the draft keeps the link
        self._load_initial_state()

    # --- construction ----------------------------------------------------------------------------

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {
            "session": bar.addMenu(""),
            "case": bar.addMenu(""),
            "settings": bar.addMenu(""),
        }
        self.main_toolbar = QToolBar(self)
        self.main_toolbar.setObjectName("mainToolbar")
        self.main_toolbar.setMovable(False)
        self.main_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.main_toolbar)

        def action(name: str, slot, shortcut: str | None = None) -> QAction:
            act = QAction(self)
            act.setObjectName(name)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.open_session_action = action("openSessionAction", self.open_session_dialog)
        self.close_session_action = action("closeSessionAction", self.confirm_close_session)
        self.menus["session"].addActions([self.open_session_action, self.close_session_action])
        self.reports = ReportActions(self, self.operations.submit, lambda: clock.local(self._now()).date())
        self.menus["session"].addSeparator()
        self.menus["session"].addActions([self.reports.night_action, self.reports.range_action,
                                           self.reports.topics_action])

        self.new_case_action = action("newCaseAction", self.new_case, "Ctrl+N")
        self.save_case_action = action("saveCaseAction", self.save)
        self.edit_case_action = action("editCaseAction", self.edit_selected)
        self.void_case_action = action("voidCaseAction", self.void_selected)
        self.focus_list_action = action("focusListAction", self.focus_list, "Ctrl+L")
        for act in (self.new_case_action, self.save_case_action, self.edit_case_action,
                    self.void_case_action, self.focus_list_action):
            self.menus["case"].addAction(act)
        for act in (self.new_case_action, self.save_case_action, self.edit_case_action, self.void_case_action):
            self.main_toolbar.addAction(act)
        self.main_toolbar.addSeparator()

        self.prefix_action = action("prefixAction", self.open_prefix_dialog)
        self.menus["settings"].addAction(self.prefix_action)

    def add_action(self, action: QAction, menu: str = "case", toolbar: bool = True) -> None:
        """Add a feature's action (打印, 同步, …) to a menu and to the main toolbar."""
        self.menus[menu].addAction(action)
        if toolbar:
            self.main_toolbar.addAction(action)
            self._fit_toolbar(self._short_toolbar)

    def _build_central(self) -> None:
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(8, 6, 8, 4)
        column.setSpacing(5)

        self.session_bar = SessionBar(definition=self.definition)
        self.session_bar.count_requested.connect(self.count)
        self.session_bar.open_requested.connect(self.open_session_dialog)
        self.session_bar.close_requested.connect(self.confirm_close_session)
        column.addWidget(self.session_bar)

        self.form_problems_bar = MessageBar("warning", "formProblemsBar")
        self.no_session_bar = MessageBar("warning", "noSessionBar", closable=False)
        self.no_session_bar.set_action("", self.open_session_dialog)
        self.draft_bar = MessageBar("editing", "draftBar")
        self.error_bar = MessageBar("error-bar", "errorBar")
        # 登记续诉: the next petition follows an earlier case (a returning resident, same matter).
        self.follow_bar = MessageBar("editing", "followBar", closable=False)
        self.follow_bar.set_action("", lambda: self.start_follow_up(None))
        for bar in (self.form_problems_bar, self.no_session_bar, self.draft_bar, self.follow_bar, self.error_bar):
            column.addWidget(bar)

        self.form = IntakeForm(self.definition)
        self.form.edited.connect(self._form_edited)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.cancel_edit)
        self.form.new_requested.connect(self.confirm_clear_form)
        self.form.focus_wanted.connect(lambda: self.body.show_form())
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(self.form)
        # Normally the form fits its column; with large text a long checkbox line may not, and
        # then a scroll bar beats cutting it off (the focused field is scrolled into view).
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(0)
        left_column.addWidget(self.form_scroll, 1)
        self.hints_panel = IntakeHintsPanel(self.definition.taxonomy)
        left_column.addWidget(self.hints_panel)
        left_column.addWidget(self.form.footer)

        self.case_texts = CaseTexts(self.definition)
        self.saved_panel = SavedCodePanel(self.definition)
        self.list_panel = QWidget()
        self.list_panel.setObjectName("listPanel")
        right_column = QVBoxLayout(self.list_panel)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(5)
        self.list_caption = QLabel()
        self.list_caption.setObjectName("listCaption")
        font = self.list_caption.font()
        font.setBold(True)
        self.list_caption.setFont(font)
        right_column.addWidget(self.list_caption)
        self.cases_model = CasesModel(self.definition.deadlines.warn_fraction, now=self._now, parent=self,
                                      texts=self.case_texts)
        self.cases_view = CasesView(self.cases_model)
        self.cases_view.open_requested.connect(self.open_case)
        self.cases_view.void_requested.connect(self.void_case)
        self.cases_view.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_case_id())
        )
        right_column.addWidget(self.cases_view, 1)
        buttons = QHBoxLayout()
        self.list_hint = QLabel()
        self.list_hint.setProperty("role", "muted")
        self.list_hint.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.void_button = QPushButton()
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(self.void_selected)
        buttons.addWidget(self.list_hint, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.void_button)
        right_column.addLayout(buttons)
        # Side by side, or at 200 % text the list in a tab beside the form (desk_body.py).
        self.body = DeskBody(left, self.saved_panel, self.list_panel)
        self.splitter = self.body.splitter
        column.addWidget(self.body, 1)
        self.setCentralWidget(central)
        self.form.chain_tab_order()
        QApplication.instance().focusChanged.connect(self._keep_focus_visible)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        self.prefix_label = QLabel()
        self.prefix_label.setObjectName("prefixLabel")
        status.addWidget(self.busy_label, 1)
        status.addPermanentWidget(self.pending_label)
        status.addPermanentWidget(self.prefix_label)

    def fit_text_scale(self, percent: int) -> None:
        """With large text the form needs the room more than tonight's list does; at 200 % the
        two no longer fit side by side, and the list moves to a tab of its own."""
        mode = layout_for(percent, self.screen().availableGeometry().height())
        self.body.arrange(mode)
        self.body.share(0.55 if percent < 150 else 0.68)
        compact = mode == COMPACT
        self.session_bar.set_compact(compact)
        # In a tab of its own the list is named by its tab, and the keys are in the tooltip.
        # In a tab of its own the list is named by its tab; its buttons are on the toolbar too
        # (修改所选, 作废所选) and its keys in its tooltip.
        for widget in (self.list_caption, self.list_hint, self.edit_button, self.void_button):
            widget.setVisible(not compact)
        self.cases_view.setToolTip(self.list_hint.text() if compact else "")
        self._fit_toolbar(compact)
        self._show_list_caption()

    def _fit_toolbar(self, compact: bool) -> None:
        """With large text the toolbar's buttons drop their "(Ctrl+P)": all of them then fit in
        the width, none hides behind the overflow arrow. The keys stay in the menus."""
        self._short_toolbar = compact
        for act in self.main_toolbar.actions():
            if not act.isSeparator():
                act.setIconText(_SHORTCUT_SUFFIX.sub("", act.text()) if compact else "")
        # New case and Save case are on screen already (the form's tab, its Save button): their
        # room goes to the others, which would otherwise hide behind the overflow arrow.
        on_toolbar = self.new_case_action in self.main_toolbar.actions()
        if compact and on_toolbar:
            for act in (self.new_case_action, self.save_case_action):
                self.main_toolbar.removeAction(act)  # still in the 诉求 menu, Ctrl+N still works
        elif not compact and not on_toolbar:
            first = self.main_toolbar.actions()[0] if self.main_toolbar.actions() else None
            self.main_toolbar.insertActions(first, [self.new_case_action, self.save_case_action])

    @property
    def layout_mode(self) -> str:
        return self.body.mode

    def show_on_screen(self) -> None:
        """Open as a desk should on a small laptop: maximised within the screen's room (the
        title bar and taskbar take some of its 768 pixels); restored, it still fits."""
        room = self.screen().availableGeometry()
        self.resize(min(1366, room.width()), min(768, room.height()))
        self.showMaximized()

    def retranslate_ui(self) -> None:
        """Every text of the window in the current language (at start and after 设置 → 语言)."""
        # The street; the window manager adds the desk's name (the application's display name).
        self.setWindowTitle(local(self.definition.street))
        self.menus["session"].setTitle(self.tr("夜话(&S)"))
        self.menus["case"].setTitle(self.tr("诉求(&C)"))
        self.menus["settings"].setTitle(self.tr("设置(&T)"))
        self.main_toolbar.setWindowTitle(self.tr("主工具栏"))
        for act, text in (
            (self.open_session_action, self.tr("开始夜话…")),
            (self.close_session_action, self.tr("结束夜话…")),
            (self.new_case_action, self.tr("新登记")),
            (self.save_case_action, self.tr("保存登记 (Ctrl+Enter)")),
            (self.edit_case_action, self.tr("修改所选")),
            (self.void_case_action, self.tr("作废所选…")),
            (self.focus_list_action, self.tr("转到诉求列表")),
            (self.prefix_action, self.tr("本机编号…")),
        ):
            act.setText(text)
        self.reports.retranslate_ui()
        self.no_session_bar.action.setText(self.tr("开始夜话"))
        self.list_hint.setText(self.tr("回车或双击：修改　Delete：作废"))
        self.edit_button.setText(self.tr("修改"))
        self.void_button.setText(self.tr("作废…"))
        self._show_form_problems()
        self._show_follow_bar()
        if self._is_ready:
            self._show_session_texts()
            self._show_list_caption()
            self._show_device()
            self._show_pending()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            # Once every feature has given its actions their new texts.
            # The window as context: a language switched just before the window is deleted
            # (a test's teardown, a closing desk) drops the call instead of reaching a dead widget.
            QTimer.singleShot(0, self, lambda: self._fit_toolbar(self._short_toolbar))
        super().changeEvent(event)

    def _keep_focus_visible(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.form.isAncestorOf(new):
            self._show_focused(new)
            # Once Qt is done (a scroll bar may appear; Tab centres a field wider than the view),
            # look again.
            QTimer.singleShot(0, self, lambda: self._show_focused(new))

    def _show_focused(self, widget: QWidget) -> None:
        """Scroll the form so the whole height of the focused field shows, and where its text
        begins (Qt's ensureWidgetVisible keeps only the text cursor in view, and centres a field
        wider than the view)."""
        if self._closed or not widget.hasFocus() or not self.form.isAncestorOf(widget):
            return
        view = self.form_scroll.viewport().size()
        at = widget.mapTo(self.form, QPoint(0, 0))
        # Vertically the whole row of the field shows (a checkbox's wrapped text, the category's
        # department), not only the widget with the keyboard.
        row = widget
        while row.parentWidget() is not None and row.parentWidget() is not self.form:
            row = row.parentWidget()
        top, height = row.mapTo(self.form, QPoint(0, 0)).y(), row.height()
        vbar, hbar = self.form_scroll.verticalScrollBar(), self.form_scroll.horizontalScrollBar()
        # Some air above and below the row, less when the view is barely taller than the row.
        x_margin, y_margin = 10, min(30, max(0, (view.height() - height) // 2))
        if top - y_margin < vbar.value() or height + 2 * y_margin > view.height():
            vbar.setValue(top - y_margin)
        elif top + height + y_margin > vbar.value() + view.height():
            vbar.setValue(top + height + y_margin - view.height())
        if at.x() + min(widget.width(), view.width() // 2) + x_margin <= view.width():
            # The field's label and the start of the field (at least half the view) both show.
            hbar.setValue(0)
        elif widget.width() + 2 * x_margin > view.width():
            hbar.setValue(at.x() - x_margin)
        elif at.x() - x_margin < hbar.value():
            hbar.setValue(at.x() - x_margin)
        elif at.x() + widget.width() + x_margin > hbar.value() + view.width():
            hbar.setValue(at.x() + widget.width() + x_margin - view.width())

    # --- state from the database -----------------------------------------------------------------

    def _load_initial_state(self) -> None:
        def work(desk: ReceptionDesk) -> dict[str, Any]:
            state = self._read_state(desk, ALL_TOPICS)
            state["draft"] = desk.load_draft(INTAKE_DRAFT)
            state["draft_follows"] = desk.draft_follows(INTAKE_DRAFT)
            return state

        self.operations.submit(work, what="load_state", done=self._initial_state_loaded)

    def _load_helpers(self) -> None:
        """What the first screen does without: the category search's index and the intake hints'
        (a few hundred ms of Python on the worker at 100,000 cases). Queued once the window is
        ready, so that they do not take the interpreter from the UI thread while it lays out and
        paints the window, nor delay tonight's list."""
        if not self.operations.accepting:
            return  # closed as soon as it was ready
        taxonomy = self.definition.taxonomy

        def build_index(_desk: ReceptionDesk):
            # Imported here, on the worker: loading pypinyin's dictionaries need not delay the window.
            from reception.category_search import CategoryIndex

            return CategoryIndex(taxonomy)

        self.operations.submit(build_index, what="category_index", done=self.form.set_category_index)
        self.hints.start()

    def refresh(self, topics: Iterable[str]) -> None:
        """Reload the parts of the window that an operation changed."""
        topics = frozenset(topics)
        self.operations.submit(lambda desk: self._read_state(desk, topics), what="refresh", done=self._show_state)

    @staticmethod
    def _read_state(desk: ReceptionDesk, topics: frozenset[str]) -> dict[str, Any]:
        state: dict[str, Any] = {}
        if topics & {SESSION, CASES}:
            session = desk.current_session()
            state["session"] = session
            state["ended"] = None if session is not None else _ended_tonight(desk)
            if CASES in topics:
                state["cases"] = desk.session_cases(session.id) if session else desk.recent_cases(RECENT_LIMIT)
        if DEVICE in topics:
            state["device"] = (desk.device_prefix, desk.prefix_is_provisional)
            state["community"] = device_setup.community(desk.db)
        if topics & {OUTBOX, CASES}:
            state["pending"] = desk.pending_sync_count()
        return state

    def _initial_state_loaded(self, state: dict[str, Any]) -> None:
        self._show_state(state)
        draft = state.get("draft")
        if draft is not None:
            self.form.load(draft)
            self._draft_stored = True
            if state.get("draft_follows") is not None:
                self.start_follow_up(state["draft_follows"])
            self.draft_bar.show_message(
                self.tr("已恢复上次未保存的登记：请核对后保存，或点「清空，换下一位」放弃。")
            )
        self.form.focus_first()
        self._is_ready = True
        self.ready.emit()
        self._load_helpers()

    def _show_state(self, state: dict[str, Any]) -> None:
        if "community" in state:
            self._home_community = state["community"]
        if "session" in state:
            self.session = state["session"]
            self._ended_session = state.get("ended")
            self.session_bar.show_session(self.session or self._ended_session)
            self.open_session_action.setEnabled(self.session is None)
            self.close_session_action.setEnabled(self.session is not None)
            self._show_session_texts()
            if self.session is not None:
                self.form.set_team([m.name for m in self.session.team])
        if "session" in state or "community" in state:
            # Tonight's community, else the one the laptop was set up for: most residents at the
            # stall live there (a volunteer changes it for the others).
            community = self.session.community if self.session is not None else self._home_community
            self._prefill_community(community)
        if "cases" in state:
            selected = self._select_after_load or self.selected_case_id()
            self.cases_model.set_cases(state["cases"])
            if selected:
                self.cases_view.select_case(selected)
            self._select_after_load = None
            self._show_list_caption()
        if "device" in state:
            self._device = state["device"]
            self._show_device()
        if "pending" in state:
            self._pending = state["pending"]
            self._show_pending()
        if "cases" in state:
            self.state_loaded.emit()

    def _prefill_community(self, community: str) -> None:
        """Put ``community`` in the form unless the volunteer chose another one there."""
        field = self.form.fields.get("community")
        if field is None or not community or field.value() not in ("", self._prefilled_community):
            return
        self.form.load({"community": community})  # a default, not an edit: no draft is saved
        self._prefilled_community = community

    def _show_session_texts(self) -> None:
        self.session_bar.show_session(self.session or self._ended_session)
        ended = self._ended_session
        if self.session is None and ended is not None:
            self.no_session_bar.show_message(
                self.tr("{venue} 的夜话已于 {time} 结束，统计数已冻结。之后登记的诉求不计入这场夜话；"
                        "还要接待，请组长点「开始夜话」开一场新的。").format(
                    venue=ended.venue, time=clock.local_text(ended.closed_at, with_date=False))
            )
        elif self.session is None:
            self.no_session_bar.show_message(
                self.tr("今晚的夜话还没开始：请组长点「开始夜话」，登记日期、地点和接访团。"
                        "现在也可以先登记诉求（不计入任何一场夜话），右侧列出最近登记的诉求。")
            )
        else:
            self.no_session_bar.hide()

    def _show_list_caption(self) -> None:
        count = self.cases_model.rowCount()
        if self.session is not None:
            caption = self.tr("今晚的诉求（{n} 条）").format(n=count)
        elif self._ended_session is not None:
            caption = self.tr("最近登记的诉求（{n} 条，今晚的夜话已结束）").format(n=count)
        else:
            caption = self.tr("最近登记的诉求（{n} 条，未开始夜话）").format(n=count)
        self.list_caption.setText(caption)
        self.body.set_tab_texts(self.tr("登记  Ctrl+N"), self.tr("诉求列表（{n} 条）  Ctrl+L").format(n=count))

    def _show_pending(self) -> None:
        if self._pending is not None:
            self.pending_label.setText(self.tr("待同步 {n} 项").format(n=self._pending))

    def _show_device(self) -> None:
        prefix, provisional = self._device
        if prefix:
            if provisional:
                self.prefix_label.setText(
                    self.tr("本机编号 {prefix}（临时）：请在「设置 → 本机编号」填写街道分配的编号").format(prefix=prefix)
                )
                self.prefix_label.setProperty("role", "error")
            else:
                self.prefix_label.setText(self.tr("本机编号 {prefix}").format(prefix=prefix))
                self.prefix_label.setProperty("role", "muted")
            self.prefix_label.style().unpolish(self.prefix_label)
            self.prefix_label.style().polish(self.prefix_label)

    def _show_form_problems(self) -> None:
        problems = self.services.loaded_form.problems
        if problems:
            lines = [self.tr("登记表定义文件有误，已改用上一个可用的版本：")]
            lines += [f"• {problem}" for problem in problems]
            self.form_problems_bar.show_message("\n".join(lines))

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    # --- errors and busy state -------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error_bar.show_message(message)

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("正在处理…") if busy else "")

    # --- the selection ---------------------------------------------------------------------------

    def selected_case_id(self) -> str | None:
        return self.cases_view.selected_case_id()

    def focus_list(self) -> None:
        self.body.show_list()
        self.cases_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.selected_case_id() is None and self.cases_model.rowCount() > 0:
            self.cases_view.selectRow(0)

    # --- recording and correcting cases ----------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        raw = self.form.values()
        self._autosave.stop()
        self._saving = True
        self.form.set_saving(True)
        self.form.setEnabled(False)
        editing = self._editing_case_id
        if editing:
            self.operations.submit(
                lambda desk: desk.edit_case(editing, raw), what="edit_case",
                done=lambda case: self._saved(case, edited=True), failed=self._save_failed,
                changes={SESSION, CASES, OUTBOX},
            )
        else:
            # 登记续诉 from a found case, else the similar open case the volunteer linked, if any.
            follows = self.follows.id if self.follows is not None else self.hints.follows
            self.operations.submit(
                lambda desk: desk.record_case(raw, discard_draft=INTAKE_DRAFT, follows=follows), what="record_case",
                done=lambda case: self._saved(case, edited=False), failed=self._save_failed,
                changes={SESSION, CASES, OUTBOX},
            )

    def _end_saving(self) -> None:
        self._saving = False
        self.form.setEnabled(True)
        self.form.set_saving(False)

    def _saved(self, case: Case, edited: bool) -> None:
        self._end_saving()
        self.error_bar.hide()
        self.draft_bar.hide()
        if edited:
            self._leave_edit_mode()
        else:
            self._draft_stored = False
            self.form.clear_for_next()
            self.start_follow_up(None)
        self.saved_panel.show_case(case, edited=edited)
        self.last_saved_case_id = case.id
        self._select_after_load = case.id
        self.form.focus_first()
        self.case_saved.emit(case.id)

    def _save_failed(self, error: DeskError) -> None:
        self._end_saving()
        if isinstance(error, ValidationFailed):
            self.form.show_errors(error.errors)
        else:
            self.show_error(str(error))
            self.form.focus_first()
        if not self._editing_case_id:
            # The typed case is still only a draft: keep it safe.
            self._autosave.start()

    def start_follow_up(self, case: Case | None) -> None:
        """The next petition recorded follows ``case`` (None: an unrelated one); the slip says so."""
        if case is not None and self._editing_case_id:
            self.cancel_edit()
        self.follows = case
        self._show_follow_bar()
        if self._is_ready and not self._saving:
            self._autosave.start()  # the link is part of the draft: a crash must not lose it
        if case is not None:
            self.form.focus_first()

    def _show_follow_bar(self) -> None:
        if self.follows is None:
            self.follow_bar.hide()
            return
        self.follow_bar.action.setText(self.tr("不接续"))
        self.follow_bar.show_message(
            self.tr("正在登记的新诉求接续前次诉求 {code}（{category}）：保存后凭条上注明。").format(
                code=self.follows.tracking_code, category=self.follows.category_name)
        )

    def new_case(self) -> None:
        if self._editing_case_id:
            self.cancel_edit()
        else:
            self.form.focus_first()

    def confirm_clear_form(self) -> None:
        if self.form.is_blank():
            # Nothing typed to lose, but a link left from 登记续诉 or the hints would tie the
            # next resident's petition to someone else's case.
            if self.follows is not None or self.hints.follows is not None:
                self._clear_form()
            self.form.focus_first()
            return
        dialog = ChoiceMessage(
            self.tr("清空登记表"),
            self.tr("清空后，表中已填写的内容（未保存）将丢弃。确定清空、换下一位居民吗？"),
            [("clear", self.tr("清空")), ("keep", self.tr("不清空"))],
            "confirmClear",
            self,
        )
        dialog.chosen.connect(lambda key: self._clear_form() if key == "clear" else self.form.focus_first())
        dialog.open()

    def _clear_form(self) -> None:
        self._autosave.stop()
        self.form.clear_for_next()
        # The next resident's petition follows nothing: drop 登记续诉's link and the hints' one.
        self.follows = None
        self._show_follow_bar()
        self.hints.reset()
        self.draft_bar.hide()
        if self._draft_stored:
            self._draft_stored = False
            self.operations.submit(lambda desk: desk.discard_draft(INTAKE_DRAFT), what="discard_draft")
        self.form.focus_first()

    # --- editing from the list -------------------------------------------------------------------

    def edit_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id:
            self.open_case(case_id)
        else:
            self.show_error(self.tr("请先在右侧列表中选中一条诉求"))

    def open_case(self, case_id: str) -> None:
        """Load a stored case into the form, in edit mode (until it is synced or voided)."""
        self.operations.submit(_load_case_for_edit(case_id), what="load_case", done=self._case_loaded)

    def _case_loaded(self, loaded: tuple[Case, list[PhotoInput], bool]) -> None:
        case, photos, editable = loaded
        if case.is_voided:
            self.show_error(self.tr("{code} 已作废，不能修改").format(code=case.tracking_code))
            return
        if not editable:
            # Synced, or its upload began: the platform may hold it, so no edit in place.
            self.amend_case(case)
            return
        if self._editing_case_id is None:
            # Keep the half-typed new case (its draft is saved too) to bring it back afterwards.
            self._flush_draft()
            self._stashed_new_case = self.form.values()
        self._editing_case_id = case.id
        self.form.clear_errors()
        self.form.load(case_to_form_values(case, photos))
        self.form.set_editing(case.tracking_code)
        # A blue frame round the whole form while a stored case is being corrected.
        self.form_scroll.setStyleSheet(f"QScrollArea#formScroll {{ border: 3px solid {theme.ACCENT}; }}")
        self.draft_bar.hide()
        self.form.focus_first()

    def cancel_edit(self) -> None:
        if self._editing_case_id is None:
            return
        self._leave_edit_mode()
        self.form.focus_first()

    def _leave_edit_mode(self) -> None:
        self._editing_case_id = None
        self.form.set_editing(None)
        self.form_scroll.setStyleSheet("")
        self.form.clear_errors()
        stashed, self._stashed_new_case = self._stashed_new_case, None
        if stashed is not None:
            self.form.clear_for_next()
            self.form.load(stashed)
        else:
            self.form.clear_for_next()

    @property
    def editing_case_id(self) -> str | None:
        return self._editing_case_id

    # --- voiding ---------------------------------------------------------------------------------

    def void_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id:
            self.void_case(case_id)
        else:
            self.show_error(self.tr("请先在右侧列表中选中要作废的诉求"))

    def void_case(self, case_id: str) -> None:
        row = self.cases_model.row_of(case_id)
        case = self.cases_model.case_at(row)
        if case is None:
            return
        if case.is_voided:
            self.show_error(self.tr("{code} 已经作废").format(code=case.tracking_code))
            return
        if not leader_gate.allowed(self, "void", lambda: self.void_case(case_id)):
            return
        dialog = VoidDialog(case, self, category=self.case_texts.category(case))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        access = self.services.access

        def submit(reason: str) -> None:
            self.operations.submit(
                lambda _desk: leader_actions.void_case(access, case_id, reason), what="void_case",
                done=lambda voided: self._voided(dialog, voided),
                failed=lambda error: self._dialog_failed(dialog, error),
                changes={SESSION, CASES, OUTBOX},
            )

        dialog.submitted.connect(submit)
        leader_gate.done_when_closed(self, dialog)
        dialog.open()

    def amend_case(self, case: Case) -> None:
        self.operations.submit(lambda desk: desk.amendments(case.id), what="load_amendments",
                               done=lambda amendments: self._open_amend_dialog(case, amendments))

    def _open_amend_dialog(self, case: Case, amendments: list[dict]) -> None:
        # The last correction refused by the platform, unless a later one answers it already.
        refused = amendments[-1] if amendments and amendments[-1]["refused"] else None
        dialog = AmendDialog(case, self, category=self.case_texts.category(case), refused=refused)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        field = self.form.fields.get("receptionist")
        receptionist = field.value() if field is not None else ""

        def submit(note: str) -> None:
            self.operations.submit(
                lambda desk: desk.amend_case(case.id, note, receptionist), what="amend_case",
                done=lambda amended: self._amended(dialog, amended),
                failed=lambda error: self._dialog_failed(dialog, error),
                changes={CASES, OUTBOX},
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def _amended(self, dialog: AmendDialog, case: Case) -> None:
        dialog.accept()
        self.statusBar().showMessage(
            self.tr("{code} 的更正已记下，下次同步时发送到平台").format(code=case.tracking_code), 8000
        )
        self.cases_view.setFocus()

    def _voided(self, dialog: VoidDialog, case: Case) -> None:
        dialog.accept()
        self._select_after_load = case.id
        if self._editing_case_id == case.id:
            self._leave_edit_mode()
        self.cases_view.setFocus()

    @staticmethod
    def _dialog_failed(dialog, error: DeskError) -> None:
        if isinstance(error, ValidationFailed):
            dialog.show_errors(error.errors)
        else:
            dialog.show_message(str(error))

    # --- tonight's session -----------------------------------------------------------------------

    def open_session_dialog(self) -> None:
        if self.session is not None:
            return
        today = clock.local(self._now()).date()
        typed = self.form.fields["community"].value() if "community" in self.form.fields else ""
        community = self._home_community or typed
        dialog = OpenSessionDialog(self.definition.communities, today, community, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def submit(values: dict[str, Any]) -> None:
            self.operations.submit(
                lambda desk: desk.open_session(**values), what="open_session",
                done=lambda _session: dialog.accept(),
                failed=lambda error: self._dialog_failed(dialog, error),
                changes={SESSION, CASES},
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def confirm_close_session(self) -> None:
        if self.session is None:
            return
        dialog = ChoiceMessage(
            self.tr("结束夜话"),
            self.tr("结束今晚的夜话？\n结束后接待人次、走访家数和诉求数将冻结，不能再计数。"
                    "之后登记的诉求不计入这场夜话。"),
            [("close", self.tr("结束夜话")), ("keep", self.tr("继续接待"))],
            "confirmCloseSession",
            self,
        )
        dialog.chosen.connect(lambda key: self._close_session() if key == "close" else None)
        dialog.open()

    def _close_session(self) -> None:
        def work(desk: ReceptionDesk) -> tuple[Session, NightSyncSummary]:
            session = desk.close_session()
            return session, night_summary(desk, session.id)

        self.operations.submit(work, what="close_session", done=self._session_closed, changes={SESSION, CASES})

    def _session_closed(self, closed: tuple[Session, NightSyncSummary]) -> None:
        session, sync = closed
        c = session.counts
        text = self.tr(
            "{date} {venue} 的夜话已结束，统计数已冻结：\n\n"
            "接待人次　{visitors}\n走访家数　{households}\n收集诉求　{petitions} 条"
            "（当场解决 {solved}，转平台办理 {forwarded}，解释说明 {explained}）\n作废　{voided} 条"
        ).format(
            date=session.date, venue=session.venue, visitors=c.visitors, households=c.household_visits,
            petitions=c.petitions, solved=c.solved_on_spot, forwarded=c.forwarded,
            explained=c.explained, voided=c.voided,
        )
        text += "\n\n" + self.tr("同步到街道平台：已同步 {synced} 条，等待同步 {waiting} 条，搁置 {aside} 条").format(
            synced=sync.synced, waiting=sync.waiting, aside=len(sync.set_aside)
        )
        for code, reason in sync.set_aside:
            text += "\n" + self.tr("　搁置 {code}：{reason}").format(code=code, reason=reason)
        if sync.waiting:
            text += "\n" + self.tr("请队长按“同步”把等待的诉求送到平台。")
        dialog = ChoiceMessage(self.tr("夜话已结束"), text,
                               [("report", self.tr("当晚报表：打印或保存…")), ("ok", self.tr("知道了"))],
                               "sessionSummary", self)
        dialog.chosen.connect(lambda key: self.reports.show_night(session.id) if key == "report" else None)
        dialog.open()

    def count(self, which: str, delta: int) -> None:
        if which == HOUSEHOLDS:
            work = lambda desk: desk.count_household_visit(delta)  # noqa: E731
        else:
            work = lambda desk: desk.count_visitor(delta)  # noqa: E731
        self.operations.submit(work, what="count", changes={SESSION})

    # --- this laptop -----------------------------------------------------------------------------

    def open_prefix_dialog(self) -> None:
        if not leader_gate.allowed(self, "device", self.open_prefix_dialog):
            return
        prefix, provisional = self._device
        dialog = PrefixDialog(prefix, provisional, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        access = self.services.access

        def submit(value: str) -> None:
            self.operations.submit(
                lambda _desk: leader_actions.set_device_prefix(access, value), what="set_prefix",
                done=lambda _r: dialog.accept(),
                failed=lambda error: self._dialog_failed(dialog, error),
                changes={DEVICE},
            )

        dialog.submitted.connect(submit)
        leader_gate.done_when_closed(self, dialog)
        dialog.open()

    # --- drafts ----------------------------------------------------------------------------------

    def _form_edited(self) -> None:
        if self._editing_case_id is None and not self._saving:
            self._autosave.start()

    def _save_draft(self) -> None:
        if self._editing_case_id is not None or self._saving:
            return
        follows = self.follows.id if self.follows is not None else self.hints.follows
        if self.form.is_blank() and follows is None:
            if self._draft_stored:
                self._draft_stored = False
                self.operations.submit(lambda desk: desk.discard_draft(INTAKE_DRAFT), what="discard_draft")
            return
        payload = self.form.draft_payload()
        self._draft_stored = True
        self.operations.submit(lambda desk: desk.save_draft(payload, INTAKE_DRAFT, follows=follows),
                               what="save_draft")

    def _flush_draft(self) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
            self._save_draft()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self._flush_draft()
            self._retime.stop()
            QApplication.instance().focusChanged.disconnect(self._keep_focus_visible)
            # Every queued operation (the last draft save among them) finishes before the
            # worker stops.
            self.operations.shutdown()
        super().closeEvent(event)
