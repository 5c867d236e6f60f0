"""``erpdesk customer find TEXT`` and ``erpdesk customer show CODE``: the customer archive headless.

``find`` searches like the list's search box (code and old codes, name, mnemonic, phone, tax number);
``show`` prints every field, contacts, relationships and old codes of the customer whose current or old
code is CODE. ``--json`` prints machine-readable output (Decimal and dates as text).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from erpdesk.cli.context import CliContext
from erpdesk.domain.messages import render
from erpdesk.services.customer_dto import CustomerDetail
from erpdesk.services.customers import CustomerService

DETAIL_FIELDS = (
    "code",
    "name",
    "short_name",
    "mnemonic",
    "customer_type",
    "category",
    "level",
    "region",
    "industry",
    "company_size",
    "source",
    "province",
    "city",
    "district",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
    "tax_number",
    "bank_name",
    "bank_account",
    "invoice_title",
    "invoice_address_phone",
    "credit_limit",
    "payment_terms_days",
    "settlement_method",
    "salesperson",
    "notes",
    "status",
    "deactivated_at",
    "deactivation_reason",
    "next_follow_up",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)


def register(commands: Any) -> None:
    customer = commands.add_parser("customer", help="find and show customers")
    sub = customer.add_subparsers(dest="customer_command", metavar="ACTION", required=True)
    find = sub.add_parser(
        "find", help="search by code, old code, name, mnemonic, phone, tax number"
    )
    find.add_argument("text")
    find.add_argument("--json", action="store_true", help="print JSON")
    find.add_argument("--limit", type=int, default=50, metavar="N")
    find.set_defaults(handler=run_find)
    show = sub.add_parser("show", help="all fields, contacts, relationships and old codes")
    show.add_argument("code", help="current or old customer code")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)


def _service(ctx: CliContext) -> CustomerService:
    return CustomerService(ctx.database(), ctx.actor())


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def run_find(args: argparse.Namespace, ctx: CliContext) -> int:
    hits = _service(ctx).find(args.text, limit=args.limit)
    if args.json:
        print(json.dumps([_plain(dataclasses.asdict(h)) for h in hits], ensure_ascii=False))
        return 0 if hits else 1
    if not hits:
        ctx.warn("customer.cli.none_found", text=args.text)
        return 1
    inactive = render("customer.cli.inactive", ctx.lang)
    for hit in hits:
        line = f"{hit.code}\t{hit.name}\t{hit.short_name}"
        if hit.matched == "old_code":
            line += "\t" + render(
                "customer.cli.old_code", ctx.lang, old=hit.matched_text, code=hit.code
            )
        if not hit.active:
            line += "\t" + inactive
        print(line)
    return 0


def _label(ctx: CliContext, key: str) -> str:
    return render(f"customer.label.{key}", ctx.lang)


def _value(ctx: CliContext, detail: CustomerDetail, field: str) -> str:
    value = getattr(detail, field)
    if field == "customer_type":
        return _label(ctx, f"type.{value}")
    if field == "settlement_method" and value:
        return _label(ctx, f"settlement.{value}")
    if field == "status":
        return _label(ctx, f"status.{value}")
    return "" if value is None else str(value)


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    detail = _service(ctx).get_by_code(args.code)
    if args.json:
        data = _plain(dataclasses.asdict(detail))
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    width = max(len(_label(ctx, f)) for f in DETAIL_FIELDS)
    for field in DETAIL_FIELDS:
        print(f"{_label(ctx, field):<{width}}  {_value(ctx, detail, field)}")
    if detail.contacts:
        print("\n" + render("customer.cli.contacts", ctx.lang))
        for c in detail.contacts:
            parts = [c.name, c.position, c.mobile, c.phone, c.email]
            if c.is_primary:
                parts.append(_label(ctx, "contact.primary"))
            print("  " + "  ".join(p for p in parts if p))
    if detail.relationships:
        print("\n" + render("customer.cli.relationships", ctx.lang))
        for r in detail.relationships:
            print(
                f"  {_label(ctx, f'role.{r.role}')}: {r.other_code} {r.other_name}  {r.note}".rstrip()
            )
    if detail.old_codes:
        print("\n" + render("customer.cli.old_codes", ctx.lang))
        for o in detail.old_codes:
            print(
                "  "
                + render(
                    "customer.cli.old_code_line",
                    ctx.lang,
                    code=o.code,
                    at=o.changed_at.strftime("%Y-%m-%d %H:%M"),
                    user=o.changed_by,
                    reason=o.reason,
                )
            )
    return 0
