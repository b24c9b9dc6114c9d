"""A page of the setup wizard: its fields, a line under them for what Next refused, and the busy
state while its work runs off the UI thread (see desktop/setup_wizard.py). The page's intro and
fields scroll when they do not fit (200 % text on the stall's 1366×768 laptop); what Next refused
stays in view under them, beside the wizard's buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reception.errors import DeskError

Work = Callable[[Any], Any]  # work(desk), run where the desk's database lives
# run_db(work, done, failed): queue the work off the UI thread; done(result) or failed(error)
# follow on the UI thread.
RunDb = Callable[[Work, Callable[[Any], None], Callable[[DeskError], None]], None]


class SetupPage(QWizardPage):
    """A page with a message line under its fields for what Next refused."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName(f"{name}Scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll, 1)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.column.addWidget(self.intro)
        self.fields = QFormLayout()
        self.column.addLayout(self.fields)
        self.problem = QLabel()
        self.problem.setObjectName(f"{name}Problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)  # below the scrolling part: what Next refused is always in view
        # Shown while the page's work runs (Next pressed): the wizard's buttons wait meanwhile.
        self.busy = QProgressBar()
        self.busy.setObjectName(f"{name}Busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        outer.addWidget(self.busy)
        self.column.addStretch(1)
        self._passed = False
        self._enabled_before: dict[QWidget, bool] = {}
        self._buttons_before: dict[QWidget, bool] = {}
        self._working = False

    def refuse(self, message: str) -> bool:
        self.problem.setText(message)
        self.problem.setProperty("role", "error")
        self.problem.style().polish(self.problem)
        self.problem.show()
        return False

    def accepted(self) -> bool:
        self.problem.hide()
        return True

    def is_busy(self) -> bool:
        # isHidden, not isVisible: initializePage sets the page busy before QWizard shows it, and
        # a child of a hidden page is never "visible"; that let a fast Next (or a test) through
        # before the stored settings arrived and overwrote what was typed.
        return not self.busy.isHidden()

    def is_working(self) -> bool:
        """Busy with work that changes something (not only loading what is stored)."""
        return self.is_busy() and self._working

    def set_busy(self, busy: bool, message: str = "", buttons: bool = True) -> None:
        """While the work runs: the fields (and the wizard's buttons) wait, the page says what it does.

        ``buttons`` False while a page loads what is stored (initializePage): the wizard sets its
        buttons itself then, and validatePage refuses until the fields show the stored values.
        """
        if busy:
            self.problem.setText(message or QCoreApplication.translate("SetupWizard", "请稍候…"))
            self.problem.setProperty("role", "")
            self.problem.style().polish(self.problem)
            self.problem.show()
            inputs = [w for kind in (QLineEdit, QComboBox, QAbstractButton) for w in self.findChildren(kind)]
            self._enabled_before = {w: w.isEnabled() for w in inputs}
            for widget in self._enabled_before:
                widget.setEnabled(False)
        else:
            self.problem.hide()
            for widget, enabled in self._enabled_before.items():
                widget.setEnabled(enabled)
            self._enabled_before = {}
        self.busy.setVisible(busy)
        self._working = busy and buttons
        wizard = self.wizard()
        if wizard is not None and buttons:
            buttons_ = [wizard.button(b) for b in (
                QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
            if busy:
                # As they were: Back stays off after the commit page.
                self._buttons_before = {button: button.isEnabled() for button in buttons_}
                for button in buttons_:
                    button.setEnabled(False)
            else:
                for button, enabled in self._buttons_before.items():
                    button.setEnabled(enabled)
                self._buttons_before = {}
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def validate_with(self, run_db: Callable[..., None], work: Work,
                      done: Callable[[Any], None] | None = None, busy_message: str = "",
                      explain: Callable[[DeskError], str] = str) -> bool:
        """The end of validatePage when the page's work needs the database or the network.

        The first Next starts the work off the UI thread and stays on the page, busy; when the work
        has succeeded the wizard is moved on (and this page's validatePage, asked again, passes).
        A failure is said under the fields, as the page's own checks are.
        """
        if self._passed:
            self._passed = False
            return self.accepted()

        def succeeded(result: Any) -> None:
            self.set_busy(False)
            if done is not None:
                done(result)
            self._passed = True
            wizard = self.wizard()
            if wizard.currentPage() is self:
                if wizard.nextId() == -1:
                    wizard.accept()
                else:
                    wizard.next()

        def failed(error: DeskError) -> None:
            self.set_busy(False)
            self.refuse(explain(error))

        self.set_busy(True, busy_message)
        run_db(work, succeeded, failed)
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def content_size(self):
        """What the page's scrolling part needs to show without scrolling (setup_wizard fits to it)."""
        return self.content.sizeHint()

    @staticmethod
    def choice(radio: QRadioButton) -> tuple[QWidget, QLabel]:
        """A radio button whose words wrap (a QRadioButton's own text never does, and at 200 % text
        the enrolment page's choices were wider than the screen): the button, then a label that
        chooses it when clicked. Returns the row and the label, whose text the page sets."""
        row = QFrame()
        row.setProperty("choiceRow", True)  # theme.py: the focus frame goes round the button and its words
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        radio.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        words = _ChoiceLabel(radio, row)
        layout.addWidget(radio, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(words, 1)
        return row, words

    @staticmethod
    def line(name: str, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit


class _ChoiceLabel(QLabel):
    """The words of a radio button (SetupPage.choice): clicking them chooses it, as its own text would."""

    def __init__(self, radio: QRadioButton, row: QFrame) -> None:
        super().__init__()
        self.radio, self.row = radio, row
        self.setWordWrap(True)
        self.setObjectName(f"{radio.objectName()}Words")
        radio.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        # The keyboard's place shown round the whole choice, as round a radio button's own words.
        if watched is self.radio and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.row.setProperty("focused", event.type() == QEvent.Type.FocusIn)
            self.row.style().polish(self.row)
        return False

    def setText(self, text: str) -> None:
        super().setText(text)
        self.radio.setAccessibleName(text)  # what a screen reader says for the button

    def mousePressEvent(self, event) -> None:
        if self.radio.isEnabled():
            self.radio.click()
            self.radio.setFocus()
        super().mousePressEvent(event)
