"""Product import: rows of 商品 checked by the product form's rules (dry run), then written in one go.

``plan`` reads the database only: the products whose codes appear in the file and the owners of the
file's barcodes. Every row goes through ``products.check_product``, the rules of the form (name, lengths,
price, tax rate, EAN-13 check digit); barcodes must be unique among stored products and within the file.
Insert mode refuses a stored code; upsert updates the product with that code, a blank cell keeping the
stored value and ``#清空`` clearing spec, unit or category. A row's barcode is added to the product (its
other barcodes stay). 期初库存 is posted for new products only, as an ``opening`` stock move into the
default warehouse. ``write`` runs inside the caller's write unit: it re-checks codes, barcodes and
versions, takes ``SP`` numbers for rows without a code, writes with Core ``executemany`` and appends the
audit entries in bulk in the shape the ORM hook writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, update

from erpdesk.db import numbering
from erpdesk.db.audit import AuditEntry
from erpdesk.db.base import AUDIT_SKIPPED_FIELDS
from erpdesk.db.models.product import Product, ProductBarcode, StockLevel, StockMove
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import pct_to_bp
from erpdesk.services.customer_import import ImportCancelled, _chunks, _insert_many
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.import_rows import RowNotes, column_codes, problems_by_row, tick
from erpdesk.services.order_dto import BarcodeInput, ProductInput
from erpdesk.services.products import PRODUCT_SERIES, check_product, default_warehouse
from erpdesk.xlsx.columns import CLEAR_MARK
from erpdesk.xlsx.reader import ReadResult

KIND = "products"
FIELDS = ("name", "spec", "unit", "category", "price", "tax_rate_bp")
_CLEARABLE = frozenset({"spec", "unit", "category"})
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")

__all__ = ["ImportCancelled", "Prepared", "copy_prepared", "plan", "write"]


@dataclass(slots=True)
class Prepared:
    """A valid row: a new product (``product_id`` None) or an update of a stored one."""

    row: int
    outcome: Outcome
    code: str  # empty: the number series gives one
    values: dict[str, Any]  # FIELDS
    barcode: str = ""
    opening_stock: Decimal | None = None
    product_id: int | None = None
    version: int | None = None
    old: dict[str, Any] | None = None
    changed: tuple[str, ...] = ()


def copy_prepared(item: Prepared) -> Prepared:
    """A copy whose code the writer may fill in, leaving the plan untouched."""
    return replace(item, values=dict(item.values))


def parse_rate(value: Any) -> Decimal:
    """A tax rate cell as percent: ``13``, ``13%``, ``１３％`` or Excel's percent value ``0.13``."""
    text = str(value).strip().replace("％", "%")
    percent = text.endswith("%")
    try:
        rate = Decimal(text.rstrip("%").strip())
    except InvalidOperation:
        raise ValueError(text) from None
    if not rate.is_finite():
        raise ValueError(text)
    if not percent and Decimal(0) < rate < 1:
        rate *= _HUNDRED  # a cell formatted as 13% holds 0.13
    return rate.normalize() if rate == rate.to_integral_value() else rate


def _stored(conn: Connection, codes: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    table = cast(Table, Product.__table__)
    for part in _chunks(sorted(set(codes))):
        for row in conn.execute(select(table).where(table.c.code.in_(part))).mappings():
            found[row["code"]] = dict(row)
    return found


def _barcode_owners(conn: Connection, barcodes: list[str]) -> dict[str, tuple[int, str]]:
    """Barcode -> (product id, product code) for the stored ones among ``barcodes``."""
    found: dict[str, tuple[int, str]] = {}
    for part in _chunks(sorted(set(barcodes))):
        for barcode, product_id, code in conn.execute(
            select(ProductBarcode.barcode, ProductBarcode.product_id, Product.code)
            .join(Product, Product.id == ProductBarcode.product_id)
            .where(ProductBarcode.barcode.in_(part))
        ):
            found[barcode] = (int(product_id), str(code))
    return found


def _qty_text(qty: Decimal) -> str:
    return format(qty.normalize(), "f")


def _column_of(field: str) -> str:
    return "barcode" if field.startswith("barcodes") else field


def plan(
    conn: Connection,
    table: ReadResult,
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """Each row's outcome, the rows to write, and every problem; writes nothing."""
    codes = column_codes(table, "code")
    barcodes = column_codes(table, "barcode")
    stored = _stored(conn, list(codes.values()))
    owners = _barcode_owners(conn, list(barcodes.values()))
    reader_problems = problems_by_row(table)
    first_code: dict[str, int] = {}
    first_barcode: dict[str, int] = {}

    previews: list[PreviewRow] = []
    prepared: list[Prepared] = []
    all_problems: list[RowProblem] = []
    for done, read in enumerate(table.rows, start=1):
        tick(done, progress, cancelled)
        notes = RowNotes(table, KIND, lang, read.number)
        problems = notes.problems
        add = notes.error  # one reason per cell
        notes.take_reader_problems(reader_problems)
        values = read.values
        code = codes.get(read.number, "")
        existing = stored.get(code) if code else None
        if code:
            if code in first_code:
                add("code", "cell.duplicate_in_file", code=code, row=first_code[code])
            else:
                first_code[code] = read.number
            if existing is not None and mode is ImportMode.INSERT:
                add("code", "cell.product_code_exists", code=code, name=existing["name"])
        target = existing if mode is ImportMode.UPSERT else None

        merged: dict[str, Any] = (
            {f: target[f] for f in FIELDS}
            if target is not None
            else dict.fromkeys(FIELDS, "") | {"price": Decimal("0.00"), "tax_rate_bp": 1300}
        )
        for column in ("name", "spec", "unit", "category"):
            value = values.get(column)
            if value is None:
                continue
            if value == CLEAR_MARK:
                if column in _CLEARABLE:
                    merged[column] = ""
                else:
                    add(column, "cell.required")
                continue
            merged[column] = str(value).strip()
        price = values.get("price")
        if price is not None and price != CLEAR_MARK:
            merged["price"] = price.quantize(_CENT)  # the reader refused more than 2 decimals
        tax_rate = Decimal(merged["tax_rate_bp"]) / _HUNDRED
        raw_rate = values.get("tax_rate")
        if raw_rate is not None and raw_rate != CLEAR_MARK:
            try:
                tax_rate = parse_rate(raw_rate)
            except ValueError:
                add("tax_rate", "cell.not_a_rate", value=str(raw_rate)[:20])
        barcode = barcodes.get(read.number, "")
        if barcode:
            owner = owners.get(barcode)
            if barcode in first_barcode:
                add("barcode", "cell.barcode_in_file", barcode=barcode, row=first_barcode[barcode])
            else:
                first_barcode[barcode] = read.number
            if owner is not None and (target is None or owner[0] != target["id"]):
                add("barcode", "cell.barcode_taken", barcode=barcode, code=owner[1])
        report = check_product(
            ProductInput(
                code=code,
                name=str(merged["name"]),
                spec=str(merged["spec"]),
                unit=str(merged["unit"]),
                category=str(merged["category"]),
                price=Decimal(merged["price"]),
                tax_rate=tax_rate,
                barcodes=(BarcodeInput(barcode=barcode),) if barcode else (),
            )
        )
        for field_name, (msg_id, params) in report.items():
            column = _column_of(field_name)
            if field_name == "name" and msg_id == "product.name_required":
                add("name", "cell.required")
            else:
                add(column, msg_id, **params)
        if "tax_rate" not in {p.field for p in problems}:
            merged["tax_rate_bp"] = pct_to_bp(tax_rate)
        stock = values.get("opening_stock")
        opening: Decimal | None = None
        if stock is not None and stock != CLEAR_MARK:
            if stock < 0:
                add("opening_stock", "cell.negative_stock", qty=_qty_text(stock))
            elif target is not None:
                if stock:
                    notes.warn("opening_stock", "cell.stock_ignored", qty=_qty_text(stock))
            elif stock:
                opening = Decimal(stock)

        name = str(merged["name"])
        if problems:
            all_problems.extend(problems)
            previews.append(notes.preview(Outcome.ERROR, code=code, name=name))
            continue
        merged["name"] = name.strip()
        changed: tuple[str, ...] = ()
        if target is not None:
            changed = tuple(f for f in FIELDS if merged[f] != target[f])
            if barcode and barcode not in owners:
                changed += ("barcode",)
            outcome = Outcome.UPDATE if changed else Outcome.UNCHANGED
        else:
            outcome = Outcome.NEW
        previews.append(notes.preview(outcome, code=code, name=name, changed=changed))
        if outcome is not Outcome.UNCHANGED:
            prepared.append(
                Prepared(
                    row=read.number,
                    outcome=outcome,
                    code=code,
                    values={f: merged[f] for f in FIELDS},
                    barcode=barcode if (target is None or barcode not in owners) else "",
                    opening_stock=opening,
                    product_id=target["id"] if target is not None else None,
                    version=target["version"] if target is not None else None,
                    old={f: target[f] for f in changed if f in FIELDS} if target else None,
                    changed=changed,
                )
            )
    return previews, prepared, all_problems


# ------------------------------------------------------------------------------ write


def _check_unchanged(conn: Connection, prepared: list[Prepared]) -> None:
    """Refuse to write when a matched product changed, or a code or barcode got taken, meanwhile."""
    updates = {p.product_id: p.version for p in prepared if p.product_id is not None}
    seen = 0
    for part in _chunks(sorted(updates)):
        for product_id, version in conn.execute(
            select(Product.id, Product.version).where(Product.id.in_(part))
        ):
            seen += 1
            if updates[product_id] != version:
                raise DomainError("import.products_changed_meanwhile")
    new_codes = [p.code for p in prepared if p.product_id is None and p.code]
    barcodes = [p.barcode for p in prepared if p.barcode]
    if seen != len(updates) or _stored(conn, new_codes) or _barcode_owners(conn, barcodes):
        raise DomainError("import.products_changed_meanwhile")


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Write ``prepared`` inside ``uow`` (the caller commits); returns new codes and what changed."""
    conn = uow.connection
    actor = uow.actor
    _check_unchanged(conn, prepared)
    if cancelled is not None and cancelled():
        raise ImportCancelled
    entries: list[AuditEntry] = []
    keys: set[str] = set()
    inserts = [p for p in prepared if p.product_id is None]
    created: list[str] = []
    if inserts:
        typed = {p.code for p in inserts if p.code}

        def taken(number: int) -> bool:
            code = f"SP{number:05d}"
            return code in typed or bool(
                conn.execute(select(Product.id).where(Product.code == code)).first()
            )

        rows: list[dict[str, Any]] = []
        for item in inserts:
            if not item.code:
                item.code = f"SP{numbering.allocate(conn, PRODUCT_SERIES, is_taken=taken):05d}"
            rows.append(
                {
                    "code": item.code,
                    **item.values,
                    "active": True,
                    "version": 1,
                    "created_at": now,
                    "created_by": actor,
                    "updated_at": now,
                    "updated_by": actor,
                }
            )
        ids = _insert_many(conn, Product.__table__, rows)
        for product_id, item, row in zip(ids, inserts, rows, strict=True):
            item.product_id = product_id
            created.append(item.code)
            keys.add(str(product_id))
            entries.append(
                AuditEntry(
                    "product",
                    str(product_id),
                    "insert",
                    None,
                    {k: v for k, v in row.items() if k not in AUDIT_SKIPPED_FIELDS},
                )
            )
    for item in prepared:
        if item.outcome is not Outcome.UPDATE or item.old is None:
            continue
        assert item.product_id is not None
        changes = {f: item.values[f] for f in item.changed if f in FIELDS}
        if changes:
            result = conn.execute(
                update(Product)
                .where(Product.id == item.product_id, Product.version == item.version)
                .values(
                    **changes,
                    version=Product.version + 1,
                    updated_at=now,
                    updated_by=actor,
                )
            )
            if result.rowcount != 1:
                raise DomainError("import.products_changed_meanwhile")
            entries.append(
                AuditEntry("product", str(item.product_id), "update", dict(item.old), changes)
            )
        keys.add(str(item.product_id))
    barcode_rows = [
        {"product_id": p.product_id, "barcode": p.barcode, "pack_qty": Decimal(1)}
        for p in prepared
        if p.barcode
    ]
    if barcode_rows:
        barcode_ids = _insert_many(conn, ProductBarcode.__table__, barcode_rows)
        for barcode_id, row in zip(barcode_ids, barcode_rows, strict=True):
            entries.append(
                AuditEntry("product_barcode", str(barcode_id), "insert", None, dict(row))
            )
    stocked = [p for p in inserts if p.opening_stock]
    if stocked:
        warehouse = default_warehouse(uow.session, actor, now)
        moves = [
            {
                "product_id": p.product_id,
                "warehouse_id": warehouse,
                "qty": p.opening_stock,
                "moved_on": today,
                "source_type": "opening",
                "source_id": 0,
                "created_at": now,
                "created_by": actor,
            }
            for p in stocked
        ]
        move_ids = _insert_many(conn, StockMove.__table__, moves)
        conn.execute(
            insert(StockLevel),
            [
                {"product_id": p.product_id, "warehouse_id": warehouse, "qty": p.opening_stock}
                for p in stocked
            ],
        )
        for move_id, row in zip(move_ids, moves, strict=True):
            entries.append(AuditEntry("stock_move", str(move_id), "insert", None, dict(row)))
    if progress is not None:
        progress(len(prepared))
    if cancelled is not None and cancelled():
        raise ImportCancelled
    uow.record(entries)
    return created, {"product": frozenset(keys)}
