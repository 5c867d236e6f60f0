"""``erpdesk stocktake list|export-sheet|import``: stocktakes and handheld files from the command line
(issue 9).

Every action needs ``--user`` with a role that may count stock (password from ERPDESK_PASSWORD). A
session is named by its id or its number (``PD20250503-01``). ``import`` counts a handheld's results
file into a session that is counting; the same file imported twice counts once.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from erpdesk.cli.common import print_json
from erpdesk.cli.context import CliContext
from erpdesk.services.stocktake import StocktakeService
from erpdesk.services.stocktake_dto import StocktakeView


def register(commands: Any) -> None:
    stocktake = commands.add_parser(
        "stocktake", help="list stocktakes, write count sheets, import handheld results"
    )
    sub = stocktake.add_subparsers(dest="stocktake_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="stocktakes, newest first")
    listing.add_argument("--all", action="store_true", help="include posted and cancelled ones")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)
    sheet = sub.add_parser("export-sheet", help="write the count sheet (.xlsx) for a handheld")
    sheet.add_argument("session", metavar="ID", help="id or number (PD20250503-01)")
    sheet.add_argument("out", type=Path, metavar="OUT.xlsx")
    sheet.set_defaults(handler=run_export_sheet)
    imported = sub.add_parser("import", help="count a handheld's results file (.xlsx or .csv)")
    imported.add_argument("session", metavar="ID", help="id or number (PD20250503-01)")
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.set_defaults(handler=run_import)


def _service(ctx: CliContext) -> StocktakeService:
    from erpdesk.services.auth import AuthService
    from erpdesk.services.customers import CustomerService

    database, actor = ctx.database(), ctx.actor()
    return StocktakeService(
        database,
        actor,
        auth=lambda: AuthService(database, actor=actor),
        customers=lambda: CustomerService(database, actor),
        lang=ctx.lang,
    )


def _session(service: StocktakeService, given: str) -> StocktakeView:
    text = given.strip()
    if text.isdigit():
        return service.get(int(text))
    return service.get_by_number(text)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    views = _service(ctx).sessions(include_closed=args.all)
    if args.json:
        print_json(views)
        return 0
    if not views:
        ctx.say("stocktake.cli_none")
    for view in views:
        print(
            f"{view.id:>5}  {view.number}  {view.scope.kind.value:<9} {view.status.value:<9} "
            f"{view.counted_count:>7}/{view.expected_count:<7} {view.name}"
        )
    return 0


def run_export_sheet(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    view = _session(service, args.session)
    rows = service.export_count_sheet(view.id, args.out)
    ctx.say("stocktake.cli_exported", rows=rows, number=view.number, path=str(args.out))
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    view = _session(service, args.session)
    result = service.import_handheld(view.id, args.file)
    if result.already_imported:
        ctx.say("stocktake.cli_already_imported", path=str(args.file), number=view.number)
        return 0
    ctx.say(
        "stocktake.cli_imported",
        path=str(args.file),
        rows=result.rows,
        counted=result.counted,
        skipped=result.skipped,
        unknown=result.unknown,
    )
    return 0
