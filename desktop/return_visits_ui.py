"""A returning resident at the stall: 查找诉求 (Ctrl+F), the case's progress as of the last sync,
the resident's verdict, and a new petition that follows the earlier case.

The search shows masked results (王*, 138****5678); opening one shows the case to the volunteer
who opened it. Every database call goes through the window's operations (the worker thread).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, QT_TRANSLATE_NOOP, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.operations import CASES, OUTBOX
from desktop.search_index_ui import SearchIndexBuilder, building_words
from desktop.widgets import theme
from desktop.widgets.cases_table import light_dot, light_word
from desktop.widgets.screen_fit import fit_to_screen, scrolling_part
from reception import case_search, clock, phones, return_visits
from reception.cases import Case
from reception.deadlines import Light
from reception.errors import DeskError, ValidationFailed

SEARCH_DELAY_MS = 250
_STATUS_WORDS = {
    "open": QT_TRANSLATE_NOOP("PlatformStatus", "待受理"),
    "accepted": QT_TRANSLATE_NOOP("PlatformStatus", "已受理"),
    "dispatched": QT_TRANSLATE_NOOP("PlatformStatus", "已分派"),
    "in_progress": QT_TRANSLATE_NOOP("PlatformStatus", "办理中"),
    "closed": QT_TRANSLATE_NOOP("PlatformStatus", "已办结"),
    "reopened": QT_TRANSLATE_NOOP("PlatformStatus", "重新办理"),
    "escalated": QT_TRANSLATE_NOOP("PlatformStatus", "升级督办"),
    "voided": QT_TRANSLATE_NOOP("PlatformStatus", "已作废"),
}
_RATING_WORDS = {
    "满意": QT_TRANSLATE_NOOP("Rating", "满意"),
    "基本满意": QT_TRANSLATE_NOOP("Rating", "基本满意"),
    "不满意": QT_TRANSLATE_NOOP("Rating", "不满意"),
}
_SOURCE_WORDS = {
    "page": QT_TRANSLATE_NOOP("Rating", "居民扫码评价"),
    "visit": QT_TRANSLATE_NOOP("Rating", "回访电话"),
    "desk": QT_TRANSLATE_NOOP("Rating", "夜话摊位"),
}


def status_word(status: str) -> str:
    """A platform status in the desk's language; one we do not know, as the platform wrote it."""
    if not status:
        return QCoreApplication.translate("PlatformStatus", "未同步")
    words = _STATUS_WORDS.get(status)
    return QCoreApplication.translate("PlatformStatus", words) if words else status


def rating_word(rating: str) -> str:
    words = _RATING_WORDS.get(rating)
    return QCoreApplication.translate("Rating", words) if words else rating


def _when(text: str) -> str:
    try:
        return clock.local_text(clock.from_text(text))
    except ValueError:
        return text


class _QueryEdit(QLineEdit):
    """The search box: Down moves into the results, Enter opens the selected (or first) one."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class FindCaseDialog(QDialog):
    """查找诉求: by tracking code, phone (whole, first digits or the last four) or name."""

    open_requested = Signal(str)  # case id

    def __init__(self, submit, parent: QWidget | None = None, index: SearchIndexBuilder | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findCaseDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(860, 480)
        self._submit = submit
        self._generation = 0
        self.hits: list[case_search.SearchHit] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        # While the laptop's older cases are still being indexed: say that some may be missed.
        self.index = index
        self.index_state = QLabel()
        self.index_state.setObjectName("findIndexState")
        self.index_state.setWordWrap(True)
        theme.set_role(self.index_state, "warning")
        layout.addWidget(self.index_state)
        if index is not None:
            index.progressed.connect(lambda _progress: self._show_index_state())
        self.query = _QueryEdit()
        self.query.setObjectName("findQuery")
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        self.hint = QLabel()
        self.hint.setObjectName("findHint")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.results = QTableWidget(0, 6)
        self.results.setObjectName("findResults")
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.doubleClicked.connect(lambda _: self.open_selected())
        layout.addWidget(self.results, 1)
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("findOpenButton")
        theme.set_role(self.open_button, "primary")
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        # Enter anywhere in the dialog (the box or the results) presses 打开, the default button;
        # the line edit's own returnPressed is not connected, or one Enter would open it twice.
        self.buttons.accepted.connect(self._enter)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.query.textEdited.connect(lambda _: self._timer.start())
        self.query.down.connect(self._into_results)
        self.retranslate_ui()
        i18n.on_language_change(self, self.retranslate_ui)
        self.query.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("查找诉求"))
        self.intro.setText(self.tr("居民回来问进度？输入查询码、电话号码（全号、前几位或尾号4位）或姓名（汉字、全拼或首字母）。"
                                   "结果已遮挡姓名和电话，打开后才显示。"))
        self.query.setPlaceholderText(self.tr("如 K7Q-00A3-X、5678、王小明、wangxiaoming、wxm"))
        self.results.setHorizontalHeaderLabels([
            self.tr("查询码"), self.tr("登记时间"), self.tr("居民"), self.tr("电话"), self.tr("类别"), self.tr("平台状态"),
        ])
        self.open_button.setText(self.tr("打开"))
        self.close_button.setText(self.tr("关闭"))
        self._show_index_state()
        self._fill()

    def _show_index_state(self) -> None:
        progress = self.index.progress if self.index is not None else None
        self.index_state.setVisible(progress is not None)
        if progress is not None:
            self.index_state.setText(building_words(progress))

    def search(self) -> None:
        self._timer.stop()
        text = self.query.text()
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self._show(generation, [])
            return
        self._submit(lambda desk: case_search.find(desk.db, text), what="find_case",
                     done=lambda hits: self._show(generation, hits),
                     failed=lambda error: self._failed(generation, error))

    def _show(self, generation: int, hits: list[case_search.SearchHit]) -> None:
        if generation != self._generation:
            return  # an answer to an older query, overtaken by the typing
        self.hits = hits
        self._fill()
        if hits:
            self.results.selectRow(0)

    def _fill(self) -> None:
        self.results.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            if hit.purged:
                name = phone = self.tr("个人信息已按期清除")
            else:
                name = self.tr("匿名") if hit.name == "匿名" else hit.name
                phone = self.tr("未留") if hit.phone == "未留" else hit.phone
            state = self.tr("已作废") if hit.voided else status_word(hit.platform_status)
            for column, text in enumerate((hit.tracking_code, clock.local_text(hit.created_at), name, phone,
                                           hit.category_name, state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, hit.case_id)
                self.results.setItem(row, column, item)
        if self.query.text().strip():
            self.hint.setText(self.tr("找到 {n} 条（最近的在前）").format(n=len(self.hits)) if self.hits
                              else self.tr("本机没有找到：可换用查询码、手机尾号或姓名拼音再试"))
        else:
            self.hint.setText("")

    def _failed(self, generation: int, error: DeskError) -> None:
        if generation != self._generation:
            return
        self.hits = []
        self._fill()
        if isinstance(error, ValidationFailed):
            self.hint.setText(_query_problem(str(error.errors[0])))
        else:
            self.hint.setText(str(error))

    def _enter(self) -> None:
        if self._timer.isActive():
            self.search()  # Enter before the pause: search now, open when it answers
            return
        self.open_selected()

    def _into_results(self) -> None:
        if self.hits:
            self.results.setFocus()
            self.results.selectRow(max(0, self.results.currentRow()))

    def open_selected(self) -> None:
        if not self.hits:
            self.query.setFocus()
            return
        row = max(0, self.results.currentRow())
        self.open_requested.emit(self.hits[min(row, len(self.hits) - 1)].case_id)


def _query_problem(message: str) -> str:
    """The domain's words for a query that cannot find anything, in the desk's language."""
    if "至少输入" in message:
        return QCoreApplication.translate("FindCaseDialog", "电话号码至少输入 4 位（如尾号）")
    if "太长" in message:
        return QCoreApplication.translate("FindCaseDialog", "太长：最多 40 个字符")
    return QCoreApplication.translate("FindCaseDialog", "请输入查询码、电话号码或姓名（汉字或拼音）")


class CaseLoopDialog(QDialog):
    """One case opened at the stall: what was recorded, the platform's progress as of the last
    sync, the resident's verdict, and 登记续诉 for a new petition about the same matter."""

    follow_up_requested = Signal(object)  # the Case

    def __init__(self, case: Case, loop: return_visits.CaseLoop, submit, receptionist: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseLoopDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._submit = submit
        self._receptionist = receptionist
        self.case, self.loop = case, loop
        # What the case says scrolls and its buttons stay below it: at 200 % text on the stall's
        # 1366×768 screen a case with its progress and a held void is taller than the screen.
        outer = QVBoxLayout(self)
        self._scroll, layout = scrolling_part(outer, "loopScroll")
        self.heading = QLabel()
        self.heading.setObjectName("loopHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.details = QLabel()
        self.details.setObjectName("loopDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.progress_box = QGroupBox()
        box = QVBoxLayout(self.progress_box)
        light_row = QHBoxLayout()
        self.light_dot = QLabel()
        self.light = QLabel()
        self.light.setObjectName("loopLight")
        light_row.addWidget(self.light_dot)
        light_row.addWidget(self.light, 1)
        box.addLayout(light_row)
        self.progress = QLabel()
        self.progress.setObjectName("loopProgress")
        self.progress.setWordWrap(True)
        self.progress.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.progress)
        box.addStretch(1)
        layout.addWidget(self.progress_box, 1)

        self.rating_box = QGroupBox()
        rating = QVBoxLayout(self.rating_box)
        self.rating_explain = QLabel()
        self.rating_explain.setObjectName("ratingExplain")
        self.rating_explain.setWordWrap(True)
        rating.addWidget(self.rating_explain)
        row = QHBoxLayout()
        self.rating_group = QButtonGroup(self)
        self.rating_buttons: dict[str, QRadioButton] = {}
        for value in return_visits.RATINGS:
            button = QRadioButton()
            button.setObjectName(f"rating_{return_visits.RATINGS.index(value)}")
            self.rating_group.addButton(button)
            self.rating_buttons[value] = button
            row.addWidget(button)
        row.addStretch(1)
        rating.addLayout(row)
        self.rating_note = QLineEdit()
        self.rating_note.setObjectName("ratingNote")
        self.rating_note.setMaxLength(return_visits.MAX_NOTE)
        rating.addWidget(self.rating_note)
        self.rating_error = theme.message_label("ratingError")
        rating.addWidget(self.rating_error)
        self.rate_button = QPushButton()
        self.rate_button.setObjectName("rateButton")
        theme.set_role(self.rate_button, "primary")
        self.rate_button.clicked.connect(self.rate)
        rating.addWidget(self.rate_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.rating_box)

        buttons = QHBoxLayout()
        self.follow_button = QPushButton()
        self.follow_button.setObjectName("followUpButton")
        self.follow_button.clicked.connect(self._follow_up)
        self.close_button = QPushButton()
        self.close_button.setObjectName("loopCloseButton")
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.follow_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        self.retranslate_ui()
        i18n.on_language_change(self, self.retranslate_ui)

    # --- what it shows ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        case = self.case
        self.setWindowTitle(self.tr("诉求 {code}").format(code=case.tracking_code))
        self.heading.setText(f"{case.tracking_code}　{case.major_name} · {case.category_name}")
        self.details.setText(self._details_text())
        self.progress_box.setTitle(self._progress_title())
        self.progress.setText(self._progress_text())
        self.progress.setToolTip(self.tr("平台的原话：{reason}").format(reason=self.loop.void_refused)
                                 if self.loop.void_refused else "")
        self._show_light()
        self.rating_box.setTitle(self.tr("居民对办理结果的评价"))
        for value, button in self.rating_buttons.items():
            button.setText(rating_word(value))
        self.rating_note.setPlaceholderText(self.tr("居民的原话（可不填）"))
        self.rate_button.setText(self.tr("记录评价"))
        self.follow_button.setText(self.tr("登记续诉（同一件事）"))
        self.close_button.setText(self.tr("关闭"))
        self._show_rating_state()
        # As large as its texts need in this language and text size, within the screen.
        fit_to_screen(self, self._scroll, QSize(720, 640))

    def _details_text(self) -> str:
        case = self.case
        lines = [self.tr("登记时间：{when}").format(when=clock.local_text(case.created_at))]
        if case.is_purged:
            lines.append(self.tr("个人信息已按期清除（平台办结后超过保存期限），诉求内容也已删除。"))
        else:
            if case.anonymous:
                lines.append(self.tr("居民：匿名"))
            else:
                phone = phones.national(case.phone) if case.phone else self.tr("未留")
                lines.append(self.tr("居民：{name}　电话：{phone}").format(name=case.resident_name or self.tr("未留"), phone=phone))
            lines.append(self.tr("地点：{community} {address}").format(community=case.community, address=case.address))
            lines.append(self.tr("诉求：{text}").format(text=case.description))
        if case.follows_code:
            lines.append(self.tr("接续前次诉求 {code}").format(code=case.follows_code))
        if case.is_voided:
            lines.append(self.tr("已作废：{reason}").format(reason=case.void_reason))
        return "\n".join(lines)

    def _progress_title(self) -> str:
        progress = self.loop.progress
        if progress is None:
            return self.tr("平台办理进度")
        return self.tr("平台办理进度（截至 {when} 同步）").format(when=clock.local_text(progress.fetched_at))

    def _progress_text(self) -> str:
        text = self._platform_progress_text()
        if self.loop.void_refused:
            # Where the platform's side of the case is said (this box has the room to spare); the
            # platform's own words are in the tooltip.
            text += "\n" + self.tr("平台没有接受这条作废：本机保留着它，不再自动重发；组长可在同步窗口重新发送。")
        return text

    def _platform_progress_text(self) -> str:
        case, progress = self.case, self.loop.progress
        if progress is None:
            if not case.is_synced:
                return self.tr("还没有同步到街道平台：今晚同步后，下次同步就能看到平台的办理进度。")
            return self.tr("已同步到街道平台，还没有取回办理进度：下次同步后显示。")
        lines = [self.tr("状态：{status}").format(status=status_word(progress.status))]
        if progress.department:
            lines.append(self.tr("承办部门：{department}").format(department=progress.department))
        if progress.due_at:
            lines.append(self.tr("应办结：{due}").format(due=clock.local_text(progress.due_at)))
        if progress.notes:
            lines.append(self.tr("平台说明：{notes}").format(notes=progress.notes))
        for visit in progress.visits:
            reached = self.tr("已接通") if visit.reached else self.tr("未接通")
            text = self.tr("回访：{when} {caller}，{reached}").format(when=_when(visit.at), caller=visit.caller, reached=reached)
            if visit.rating:
                text += self.tr("，评价“{rating}”").format(rating=rating_word(visit.rating))
            if visit.words:
                text += self.tr("：{words}").format(words=visit.words)
            lines.append(text)
        for given in progress.ratings:
            source = _SOURCE_WORDS.get(given.source)
            how = QCoreApplication.translate("Rating", source) if source else given.source
            text = self.tr("评价：{when} {rating}（{how}）").format(when=_when(given.at), rating=rating_word(given.rating), how=how)
            if given.words:
                text += self.tr("：{words}").format(words=given.words)
            lines.append(text)
        return "\n".join(lines)

    def _show_light(self) -> None:
        """The platform's light as a dot and its word: the colour alone says nothing to some."""
        progress = self.loop.progress
        light = None
        if progress is not None and progress.light:
            try:
                light = Light(progress.light)
            except ValueError:
                light = None
        self.light_dot.setVisible(light is not None)
        self.light.setVisible(light is not None)
        if light is not None:
            self.light_dot.setPixmap(light_dot(light).pixmap(18, 18))
            self.light.setText(self.tr("信号灯：{light}").format(light=light_word(light)))

    def _show_rating_state(self) -> None:
        pending = [r for r in self.loop.local_ratings if r.sent_at is None]
        sent = [r for r in self.loop.local_ratings if r.sent_at is not None]
        lines = []
        for r in sent:
            if r.refused:
                lines.append(self.tr("本机 {when} 记录“{rating}”，平台未记录：{reason}").format(
                    when=clock.local_text(r.created_at), rating=rating_word(r.rating), reason=r.refused))
            else:
                lines.append(self.tr("本机 {when} 记录“{rating}”，已送达平台").format(when=clock.local_text(r.created_at), rating=rating_word(r.rating)))
        for r in pending:
            lines.append(self.tr("本机 {when} 记录“{rating}”，下次同步时送到平台").format(when=clock.local_text(r.created_at), rating=rating_word(r.rating)))
        can_rate = (self.case.is_synced and not self.case.is_voided and self.case.platform_status == "closed"
                    and not pending)
        if not can_rate:
            if self.case.is_voided:
                lines.append(self.tr("该诉求已作废，不能评价。"))
            elif pending:
                lines.append(self.tr("这次办结的评价已记下；平台重新办结后可再评价。"))
            else:
                lines.append(self.tr("平台办结后才能评价（上次同步时还没有办结）；居民的意见可用“补充更正”记下。"))
        else:
            lines.append(self.tr("平台已办结。请居民选择：满意、基本满意或不满意。不满意时平台会退回承办部门重新办理。"))
        self.rating_explain.setText("\n".join(lines))
        for widget in (*self.rating_buttons.values(), self.rating_note, self.rate_button):
            widget.setEnabled(can_rate)

    # --- what it does ----------------------------------------------------------------------------

    def rate(self) -> None:
        chosen = next((value for value, button in self.rating_buttons.items() if button.isChecked()), "")
        self.rating_error.hide()
        if not chosen:
            self._rating_failed(self.tr("请先选择一项评价：满意、基本满意或不满意"))
            return
        note, case_id, receptionist = self.rating_note.text(), self.case.id, self._receptionist
        self.rate_button.setEnabled(False)

        def work(desk):
            case = return_visits.rate_case(desk, case_id, chosen, note, receptionist)
            return case, return_visits.case_loop(desk, case_id)

        self._submit(work, what="rate_case", done=self._rated,
                     failed=lambda error: self._rating_failed(str(error)), changes={CASES, OUTBOX})

    def _rated(self, result) -> None:
        self.case, self.loop = result
        self.rating_note.clear()
        self.retranslate_ui()
        self.close_button.setFocus()

    def _rating_failed(self, message: str) -> None:
        self.rating_error.setText(message)
        self.rating_error.show()
        self._show_rating_state()

    def _follow_up(self) -> None:
        self.follow_up_requested.emit(self.case)
        self.accept()


class ReturnVisitActions:
    """查找诉求… (Ctrl+F) in the 诉求 menu and on the toolbar, and what opening a result does."""

    def __init__(self, window) -> None:
        self.window = window
        self.find_action = QAction(window)
        self.find_action.setObjectName("findCaseAction")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.open_find)
        self.find_dialog: FindCaseDialog | None = None
        self.case_dialog: CaseLoopDialog | None = None
        self._following = False
        window.add_action(self.find_action, "case", toolbar=True)
        self.retranslate_ui()
        i18n.on_language_change(window, self.retranslate_ui)

    def retranslate_ui(self) -> None:
        self.find_action.setText(QCoreApplication.translate("ReturnVisitActions", "查找诉求… (Ctrl+F)"))

    def open_find(self) -> None:
        if self.find_dialog is None:
            self.find_dialog = FindCaseDialog(self.window.operations.submit, self.window,
                                              index=getattr(self.window, "search_index", None))
            self.find_dialog.open_requested.connect(self.open_case)
        self.find_dialog.open()
        self.find_dialog.query.setFocus()
        self.find_dialog.query.selectAll()

    def open_case(self, case_id: str) -> None:
        self.window.operations.submit(
            lambda desk: (desk.case(case_id), return_visits.case_loop(desk, case_id)),
            what="open_case_loop", done=self._show_case,
        )

    def _show_case(self, loaded) -> None:
        case, loop = loaded
        field = self.window.form.fields.get("receptionist")
        receptionist = field.value() if field is not None else ""
        if self.case_dialog is not None:
            self.case_dialog.deleteLater()
        # One dialog at a time: the results step aside while a case is open and come back,
        # with the query as typed, when it closes (unless the volunteer went on to 登记续诉).
        back_to_results = self.find_dialog is not None and self.find_dialog.isVisible()
        if back_to_results:
            self.find_dialog.hide()
        self.case_dialog = CaseLoopDialog(case, loop, self.window.operations.submit, receptionist, self.window)
        self.case_dialog.follow_up_requested.connect(self._follow_up)
        if back_to_results:
            self.case_dialog.finished.connect(self._back_to_results)
        self.case_dialog.open()

    def _back_to_results(self) -> None:
        if self.find_dialog is not None and not self._following:
            self.find_dialog.open()
            self.find_dialog.results.setFocus()
        self._following = False

    def _follow_up(self, case: Case) -> None:
        self._following = True
        self.window.start_follow_up(case)


def install_return_visits(window) -> ReturnVisitActions:
    window.return_visits = ReturnVisitActions(window)
    return window.return_visits
