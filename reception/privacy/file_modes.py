"""Files only their owner can read: 0600, directories 0700, on the desk and on the platform.

The desk's data directory holds ``desk.key`` (with it, anyone can guess the passphrase offline),
slips that could not be printed (plain PDF) and the log; the platform's holds residents' details
in plain SQLite. Another account on the same machine must read none of it.

Two layers, because either alone leaves a gap:
- the programs' entry points set the umask to 077 (``restrict_process``), so that everything they
  create, through any library (SQLite's WAL, reportlab, logging), starts private;
- every unlock (and every platform start) takes group's and others' bits off the whole data
  directory (``secure_tree``): one created by an older version, or by hand, is fixed the next
  night. The owner's bits are left alone (a directory made read-only stays read-only).

Windows has no modes: ``os.chmod`` only sets the read-only flag there. The data directory lives in
the user's profile (``%LOCALAPPDATA%``), whose ACLs give access to that user, SYSTEM and the
administrators only; these functions leave Windows' ACLs as they are.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_POSIX = os.name == "posix"


def restrict_process() -> None:
    """Make everything this process creates from now on private to its user (POSIX)."""
    if _POSIX:
        os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed, and take away group's and others' access."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _owner_only(str(path))
    return path


def _owner_only(path: str) -> None:
    """Clear the group and other bits of ``path``; the owner's own bits stay as they are.

    Only the widening bits go: a directory its owner made read-only (0500) stays read-only.
    OSError is let go: a file that vanished meanwhile (a WAL checkpointed), one another account
    owns, or a read-only medium must not stop the night's unlock.
    """
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        if mode & 0o077 and not os.path.islink(path):
            os.chmod(path, mode & ~0o077)


def open_private(path: Path, mode: str = "w", **kwargs):
    """``open(path, mode)`` for a new file that is 0600 from its first byte (no window at 0644)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    if _POSIX:
        os.fchmod(fd, PRIVATE_FILE)  # the file may have existed with wider bits
    return os.fdopen(fd, mode, **kwargs)


def write_private(path: Path, data: bytes, temporary: Path) -> None:
    """``data`` in ``path``, 0600, whole or not at all: written to ``temporary`` beside it,
    flushed to the disk (or stick), then renamed over ``path``. On an OSError the temporary file
    is gone and the error raised for the caller to name."""
    try:
        with open_private(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def secure_tree(root: Path) -> None:
    """Every directory and file under ``root`` (itself included) readable by its owner only.

    Symbolic links are not followed: a link planted in the data directory cannot make the desk
    change the modes of a file elsewhere.
    """
    if not _POSIX:
        return
    root = Path(root)
    if not root.is_dir():
        return
    _owner_only(str(root))
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            _owner_only(os.path.join(folder, name))
