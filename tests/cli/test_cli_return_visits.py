"""xinan-desk case find / case rate / case add --follows: a returning resident at the stall."""

from __future__ import annotations

import json

from reception.storage import repository as repo
from reception_support import open_test_database, valid_case

from cli_runner import cli  # noqa: F401  (the fixture)


def _mark_closed_on_platform(data_dir, code):
    db = open_test_database(data_dir)
    try:
        case_id = repo.get_case_by_code(db, code)["id"]
        with db.atomic():
            repo.mark_case_synced(db, case_id, "2026-11-26T01:00:00+00:00", "closed")
            repo.set_platform_status(db, case_id, "closed", "2026-11-26T01:00:00+00:00", True)
    finally:
        db.conn.close()


def test_find_by_phone_tail_and_pinyin_prints_masked_results(cli):
    code = cli.add(valid_case(resident_name="王小明", phone="13812345678"))
    cli.add(valid_case(resident_name="李秀英", phone="13900001111"))
    found = cli.json("case", "find", "5678", "--json")
    assert [h["tracking_code"] for h in found] == [code]
    assert (found[0]["resident_name"], found[0]["phone"], found[0]["matched"]) == ("王*", "138****5678", "phone")
    text = cli.ok("case", "find", "wxm")
    assert code in text and "王*" in text and "小明" not in text and "12345678" not in text


def test_find_with_nothing_found_exits_1_and_a_bad_query_exits_2(cli):
    cli.add(valid_case())
    nothing = cli.run("case", "find", "zhaoliu", "--json")
    assert nothing.returncode == 1 and json.loads(nothing.stdout) == [] and "没有找到" in nothing.stderr
    short = cli.run("case", "find", "12")
    assert short.returncode == 2 and "至少输入 4 位" in short.stderr


def test_rate_waits_for_the_platform_to_close_then_shows_on_the_case(cli):
    code = cli.add(valid_case())
    early = cli.run("case", "rate", code, "--rating", "不满意")
    assert early.returncode == 1 and "还没有同步" in early.stderr
    _mark_closed_on_platform(cli.data_dir, code)
    assert cli.ok("case", "rate", code, "--rating", "不满意", "--note", "蟑螂还在").strip() == code
    shown = cli.json("case", "show", code, "--json")
    assert [(r["rating"], r["note"], r["sent_at"]) for r in shown["ratings"]] == [("不满意", "蟑螂还在", None)]
    assert shown["progress"] is None  # nothing came back from the platform yet
    wrong = cli.run("case", "rate", code, "--rating", "还行")
    assert wrong.returncode == 2 and "满意" in wrong.stderr


def test_a_new_petition_follows_an_earlier_case(cli, tmp_path):
    earlier = cli.add(valid_case())
    path = tmp_path / "later.json"
    path.write_text(json.dumps(valid_case(description="上次反映的蟑螂又出现了"), ensure_ascii=False), encoding="utf-8")
    later = cli.ok("case", "add", "--json", str(path), "--follows", earlier.lower()).strip()
    assert cli.json("case", "show", later, "--json")["follows_code"] == earlier
    wrong = cli.run("case", "add", "--json", str(path), "--follows", "K7Q-00A3-Y")
    assert wrong.returncode == 2 and "校验位" in wrong.stderr


def test_find_on_a_laptop_whose_index_is_not_built_yet_builds_it_first(cli):
    from reception import case_search

    code = cli.add(valid_case(resident_name="王小明", phone="13812345678"))
    db = open_test_database(cli.data_dir)
    try:
        with db.atomic():  # as migration m007 leaves a laptop that already held cases
            db.execute("DELETE FROM case_search")
            case_search.start_build(db)
    finally:
        db.conn.close()
    result = cli.run("case", "find", "wxm", "--json")
    assert result.returncode == 0 and [h["tracking_code"] for h in json.loads(result.stdout)] == [code]
    assert "正在建立查找索引" in result.stderr and "查找索引已建好" in result.stderr
    again = cli.run("case", "find", "wxm", "--json")
    assert again.returncode == 0 and "查找索引" not in again.stderr  # once only
