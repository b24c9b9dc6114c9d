"""The night's report and the range report: figures against nights counted by hand, the PDF read
back with pdftotext, and the CSV/XLSX exports opened as Excel would."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from xml.etree import ElementTree as ET

import pytest
from reception_support import valid_case
from slip_tools import pdf_text, run

from reception.errors import SessionError, ValidationFailed
from reception.reports import figures, tables
from reception.storage import repository as repo

SPOT = {"outcome": "当场解决", "outcome_note": "当场电话联系物业处理"}
EXPLAIN = {"outcome": "解释说明", "outcome_note": "属于业主自治事项，已解释"}


@pytest.fixture
def night(desk, clock, open_session):
    """A night counted by hand:

    visitors 23, households 7; eight cases recorded, one voided, so 7 petitions:
    环境卫生 3 (ENV03 ×2 forwarded, ENV01 solved), 市容与违规停放 2 (CTY01 solved, CTY03 explained),
    噪音扰民 1 (NOI01 forwarded), 物业管理 1 (PRP03 forwarded, set aside by the platform).
    Outcomes: 当场解决 2, 转平台办理 4, 解释说明 1. Closed tonight: 3 → 3/7 = 42.86 %.
    """
    desk.count_visitor(23)
    desk.count_household_visit(7)
    made = {}
    for name, changes in [
        ("env_a", {"category": "ENV03"}),
        ("env_b", {"category": "ENV03", "urgency": "紧急"}),
        ("env_c", {"category": "ENV01", **SPOT}),
        ("cty_a", {"category": "CTY01", **SPOT}),
        ("cty_b", {"category": "CTY03", **EXPLAIN}),
        ("noi", {"category": "NOI01"}),
        ("prp", {"category": "PRP03"}),
        ("void", {"category": "ENV03"}),
    ]:
        clock.advance(minutes=4)
        made[name] = desk.record_case(valid_case(**changes))
    desk.void_case(made["void"].id, "重复登记")
    with desk.db.atomic():  # what a sync records when the platform refuses a case
        repo.upsert_sync_case(desk.db, made["prp"].id, {"set_aside_reason": "平台：地址不在本辖区",
                              "set_aside_at": "2026-11-25T13:00:00+00:00"}, "2026-11-25T13:00:00+00:00")
    clock.advance(minutes=30)
    desk.close_session()
    return made


def test_the_night_counts_match_the_hand_count(desk, night):
    report = figures.night_report(desk)
    c = report.session.counts
    assert (c.visitors, c.household_visits, c.petitions, c.voided) == (23, 7, 7, 1)
    assert report.by_category == (("环境卫生", 3), ("市容与违规停放", 2), ("噪音扰民", 1), ("物业管理", 1))
    assert report.by_outcome == (("当场解决", 2), ("转平台办理", 4), ("解释说明", 1))
    assert report.closed == 3
    assert round(report.closure_rate, 4) == 0.4286
    codes = [f.tracking_code for f in report.forwarded]
    assert codes == [night[k].tracking_code for k in ("env_a", "env_b", "noi", "prp")]
    states = {f.tracking_code: f.state for f in report.forwarded}
    assert states[night["prp"].tracking_code] == "搁置"
    assert states[night["noi"].tracking_code] == "等待同步"
    assert (report.sync.synced, report.sync.waiting, len(report.sync.set_aside)) == (0, 7, 1)
    assert report.audit_head is not None and report.audit_head.whole


def test_the_pdf_is_one_page_with_the_figures_and_no_personal_data(desk, night, tmp_path):
    out = tables.save(figures.night_report(desk), tmp_path / "night.pdf")
    info = run("pdfinfo", str(out))
    assert "Pages:           1" in info.stdout
    text = pdf_text(out)
    for expected in ("新安街道", "2026-11-25", "新安广场（安乐社区）", "陈书记（社区党委书记）", "42.86%",
                     "接待人次", "走访家数", "转平台办理的诉求（4 件）", "等待同步 7 条", "搁置 1 条",
                     night["prp"].tracking_code, "平台：地址不在本辖区", "校验完整", "城市管理办公室"):
        assert expected in text, expected
    assert night["void"].tracking_code not in text
    for personal in ("王阿姨", "13812345678", "138", "安乐村12栋", "蟑螂很多"):
        assert personal not in text


def test_a_night_of_214_petitions_still_fits_one_page_and_says_what_it_left_out(desk, clock, open_session, tmp_path):
    for _ in range(214):
        clock.advance(seconds=50)
        desk.record_case(valid_case(category="CTY01"))
    report = figures.night_report(desk)
    out = tables.save(report, tmp_path / "big.pdf")
    assert "Pages:           1" in run("pdfinfo", str(out)).stdout
    text = pdf_text(out)
    assert "转平台办理的诉求（214 件）" in text
    listed = sum(1 for f in report.forwarded if f.tracking_code in text)
    assert 25 < listed < 214
    assert f"另有 {214 - listed} 件未列出" in text


def _sheets_from_xlsx(data: bytes) -> dict[str, list[list[str]]]:
    """Read the workbook back as Excel would (cell text by sheet), with the standard library."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    book = zipfile.ZipFile(io.BytesIO(data))
    shared = [si.findtext("m:t", "", ns) for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns)]
    names = [s.get("name") for s in ET.fromstring(book.read("xl/workbook.xml")).find("m:sheets", ns)]
    sheets = {}
    for i, name in enumerate(names, start=1):
        rows = []
        for row in ET.fromstring(book.read(f"xl/worksheets/sheet{i}.xml")).iter(f"{{{ns['m']}}}row"):
            cells = []
            for cell in row.findall("m:c", ns):
                value = cell.findtext("m:v", "", ns)
                cells.append(shared[int(value)] if cell.get("t") == "s" else value)
            rows.append(cells)
        sheets[name] = rows
    return sheets


def test_the_xlsx_has_a_sheet_per_table_with_the_same_figures(desk, night):
    sheets = _sheets_from_xlsx(tables.render(figures.night_report(desk), ".xlsx"))
    assert list(sheets) == ["当晚数字", "诉求分类", "诉求结果", "转平台办理", "搁置"]
    figures_sheet = dict((row[0], row[1]) for row in sheets["当晚数字"][1:])
    assert figures_sheet["接待人次"] == "23" and figures_sheet["收集诉求（条）"] == "7"
    assert figures_sheet["办结率"] == "42.86%"
    assert sheets["诉求分类"][1] == ["环境卫生", "3"]
    assert [row[0] for row in sheets["转平台办理"][1:]] == [night[k].tracking_code for k in ("env_a", "env_b", "noi", "prp")]


def test_the_csv_opens_in_excel_as_chinese_and_a_formula_stays_text(desk, clock, tmp_path):
    desk.open_session(date="2026-11-25", venue="=HYPERLINK(\"x\")", community="安乐社区", team=[])
    desk.record_case(valid_case())
    data = tables.render(figures.night_report(desk), ".csv")
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["当晚数字"] and rows[1] == ["项目", "数值"]
    assert ["地点", "'=HYPERLINK(\"x\")"] in rows
    assert ["诉求分类"] in rows and ["环境卫生", "1"] in rows


def test_a_range_adds_up_the_nights_the_street_quotes(desk, clock, night):
    # A second night a week later, on another community's square: 10 visitors, 3 households,
    # two petitions solved on the spot. And one outside the range, which must not count.
    clock.advance(days=7)
    desk.open_session(date="2026-12-02", venue="海旺广场", community="海旺社区", team=[])
    desk.count_visitor(10)
    desk.count_household_visit(3)
    desk.record_case(valid_case(category="FAC01", **SPOT))
    desk.record_case(valid_case(category="FAC01", **SPOT))
    desk.close_session()
    clock.advance(days=7)
    desk.open_session(date="2026-12-09", venue="海旺广场", community="海旺社区", team=[])
    desk.count_visitor(99)
    desk.close_session()

    report = figures.range_report(desk, date(2026, 11, 25), date(2026, 12, 2))
    assert (report.rounds, len(report.sessions), report.visitors, report.household_visits) == (2, 2, 33, 10)
    assert (report.petitions, report.closed) == (9, 5)
    assert round(report.closure_rate * 100, 2) == 55.56
    assert report.by_category[0] == ("环境卫生", 3)
    text = pdf_text_of(report, ".pdf")
    assert "共 2 期 2 场，接访 33 人次，走访 10 家，收集诉求 9 条，办结 5 件，办结率 55.56%。" in text
    assert "海旺广场" in text and "99" not in text.replace("2026-12-09 20:32", "")


def pdf_text_of(report, suffix) -> str:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return pdf_text(tables.save(report, Path(folder) / f"r{suffix}"))


def test_bad_requests_are_told_in_words(desk):
    with pytest.raises(SessionError, match="还没有任何夜话场次"):
        figures.night_report(desk)
    with pytest.raises(ValidationFailed, match="早于起始日期"):
        figures.range_report(desk, date(2026, 12, 2), date(2026, 11, 1))
    with pytest.raises(ValidationFailed, match="应为 年-月-日"):
        figures.parse_day("2026/11/01", "from", "起始日期")
    with pytest.raises(tables.ReportFileError, match=r"\.pdf、\.csv 或 \.xlsx"):
        tables.render(figures.range_report(desk, date(2026, 11, 1), date(2026, 11, 30)), ".docx")


def test_closure_rate_is_never_rounded_up_to_100_percent():
    from reception.reports.pdf import percent

    assert percent(5673 / 5697) == "99.58%"
    assert percent(19999 / 20000) == "99.99%"
    assert percent(1.0) == "100.00%"
    assert percent(None) == "—"
