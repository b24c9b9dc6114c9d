"""The worker thread: one at a time, in order, off the UI thread; errors come back safely."""

from __future__ import annotations

import logging
import threading

import pytest
from desktop_driving import fresh_desk

from desktop.operations import Operations, UnexpectedError
from reception.errors import SessionError


@pytest.fixture
def operations(desk_app, data_dir):
    with fresh_desk(data_dir) as desk:
        ops = Operations(desk)
        yield ops
        ops.shutdown()


def test_work_runs_in_order_on_one_thread_that_is_not_the_ui_thread(operations, qtbot):
    seen: list[tuple[int, str]] = []
    results: list[int] = []
    for n in range(20):
        operations.submit(
            lambda desk, n=n: seen.append((n, threading.current_thread().name)) or n,
            what="probe", done=results.append,
        )
    qtbot.waitUntil(lambda: len(results) == 20)
    assert results == list(range(20))
    assert {name for _, name in seen} == {"desk-db-worker"}
    assert threading.current_thread().name != "desk-db-worker"
    assert operations.pending == 0


def test_an_expected_failure_reaches_the_caller_with_its_message(operations, qtbot):
    failures = []
    operations.submit(lambda desk: desk.close_session(), what="close_session", failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], SessionError)
    assert "没有正在进行的夜话" in str(failures[0])


def test_a_bug_is_logged_without_its_message_and_shown_as_unexpected(operations, qtbot, caplog):
    shown = []
    operations.error.connect(shown.append)

    def buggy(desk):
        raise KeyError("王阿姨 13812345678")  # a bug whose message quotes personal data

    with caplog.at_level(logging.ERROR, logger="desktop.operations"):
        operations.submit(buggy, what="buggy_probe")
        qtbot.waitUntil(lambda: bool(shown))
    assert "意外错误" in shown[0]
    assert "13812345678" not in shown[0]
    assert "KeyError" in caplog.text and "buggy_probe" in caplog.text
    assert "13812345678" not in caplog.text and "王阿姨" not in caplog.text

    # The worker survives the bug and keeps serving.
    results = []
    operations.submit(lambda desk: desk.case_count(), what="count", done=results.append)
    qtbot.waitUntil(lambda: bool(results))
    assert results == [0]


def test_a_bug_reaching_a_failed_callback_is_an_unexpected_error(operations, qtbot):
    failures = []
    operations.submit(lambda desk: 1 / 0, what="divide", failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], UnexpectedError)


def test_shutdown_finishes_queued_work_first(operations, data_dir):
    for n in range(5):
        operations.submit(lambda desk, n=n: desk.save_draft({"description": f"第{n}版"}), what="save_draft")
    operations.shutdown()
    with fresh_desk(data_dir) as desk:
        assert desk.load_draft() == {"description": "第4版"}
    with pytest.raises(RuntimeError):
        operations.submit(lambda desk: None, what="late")
