"""The platform's store on both databases: its migrations, and a platform made by the release
before them (one street, sqlite-utils' migrations) moving into the default street."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlalchemy import text

from sync.platform.migrations import MIGRATIONS, Migration, migrate
from sync.platform.store import PlatformStore


def _previous_release_platform(data_dir) -> None:
    """platform.db as the single-street release wrote it: its tables, one device, one case, one staff."""
    data_dir.mkdir(parents=True)
    db = sqlite_utils.Database(sqlite3.connect(data_dir / "platform.db"))
    db["devices"].create({"id": int, "name": str, "prefix": str, "token_sha256": str, "enrolment_sha256": str,
                          "device_id": str, "created_at": str, "enrolled_at": str, "revoked_at": str}, pk="id")
    db["requests"].create(
        {"id": int, "service_request_id": str, "idempotency_key": str, "content_sha256": str, "device": int,
         "service_code": str, "service_name": str, "group_name": str, "department": str, "description": str,
         "address_string": str, "first_name": str, "phone": str, "attributes": str, "tracking_code": str,
         "verifier": str, "requested_datetime": str, "accept_by": str, "close_by": str, "status": str,
         "status_notes": str, "created_at": str, "updated_at": str, "closed_at": str},
        pk="id", foreign_keys=[("device", "devices", "id")])
    db["requests"].create_index(["idempotency_key"], unique=True)
    db["requests"].create_index(["service_request_id"], unique=True)
    db["media"].create({"request": int, "position": int, "sha256": str, "size": int, "received": int,
                        "complete": int}, pk=("request", "sha256"))
    db["updates"].create({"id": int, "request": int, "status": str, "description": str, "author": str,
                          "idempotency_key": str, "created_at": str}, pk="id")
    db["updates"].create_index(["idempotency_key"], unique=True)
    db["staff"].create({"username": str, "salt": str, "password_sha": str, "created_at": str}, pk="username")
    db["staff_sessions"].create({"token_sha256": str, "username": str, "csrf": str, "expires_at": str},
                                pk="token_sha256")
    db["devices"].insert({"id": 1, "name": "新安一号", "prefix": "K7Q", "token_sha256": "t" * 64,
                          "created_at": "2026-11-01T10:00:00+00:00", "enrolled_at": "2026-11-01T10:05:00+00:00"})
    db["requests"].insert({"id": 1, "service_request_id": "XA000001", "idempotency_key": "case-1",
                           "content_sha256": "c" * 64, "device": 1, "service_code": "ENV03", "status": "open",
                           "tracking_code": "K7Q-0001-P", "created_at": "2026-11-04T14:00:00+00:00"})
    db["staff"].insert({"username": "zhangsan", "salt": "00" * 16, "password_sha": "x", "created_at": "2026-11-01"})
    db.conn.close()


def test_a_single_street_platform_moves_into_the_default_street(tmp_path):
    _previous_release_platform(tmp_path / "platform")
    store = PlatformStore(tmp_path / "platform")
    try:
        [street] = store.list_streets()
        assert street["code"] == "XA"
        assert store.get_request("XA000001")["street"] == street["id"]
        assert [d["street_code"] for d in store.list_devices()] == ["XA"]
        assert store._row("SELECT street, role FROM staff WHERE username = 'zhangsan'") == {
            "street": street["id"], "role": "street"}
        # The next case the old laptop sends carries on from the old numbering, in its street.
        device = PlatformStore._device(store._row(store._DEVICE + "WHERE d.id = 1"))
        request_id, created = store.create_request("case-2", "d" * 64, device, _row(), [], "open")
        assert created and request_id == "XA000002"
    finally:
        store.close()


def _row() -> dict:
    return {"service_code": "ENV03", "service_name": "垃圾", "group_name": "环境", "department": "城管",
            "description": "楼道堆物", "address_string": "", "first_name": "", "phone": "", "attributes": "{}",
            "tracking_code": "K7Q-0002-G", "verifier": "", "requested_datetime": "", "accept_by": "", "close_by": ""}


def test_migrations_run_once_and_in_order_on_both_databases(tmp_path, platform_database):
    store = PlatformStore(tmp_path / "p", platform_database)
    try:
        applied = [r["name"] for r in store._rows("SELECT name FROM schema_migrations ORDER BY name")]
        assert applied == sorted(m.name for m in MIGRATIONS)
        assert migrate(store.engine) == []  # a second worker starting finds nothing left to do

        def add_a_table(conn) -> None:
            conn.execute(text("CREATE TABLE visits (id INTEGER PRIMARY KEY, request INTEGER REFERENCES requests (id))"))

        extended = [*MIGRATIONS, Migration("900_visits", add_a_table)]
        assert migrate(store.engine, extended) == ["900_visits"]
        assert migrate(store.engine, extended) == []
        assert store._rows("SELECT * FROM visits") == []
    finally:
        store.close()



def test_migrate_on_the_command_line_says_what_it_did(tmp_path, capsys):
    from sync.platform.cli import main

    _previous_release_platform(tmp_path / "platform")
    assert main(["--data-dir", str(tmp_path / "platform"), "migrate"]) == 0
    assert capsys.readouterr().out.strip() == "已升级数据库结构：" + "、".join(m.name for m in MIGRATIONS)
    assert main(["--data-dir", str(tmp_path / "platform"), "migrate"]) == 0
    assert capsys.readouterr().out.strip() == "数据库结构已是最新"
    assert main(["--data-dir", str(tmp_path / "platform"), "--database", "mysql://x@y/z", "migrate"]) == 2
    assert "--database" in capsys.readouterr().err


def test_a_database_that_cannot_be_reached_is_named_without_its_password(tmp_path, capsys):
    from sync.platform.cli import main

    from postgres_cluster import _free_port

    url = f"postgresql://xinan:secret-pw@127.0.0.1:{_free_port()}/xinan"
    assert main(["--data-dir", str(tmp_path / "p"), "--database", url, "street", "list"]) == 1
    err = capsys.readouterr().err
    assert "无法连接数据库" in err and "127.0.0.1" in err and "secret-pw" not in err and "Traceback" not in err
