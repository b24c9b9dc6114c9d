"""What a database file is, from its first bytes: no SQLite, SQLCipher or sqlite-utils loaded.

The unlock dialog asks it (is a passphrase set yet?) before those libraries are imported.
"""

from __future__ import annotations

from pathlib import Path

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def is_plain_sqlite(path: str | Path) -> bool:
    """True for an unencrypted SQLite file (a desk from before encryption, or a stray copy)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == PLAIN_SQLITE_HEADER
    except OSError:
        return False
