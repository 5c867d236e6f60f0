"""Helpers for the settlement tests: people in each role, delivered items, invoices, drafts, and the
ledger identity every customer must satisfy."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from order_support import make_order, make_product, services_for
from sqlalchemy import BigInteger, func, select

from erpdesk.db.engine import Database
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import Receipt, ReceiptAllocation
from erpdesk.domain.permissions import Role
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.receivables import InvoiceInput
from erpdesk.services.settlement_dto import SettlementDraft, SettlementKind, VoucherInput

D = Decimal


def people(database: Database, clock: Clock) -> dict[str, Services]:
    """clerk, two accountants, a manager and an admin, each with their own user name."""
    return {
        "clerk": services_for(database, clock, Role.CLERK, name="wang.li"),
        "acct": services_for(database, clock, Role.ACCOUNTANT, name="li.kuaiji"),
        "acct2": services_for(database, clock, Role.ACCOUNTANT, name="zhao.kuaiji"),
        "manager": services_for(database, clock, Role.MANAGER, name="chen.jingli"),
        "admin": services_for(database, clock, Role.ADMIN, name="admin"),
    }


def on_day(database: Database, day: int, role: Role = Role.ACCOUNTANT, name: str = "") -> Services:
    """Services whose clock says 2025-05-``day`` 10:00 in Shanghai."""
    at = datetime(2025, 5, day, 2, 0, tzinfo=UTC)
    return services_for(database, Clock(now=lambda: at), role, name=name)


def deliver(clerk: Services, customer: int, amount: str, on: date | None = None) -> int:
    """Deliver an order of one line worth ``amount``; returns the receivable item id."""
    product = make_product(clerk, f"商品{amount}", amount, stock="10")
    order = make_order(clerk, customer, (product.id, "1", amount))
    order = clerk.orders.confirm(order.id, order.version)
    clerk.orders.deliver(order.id, order.version, on=on)
    with clerk.database.engine.connect() as conn:
        return int(conn.scalar(select(func.max(ReceivableItem.id))) or 0)


def invoice(services: Services, customer: int, number: str, amount: str = "113.00") -> None:
    services.receivables.record_invoice(
        InvoiceInput(
            customer_id=customer,
            number=number,
            invoice_type="digital",
            issued_on=date(2025, 5, 3),
            amount=D(amount),
            tax=(D(amount) * D("0.13") / D("1.13")).quantize(D("0.01")),
        )
    )


def set_threshold(admin: Services, amount: str) -> None:
    admin.users.set_company_profile(
        CompanyProfile(name="示范商贸有限公司", settlement_threshold=D(amount))
    )


def with_invoice(customer: int, amount: str, *numbers: str, **more: object) -> SettlementDraft:
    return SettlementDraft(
        customer_id=customer,
        amount=D(amount),
        kind=SettlementKind.WITH_INVOICE,
        invoice_numbers=numbers,
        **more,  # type: ignore[arg-type]
    )


def voucher(
    customer: int, amount: str, *, expected: bool = True, **more: object
) -> SettlementDraft:
    return SettlementDraft(
        customer_id=customer,
        amount=D(amount),
        kind=SettlementKind.WITHOUT_INVOICE,
        voucher=VoucherInput(
            reason="客户先付款，发票下月开", reference_docs="HT-2025-018", invoice_expected=expected
        ),
        **more,  # type: ignore[arg-type]
    )


def open_amount(database: Database, item_id: int) -> Decimal:
    with database.engine.connect() as conn:
        value = conn.scalar(select(ReceivableItem.open_amount).where(ReceivableItem.id == item_id))
    return Decimal(value)


def count_receipts(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(Receipt)) or 0)


def assert_ledger_identity(database: Database, services: Services) -> int:
    """For every customer with items or receipts: items − allocations − advances == balance(), and
    the open items equal items − allocations. Returns how many customers were checked."""

    def fen(stmt: object) -> int:
        return int(conn.scalar(stmt) or 0)  # type: ignore[call-overload]

    with database.engine.connect() as conn:
        customers = set(conn.scalars(select(ReceivableItem.customer_id).distinct())) | set(
            conn.scalars(select(Receipt.customer_id).distinct())
        )
        for cid in sorted(customers):
            amount = fen(
                select(func.sum(ReceivableItem.amount, type_=BigInteger)).where(
                    ReceivableItem.customer_id == cid
                )
            )
            opens = fen(
                select(func.sum(ReceivableItem.open_amount, type_=BigInteger)).where(
                    ReceivableItem.customer_id == cid
                )
            )
            allocated = fen(
                select(func.sum(ReceiptAllocation.amount, type_=BigInteger))
                .join(ReceivableItem, ReceivableItem.id == ReceiptAllocation.receivable_item_id)
                .where(ReceivableItem.customer_id == cid)
            )
            received = fen(
                select(func.sum(Receipt.amount, type_=BigInteger)).where(Receipt.customer_id == cid)
            )
            advances = received - fen(
                select(func.sum(ReceiptAllocation.amount, type_=BigInteger))
                .join(Receipt, Receipt.id == ReceiptAllocation.receipt_id)
                .where(Receipt.customer_id == cid)
            )
            assert opens == amount - allocated, cid
            balance = services.receivables.balance(cid)
            assert balance.open_items == D(opens) / 100, cid
            assert balance.advances == D(advances) / 100, cid
            assert balance.balance == D(amount - allocated - advances) / 100, cid
    return len(customers)
