"""The just-saved case's tracking code, large enough to read from a metre away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from desktop.i18n import local
from desktop.widgets import theme
from desktop.widgets.case_texts import CaseTexts
from reception import clock
from reception.cases import Case
from reception.deadlines import plain_words
from reception.form_definition import FormDefinition


class SavedCodePanel(QFrame):
    def __init__(self, definition: FormDefinition | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = CaseTexts(definition)
        self.setObjectName("savedCodePanel")
        theme.set_role(self, "panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.caption = QLabel()
        self.caption.setObjectName("savedCaption")
        self.caption.setProperty("role", "muted")
        self.caption.setWordWrap(True)
        self.code = QLabel("—")
        self.code.setObjectName("savedCode")
        self.code.setProperty("role", "code")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.code.font()
        font.setFamilies(["DejaVu Sans Mono", "Monospace", *font.families()])
        font.setPointSize(40)
        font.setBold(True)
        self.code.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("savedDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.detail.font()
        font.setPointSize(13)
        self.detail.setFont(font)
        layout.addWidget(self.caption)
        layout.addWidget(self.code)
        layout.addWidget(self.detail)
        self._compact = False
        self.case_id: str | None = None
        self._shown: tuple[Case, bool] | None = None
        self.retranslate_ui()

    def set_compact(self, compact: bool) -> None:
        """One row (caption, code, detail) above the tabs at 200 % text; a block beside the form
        otherwise."""
        self.layout().setDirection(QBoxLayout.Direction.LeftToRight if compact else QBoxLayout.Direction.TopToBottom)
        self._compact = compact
        theme.set_role(self.code, "code-compact" if compact else "code")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if compact
                                 else Qt.AlignmentFlag.AlignCenter)
        self.layout().setSpacing(16 if compact else 2)
        # One row: the caption on one line, the detail in smaller print beside the code.
        self.caption.setWordWrap(not compact)
        self.detail.setProperty("compact", "true" if compact else "false")
        self.detail.style().unpolish(self.detail)
        self.detail.style().polish(self.detail)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self._shown is not None:
            self.show_case(*self._shown)
        elif self._compact:
            self.caption.setText(self.tr("查询码"))
            self.detail.setText(self.tr("保存登记后在这里显示"))
        else:
            self.caption.setText(self.tr("查询码（请读给居民，或抄在回执上）"))
            self.detail.setText(self.tr("保存登记后，这里大字显示查询码和办理时限"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_case(self, case: Case, edited: bool = False) -> None:
        self.case_id = case.id
        self._shown = (case, edited)
        self.code.setText(case.tracking_code)
        if self._compact:
            self.caption.setText(self.tr("已保存修改") if edited else self.tr("已登记！查询码"))
        else:
            self.caption.setText(
                self.tr("已保存修改，查询码不变") if edited else self.tr("已登记！查询码（请读给居民，或抄在回执上）")
            )
        if case.closed_at is not None:
            handled = self.tr("{outcome}，已办结").format(outcome=self._texts.outcome(case))
        else:
            handled = self.tr("{limit}办结（{due} 前）").format(
                limit=local(plain_words(case.close_by, case.created_at)),
                due=clock.local_text(case.close_by),
            )
        category, department = self._texts.category(case), self._texts.department(case)
        if self._compact:
            # Two lines at most beside the code; the department is in the tooltip.
            self.detail.setText(self.tr("{category}\n{handled}").format(category=category, handled=handled))
            self.detail.setToolTip(department)
        else:
            self.detail.setText(
                self.tr("{category} → {department}\n{handled}").format(
                    category=category, department=department, handled=handled
                )
            )
            self.detail.setToolTip("")

    def shown_code(self) -> str:
        return self.code.text()
