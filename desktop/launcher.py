"""``xinan-desk``: the window when no command is given, else the Qt-free command line (cli/).

Qt is imported only on the window's path, so ``xinan-desk case list`` starts fast and runs on a
machine without a screen or without PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reception.paths import default_data_dir

if TYPE_CHECKING:
    from reception.slips.printing import SlipPrinter


def _window_only(argv: Sequence[str]) -> Path | None | bool:
    """The data directory when ``argv`` asks only for the window (nothing, or ``--data-dir X``);
    False otherwise. The window's start then skips building the command line, whose commands
    import half the desk (reports, search) before the unlock dialog could show."""
    args = list(argv)
    if not args:
        return None
    if len(args) == 2 and args[0] == "--data-dir" and not args[1].startswith("-"):
        return Path(args[1])
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > len("--data-dir="):
        return Path(args[0].split("=", 1)[1])
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    window = _window_only(argv)
    if window is not False:
        from desktop.application import run

        return run(window or default_data_dir(), [sys.argv[0]])
    from cli.main import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is None:
        from desktop.application import run

        return run(args.data_dir or default_data_dir(), [sys.argv[0]])
    return run_command(args, print_path=_print_path)


def _print_path(data_dir: Path) -> SlipPrinter:
    """``slip --print``'s printer: the desk's Qt print path, Qt loaded only when printing."""
    from desktop.print_path import for_command_line

    return for_command_line(data_dir)
