"""The Qt binding must keep Python's reference counts, or the desk aborts in the middle of a night.

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void call without taking a reference
to it: each ``setText``, ``setEnabled`` or ``processEvents`` drops None's count by one, and after
enough typing the interpreter aborts with "none_dealloc: deallocating None" (pyproject.toml
excludes that release). On Python 3.12+ None is immortal and its count never moves.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit


def test_void_calls_into_qt_keep_the_reference_count_of_none(desk_app):
    edit = QLineEdit()
    before = sys.getrefcount(None)
    # Few calls: with the broken binding, thousands would abort the test run instead of failing.
    for n in range(100):
        edit.setText("x")
        edit.setEnabled(n % 2 == 0)
        QApplication.processEvents()
    after = sys.getrefcount(None)
    # A few references may come and go with Python's own bookkeeping; 300 calls that each lost
    # one show as -300.
    assert after - before > -30, f"None lost {before - after} references in 300 void Qt calls"
