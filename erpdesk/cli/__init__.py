"""The headless ``erpdesk`` commands: global options first, then a subcommand (argparse, no Qt).

Each area registers its subcommands in its own module (``COMMAND_MODULES`` maps each command name to it)
through ``register(subparsers)``; a command is ``run(args, ctx) -> exit status``. Only the module of the
command being run is imported, so ``erpdesk db check`` does not load the pinyin dictionary or Excel code. A ``DomainError`` is a user
error: its text goes to stderr in the user's language and the exit status is 2, without a traceback.
"""

from __future__ import annotations

import argparse
import locale
import sys
from collections.abc import Sequence
from importlib import import_module

from erpdesk import __version__
from erpdesk.cli.context import CliContext
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import normalise_language, render

COMMAND_MODULES: dict[str, str] = {
    "db": "erpdesk.cli.db",
    "self-test": "erpdesk.cli.selftest",
    "demo": "erpdesk.cli.demo",
    "template": "erpdesk.cli.excel",
    "import": "erpdesk.cli.excel",
    "export": "erpdesk.cli.excel",
    "user": "erpdesk.cli.users",
    "customer": "erpdesk.cli.customers",
    "order": "erpdesk.cli.orders",
    "settlement": "erpdesk.cli.settlements",
    "stocktake": "erpdesk.cli.stocktake",
    "report": "erpdesk.cli.reports",
    "statement": "erpdesk.cli.statements",
    "statements": "erpdesk.cli.statements",
}
_OPTIONS_WITH_VALUE = frozenset({"--db", "--lang", "--user"})


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules to load: the invoked command's, or all of them (for help and errors)."""
    tokens = list(argv or ())
    for index, token in enumerate(tokens):
        if token.startswith("-") or (index and tokens[index - 1] in _OPTIONS_WITH_VALUE):
            continue
        if token in COMMAND_MODULES:
            return [COMMAND_MODULES[token]]
        break
    return list(dict.fromkeys(COMMAND_MODULES.values()))


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="erpdesk",
        description="ERPDesk: without a command, open the desktop app; with one, run it headless.",
    )
    parser.add_argument("--version", action="version", version=f"ERPDesk {__version__}")
    parser.add_argument("--db", metavar="URL", help="database: sqlite:///PATH or postgresql://…")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of messages and the UI")
    parser.add_argument(
        "--user", metavar="NAME", help="act as this user (password from ERPDESK_PASSWORD)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _modules_for(argv):
        import_module(name).register(commands)
    return parser


def system_language() -> str:
    lang, _encoding = locale.getlocale()
    return normalise_language(lang)


def run(args: argparse.Namespace) -> int:
    """Run an already parsed subcommand; returns the exit status."""
    lang = args.lang or system_language()
    ctx = CliContext(db_url=args.db, lang=lang, username=args.user)
    try:
        status: int = args.handler(args, ctx)
        return status
    except DomainError as exc:
        print(
            render("cli.error", ctx.lang, text=render(exc.msg_id, ctx.lang, **exc.params)),
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    return run(args)
