"""``xinan-desk session ...``: open, count, show and close tonight's session."""

from __future__ import annotations

from cli_runner import cli  # noqa: F401  (the fixture)


def test_a_whole_night(cli):
    session_id = cli.ok(
        "session", "open", "--venue", "新安广场", "--community", "安乐社区", "--date", "2026-11-25",
        "--member", "陈书记:社区党委书记", "--member", "李明",
    ).strip()
    assert len(session_id) == 36
    assert cli.ok("session", "count", "visitor").strip() == "1"
    assert cli.ok("session", "count", "visitor", "--add", "4").strip() == "5"
    assert cli.ok("session", "count", "household", "--add", "2").strip() == "2"
    assert cli.ok("session", "count", "visitor", "--add", "-9").strip() == "0"
    cli.ok("session", "count", "visitor", "--add", "3")
    template = cli.json("case", "template")
    code = cli.add(template)
    cli.add({**template, "outcome": "当场解决", "outcome_note": "电话联系物业，已处理"})

    shown = cli.json("session", "show", "--json")
    assert shown["id"] == session_id and shown["closed_at"] is None
    assert shown["team"] == [{"name": "陈书记", "role": "社区党委书记"}, {"name": "李明", "role": "志愿者"}]
    assert shown["counts"] == {"visitors": 3, "household_visits": 2, "petitions": 2, "solved_on_spot": 1,
                               "forwarded": 1, "explained": 0, "voided": 0}
    assert "接待 3 人次，走访 2 家，收集诉求 2 条" in cli.ok("session", "show")

    closed = cli.json("session", "close")
    assert closed["closed_at"] and closed["counts"] == shown["counts"]

    # After the close: a void and a new case do not change the night's frozen figures.
    cli.leader("case", "void", code, "--reason", "居民撤回")
    cli.add(template)
    assert cli.json("session", "show", "--json")["counts"] == shown["counts"]
    result = cli.run("session", "count", "visitor")
    assert result.returncode == 1 and "还没开始" in result.stderr
    result = cli.run("session", "close")
    assert result.returncode == 1 and "没有正在进行" in result.stderr


def test_only_one_open_session(cli):
    cli.ok("session", "open", "--venue", "新安广场", "--community", "安乐社区")
    result = cli.run("session", "open", "--venue", "文汇广场", "--community", "文汇社区")
    assert result.returncode == 1 and "已有一场夜话正在进行" in result.stderr


def test_bad_session_input(cli):
    result = cli.run("session", "open", "--venue", " ", "--community", "火星社区", "--date", "2026/11/25")
    assert result.returncode == 2
    for field in ("venue: 「地点」", "community: 「社区」", "date: 「日期」"):
        assert field in result.stderr
    result = cli.run("session", "open", "--venue", "广场", "--community", "安乐社区", "--member", "张三:队长")
    assert result.returncode == 2 and "角色" in result.stderr
    result = cli.run("session", "show")
    assert result.returncode == 2 and "还没有任何夜话场次" in result.stderr
    result = cli.run("session", "count", "visitor", "--add", "99999999999999999999")
    assert result.returncode == 2 and "计数增减" in result.stderr and "Traceback" not in result.stderr
    assert cli.table_counts()["sessions"] == 0
