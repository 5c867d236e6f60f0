"""``erpdesk`` / ``python -m erpdesk``: no subcommand opens the desktop app, a subcommand runs headless.

The GUI is imported only when needed, so headless commands never load Qt; and the desktop app's start
skips building the full command parser, which would import every command module (and SQLAlchemy and
alembic with them) before the window is shown.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _gui_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` asks for the desktop app only (no command, no help/version)."""
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--db")
    quick.add_argument("--lang")
    quick.add_argument("--user")
    try:
        args, rest = quick.parse_known_args(list(argv))
    except SystemExit:
        return None  # let the full parser report the mistake
    if rest or args.lang not in (None, "zh_CN", "en"):
        return None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        # The importer reads untrusted files in a child process; a frozen build must let it start.
        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    gui = _gui_options(argv)
    if gui is not None:
        from erpdesk.app import run_gui

        return run_gui(db_url=gui.db, language=gui.lang)
    from erpdesk.cli import build_parser, run

    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        from erpdesk.app import run_gui

        return run_gui(db_url=args.db, language=args.lang)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
