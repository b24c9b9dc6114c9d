"""Opening the desk's encrypted database with the street's passphrase.

A fresh data directory gets a new data key wrapped by the passphrase given (the first night sets
it). A database from before encryption is encrypted in place on the first unlock. An encrypted
database whose keyfile is gone is never replaced by a fresh one: that would look like an empty
desk while the night's cases sit unreadable beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass, field
from pathlib import Path


from reception.paths import database_path
from reception.privacy import file_modes, keyfile
from reception.privacy.keyfile import KdfCost
from reception.privacy.vault_files import has_encrypted_database
from reception.storage.connection import encrypt_plain_database, open_database, raise_storage_error
from reception.storage.header import is_plain_sqlite

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database


@dataclass
class Unlocked:
    db: Database
    data_key: bytes
    created: bool  # this unlock set the passphrase (a fresh data directory)
    failed_attempts: list[str] = field(default_factory=list)  # times of wrong passphrases since the last unlock


def open_vault(
    data_dir: Path, passphrase: str, cost: KdfCost = keyfile.DEFAULT_COST, own_words: tuple[str, ...] = ()
) -> Unlocked:
    """``own_words``: the street's and communities' names, refused as (part of) a new passphrase."""
    try:
        return _open(Path(data_dir), passphrase, cost, own_words)
    except OSError as error:  # the data directory is a file, read-only, on a full disk...
        raise_storage_error(error)


def _open(data_dir: Path, passphrase: str, cost: KdfCost, own_words: tuple[str, ...]) -> Unlocked:
    db_path = database_path(data_dir)
    file_modes.private_dir(data_dir)  # 0700 before the keyfile or the database is created in it
    created = False
    if keyfile.exists(data_dir):
        key = keyfile.unlock(data_dir, passphrase)
    elif has_encrypted_database(data_dir):
        raise keyfile.KeyfileError(
            "找不到密钥文件 desk.key，但数据库还在：没有它数据库无法打开。请从备份恢复 desk.key 到数据目录，不要删除数据库"
        )
    else:
        key = keyfile.create(data_dir, passphrase, cost, own_words)
        created = True
        if db_path.exists() and is_plain_sqlite(db_path):
            encrypt_plain_database(db_path, key)
    db = open_database(db_path, key)
    # desk.db, its WAL and anything an older version left with wider modes: 0600 / 0700.
    file_modes.secure_tree(data_dir)
    return Unlocked(db=db, data_key=key, created=created, failed_attempts=keyfile.take_failures(data_dir))

