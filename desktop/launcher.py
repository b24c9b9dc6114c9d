"""``xinan-desk``: the window when no command is given, else the Qt-free command line (cli/).

Qt is imported only on the window's path, so ``xinan-desk case list`` starts fast and runs on a
machine without a screen or without PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from cli.main import build_parser, run_command
from reception.paths import default_data_dir
from reception.slips.printing import SlipPrinter


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from desktop.application import run

        return run(args.data_dir or default_data_dir(), [sys.argv[0]])
    return run_command(args, print_path=_print_path)


def _print_path(data_dir: Path) -> SlipPrinter:
    """``slip --print``'s printer: the desk's Qt print path, Qt loaded only when printing."""
    from desktop.print_path import for_command_line

    return for_command_line(data_dir)
