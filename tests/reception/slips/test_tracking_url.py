"""The tracking URL in the QR code: compact code plus an unguessable verifier, uppercase."""

from __future__ import annotations

import pytest

from reception import street_settings
from reception.tracking_url import QR_ALPHANUMERIC, base_url_problem, tracking_url, tracking_verifier

SECRET = bytes(range(32))
CASE_ID = "0193b5a0-1234-7abc-8def-0123456789ab"


def test_the_verifier_is_ten_crockford_characters_and_stable():
    verifier = tracking_verifier(SECRET, CASE_ID)
    assert len(verifier) == 10
    assert set(verifier) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert tracking_verifier(SECRET, CASE_ID) == verifier


def test_the_verifier_depends_on_the_case_and_on_the_secret():
    verifier = tracking_verifier(SECRET, CASE_ID)
    assert tracking_verifier(SECRET, CASE_ID[:-1] + "c") != verifier
    assert tracking_verifier(bytes(32), CASE_ID) != verifier


def test_the_verifier_matches_hmac_sha256_taken_by_hand():
    import hashlib
    import hmac

    digest = hmac.new(SECRET, CASE_ID.encode(), hashlib.sha256).digest()
    bits = bin(int.from_bytes(digest, "big"))[2:].zfill(256)[:50]
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    expected = "".join(alphabet[int(bits[i : i + 5], 2)] for i in range(0, 50, 5))
    assert tracking_verifier(SECRET, CASE_ID) == expected


def test_a_short_secret_is_refused():
    with pytest.raises(ValueError):
        tracking_verifier(b"short", CASE_ID)


def test_the_url_is_uppercase_compact_and_qr_alphanumeric():
    url = tracking_url("https://xinan.example.gov.cn/t/", "k7q-00a3-7", "7G2M9QX4ZP")
    assert url == "HTTPS://XINAN.EXAMPLE.GOV.CN/T/K7Q00A37/7G2M9QX4ZP"
    assert set(url) <= QR_ALPHANUMERIC


def test_a_code_with_a_wrong_check_character_is_refused():
    with pytest.raises(ValueError):
        tracking_url("https://x.cn/t/", "K7Q-00A3-8", "7G2M9QX4ZP")


@pytest.mark.parametrize(
    ("base", "words"),
    [
        ("xinan.example.gov.cn/t/", "https://"),
        ("https://xinan.example.gov.cn/t", "以 / 结尾"),
        ("https://xinan.example.gov.cn/t?id=/", "=?"),
        ("https://xinan_desk.cn/t/", "_"),
        ("https://" + "a" * 60 + ".cn/", "太长"),
    ],
)
def test_base_urls_the_qr_code_cannot_carry_compactly_are_explained(base, words):
    problem = base_url_problem(base)
    assert problem is not None and words in problem


def test_the_device_secret_is_made_once_and_kept(desk):
    first = street_settings.tracking_secret(desk.db)
    assert len(first) == 32
    assert street_settings.tracking_secret(desk.db) == first
