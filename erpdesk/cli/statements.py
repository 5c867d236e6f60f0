"""``erpdesk statement CODE`` and ``erpdesk statements``: customer statements (对账单) as PDF (issue 8).

``statement`` writes one customer's statement for a period (``--from`` and ``--to``) or as of a day
(``--as-of``, default today). ``statements`` writes a batch as of a day (or for a period): into one PDF
when ``-o`` ends in ``.pdf``, otherwise into a folder with one ``<code>.pdf`` per customer;
``--with-balance`` keeps only customers whose balance is not zero, ``--moved`` those with a delivery or
receipt in the period (both: either), and ``--category`` (with its sub-categories), ``--region``,
``--salesperson`` and ``--monthly`` (月结) narrow the batch further. Printing statements needs ``--user``
with a role that may print them (clerk, accountant, manager); the password comes from ERPDESK_PASSWORD.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from erpdesk.cli.context import CliContext


def register(commands: Any) -> None:
    one = commands.add_parser("statement", help="one customer's statement (对账单) to PDF")
    one.add_argument("code", help="customer code")
    _period_arguments(one)
    one.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.pdf")
    one.set_defaults(handler=run_statement)
    batch = commands.add_parser("statements", help="statements of many customers to PDF")
    _period_arguments(batch)
    batch.add_argument(
        "--with-balance", action="store_true", help="only customers whose balance is not zero"
    )
    batch.add_argument("--search", default="", help="only customers matching this search")
    batch.add_argument(
        "--category", metavar="CODE", help="only this customer category (code or name) and below"
    )
    batch.add_argument("--region", default="", metavar="TEXT", help="only customers in this region")
    batch.add_argument(
        "--salesperson", metavar="USERNAME", help="only customers of this salesperson (业务员)"
    )
    batch.add_argument(
        "--monthly", action="store_true", help="only customers settled monthly (月结)"
    )
    batch.add_argument(
        "--moved",
        action="store_true",
        help="only customers with a delivery or receipt in --from..--to "
        "(with --with-balance: either of the two)",
    )
    batch.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        metavar="OUT.pdf|DIR",
        help="a .pdf for one combined file, else a folder with one file per customer",
    )
    batch.set_defaults(handler=run_statements)


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    parser.add_argument("--as-of", dest="as_of", type=date.fromisoformat, metavar="YYYY-MM-DD")


def _request(args: argparse.Namespace, customer_id: int) -> Any:
    from erpdesk.services.statement_dto import StatementRequest

    return StatementRequest(
        customer_id=customer_id, date_from=args.date_from, date_to=args.date_to, as_of=args.as_of
    )


def _service(ctx: CliContext) -> Any:
    from erpdesk.services.statements import StatementService

    return StatementService(ctx.database(), ctx.actor())


def run_statement(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    request = _request(args, service.customer_id(args.code))
    figures, pages = service.render_with_figures(request, args.out, ctx.lang)
    from erpdesk.domain.money import format_money

    ctx.say(
        "statements.cli_written",
        code=figures.customer_code,
        path=str(args.out),
        pages=pages,
        balance=format_money(figures.closing_balance),
    )
    return 0


def run_statements(args: argparse.Namespace, ctx: CliContext) -> int:
    from erpdesk.services.statement_dto import BatchFilter

    service = _service(ctx)
    as_of = args.date_to or args.as_of or service.clock.today()
    chosen = BatchFilter(
        with_balance=args.with_balance,
        search=args.search,
        category_id=None if args.category is None else service.category_id(args.category),
        region=args.region.strip(),
        salesperson_id=None
        if args.salesperson is None
        else service.salesperson_id(args.salesperson),
        monthly_only=args.monthly,
        moved_in_period=args.moved,
    )
    ids = service.customers_for_batch(chosen, as_of, since=args.date_from)
    if not ids:
        ctx.say("statements.cli_none")
        return 0
    one_file = args.out.suffix.lower() == ".pdf"
    result = service.render_batch(
        ids,
        request_template=_request(args, 0),
        target=args.out,
        one_file=one_file,
        lang=ctx.lang,
    )
    ctx.say(
        "statements.cli_batch_written",
        count=result.statements,
        pages=result.pages,
        path=str(args.out),
    )
    return 0
