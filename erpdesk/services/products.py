"""Products (商品) and warehouses: list, picker lookup by code / barcode / name, form save, stock.

Saving a product checks its barcodes (EAN-13 check digit
for 13-digit codes, unique across products) and issues the next ``SP`` code when none was typed.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import BigInteger, Connection, and_, func, or_, select
from sqlalchemy.orm import Session

from erpdesk.db import numbering
from erpdesk.db.models.product import Product, ProductBarcode, StockLevel, Warehouse
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import bp_to_pct, pct_to_bp
from erpdesk.domain.permissions import Permission
from erpdesk.domain.products import ean13_valid, normalise_code
from erpdesk.services.area import AreaService
from erpdesk.services.errors import ConflictError, ValidationError
from erpdesk.services.order_dto import (
    ProductHit,
    ProductInput,
    ProductRow,
    ProductSaved,
)

T = TypeVar("T")
PRODUCT_SERIES = "product:SP"
DEFAULT_WAREHOUSE = "01"
CODE_LENGTH = 30  # db.models.customer.CODE
_LENGTHS = {"code": CODE_LENGTH, "name": 100, "spec": 100, "unit": 10, "category": 50}


def default_warehouse(session: Session, actor: str, now: datetime | None = None) -> int:
    """Id of the default warehouse, created (code 01, 默认仓库) on first use."""
    found = session.scalar(select(Warehouse.id).where(Warehouse.is_default.is_(True)).limit(1))
    if found is not None:
        return int(found)
    at = now or datetime.now(UTC)
    row = Warehouse(
        code=DEFAULT_WAREHOUSE,
        name="默认仓库",
        is_default=True,
        active=True,
        created_at=at,
        created_by=actor,
        updated_at=at,
        updated_by=actor,
    )
    session.add(row)
    session.flush()
    return row.id


def product_rows(conn: Connection, ids: Sequence[int]) -> dict[int, ProductRow]:
    """Grid rows for ``ids`` with barcodes and default-warehouse stock (three queries)."""
    if not ids:
        return {}
    wanted = list(ids)
    codes: dict[int, list[str]] = {}
    for product_id, barcode in conn.execute(
        select(ProductBarcode.product_id, ProductBarcode.barcode)
        .where(ProductBarcode.product_id.in_(wanted))
        .order_by(ProductBarcode.id)
    ):
        codes.setdefault(product_id, []).append(barcode)
    stock = dict(
        conn.execute(
            select(StockLevel.product_id, func.sum(StockLevel.qty, type_=BigInteger))
            .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
            .where(StockLevel.product_id.in_(wanted), Warehouse.is_default.is_(True))
            .group_by(StockLevel.product_id)
        ).all()
    )
    p = Product.__table__.c
    rows: dict[int, ProductRow] = {}
    for r in conn.execute(select(Product.__table__).where(p.id.in_(wanted))).mappings():
        raw = stock.get(r["id"])
        rows[r["id"]] = ProductRow(
            id=r["id"],
            code=r["code"],
            name=r["name"],
            spec=r["spec"],
            unit=r["unit"],
            category=r["category"],
            price=r["price"],
            tax_rate=bp_to_pct(r["tax_rate_bp"]),
            barcodes=tuple(codes.get(r["id"], ())),
            stock=(Decimal(int(raw)) / 1000).quantize(Decimal("0.001"))
            if raw is not None
            else Decimal("0.000"),
            active=r["active"],
        )
    return rows


def check_product(draft: ProductInput) -> dict[str, tuple[str, dict[str, Any]]]:
    """The form's field rules (the Excel import runs the same): field -> (message id, params).

    Name required; text within the stored lengths; price not negative with at most two decimals; a tax
    rate from 0 to 100 % with at most two decimals; 13-digit barcodes with a valid EAN-13 check digit.
    """
    problems: dict[str, tuple[str, dict[str, Any]]] = {}
    if not draft.name.strip():
        problems["name"] = ("product.name_required", {})
    for name, limit in _LENGTHS.items():
        value = getattr(draft, name).strip()
        if len(value) > limit:
            problems[name] = ("product.too_long", {"length": len(value), "limit": limit})
    if draft.price < 0:
        problems["price"] = ("order.price_invalid", {"price": str(draft.price)})
    elif draft.price != draft.price.quantize(Decimal("0.01")):
        problems["price"] = ("product.price_too_precise", {"price": str(draft.price)})
    if not Decimal(0) <= draft.tax_rate <= Decimal(100):
        problems["tax_rate"] = ("product.tax_rate_invalid", {"rate": str(draft.tax_rate)})
    elif draft.tax_rate * 100 != (draft.tax_rate * 100).to_integral_value():
        problems["tax_rate"] = ("order.pct_too_precise", {"value": str(draft.tax_rate)})
    barcodes = [normalise_code(b.barcode) for b in draft.barcodes if b.barcode]
    for index, barcode in enumerate(barcodes):
        if len(barcode) == 13 and barcode.isdigit() and not ean13_valid(barcode):
            problems[f"barcodes[{index}]"] = ("product.barcode_invalid", {"barcode": barcode})
        elif len(barcode) > CODE_LENGTH:
            problems[f"barcodes[{index}]"] = (
                "product.too_long",
                {"length": len(barcode), "limit": CODE_LENGTH},
            )
    return problems


def _prefix_range(column: Any, prefix: str) -> Any:
    return and_(column >= prefix, column < prefix + "\U0010ffff")


class ProductService(AreaService):
    """Use cases on products for one actor."""

    def search_ids(self, query: str = "", *, include_inactive: bool = False) -> array[int]:
        """Ids matching ``query`` (code prefix, barcode, name or spec substring), by code."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        text = query.strip()

        def work(u: UnitOfWork) -> array[int]:
            stmt = select(Product.id)
            if not include_inactive:
                stmt = stmt.where(Product.active.is_(True))
            if text:
                code = normalise_code(text)
                barcode_ids = select(ProductBarcode.product_id).where(
                    ProductBarcode.barcode == code
                )
                stmt = stmt.where(
                    or_(
                        _prefix_range(Product.code, code),
                        Product.id.in_(barcode_ids),
                        Product.name.contains(text, autoescape=True),
                        Product.spec.contains(text, autoescape=True),
                    )
                )
            return array(
                "q", u.connection.execute(stmt.order_by(Product.code, Product.id)).scalars()
            )

        return self._read(work)

    def rows(self, ids: Sequence[int]) -> dict[int, ProductRow]:
        """Rows for ``ids``; unknown ids are missing."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: product_rows(u.connection, ids))

    def get(self, product_id: int) -> ProductRow:
        """One product. Raises ``DomainError('product.not_found')``."""
        found = self.rows([product_id]).get(product_id)
        if found is None:
            raise DomainError("product.not_found", code=str(product_id))
        return found

    def find(self, text: str, *, limit: int = 20) -> tuple[ProductHit, ...]:
        """Picker matches, best first: exact barcode (a scan), exact code, code prefix, name.

        Deactivated products are left out (they cannot be ordered).
        """
        self.actor.require(Permission.VIEW_CUSTOMERS)
        typed = text.strip()
        if not typed:
            return ()
        code = normalise_code(typed)

        def work(u: UnitOfWork) -> tuple[ProductHit, ...]:
            conn = u.connection
            order: list[tuple[int, str, Decimal]] = []
            seen: set[int] = set()

            def take(rows: Any, matched: str) -> None:
                for row in rows:
                    if row[0] not in seen and len(order) < limit:
                        seen.add(row[0])
                        pack = row[1] if len(row) > 1 else Decimal(1)
                        order.append((row[0], matched, pack))

            take(
                conn.execute(
                    select(ProductBarcode.product_id, ProductBarcode.pack_qty).where(
                        ProductBarcode.barcode == code
                    )
                ).all(),
                "barcode",
            )
            active = Product.active.is_(True)
            take(
                conn.execute(
                    select(Product.id)
                    .where(active, _prefix_range(Product.code, code))
                    .order_by(Product.code)
                    .limit(limit)
                ).all(),
                "code",
            )
            take(
                conn.execute(
                    select(Product.id)
                    .where(active, Product.name.contains(typed, autoescape=True))
                    .order_by(func.length(Product.name), Product.code)
                    .limit(limit)
                ).all(),
                "name",
            )
            rows = product_rows(conn, [i for i, _m, _p in order])
            return tuple(
                ProductHit(product=rows[i], matched=m, pack_qty=p)
                for i, m, p in order
                if i in rows and rows[i].active
            )

        return self._read(work)

    def save(self, draft: ProductInput) -> ProductSaved:
        """Create or update a product with its barcodes.

        Raises:
            ValidationError: ``name`` empty, a barcode with a wrong EAN-13 check digit.
            DomainError: ``product.code_taken``, ``product.barcode_taken``.
            ConflictError: ``product.changed_by_other`` (optimistic lock).
        """
        self.actor.require(Permission.CREATE_ORDER)
        problems = check_product(draft)
        if problems:
            raise ValidationError(problems)
        barcodes = [(normalise_code(b.barcode), b.pack_qty) for b in draft.barcodes if b.barcode]
        tax_bp = pct_to_bp(draft.tax_rate)

        def work(u: UnitOfWork) -> tuple[int, str, int]:
            session = u.session
            default_warehouse(session, self.actor.username, self.clock.utc())
            if draft.id is None:
                code = normalise_code(draft.code)
                if code:
                    if session.scalar(select(Product.id).where(Product.code == code)):
                        raise DomainError("product.code_taken", code=code)
                else:
                    taken = lambda n: bool(  # noqa: E731
                        session.scalar(select(Product.id).where(Product.code == f"SP{n:05d}"))
                    )
                    number = numbering.allocate(u.connection, PRODUCT_SERIES, is_taken=taken)
                    code = f"SP{number:05d}"
                row = Product(code=code)
                self._stamp(row, new=True)
                session.add(row)
            else:
                found = session.get(Product, draft.id)
                if found is None:
                    raise DomainError("product.not_found", code=str(draft.id))
                if draft.version is not None and found.version != draft.version:
                    raise ConflictError("product.changed_by_other", code=found.code)
                row = found
                self._stamp(row, new=False)
            row.name = draft.name.strip()
            row.spec = draft.spec.strip()
            row.unit = draft.unit.strip()
            row.category = draft.category.strip()
            row.price = draft.price
            row.tax_rate_bp = tax_bp
            row.active = draft.active
            session.flush()
            existing = {
                b.barcode: b
                for b in session.scalars(
                    select(ProductBarcode).where(ProductBarcode.product_id == row.id)
                )
            }
            wanted = dict(barcodes)
            for barcode, item in existing.items():
                if barcode not in wanted:
                    session.delete(item)
            for barcode, pack in wanted.items():
                other = session.scalar(
                    select(ProductBarcode.product_id).where(ProductBarcode.barcode == barcode)
                )
                if other is not None and other != row.id:
                    raise DomainError("product.barcode_taken", barcode=barcode)
                if barcode in existing:
                    existing[barcode].pack_qty = pack
                else:
                    session.add(ProductBarcode(product_id=row.id, barcode=barcode, pack_qty=pack))
            session.flush()
            return row.id, row.code, row.version

        (product_id, code, version), changes = self._write(work)
        return ProductSaved(id=product_id, code=code, version=version, changes=changes)

    def stock(self, product_id: int) -> dict[str, Decimal]:
        """On-hand quantity per warehouse name."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> dict[str, Decimal]:
            rows = u.session.execute(
                select(Warehouse.name, StockLevel.qty)
                .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
                .where(StockLevel.product_id == product_id)
            ).all()
            return {str(name): qty for name, qty in rows}

        return self._read(work)

    def receive(self, product_id: int, qty: Decimal) -> None:
        """Put ``qty`` into the default warehouse (opening stock; purchasing is not modelled)."""
        self.actor.require(Permission.CREATE_ORDER)
        from erpdesk.services.stock import move

        def work(u: UnitOfWork) -> None:
            warehouse = default_warehouse(u.session, self.actor.username, self.clock.utc())
            move(
                u.session,
                product_id=product_id,
                warehouse_id=warehouse,
                qty=qty,
                on=self.clock.today(),
                source=("opening", 0),
                actor=self.actor.username,
                now=self.clock.utc(),
            )

        self._write(work)
