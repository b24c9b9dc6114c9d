"""A device token never reaches the platform's logs.

Laptops send their token in the ``Authorization`` header, which uvicorn does not log. A client that
puts it in the URL instead (``?api_key=...``, as some Open311 clients do) is still served, but the
access log line, and any other line, shows ``api_key=[redacted]``: a log shared for debugging must
not hand out a laptop's right to register cases.
"""

from __future__ import annotations

import logging
import re

_TOKEN_IN_URL = re.compile(r"((?:api_key|access_token|token)=)[^&\s\"']+", re.IGNORECASE)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return _TOKEN_IN_URL.sub(r"\g<1>" + REDACTED, text)


class RedactTokens(logging.Filter):
    """Rewrites a record's message and arguments before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


def install() -> None:
    """On uvicorn's loggers and the root: idempotent (create_app runs once per worker)."""
    for name in ("uvicorn.access", "uvicorn.error", "uvicorn", ""):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
