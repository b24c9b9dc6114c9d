"""``xinan-desk report night|range`` as a team leader uses it at 22:00."""

from __future__ import annotations

from reception_support import valid_case
from slip_tools import pdf_text

from cli_runner import Desk, cli  # noqa: F401  (cli is the fixture)


def _night(cli: Desk) -> str:
    session_id = cli.ok("session", "open", "--venue", "新安广场", "--community", "安乐社区",
                        "--date", "2026-11-25", "--member", "陈书记:社区党委书记").strip()
    cli.ok("session", "count", "visitor", "--add", "12")
    cli.ok("session", "count", "household", "--add", "4")
    cli.add(valid_case())
    cli.add(valid_case(category="CTY01", outcome="当场解决", outcome_note="已电话联系清理"))
    cli.ok("session", "close")
    return session_id


def test_report_night_writes_the_pdf_and_the_exports(cli, tmp_path):
    session_id = _night(cli)
    for suffix in (".pdf", ".xlsx", ".csv"):
        out = tmp_path / f"当晚{suffix}"
        result = cli.run("report", "night", "--session", session_id, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out)
        assert "已保存 2026-11-25 新安广场 的当晚报表" in result.stderr
    text = pdf_text(tmp_path / "当晚.pdf")
    assert "接待人次" in text and "50.00%" in text and "王阿姨" not in text
    assert (tmp_path / "当晚.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # Without --session: the latest night.
    cli.ok("report", "night", "--out", str(tmp_path / "latest.pdf"))
    assert "新安广场" in pdf_text(tmp_path / "latest.pdf")


def test_report_range_prints_the_totals_in_the_streets_words(cli, tmp_path):
    _night(cli)
    result = cli.run("report", "range", "--from", "2026-11-01", "--to", "2026-11-30",
                     "--out", str(tmp_path / "11月.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "共 1 期 1 场，接访 12 人次，走访 4 家，收集诉求 2 条，办结 1 件，办结率 50.00%" in result.stderr


def test_bad_report_requests_are_exit_status_2_and_write_nothing(cli, tmp_path):
    result = cli.run("report", "night", "--out", str(tmp_path / "a.pdf"))
    assert result.returncode == 2 and "还没有任何夜话场次" in result.stderr
    _night(cli)
    for args, words in [
        (["night", "--out", str(tmp_path / "a.docx")], "应以 .pdf、.csv 或 .xlsx 结尾"),
        (["night", "--session", "nope", "--out", str(tmp_path / "a.pdf")], "找不到这一场夜话"),
        (["range", "--from", "2026-11-31", "--to", "2026-12-01", "--out", str(tmp_path / "a.pdf")], "应为 年-月-日"),
        (["range", "--from", "2026-12-01", "--to", "2026-11-01", "--out", str(tmp_path / "a.pdf")], "早于起始日期"),
    ]:
        result = cli.run("report", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.glob("a.*"))


def test_topics_lists_recurring_petitions_and_puts_one_on_the_council_list(cli, tmp_path):
    cli.ok("session", "open", "--venue", "安乐广场", "--community", "安乐社区", "--date", "2026-11-25")
    codes = [cli.add(valid_case(description=f"安乐村{n}栋楼道蟑螂太多，希望统一消杀")) for n in (10, 11, 12)]
    cli.add(valid_case(category="FAC01", description="巷子里没有路灯，晚上回家很害怕"))
    listed = cli.json("topics", "--json")
    assert len(listed) == 1 and listed[0]["count"] == 3 and sorted(listed[0]["cases"]) == sorted(codes)
    assert listed[0]["tonight"] is True
    result = cli.run("topics", "--council", "1")
    assert result.returncode == 0 and "已列入议事会清单" in result.stderr
    shown = cli.ok("topics", "--council-list")
    assert "1. " in shown and "3 件" in shown and codes[0] in shown
    bad = cli.run("topics", "--council", "5")
    assert bad.returncode == 2 and "没有第 5 个话题" in bad.stderr
