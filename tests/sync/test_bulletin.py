"""The street's bulletin on both databases: figures against a week counted by hand, the PDF read
back with pdftotext, the CLI, and the staff page."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bulletin_week import NOW, fill_week
from slip_tools import pdf_text, run

from sync.platform.bulletin import PeriodError, make_bulletin, month_period, week_period
from sync.platform.bulletin_files import render, save
from sync.platform.database import database_url
from sync.platform.store import PlatformStore

@pytest.fixture
def store(tmp_path, platform_database):
    store = PlatformStore(tmp_path / "p", None if platform_database is None else database_url(".", platform_database))
    try:
        fill_week(store)
        yield store
    finally:
        store.close()


def test_the_week_counts_match_the_hand_count(store):
    b = make_bulletin(store, 1, week_period("2026-W48"), NOW)
    f, p = b.figures, b.previous
    assert (f.petitions, f.closed, f.sign_due, f.signed_on_time) == (5, 3, 4, 2)
    assert (p.petitions, p.closed, p.sign_due, p.signed_on_time) == (2, 1, 1, 1)
    assert b.by_type == (("环境卫生", 3), ("噪音扰民", 1), ("市容与违规停放", 1))
    assert b.by_community == (("安乐社区", 3), ("宝民社区", 1), ("海旺社区", 1))
    assert [o.tracking_code for o in b.overdue] == ["K7Q-p1", "K7Q-r2"]
    assert [o.days_late for o in b.overdue] == [10, 4]
    # The roaches three times in 安乐; and 共享单车乱停放 in 宝民 this week and last (p2, r3).
    assert [sorted(x.tracking_code for x in t.petitions) for t in b.topics] == [
        ["K7Q-r1", "K7Q-r2", "K7Q-r7"], ["K7Q-p2", "K7Q-r3"]]
    assert "蟑螂" in b.topics[0].title
    assert (b.visits, b.ratings) == ((1, 3), (1, 2))
    assert b.history[-2:] == (("2026-W47", 2), ("2026-W48", 5)) and len(b.history) == 8
    assert round(b.return_visit_rate, 4) == 0.3333 and b.satisfaction_rate == 0.5


def test_the_pdf_reads_back_with_the_figures_and_the_trend(store, tmp_path):
    out = save(make_bulletin(store, 1, week_period("2026-W48"), NOW), tmp_path / "w48.pdf")
    text_ = pdf_text(out)
    for expected in ("默认街道", "2026-W48（11-23至11-29）周报", "2026-11-23 至 2026-11-29", "60.00%", "50.00%",
                     "增加 3", "提高 10.00 个百分点", "下降 50.00 个百分点", "K7Q-r2", "K7Q-p1", "超时未办结（2 件）",
                     "热点话题（2 个", "33.33%", "已办结 3 件，回访联系上 1 件", "收到评价 2 条，满意或基本满意 1 条"):
        assert expected in text_, expected
    for personal in ("王阿姨", "13812345678", "安乐村10栋"):
        assert personal not in text_
    assert "Pages:" in run("pdfinfo", str(out)).stdout


def test_a_month_and_its_exports(store):
    b = make_bulletin(store, 1, month_period("2026-11"), NOW)
    assert (b.figures.petitions, b.figures.closed) == (8, 4)  # r6 is 11-30 CST: still November
    assert b.period.previous().label == "2026-10" and b.previous.petitions == 0
    data = render(b, ".csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert ["收集诉求（条）", "8", "0", "增加 8"] in rows
    assert render(b, ".xlsx")[:2] == b"PK"


@pytest.mark.parametrize("week", ["2026-49", "2026-W54", "W49"])
def test_a_week_written_wrong_is_told(week):
    with pytest.raises(PeriodError, match="周|没有第"):
        week_period(week)


def test_iso_weeks_and_months_have_the_right_days():
    w = week_period("2026-W01")
    assert (w.first_day.isoformat(), w.last_day.isoformat()) == ("2025-12-29", "2026-01-04")
    assert week_period("2026-W49").previous().label == "2026-W48"
    assert month_period("2026-01").previous().label == "2025-12"
    assert month_period("2026-12").next_day.isoformat() == "2027-01-01"


def test_the_platform_cli_writes_the_bulletin(store, tmp_path):
    cli = [str(Path(sys.executable).with_name("xinan-platform")), "--data-dir", str(store.data_dir)]
    if store.is_postgres:
        cli += ["--database", store.url]
    done = subprocess.run([*cli, "bulletin", "--week", "2026-W48", "--out", str(tmp_path / "周报.pdf")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "收集诉求 5 条，办结 3 件" in done.stderr and done.stdout.strip() == str(tmp_path / "周报.pdf")
    bad = subprocess.run([*cli, "bulletin", "--month", "2026-13", "--out", str(tmp_path / "x.pdf")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "月的写法应为" in bad.stderr and "Traceback" not in bad.stderr


def test_the_staff_page_shows_the_bulletin_with_charts_and_offers_the_files(platform):
    import requests

    fill_week(platform.store)
    platform.store.add_staff("zhangsan", "correct horse battery")
    anonymous = requests.get(platform.url + "staff/bulletin?week=2026-W48", timeout=10)
    assert anonymous.url.endswith("/staff/login")
    with requests.Session() as staff:
        staff.post(platform.url + "staff/login", data={"username": "zhangsan", "password": "correct horse battery"},
                   timeout=10)
        page = staff.get(platform.url + "staff/bulletin?week=2026-W48", timeout=30)
        assert page.status_code == 200
        html = page.text
        assert "2026-W48（11-23至11-29）周报" in html and "60.00%" in html and "50.00%" in html
        assert html.count("<svg") == 3 and "环境卫生" in html and "K7Q-r2" in html
        assert "王阿姨" not in html and "13812345678" not in html and "安乐村10栋" not in html
        pdf = staff.get(platform.url + "staff/bulletin/file?week=2026-W48&format=pdf", timeout=30)
        assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        xlsx = staff.get(platform.url + "staff/bulletin/file?month=2026-11&format=xlsx", timeout=30)
        assert xlsx.content[:2] == b"PK" and "2026-11-bulletin.xlsx" in xlsx.headers["content-disposition"]
        bad = staff.get(platform.url + "staff/bulletin?week=2026-48", timeout=10)
        assert bad.status_code == 400 and "2026-W49" in bad.text

        # The first topic onto the 议事会 list, twice: one entry, with its requests.
        csrf = re.search(r"name='csrf' value='([^']+)'", html).group(1)
        for _ in range(2):
            listed = staff.post(platform.url + "staff/bulletin/council",
                                data={"csrf": csrf, "topic": "1", "week": "2026-W48"}, timeout=30)
            assert listed.status_code == 200 and listed.url.endswith("/staff/council")
        page = listed.text
        assert page.count("<tr><td>") == 1 and "蟑螂" in page and "2026-W48" in page and "zhangsan" in page
        assert all(f"/staff/requests/XA00000{n}" in page for n in (1, 2, 3))
        assert "安乐村" not in page and "王阿姨" not in page
        forged = staff.post(platform.url + "staff/bulletin/council",
                            data={"csrf": "x", "topic": "1", "week": "2026-W48"}, timeout=30)
        assert forged.status_code == 403
