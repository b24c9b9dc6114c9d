"""Fixtures for the sync tests: the real platform on loopback, the fault proxy, a keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sync_fault_proxy import FaultProxy
from sync_support import MemoryKeyring, PlatformServer


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[PlatformServer]:
    server = PlatformServer(tmp_path / "platform").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def device_token(platform: PlatformServer) -> str:
    return platform.enrol(prefix="K7Q")[1]


@pytest.fixture
def proxy(platform: PlatformServer) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(platform.port).start()
    try:
        yield fault_proxy
    finally:
        fault_proxy.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def desk_window(qapp, qtbot, tmp_path: Path):
    """The desk window on a fresh encrypted data directory, the team leader's PIN already set.

    Qt is imported here, not at the top, so the sync tests that need no window do not load it.
    """
    import shiboken6

    from desktop.application import configure
    from composition.services import open_services
    from desktop.wiring import build_window
    from reception_support import TEST_PASSPHRASE, TEST_PIN, prepare_data_dir

    configure(qapp)
    prepare_data_dir(tmp_path / "desk")
    services = open_services(tmp_path / "desk", TEST_PASSPHRASE)
    services.access.set_pin(TEST_PIN)  # the team leader's, set on an earlier night
    window = build_window(services)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.is_ready)
    yield window, services
    if shiboken6.isValid(window):
        window.close()
        window.deleteLater()
    services.close()
