"""``xinan-desk slip`` and ``xinan-desk settings`` as a team leader uses them."""

from __future__ import annotations

import pytest
from reception_support import TRACKING_BASE, open_test_database
from slip_tools import decode_qr, pdf_text, rasterise

from reception.tracking_codes import TrackingCode, parse

from cli_runner import Desk, cli  # noqa: F401  (cli is the fixture)


@pytest.fixture
def code(cli: Desk) -> str:
    cli.leader("settings", "--set", f"base_url={TRACKING_BASE}")  # as enrolment would
    return cli.add(cli.json("case", "template"))


@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_slip_writes_a_pdf_whose_qr_scans_to_the_case_url(cli, code, tmp_path, paper):
    out = tmp_path / f"slip-{paper}.pdf"
    result = cli.run("slip", code, "--paper", paper, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    urls = decode_qr(rasterise(out))
    assert len(urls) == 1
    assert urls[0].startswith(f"{TRACKING_BASE.upper()}{parse(code).compact}/")
    text = pdf_text(out)
    assert code in text and "张*" in text and "138****5678" in text
    assert "张先生" not in text and "13812345678" not in text


def test_a_second_slip_is_a_reprint_and_both_are_logged(cli, code, tmp_path):
    cli.ok("slip", code, "--paper", "58mm", "--out", str(tmp_path / "a.pdf"))
    cli.ok("slip", code, "--paper", "58mm", "--out", str(tmp_path / "b.pdf"))
    assert "补打" not in pdf_text(tmp_path / "a.pdf")
    assert "补打 1" in pdf_text(tmp_path / "b.pdf")
    db = open_test_database(cli.data_dir)
    try:
        rows = db.execute("SELECT paper, printer, copy_number, status FROM print_log ORDER BY id").fetchall()
    finally:
        db.conn.close()
    assert rows == [("58mm", "", 1, "saved"), ("58mm", "", 2, "saved")]


def test_an_unknown_paper_is_exit_status_2_naming_the_papers(cli, code, tmp_path):
    result = cli.run("slip", code, "--paper", "a5", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "纸张「a5」不对：只能是 80mm、58mm、a4" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_code_not_on_this_laptop_is_exit_status_2(cli, code, tmp_path):
    other = TrackingCode.make("ZZZ", 7).display
    result = cli.run("slip", other, "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert f"本机没有查询码为 {other} 的诉求" in result.stderr


def test_a_mistyped_code_is_exit_status_2(cli, code, tmp_path):
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    result = cli.run("slip", wrong, "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "校验位不对" in result.stderr


def test_settings_show_the_hotline_as_something_the_team_leader_sets(cli):
    shown = cli.ok("settings")
    assert "street = 新安街道" in shown
    assert "hotline = （未设置" in shown and "settings --set hotline=" in shown
    assert "base_url = （未设置：凭条只印查询码和热线，不印二维码" in shown and "settings --set base_url=" in shown


def test_before_the_tracking_address_is_set_a_slip_has_no_qr_and_says_lookup_is_not_open(cli, tmp_path):
    code = cli.add(cli.json("case", "template"))
    cli.leader("settings", "--set", "hotline=0755-27891234")
    out = tmp_path / "slip.pdf"
    cli.ok("slip", code, "--out", str(out))
    assert decode_qr(rasterise(out)) == []
    text = "".join(pdf_text(out).split())
    assert code in text and "网上查询暂未开通" in text and "0755-27891234" in text
    result = cli.run_leader("settings", "--set", "base_url=https://xinan.example.gov.cn/t/")
    assert result.returncode == 2 and "示例地址" in result.stderr
    cli.leader("settings", "--set", f"base_url={TRACKING_BASE}")
    assert f"base_url = {TRACKING_BASE}" in cli.ok("settings")
    cli.ok("slip", code, "--out", str(out))
    [url] = decode_qr(rasterise(out))
    assert url.startswith(f"{TRACKING_BASE.upper()}{parse(code).compact}/")


def test_settings_are_set_and_used_on_the_next_slip(cli, code, tmp_path):
    cli.leader("settings", "--set", "hotline=0755-27891234", "--set", "default_paper=58mm", "--set", "footer=新安街道心安夜话")
    shown = cli.ok("settings")
    assert "hotline = 0755-27891234" in shown and "default_paper = 58mm" in shown
    out = tmp_path / "s.pdf"
    cli.ok("slip", code, "--out", str(out))  # the default paper now
    text = pdf_text(out)
    assert "0755-27891234" in text and "新安街道心安夜话" in text


def test_a_bad_setting_is_exit_status_2_and_nothing_is_saved(cli):
    result = cli.run_leader("settings", "--set", "hotline=0755-1", "--set", "default_paper=a3")
    assert result.returncode == 2
    assert "「默认纸张」只能是 80mm、58mm、a4" in result.stderr
    assert "没有保存任何一项" in result.stderr
    shown = cli.ok("settings")
    assert "default_paper = 80mm" in shown
    assert "hotline = （未设置" in shown  # the good value was not saved either


def test_a_setting_without_equals_sign_is_explained(cli):
    result = cli.run_leader("settings", "--set", "hotline")
    assert result.returncode == 2
    assert "名称=值" in result.stderr


def test_print_without_the_qt_print_path_says_how_to_print_and_changes_nothing(cli, code, tmp_path):
    """``python -m cli`` (no PySide6): --print is explained, never a traceback."""
    result = cli.run("slip", code, "--print", "--printer", "xinan-test")
    assert result.returncode == 2
    assert "请用 xinan-desk 打印，或用 --out 保存 PDF" in result.stderr
    assert not (cli.data_dir / "slips").exists()


def test_printer_is_only_for_print(cli, code, tmp_path):
    result = cli.run("slip", code, "--out", str(tmp_path / "x.pdf"), "--printer", "xinan-test")
    assert result.returncode == 2 and "--printer 只能和 --print 一起用" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_printers_without_the_qt_print_path_is_explained(cli):
    result = cli.run("printers")
    assert result.returncode == 2 and "请用 xinan-desk 运行" in result.stderr
