"""The window's side of tests/reception/test_leader_actions.py: the team leader's settings from
the window are refused to a volunteer (the PIN dialog asks first; cancelled, nothing changes)
and, with the PIN, written to the audit log like the command line's."""

from __future__ import annotations

from desktop_driving import fresh_desk, set_leader_pin
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from desktop.leader_gate import PinDialog
from desktop.street_settings_dialog import StreetSettingsDialog
from desktop.widgets.dialogs import PrefixDialog
from reception import street_settings
from reception.privacy import audit
from reception_support import TEST_PIN


def _log(data_dir) -> list[tuple[str, str, str]]:
    with fresh_desk(data_dir) as desk:
        return [(e["action"], e["role"], e["detail"]) for e in audit.entries(desk.db)]


def _cancel_pin(window, qtbot) -> None:
    qtbot.waitUntil(lambda: any(p.isVisible() for p in window.findChildren(PinDialog)))
    next(p for p in window.findChildren(PinDialog) if p.isVisible()).reject()


def test_setting_the_prefix_from_the_window_is_refused_then_audited(window, volunteer, qtbot, data_dir):
    set_leader_pin(data_dir)
    before = _log(data_dir)
    window.prefix_action.trigger()
    _cancel_pin(window, qtbot)
    assert window.findChild(PrefixDialog) is None and _log(data_dir) == before

    window.prefix_action.trigger()
    volunteer.type_pin(TEST_PIN)
    qtbot.waitUntil(lambda: window.findChild(PrefixDialog) is not None)
    dialog = window.findChild(PrefixDialog)
    dialog.prefix.setText("R7T")
    dialog.submitted.emit(dialog.values())
    qtbot.waitUntil(lambda: ("settings", "leader", "本机编号") in _log(data_dir)[len(before):])
    qtbot.waitUntil(lambda: not isValid(dialog) or dialog.result() == QDialog.DialogCode.Accepted)
    with fresh_desk(data_dir) as desk:
        assert desk.device_prefix == "R7T"


def test_street_settings_from_the_window_are_refused_then_audited(window, volunteer, qtbot, data_dir):
    set_leader_pin(data_dir)
    action = window.findChild(type(window.prefix_action), "streetSettingsAction")
    before = _log(data_dir)
    action.trigger()
    _cancel_pin(window, qtbot)
    assert window.findChild(StreetSettingsDialog) is None and _log(data_dir) == before

    action.trigger()
    volunteer.type_pin(TEST_PIN)
    qtbot.waitUntil(lambda: window.findChild(StreetSettingsDialog) is not None)
    dialog = window.findChild(StreetSettingsDialog)
    dialog.hotline.setText("0755-27891234")
    dialog.submitted.emit(dialog.values())
    qtbot.waitUntil(lambda: any(a[:2] == ("settings", "leader") and "hotline" in a[2]
                                for a in _log(data_dir)[len(before):]))
    qtbot.waitUntil(lambda: not isValid(dialog) or dialog.result() == QDialog.DialogCode.Accepted)
    with fresh_desk(data_dir) as desk:
        assert street_settings.load(desk.db, "").hotline == "0755-27891234"
