"""Fixtures for the sync tests: the real platform on loopback, the fault proxy, a keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from postgres_cluster import DATABASES, PostgresCluster
from sync_fault_proxy import FaultProxy
from sync_support import MemoryKeyring, PlainOpen311, PlatformServer

# The desk's own tests that need a platform to talk to but do not test it: SQLite only.
DESK_SIDE_MODULES = {"test_sync_dialog", "test_sync_dialog_bundle", "test_setup_wizard_enrol", "test_sync_cli"}


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "desk_side: a desk test that needs a platform, not a test of it: SQLite only")


def pytest_generate_tests(metafunc) -> None:
    # Every test of the platform runs on both databases; the desk's own tests that merely need a
    # platform to talk to (the sync dialog, the wizard) run on the embedded default.
    if "platform_database" in metafunc.fixturenames:
        desk_side = (metafunc.module.__name__.rpartition(".")[2] in DESK_SIDE_MODULES
                     or metafunc.definition.get_closest_marker("desk_side") is not None)
        kinds = DATABASES[:1] if desk_side else DATABASES
        metafunc.parametrize("platform_database", kinds, indirect=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """One throwaway cluster for the session, started by the first test that needs it."""
    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def platform_database(request) -> str | None:
    """The database URL under test: None for SQLite in the data dir, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres").fresh_schema()


@pytest.fixture
def platform(tmp_path: Path, platform_database: str | None) -> Iterator[PlatformServer]:
    server = PlatformServer(tmp_path / "platform", database_url=platform_database).start()
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


@pytest.fixture(scope="session")
def service_codes() -> list[str]:
    """The street's sub-item codes: the services a street's own Open311 server would list."""
    from forms import load_form

    return sorted(sub.code for _, sub in load_form(None).form.taxonomy.items())


@pytest.fixture
def plain(tmp_path: Path, service_codes: list[str]) -> Iterator[PlainOpen311]:
    """A plain third-party GeoReport v2 server in its own process (tests/sync/plain_open311.py)."""
    server = PlainOpen311(tmp_path / "georeport", service_codes).start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture(scope="module")
def plain_line(tmp_path_factory, service_codes: list[str]) -> Iterator[tuple[PlainOpen311, FaultProxy]]:
    """One plain server and a fault proxy in front of it, shared by a module's many schedules."""
    server = PlainOpen311(tmp_path_factory.mktemp("plain-line"), service_codes).start()
    proxy = FaultProxy(server.port).start()
    try:
        yield server, proxy
    finally:
        proxy.stop()
        server.kill()


@pytest.fixture
def private_plain(tmp_path: Path, service_codes: list[str]) -> Iterator[PlainOpen311]:
    """The same server configured to keep descriptions to itself: a look-up cannot tell."""
    server = PlainOpen311(tmp_path / "georeport-private", service_codes, private=True).start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A laptop without an OS keyring: keyring's own "fail" backend, as on a bare Linux desktop."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


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
    services.access.action_done()
    window = build_window(services)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.is_ready)
    yield window, services
    if shiboken6.isValid(window):
        # A dialog the test left open (the Sync dialog) is the window's child: it would stay on
        # screen until the window's deferred deletion, and the next test's settle() would give
        # it the keyboard.
        from PySide6.QtWidgets import QDialog

        for dialog in window.findChildren(QDialog):
            dialog.close()
        window.close()
        window.deleteLater()
    services.close()
