"""Demo products and a year of sales orders in every state, written with bulk inserts.

Used by the demo company (``services.demo`` step) and by ``benchmarks/orders.py`` (a million orders).
Rows go in through the driver's ``executemany`` inside one transaction, with ids assigned here so lines,
deliveries and receivables can refer to their order; number-series counters are set past the numbers
used, and one audit entry records the seeding. Amounts come from ``domain.orders`` like real orders.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from erpdesk.db import audit, uow
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer
from erpdesk.db.models.order import CreditPolicy as CreditPolicyRow
from erpdesk.db.models.order import SalesOrder
from erpdesk.db.models.product import Product, Warehouse
from erpdesk.db.models.system import NumberSeries
from erpdesk.db.models.user import UserAccount
from erpdesk.domain.money import to_minor
from erpdesk.domain.orders import OrderStatus, line_amounts
from erpdesk.domain.products import ean13_with_check

ACTOR = "demo"
ITEMS = (
    ("A4 复印纸", "70g 500张/包", "包", "25.00"),
    ("中性笔", "0.5mm 黑色", "支", "2.50"),
    ("订书机", "12号", "个", "18.00"),
    ("文件夹", "A4 蓝色", "个", "6.80"),
    ("硒鼓", "HP 88A", "个", "320.00"),
    ("计算器", "12位 太阳能", "台", "45.00"),
    ("便利贴", "76×76mm", "本", "3.20"),
    ("档案盒", "55mm 牛皮纸", "个", "8.50"),
    ("白板笔", "可擦 红色", "支", "4.00"),
    ("打印机", "激光 A4 黑白", "台", "1299.00"),
)
MAKERS = ("得力", "晨光", "齐心", "广博", "真彩", "惠普", "佳能", "史泰博")
S = OrderStatus


def _stamp(database: Database, now: datetime) -> Any:
    if database.is_sqlite:
        return now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return now


def _day(database: Database, value: date) -> Any:
    return value.isoformat() if database.is_sqlite else value


def _bulk(
    conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """executemany straight through the driver (no per-row SQLAlchemy type processing)."""
    raw = conn.connection.driver_connection
    assert raw is not None
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    batch: list[Sequence[Any]] = []
    cursor = raw.cursor()
    for row in rows:
        batch.append(row)
        if len(batch) >= 20_000:
            cursor.executemany(sql, batch)
            batch.clear()
    if batch:
        cursor.executemany(sql, batch)


def _next_id(conn: Connection, model: Any) -> int:
    return int(conn.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()) + 1


def _series_past(conn: Connection, series: str, periods: dict[str, int]) -> None:
    """Set each period's counter of ``series`` past the numbers the demo used."""
    for period, used in periods.items():
        current = conn.execute(
            select(NumberSeries.next_value).where(
                NumberSeries.series == series, NumberSeries.period == period
            )
        ).scalar_one_or_none()
        if current is None:
            conn.execute(
                insert(NumberSeries).values(series=series, period=period, next_value=used + 1)
            )
        elif current <= used:
            conn.execute(
                update(NumberSeries)
                .where(NumberSeries.series == series, NumberSeries.period == period)
                .values(next_value=used + 1)
            )


def seed_products(
    conn: Connection, database: Database, count: int, now: datetime
) -> list[tuple[int, int, int]]:
    """Add ``count`` products with barcodes and stock; returns (id, price fen, tax bp) of each."""
    rng = random.Random(6)
    stamp = _stamp(database, now)
    warehouse = conn.execute(
        select(Warehouse.id).where(Warehouse.is_default.is_(True))
    ).scalar_one_or_none()
    if warehouse is None:
        warehouse = _next_id(conn, Warehouse)
        _bulk(
            conn,
            "warehouse",
            (
                "id",
                "code",
                "name",
                "is_default",
                "active",
                "version",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
            ),
            [(warehouse, "01", "默认仓库", True, True, 1, stamp, ACTOR, stamp, ACTOR)],
        )
    first = _next_id(conn, Product)
    used = int(
        conn.execute(
            select(NumberSeries.next_value).where(
                NumberSeries.series == "product:SP", NumberSeries.period == ""
            )
        ).scalar_one_or_none()
        or 1
    )
    products, barcodes, stock, result = [], [], [], []
    for offset in range(count):
        pid = first + offset
        name, spec, unit, price = ITEMS[offset % len(ITEMS)]
        maker = MAKERS[(offset // len(ITEMS)) % len(MAKERS)]
        fen = to_minor(Decimal(price)) + rng.randrange(0, 3) * 50
        code = f"SP{used + offset:05d}"
        products.append(
            (
                pid,
                code,
                f"{maker} {name}",
                spec,
                unit,
                "办公用品",
                fen,
                1300,
                True,
                1,
                stamp,
                ACTOR,
                stamp,
                ACTOR,
            )
        )
        barcodes.append((pid, ean13_with_check(f"690{pid:09d}"), 1000))
        stock.append((pid, warehouse, 1_000_000))
        result.append((pid, fen, 1300))
    _bulk(
        conn,
        "product",
        (
            "id",
            "code",
            "name",
            "spec",
            "unit",
            "category",
            "price",
            "tax_rate_bp",
            "active",
            "version",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ),
        products,
    )
    _bulk(conn, "product_barcode", ("product_id", "barcode", "pack_qty"), barcodes)
    _bulk(conn, "stock_level", ("product_id", "warehouse_id", "qty"), stock)
    _series_past(conn, "product:SP", {"": used + count - 1})
    return result


def _status_for(rng: random.Random, age_days: int) -> OrderStatus:
    roll = rng.random()
    if roll < 0.04:
        return S.CANCELLED
    if age_days > 60:
        return S.COMPLETED if roll < 0.7 else S.DELIVERED
    if age_days > 14:
        return (S.DELIVERED, S.PARTIAL, S.COMPLETED, S.CONFIRMED)[int(roll * 4) % 4]
    return (S.DRAFT, S.PENDING, S.CONFIRMED, S.PARTIAL, S.DELIVERED)[int(roll * 5) % 5]


def seed_orders(
    database: Database,
    orders: int,
    *,
    products: int = 200,
    lines_per_order: tuple[int, int] = (1, 5),
    deliveries: bool = True,
    now: datetime | None = None,
) -> tuple[int, float]:
    """Add ``products`` products and ``orders`` orders spread over the year before today.

    Returns:
        (orders written, seconds taken).
    """
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    today = now.astimezone(UTC).date()
    rng = random.Random(66)
    with database.write_engine.begin() as conn:
        customers = list(
            conn.execute(
                select(
                    Customer.id,
                    Customer.payment_terms_days,
                    Customer.salesperson_id,
                    Customer.phone,
                    Customer.province + Customer.city + Customer.district + Customer.address,
                ).where(Customer.status == "active")
            ).all()
        )
        if not customers:
            return 0, 0.0
        catalogue = seed_products(conn, database, products, now)
        warehouse = conn.execute(
            select(Warehouse.id).where(Warehouse.is_default.is_(True))
        ).scalar_one()
        has_sales = bool(conn.execute(select(func.count(UserAccount.id))).scalar_one())
        stamp = _stamp(database, now)
        order_id = _next_id(conn, SalesOrder)
        line_id = _max(conn, "sales_order_line") + 1
        delivery_id = _max(conn, "delivery") + 1
        receivable_id = _max(conn, "receivable_item") + 1
        order_serial: dict[str, int] = {}
        delivery_serial: dict[str, int] = {}
        dates = sorted(today - timedelta(days=rng.randrange(0, 365)) for _ in range(orders))
        order_rows: list[tuple[Any, ...]] = []
        line_rows: list[tuple[Any, ...]] = []
        delivery_rows: list[tuple[Any, ...]] = []
        dline_rows: list[tuple[Any, ...]] = []
        receivable_rows: list[tuple[Any, ...]] = []
        out: dict[int, int] = {}

        def flush() -> None:
            _bulk(conn, "sales_order", ORDER_COLUMNS, order_rows)
            _bulk(conn, "sales_order_line", LINE_COLUMNS, line_rows)
            _bulk(conn, "delivery", DELIVERY_COLUMNS, delivery_rows)
            _bulk(conn, "delivery_line", DLINE_COLUMNS, dline_rows)
            _bulk(conn, "receivable_item", RECEIVABLE_COLUMNS, receivable_rows)
            for rows in (order_rows, line_rows, delivery_rows, dline_rows, receivable_rows):
                rows.clear()

        for day in dates:
            period = f"{day:%Y%m%d}"
            serial = order_serial[period] = order_serial.get(period, 0) + 1
            customer_id, terms, salesperson, phone, address = customers[
                rng.randrange(len(customers))
            ]
            status = _status_for(rng, (today - day).days)
            total = tax = 0
            delivered_total = 0
            count = rng.randint(*lines_per_order)
            posted: list[tuple[int, int, int, int]] = []  # line id, product, qty milli, amount fen
            for number in range(1, count + 1):
                pid, price_fen, tax_bp = catalogue[rng.randrange(len(catalogue))]
                qty = rng.randint(1, 20)
                amounts = line_amounts(
                    Decimal(qty), Decimal(price_fen) / 100, Decimal(0), Decimal(tax_bp) / 100
                )
                amount_fen, tax_fen = to_minor(amounts.amount), to_minor(amounts.tax)
                delivered_qty = 0
                if deliveries and status in (S.DELIVERED, S.COMPLETED):
                    delivered_qty = qty
                elif deliveries and status is S.PARTIAL and number == 1:
                    delivered_qty = max(1, qty // 2) if qty > 1 else 0
                if delivered_qty:
                    share = (
                        amount_fen if delivered_qty == qty else amount_fen * delivered_qty // qty
                    )
                    posted.append((line_id, pid, delivered_qty * 1000, share))
                    delivered_total += share
                    out[pid] = out.get(pid, 0) + delivered_qty * 1000
                line_rows.append(
                    (
                        line_id,
                        order_id,
                        number,
                        pid,
                        qty * 1000,
                        price_fen,
                        0,
                        tax_bp,
                        amount_fen,
                        tax_fen,
                        delivered_qty * 1000,
                        "",
                    )
                )
                total += amount_fen
                tax += tax_fen
                line_id += 1
            if status is S.PARTIAL and not posted:
                status = S.CONFIRMED
            status_reason = "客户取消" if status is S.CANCELLED else ""
            order_rows.append(
                (
                    order_id, f"XS{period}-{serial:04d}", customer_id, _day(database, day),
                    _day(database, day + timedelta(days=rng.randint(1, 10))), status.value,
                    "", phone, address[:200], salesperson if has_sales else None, "monthly", terms, "",
                    total, tax, delivered_total, count, status_reason,
                    1, stamp, ACTOR, stamp, ACTOR,
                )
            )  # fmt: skip
            if posted:
                on = min(day + timedelta(days=rng.randint(0, 5)), today)
                dperiod = f"{on:%Y%m%d}"
                dserial = delivery_serial[dperiod] = delivery_serial.get(dperiod, 0) + 1
                doc = f"FH{dperiod}-{dserial:04d}"
                delivery_rows.append(
                    (
                        delivery_id,
                        doc,
                        order_id,
                        customer_id,
                        warehouse,
                        _day(database, on),
                        delivered_total,
                        None,
                        "",
                        stamp,
                        ACTOR,
                    )
                )
                for lid, pid, qty_milli, share in posted:
                    dline_rows.append((delivery_id, lid, pid, qty_milli, share))
                open_fen = 0 if status is S.COMPLETED else delivered_total
                receivable_rows.append(
                    (
                        receivable_id, customer_id, "delivery", delivery_id, doc,
                        _day(database, on), _day(database, on + timedelta(days=terms)),
                        delivered_total, open_fen, 1, stamp, ACTOR, stamp, ACTOR,
                    )
                )  # fmt: skip
                delivery_id += 1
                receivable_id += 1
            order_id += 1
            if len(order_rows) >= 20_000:
                flush()
        flush()
        raw = conn.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        mark = "?" if database.is_sqlite else "%s"
        cursor.executemany(
            f"UPDATE stock_level SET qty = qty - {mark} WHERE product_id = {mark} AND warehouse_id = {mark}",
            [(qty, pid, warehouse) for pid, qty in out.items()],
        )
        _series_past(conn, "order:XS", order_serial)
        _series_past(conn, "delivery:FH", delivery_serial)
        if not database.is_sqlite:
            for table in (
                "warehouse",
                "product",
                "product_barcode",
                "sales_order",
                "sales_order_line",
                "delivery",
                "delivery_line",
                "receivable_item",
            ):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
                )
        cursor.execute("ANALYZE")
        audit.append(
            conn,
            audit.AuditContext(app_user=ACTOR, host="demo", txn_id="demo-orders", at_utc=now),
            [
                audit.AuditEntry(
                    "sales_order",
                    "demo",
                    "demo_seed",
                    None,
                    {"orders": orders, "products": products},
                )
            ],
        )
    return orders, time.perf_counter() - started


def _max(conn: Connection, table: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}").scalar_one())


ORDER_COLUMNS = (
    "id", "number", "customer_id", "order_date", "delivery_date", "status", "contact", "phone",
    "address", "salesperson_id", "settlement_method", "payment_terms_days", "notes", "total", "tax",
    "delivered", "line_count", "status_reason", "version", "created_at", "created_by", "updated_at",
    "updated_by",
)  # fmt: skip
LINE_COLUMNS = (
    "id", "order_id", "line_no", "product_id", "qty", "unit_price", "discount_bp", "tax_rate_bp",
    "amount", "tax", "delivered_qty", "notes",
)  # fmt: skip
DELIVERY_COLUMNS = (
    "id", "number", "order_id", "customer_id", "warehouse_id", "delivered_on", "amount",
    "reverses_id", "reason", "created_at", "created_by",
)  # fmt: skip
DLINE_COLUMNS = ("delivery_id", "order_line_id", "product_id", "qty", "amount")
RECEIVABLE_COLUMNS = (
    "id", "customer_id", "source_type", "source_id", "doc_number", "doc_date", "due_date", "amount",
    "open_amount", "version", "created_at", "created_by", "updated_at", "updated_by",
)  # fmt: skip


def demo_step(database: Database, customers: int) -> list[str]:
    """``services.demo`` step: 200 products and a year of orders (six per customer, at least 1,000)."""
    from erpdesk.domain.messages import render

    count, seconds = seed_orders(database, max(1000, customers * 6))
    if not count:
        return []
    _company_credit_policy(database)
    return [render("product.demo_done", "en", products=200, orders=count, seconds=f"{seconds:.1f}")]


def _company_credit_policy(database: Database) -> None:
    """The demo company warns when an order goes over the limit or items are 90 days overdue."""

    def work(unit: uow.UnitOfWork) -> None:
        company = select(CreditPolicyRow.id).where(
            CreditPolicyRow.customer_id.is_(None), CreditPolicyRow.category_id.is_(None)
        )
        if unit.session.scalar(company) is not None:
            return
        now = datetime.now(UTC)
        unit.session.add(
            CreditPolicyRow(
                mode="warn",
                overdue_days=90,
                overdue_mode="warn",
                created_at=now,
                created_by="demo",
                updated_at=now,
                updated_by="demo",
            )
        )

    uow.run(database, "demo", work, write=True)
