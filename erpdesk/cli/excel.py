"""``erpdesk template|import|export``: Excel templates, imports and exports without the GUI (issue 5).

Exit status of ``import``: 0 imported (or a clean dry run), 1 rejected because rows have errors (the
error workbook is written when ``--errors`` is given), 2 unusable file or other user error.
``import`` changes data, so it needs ``--user NAME`` and obeys that user's roles (issue 4); templates and
exports run as the maintenance actor when no user is named. ``export customers|contacts|orders|receipts``
writes what the GUI's list shows for the same filters; an option that does not fit the list is refused.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from erpdesk.cli.context import CliContext
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.orders import OrderStatus
from erpdesk.services.context import Actor
from erpdesk.services.customer_dto import CustomerFilter, StatusFilter
from erpdesk.services.import_dto import ExportResult, ImportMode, Outcome
from erpdesk.services.imports import ImportService, problem_line
from erpdesk.xlsx.columns import KINDS

MAX_PRINTED = 200
EXPORT_KINDS = ["customers", "contacts", "orders", "receipts"]
# Which export kinds each filter option applies to.
_OPTIONS = {
    "query": ("customers", "contacts"),
    "date_from": ("orders", "receipts"),
    "date_to": ("orders", "receipts"),
    "status": ("orders",),
    "customer": ("orders", "receipts"),
    "number": ("orders",),
}


def register(commands: Any) -> None:
    template = commands.add_parser("template", help="write an Excel import template")
    template.add_argument("kind", choices=sorted(KINDS), help="what the template is for")
    template.add_argument("out", type=Path, metavar="OUT.xlsx")
    template.set_defaults(handler=run_template)

    importer = commands.add_parser("import", help="import an .xlsx or .csv file")
    importer.add_argument("kind", choices=sorted(KINDS), help="what the file holds")
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument(
        "--mode",
        choices=[m.value for m in ImportMode],
        default=ImportMode.INSERT.value,
        help="insert only (default), or upsert keyed on the code (old codes recognised)",
    )
    importer.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    importer.add_argument(
        "--errors", type=Path, metavar="OUT.xlsx", help="write the error workbook here"
    )
    importer.set_defaults(handler=run_import)

    exporter = commands.add_parser("export", help="export a list to .xlsx or .csv")
    exporter.add_argument("kind", choices=EXPORT_KINDS)
    exporter.add_argument("out", type=Path, metavar="OUT.xlsx")
    exporter.add_argument(
        "--query",
        "--search",
        dest="query",
        default=None,
        metavar="TEXT",
        help="customers, contacts: search text as typed in the customer list",
    )
    exporter.add_argument(
        "--from",
        dest="date_from",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="orders, receipts: from this date",
    )
    exporter.add_argument(
        "--to",
        dest="date_to",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="orders, receipts: up to and including this date",
    )
    exporter.add_argument(
        "--status", choices=[s.value for s in OrderStatus], help="orders: only this state"
    )
    exporter.add_argument("--customer", metavar="CODE", help="orders, receipts: one customer")
    exporter.add_argument("--number", metavar="PREFIX", help="orders: order numbers from")
    exporter.set_defaults(handler=run_export)


def _actor(ctx: CliContext, *, changes_data: bool = False) -> Actor:
    if changes_data and ctx.username is None:
        raise DomainError("cli.user_required", command="import")
    return ctx.actor()


def _service(ctx: CliContext, *, changes_data: bool = False) -> ImportService:
    return ImportService(ctx.database(), _actor(ctx, changes_data=changes_data))


def run_template(args: argparse.Namespace, ctx: CliContext) -> int:
    _service(ctx).template(args.kind, args.out, ctx.lang)
    ctx.say("template.done", path=str(args.out))
    if not KINDS[args.kind].importable:
        ctx.say("book.kind_later", kind=render(f"kind.{args.kind}", ctx.lang))
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx, changes_data=True)
    lang = ctx.lang
    plan = service.dry_run(args.kind, args.file, mode=ImportMode(args.mode), lang=lang)
    if plan.previous is not None:
        ctx.warn(
            "import.same_file",
            sha=plan.sha256[:12],
            at=plan.previous.at.strftime("%Y-%m-%d %H:%M"),
            user=plan.previous.user,
        )
    if plan.unknown_columns:
        ctx.warn("import.unknown_columns", columns=", ".join(plan.unknown_columns))
    ctx.say(
        "import.summary",
        file=plan.file_name,
        new=plan.count(Outcome.NEW),
        update=plan.count(Outcome.UPDATE),
        unchanged=plan.count(Outcome.UNCHANGED),
        error=plan.count(Outcome.ERROR),
    )
    if plan.problems:
        for problem in plan.problems[:MAX_PRINTED]:
            print(problem_line(problem, lang), file=sys.stderr)
        if len(plan.problems) > MAX_PRINTED:
            print(f"… (+{len(plan.problems) - MAX_PRINTED})", file=sys.stderr)
        if args.errors is not None:
            service.write_error_book(plan, args.errors, lang)
            ctx.warn("import.errors_written", path=str(args.errors))
        ctx.warn("import.rejected", count=plan.count(Outcome.ERROR))
        return 1
    if args.dry_run:
        ctx.say("import.dry_run_done")
        return 0
    result = service.commit(plan)
    ctx.say("import.done", new=result.created, update=result.updated)
    return 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    for option in _OPTIONS:
        if getattr(args, option) is not None and args.kind not in _OPTIONS[option]:
            raise DomainError(
                "list_export.option_not_for",
                option="--" + option.replace("date_", ""),
                kind=render(f"kind.{args.kind}", ctx.lang),
            )
    if args.kind == "customers":
        from erpdesk.services.exports import ExportService

        service = ExportService(ctx.database(), _actor(ctx))
        result = service.customers(
            args.out,
            query=args.query or "",
            filter=CustomerFilter(status=StatusFilter.ALL),
            lang=ctx.lang,
        )
    else:
        result = _export_list(args, ctx)
    ctx.say("export.done", count=result.rows, path=result.path)
    return 0


def _export_list(args: argparse.Namespace, ctx: CliContext) -> ExportResult:
    """Orders, receipts or contacts through the list export service, filtered as asked."""
    from erpdesk.services.container import Services
    from erpdesk.services.order_dto import OrderFilter

    services = Services(ctx.database(), _actor(ctx))
    exports = services.list_exports
    customer_id = services.customers.get_by_code(args.customer).id if args.customer else None
    if args.kind == "orders":
        return exports.orders(
            args.out,
            filter=OrderFilter(
                customer_id=customer_id,
                status=OrderStatus(args.status) if args.status else None,
                date_from=args.date_from,
                date_to=args.date_to,
                number_prefix=args.number or "",
            ),
            lang=ctx.lang,
        )
    if args.kind == "receipts":
        return exports.receipts(
            args.out,
            date_from=args.date_from,
            date_to=args.date_to,
            customer_id=customer_id,
            lang=ctx.lang,
        )
    return exports.contacts(
        args.out,
        query=args.query or "",
        filter=CustomerFilter(status=StatusFilter.ALL),
        lang=ctx.lang,
    )
