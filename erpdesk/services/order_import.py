"""Sales order import: one row per order line, grouped into draft orders, saved by the order service.

Rows are grouped by 订单号 (the file's own reference, kept in the order's notes); rows without one are
grouped by customer and date. The customer is found by its current or old code, the product by its code
or any of its barcodes; quantity and price are per unit of the product, the tax rate is the product's,
as the order form fills them in. ``plan`` reads only and reports every bad cell (unknown or deactivated
customer or product, quantity not above zero, negative price, an order whose rows disagree on customer
or date). ``write`` saves each order with ``OrderService.save_in`` inside the caller's single write
unit, so numbers (XS…), totals, tax and audit are exactly those of the order form. Imported orders are
drafts: confirming runs the credit check, which a person decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, select

from erpdesk.db.models.customer import Customer
from erpdesk.db.models.product import Product, ProductBarcode
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import orders as rules
from erpdesk.domain.errors import DomainError
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_import import ImportCancelled, _chunks, load_existing
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.import_rows import RowNotes, column_codes, problems_by_row, tick
from erpdesk.services.order_dto import OrderInput, OrderLineInput
from erpdesk.xlsx.columns import CLEAR_MARK, header_text
from erpdesk.xlsx.reader import ReadResult

KIND = "orders"

__all__ = ["ImportCancelled", "Prepared", "copy_prepared", "plan", "write"]


@dataclass(slots=True)
class Prepared:
    """One order: its customer, date, the file's reference and its lines, in file order."""

    rows: tuple[int, ...]
    reference: str
    customer_id: int
    order_date: date
    lines: tuple[OrderLineInput, ...]
    number: str = ""


def copy_prepared(item: Prepared) -> Prepared:
    return replace(item)


@dataclass(slots=True)
class _Product:
    id: int
    code: str
    active: bool
    tax_rate_pct: Decimal


@dataclass(slots=True)
class _Group:
    first_row: int
    customer: str
    order_date: date | None
    rows: list[int] = field(default_factory=list)
    lines: list[OrderLineInput] = field(default_factory=list)
    customer_id: int | None = None
    bad: bool = False


def _products(conn: Connection, wanted: list[str]) -> dict[str, _Product]:
    """Code or barcode in the file -> product (codes first: a code wins over another's barcode)."""
    found: dict[str, _Product] = {}
    columns = (Product.id, Product.code, Product.active, Product.tax_rate_bp)
    for part in _chunks(sorted(set(wanted))):
        for pid, code, active, bp in conn.execute(select(*columns).where(Product.code.in_(part))):
            found[code] = _Product(pid, code, bool(active), rules.bp_to_pct(bp))
    rest = sorted(set(wanted) - set(found))
    for part in _chunks(rest):
        for barcode, pid, code, active, bp in conn.execute(
            select(ProductBarcode.barcode, *columns)
            .join(Product, Product.id == ProductBarcode.product_id)
            .where(ProductBarcode.barcode.in_(part))
        ):
            found[barcode] = _Product(pid, code, bool(active), rules.bp_to_pct(bp))
    return found


def _active(conn: Connection, ids: list[int]) -> dict[int, bool]:
    result: dict[int, bool] = {}
    for part in _chunks(sorted(set(ids))):
        for cid, status in conn.execute(
            select(Customer.id, Customer.status).where(Customer.id.in_(part))
        ):
            result[int(cid)] = status == "active"
    return result


def plan(
    conn: Connection,
    table: ReadResult,
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """Each row's outcome, the orders to write, and every problem; writes nothing.

    ``mode`` does not apply: every valid file creates new draft orders.
    """
    del mode
    customer_codes = column_codes(table, "customer_code")
    product_codes = column_codes(table, "product_code")
    customers = load_existing(conn, customer_codes.values())
    active = _active(conn, [e.id for e, _alias in customers.values()])
    products = _products(conn, list(product_codes.values()))
    reader_problems = problems_by_row(table)

    groups: dict[str, _Group] = {}
    row_problems: dict[int, list[RowProblem]] = {}
    row_info: dict[int, tuple[str, str, int | None]] = {}  # row -> reference, customer name, id
    for done, read in enumerate(table.rows, start=1):
        tick(done, progress, cancelled)
        notes = RowNotes(table, KIND, lang, read.number)
        problems = row_problems[read.number] = notes.problems
        add = notes.error  # one reason per cell
        notes.take_reader_problems(reader_problems)
        values = read.values
        notes.require(values, ("order_date", "customer_code", "product_code", "quantity", "price"))
        code = customer_codes.get(read.number, "")
        match = customers.get(code) if code else None
        customer_id: int | None = None
        customer_name = ""
        if code and match is None:
            add("customer_code", "cell.unknown_customer", code=code)
        elif match is not None:
            customer_id, customer_name = match[0].id, str(match[0].values["name"])
            if not active.get(customer_id, False):
                add("customer_code", "cell.inactive_customer", code=match[0].code)
        product_code = product_codes.get(read.number, "")
        product = products.get(product_code) if product_code else None
        if product_code and product is None:
            add("product_code", "cell.unknown_product", code=product_code)
        elif product is not None and not product.active:
            add("product_code", "cell.inactive_product", code=product.code)
        qty = values.get("quantity")
        if isinstance(qty, Decimal) and qty <= 0:
            add("quantity", "cell.qty_invalid", qty=str(qty))
        price = values.get("price")
        if isinstance(price, Decimal) and price < 0:
            add("price", "cell.price_negative", price=str(price))
        order_date = values.get("order_date")
        reference = str(values.get("order_no") or "").strip().upper()
        if reference == CLEAR_MARK:
            reference = ""
        key = f"#{reference}" if reference else f"{code}|{order_date}"
        row_info[read.number] = (reference, customer_name, customer_id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(
                read.number, code, order_date if isinstance(order_date, date) else None
            )
        elif reference:
            if code and group.customer and code != group.customer:
                add(
                    "customer_code",
                    "cell.order_mismatch",
                    ref=reference,
                    what=header_text(KIND, "customer_code", lang),
                    row=group.first_row,
                )
            if (
                isinstance(order_date, date)
                and group.order_date is not None
                and order_date != group.order_date
            ):
                add(
                    "order_date",
                    "cell.order_mismatch",
                    ref=reference,
                    what=header_text(KIND, "order_date", lang),
                    row=group.first_row,
                )
        group.rows.append(read.number)
        if problems or product is None or customer_id is None or not isinstance(qty, Decimal):
            group.bad = True
            continue
        if not isinstance(price, Decimal) or group.order_date is None:
            group.bad = True
            continue
        try:
            rules.line_amounts(qty, price, Decimal(0), product.tax_rate_pct)
        except DomainError as exc:
            add("quantity", exc.msg_id, **dict(exc.params))
            group.bad = True
            continue
        group.customer_id = customer_id
        group.lines.append(
            OrderLineInput(
                product_id=product.id,
                qty=qty,
                unit_price=price,
                tax_rate_pct=product.tax_rate_pct,
            )
        )

    previews: list[PreviewRow] = []
    all_problems: list[RowProblem] = []
    for read_number, problems in row_problems.items():
        reference, name, customer_id = row_info[read_number]
        all_problems.extend(problems)
        previews.append(
            PreviewRow(
                row=read_number,
                outcome=Outcome.ERROR if problems else Outcome.NEW,
                code=reference,
                name=name,
                customer_id=customer_id,
                problems=tuple(problems),
            )
        )
    prepared = [
        Prepared(
            rows=tuple(g.rows),
            reference=key[1:] if key.startswith("#") else "",
            customer_id=g.customer_id,
            order_date=g.order_date,
            lines=tuple(g.lines),
        )
        for key, g in groups.items()
        if not g.bad and g.customer_id is not None and g.order_date is not None and g.lines
    ]
    return previews, prepared, all_problems


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Save each order as a draft inside ``uow`` (the caller commits); returns the order numbers."""
    from erpdesk.services.orders import OrderService

    del today
    service = OrderService(uow.database, Actor(username=uow.actor), Clock(now=lambda: now))
    numbers: list[str] = []
    ids: set[str] = set()
    rows_done = 0
    for index, item in enumerate(prepared, start=1):
        saved = service.save_in(
            uow,
            OrderInput(
                customer_id=item.customer_id,
                order_date=item.order_date,
                notes=item.reference,
                lines=item.lines,
            ),
        )
        item.number = saved.number
        numbers.append(saved.number)
        ids.add(str(saved.id))
        rows_done += len(item.rows)
        tick(index, progress, cancelled, every=20, last=index == len(prepared), shown=rows_done)
    return numbers, {"sales_order": frozenset(ids)}
