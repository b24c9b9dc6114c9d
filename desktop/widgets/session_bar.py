"""The top bar: tonight's session and the night's counts, with big +1 buttons.

F2 counts a visitor received (接待人次), F3 a household visited (走访家数): a volunteer with a
queue in front of them should not have to find the mouse. The small −1 undoes a slip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import local
from desktop.widgets import theme
from reception.form_definition import FormDefinition
from reception.sessions import Session

VISITORS, HOUSEHOLDS = "visitors", "household_visits"


class _Counter(QWidget):
    def __init__(self, caption: str, key: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(0)
        self.title = QLabel(caption)
        self.title.setProperty("role", "muted")
        self.number = QLabel("–")
        self.number.setObjectName(f"{name}Count")
        self.number.setProperty("role", "count")
        self.number.setMinimumWidth(56)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.plus = QPushButton(f"+1  {key}")
        self.plus.setObjectName(f"{name}Plus")
        theme.set_role(self.plus, "counter")
        # A QShortcut, not the button's own: a button's shortcut "animates" a click and drops
        # further presses for a moment, so three quick F2s would count one visitor.
        self.shortcut = QShortcut(QKeySequence(key), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(lambda: self.plus.click() if self.plus.isEnabled() else None)
        self.minus = QPushButton("−1")
        self.minus.setObjectName(f"{name}Minus")
        layout.addWidget(self.title, 0, 0, 1, 3)
        layout.addWidget(self.number, 1, 0)
        layout.addWidget(self.plus, 1, 1)
        layout.addWidget(self.minus, 1, 2)


class SessionBar(QFrame):
    count_requested = Signal(str, int)  # which counter, by how much
    open_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None, definition: FormDefinition | None = None) -> None:
        super().__init__(parent)
        self._definition = definition
        self.setObjectName("sessionBar")
        theme.set_role(self, "panel")
        self._grid = layout = QGridLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setHorizontalSpacing(18)
        layout.setVerticalSpacing(4)

        self._info = QWidget()
        info = self._info_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._info)
        info.setContentsMargins(0, 0, 0, 0)
        info.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        font = self.title.font()
        font.setPointSize(14)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("sessionDetails")
        self.details.setProperty("role", "muted")
        info.addWidget(self.title)
        info.addWidget(self.details)

        self.visitors = _Counter("", "F2", "visitors")
        self.households = _Counter("", "F3", "households")
        self.visitors.plus.clicked.connect(lambda: self.count_requested.emit(VISITORS, 1))
        self.visitors.minus.clicked.connect(lambda: self.count_requested.emit(VISITORS, -1))
        self.households.plus.clicked.connect(lambda: self.count_requested.emit(HOUSEHOLDS, 1))
        self.households.minus.clicked.connect(lambda: self.count_requested.emit(HOUSEHOLDS, -1))

        self._petitions = QWidget()
        petitions = QVBoxLayout(self._petitions)
        petitions.setContentsMargins(0, 0, 0, 0)
        petitions.setSpacing(0)
        self.petitions_caption = QLabel()
        self.petitions_caption.setProperty("role", "muted")
        self.petitions = QLabel("–")
        self.petitions.setObjectName("petitionsCount")
        self.petitions.setProperty("role", "count")
        petitions.addWidget(self.petitions_caption)
        petitions.addWidget(self.petitions)

        self.open_button = QPushButton()
        self.open_button.setObjectName("openSessionButton")
        theme.set_role(self.open_button, "primary")
        self.open_button.clicked.connect(self.open_requested.emit)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeSessionButton")
        self.close_button.clicked.connect(self.close_requested.emit)
        self._buttons = QWidget()
        buttons = QHBoxLayout(self._buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        self._shown: tuple[Session | None, int | None] = (None, None)
        self.compact: bool | None = None
        self.set_compact(False)
        self.retranslate_ui()

    def set_compact(self, compact: bool) -> None:
        """One row (wide window), or two with large text: tonight's title and place on one line
        above, the counters and the button below, so that nothing is squeezed."""
        if compact == self.compact:
            return
        self.compact = compact
        parts = (self._info, self.visitors, self.households, self._petitions, self._buttons)
        for part in parts:
            self._grid.removeWidget(part)
        for column in range(6):
            self._grid.setColumnStretch(column, 0)
        self._grid.setContentsMargins(12, 2 if compact else 6, 12, 2 if compact else 6)
        self._grid.setVerticalSpacing(0 if compact else 4)
        if compact:
            self._info_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self._info_layout.setSpacing(16)
            self._grid.addWidget(self._info, 0, 0, 1, 5)
            for column, part in zip((0, 1, 2, 4), parts[1:]):
                self._grid.addWidget(part, 1, column)
            self._grid.setColumnStretch(3, 1)
        else:
            self._info_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self._info_layout.setSpacing(0)
            for column, part in enumerate(parts):
                self._grid.addWidget(part, 0, column)
            self._grid.setColumnStretch(0, 1)

    def retranslate_ui(self) -> None:
        self.visitors.title.setText(self.tr("接待人次"))
        self.households.title.setText(self.tr("走访家数"))
        for counter in (self.visitors, self.households):
            counter.minus.setToolTip(self.tr("点错了？减一"))
        self.petitions_caption.setText(self.tr("收集诉求（条）"))
        self.open_button.setText(self.tr("开始夜话"))
        self.close_button.setText(self.tr("结束夜话"))
        self.show_session(*self._shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _community_name(self, name: str) -> str:
        """A session's community (stored in Simplified Chinese) in the desk's language."""
        return local(self._definition.community_text(name)) if self._definition is not None else name

    def show_session(self, session: Session | None, petitions_without_session: int | None = None) -> None:
        self._shown = (session, petitions_without_session)
        open_ = session is not None and session.is_open
        for counter in (self.visitors, self.households):
            counter.plus.setEnabled(open_)
            counter.minus.setEnabled(open_)
        self.open_button.setVisible(not open_)
        self.close_button.setVisible(open_)
        if session is None:
            self.title.setText(self.tr("今晚的夜话还没开始"))
            self.details.setText(self.tr("组长点「开始夜话」登记日期、地点和接访团"))
            self.visitors.number.setText("–")
            self.households.number.setText("–")
            self.petitions.setText("–" if petitions_without_session is None else str(petitions_without_session))
            return
        self.title.setText(
            self.tr("今晚夜话 {date}").format(date=session.date) if open_
            else self.tr("夜话 {date} 已结束").format(date=session.date)
        )
        self.details.setText(
            self.tr("{venue} · {community} · 接访团 {n} 人").format(
                venue=session.venue, community=self._community_name(session.community) or "—", n=len(session.team)
            )
        )
        self.visitors.number.setText(str(session.counts.visitors))
        self.households.number.setText(str(session.counts.household_visits))
        self.petitions.setText(str(session.counts.petitions))
