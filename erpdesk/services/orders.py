"""Sales orders: save drafts, confirm through the credit ladder, approve, deliver, reverse, close, list.

Every transition is one method guarded by ``domain.orders.TRANSITIONS``. Confirming locks the customer
row first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite writers are serialised by BEGIN IMMEDIATE) and
only then sums the exposure, so two clerks confirming against the same credit at the same moment are
checked one after the other. A delivery posts a 送货单, stock moves out of the default warehouse and an
open receivable item due after the payment terms; it is never edited or deleted, only reversed.
Lines are written with one Core INSERT and audited as one entry under the order's id.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, delete, func, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from erpdesk.db import numbering
from erpdesk.db.audit import AuditEntry
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer, CustomerContact, CustomerInteraction
from erpdesk.db.models.order import (
    CreditOverride,
    Delivery,
    DeliveryLine,
    ReceivableItem,
    SalesOrder,
    SalesOrderLine,
)
from erpdesk.db.models.product import Product
from erpdesk.db.models.user import UserAccount
from erpdesk.db.types import money_of_sum
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import credit
from erpdesk.domain import orders as rules
from erpdesk.domain.credit import CreditCheck, CreditMode, Trigger
from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import format_money
from erpdesk.domain.orders import Action, OrderStatus
from erpdesk.domain.permissions import Permission, Role
from erpdesk.services import credit as credit_reads
from erpdesk.services.area import AreaService
from erpdesk.services.context import Actor, Clock
from erpdesk.services.errors import (
    ConfirmRequired,
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from erpdesk.services.order_dto import (
    Approver,
    CustomerDefaults,
    DeliveryLineInput,
    DeliveryView,
    OrderDetail,
    OrderFilter,
    OrderInput,
    OrderLineInput,
    OrderLineView,
    OrderRow,
    OrderSaved,
    OrderTotals,
)
from erpdesk.services.products import default_warehouse

ORDER_SERIES = "order:XS"
DELIVERY_SERIES = "delivery:FH"
ZERO = Decimal("0.00")

AuthFactory = Callable[[], Any]
"""Returns an ``AuthService`` (its ``login`` checks an approver's password)."""


def order_number(prefix: str, day: date, serial: int) -> str:
    """``XS20250503-0001``: prefix, document date, daily serial."""
    return f"{prefix}{day:%Y%m%d}-{serial:04d}"


class OrderService(AreaService):
    """Use cases on sales orders for one actor."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        clock: Clock | None = None,
        *,
        auth: AuthFactory | None = None,
    ) -> None:
        super().__init__(database, actor, clock)
        self._auth = auth

    # ------------------------------------------------------------------ reads

    def customer_defaults(self, customer_id: int) -> CustomerDefaults:
        """What picking the customer fills in: contact, phone, address, salesperson, terms."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: _defaults(u.session, customer_id))

    def search_ids(self, filter: OrderFilter = OrderFilter()) -> array[int]:  # noqa: B008
        """Ids of matching orders, newest first (order date, then id, both descending)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        clauses: list[str] = []
        params: dict[str, object] = {}
        if filter.customer_id is not None:
            clauses.append("customer_id = :customer_id")
            params["customer_id"] = filter.customer_id
        if filter.status is not None:
            clauses.append("status = :status")
            params["status"] = filter.status.value
        if filter.date_from is not None:
            clauses.append("order_date >= :date_from")
            params["date_from"] = filter.date_from
        if filter.date_to is not None:
            clauses.append("order_date <= :date_to")
            params["date_to"] = filter.date_to
        if filter.number_prefix.strip():
            prefix = filter.number_prefix.strip().upper()
            clauses.append("number >= :lo AND number < :hi")
            params["lo"], params["hi"] = prefix, prefix + "\U0010ffff"
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        inner = f"SELECT id FROM sales_order{where} ORDER BY order_date DESC, id DESC"
        # One JSON string instead of a million result rows: several times faster to fetch.
        if self.database.dialect == "postgresql":
            sql = f"SELECT COALESCE(json_agg(s.id), '[]')::text FROM ({inner}) s"
        else:
            sql = f"SELECT json_group_array(id) FROM ({inner})"

        def work(u: UnitOfWork) -> array[int]:
            payload = u.connection.execute(text(sql), params).scalar_one()
            return array("q", json.loads(payload))

        return self._read(work)

    def rows(self, ids: Sequence[int]) -> dict[int, OrderRow]:
        """List rows for ``ids`` (one query)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        wanted = list(ids)
        if not wanted:
            return {}

        def work(u: UnitOfWork) -> dict[int, OrderRow]:
            stmt = (
                select(
                    SalesOrder.id,
                    SalesOrder.number,
                    SalesOrder.order_date,
                    SalesOrder.customer_id,
                    Customer.code,
                    Customer.name,
                    SalesOrder.status,
                    SalesOrder.total,
                    SalesOrder.delivered,
                    SalesOrder.delivery_date,
                    UserAccount.display_name,
                    UserAccount.username,
                    SalesOrder.line_count,
                )
                .join(Customer, Customer.id == SalesOrder.customer_id)
                .outerjoin(UserAccount, UserAccount.id == SalesOrder.salesperson_id)
                .where(SalesOrder.id.in_(wanted))
            )
            return {
                r[0]: OrderRow(
                    id=r[0],
                    number=r[1],
                    order_date=r[2],
                    customer_id=r[3],
                    customer_code=r[4],
                    customer_name=r[5],
                    status=OrderStatus(r[6]),
                    total=r[7],
                    delivered=r[8],
                    delivery_date=r[9],
                    salesperson=r[10] or r[11] or "",
                    line_count=r[12],
                )
                for r in u.session.execute(stmt)
            }

        return self._read(work)

    def get(self, order_id: int) -> OrderDetail:
        """The order with its lines and deliveries. Raises ``order.not_found``."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: _detail(u.session, order_id))

    def get_by_number(self, number: str) -> OrderDetail:
        """The order numbered ``number``."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> OrderDetail:
            found = u.session.scalar(
                select(SalesOrder.id).where(SalesOrder.number == number.strip().upper())
            )
            if found is None:
                raise DomainError("order.not_found", number=number)
            return _detail(u.session, found)

        return self._read(work)

    def customer_totals(self, customer_id: int) -> OrderTotals:
        """Order count and amounts of a customer (cancelled orders left out)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> OrderTotals:
            so = SalesOrder.__table__.c
            count, total, delivered = u.connection.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(so.total), 0, type_=BigInteger),
                    func.coalesce(func.sum(so.delivered), 0, type_=BigInteger),
                ).where(so.customer_id == customer_id, so.status != OrderStatus.CANCELLED.value)
            ).one()
            pos = credit_reads.position(u.connection, customer_id, self.clock.today())
            return OrderTotals(
                orders=int(count),
                total=money_of_sum(total),
                delivered=money_of_sum(delivered),
                undelivered=pos.undelivered,
                open_receivables=pos.open_receivables,
            )

        return self._read(work)

    # ------------------------------------------------------------------ drafts

    def save(self, draft: OrderInput) -> OrderSaved:
        """Create or update a draft: numbered on first save; header fields not given come from
        the customer; totals from the lines.

        Raises:
            ValidationError: no customer, no lines, a bad quantity / discount / price.
            DomainError: ``order.customer_inactive``, ``order.not_editable``, ``product.inactive``.
            ConflictError: ``order.changed_by_other``.
        """
        self.actor.require(Permission.CREATE_ORDER)
        computed, totals = _computed_lines(draft)
        today = self.clock.today()
        return self._done(lambda u: self._save_draft(u, draft, computed, totals, today))

    def save_in(self, u: UnitOfWork, draft: OrderInput) -> OrderSaved:
        """``save`` of a new or draft order inside the caller's write unit (the Excel import saves
        many orders in one transaction); same checks, numbering, totals and audit, no commit. The
        caller checks its own permission (an import needs IMPORT).
        """
        computed, totals = _computed_lines(draft)
        return self._save_draft(u, draft, computed, totals, self.clock.today())

    def _save_draft(
        self,
        u: UnitOfWork,
        draft: OrderInput,
        computed: list[tuple[OrderLineInput, rules.LineAmounts, int, int]],
        totals: rules.Totals,
        today: date,
    ) -> OrderSaved:
        session = u.session
        defaults = _defaults(session, draft.customer_id or 0)
        if not defaults.active:
            raise DomainError("order.customer_inactive", code=defaults.code)
        _check_products(session, {line.product_id for line in draft.lines})
        if draft.id is None:
            order_date = draft.order_date or today
            serial = numbering.allocate(u.connection, ORDER_SERIES, f"{order_date:%Y%m%d}")
            row = SalesOrder(
                number=order_number("XS", order_date, serial),
                status=OrderStatus.DRAFT.value,
                order_date=order_date,
            )
            self._stamp(row, new=True)
            session.add(row)
            old_lines: list[dict[str, Any]] = []
        else:
            row = self._load(session, draft.id, draft.version)
            if OrderStatus(row.status) not in rules.EDITABLE:
                raise DomainError("order.not_editable", number=row.number, status=row.status)
            if draft.order_date is not None:
                row.order_date = draft.order_date
            self._stamp(row, new=False)
            old_lines = _line_summary(session, row.id)
        row.customer_id = defaults.customer_id
        row.delivery_date = draft.delivery_date
        row.contact = draft.contact or defaults.contact
        row.phone = draft.phone or defaults.phone
        row.address = draft.address or defaults.address
        row.salesperson_id = draft.salesperson_id or defaults.salesperson_id
        row.settlement_method = draft.settlement_method or defaults.settlement_method
        row.payment_terms_days = (
            draft.payment_terms_days
            if draft.payment_terms_days is not None
            else defaults.payment_terms_days
        )
        row.notes = draft.notes
        row.total, row.tax, row.line_count = totals.total, totals.tax, len(computed)
        self._flush(session, row)
        if draft.id is not None:
            session.execute(delete(SalesOrderLine).where(SalesOrderLine.order_id == row.id))
        values = [
            {
                "order_id": row.id,
                "line_no": number,
                "product_id": line.product_id,
                "qty": line.qty,
                "unit_price": line.unit_price,
                "discount_bp": discount_bp,
                "tax_rate_bp": tax_bp,
                "amount": amounts.amount,
                "tax": amounts.tax,
                "delivered_qty": Decimal(0),
                "notes": line.notes[:200],
            }
            for number, (line, amounts, discount_bp, tax_bp) in enumerate(computed, start=1)
        ]
        session.execute(insert(SalesOrderLine), values)
        new_lines = [_summary_of(v) for v in values]
        u.record(
            [
                AuditEntry(
                    "sales_order_line",
                    str(row.id),
                    "insert" if draft.id is None else "update",
                    {"lines": old_lines} if old_lines else None,
                    {"lines": new_lines},
                )
            ]
        )
        return _saved(row)

    # ------------------------------------------------------------------ transitions

    def confirm(
        self,
        order_id: int,
        version: int,
        *,
        ack: Iterable[str] = (),
        reason: str = "",
        approver: Approver | None = None,
    ) -> OrderSaved:
        """确认: run the credit check under the customer's lock and confirm if it passes.

        Over the limit (or overdue) the policy decides: warn → ``ConfirmRequired('credit.warn')``
        until ``ack`` holds it and a ``reason`` is given; approve → ``ConfirmRequired
        ('credit.approve')`` until an ``approver`` (a manager or accountant, password checked) or
        the actor, if allowed to approve and acknowledging, lets it through, or the clerk calls
        ``submit``; block → ``DomainError('credit.blocked')``. Every override is logged.
        """
        self.actor.require(Permission.CREATE_ORDER)
        acks = frozenset(ack)
        approved_by = self._verify_approver(approver) if approver is not None else None

        def work(u: UnitOfWork) -> OrderSaved:
            session = u.session
            row = self._load(session, order_id, version)
            rules.next_status(OrderStatus(row.status), Action.CONFIRM)
            result = self._credit_check(u, row)
            if not result.passes:
                by = self._pass_credit(result, acks, reason, approved_by)
                self._log_override(u, row, result, by, reason)
            row.status = OrderStatus.CONFIRMED.value
            row.status_reason = ""
            self._stamp(row, new=False)
            self._flush(session, row)
            return _saved(row)

        return self._done(work)

    def credit_check(self, order_id: int) -> CreditCheck:
        """What confirming the order would meet now (for the form; nothing is locked)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> CreditCheck:
            row = u.session.get(SalesOrder, order_id)
            if row is None:
                raise DomainError("order.not_found", number=str(order_id))
            return self._credit_check(u, row, lock=False)

        return self._read(work)

    def submit(self, order_id: int, version: int, reason: str = "") -> OrderSaved:
        """Send a draft over the limit to the approvers' queue (待审批)."""
        self.actor.require(Permission.CREATE_ORDER)
        return self._transition(order_id, version, Action.SUBMIT, reason, required=False)

    def approve(self, order_id: int, version: int, reason: str) -> OrderSaved:
        """A manager or accountant approves a pending order; logged as their override."""
        self.actor.require(Permission.OVERRIDE_CREDIT)
        if not reason.strip():
            raise ValidationError({"reason": ("order.reason_required", {})})

        def work(u: UnitOfWork) -> OrderSaved:
            row = self._load(u.session, order_id, version)
            rules.next_status(OrderStatus(row.status), Action.APPROVE)
            result = self._credit_check(u, row)
            self._log_override(
                u, row, result, self.actor.username, reason, requested_by=row.updated_by
            )
            row.status, row.status_reason = OrderStatus.CONFIRMED.value, reason.strip()[:200]
            self._stamp(row, new=False)
            self._flush(u.session, row)
            return _saved(row)

        return self._done(work)

    def reject(self, order_id: int, version: int, reason: str) -> OrderSaved:
        """An approver sends a pending order back to draft, with a reason."""
        self.actor.require(Permission.OVERRIDE_CREDIT)
        return self._transition(order_id, version, Action.REJECT, reason)

    def reopen(self, order_id: int, version: int, reason: str) -> OrderSaved:
        """反审核: a confirmed order with nothing delivered goes back to draft (managers only)."""
        self.actor.require(Permission.CREATE_ORDER)
        self.actor.require(Permission.OVERRIDE_CREDIT)
        return self._transition(order_id, version, Action.REOPEN, reason, undelivered_only=True)

    def cancel(self, order_id: int, version: int, reason: str) -> OrderSaved:
        """作废 with a reason, only while nothing is delivered; the number is kept."""
        self.actor.require(Permission.CREATE_ORDER)
        return self._transition(order_id, version, Action.CANCEL, reason, undelivered_only=True)

    def complete(self, order_id: int, version: int, reason: str) -> OrderSaved:
        """手工关闭: a manager closes a delivered or partly delivered order, with a reason."""
        self.actor.require(Permission.CREATE_ORDER)
        self.actor.require(Permission.OVERRIDE_CREDIT)
        return self._transition(order_id, version, Action.COMPLETE, reason)

    def deliver(
        self,
        order_id: int,
        version: int,
        lines: Sequence[DeliveryLineInput] | None = None,
        *,
        on: date | None = None,
        ack: Iterable[str] = (),
        reason: str = "",
        approver: Approver | None = None,
    ) -> OrderSaved:
        """Post a 送货单 for ``lines`` (None: everything still open) from the default warehouse.

        Stock goes down, the order becomes partly delivered or delivered, and the customer gets an
        open receivable dated ``on`` (today) and due after the order's payment terms. The credit
        check runs again first (exposure may have grown since 确认), with the same ladder and the
        same ``ack`` / ``reason`` / ``approver`` as ``confirm``.
        """
        self.actor.require(Permission.CREATE_ORDER)
        day = on or self.clock.today()
        wanted = None if lines is None else {item.order_line_id: item.qty for item in lines}
        acks = frozenset(ack)
        approved_by = self._verify_approver(approver) if approver is not None else None

        def work(u: UnitOfWork) -> OrderSaved:
            session = u.session
            row = self._load(session, order_id, version)
            status = OrderStatus(row.status)
            if not rules.allowed(status, Action.DELIVER):
                rules.next_status(status, Action.DELIVER)
            check = self._credit_check(u, row)
            if not check.passes:
                by = self._pass_credit(check, acks, reason, approved_by)
                self._log_override(u, row, check, by, reason)
            order_lines = list(
                session.scalars(
                    select(SalesOrderLine)
                    .where(SalesOrderLine.order_id == row.id)
                    .order_by(SalesOrderLine.line_no)
                )
            )
            already = _delivered_amounts(session, [line.id for line in order_lines])
            posts: list[tuple[SalesOrderLine, Decimal, Decimal]] = []
            for line in order_lines:
                left = line.qty - line.delivered_qty
                qty = left if wanted is None else wanted.get(line.id, Decimal(0))
                if qty <= 0:
                    continue
                if qty > left:
                    raise DomainError("order.deliver_too_much", line=line.line_no, left=str(left))
                if qty == left:
                    amount = line.amount - already.get(line.id, ZERO)
                else:
                    amount = rules.delivered_amount(line.amount, line.qty, qty)
                posts.append((line, qty, amount))
            if not posts:
                raise DomainError("order.nothing_to_deliver")
            fully = all(
                line.delivered_qty + next((q for l2, q, _a in posts if l2 is line), Decimal(0))
                >= line.qty
                for line in order_lines
            )
            new_status = rules.next_status(status, Action.DELIVER, fully_delivered=fully)
            total = sum((a for _l, _q, a in posts), ZERO)
            self._post_delivery(u, row, posts, total, day)
            row.delivered = row.delivered + total
            row.status = new_status.value
            self._stamp(row, new=False)
            self._flush(session, row)
            return _saved(row)

        return self._done(work)

    def reverse_delivery(self, delivery_id: int, reason: str) -> OrderSaved:
        """红冲 a delivery: a negative 送货单 dated today, stock back in, a negative receivable.

        The original delivery stays as it was; both show on the statement. Reversals are for
        accountants and managers (DOMAIN.md §13).
        """
        self.actor.require(Permission.REVERSE_RECEIPT)
        if not reason.strip():
            raise ValidationError({"reason": ("order.reason_required", {})})
        day = self.clock.today()

        def work(u: UnitOfWork) -> OrderSaved:
            session = u.session
            original = session.get(Delivery, delivery_id)
            if original is None or original.reverses_id is not None:
                raise DomainError("order.not_found", number=str(delivery_id))
            if session.scalar(select(Delivery.id).where(Delivery.reverses_id == delivery_id)):
                raise DomainError("order.delivery_reversed", number=original.number)
            row = self._load(session, original.order_id, None)
            status = OrderStatus(row.status)
            lines = {
                line.id: line
                for line in session.scalars(
                    select(SalesOrderLine).where(SalesOrderLine.order_id == row.id)
                )
            }
            posts = [
                (lines[d.order_line_id], -d.qty, -d.amount)
                for d in session.scalars(
                    select(DeliveryLine).where(DeliveryLine.delivery_id == delivery_id)
                )
            ]
            delivered = row.delivered - original.amount
            new_status = rules.next_status(status, Action.REVERSE, nothing_delivered=delivered == 0)
            self._post_delivery(
                u, row, posts, -original.amount, day, reverses=original, reason=reason.strip()
            )
            row.delivered = delivered
            row.status = new_status.value
            self._stamp(row, new=False)
            self._flush(session, row)
            return _saved(row)

        return self._done(work)

    # ------------------------------------------------------------------ helpers

    def _done(self, work: Callable[[UnitOfWork], OrderSaved]) -> OrderSaved:
        saved, changes = self._write(work)
        merged = dict(changes)
        merged["sales_order"] = merged.get("sales_order", frozenset()) | {str(saved.id)}
        return replace(saved, changes=merged)

    def _load(self, session: Session, order_id: int, version: int | None) -> SalesOrder:
        row = session.get(SalesOrder, order_id, populate_existing=True)
        if row is None:
            raise DomainError("order.not_found", number=str(order_id))
        if version is not None and row.version != version:
            raise ConflictError("order.changed_by_other", number=row.number, user=row.updated_by)
        return row

    def _flush(self, session: Session, row: SalesOrder) -> None:
        try:
            session.flush()
        except StaleDataError as exc:
            raise ConflictError("order.changed_by_other", number=row.number, user="?") from exc

    def _transition(
        self,
        order_id: int,
        version: int,
        action: Action,
        reason: str,
        *,
        required: bool = True,
        undelivered_only: bool = False,
    ) -> OrderSaved:
        if required and not reason.strip():
            raise ValidationError({"reason": ("order.reason_required", {})})

        def work(u: UnitOfWork) -> OrderSaved:
            row = self._load(u.session, order_id, version)
            target = rules.next_status(OrderStatus(row.status), action)
            if undelivered_only and row.delivered != 0:
                msg = (
                    "order.reopen_delivered"
                    if action is Action.REOPEN
                    else "order.cancel_delivered"
                )
                raise DomainError(msg, number=row.number)
            row.status, row.status_reason = target.value, reason.strip()[:200]
            self._stamp(row, new=False)
            self._flush(u.session, row)
            return _saved(row)

        return self._done(work)

    def _credit_check(self, u: UnitOfWork, row: SalesOrder, *, lock: bool = True) -> CreditCheck:
        if lock:
            # The lock serialises every credit check of this customer's orders until commit.
            u.session.execute(
                select(Customer.id).where(Customer.id == row.customer_id).with_for_update()
            )
        policy = credit_reads.policy_for(u, row.customer_id)
        pos = credit_reads.position(
            u.connection,
            row.customer_id,
            self.clock.today(),
            exclude_order_id=row.id,
            overdue_days=policy.overdue_days,
        )
        return credit.check(pos, row.total - row.delivered, policy)

    def _pass_credit(
        self, result: CreditCheck, acks: frozenset[str], reason: str, approved_by: str | None
    ) -> str:
        """Who lets the order through, or the exception that stops it."""
        params = _credit_params(result)
        overdue = result.trigger is Trigger.OVERDUE
        if result.mode is CreditMode.BLOCK:
            raise DomainError("credit.overdue_blocked" if overdue else "credit.blocked", **params)
        if result.mode is CreditMode.WARN:
            if "credit.warn" in acks and reason.strip():
                return self.actor.username
            raise ConfirmRequired(
                "credit.warn", "credit.overdue_warn" if overdue else "credit.warn", **params
            )
        if approved_by is not None and reason.strip():
            return approved_by
        if (
            self.actor.may(Permission.OVERRIDE_CREDIT)
            and "credit.approve" in acks
            and reason.strip()
        ):
            return self.actor.username
        raise ConfirmRequired(
            "credit.approve",
            "credit.overdue_needs_approval" if overdue else "credit.needs_approval",
            **params,
        )

    def _verify_approver(self, approver: Approver) -> str:
        """Check the approver's password (outside any transaction: argon2 is slow) and role."""
        if self._auth is None:
            raise PermissionDenied("credit.approver_not_allowed", user=approver.username)
        login = self._auth().login(approver.username, approver.password)
        who = Actor(username=login.username, roles=frozenset(Role(r) for r in login.roles))
        if not who.may(Permission.OVERRIDE_CREDIT):
            raise PermissionDenied("credit.approver_not_allowed", user=login.username)
        if login.username == self.actor.username:
            raise PermissionDenied("credit.approver_is_requester")
        return str(login.username)

    def _log_override(
        self,
        u: UnitOfWork,
        row: SalesOrder,
        result: CreditCheck,
        approver: str,
        reason: str,
        *,
        requested_by: str | None = None,
    ) -> None:
        pos = result.position
        kind = "approve" if result.mode is CreditMode.APPROVE else result.mode.value
        if result.passes:
            kind = "approve"
        u.session.add(
            CreditOverride(
                order_id=row.id,
                customer_id=row.customer_id,
                kind=kind,
                trigger=(result.trigger or Trigger.LIMIT).value,
                approver=approver,
                requested_by=requested_by or self.actor.username,
                reason=reason.strip()[:200],
                credit_limit=pos.limit,
                exposure=pos.exposure,
                order_amount=result.order_amount,
                shortfall=result.shortfall,
                at=self.clock.utc(),
            )
        )
        u.session.add(
            CustomerInteraction(
                customer_id=row.customer_id,
                on_date=self.clock.today(),
                kind="system",
                note=(
                    f"信用放行 {row.number}: {format_money(result.order_amount)}, "
                    f"超出 {format_money(result.shortfall)}, 审批 {approver}: {reason.strip()}"
                )[:2000],
                author=approver,
                created_at=self.clock.utc(),
            )
        )

    def _post_delivery(
        self,
        u: UnitOfWork,
        row: SalesOrder,
        posts: list[tuple[SalesOrderLine, Decimal, Decimal]],
        total: Decimal,
        day: date,
        *,
        reverses: Delivery | None = None,
        reason: str = "",
    ) -> None:
        from erpdesk.services.stock import move

        session = u.session
        now = self.clock.utc()
        warehouse = (
            reverses.warehouse_id
            if reverses
            else default_warehouse(session, self.actor.username, now)
        )
        serial = numbering.allocate(u.connection, DELIVERY_SERIES, f"{day:%Y%m%d}")
        delivery = Delivery(
            number=order_number("FH", day, serial),
            order_id=row.id,
            customer_id=row.customer_id,
            warehouse_id=warehouse,
            delivered_on=day,
            amount=total,
            reverses_id=reverses.id if reverses else None,
            reason=reason[:200],
            created_at=now,
            created_by=self.actor.username,
        )
        session.add(delivery)
        session.flush()
        for line, qty, amount in posts:
            session.add(
                DeliveryLine(
                    delivery_id=delivery.id,
                    order_line_id=line.id,
                    product_id=line.product_id,
                    qty=qty,
                    amount=amount,
                )
            )
            session.execute(
                update(SalesOrderLine)
                .where(SalesOrderLine.id == line.id)
                .values(delivered_qty=SalesOrderLine.delivered_qty + qty)
                .execution_options(synchronize_session=False)
            )
            line.delivered_qty = line.delivered_qty + qty
            move(
                session,
                product_id=line.product_id,
                warehouse_id=warehouse,
                qty=-qty,
                on=day,
                source=("delivery", delivery.id),
                actor=self.actor.username,
                now=now,
            )
        item = ReceivableItem(
            customer_id=row.customer_id,
            source_type="delivery",
            source_id=delivery.id,
            doc_number=delivery.number,
            doc_date=day,
            due_date=day + timedelta(days=row.payment_terms_days),
            amount=total,
            open_amount=total,
        )
        self._stamp(item, new=True)
        session.add(item)
        session.flush()


# ---------------------------------------------------------------------- module helpers


def _computed_lines(
    draft: OrderInput,
) -> tuple[list[tuple[OrderLineInput, rules.LineAmounts, int, int]], rules.Totals]:
    """Each line with its amounts and its discount and tax in basis points, and the order totals.

    Raises:
        ValidationError: no customer, no lines, a bad quantity / discount / price.
    """
    if draft.customer_id is None:
        raise ValidationError({"customer": ("order.customer_required", {})})
    if not draft.lines:
        raise ValidationError({"lines": ("order.no_lines", {})})
    computed: list[tuple[OrderLineInput, rules.LineAmounts, int, int]] = []
    problems: dict[str, tuple[str, dict[str, Any]]] = {}
    for index, line in enumerate(draft.lines):
        try:
            amounts = rules.line_amounts(
                line.qty, line.unit_price, line.discount_pct, line.tax_rate_pct
            )
            computed.append(
                (
                    line,
                    amounts,
                    rules.pct_to_bp(line.discount_pct),
                    rules.pct_to_bp(line.tax_rate_pct),
                )
            )
        except DomainError as exc:
            problems[f"lines[{index}]"] = (exc.msg_id, dict(exc.params))
    if problems:
        raise ValidationError(problems)
    totals = rules.totals(a for _l, a, _d, _t in computed)
    return computed, totals


def _saved(row: SalesOrder) -> OrderSaved:
    return OrderSaved(
        id=row.id,
        number=row.number,
        version=row.version,
        status=OrderStatus(row.status),
        total=row.total,
    )


def _credit_params(result: CreditCheck) -> dict[str, Any]:
    pos = result.position
    return {
        "limit": format_money(pos.limit),
        "balance": format_money(pos.open_receivables),
        "undelivered": format_money(pos.undelivered),
        "amount": format_money(result.order_amount),
        "shortfall": format_money(result.shortfall),
        "overdue": format_money(pos.overdue),
    }


def _defaults(session: Session, customer_id: int) -> CustomerDefaults:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise DomainError("customer.not_found", code=str(customer_id))
    contact = session.execute(
        select(CustomerContact.name, CustomerContact.mobile, CustomerContact.phone)
        .where(CustomerContact.customer_id == customer_id)
        .order_by(CustomerContact.is_primary.desc(), CustomerContact.sort_order, CustomerContact.id)
        .limit(1)
    ).first()
    salesperson = ""
    if customer.salesperson_id is not None:
        user = session.get(UserAccount, customer.salesperson_id)
        salesperson = (user.display_name or user.username) if user else ""
    address = "".join(
        part for part in (customer.province, customer.city, customer.district, customer.address)
    )
    return CustomerDefaults(
        customer_id=customer.id,
        code=customer.code,
        name=customer.name,
        active=customer.status == "active",
        contact=contact[0] if contact else "",
        phone=(contact[1] or contact[2]) if contact else customer.phone,
        address=address,
        salesperson_id=customer.salesperson_id,
        salesperson=salesperson,
        settlement_method=customer.settlement_method,
        payment_terms_days=customer.payment_terms_days,
    )


def _check_products(session: Session, ids: set[int]) -> None:
    found = dict(
        session.execute(select(Product.id, Product.active).where(Product.id.in_(ids))).all()
    )
    for product_id in ids:
        if product_id not in found:
            raise DomainError("product.not_found", code=str(product_id))
        if not found[product_id]:
            code = session.scalar(select(Product.code).where(Product.id == product_id))
            raise DomainError("product.inactive", code=code)


def _summary_of(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "line": values["line_no"],
        "product": values["product_id"],
        "qty": str(values["qty"]),
        "price": str(values["unit_price"]),
        "discount_bp": values["discount_bp"],
        "amount": str(values["amount"]),
    }


def _line_summary(session: Session, order_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            SalesOrderLine.line_no,
            SalesOrderLine.product_id,
            SalesOrderLine.qty,
            SalesOrderLine.unit_price,
            SalesOrderLine.discount_bp,
            SalesOrderLine.amount,
        )
        .where(SalesOrderLine.order_id == order_id)
        .order_by(SalesOrderLine.line_no)
    ).all()
    return [
        {
            "line": r[0],
            "product": r[1],
            "qty": str(r[2]),
            "price": str(r[3]),
            "discount_bp": r[4],
            "amount": str(r[5]),
        }
        for r in rows
    ]


def _delivered_amounts(session: Session, line_ids: list[int]) -> dict[int, Decimal]:
    if not line_ids:
        return {}
    rows = session.execute(
        select(
            DeliveryLine.order_line_id,
            func.coalesce(func.sum(DeliveryLine.amount), 0, type_=BigInteger),
        )
        .where(DeliveryLine.order_line_id.in_(line_ids))
        .group_by(DeliveryLine.order_line_id)
    ).all()
    return {line_id: money_of_sum(fen) for line_id, fen in rows}


def _detail(session: Session, order_id: int) -> OrderDetail:
    row = session.get(SalesOrder, order_id)
    if row is None:
        raise DomainError("order.not_found", number=str(order_id))
    customer = session.get(Customer, row.customer_id)
    assert customer is not None
    salesperson = ""
    if row.salesperson_id is not None:
        user = session.get(UserAccount, row.salesperson_id)
        salesperson = (user.display_name or user.username) if user else ""
    lines = tuple(
        OrderLineView(
            id=line.id,
            line_no=line.line_no,
            product_id=line.product_id,
            product_code=code,
            product_name=name,
            spec=spec,
            unit=unit,
            qty=line.qty,
            unit_price=line.unit_price,
            discount_pct=rules.bp_to_pct(line.discount_bp),
            tax_rate_pct=rules.bp_to_pct(line.tax_rate_bp),
            amount=line.amount,
            tax=line.tax,
            delivered_qty=line.delivered_qty,
            notes=line.notes,
        )
        for line, code, name, spec, unit in session.execute(
            select(SalesOrderLine, Product.code, Product.name, Product.spec, Product.unit)
            .join(Product, Product.id == SalesOrderLine.product_id)
            .where(SalesOrderLine.order_id == order_id)
            .order_by(SalesOrderLine.line_no)
        ).all()
    )
    deliveries = tuple(
        DeliveryView(
            id=d.id,
            number=d.number,
            delivered_on=d.delivered_on,
            amount=d.amount,
            reverses_id=d.reverses_id,
            reason=d.reason,
            created_by=d.created_by,
        )
        for d in session.scalars(
            select(Delivery).where(Delivery.order_id == order_id).order_by(Delivery.id)
        )
    )
    return OrderDetail(
        id=row.id,
        version=row.version,
        number=row.number,
        status=OrderStatus(row.status),
        customer_id=row.customer_id,
        customer_code=customer.code,
        customer_name=customer.name,
        order_date=row.order_date,
        delivery_date=row.delivery_date,
        contact=row.contact,
        phone=row.phone,
        address=row.address,
        salesperson_id=row.salesperson_id,
        salesperson=salesperson,
        settlement_method=row.settlement_method,
        payment_terms_days=row.payment_terms_days,
        notes=row.notes,
        total=row.total,
        tax=row.tax,
        delivered=row.delivered,
        status_reason=row.status_reason,
        lines=lines,
        deliveries=deliveries,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )
