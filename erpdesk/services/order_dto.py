"""DTOs of products, sales orders, deliveries and credit: what the order grid, the CLI and tests see.

Frozen, slotted, keyword-only; tuples, Decimals, dates and domain enums only, never ORM rows.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from erpdesk.domain.credit import CreditMode
from erpdesk.domain.orders import OrderStatus
from erpdesk.services.dto import Changes


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductRow:
    """A product in a list or a picker, with stock in the default warehouse."""

    id: int
    code: str
    name: str
    spec: str
    unit: str
    category: str
    price: Decimal
    tax_rate: Decimal  # percent
    barcodes: tuple[str, ...]
    stock: Decimal
    active: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class BarcodeInput:
    barcode: str
    pack_qty: Decimal = Decimal(1)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductInput:
    """Create (``id`` None, empty ``code`` = next SP number) or update a product."""

    id: int | None = None
    version: int | None = None
    code: str = ""
    name: str = ""
    spec: str = ""
    unit: str = ""
    category: str = ""
    price: Decimal = Decimal("0.00")
    tax_rate: Decimal = Decimal(13)
    barcodes: tuple[BarcodeInput, ...] = ()
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductSaved:
    id: int
    code: str
    version: int
    changes: Changes = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductHit:
    """A picker match; ``pack_qty`` is the carton size when a carton barcode matched."""

    product: ProductRow
    matched: str  # "code", "barcode", "name"
    pack_qty: Decimal = Decimal(1)


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerDefaults:
    """What picking a customer fills in an order (each overridable per order)."""

    customer_id: int
    code: str
    name: str
    active: bool
    contact: str
    phone: str
    address: str
    salesperson_id: int | None
    salesperson: str
    settlement_method: str
    payment_terms_days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditView:
    """The header's live credit figures; ``available`` is None when no limit is set."""

    customer_id: int
    limit: Decimal
    open_receivables: Decimal
    undelivered: Decimal
    overdue: Decimal
    available: Decimal | None
    mode: CreditMode
    overdue_mode: CreditMode
    overdue_days: int | None
    level: str  # "ok" / "near" / "over" for this order's amount


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderLineInput:
    """One grid line: ``unit_price`` tax-inclusive; percentages as typed (13 for 13 %)."""

    product_id: int
    qty: Decimal
    unit_price: Decimal
    discount_pct: Decimal = Decimal(0)
    tax_rate_pct: Decimal = Decimal(13)
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderInput:
    """Create (``id`` None) or update a draft; header fields default from the customer when empty."""

    id: int | None = None
    version: int | None = None
    customer_id: int | None = None
    order_date: date | None = None  # None: today (Asia/Shanghai)
    delivery_date: date | None = None
    contact: str = ""
    phone: str = ""
    address: str = ""
    salesperson_id: int | None = None
    settlement_method: str = ""
    payment_terms_days: int | None = None
    notes: str = ""
    lines: tuple[OrderLineInput, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderLineView:
    id: int
    line_no: int
    product_id: int
    product_code: str
    product_name: str
    spec: str
    unit: str
    qty: Decimal
    unit_price: Decimal
    discount_pct: Decimal
    tax_rate_pct: Decimal
    amount: Decimal
    tax: Decimal
    delivered_qty: Decimal
    notes: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryView:
    id: int
    number: str
    delivered_on: date
    amount: Decimal
    reverses_id: int | None
    reason: str
    created_by: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderDetail:
    id: int
    version: int
    number: str
    status: OrderStatus
    customer_id: int
    customer_code: str
    customer_name: str
    order_date: date
    delivery_date: date | None
    contact: str
    phone: str
    address: str
    salesperson_id: int | None
    salesperson: str
    settlement_method: str
    payment_terms_days: int
    notes: str
    total: Decimal
    tax: Decimal
    delivered: Decimal
    status_reason: str
    lines: tuple[OrderLineView, ...]
    deliveries: tuple[DeliveryView, ...] = ()
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderRow:
    """An order in the list."""

    id: int
    number: str
    order_date: date
    customer_id: int
    customer_code: str
    customer_name: str
    status: OrderStatus
    total: Decimal
    delivered: Decimal
    delivery_date: date | None
    salesperson: str
    line_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderFilter:
    customer_id: int | None = None
    status: OrderStatus | None = None
    date_from: date | None = None
    date_to: date | None = None
    number_prefix: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderTotals:
    """A customer's order history summary (the customer form's Orders tab)."""

    orders: int
    total: Decimal
    delivered: Decimal
    undelivered: Decimal
    open_receivables: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderSaved:
    id: int
    number: str
    version: int
    status: OrderStatus
    total: Decimal
    changes: Changes = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryLineInput:
    order_line_id: int
    qty: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Approver:
    """A manager's or accountant's name and password typed at the clerk's PC (信用控制口令)."""

    username: str
    password: str = dataclasses.field(repr=False)
