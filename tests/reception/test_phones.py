"""Residents' phone numbers: mobiles, Shenzhen landlines, Hong Kong; read back and masked."""

from __future__ import annotations

import pytest

from reception import phones
from reception.phones import PhoneError


@pytest.mark.parametrize(
    "typed, e164",
    [
        ("13812345678", "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("138-1234-5678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("  19912345678 ", "+8619912345678"),
        ("0755-23456789", "+8675523456789"),
        ("075523456789", "+8675523456789"),
        ("(0755) 2345 6789", "+8675523456789"),
        ("010-12345678", "+861012345678"),
        ("+852 9123 4567", "+85291234567"),
        ("+85221234567", "+85221234567"),
    ],
)
def test_accepted_numbers_are_stored_in_e164(typed, e164):
    assert phones.normalise(typed) == e164


@pytest.mark.parametrize(
    "typed, words",
    [
        ("", "为空"),
        ("   ", "为空"),
        ("12345", "手机号应为 11 位，现在是 5 位"),
        ("1381234567", "手机号应为 11 位，现在是 10 位"),  # a mobile one digit short
        ("138123456789999", "手机号应为 11 位，现在是 15 位"),
        ("+86 1381234", "手机号应为 11 位，现在是 7 位"),
        ("12812345678", "前三位不是在用的号段"),
        ("23456789", "固定电话要带区号"),  # a Shenzhen landline without its area code
        ("0755-234", "区号后应为 7–8 位，现在区号后是 3 位"),
        ("0755-234567890", "区号后应为 7–8 位，现在区号后是 9 位"),
        ("010-123456", "区号后应为 7–8 位，现在区号后是 6 位"),
        ("0755-2345678", "深圳的固定电话是 0755 加 8 位"),
        ("4567", "固定电话应为区号加 7–8 位.*现在是 4 位"),
        ("abc", "只能填数字"),
        ("138-1234-567x", "只能填数字"),
        ("+852 1234", r"不是有效的 \+852 号码（现在是 4 位数字）"),
    ],
)
def test_refused_numbers_say_which_rule_and_how_many_digits_without_repeating_the_number(typed, words):
    with pytest.raises(PhoneError, match=words) as caught:
        phones.normalise(typed)
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) >= 4:
        assert digits not in str(caught.value)
        assert all(digits not in caught.value.message.in_(lang) for lang in ("zh_TW", "en"))


def test_every_refusal_is_written_in_the_three_languages():
    for typed in ("", "abc", "12345", "12812345678", "23456789", "0755-234", "0755-2345678", "4567",
                  "+852 1234", "400-810-8888"):
        with pytest.raises(PhoneError) as caught:
            phones.normalise(typed)
        message = caught.value.message
        assert set(message.translations) == {"zh_CN", "zh_TW", "en"}, str(message)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in message.in_("en")), message.in_("en")


def test_full_width_digits_from_a_chinese_input_method_are_read():
    assert phones.normalise("１３８　１２３４　５６７８") == "+8613812345678"


def test_a_toll_free_number_is_not_a_resident_phone():
    with pytest.raises(PhoneError, match="只接受手机号或固定电话"):
        phones.normalise("400-810-8888")


@pytest.mark.parametrize(
    "e164, read_back, masked",
    [
        ("+8613812345678", "138 1234 5678", "138****5678"),
        ("+8675523456789", "0755 2345 6789", "0755-****6789"),
        ("+861012345678", "010 1234 5678", "010-****5678"),
        ("+85291234567", "+852 9123 4567", "+852 ****4567"),
    ],
)
def test_national_and_masked_forms(e164, read_back, masked):
    assert phones.national(e164) == read_back
    assert phones.masked(e164) == masked


@pytest.mark.parametrize("e164", ["+8613812345678", "+8675523456789", "+85291234567"])
def test_masked_form_hides_the_middle_digits(e164):
    shown = "".join(ch for ch in phones.masked(e164) if ch.isdigit())
    national_digits = e164.removeprefix("+86").removeprefix("+852")
    assert national_digits not in phones.masked(e164)
    assert len(shown) < len(e164) - 3
