"""``erpdesk order list|show|confirm|deliver``: sales orders from the command line (issue 6).

Reading needs any user; confirming and delivering need ``--user`` with a role that may take orders.
Over the credit limit, ``confirm`` prints the service's message and exits 2 unless ``--ack`` and
``--reason`` are given (warn mode). JSON output for scripts with ``--json``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from typing import Any

from erpdesk.cli.context import CliContext
from erpdesk.domain.orders import OrderStatus
from erpdesk.services.order_dto import OrderFilter
from erpdesk.services.orders import OrderService


def register(commands: Any) -> None:
    order = commands.add_parser("order", help="list, show, confirm and deliver sales orders")
    sub = order.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="orders, newest first")
    listing.add_argument("--status", choices=[s.value for s in OrderStatus])
    listing.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    listing.add_argument("--limit", type=int, default=50, metavar="N")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="an order with its lines and deliveries")
    show.add_argument("number")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)
    confirm = sub.add_parser("confirm", help="confirm a draft (credit check)")
    confirm.add_argument("number")
    confirm.add_argument("--ack", action="store_true", help="go on past a credit warning")
    confirm.add_argument("--reason", default="")
    confirm.set_defaults(handler=run_confirm)
    deliver = sub.add_parser("deliver", help="deliver everything still open")
    deliver.add_argument("number")
    deliver.set_defaults(handler=run_deliver)


def _service(ctx: CliContext) -> OrderService:
    return OrderService(ctx.database(), ctx.actor())


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, Decimal | date):
        return str(value)
    return value


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    ids = service.search_ids(
        OrderFilter(
            status=OrderStatus(args.status) if args.status else None,
            date_from=args.date_from,
            date_to=args.date_to,
        )
    )
    first = list(ids[: args.limit])
    rows = service.rows(first)
    ordered = [rows[i] for i in first if i in rows]
    if args.json:
        print(json.dumps(_plain(ordered), ensure_ascii=False, indent=1))
        return 0
    for row in ordered:
        print(
            f"{row.number}  {row.order_date}  {row.customer_code:<10} {row.status.value:<10} "
            f"{row.total:>12,.2f}  {row.customer_name}"
        )
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    detail = _service(ctx).get_by_number(args.number)
    if args.json:
        print(json.dumps(_plain(detail), ensure_ascii=False, indent=1))
        return 0
    print(f"{detail.number}  {detail.status.value}  {detail.order_date}")
    print(f"{detail.customer_code}  {detail.customer_name}  {detail.contact} {detail.phone}")
    for line in detail.lines:
        print(
            f"{line.line_no:>3} {line.product_code:<10} {line.product_name:<20} {line.qty:>10} "
            f"{line.unit_price:>10} {line.amount:>12,.2f}"
        )
    print(f"total {detail.total:,.2f}  tax {detail.tax:,.2f}  delivered {detail.delivered:,.2f}")
    return 0


def run_confirm(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    detail = service.get_by_number(args.number)
    done = service.confirm(
        detail.id,
        detail.version,
        ack={"credit.warn"} if args.ack else (),
        reason=args.reason,
    )
    ctx.say("order.cli_status", number=done.number, status=done.status.value)
    return 0


def run_deliver(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    detail = service.get_by_number(args.number)
    done = service.deliver(detail.id, detail.version)
    ctx.say("order.cli_status", number=done.number, status=done.status.value)
    return 0
