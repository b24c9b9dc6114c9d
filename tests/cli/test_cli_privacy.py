"""The command line's side of privacy: the passphrase, the team leader's PIN, the audit log,
export, purge and the notice, through ``python -m desktop`` as a script or a person runs it."""

from __future__ import annotations

import csv
import json

from reception_support import TEST_PIN, open_test_database, rewrite_audit_log_without

from cli_runner import Desk, cli  # noqa: F401  (cli is the fixture)


def test_without_a_passphrase_or_a_terminal_nothing_opens_and_the_variable_is_named(tmp_path):
    fresh = Desk(tmp_path / "data", passphrase=None)
    result = fresh.run("case", "list")
    assert result.returncode == 2
    assert "XINAN_DESK_PASSPHRASE" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "desk.db").exists()


def test_a_fresh_directory_takes_its_passphrase_from_the_environment(tmp_path):
    fresh = Desk(tmp_path / "data", passphrase="新安街道 夜话口令")
    template = json.loads(fresh.ok("case", "template"))
    code = fresh.add(template)
    key = json.loads((tmp_path / "data" / "desk.key").read_text(encoding="utf-8"))
    assert key["kdf"]["n"] >= 2**17, "a directory the desk creates gets the full scrypt cost"
    assert fresh.json("case", "show", code, "--json")["resident_name"] == template["resident_name"]
    short = Desk(tmp_path / "other", passphrase="1234")
    result = short.run("case", "list")
    assert result.returncode == 2 and "口令太短" in result.stderr


def test_a_wrong_passphrase_is_exit_status_2_and_changes_nothing(cli):
    code = cli.add(cli.json("case", "template"))
    before = (cli.data_dir / "desk.db").read_bytes()
    result = cli.run("case", "show", code, env={"XINAN_DESK_PASSPHRASE": "猜一个口令试试"})
    assert result.returncode == 2
    assert "口令不对" in result.stderr and result.stdout == ""
    assert (cli.data_dir / "desk.db").read_bytes() == before
    log = cli.leader("audit")
    assert "解锁失败" in log  # recorded at the next good unlock


def test_team_leader_commands_refuse_a_volunteer_and_a_wrong_pin(cli, tmp_path):
    code = cli.add(cli.json("case", "template"))
    cli.ensure_pin()
    refused = [
        ("case", "void", code, "--reason", "重复登记"),
        ("sync", "--status"),
        ("export", "--out", str(tmp_path / "all.csv")),
        ("audit",),
        ("settings", "--set", "hotline=0755-27891234"),
        ("privacy", "--set", "idle_lock_minutes=3"),
        ("device", "--set-prefix", "K7Q"),
        ("purge",),
    ]
    for args in refused:
        result = cli.run(*args)
        assert result.returncode == 2, args
        assert "只有队长可以操作" in result.stderr and "XINAN_DESK_PIN" in result.stderr, args
    wrong = cli.run("--pin", "999999", "case", "void", code, "--reason", "重复登记")
    assert wrong.returncode == 2 and "队长 PIN 不对" in wrong.stderr
    assert not cli.json("case", "show", code, "--json")["voided_at"]
    assert not (tmp_path / "all.csv").exists()
    # What volunteers do needs no PIN: record, look up, print, read the notice and the settings.
    assert cli.ok("settings") and cli.ok("privacy") and "个人信息告知" in cli.ok("notice")
    assert cli.run("case", "void", code, "--reason", "重复登记", env={"XINAN_DESK_PIN": TEST_PIN}).returncode == 0


def test_the_pin_is_set_once_and_changing_it_needs_the_old_one(cli):
    cli.ensure_pin()
    result = cli.run("pin", env={"XINAN_DESK_NEW_PIN": "135792"})
    assert result.returncode == 2 and "队长 PIN" in result.stderr
    cli.ok("--pin", TEST_PIN, "pin", env={"XINAN_DESK_NEW_PIN": "135792"})
    assert cli.run("--pin", TEST_PIN, "audit").returncode == 2
    assert cli.ok("--pin", "135792", "audit")
    bad = cli.run("--pin", "135792", "pin", env={"XINAN_DESK_NEW_PIN": "2468"})
    assert bad.returncode == 2 and "6–12 位数字" in bad.stderr


def test_audit_shows_who_did_what_and_verify_finds_a_tampered_entry(cli):
    code = cli.add(cli.json("case", "template"))
    cli.leader("case", "void", code, "--reason", "重复登记")
    log = cli.leader("audit")
    for words in ("志愿者", "登记", "队长", "作废", code, "解锁"):
        assert words in log, words
    assert "张先生" not in log and "13812345678" not in log
    assert "操作日志完整" in cli.leader("audit", "--verify")

    db = open_test_database(cli.data_dir)
    try:
        db.execute("UPDATE audit_log SET role = 'leader' WHERE action = 'create'")
    finally:
        db.conn.close()
    result = cli.run_leader("audit", "--verify")
    assert result.returncode == 1
    assert "被篡改" in result.stderr and "内容被修改过" in result.stderr

    db = open_test_database(cli.data_dir)
    try:
        db.execute("UPDATE audit_log SET role = 'volunteer' WHERE action = 'create'")
        db.execute("DELETE FROM audit_log WHERE action = 'void'")
    finally:
        db.conn.close()
    result = cli.run_leader("audit", "--verify")
    assert result.returncode == 1 and "被删除" in result.stderr


def test_wrong_pins_are_counted_across_command_line_starts(cli):
    """Issue 12: each start reset the count, so 12 wrong PINs in a row were each 'try 4 more'."""
    code = cli.add(cli.json("case", "template"))
    cli.ensure_pin()
    answers = [cli.run("--pin", "000000", "case", "void", code, "--reason", "重复登记") for _ in range(4)]
    assert all(a.returncode == 2 for a in answers)
    assert "请 30 秒后再试" in answers[2].stderr
    assert "连续输错 3 次" in answers[3].stderr  # the fourth start still waits
    assert "连续输错" in cli.run("--pin", TEST_PIN, "audit").stderr  # the right one too, for now
    db = open_test_database(cli.data_dir)
    try:
        failed = db.execute("SELECT count(*) FROM audit_log WHERE action = 'pin_failed'").fetchone()[0]
        assert failed == 3
    finally:
        db.conn.close()


def test_a_rewritten_log_fails_verify_against_the_leader_s_seals_and_says_what_it_proves(cli):
    code = cli.add(cli.json("case", "template"))
    cli.leader("case", "void", code, "--reason", "重复登记")
    cli.add(cli.json("case", "template"))
    report = cli.leader("audit", "--verify")
    assert "队长封存" in report and "不能证明" in report
    db = open_test_database(cli.data_dir)
    try:  # delete the void and the leader entries, renumber, rehash, write a new head
        rewrite_audit_log_without(db, {"void", "leader"})
    finally:
        db.conn.close()
    result = cli.run_leader("audit", "--verify")
    assert result.returncode == 1 and "队长封存不符" in result.stderr, result.stderr


def test_export_writes_a_spreadsheet_for_the_leader_and_is_logged(cli, tmp_path):
    code = cli.add(cli.json("case", "template"))
    out = tmp_path / "诉求.csv"
    assert cli.leader("export", "--out", str(out)).strip() == str(out)
    [row] = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert row["tracking_code"] == code and row["resident_name"] == "张先生"
    inside = cli.run_leader("export", "--out", str(cli.data_dir / "x.json"))
    assert inside.returncode == 1 and "数据目录" in inside.stderr
    assert "导出" in cli.leader("audit")


def test_changing_the_passphrase_keeps_the_cases(cli):
    code = cli.add(cli.json("case", "template"))
    cli.leader("passphrase", env={"XINAN_DESK_NEW_PASSPHRASE": "新口令 2027 夜话"})
    assert cli.run("case", "show", code).returncode == 2  # the old one no longer opens it
    again = Desk(cli.data_dir, passphrase="新口令 2027 夜话")
    assert again.json("case", "show", code, "--json")["tracking_code"] == code


def test_each_unlock_purges_what_the_platform_closed_longer_ago_than_the_retention(cli):
    from datetime import timedelta

    from forms import load_form
    from reception import clock
    from reception.desk import ReceptionDesk
    from reception.storage import repository as repo

    old, recent = cli.add(cli.json("case", "template")), cli.add(cli.json("case", "template"))
    db = open_test_database(cli.data_dir)
    try:
        desk = ReceptionDesk(db, load_form(None).form)
        for code, days in ((old, 91), (recent, 89)):
            case_id = desk.find_case(code).id
            closed = clock.to_text(clock.now() - timedelta(days=days))
            with db.atomic():
                repo.mark_case_synced(db, case_id, closed, "closed")
                repo.set_platform_status(db, case_id, "closed", closed, True)
    finally:
        db.conn.close()
    purged = cli.json("case", "show", old, "--json")
    assert (purged["resident_name"], purged["phone"], purged["address"]) == ("", "", "")
    assert purged["category"] and purged["community"]  # what the reports count stays
    assert cli.json("case", "show", recent, "--json")["resident_name"] == "张先生"
    assert "到期清除个人信息" in cli.leader("audit") and "系统" in cli.leader("audit")


def test_a_common_password_is_refused_as_the_street_s_passphrase(tmp_path):
    for weak in ("12345678", "password"):
        result = Desk(tmp_path / weak, passphrase=weak).run("case", "list")
        assert result.returncode == 2 and "太容易猜" in result.stderr, result.stderr
        assert not (tmp_path / weak / "desk.key").exists()


def test_the_command_line_creates_everything_private_under_an_open_umask(tmp_path):
    import os
    import stat

    previous = os.umask(0o022)  # the subprocess inherits it: the desktop default
    try:
        fresh = Desk(tmp_path / "data", passphrase="新安街道 夜话口令")
        fresh.add(json.loads(fresh.ok("case", "template")))
    finally:
        os.umask(previous)
    for path in [tmp_path / "data", *(tmp_path / "data").rglob("*")]:
        wanted = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == wanted, path
