"""The URL a tracking slip's QR code carries: the platform's page for one case.

``HTTPS://XINAN.EXAMPLE.GOV.CN/T/K7Q00A3X/7G2M9QX4ZP``: the base URL the street configured, the
compact tracking code, and a verifier. The tracking code alone is guessable (codes are
sequential per laptop), so the platform shows a case only to someone holding the verifier too.
The verifier is an HMAC-SHA256 of the case id under a secret key this laptop generated at random
(reception.street_settings.tracking_secret); the sync sends each case's verifier with the case
(sync/setup.py), never the key, so nobody can work out the verifier of another case.

Everything is uppercase so that a QR code can use alphanumeric mode (5.5 bits a character
instead of 8), which keeps the code small enough to print with big modules on a 48 mm roll.
The platform therefore has to treat the path case-insensitively; host names already are.
No personal data goes in: a stranger who scans a lost slip learns only a case's progress.
"""

from __future__ import annotations

import hashlib
import hmac

from reception.local_text import LocalText
from reception.messages import t
from reception.tracking_codes import ALPHABET, parse

VERIFIER_LENGTH = 10  # 50 bits: far beyond guessing, short enough for a small QR code
SECRET_BYTES = 32
# The characters QR alphanumeric mode can encode.
QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def tracking_verifier(secret: bytes, case_id: str) -> str:
    """Ten Crockford base32 characters derived from the case id under the device's secret."""
    if len(secret) < 16:
        raise ValueError("the tracking secret must be at least 16 bytes")
    digest = hmac.new(secret, case_id.encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big") >> (64 - 5 * VERIFIER_LENGTH)
    chars = []
    for _ in range(VERIFIER_LENGTH):
        number, r = divmod(number, 32)
        chars.append(ALPHABET[r])
    return "".join(reversed(chars))


def tracking_url(base: str, code: str, verifier: str) -> str:
    """The QR payload: ``BASE`` + compact code + ``/`` + verifier, uppercase.

    ``code`` may be in any form a person would write it (``K7Q-00A3-X``); ``base`` must end in
    ``/`` and use only characters QR alphanumeric mode can encode once uppercased.
    """
    problem = base_url_problem(base)
    if problem:
        raise ValueError(problem)
    compact = parse(code).compact
    if len(verifier) != VERIFIER_LENGTH or any(ch not in ALPHABET for ch in verifier):
        raise ValueError("the verifier must be 10 Crockford base32 characters")
    return f"{base.upper()}{compact}/{verifier}"


def base_url_problem(base: str) -> LocalText | None:
    """Why ``base`` cannot serve as the tracking base URL, in words for the team leader (in the
    desk's three languages: the street settings dialog and the wizard show it); or None."""
    upper = base.strip().upper()
    if not (upper.startswith("HTTPS://") or upper.startswith("HTTP://")):
        return t("应以 https:// 开头，如 https://xinan.example.gov.cn/t/")
    if not upper.endswith("/"):
        return t("应以 / 结尾，如 https://xinan.example.gov.cn/t/")
    if upper != base.upper():
        return t("前后不能有空格")
    bad = sorted({ch for ch in upper if ch not in QR_ALPHANUMERIC or ch == " "})
    if bad:
        return t("含有二维码无法紧凑编码的字符：{chars}（只用字母、数字和 . / : - ）").fill(chars="".join(bad))
    if len(upper) > 60:
        return t("太长：最多 60 个字符，否则二维码太密，热敏纸上扫不出来")
    return None
