"""Tracking codes that laptops make offline and residents read over the phone.

A code is ``PPP-SSSS-C``: a device prefix the street assigns each laptop (3 characters), the
laptop's own case sequence (4 characters, growing if a laptop ever passes 32**4 cases) and a
check character, all in Crockford base32 (no I, L, O, U, so nothing is misread as 1 or 0).

The check character is computed with the Damm algorithm over the field GF(32), using
``x * y = 2x + y``. That quasigroup is totally anti-symmetric, so every single wrong character
and every swap of two neighbouring characters (the check character included) is detected, and
the check stays inside the same 32 symbols. Crockford's own mod-37 check would add the symbols
``* ~ $ = U``, two of which fall outside QR alphanumeric mode and all of which are awkward to
read aloud.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Crockford decoding is forgiving of what people confuse.
_VALUE.update({"O": 0, "I": 1, "L": 1})
PREFIX_LENGTH = 3
MIN_SEQUENCE_LENGTH = 4
_GF32_MODULUS = 0b100101  # x^5 + x^2 + 1


class TrackingCodeError(ValueError):
    """A string that is not a valid tracking code; the message is for the person who typed it."""


def _times_two(x: int) -> int:
    x <<= 1
    if x & 0b100000:
        x ^= _GF32_MODULUS
    return x


def _damm(values: list[int]) -> int:
    interim = 0
    for v in values:
        interim = _times_two(interim) ^ v
    return interim


def check_character(body: str) -> str:
    """The character that makes the Damm sum of ``body + check`` zero."""
    values = [_VALUE[ch] for ch in body]
    # 2*interim + c == 0 in GF(32) means c == 2*interim (addition is XOR).
    return ALPHABET[_times_two(_damm(values))]


def encode_sequence(sequence: int) -> str:
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    digits = []
    while sequence:
        sequence, r = divmod(sequence, 32)
        digits.append(ALPHABET[r])
    return "".join(reversed(digits)).rjust(MIN_SEQUENCE_LENGTH, "0")


def decode_sequence(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 32 + _VALUE[ch]
    return value


def is_valid_prefix(prefix: str) -> bool:
    return len(prefix) == PREFIX_LENGTH and all(ch in ALPHABET for ch in prefix)


@dataclass(frozen=True, order=True)
class TrackingCode:
    prefix: str
    sequence: int

    @classmethod
    def make(cls, prefix: str, sequence: int) -> "TrackingCode":
        if not is_valid_prefix(prefix):
            raise ValueError(f"device prefix must be {PREFIX_LENGTH} Crockford base32 characters")
        return cls(prefix, sequence)

    @property
    def body(self) -> str:
        return self.prefix + encode_sequence(self.sequence)

    @property
    def compact(self) -> str:
        """The canonical form stored and put in URLs: ``K7Q00A3X``."""
        body = self.body
        return body + check_character(body)

    @property
    def display(self) -> str:
        """Grouped the way it is read over the phone: ``K7Q-00A3-X``."""
        body = self.body
        return f"{self.prefix}-{body[PREFIX_LENGTH:]}-{check_character(body)}"

    def __str__(self) -> str:
        return self.display


_SEPARATORS = re.compile(r"[\s\-_.·—]+")


def parse(text: str) -> TrackingCode:
    """Read a code as a person typed it: any case, with or without dashes or spaces.

    Raises TrackingCodeError with a message in Chinese saying what is wrong. A code whose check
    character does not match is refused, never matched to a nearby case.
    """
    # NFKC: a Chinese input method in full-width mode types Ｋ７Ｑ－００Ａ３－Ｘ.
    cleaned = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).strip()).upper()
    if not cleaned:
        raise TrackingCodeError("查询码为空")
    bad = sorted({ch for ch in cleaned if ch not in _VALUE})
    if bad:
        raise TrackingCodeError(f"查询码含有无效字符：{''.join(bad)}（只用数字和字母，不含 U）")
    if len(cleaned) < PREFIX_LENGTH + MIN_SEQUENCE_LENGTH + 1:
        raise TrackingCodeError(
            f"查询码太短：应为 {PREFIX_LENGTH + MIN_SEQUENCE_LENGTH + 1} 位，如 K7Q-00A3-X"
        )
    normalised = "".join(ALPHABET[_VALUE[ch]] for ch in cleaned)
    if _damm([_VALUE[ch] for ch in normalised]) != 0:
        raise TrackingCodeError("查询码校验位不对：可能有字符输错或前后颠倒，请核对后重新输入")
    body = normalised[:-1]
    sequence = decode_sequence(body[PREFIX_LENGTH:])
    if sequence < 1:
        raise TrackingCodeError("查询码无效")
    return TrackingCode(body[:PREFIX_LENGTH], sequence)
