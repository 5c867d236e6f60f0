"""``erpdesk settlement list|show|approve|reject|follow-ups``: settlements from the command line
(issue 7).

Reading needs any user; approving and rejecting need ``--user`` with a role that may approve
settlements (accountant or manager), never the user who submitted it. A settlement is named by its id
or its number (``JS20250503-0001``) or its voucher number (``LS…``). JSON output with ``--json``.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from erpdesk.cli.common import print_json
from erpdesk.cli.context import CliContext
from erpdesk.domain.messages import render
from erpdesk.domain.settlements import FollowUpKind, SettlementStatus
from erpdesk.services.container import Services
from erpdesk.services.settlement_dto import SettlementView


def register(commands: Any) -> None:
    settlement = commands.add_parser(
        "settlement", help="list, show, approve and reject settlements; the follow-up list"
    )
    sub = settlement.add_subparsers(dest="settlement_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="settlements, newest first")
    listing.add_argument("--pending", action="store_true", help="only those awaiting approval")
    listing.add_argument("--customer", metavar="CODE", help="only this customer's")
    listing.add_argument("--limit", type=int, default=50, metavar="N")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="a settlement with its allocations")
    show.add_argument("settlement", metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)
    approve = sub.add_parser("approve", help="approve a pending settlement (posts it)")
    approve.add_argument("settlement", metavar="ID")
    approve.add_argument("--comment", default="")
    approve.set_defaults(handler=run_approve)
    reject = sub.add_parser("reject", help="reject a pending settlement (posts nothing)")
    reject.add_argument("settlement", metavar="ID")
    reject.add_argument("--comment", required=True)
    reject.set_defaults(handler=run_reject)
    follow = sub.add_parser("follow-ups", help="what has to be chased, most urgent first")
    follow.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    follow.add_argument(
        "--kind", action="append", choices=[k.value for k in FollowUpKind], help="repeatable"
    )
    follow.add_argument("--json", action="store_true", help="print JSON")
    follow.set_defaults(handler=run_follow_ups)


def _services(ctx: CliContext) -> Services:
    return Services(ctx.database(), ctx.actor())


def _find(services: Services, name: str) -> SettlementView:
    text = name.strip()
    if text.isdigit():
        return services.settlements.get(int(text))
    return services.settlements.get_by_number(text)


def _line(ctx: CliContext, view: SettlementView) -> str:
    status = render(f"settlements.status.{view.status.value}", ctx.lang)
    return (
        f"{view.id:>6}  {view.number}  {view.voucher_number or '-':<16} {view.receipt_date}  "
        f"{view.customer_code:<10} {view.amount:>14,.2f}  {status}  {view.customer_name}"
    )


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    services = _services(ctx)
    customer_id = services.customers.get_by_code(args.customer).id if args.customer else None
    views = services.settlements.search(
        status=SettlementStatus.PENDING_APPROVAL if args.pending else None,
        customer_id=customer_id,
        limit=args.limit,
    )
    if args.json:
        print_json(views)
        return 0
    if not views:
        ctx.say("settlements.cli_none")
    for view in views:
        print(_line(ctx, view))
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    view = _find(_services(ctx), args.settlement)
    if args.json:
        print_json(view)
        return 0
    print(_line(ctx, view))
    print(
        render(f"settlements.kind.{view.kind.value}", ctx.lang)
        + " · "
        + render(f"settlements.invoice.{view.invoice_status.value}", ctx.lang)
        + (f" · {', '.join(view.invoice_numbers)}" if view.invoice_numbers else "")
    )
    for line in view.lines:
        print(f"    {line.doc_number:<20} {line.due_date}  {line.amount:>14,.2f}")
    print(f"    {'':<20} {'':<10}  {view.advance:>14,.2f}  ({view.receipt_number or '-'})")
    return 0


def run_approve(args: argparse.Namespace, ctx: CliContext) -> int:
    return _decide(args, ctx, approve=True)


def run_reject(args: argparse.Namespace, ctx: CliContext) -> int:
    return _decide(args, ctx, approve=False)


def _decide(args: argparse.Namespace, ctx: CliContext, *, approve: bool) -> int:
    """Approve or reject the named settlement as it was read (its version), then say its status."""
    services = _services(ctx)
    view = _find(services, args.settlement)
    decide = services.settlements.approve if approve else services.settlements.reject
    done = decide(view.id, args.comment, seen_version=view.version)
    ctx.say(
        "settlements.cli_status",
        number=done.settlement.number,
        status=render(f"settlements.status.{done.settlement.status.value}", ctx.lang),
    )
    return 0


def run_follow_ups(args: argparse.Namespace, ctx: CliContext) -> int:
    services = _services(ctx)
    kinds = frozenset(FollowUpKind(k) for k in args.kind) if args.kind else None
    rows = services.settlements.follow_ups(args.as_of, kinds)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        ctx.say("settlements.cli_no_follow_ups")
    for row in rows:
        kind = render(f"settlements.followup.{row.kind.value}", ctx.lang)
        print(
            f"{row.next_action_on or row.since}  {kind}  {row.document:<18} "
            f"{row.customer_code:<10} {row.amount:>14,.2f}  {row.who or '-'}  "
            f"{row.customer_name}  {row.note}".rstrip()
        )
    return 0
