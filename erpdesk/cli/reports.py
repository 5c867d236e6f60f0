"""``erpdesk report aging|receivables``: the receivables reports to Excel without the GUI (issue 8).

``aging`` takes the buckets as day bounds (``--buckets 30,60,90``; default: the company's) and a date
(``--as-of``, default today); ``receivables`` writes the per-customer summary. ``.csv`` by suffix, else
``.xlsx``. Runs as the named ``--user`` or, without one, as the maintenance actor. A bad bucket list is
a user error (exit 2, message in the user's language).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from erpdesk.cli.context import CliContext


def register(commands: Any) -> None:
    report = commands.add_parser("report", help="receivables reports to .xlsx")
    sub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    aging = sub.add_parser("aging", help="aging of open items per customer, with totals")
    aging.add_argument("--as-of", dest="as_of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    aging.add_argument("--buckets", metavar="30,60,90", help="upper bounds in days past due")
    aging.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.xlsx")
    aging.set_defaults(handler=run_aging)
    summary = sub.add_parser("receivables", help="balance, overdue and last receipt per customer")
    summary.add_argument("--as-of", dest="as_of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    summary.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.xlsx")
    summary.set_defaults(handler=run_summary)


def _service(ctx: CliContext) -> Any:
    from erpdesk.services.receivable_reports import ReceivableReportService

    return ReceivableReportService(ctx.database(), ctx.actor())


def run_aging(args: argparse.Namespace, ctx: CliContext) -> int:
    from erpdesk.services.receivable_reports import parse_buckets

    buckets = parse_buckets(args.buckets) if args.buckets is not None else None
    result = _service(ctx).export_aging(args.out, as_of=args.as_of, buckets=buckets, lang=ctx.lang)
    ctx.say("reports.aging_done", day=result.as_of.isoformat(), count=result.rows, path=result.path)
    return 0


def run_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    result = _service(ctx).export_summary(args.out, as_of=args.as_of, lang=ctx.lang)
    ctx.say(
        "reports.summary_done", day=result.as_of.isoformat(), count=result.rows, path=result.path
    )
    return 0
