"""validate(): what a volunteer typed becomes a CaseInput, or every problem is named at once."""

from __future__ import annotations

import pytest

from reception.errors import ValidationFailed
from reception.form_definition import Outcome, Urgency
from reception.validation import validate


def problems(raw, form) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        validate(raw, form)
    return {e.field: e.message for e in caught.value.errors}


def test_a_valid_case_is_cleaned(form, make_case):
    values = validate(
        make_case(
            category="env03",
            description="  楼道里蟑螂很多  \r\n晚上到处爬   \n",
            resident_name="  王   阿姨 ",
            phone="138 1234 5678",
        ),
        form,
    )
    assert values.category_code == "ENV03"
    assert values.description == "楼道里蟑螂很多\n晚上到处爬"
    assert values.resident_name == "王 阿姨"
    assert values.phone == "+8613812345678"
    assert values.urgency is Urgency.ORDINARY
    assert values.outcome is Outcome.FORWARDED
    assert values.photos == ()


def test_the_template_is_valid(desk, form):
    values = validate(desk.template(), form)
    assert values.category_code == desk.template()["category"]


def test_text_is_stored_in_one_unicode_form(form, make_case):
    decomposed = "e\u0301"  # é as two code points
    values = validate(make_case(address="Café" + decomposed), form)
    assert values.address == "Café\u00e9"


def test_anonymous_waives_name_and_phone(form, make_case):
    values = validate(make_case(anonymous=True, resident_name="", phone=""), form)
    assert values.anonymous and values.resident_name == "" and values.phone == ""


def test_anonymous_with_a_name_is_refused(form, make_case):
    found = problems(make_case(anonymous=True, phone=""), form)
    assert set(found) == {"resident_name"}
    assert "匿名" in found["resident_name"]


def test_name_and_phone_are_required_unless_anonymous(form, make_case):
    found = problems(make_case(resident_name="", phone=None), form)
    assert found == {"resident_name": "必须填写", "phone": "必须填写"}


@pytest.mark.parametrize("outcome", ["当场解决", "解释说明"])
def test_a_note_is_required_when_solved_or_explained(form, make_case, outcome):
    assert problems(make_case(outcome=outcome, outcome_note="  "), form) == {"outcome_note": "必须填写"}
    assert validate(make_case(outcome=outcome, outcome_note="已解释政策依据"), form).outcome.value == outcome


def test_every_problem_is_reported_at_once_in_form_order(form, make_case):
    raw = make_case(
        category="XXX99",
        description="短",
        phone="12345",
        community="不存在社区",
        urgency="很急",
        outcome="",
        receptionist="",
        anonymous="yes",
        photos="photo.jpg",
    )
    with pytest.raises(ValidationFailed) as caught:
        validate(raw, form)
    fields = [e.field for e in caught.value.errors]
    assert fields == [
        "category", "description", "anonymous", "phone", "community", "urgency", "outcome",
        "receptionist", "photos",
    ]
    for error in caught.value.errors:
        assert error.label == form.field(error.field).label
        assert f"「{error.label}」" in str(caught.value)


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("category", "ENV", "小类代码"),
        ("description", "x" * 2001, "太长：最多 2000 字，现有 2001 字"),
        ("description", "短短", "太短"),
        ("description", "", "必须填写"),
        ("resident_name", "张三1", "不应含数字"),
        ("resident_name", "名" * 31, "太长"),
        ("community", "", "必须选择"),
        ("urgency", "", "必须选择"),
        ("urgency", "急", "只能是：一般 / 紧急 / 特急"),
        ("outcome", "已办结", "只能是"),
        ("anonymous", 1, "应为 true 或 false"),
        ("description", 12345, "应为文字"),
        ("description", ["楼道", "蟑螂"], "应为文字"),
        ("description", "楼道里\x07蟑螂很多", "控制字符"),
        ("resident_name", "王\n阿姨", "控制字符"),
        ("address", "12栋\ud800", "无法识别的字符"),
        ("photos", "a.jpg", "列表"),
        ("photos", [1], "第 1 张应为文件路径"),
        ("photos", ["does-not-exist.jpg"], "第 1 张找不到文件"),
        ("photos", ["x.jpg"] * 7, "最多 6 张"),
    ],
)
def test_field_problems_are_specific(form, make_case, field, value, words):
    found = problems(make_case(**{field: value}), form)
    assert field in found
    assert words in found[field]


def test_a_line_break_is_fine_in_a_description_but_not_a_name(form, make_case):
    assert "\n" in validate(make_case(description="第一行写问题\n第二行写地点"), form).description


def test_unknown_fields_are_named(form, make_case):
    found = problems(make_case(colour="red"), form)
    assert found == {"colour": "不是登记表中的字段"}


def test_not_an_object(form):
    for raw in ([], "case", 3, None):
        with pytest.raises(ValidationFailed, match="应为一个对象"):
            validate(raw, form)


@pytest.mark.parametrize(
    "field, value",
    [("resident_name", "王秀英1"), ("phone", "138123456"), ("phone", "0755-2345678901234"),
     ("address", "宝城12区\x00地铁口"), ("description", "我的电话是\x0b13812345678")],
)
def test_messages_never_repeat_personal_information(form, make_case, field, value):
    with pytest.raises(ValidationFailed) as caught:
        validate(make_case(**{field: value}), form)
    text = str(caught.value)
    assert value not in text
    for fragment in ("王秀英", "138123456", "2345678901234", "宝城12区", "13812345678"):
        assert fragment not in text


# --- invisible format characters (Unicode Cf) are not content ------------------------------------


def test_four_zero_width_spaces_are_an_empty_description(form, make_case):
    found = problems(make_case(description="\u200b\u200b\u200b\u200b"), form)
    assert found["description"] == "必须填写"


def test_zero_width_characters_do_not_count_towards_min_length(form, make_case):
    # Two characters padded with joiners and a byte-order mark: still too short for min_length 4.
    found = problems(make_case(description="漏\u200d\u200c水\ufeff\u2060"), form)
    assert "太短" in found["description"]


def test_a_right_to_left_override_is_not_stored(form, make_case):
    values = validate(
        make_case(description="楼道灯坏了\u202e三个月\u202c了", resident_name="\u2067王阿姨\u2069"), form
    )
    assert values.description == "楼道灯坏了三个月了"
    assert values.resident_name == "王阿姨"


def test_a_void_reason_keeps_no_bidi_control(desk, make_case):
    case = desk.record_case(make_case())
    voided = desk.void_case(case.id, "重复\u202e登记")
    assert voided.void_reason == "重复登记"
