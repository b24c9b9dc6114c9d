"""Slips as a printer and a phone see them: rasterised at 203 dpi in 1 bit, decoded by zbar."""

from __future__ import annotations

from pathlib import Path

import pytest
from reception_support import TRACKING_BASE, set_tracking_base, valid_case
from PIL import Image
from slip_tools import (
    assert_whole_dot_modules,
    decode_qr,
    ink_height_mm,
    pdf_fonts,
    pdf_text,
    rasterise,
    word_box,
)

from reception import street_settings
from reception.errors import CaseLocked
from reception.slips import qr
from reception.slips.layout import PAPERS, UnknownPaper, paper
from reception.slips.service import FAILED, PRINTED, SAVED, SlipService
from reception.tracking_url import tracking_url, tracking_verifier

PAPER_KEYS = list(PAPERS)


@pytest.fixture
def service(desk):
    set_tracking_base(desk.db)
    return SlipService(desk)


@pytest.fixture
def case(desk, open_session):
    return desk.record_case(valid_case())


def write(tmp_path: Path, slip) -> Path:
    path = tmp_path / slip.file_name
    path.write_bytes(slip.rendered.pdf)
    return path


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_the_qr_code_scans_from_a_203_dpi_one_bit_print_and_holds_only_the_case_url(
    tmp_path, desk, service, case, paper_key
):
    slip = service.prepare(case.id, paper_key)
    secret = street_settings.tracking_secret(desk.db)
    expected = tracking_url(TRACKING_BASE, case.tracking_code, tracking_verifier(secret, case.id))
    assert decode_qr(rasterise(write(tmp_path, slip))) == [expected]
    assert slip.url == expected
    assert "13812345678" not in expected and "王" not in expected


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_every_module_is_a_whole_number_of_printer_dots_with_a_clear_quiet_zone(
    tmp_path, service, case, paper_key
):
    slip = service.prepare(case.id, paper_key)
    place = slip.rendered.qr
    assert place.matrix.level in ("M", "Q", "H")
    x0 = place.x / qr.DOT
    y0 = place.y_from_top / qr.DOT
    assert abs(x0 - round(x0)) < 1e-6 and abs(y0 - round(y0)) < 1e-6
    x0, y0, d = round(x0), round(y0), place.module_dots
    assert d >= 4  # at least 0.5 mm
    assert_whole_dot_modules(rasterise(write(tmp_path, slip)), x0, y0, d, place.matrix.modules)


def test_the_url_fits_a_small_symbol_because_it_is_alphanumeric(service, case):
    slip = service.prepare(case.id, "58mm")
    # 50 characters: version 3 holds up to 61 in alphanumeric mode but only 42 in byte mode.
    assert 42 < len(slip.url) <= 61
    assert slip.rendered.qr.matrix.version == 3


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_the_text_extracts_with_masked_name_and_phone_only(tmp_path, desk, service, case, paper_key):
    street_settings.save(desk.db, {"hotline": "0755-27891234"})
    text = pdf_text(write(tmp_path, service.prepare(case.id, paper_key)))
    for expected in (case.tracking_code, "王*", "138****5678", "新安街道", "新安广场", "转平台办理",
                     "24小时内", "0755-27891234", "志愿者 李明", "个人信息仅用于办理本诉求"):
        assert expected in text, expected
    for secret in ("王阿姨", "13812345678", "138 1234 5678", "1234 5678", "安乐村12栋"):
        assert secret not in text, secret


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_the_chinese_font_is_embedded_as_a_subset(tmp_path, service, case, paper_key):
    fonts = pdf_fonts(write(tmp_path, service.prepare(case.id, paper_key)))
    line = next(line for line in fonts.splitlines() if "DroidSansFallback" in line)
    name, *_, emb, sub, uni, _obj, _gen = line.split()
    assert name.split("+")[0].isupper() and "+" in name  # ABCDEF+Name: a subset
    assert (emb, sub, uni) == ("yes", "yes", "yes")  # embedded, subset, with a Unicode map


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_the_tracking_code_prints_at_least_5_mm_tall(tmp_path, service, case, paper_key):
    pdf = write(tmp_path, service.prepare(case.id, paper_key))
    box = word_box(pdf, case.tracking_code)
    assert ink_height_mm(rasterise(pdf), box) >= 5.0


@pytest.mark.parametrize("paper_key", ["80mm", "58mm"])
def test_a_roll_is_as_long_as_its_content(tmp_path, service, case, paper_key):
    slip = service.prepare(case.id, paper_key)
    r = slip.rendered
    assert r.width_pt == pytest.approx(paper(paper_key).width_mm * 72 / 25.4)
    assert r.media == f"Custom.{paper_key[:2]}x{r.height_pt * 25.4 / 72:.2f}mm"
    with Image.open(rasterise(write(tmp_path, slip))) as image:
        bbox = Image.eval(image.convert("L"), lambda v: 255 - v).getbbox()
        ink_bottom_mm = bbox[3] / 203 * 25.4
        height_mm = image.height / 203 * 25.4
        # Only the tear-off margin below the last line; nothing cut off at the sides.
        assert 8 < height_mm - ink_bottom_mm < 16
        assert bbox[0] > 0 and bbox[2] < image.width


def test_a_reprint_says_so_and_counts_only_copies_handed_out(tmp_path, service, case):
    first = service.prepare(case.id, "80mm")
    assert first.copy_number == 1
    assert "补打" not in pdf_text(write(tmp_path, first))
    service.log(first, PRINTED, "xinan-test", "xinan-test-7")
    failed = service.prepare(case.id, "58mm")
    assert failed.copy_number == 2
    service.log(failed, FAILED, "xinan-test", "打印机已暂停")
    again = service.prepare(case.id, "58mm")
    assert again.copy_number == 2  # the failed attempt gave the resident nothing
    assert "补打 1" in pdf_text(write(tmp_path, again))
    service.log(again, SAVED, "", again.file_name)
    third = service.prepare(case.id, "a4")
    assert "补打 2" in pdf_text(write(tmp_path, third))
    log = service.print_log(case.id)
    assert [(e["paper"], e["copy_number"], e["status"]) for e in log] == [
        ("80mm", 1, PRINTED), ("58mm", 2, FAILED), ("58mm", 2, SAVED)
    ]
    assert all(e["printed_at"] for e in log)


def test_a_reprint_still_scans(tmp_path, service, case):
    service.log(service.prepare(case.id, "58mm"), PRINTED, "q")
    slip = service.prepare(case.id, "58mm")
    assert decode_qr(rasterise(write(tmp_path, slip))) == [slip.url]


@pytest.mark.parametrize("outcome,note,words", [
    ("当场解决", "已电话联系物业", "今晚已当场解决"),
    ("解释说明", "按政策不能办理", "此事已办结"),
])
def test_a_case_settled_tonight_says_so(tmp_path, desk, service, outcome, note, words):
    case = desk.record_case(valid_case(outcome=outcome, outcome_note=note))
    text = pdf_text(write(tmp_path, service.prepare(case.id, "80mm")))
    assert words in text.replace("\n", "")


def test_an_anonymous_case_prints_without_name_or_phone(tmp_path, desk, service):
    case = desk.record_case(valid_case(anonymous=True, resident_name="", phone=""))
    slip = service.prepare(case.id, "58mm")
    text = pdf_text(write(tmp_path, slip))
    assert "匿名" in text and "未留" in text
    assert decode_qr(rasterise(write(tmp_path, slip))) == [slip.url]


def test_an_unprintable_character_becomes_a_question_mark_not_a_broken_pdf(tmp_path, desk, service):
    case = desk.record_case(valid_case(description="垃圾桶满了 🗑️ 没人清理，味道很大"))
    text = pdf_text(write(tmp_path, service.prepare(case.id, "80mm")))
    assert "垃圾桶满了" in text and "🗑" not in text


def test_a_voided_case_has_no_slip(desk, service, case):
    desk.void_case(case.id, "重复登记")
    with pytest.raises(CaseLocked, match="已作废"):
        service.prepare(case.id, "80mm")


def test_an_unknown_paper_is_named(service, case):
    with pytest.raises(UnknownPaper, match="只能是 80mm、58mm、a4"):
        service.prepare(case.id, "a5")


def test_the_default_paper_comes_from_the_settings(desk, service, case):
    street_settings.save(desk.db, {"default_paper": "58mm"})
    assert service.prepare(case.id).paper == "58mm"


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_the_due_time_is_never_split_over_two_lines(tmp_path, desk, service, paper_key):
    for urgency in ("一般", "紧急", "特急"):
        case = desk.record_case(valid_case(urgency=urgency, category="NOI02"))
        text = pdf_text(write(tmp_path, service.prepare(case.id, paper_key)))
        phrase = next(p for p in ("11月26日晚上7点30分前", "11月26日上午7点30分前", "11月25日晚上9点30分前")
                      if p.replace("前", "") in text.replace("\n", ""))
        assert any(phrase in line for line in text.splitlines()), (paper_key, urgency, text)


@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_a_follow_up_petition_names_the_case_it_follows_on_one_line(tmp_path, desk, service, case, paper_key):
    later = desk.record_case(valid_case(description="上次反映的蟑螂又出现了"), follows=case.id)
    text = pdf_text(write(tmp_path, service.prepare(later.id, paper_key)))
    assert any(f"接续前次诉求 {case.tracking_code}" in line for line in text.splitlines()), text
    assert "接续" not in pdf_text(write(tmp_path, service.prepare(case.id, paper_key)))


# --- until the tracking page's address is known -----------------------------------------------

@pytest.mark.parametrize("paper_key", PAPER_KEYS)
def test_without_a_tracking_address_the_slip_has_the_code_and_hotline_and_no_qr(tmp_path, desk, case, paper_key):
    """A laptop not yet enrolled: no QR code to a made-up site, the hotline instead."""
    street_settings.save(desk.db, {"hotline": "0755-27891234"})
    slip = SlipService(desk).prepare(case.id, paper_key)
    path = write(tmp_path, slip)
    assert slip.url == "" and slip.rendered.qr is None
    assert decode_qr(rasterise(path)) == []
    text = "".join(pdf_text(path).split())
    for expected in (case.tracking_code, "网上查询暂未开通", "请拨打热线0755-27891234", "报上查询码"):
        assert expected in text, expected
    assert "扫描" not in text and "扫码" not in text and "EXAMPLE" not in text.upper()


def test_without_a_tracking_address_or_hotline_the_slip_says_to_keep_the_code(tmp_path, desk, case):
    slip = SlipService(desk).prepare(case.id, "58mm")
    text = "".join(pdf_text(write(tmp_path, slip)).split())
    assert slip.rendered.qr is None
    assert "网上查询暂未开通" in text and "保管好本凭条和查询码" in text and case.tracking_code in text


def test_once_the_address_is_set_the_next_slip_has_its_qr(tmp_path, desk, case):
    service = SlipService(desk)
    assert service.prepare(case.id, "80mm").rendered.qr is None
    set_tracking_base(desk.db)
    slip = service.prepare(case.id, "80mm")
    assert decode_qr(rasterise(write(tmp_path, slip))) == [slip.url]
    assert slip.url.startswith(TRACKING_BASE.upper())
    assert "网上查询暂未开通" not in pdf_text(write(tmp_path, slip))
