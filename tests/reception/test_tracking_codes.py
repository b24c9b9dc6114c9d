"""Tracking codes: made offline, read over the phone, and never matched to the wrong case."""

from __future__ import annotations

import random

import pytest

from reception import tracking_codes as tc
from reception.tracking_codes import ALPHABET, TrackingCode, TrackingCodeError, parse


def random_codes(count: int, seed: int) -> list[TrackingCode]:
    rng = random.Random(seed)
    codes = []
    for _ in range(count):
        prefix = "".join(rng.choice(ALPHABET) for _ in range(3))
        # Mostly ordinary nights, some laptops far past 32**4 cases.
        sequence = rng.choice([rng.randint(1, 5000), rng.randint(1, 32**4 - 1), rng.randint(32**4, 32**6)])
        codes.append(TrackingCode.make(prefix, sequence))
    return codes


CODES = random_codes(400, seed=20261125)


def test_display_and_compact_forms():
    code = TrackingCode.make("K7Q", 32 * 10 + 3)  # "00A3"
    assert code.compact[:-1] == "K7Q00A3"
    assert code.display == f"K7Q-00A3-{code.compact[-1]}"
    assert str(code) == code.display
    assert len(code.compact) == 8


@pytest.mark.parametrize("code", CODES, ids=lambda c: c.display)
def test_round_trip_display_and_compact(code: TrackingCode):
    assert parse(code.display) == code
    assert parse(code.compact) == code
    assert parse(code.display).display == code.display


def test_sequences_beyond_four_characters_grow_and_round_trip():
    for sequence in (32**4 - 1, 32**4, 32**4 + 1, 32**5, 32**6 + 12345):
        code = TrackingCode.make("A00", sequence)
        body = code.display.split("-")[1]
        assert len(body) == max(4, len(tc.encode_sequence(sequence)))
        assert tc.decode_sequence(body) == sequence
        assert parse(code.display) == code
    assert len(TrackingCode.make("A00", 32**4 - 1).display.split("-")[1]) == 4
    assert len(TrackingCode.make("A00", 32**4).display.split("-")[1]) == 5


def test_consecutive_sequences_give_distinct_codes():
    displays = {TrackingCode.make("K7Q", n).display for n in range(1, 5001)}
    assert len(displays) == 5000


@pytest.mark.parametrize("code", CODES[:60], ids=lambda c: c.display)
def test_forgiving_input(code: TrackingCode):
    compact = code.compact
    assert parse(compact.lower()) == code
    assert parse(" " + code.display.lower() + " ") == code
    assert parse(" ".join(compact)) == code
    assert parse(f"{compact[:3]} {compact[3:-1]}-{compact[-1]}") == code
    # Letters people type for the digits they look like.
    confusable = compact.replace("0", "O").replace("1", "I")
    assert parse(confusable) == code
    assert parse(compact.replace("1", "l")) == code
    assert parse(compact.replace("1", "L").lower()) == code


def test_every_single_substitution_is_rejected():
    checked = 0
    for code in CODES:
        compact = code.compact
        for position, original in enumerate(compact):
            for replacement in ALPHABET:
                if replacement == original:
                    continue
                typo = compact[:position] + replacement + compact[position + 1 :]
                with pytest.raises(TrackingCodeError, match="校验位"):
                    parse(typo)
                checked += 1
    assert checked == sum(len(c.compact) for c in CODES) * (len(ALPHABET) - 1)


def test_every_adjacent_transposition_is_rejected():
    checked = 0
    for code in CODES:
        compact = code.compact
        for position in range(len(compact) - 1):
            a, b = compact[position], compact[position + 1]
            if a == b:
                continue
            swapped = compact[:position] + b + a + compact[position + 2 :]
            with pytest.raises(TrackingCodeError, match="校验位"):
                parse(swapped)
            checked += 1
    assert checked > len(CODES) * 5


def test_transposition_across_the_dashes_is_rejected():
    code = TrackingCode.make("K7Q", 331)
    prefix, body, check = code.display.split("-")
    if body[-1] != check:
        with pytest.raises(TrackingCodeError):
            parse(f"{prefix}-{body[:-1]}{check}-{body[-1]}")
    if prefix[-1] != body[0]:
        with pytest.raises(TrackingCodeError):
            parse(f"{prefix[:-1]}{body[0]}-{prefix[-1]}{body[1:]}-{check}")


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "为空"),
        ("   - ", "为空"),
        ("K7Q-00A", "太短"),
        ("K7Q-00U3-X", "无效字符"),
        ("K7Q-00A3-*", "无效字符"),
        ("查询码", "无效字符"),
    ],
)
def test_malformed_codes_say_what_is_wrong(text, words):
    with pytest.raises(TrackingCodeError, match=words):
        parse(text)


def test_sequence_zero_is_refused():
    body = "K7Q0000"
    with pytest.raises(TrackingCodeError):
        parse(body + tc.check_character(body))
    with pytest.raises(ValueError):
        tc.encode_sequence(0)


@pytest.mark.parametrize("prefix", ["K7", "K7QQ", "K7U", "k7q", "I00", "O00", "L00"])
def test_a_device_prefix_must_be_three_canonical_characters(prefix):
    assert not tc.is_valid_prefix(prefix)
    with pytest.raises(ValueError):
        TrackingCode.make(prefix, 1)


def test_full_width_input_from_a_chinese_input_method():
    code = TrackingCode.make("K7Q", 331)
    full_width = "".join(chr(ord(ch) + 0xFEE0) if ch != " " else "\u3000" for ch in code.display)
    assert full_width != code.display
    assert parse(full_width) == code
    assert parse(full_width.lower()) == code
