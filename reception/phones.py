"""Residents' phone numbers: mobile or landline, read with Google's libphonenumber rules."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from reception.local_text import LocalText
from reception.messages import t

_ACCEPTED_TYPES = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


class PhoneError(ValueError):
    """Why a phone number was refused; never contains the number itself (only how many digits)."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


_ALLOWED = re.compile(r"^[0-9+\-() ]+$")
# Beijing, Tianjin and the big cities of 02x have two-digit area codes (010, 02x); the rest three.
_TWO_DIGIT_AREAS = ("10", "20", "21", "22", "23", "24", "25", "27", "28", "29")


def normalise(text: str, region: str = "CN") -> str:
    """Return the number in E.164 (``+8613812345678``) or raise PhoneError.

    A landline needs its area code (0755 for Shenzhen) because the platform calls back from
    anywhere; numbers from outside the mainland need their ``+`` country code. A refusal says
    which rule the number broke and how many digits were typed, so that a volunteer finds the
    slip of the finger without the message repeating the number.
    """
    # Full-width digits and brackets from a Chinese input method count as the plain ones.
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise PhoneError(t("为空"))
    if not _ALLOWED.match(cleaned):
        raise PhoneError(t("只能填数字（可带空格、- 和括号），现在含有其他字符"))
    digits = re.sub(r"\D", "", cleaned)
    international = cleaned.startswith("+") or digits.startswith("00")
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        raise PhoneError(t("不是电话号码：请填手机号（11 位）或带区号的固定电话")) from None
    if international and number.country_code != 86:
        if not phonenumbers.is_valid_number(number):
            raise PhoneError(t("不是有效的 +{code} 号码（现在是 {n} 位数字），请核对").fill(
                code=number.country_code, n=len(str(number.national_number))))
    elif not phonenumbers.is_valid_number(number):
        raise PhoneError(_mainland_problem(str(number.national_number), typed_zero=not international
                                           and digits.startswith("0")))
    if phonenumbers.number_type(number) not in _ACCEPTED_TYPES:
        raise PhoneError(t("只接受手机号或固定电话（400、800 等服务号码不能回访居民）"))
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _mainland_problem(national: str, typed_zero: bool) -> LocalText:
    """Which rule a mainland number breaks: mobile 11 digits from 1; landline 0 + area + 7–8."""
    n = len(national)
    if national.startswith("1") and not typed_zero:
        if n != 11:
            return t("手机号应为 11 位，现在是 {n} 位").fill(n=n)
        return t("手机号的前三位不是在用的号段，请核对（现在是 11 位）")
    if typed_zero:
        area = 2 if national[:2] in _TWO_DIGIT_AREAS else 3
        rest = n - area
        if rest not in (7, 8):
            return t("固定电话的区号后应为 7–8 位，现在区号后是 {n} 位").fill(n=max(rest, 0))
        return t("区号或号码位数不对，请核对（深圳的固定电话是 0755 加 8 位）")
    if n in (7, 8):
        return t("固定电话要带区号：请在前面加上区号，如 0755")
    return t("手机号应为 11 位、以 1 开头；固定电话应为区号加 7–8 位，如 0755-2345 6789（现在是 {n} 位）").fill(n=n)


def national(e164: str) -> str:
    """How a volunteer reads it back: ``138 1234 5678`` or ``0755 2345 6789``."""
    number = phonenumbers.parse(e164, None)
    if number.country_code == 86:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def masked(e164: str) -> str:
    """For paper and screens a stranger may see: ``138****5678`` / ``0755-****6789``."""
    number = phonenumbers.parse(e164, None)
    digits = str(number.national_number)
    if number.country_code == 86 and phonenumbers.number_type(number) == PhoneNumberType.MOBILE:
        return f"{digits[:3]}****{digits[-4:]}"
    if number.country_code == 86:
        area_len = 2 if digits[:2] in {"10", "20", "21", "22", "23", "24", "25", "27", "28", "29"} else 3
        return f"0{digits[:area_len]}-****{digits[-4:]}"
    return f"+{number.country_code} ****{digits[-4:]}"
