"""The Sync dialog's two actions for a night with no network at all (issue 10): 导出到U盘…
writes what is waiting as an encrypted bundle for the street's platform, 导入平台回执… reads the
receipt the platform wrote for it and marks those cases synced (sync/offline.py).

Both run on the desk's database worker (desktop/operations.py) like the sync itself, behind the
same leader mode: the Sync dialog is only open to the team leader, and a file dialog opened from
it is part of that action. The file dialogs are Qt's own, so they speak the desk's language.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QPushButton

from reception.desk import ReceptionDesk
from sync.bundle import BUNDLE_SUFFIX, RECEIPT_SUFFIX
from sync.offline import PROBLEMS

CASES, OUTBOX = "cases", "outbox"


class SyncBundle(QObject):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.file_dialog: QFileDialog | None = None
        self.export_button = QPushButton(self.tr("导出到U盘…"))
        self.export_button.setObjectName("syncExportBundle")
        self.export_button.setToolTip(self.tr("没有网络时：把待同步的诉求存成加密数据包，带到街道平台导入"))
        self.export_button.clicked.connect(self.choose_bundle)
        self.receipt_button = QPushButton(self.tr("导入平台回执…"))
        self.receipt_button.setObjectName("syncImportReceipt")
        self.receipt_button.setToolTip(self.tr("平台导入数据包后会生成回执：导入后，其中的诉求标为已同步"))
        self.receipt_button.clicked.connect(self.choose_receipt)

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.export_button, self.receipt_button

    def _file_dialog(self, title: str, start: Path, suffix: str, kind: str, saving: bool) -> QFileDialog:
        dialog = QFileDialog(self.dialog, title, str(start))
        dialog.setObjectName("syncBundleFile")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if saving else QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(f"{kind} (*{suffix})")
        dialog.setDefaultSuffix(suffix.lstrip("."))
        self.file_dialog = dialog
        return dialog

    # --- export ------------------------------------------------------------------------------------

    def choose_bundle(self) -> None:
        name = self.tr("接访台同步-{date}").format(date=date.today().isoformat()) + BUNDLE_SUFFIX
        dialog = self._file_dialog(self.tr("导出到U盘：数据包存到哪里"), Path.home() / name, BUNDLE_SUFFIX,
                                   self.tr("接访台同步数据包"), saving=True)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        from composition.services import export_bundle

        self._run(self.tr("正在导出数据包…"), "sync_export_bundle", lambda services: export_bundle(services, path),
                  self._exported)

    def _run(self, words: str, what: str, action, done) -> None:
        """``action(services)`` on the desk's worker; its expected failures come back as words."""
        if not self.dialog.begin(words):
            return
        services = self.dialog.services

        def work(desk: ReceptionDesk) -> tuple[str, Any]:
            try:
                return "done", action(services)
            except PROBLEMS as error:
                return "error", str(error)

        self.dialog.operations.submit(work, what=what, done=done, failed=self.dialog._failed, changes={CASES, OUTBOX})

    def _exported(self, outcome: tuple[str, Any]) -> None:
        self.dialog.end()
        kind, value = outcome
        if kind == "error":
            self.dialog.summary.setText(self.tr("没有导出：{reason}").format(reason=value))
            return
        self.dialog.table.setRowCount(0)
        self.dialog.progress.setMaximum(1)
        self.dialog.progress.setValue(0)
        self.dialog.progress.setFormat(self.tr("已导出 {n} 条，等平台回执").format(n=value.cases))
        for code in value.codes:
            self.dialog._add_row(code, self.tr("已导出"), self.tr("等平台回执：导入回执后标为已同步"))
        for result in value.not_included:
            self.dialog._add_row(result.tracking_code, self.tr("未导出"), result.reason)
        self.dialog.summary.setText(self.tr(
            "已导出诉求 {cases} 条、照片 {photos} 张、更正与评价 {amendments} 条到 {path}（{size}，已加密）。\n"
            "请把U盘带到街道平台导入；平台会在数据包旁边生成回执，带回来后按“导入平台回执…”。").format(
            cases=value.cases, photos=value.photos, amendments=value.amendments, path=str(value.path),
            size=value.size_text))

    # --- the receipt -------------------------------------------------------------------------------

    def choose_receipt(self) -> None:
        dialog = self._file_dialog(self.tr("导入平台回执"), Path.home(), RECEIPT_SUFFIX, self.tr("平台回执"),
                                   saving=False)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()

    def import_from(self, path: Path) -> None:
        from composition.services import import_receipt

        self._run(self.tr("正在导入平台回执…"), "sync_import_receipt", lambda services: import_receipt(services, path),
                  self._imported)

    def _imported(self, outcome: tuple[str, Any]) -> None:
        self.dialog.end()
        kind, value = outcome
        if kind == "error":
            self.dialog.summary.setText(self.tr("没有导入回执：{reason}").format(reason=value))
            return
        report = value.report
        self.dialog.table.setRowCount(0)
        self.dialog.progress.setMaximum(max(len(report.results), 1))
        self.dialog.progress.setValue(len(report.results))
        self.dialog.progress.setFormat(self.tr("%v / %m 条") if report.results else self.tr("回执中没有新的诉求"))
        for result in report.results:
            self.dialog._show_result(result)
        lines = [self.tr("平台回执（{street}）：已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；"
                         "此前已标为同步 {already} 条。").format(
            street=value.street, synced=len(report.synced), aside=len(report.set_aside),
            waiting=len(report.waiting), already=value.already)]
        if report.set_aside:
            lines.append(self.tr("搁置的诉求被平台拒收，原因见列表；请联系街道核对。"))
        if report.audit_anchor:
            lines.append(report.audit_anchor)
        self.dialog.summary.setText("\n".join(lines))
        if (report.audit_anchor or "").startswith("警告"):
            self.dialog.clock_warning.setText(report.audit_anchor)
            self.dialog.clock_warning.show()
