"""The Sync dialog's USB actions, driven as the team leader does at a stall with no network: the
PIN, 导出到U盘…, a file name typed into the file dialog; the platform imports the stick; then
导入平台回执… and the receipt's name typed: the cases are synced."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QPushButton  # noqa: E402

from reception_support import TEST_PIN  # noqa: E402
from sync.platform.cli import main as platform_main  # noqa: E402
from sync.setup import connect  # noqa: E402
from sync_support import case_raw, photo  # noqa: E402
from test_sync_dialog import _open_dialog  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def _enrol(services, platform, name: str, prefix: str) -> None:
    """Enrolled at the street office weeks ago, by the team leader (the settings it keeps are sealed)."""
    _, code = platform.store.add_device(name, prefix)
    services.access.become_leader(TEST_PIN)
    connect(services.desk, platform.url, enrolment_code=code)
    services.access.action_done()


def _type_into(qtbot, widget, text: str) -> None:
    """Letters as key presses, Chinese as an input method commits it (QTest types ASCII only)."""
    import re

    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _type_file_name(qtbot, dialog, path) -> None:
    """Into Qt's file dialog, as the leader types: the stick's folder and Enter (the dialog opens
    it), then the file's name and Enter. The offscreen platform has no window manager to activate
    the file dialog as it opens: the test does, and then the name field has the keyboard."""
    qtbot.waitUntil(lambda: dialog.bundle.file_dialog is not None and dialog.bundle.file_dialog.isVisible())
    chooser = dialog.bundle.file_dialog
    chooser.activateWindow()
    qtbot.waitUntil(chooser.isActiveWindow)
    name = chooser.findChild(QLineEdit, "fileNameEdit")
    qtbot.waitUntil(name.hasFocus)
    for text in (str(path.parent), path.name):
        qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type_into(qtbot, name, text)
        assert name.text() == text
        popup = name.completer().popup() if name.completer() is not None else None
        if popup is not None and popup.isVisible():
            qtbot.keyClick(popup, Qt.Key.Key_Escape)  # the completer's offer declined
        qtbot.keyClick(name, Qt.Key.Key_Return)
        if text == str(path.parent):
            qtbot.waitUntil(lambda: chooser.directory().absolutePath() == str(path.parent))
    qtbot.waitUntil(lambda: not chooser.isVisible())


def test_the_leader_takes_the_night_to_the_platform_on_a_stick(desk_window, qtbot, platform, no_keyring, tmp_path):
    window, services = desk_window
    desk = services.desk
    _enrol(services, platform, "新安六号", "Q6R")
    cases = [desk.record_case(case_raw(photos=[photo(4000, seed=i)] if i == 0 else [])) for i in range(3)]
    stick = tmp_path / "U盘"
    stick.mkdir()

    dialog = _open_dialog(window, qtbot)
    qtbot.waitUntil(lambda: "待同步 3 条" in dialog.summary.text())
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncExportBundle"), Qt.MouseButton.LeftButton)
    _type_file_name(qtbot, dialog, stick / "今晚")
    qtbot.waitUntil(lambda: "已导出诉求 3 条" in dialog.summary.text(), timeout=30_000)
    bundle = stick / "今晚.xinan-bundle"  # the file dialog added the suffix
    assert bundle.exists() and str(bundle) in dialog.summary.text()
    shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert shown == {desk.case(c.id).tracking_code: "已导出" for c in cases}
    assert platform.store.count_requests() == 0
    dialog.grab().save(str(tmp_path / "sync_dialog_exported.png"))

    # At the street office.
    assert platform_main(["--data-dir", str(platform.data_dir), "bundle", "import", str(bundle)]) == 0
    assert platform.count_per_key() == {c.id: 1 for c in cases}

    qtbot.mouseClick(dialog.findChild(QPushButton, "syncImportReceipt"), Qt.MouseButton.LeftButton)
    _type_file_name(qtbot, dialog, stick / "今晚.xinan-receipt")
    qtbot.waitUntil(lambda: "已同步 3 条" in dialog.summary.text(), timeout=30_000)
    assert "此前已标为同步 0 条" in dialog.summary.text()
    shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert shown == {desk.case(c.id).tracking_code: "已同步" for c in cases}
    assert all(desk.case(c.id).is_synced for c in cases)
    assert desk.pending_sync_count() == 0
    dialog.grab().save(str(tmp_path / "sync_dialog_receipt.png"))

    # The same receipt again, by mistake: nothing changes, and the dialog says so.
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncImportReceipt"), Qt.MouseButton.LeftButton)
    _type_file_name(qtbot, dialog, stick / "今晚.xinan-receipt")
    qtbot.waitUntil(lambda: "此前已标为同步 3 条" in dialog.summary.text(), timeout=30_000)
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncClose"), Qt.MouseButton.LeftButton)


def test_a_receipt_that_is_not_one_is_refused_in_the_dialog(desk_window, qtbot, platform, no_keyring, tmp_path):
    window, services = desk_window
    _enrol(services, platform, "新安七号", "Q7R")
    services.desk.record_case(case_raw())
    wrong = tmp_path / "照片.xinan-receipt"
    wrong.write_bytes(b"\xff\xd8\xff\xe0 not a receipt")
    dialog = _open_dialog(window, qtbot)
    qtbot.mouseClick(dialog.findChild(QPushButton, "syncImportReceipt"), Qt.MouseButton.LeftButton)
    _type_file_name(qtbot, dialog, wrong)
    qtbot.waitUntil(lambda: "没有导入回执" in dialog.summary.text(), timeout=30_000)
    assert "不是接访台的平台回执文件" in dialog.summary.text()
    assert services.desk.pending_sync_count() == 1
    assert dialog.findChild(QPushButton, "syncImportReceipt").isEnabled()
