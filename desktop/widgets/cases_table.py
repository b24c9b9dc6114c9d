"""Tonight's list: the session's cases with their outcome and traffic light.

The light is a coloured dot AND its word (办结绿 / 办理中 / 预警黄 / 警报红 / 已作废), so it reads
for a colour-blind volunteer and on a washed-out projector. Voided cases stay on the list, greyed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.widgets import theme
from desktop.widgets.case_texts import CaseTexts
from reception import case_fields, clock
from reception.cases import Case
from reception.deadlines import Light

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RESIZE_ROWS = 40

_dots: dict[str, QIcon] = {}
_LIGHT_WORDS = {
    Light.GREEN: QT_TRANSLATE_NOOP("Light", "办结绿"),
    Light.NONE: QT_TRANSLATE_NOOP("Light", "办理中"),
    Light.YELLOW: QT_TRANSLATE_NOOP("Light", "预警黄"),
    Light.RED: QT_TRANSLATE_NOOP("Light", "警报红"),
    Light.VOID: QT_TRANSLATE_NOOP("Light", "已作废"),
}


def light_word(light: Light) -> str:
    return QCoreApplication.translate("Light", _LIGHT_WORDS[light])


def light_dot(light: Light) -> QIcon:
    if light.value not in _dots:
        pixmap = QPixmap(18, 18)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(theme.LIGHT_COLOURS[light.value]))
        painter.setPen(QColor("#0b0d10"))
        painter.drawEllipse(2, 2, 14, 14)
        painter.end()
        _dots[light.value] = QIcon(pixmap)
    return _dots[light.value]


# The list's columns are the description's TABLE fields (reception/case_fields.py), then the
# light. Their headers are marked here, where pyside6-lupdate (run over desktop/) finds them.
_HEADERS = {
    "created_at": QT_TRANSLATE_NOOP("CasesModel", "时间"),
    "tracking_code": QT_TRANSLATE_NOOP("CasesModel", "查询码"),
    "category_name": QT_TRANSLATE_NOOP("CasesModel", "诉求类别"),
    "outcome": QT_TRANSLATE_NOOP("CasesModel", "处理结果"),
}
LIGHT_COLUMN = len(case_fields.TABLE)
CODE_COLUMN = case_fields.TABLE.index("tracking_code")
STRETCH_COLUMN = case_fields.TABLE.index("category_name")


class CasesModel(QAbstractTableModel):
    COLUMNS = tuple(_HEADERS[name] for name in case_fields.TABLE) + (QT_TRANSLATE_NOOP("CasesModel", "状态"),)

    def __init__(self, warn_fraction: float, now=clock.now, parent=None, texts: CaseTexts | None = None) -> None:
        super().__init__(parent)
        self._texts = texts or CaseTexts(None)
        self._cases: list[Case] = []
        self._warn_fraction = warn_fraction
        self._now = now
        self._moment: datetime = now()

    def set_cases(self, cases: list[Case]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self._moment = self._now()
        self.endResetModel()

    def retime(self) -> None:
        """Re-evaluate the traffic lights as time passes."""
        self._moment = self._now()
        if self._cases:
            last = len(self._cases) - 1
            self.dataChanged.emit(self.index(0, LIGHT_COLUMN), self.index(last, LIGHT_COLUMN))

    def case_at(self, row: int) -> Case | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def row_of(self, case_id: str) -> int:
        return next((i for i, c in enumerate(self._cases) if c.id == case_id), -1)

    def cases(self) -> list[Case]:
        return list(self._cases)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def retranslate(self) -> None:
        """Headers, light words and tooltips are translated when the view asks: ask again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._cases:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._cases) - 1, len(self.COLUMNS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CasesModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        case = self.case_at(index.row())
        if case is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column < LIGHT_COLUMN:
                return self._shown(case_fields.TABLE[column], case)
            return light_word(case.light(self._moment, self._warn_fraction))
        if role == Qt.ItemDataRole.DecorationRole and column == LIGHT_COLUMN:
            return light_dot(case.light(self._moment, self._warn_fraction))
        if role == Qt.ItemDataRole.ForegroundRole and case.is_voided:
            return QBrush(QColor(theme.colours().void_text))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if column == CODE_COLUMN:
                font.setFamilies(["DejaVu Sans Mono", "Monospace"])
                font.setBold(not case.is_voided)
            # A voided case is struck through, all but its time and its light.
            font.setStrikeOut(case.is_voided and column not in (LIGHT_COLUMN, case_fields.TABLE.index("created_at")))
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if case.is_voided:
                return self.tr("已作废：{reason}").format(reason=case.void_reason)
            if case.is_synced:
                return self.tr("已同步到街道平台，不能再在本机修改")
            return self.tr("{department}；截止 {due}").format(
                department=self._texts.department(case), due=clock.local_text(case.close_by)
            )
        if role == CASE_ID_ROLE:
            return case.id
        return None

    def _shown(self, name: str, case: Case) -> str:
        """A field of the description as the list shows it, in the desk's language."""
        if name == "created_at":
            return clock.local_text(case.created_at, with_date=False)
        if name == "category_name":
            return self._texts.category(case)
        if name == "outcome":
            return self._texts.outcome(case)
        return str(getattr(case, name))


class CasesView(QTableView):
    """Enter or double-click opens a case for editing; Delete asks to void it."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._model.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def _fit_rows(self) -> None:
        # Rows as tall as the text at the desk's text size (150 %, 200 %), with a little air.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    open_requested = Signal(str)
    void_requested = Signal(str)

    def __init__(self, model: CasesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesView")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self._fit_rows()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Columns sized on the rows a screen shows, not on all 200 recent cases (Qt's default
        # reads 1,000 rows for every resize: a quarter of a second at start-up).
        header.setResizeContentsPrecision(RESIZE_ROWS)
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(self._open)

    def cases_model(self) -> CasesModel:
        return self.model()  # type: ignore[return-value]

    def selected_case_id(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        case = self.cases_model().case_at(rows[0].row())
        return case.id if case else None

    def select_case(self, case_id: str) -> None:
        row = self.cases_model().row_of(case_id)
        if row >= 0:
            self.selectRow(row)

    def _open(self, index: QModelIndex) -> None:
        case = self.cases_model().case_at(index.row())
        if case is not None:
            self.open_requested.emit(case.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        case_id = self.selected_case_id()
        if case_id and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.open_requested.emit(case_id)
            return
        if case_id and key == Qt.Key.Key_Delete:
            self.void_requested.emit(case_id)
            return
        super().keyPressEvent(event)
