"""``xinan-desk case ...`` as a script or an acceptance check uses it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PIL import Image

from reception.tracking_codes import parse

from cli_runner import cli  # noqa: F401  (the fixture)
from reception_support import open_test_database

CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4,}-[0-9A-HJKMNP-TV-Z]$")


def test_template_add_list_show(cli, tmp_path):
    template = cli.json("case", "template")
    assert {"category", "description", "phone", "community", "urgency", "outcome", "receptionist"} <= set(template)

    result = cli.run_process("case", "add", "--json", "-", stdin=json.dumps(template, ensure_ascii=False))
    assert result.returncode == 0, result.stderr
    code = result.stdout.strip()
    assert result.stdout == code + "\n"  # stdout is exactly the tracking code
    assert CODE.match(code)

    second = cli.add(template)
    assert parse(second).sequence == parse(code).sequence + 1

    listed = cli.json("case", "list", "--json")
    assert [c["tracking_code"] for c in listed] == [second, code]
    shown = cli.json("case", "show", code, "--json")
    assert shown["tracking_code"] == code
    assert shown["description"] == template["description"]
    assert shown["phone"] == "+8613812345678"
    assert shown["category"] == template["category"] and shown["department"]
    assert shown["light"] in ("办理中", "预警黄", "警报红", "办结绿")
    assert shown == listed[1]


def test_show_forgives_lowercase_and_missing_dashes(cli):
    code = cli.add(cli.json("case", "template"))
    for typed in (code.lower(), code.replace("-", ""), code.replace("-", "").lower(), code.replace("-", " ")):
        assert cli.json("case", "show", typed, "--json")["tracking_code"] == code


def test_show_with_a_wrong_check_character(cli):
    code = cli.add(cli.json("case", "template"))
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    result = cli.run("case", "show", wrong, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "校验位不对" in result.stderr


def test_show_an_unknown_code(cli):
    code = cli.add(cli.json("case", "template"))
    other = parse(code).__class__.make(parse(code).prefix, 500)
    result = cli.run("case", "show", other.display)
    assert result.returncode == 2
    assert other.display in result.stderr and "没有" in result.stderr


def test_show_garbage(cli):
    result = cli.run("case", "show", "hello!")
    assert result.returncode == 2 and "查询码" in result.stderr


def test_bad_input_names_the_field_and_writes_nothing(cli):
    cli.add(cli.json("case", "template"))
    before = cli.table_counts()
    bad = {**cli.json("case", "template"), "phone": "12345", "community": "火星社区"}
    path = cli.data_dir.parent / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = cli.run("case", "add", "--json", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "phone: 「联系电话」" in result.stderr and "community: 「所属社区」" in result.stderr
    assert "12345" not in result.stderr
    assert cli.table_counts() == before


def test_unreadable_json(cli):
    path = cli.data_dir.parent / "broken.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"category": "ENV03",\n "description": }', encoding="utf-8")
    result = cli.run("case", "add", "--json", str(path))
    assert result.returncode == 2 and "JSON 格式错误：第 2 行" in result.stderr
    result = cli.run("case", "add", "--json", str(path.parent / "missing.json"))
    assert result.returncode == 2 and "找不到文件" in result.stderr
    result = cli.run("case", "add", "--json", "-", stdin="[1, 2]")
    assert result.returncode == 2 and "应为一个对象" in result.stderr
    assert cli.table_counts().get("cases", 0) == 0


def test_void(cli):
    code = cli.add(cli.json("case", "template"))
    result = cli.run_leader("case", "void", code, "--reason", "")
    assert result.returncode == 2 and "作废原因" in result.stderr
    assert cli.leader("case", "void", code.lower(), "--reason", "重复登记").strip() == code
    shown = cli.json("case", "show", code, "--json")
    assert shown["voided_at"] and shown["void_reason"] == "重复登记" and shown["light"] == "已作废"
    assert cli.table_counts()["cases"] == 1


def test_photos_relative_to_the_json_file_are_downscaled(cli, tmp_path):
    folder = tmp_path / "today"
    (folder / "pics").mkdir(parents=True)
    Image.effect_noise((4000, 3000), 60).convert("RGB").save(folder / "pics" / "big.jpg", quality=95)
    Image.new("RGB", (1000, 3000), "blue").save(folder / "tall.png")
    original = (folder / "pics" / "big.jpg").stat().st_size
    case = {**cli.json("case", "template"), "photos": ["pics/big.jpg", "tall.png"]}
    # Run from elsewhere: the paths are relative to the JSON file, not the working directory.
    code = cli.add(case, directory=folder)
    photos = cli.json("case", "show", code, "--json")["photos"]
    assert [(p["width"], p["height"]) for p in photos] == [(1600, 1200), (533, 1600)]
    assert all(max(p["width"], p["height"]) <= 1600 for p in photos)
    assert photos[0]["size"] < original / 3
    assert cli.table_counts()["photos"] == 2


def test_a_missing_photo_names_its_position(cli, tmp_path):
    case = {**cli.json("case", "template"), "photos": ["nope.jpg"]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    result = cli.run("case", "add", "--json", str(path))
    assert result.returncode == 2 and "「照片」第 1 张找不到文件" in result.stderr


def test_list_current_session_only(cli):
    template = cli.json("case", "template")
    before = cli.add(template)
    cli.ok("session", "open", "--venue", "新安广场", "--community", "安乐社区", "--date", "2026-11-25")
    during = cli.add(template)
    current = cli.json("case", "list", "--json", "--session", "current")
    assert [c["tracking_code"] for c in current] == [during]
    assert {c["tracking_code"] for c in cli.json("case", "list", "--json")} == {before, during}
    text = cli.ok("case", "list")
    assert during in text and before in text


def test_device_prefix_and_forms(cli):
    assert "临时编号" in cli.ok("device")
    assert cli.leader("device", "--set-prefix", "k7q").strip() == "K7Q"
    assert cli.add(cli.json("case", "template")).startswith("K7Q-0001-")
    result = cli.run_leader("device", "--set-prefix", "KU")
    assert result.returncode == 2 and "本机编号" in result.stderr
    assert "13 个大类，80 个小类，21 个社区" in cli.ok("forms")


def test_a_broken_street_form_is_reported_and_the_command_still_works(cli):
    forms_dir = cli.data_dir / "forms"
    forms_dir.mkdir(parents=True)
    (forms_dir / "communities.toml").write_text('version = 1\nstreet = "新安街道"\ncommunities = [\n', encoding="utf-8")
    result = cli.run("forms")
    assert result.returncode == 2 and "communities.toml，第 3 行：TOML 格式错误" in result.stderr
    template = cli.run("case", "template")
    assert template.returncode == 0 and "警告" in template.stderr


def test_a_data_dir_that_is_not_usable(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "file").write_text("x")
    # Run directly: the data directory cannot be prepared, which is the point.
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "file" / "data"), "case", "list"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "XINAN_DESK_PASSPHRASE": "夜话测试口令 2026"},
    )
    assert result.returncode == 1 and result.stderr.startswith("错误："), result.stderr
    assert "Traceback" not in result.stderr


def test_json_saved_by_notepad_with_a_byte_order_mark(cli, tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(cli.json("case", "template"), ensure_ascii=False).encode())
    result = cli.run("case", "add", "--json", str(path))
    assert result.returncode == 0, result.stderr
    assert CODE.match(result.stdout.strip())


def test_absurdly_nested_json(cli, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = cli.run("case", "add", "--json", str(path))
    assert result.returncode == 2 and "嵌套层数太多" in result.stderr and "Traceback" not in result.stderr


def test_a_json_integer_of_thousands_of_digits_is_exit_status_2_with_a_message(cli, tmp_path):
    path = tmp_path / "huge.json"
    path.write_text('{"category": "ENV03", "visitors": ' + "9" * 5000 + "}", encoding="utf-8")
    result = cli.run("case", "add", "--json", str(path))
    assert result.returncode == 2 and "数字太长" in result.stderr and "Traceback" not in result.stderr


def test_template_and_forms_need_no_passphrase_and_touch_no_database(tmp_path):
    # Someone writing a script starts with the template, before anyone has unlocked the desk.
    from cli_runner import Desk

    fresh = Desk(tmp_path / "fresh", passphrase=None)
    template = fresh.json("case", "template")
    assert template["category"] and template["consent"] is True
    assert "80 个小类" in fresh.ok("forms")
    assert not (tmp_path / "fresh" / "desk.db").exists()
    # Recording does need the street's passphrase, and says how to give it.
    result = fresh.run("case", "add", "--json", "-", stdin=json.dumps(template, ensure_ascii=False))
    assert result.returncode == 2
    assert "XINAN_DESK_PASSPHRASE" in result.stderr


def test_a_bug_is_logged_with_its_traceback_and_told_as_unexpected(cli, tmp_path):
    code = cli.add(cli.json("case", "template"))
    # A database whose outbox has gone (a bug in a migration, say): "no such table" is
    # SQLITE_ERROR, not a disk problem the team leader could fix.
    db = open_test_database(cli.data_dir)
    try:
        db.execute("ALTER TABLE outbox RENAME TO outbox_gone")
    finally:
        db.conn.close()
    case = {**cli.json("case", "template"), "description": "楼下烧烤店油烟直排进我家窗户"}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    result = cli.run_process("case", "add", "--json", str(path))
    assert result.returncode == 1
    log = cli.data_dir / "logs" / "desk.log"
    assert result.stderr == (
        f"错误：出现意外错误，命令没有完成（已记入日志 {log}）。已登记的诉求不受影响；"
        "请重试，如果反复出现，请把日志文件交给技术支持。\n"
    )
    logged = log.read_text(encoding="utf-8")
    assert "unexpected OperationalError in command 'case'" in logged
    assert 'File "' in logged and "record_case" in logged  # the frames, to find the bug
    assert "no such table" not in logged and "烧烤" not in logged  # never the message or the case
    db = open_test_database(cli.data_dir)
    try:  # what was recorded is still there, and nothing was added
        assert [row[0] for row in db.execute("SELECT tracking_code FROM cases")] == [code]
    finally:
        db.conn.close()


def test_output_into_a_closed_pipe_ends_quietly(cli):
    import os
    import subprocess
    import sys

    # `xinan-desk case template | head -c 0`: the reader has gone before the desk writes.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(cli.data_dir), "case", "template"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1 and done.stderr == ""
