"""The team leader's 同步 (Sync) button and dialog.

The sync runs as one operation on the desk's database worker (desktop/operations.py), so the
SQLite connection stays single-threaded; its progress comes back through a Qt signal. The
dialog shows a progress bar and one line per case (已同步 / 搁置 + the platform's reason /
等待 + why), and at the end what was synced, what was set aside and why, and what is waiting.

Wiring (composition root): ``install_sync_action(window, services)`` adds 同步… to the 夜话 menu
and the toolbar (Ctrl+Shift+S).
"""

from __future__ import annotations

import queue
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.public_warning import street_agrees
from desktop.sync_bundle import SyncBundle
from desktop.widgets import theme
from desktop.widgets.screen_fit import fit_to_screen, scrolling_part
from reception.desk import ReceptionDesk
from sync.client import SyncError
from sync import held_voids, unconfirmed
from sync.service import SET_ASIDE, SYNCED, UNCONFIRMED, Progress, SyncReport, overview
from sync.setup import PublicDescriptions, connect, remembered_server

CASES, OUTBOX = "cases", "outbox"


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the dialog.

    Only a wake-up crosses threads (a queued Signal(int)); the Progress objects wait in a Python
    queue. PySide's handling of Python objects in queued cross-thread signals is what
    desktop/operations.py stopped relying on after the none_dealloc aborts.
    """

    _wake = Signal(int)
    progressed = Signal(object)  # emitted on the UI thread only

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: queue.SimpleQueue[Progress] = queue.SimpleQueue()
        self._wake.connect(self._deliver)

    def put(self, progress: Progress) -> None:
        """Called from the worker thread."""
        self._waiting.put(progress)
        self._wake.emit(0)

    def _deliver(self, _: int) -> None:
        try:
            progress = self._waiting.get_nowait()
        except queue.Empty:
            return
        self.progressed.emit(progress)


class SyncDialog(QDialog):
    def __init__(self, window, services, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.services = services
        self.operations = window.operations
        self._cancel = threading.Event()
        self._running = False
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progressed)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("同步到街道信箱平台"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # Not deleted on close: a sync still finishing reports back to this dialog.

        # Everything but the outcome and the buttons scrolls: at 200 % text on a 768-pixel screen it does not fit,
        # and the list keeps room for a few rows instead of being squeezed to nothing.
        outer = QVBoxLayout(self)
        self._scroll, layout = scrolling_part(outer, "syncScroll")
        self.intro = QLabel(self.tr("把今晚登记的诉求送到街道平台，并取回已同步诉求的办理进度。"
                                    "网络不好也没关系：中断后再按“开始同步”，会从断开的地方继续。"))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("syncServer")
        self.server_edit.setPlaceholderText("https://xinan.example.gov.cn/")
        form.addRow(self.tr("平台地址"), self.server_edit)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("syncEnrolmentCode")
        self.code_edit.setPlaceholderText(self.tr("首次同步时填写街道给的一次性登记码，之后留空"))
        form.addRow(self.tr("登记码"), self.code_edit)
        self.api_key_edit = QLineEdit()
        self.api_key_edit.setObjectName("syncApiKey")
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key_edit.setPlaceholderText(self.tr("其他 Open311 平台：平台管理员给的 api_key；用登记码时留空"))
        form.addRow(self.tr("api_key"), self.api_key_edit)
        layout.addLayout(form)

        self.clock_warning = QLabel()
        self.clock_warning.setObjectName("syncClockWarning")
        self.clock_warning.setWordWrap(True)
        theme.set_role(self.clock_warning, "error")
        self.clock_warning.hide()
        layout.addWidget(self.clock_warning)

        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setFormat(self.tr("%v / %m 条"))
        self.progress.setValue(0)
        layout.addWidget(self.progress)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("syncResults")
        self.table.setHorizontalHeaderLabels([self.tr("查询码"), self.tr("结果"), self.tr("原因")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 8)
        layout.addWidget(self.table, 1)

        # 待核实: the team leader looked on the server's own pages and says what is there.
        self.not_there_button = QPushButton(self.tr("平台上没有，重新发送"))
        self.not_there_button.setObjectName("syncNotThere")
        self.not_there_button.clicked.connect(self._not_there)
        self.it_is_there_button = QPushButton(self.tr("平台上有：填写编号…"))
        self.it_is_there_button.setObjectName("syncItIsThere")
        self.it_is_there_button.clicked.connect(self._it_is_there)
        for button in (self.not_there_button, self.it_is_there_button):
            # Shown only while a case waits for the team leader's word (待核实).
            button.setEnabled(False)
            button.hide()
        # A void the platform refused for good: held until the leader sends it again.
        self.resend_void_button = QPushButton(self.tr("重新发送作废"))
        self.resend_void_button.setToolTip(self.tr("平台拒绝过这条作废，本机保留着它、不再自动重发。平台工作人员处理后，"
                                                   "选中这一行再点这里：下次同步重新发送"))
        self.resend_void_button.setObjectName("syncResendVoid")
        self.resend_void_button.clicked.connect(self._resend_void)
        self.resend_void_button.setEnabled(False)
        self.resend_void_button.hide()
        self._held: set[str] = set()  # codes of the cases whose void is held
        self._public_ok: str | None = None

        # No network at all: the same cases on a USB stick, and the platform's receipt back.
        self.bundle = SyncBundle(self)
        offline = QHBoxLayout()
        offline_label = QLabel(self.tr("没有网络时："))
        offline.addWidget(offline_label)
        for button in self.bundle.buttons():
            offline.addWidget(button)
        offline.addStretch(1)
        layout.addLayout(offline)

        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)  # below the scrolling part: the outcome is always in view

        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("开始同步"))
        self.start_button.setObjectName("syncStart")
        theme.set_role(self.start_button, "primary")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("停止"))
        self.stop_button.setObjectName("syncStop")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("syncClose")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.not_there_button)
        buttons.addWidget(self.it_is_there_button)
        buttons.addWidget(self.resend_void_button)
        buttons.addStretch(1)
        for button in (self.start_button, self.stop_button, self.close_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        fit_to_screen(self, self._scroll, QSize(760, 600))
        self._load_state()

    # --- before: what is waiting -----------------------------------------------------------------

    def _load_state(self) -> None:
        def work(desk: ReceptionDesk) -> dict[str, Any]:
            return {"server": remembered_server(desk) or "", "overview": overview(desk),
                    "unconfirmed": unconfirmed.pending(desk)}

        self.operations.submit(work, what="sync_state", done=self._state_loaded)

    def _state_loaded(self, state: dict[str, Any]) -> None:
        if not self.server_edit.text():
            self.server_edit.setText(state["server"])
        waiting, aside = state["overview"]["waiting"], state["overview"]["set_aside"]
        self.summary.setText(self.tr("待同步 {waiting} 条，上次被平台搁置 {aside} 条。").format(
            waiting=len(waiting), aside=len(aside)))
        # The bar counts what this sync will send (as the service does: each case with something
        # in the outbox, set aside or not), not a percentage.
        to_send = len(waiting) + sum(1 for row in aside if row["pending"])
        self.progress.setMaximum(max(to_send, 1))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m 条") if to_send else self.tr("没有要发送的诉求"))
        self._held = {row["tracking_code"] for row in aside if row.get("held")}
        self.resend_void_button.setVisible(bool(self._held))
        for row in aside:
            self._add_row(row["tracking_code"], self.tr("搁置"), row["set_aside_reason"] or "")
        for row in state["unconfirmed"]:
            self._add_row(row["tracking_code"], self.tr("待核实"), self._unconfirmed_words())

    # --- 待核实: the team leader's answer ----------------------------------------------------------

    def _unconfirmed_words(self) -> str:
        return self.tr("上次发送后没有收到平台的答复，平台也无法确认是否收到，本机不会自动重发。"
                       "请在平台上按查询码搜索：选中这一行，找到了点“平台上有”并填写编号，确实没有点“平台上没有”。")

    def _selected_unconfirmed(self) -> str | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        if self.table.item(row, 1).text() != self.tr("待核实"):
            return None
        return self.table.item(row, 0).text()

    def _selected_code(self) -> str | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.table.item(rows.pop(), 0).text() if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        chosen = self._selected_unconfirmed() is not None and not self._running
        self.not_there_button.setEnabled(chosen)
        self.it_is_there_button.setEnabled(chosen)
        self.resend_void_button.setEnabled(self._selected_code() in self._held and not self._running)

    def _refresh_held(self) -> None:
        def shown(rows: list[dict[str, Any]]) -> None:
            self._held = {row["tracking_code"] for row in rows}
            self.resend_void_button.setVisible(bool(self._held))
            self._selection_changed()
            if self._held:  # unlike other set-aside cases, these are not tried again by the next sync
                self.summary.setText(self.summary.text() + "\n" + self.tr(
                    "被平台拒绝的作废 {count} 条不会自动重发（本机保留着）：平台工作人员处理后，选中该行点“重新发送作废”。")
                    .format(count=len(self._held)))

        self.operations.submit(held_voids.held, what="held_voids", done=shown)

    def _resend_void(self) -> None:
        code = self._selected_code()
        if code not in self._held:
            return

        def done(_code: str) -> None:
            self._held.discard(code)
            self._confirmed(code, self.tr("下次同步时重新发送作废"), self.tr("待发送"))

        self.operations.submit(lambda desk: held_voids.send_again(desk, code), what="sync_resend_void",
                               done=done, failed=self._failed, changes={CASES, OUTBOX})

    def _not_there(self) -> None:
        code = self._selected_unconfirmed()
        if code is None:
            return
        self.operations.submit(lambda desk: unconfirmed.send_again(desk, code), what="sync_confirm",
                               done=lambda _: self._confirmed(code, self.tr("下次同步时重新发送")),
                               failed=self._failed, changes={CASES, OUTBOX})

    def _it_is_there(self) -> None:
        code = self._selected_unconfirmed()
        if code is None:
            return
        number, ok = QInputDialog.getText(self, self.tr("平台上有这条诉求"),
                                          self.tr("{code} 在平台上的诉求编号：").format(code=code))
        if not ok or not number.strip():
            return
        self.operations.submit(lambda desk: unconfirmed.it_is_there(desk, code, number), what="sync_confirm",
                               done=lambda _: self._confirmed(code, self.tr("记为平台编号 {number}，下次同步时核对")
                                                              .format(number=number.strip())),
                               failed=self._failed, changes={CASES, OUTBOX})

    def _confirmed(self, code: str, words: str, state: str | None = None) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == code:
                self.table.item(row, 1).setText(state or self.tr("已核实"))
                self.table.item(row, 2).setText(words)
        self._selection_changed()

    # --- running ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        api_key = self.api_key_edit.text().strip()
        if not server:
            self.summary.setText(self.tr("请填写平台地址。"))
            self.server_edit.setFocus()
            return
        self._running = True
        self._cancel.clear()
        self.table.setRowCount(0)
        self.progress.setMaximum(0)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m 条"))
        self.clock_warning.hide()
        self.summary.setText(self.tr("正在同步…"))
        self.start_button.setEnabled(False)
        for button in self.bundle.buttons():
            button.setEnabled(False)
        self.stop_button.setEnabled(True)
        services, relay, cancel, public_ok = self.services, self._relay, self._cancel, self._public_ok

        def work(desk: ReceptionDesk) -> tuple[str, Any]:
            from composition.services import sync_service

            try:
                if code or api_key:
                    connected = connect(desk, server, enrolment_code=code or None, api_key=api_key or None,
                                        accept_public=public_ok is not None)
                    server_ = connected.check.base
                else:
                    server_ = server
                service = sync_service(services, server_)
                return "report", service.run(progress=relay.put, cancel=cancel)
            except PublicDescriptions as warning:
                return "public", warning.base
            except SyncError as error:
                return "error", str(error)

        self.operations.submit(work, what="sync", done=self._finished, failed=self._failed, changes={CASES, OUTBOX})

    def begin(self, words: str) -> bool:
        """Another of the dialog's operations starts (a bundle's export, a receipt's import):
        False while one is already running."""
        if self._running:
            return False
        self._running = True
        self.summary.setText(words)
        self.progress.setMaximum(0)  # busy: a file is being written or read
        self.clock_warning.hide()
        for button in (self.start_button, *self.bundle.buttons()):
            button.setEnabled(False)
        return True

    def end(self) -> None:
        self._running = False
        if self.progress.maximum() == 0:
            self.progress.setMaximum(1)
        for button in (self.start_button, *self.bundle.buttons()):
            button.setEnabled(True)

    def stop(self) -> None:
        self._cancel.set()
        self.stop_button.setEnabled(False)
        self.summary.setText(self.tr("正在停止：当前这几条传完就停…"))

    def _progressed(self, progress: Progress) -> None:
        self.progress.setMaximum(max(progress.total, 1))
        self.progress.setValue(min(progress.done, max(progress.total, 1)))
        if progress.phase == "updates":
            self.summary.setText(self.tr("正在取回办理进度…"))
        if progress.last is not None:
            self._show_result(progress.last)

    def _show_result(self, result) -> None:
        words = {SYNCED: self.tr("已同步"), SET_ASIDE: self.tr("搁置"), UNCONFIRMED: self.tr("待核实")}.get(
            result.outcome, self.tr("等待"))
        reason = result.reason
        if result.outcome == UNCONFIRMED:
            reason = self._unconfirmed_words()
            self.not_there_button.show()
            self.it_is_there_button.show()
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == result.tracking_code:
                self.table.item(row, 1).setText(words)
                self.table.item(row, 2).setText(reason)
                return
        self._add_row(result.tracking_code, words, reason)

    def _add_row(self, code: str, words: str, reason: str) -> None:
        if words == self.tr("待核实"):
            self.not_there_button.show()
            self.it_is_there_button.show()
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((code, words, reason)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def _finished(self, outcome: tuple[str, Any]) -> None:
        self.end()
        self.stop_button.setEnabled(False)
        kind, value = outcome
        if kind == "public":
            self._ask_about_public(value)
            return
        self.code_edit.clear()
        self.api_key_edit.clear()
        self._public_ok = None
        if kind == "error":
            self.progress.setMaximum(1)
            self.summary.setText(self.tr("没有同步：{reason}").format(reason=value))
            return
        report: SyncReport = value
        for result in report.results:
            self._show_result(result)
        self._refresh_held()  # a void refused in this run waits for the leader's 重新发送作废
        self.progress.setMaximum(max(len(report.results), 1))
        self.progress.setValue(len(report.results))
        lines = [self.tr("已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；收到办理进度 {updates} 条。").format(
            synced=len(report.synced), aside=len(report.set_aside), waiting=len(report.waiting),
            updates=report.updates_received)]
        if report.set_aside:
            lines.append(self.tr("搁置的诉求被平台拒收，原因见列表；请联系街道核对，下次同步会再试。"))
        if report.waiting:
            lines.append(self.tr("等待的诉求没有丢：网络好时再按“开始同步”。"))
        if report.unconfirmed:
            lines.append(self.tr("待核实 {count} 条：平台没有答复、也无法确认是否收到，本机不会自动重发。"
                                 "请在平台上按查询码搜索，选中该行后点左下的按钮。").format(count=len(report.unconfirmed)))
        for note in (report.stopped, report.updates_note, report.audit_anchor):
            if note:
                lines.append(note)
        self.summary.setText("\n".join(lines))
        # The platform refusing the laptop's audit log is said as loudly as a wrong clock.
        refused = report.audit_anchor if (report.audit_anchor or "").startswith("警告") else None
        warnings = [w for w in (report.clock_warning, refused) if w]
        if warnings:
            self.clock_warning.setText("\n".join(warnings))
            self.clock_warning.show()

    def _ask_about_public(self, base: str) -> None:
        """Before the first sync to a server that shows petition texts to anyone."""
        if street_agrees(self, base, self.tr("街道同意这样做吗？同意后才开始同步。"), self.tr("街道同意，开始同步"),
                         self.tr("先不同步"), "syncPublicWarning"):
            self._public_ok = base
            self.start()
        else:
            self.summary.setText(self.tr("没有同步：请先和街道确认该平台公开诉求内容是否合适。"))

    def _failed(self, error) -> None:
        self.end()
        self.stop_button.setEnabled(False)
        self.summary.setText(str(error))

    def closeEvent(self, event) -> None:
        if self._running:
            # Closing mid-sync stops it cleanly; the cases already confirmed stay synced.
            self._cancel.set()
        super().closeEvent(event)


def install_sync_action(window, services) -> QAction:
    """Add 同步… to the window (menu 夜话 and the toolbar)."""
    action = QAction(window)
    action.setObjectName("syncAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+S"))

    def open_dialog() -> None:
        from desktop import leader_gate

        if not leader_gate.allowed(window, "sync", open_dialog):
            return
        previous = getattr(window, "sync_dialog", None)
        if previous is not None and previous._running:
            previous.open()
            return
        if previous is not None:
            previous.deleteLater()
        window.sync_dialog = SyncDialog(window, services)
        leader_gate.done_when_closed(window, window.sync_dialog)
        window.sync_dialog.open()

    def retranslate() -> None:
        action.setText(QCoreApplication.translate("SyncDialog", "同步…"))

    retranslate()
    i18n.on_language_change(window, retranslate)
    action.triggered.connect(open_dialog)
    window.add_action(action, menu="session", toolbar=True)
    return action
