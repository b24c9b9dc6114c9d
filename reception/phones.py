"""Residents' phone numbers: mobile or landline, read with Google's libphonenumber rules."""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

_ACCEPTED_TYPES = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


class PhoneError(ValueError):
    """Why a phone number was refused; never contains the number itself."""


def normalise(text: str, region: str = "CN") -> str:
    """Return the number in E.164 (``+8613812345678``) or raise PhoneError.

    A landline needs its area code (0755 for Shenzhen) because the platform calls back from
    anywhere; numbers from outside the mainland need their ``+`` country code.
    """
    cleaned = text.strip()
    if not cleaned:
        raise PhoneError("为空")
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        raise PhoneError("不是电话号码") from None
    if not phonenumbers.is_valid_number(number):
        if number.country_code == 86 and len(str(number.national_number)) < 10:
            raise PhoneError("位数不对：手机号11位；固定电话要带区号，如 0755-2xxxxxxx")
        raise PhoneError("不是有效的手机号或固定电话号码")
    if phonenumbers.number_type(number) not in _ACCEPTED_TYPES:
        raise PhoneError("只接受手机号或固定电话")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


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
