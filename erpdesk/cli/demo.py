"""``erpdesk demo``: create (or fill) a demo company database for trying the app."""

from __future__ import annotations

import argparse
from typing import Any

from erpdesk.cli.context import CliContext
from erpdesk.services import demo as demo_service


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="fill the database with a demo company")
    parser.add_argument(
        "--customers", type=int, default=500, metavar="N", help="number of customers"
    )
    parser.add_argument("--if-missing", action="store_true", help="do nothing if demo data exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    database = ctx.database()
    summary = demo_service.build(database, customers=args.customers, if_missing=args.if_missing)
    for line in summary.lines(ctx.lang):
        print(line)
    return 0
