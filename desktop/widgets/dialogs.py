"""Dialogs of the team leader: open tonight's session, void a case, set this laptop's prefix.

Each dialog only collects values and emits ``submitted``; the window runs the operation on the
worker thread and either closes the dialog or shows the errors in it, so nothing typed is lost.
Dialogs are opened with ``open()`` (window-modal, not a nested event loop).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import current_language, local
from desktop.widgets import theme
from reception import clock
from reception.cases import Case
from reception.errors import FieldError
from reception.sessions import TEAM_ROLES

# The roles as stored (reception/sessions.py), for lupdate: the dialog shows them translated.
_TEAM_ROLE_NAMES = (
    QT_TRANSLATE_NOOP("TeamRole", "街道干部"), QT_TRANSLATE_NOOP("TeamRole", "社区党委书记"),
    QT_TRANSLATE_NOOP("TeamRole", "人大代表"), QT_TRANSLATE_NOOP("TeamRole", "党代表"),
    QT_TRANSLATE_NOOP("TeamRole", "政协委员"), QT_TRANSLATE_NOOP("TeamRole", "志愿者"),
)


def _error_label(name: str) -> QLabel:
    return theme.message_label(f"error_{name}")


class _FormDialog(QDialog):
    submitted = Signal(object)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.layout_ = QVBoxLayout(self)
        # Never narrower than what it holds (a long checkbox or choice in English was cut off).
        self.layout_.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.addLayout(self.form)
        self.errors: dict[str, QLabel] = {}
        self.general_error = _error_label("general")
        self.layout_.addWidget(self.general_error)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("okButton")
        theme.set_role(self.ok_button, "primary")
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._focus_of: dict[str, QWidget] = {}

    def add_row(self, name: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = _error_label(name)
        column.addWidget(error)
        self.errors[name] = error
        self._focus_of[name] = widget
        self.form.addRow(label, box)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)

    def keep_whole(self, *labels: QLabel) -> None:
        """Word-wrapped labels above the form: a dialog laid out at its minimum size does not ask
        them for their height at its width (Qt's top-level layouts ignore height-for-width), so
        a long text, English above all, was cut. Each gets a line length of about 26 Chinese
        characters at the current text size, and the height its text needs there."""
        for label in labels:
            label.ensurePolished()  # the style sheet's font, at the chosen text size
            width = label.fontMetrics().horizontalAdvance("汉") * 26
            label.setMinimumWidth(width)
            label.setMinimumHeight(label.heightForWidth(width))

    def values(self) -> Any:
        raise NotImplementedError

    def _submit(self) -> None:
        self.clear_errors()
        self.set_busy(True)
        self.submitted.emit(self.values())

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.set_busy(False)
        first = None
        general = []
        for error in errors:
            label = self.errors.get(error.field)
            if label is None:
                general.append(error.in_(current_language()))
                continue
            label.setText(local(error.message))
            label.show()
            first = first or error.field
        if general:
            self.show_message("\n".join(general))
        if first:
            self._focus_of[first].setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_height()

    def show_message(self, text: str) -> None:
        self.set_busy(False)
        self.general_error.setText(text)
        self.general_error.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Taller when the messages shown need it. Qt does not grow a window for the height its
        wrapped labels need at its width, so a two-line message (most, in English) was cut in
        half under its field; it is never taller than the screen."""
        self.layout_.activate()
        needed = self.layout_.totalHeightForWidth(self.width()) if self.layout_.hasHeightForWidth() else 0
        screen = self.screen().availableGeometry().height() if self.screen() is not None else needed
        height = min(max(needed, self.height()), screen)
        if height > self.height():
            self.resize(self.width(), height)


class OpenSessionDialog(_FormDialog):
    """开始夜话: date, venue, community and the reception team with their roles."""

    TEAM_ROWS = 6

    def __init__(self, communities: tuple[str, ...], today: date, default_community: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("开始今晚的夜话"), self.tr("开始夜话"), parent)
        self.setObjectName("openSessionDialog")
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("sessionDate")
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.venue = QLineEdit()
        self.venue.setObjectName("sessionVenue")
        self.venue.setPlaceholderText(self.tr("如：新安广场、海旺社区党群服务中心"))
        self.community = QComboBox()
        self.community.setObjectName("sessionCommunity")
        for name in communities:  # shown in the desk's language, kept as the form file names it
            self.community.addItem(local(name), str(name))
        if default_community in communities:
            self.community.setCurrentIndex(self.community.findData(default_community))
        self.add_row("date", self.tr("日期"), self.date)
        self.add_row("venue", self.tr("地点 *"), self.venue)
        self.add_row("community", self.tr("社区 *"), self.community)

        team = QWidget()
        grid = QGridLayout(team)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(3)
        self.members: list[tuple[QLineEdit, QComboBox]] = []
        for row in range(self.TEAM_ROWS):
            name = QLineEdit()
            name.setObjectName(f"memberName{row + 1}")
            name.setPlaceholderText(self.tr("姓名"))
            role = QComboBox()
            role.setObjectName(f"memberRole{row + 1}")
            for team_role in TEAM_ROLES:
                role.addItem(QCoreApplication.translate("TeamRole", team_role), team_role)
            role.setCurrentIndex(role.findData("志愿者"))
            grid.addWidget(name, row, 0)
            grid.addWidget(role, row, 1)
            self.members.append((name, role))
        hint = QLabel(self.tr("街道干部、社区党委书记、两代表一委员和志愿者；空行不计"))
        hint.setProperty("role", "muted")
        grid.addWidget(hint, self.TEAM_ROWS, 0, 1, 2)
        self.add_row("team", self.tr("接访团"), team)
        self.finish_layout()
        self.venue.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "date": self.date.date().toString("yyyy-MM-dd"),
            "venue": self.venue.text(),
            "community": self.community.currentData() or self.community.currentText(),
            "team": [
                {"name": name.text(), "role": role.currentData() or role.currentText()}
                for name, role in self.members
                if name.text().strip()
            ],
        }


class VoidDialog(_FormDialog):
    """作废: a case is never deleted; the reason is kept with it and goes to the platform."""

    def __init__(self, case: Case, parent: QWidget | None = None, category: str = "") -> None:
        super().__init__(self.tr("作废诉求 {code}").format(code=case.tracking_code), self.tr("作废"), parent)
        self.setObjectName("voidDialog")
        self.case_id = case.id
        what = QLabel(
            self.tr("{code}　{category}\n作废后仍留在列表中（灰色），不会删除，并会同步到街道平台。").format(
                code=case.tracking_code, category=category or case.category_name
            )
        )
        what.setWordWrap(True)
        self.layout_.insertWidget(0, what)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("voidReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("如：重复登记，与 K7Q-00A3-X 是同一件事"))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 3 + 16)
        self.reason.textChanged.connect(self._reason_changed)
        self.add_row("reason", self.tr("作废原因 *"), self.reason)
        self.finish_layout()
        self.ok_button.setEnabled(False)
        self.reason.setFocus()

    def _reason_changed(self) -> None:
        self.ok_button.setEnabled(len(self.reason.toPlainText().strip()) >= 2)

    def values(self) -> str:
        return self.reason.toPlainText()


class AmendDialog(_FormDialog):
    """补充更正: the platform may already hold the case, so a correction is sent as a note."""

    def __init__(self, case: Case, parent: QWidget | None = None, category: str = "",
                 refused: dict | None = None) -> None:
        super().__init__(self.tr("补充更正 {code}").format(code=case.tracking_code), self.tr("记下更正"), parent)
        self.setObjectName("amendDialog")
        self.case_id = case.id
        state = self.tr("已同步到街道平台") if case.is_synced else self.tr("已开始同步到街道平台")
        what = QLabel(
            self.tr("{code}　{category}\n该诉求{state}，平台为准，不能直接修改。"
                    "请写明更正内容，下次同步时作为更正说明发送到平台。").format(
                code=case.tracking_code, category=category or case.category_name, state=state
            )
        )
        what.setObjectName("amendExplanation")
        what.setWordWrap(True)
        self.layout_.insertWidget(0, what)
        self.note = QPlainTextEdit()
        self.note.setObjectName("amendNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("如：居民补充，地点是C出口东侧，不是西侧"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 16)
        if refused:
            # The platform would not take the last correction and it is not resent: show why, and
            # its words to edit, so that the corrected correction goes at the next sync.
            why = QLabel(self.tr("平台没有接受 {when} 记下的更正，它不会再自动发送。平台的答复：{reason}\n"
                                 "原来的更正已填在下面，请改好后再记下。").format(
                when=clock.local_text(clock.from_text(refused["created_at"])), reason=refused["refused"]))
            why.setObjectName("amendRefused")
            why.setWordWrap(True)
            why.setProperty("role", "error")
            self.layout_.insertWidget(1, why)
            self.note.setPlainText(refused["note"])
        self.add_row("note", self.tr("更正说明 *"), self.note)
        self.finish_layout()
        self.keep_whole(*(label for label in (what, self.findChild(QLabel, "amendRefused")) if label is not None))
        self.note.setFocus()

    def values(self) -> str:
        return self.note.toPlainText()


class PrefixDialog(_FormDialog):
    """设置 → 本机编号: the 3-character prefix the street assigns each laptop."""

    def __init__(self, current: str, provisional: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("本机编号"), self.tr("保存"), parent)
        self.setObjectName("prefixDialog")
        note = QLabel(
            (self.tr("本机目前使用临时编号 {prefix}。") if provisional else self.tr("本机编号为 {prefix}。")).format(prefix=current)
            + self.tr("\n请填写街道为这台电脑分配的3位编号，它是每个查询码的开头，\n保证各摊位的查询码不会重复。已登记的查询码不变。")
        )
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)
        self.prefix = QLineEdit(current if not provisional else "")
        self.prefix.setObjectName("prefixEdit")
        self.prefix.setMaxLength(3)
        self.prefix.setPlaceholderText(self.tr("如 K7Q"))
        self.add_row("prefix", self.tr("本机编号 *"), self.prefix)
        self.finish_layout()
        self.prefix.setFocus()

    def values(self) -> str:
        return self.prefix.text()


class ChoiceMessage(QDialog):
    """A short question or notice with named buttons, opened without a nested event loop."""

    chosen = Signal(str)

    def __init__(self, title: str, text: str, buttons: list[tuple[str, str]], object_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setObjectName("messageText")
        label.setWordWrap(True)
        label.setMinimumWidth(420)
        layout.addWidget(label)
        box = QDialogButtonBox()
        for index, (key, caption) in enumerate(buttons):
            button = QPushButton(caption)
            button.setObjectName(f"{key}Button")
            if index == 0:
                theme.set_role(button, "primary")
                button.setDefault(True)
            button.clicked.connect(lambda _c=False, k=key: self._choose(k))
            box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(box)

    def _choose(self, key: str) -> None:
        self.chosen.emit(key)
        self.accept()
