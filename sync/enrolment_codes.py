"""One-time enrolment codes that a street's administrator prints and a team leader types.

``K7QM-2X9P-HT4R-WQ3N``: 15 random Crockford base32 characters (75 bits) and a check character,
in four groups of four. The check is the tracking codes' Damm check (reception/tracking_codes.py):
every single wrong character and every swap of two neighbours is caught on the laptop, before
the code is spent on the platform. Typing is forgiving as Crockford intends: case, spaces and
hyphens do not matter, O reads as 0, I and L as 1.

Both sides use this module: the platform to make codes and to find the one typed, the laptop to
refuse a mistyped code with a message that says so.
"""

from __future__ import annotations

import secrets
import unicodedata

from reception.tracking_codes import ALPHABET, check_character

RANDOM_LENGTH = 15
GROUP = 4
_READ_AS = {"O": "0", "I": "1", "L": "1"}


class EnrolmentCodeError(ValueError):
    """A typed code that cannot be one we made; the message is for the person who typed it."""


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    whole = body + check_character(body)
    return "-".join(whole[i:i + GROUP] for i in range(0, len(whole), GROUP))


def normalise(typed: str) -> str:
    """The code's 16 characters as we made them, or ``EnrolmentCodeError``."""
    text = unicodedata.normalize("NFKC", typed).upper()
    chars = [_READ_AS.get(ch, ch) for ch in text if ch not in " -_\u3000"]
    if len(chars) != RANDOM_LENGTH + 1:
        raise EnrolmentCodeError(f"登记码应为 {RANDOM_LENGTH + 1} 个字母或数字（如 K7QM-2X9P-HT4R-WQ3N），"
                                 f"这里是 {len(chars)} 个：请照街道给的纸条再输入一次")
    wrong = sorted({ch for ch in chars if ch not in ALPHABET})
    if wrong:
        raise EnrolmentCodeError(f"登记码里不会有 {'、'.join(wrong)}：请照街道给的纸条再输入一次")
    body, check = "".join(chars[:-1]), chars[-1]
    if check_character(body) != check:
        raise EnrolmentCodeError("登记码有一个字符不对（校验位不符）：请逐组核对后再输入一次")
    return body + check


def is_new_style(typed: str) -> bool:
    try:
        normalise(typed)
    except EnrolmentCodeError:
        return False
    return True
