"""``erpdesk`` / ``python -m erpdesk``: no subcommand opens the desktop app, a subcommand runs headless.

The GUI is imported only when needed, so headless commands never load Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from erpdesk.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is None:
        from erpdesk.app import run_gui

        return run_gui(db_url=args.db, language=args.lang)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
