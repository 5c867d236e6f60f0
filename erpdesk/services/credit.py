"""Credit figures for a customer (limit, open receivables, undelivered orders, overdue) and policies.

``position`` and ``policy_for`` run inside a caller's unit of work: the order service calls them under
the customer's row lock when confirming, so two clerks cannot both spend the same credit. The policy of
a customer is its own row, else its category's (walking up the category tree), else the company's
(both ids NULL), else warn with overdue control off.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, Connection, func, select

from erpdesk.db.models.customer import Customer, CustomerCategory
from erpdesk.db.models.order import CreditPolicy as PolicyRow
from erpdesk.db.models.order import ReceivableItem, SalesOrder
from erpdesk.db.types import money_of_sum
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import credit
from erpdesk.domain.credit import CreditMode, CreditPolicy, CreditPosition
from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import OPEN_EXPOSURE
from erpdesk.domain.permissions import Permission
from erpdesk.services.area import AreaService
from erpdesk.services.order_dto import CreditView

ZERO = Decimal("0.00")


def position(
    conn: Connection,
    customer_id: int,
    today: date,
    *,
    exclude_order_id: int | None = None,
    overdue_days: int | None = None,
) -> CreditPosition:
    """Limit, open receivables, undelivered value of other confirmed orders, overdue amount."""
    limit = conn.execute(
        select(Customer.credit_limit).where(Customer.id == customer_id)
    ).scalar_one()
    ri = ReceivableItem.__table__.c
    open_fen = conn.execute(
        select(func.coalesce(func.sum(ri.open_amount), 0, type_=BigInteger)).where(
            ri.customer_id == customer_id
        )
    ).scalar_one()
    so = SalesOrder.__table__.c
    undelivered_stmt = select(
        func.coalesce(func.sum(so.total - so.delivered), 0, type_=BigInteger)
    ).where(so.customer_id == customer_id, so.status.in_([s.value for s in OPEN_EXPOSURE]))
    if exclude_order_id is not None:
        undelivered_stmt = undelivered_stmt.where(so.id != exclude_order_id)
    undelivered_fen = conn.execute(undelivered_stmt).scalar_one()
    overdue_fen = 0
    if overdue_days is not None:
        cutoff = today - timedelta(days=overdue_days)
        overdue_fen = conn.execute(
            select(func.coalesce(func.sum(ri.open_amount), 0, type_=BigInteger)).where(
                ri.customer_id == customer_id, ri.due_date < cutoff, ri.open_amount > 0
            )
        ).scalar_one()
    return CreditPosition(
        limit=limit,
        open_receivables=money_of_sum(open_fen),
        undelivered=money_of_sum(undelivered_fen),
        overdue=money_of_sum(overdue_fen),
    )


def _to_policy(row: PolicyRow) -> CreditPolicy:
    return CreditPolicy(
        mode=CreditMode(row.mode),
        overdue_days=row.overdue_days,
        overdue_mode=CreditMode(row.overdue_mode),
    )


def policy_for(unit: UnitOfWork, customer_id: int) -> CreditPolicy:
    """The customer's own policy, else its category's (or a parent's), else the company default."""
    session = unit.session
    own = session.scalar(select(PolicyRow).where(PolicyRow.customer_id == customer_id))
    if own is not None:
        return _to_policy(own)
    category_id = session.scalar(select(Customer.category_id).where(Customer.id == customer_id))
    seen: set[int] = set()
    while category_id is not None and category_id not in seen:
        seen.add(category_id)
        found = session.scalar(select(PolicyRow).where(PolicyRow.category_id == category_id))
        if found is not None:
            return _to_policy(found)
        category_id = session.scalar(
            select(CustomerCategory.parent_id).where(CustomerCategory.id == category_id)
        )
    company = session.scalar(
        select(PolicyRow).where(PolicyRow.customer_id.is_(None), PolicyRow.category_id.is_(None))
    )
    return _to_policy(company) if company is not None else CreditPolicy()


class CreditService(AreaService):
    """Credit figures for the order form and the policy settings."""

    def view(
        self,
        customer_id: int,
        order_amount: Decimal = ZERO,
        *,
        exclude_order_id: int | None = None,
    ) -> CreditView:
        """Live figures for the order header: available credit and green / amber / red."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> CreditView:
            policy = policy_for(u, customer_id)
            pos = position(
                u.connection,
                customer_id,
                self.clock.today(),
                exclude_order_id=exclude_order_id,
                overdue_days=policy.overdue_days,
            )
            return CreditView(
                customer_id=customer_id,
                limit=pos.limit,
                open_receivables=pos.open_receivables,
                undelivered=pos.undelivered,
                overdue=pos.overdue,
                available=pos.available if policy.mode is not CreditMode.NONE else None,
                mode=policy.mode,
                overdue_mode=policy.overdue_mode,
                overdue_days=policy.overdue_days,
                level=credit.level(pos, order_amount, policy.mode),
            )

        return self._read(work)

    def set_policy(
        self,
        mode: CreditMode | str,
        *,
        customer_id: int | None = None,
        category_id: int | None = None,
        overdue_days: int | None = None,
        overdue_mode: CreditMode | str = CreditMode.NONE,
    ) -> None:
        """Set the policy of a customer, a category, or the company (neither id). Manager only."""
        self.actor.require(Permission.OVERRIDE_CREDIT)
        self.actor.require(Permission.CREATE_ORDER)
        try:
            mode_value, overdue_value = CreditMode(mode), CreditMode(overdue_mode)
        except ValueError as exc:
            raise DomainError("credit.mode_invalid", mode=str(mode)) from exc

        def work(u: UnitOfWork) -> None:
            session = u.session
            stmt = select(PolicyRow).where(
                PolicyRow.customer_id.is_(None)
                if customer_id is None
                else PolicyRow.customer_id == customer_id,
                PolicyRow.category_id.is_(None)
                if category_id is None
                else PolicyRow.category_id == category_id,
            )
            row = session.scalar(stmt)
            if row is None:
                row = PolicyRow(customer_id=customer_id, category_id=category_id)
                self._stamp(row, new=True)
                session.add(row)
            else:
                self._stamp(row, new=False)
            row.mode = mode_value.value
            row.overdue_days = overdue_days
            row.overdue_mode = overdue_value.value

        self._write(work)
