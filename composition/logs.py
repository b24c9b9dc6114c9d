"""The desk's log file, and how a bug is written to it, for the window and the command line alike.

Log lines name operations, error types and code locations only: never a resident's name, phone,
address or words, so an exception's message (which may quote any of them) is never logged.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / "desk.log"


def setup_logging(data_dir: Path) -> None:
    """Log to <data dir>/logs/desk.log (or, when that cannot be written, to stderr)."""
    # Here, not at the top: logging.handlers brings socket, pickle and queue (15 ms), and the
    # window imports this module before its unlock dialog shows; it sets up logging after.
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        path = log_path(data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def traceback_without_messages(error: BaseException) -> str:
    """The traceback of ``error`` and of what caused it: types and frames, no messages."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        # File, line and function only: a source line could hold a literal, and the frames
        # are enough to find the bug in the source.
        frames = "".join(
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(current.__traceback__)
        )
        parts.append(f"{type(current).__module__}.{type(current).__qualname__}\n{frames}")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "caused by: ".join(parts)


def log_bug(log: logging.Logger, what: str, error: BaseException) -> None:
    """A failure the desk does not know: logged with its traceback, to be fixed."""
    log.error("unexpected %s in %s\n%s", type(error).__name__, what, traceback_without_messages(error))
