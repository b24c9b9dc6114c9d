"""The desk window and the command line writing to one database file at once."""

from __future__ import annotations

import secrets
import threading

from reception.desk import ReceptionDesk
from reception.storage import open_database


def test_a_write_waits_for_another_process_instead_of_failing(tmp_path, form, clock):
    key = secrets.token_bytes(32)
    path = tmp_path / "data" / "desk.db"
    window = ReceptionDesk(open_database(path, key), form, now=clock.now)
    window.open_session(date="2026-11-25", venue="新安广场", community="安乐社区", team=[])
    command_line = open_database(path, key)

    # The command line holds the write lock and commits a change once the window is waiting for it.
    command_line.execute("BEGIN IMMEDIATE")
    command_line.execute("UPDATE sessions SET household_visits = household_visits + 1")
    began = threading.Event()
    # SQLite reports a statement as it starts running, before BEGIN IMMEDIATE asks for the lock.
    window.db.conn.set_trace_callback(lambda sql: began.set() if sql.startswith("BEGIN IMMEDIATE") else None)
    counted = {}
    volunteer = threading.Thread(target=lambda: counted.update(session=window.count_visitor()))
    volunteer.start()
    # Reading the session and then writing it: a deferred transaction would read the old
    # snapshot, then fail at once with "database is locked" once the other commit lands.
    assert began.wait(timeout=30)
    command_line.execute("COMMIT")
    volunteer.join(timeout=30)
    window.db.conn.set_trace_callback(None)
    session = counted["session"]
    assert session.counts.visitors == 1
    assert session.counts.household_visits == 1
