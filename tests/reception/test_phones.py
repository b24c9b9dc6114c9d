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
        ("12345", "位数不对"),
        ("23456789", "位数不对"),  # a Shenzhen landline without its area code
        ("1381234567", "不是有效"),  # a mobile one digit short
        ("abc", "不是电话号码"),
        ("138123456789999", "不是有效"),
        ("+852 1234", "不是有效"),
    ],
)
def test_refused_numbers_say_why_without_repeating_the_number(typed, words):
    with pytest.raises(PhoneError, match=words) as caught:
        phones.normalise(typed)
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) >= 4:
        assert digits not in str(caught.value)


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
