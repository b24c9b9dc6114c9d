"""The vault's two files as the file system shows them: is a passphrase set on this laptop yet?

Apart from the vault and the keyfile, which load SQLCipher, sqlite-utils and cryptography (a
tenth of a second): the unlock dialog asks this before showing, and they load after it is up.
"""

from __future__ import annotations

from pathlib import Path

from reception.paths import database_path
from reception.storage.header import is_plain_sqlite

KEYFILE_NAME = "desk.key"


def keyfile_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYFILE_NAME


def has_encrypted_database(data_dir: Path) -> bool:
    path = database_path(data_dir)
    return path.exists() and path.stat().st_size > 0 and not is_plain_sqlite(path)


def is_fresh(data_dir: Path) -> bool:
    """No passphrase set yet: the first unlock will set it (asked twice by the front ends)."""
    return not keyfile_path(data_dir).exists() and not has_encrypted_database(data_dir)
