"""The desk window built through the composition root on a real SQLite file (offscreen Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from desktop_driving import Volunteer, close_window  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from reception_support import TEST_PASSPHRASE, prepare_data_dir  # noqa: E402

from desktop.application import configure  # noqa: E402
from composition.services import Services, open_services  # noqa: E402
from desktop.wiring import build_window  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402


# The offscreen platform cannot raise windows, grab the keyboard for popups (the category list,
# combo boxes) or pass size hints to a window manager, and says so at warning level; those two messages are about the test platform, not
# the desk. Every other Qt warning still fails the test.
OFFSCREEN_LIMITS = (
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))


@pytest.fixture(scope="session")
def desk_app(qapp: QApplication) -> QApplication:
    configure(qapp)
    return qapp


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def tracking_base(data_dir: Path) -> str:
    """The data directory as after enrolment: the tracking page's address is known, slips have a QR."""
    from desktop_driving import fresh_desk
    from reception_support import TRACKING_BASE, set_tracking_base

    with fresh_desk(data_dir) as desk:
        set_tracking_base(desk.db)
    return TRACKING_BASE


@pytest.fixture
def make_window(desk_app, qtbot, data_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    """Build (and later close) desk windows on ``data_dir``; waits until each has loaded."""
    built: list[tuple[MainWindow, Services]] = []

    def make() -> MainWindow:
        # The passphrase as the unlock dialog would pass it (tests/desktop/test_privacy drives
        # the dialog itself); the data directory is prepared with a cheap KDF cost.
        prepare_data_dir(data_dir)
        services = open_services(data_dir, TEST_PASSPHRASE)
        window = build_window(services)
        built.append((window, services))
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.is_ready)
        qtbot.waitUntil(lambda: window.isActiveWindow())
        return window

    yield make
    for window, services in built:
        close_window(window, services)


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def volunteer(qtbot) -> Volunteer:
    return Volunteer(qtbot)
