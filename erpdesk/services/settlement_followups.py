"""The follow-up list (issue 7): settlements awaiting approval, settlements waiting for an invoice,
notices sent but not confirmed, and overdue open items — each with who, since when and the next action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from erpdesk.db.models.customer import Customer
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.settlement import Settlement
from erpdesk.db.models.user import UserAccount
from erpdesk.domain.settlements import FollowUpKind, InvoiceStatus, SettlementStatus
from erpdesk.services.settlement_dto import FollowUpRow

ALL_KINDS = frozenset(FollowUpKind)
_OPEN_STATES = (SettlementStatus.PENDING_APPROVAL.value, SettlementStatus.POSTED.value)


def follow_ups(
    session: Session,
    as_of: date,
    kinds: Iterable[FollowUpKind],
    *,
    local_date: Callable[[datetime], date],
    customer_id: int | None = None,
    limit: int = 2000,
) -> tuple[FollowUpRow, ...]:
    """Rows of the wanted ``kinds``, most urgent first (next action or since, oldest first)."""
    wanted = frozenset(kinds)
    rows: list[FollowUpRow] = []
    if wanted & {
        FollowUpKind.AWAITING_APPROVAL,
        FollowUpKind.AWAITING_INVOICE,
        FollowUpKind.NOTICE_UNCONFIRMED,
    }:
        rows.extend(_settlement_rows(session, wanted, local_date, customer_id))
    if FollowUpKind.OVERDUE_ITEM in wanted:
        rows.extend(_overdue_rows(session, as_of, customer_id, limit))
    rows.sort(key=lambda r: (r.next_action_on or r.since, r.since, r.document))
    return tuple(rows[:limit])


def _settlement_rows(
    session: Session,
    wanted: frozenset[FollowUpKind],
    local_date: Callable[[datetime], date],
    customer_id: int | None,
) -> list[FollowUpRow]:
    stmt = (
        select(Settlement, Customer.code, Customer.name)
        .join(Customer, Customer.id == Settlement.customer_id)
        .where(
            Settlement.status.in_(_OPEN_STATES),
            or_(
                Settlement.status == SettlementStatus.PENDING_APPROVAL.value,
                Settlement.invoice_status == InvoiceStatus.AWAITING.value,
                and_(
                    Settlement.notice_sent_on.is_not(None),
                    Settlement.notice_confirmed_on.is_(None),
                ),
            ),
        )
        .order_by(Settlement.id)
    )
    if customer_id is not None:
        stmt = stmt.where(Settlement.customer_id == customer_id)
    out: list[FollowUpRow] = []
    for s, code, name in session.execute(stmt):
        header = (s, code, name)
        pending = s.status == SettlementStatus.PENDING_APPROVAL.value
        if pending and FollowUpKind.AWAITING_APPROVAL in wanted:
            out.append(
                _row(
                    header,
                    FollowUpKind.AWAITING_APPROVAL,
                    s.submitted_by,
                    local_date(s.submitted_at),
                )
            )
        # A pending voucher also waits for its invoice, but approval comes first: listed once.
        if (
            not pending
            and s.invoice_status == InvoiceStatus.AWAITING.value
            and FollowUpKind.AWAITING_INVOICE in wanted
        ):
            entered = s.posted_at or s.submitted_at
            out.append(
                _row(header, FollowUpKind.AWAITING_INVOICE, s.submitted_by, local_date(entered))
            )
        if (
            s.notice_sent_on is not None
            and s.notice_confirmed_on is None
            and FollowUpKind.NOTICE_UNCONFIRMED in wanted
        ):
            out.append(
                _row(
                    header,
                    FollowUpKind.NOTICE_UNCONFIRMED,
                    s.notice_sent_by or s.submitted_by,
                    s.notice_sent_on,
                )
            )
    return out


def _row(
    header: tuple[Settlement, str, str], kind: FollowUpKind, who: str, since: date
) -> FollowUpRow:
    s, code, name = header
    return FollowUpRow(
        kind=kind,
        settlement_id=s.id,
        item_id=None,
        customer_id=s.customer_id,
        customer_code=code,
        customer_name=name,
        document=s.voucher_number or s.number,
        amount=s.amount,
        who=who,
        since=since,
        next_action_on=s.next_action_on,
        note=s.follow_up_note,
    )


def _overdue_rows(
    session: Session, as_of: date, customer_id: int | None, limit: int
) -> list[FollowUpRow]:
    stmt = (
        select(
            ReceivableItem,
            Customer.code,
            Customer.name,
            Customer.next_follow_up,
            UserAccount.display_name,
            UserAccount.username,
        )
        .join(Customer, Customer.id == ReceivableItem.customer_id)
        .outerjoin(UserAccount, UserAccount.id == Customer.salesperson_id)
        .where(ReceivableItem.open_amount > 0, ReceivableItem.due_date < as_of)
        .order_by(ReceivableItem.due_date, ReceivableItem.id)
        .limit(limit)
    )
    if customer_id is not None:
        stmt = stmt.where(ReceivableItem.customer_id == customer_id)
    return [
        FollowUpRow(
            kind=FollowUpKind.OVERDUE_ITEM,
            settlement_id=None,
            item_id=item.id,
            customer_id=item.customer_id,
            customer_code=code,
            customer_name=name,
            document=item.doc_number,
            amount=item.open_amount,
            who=display or username or "",
            since=item.due_date,
            next_action_on=next_follow_up,
            note="",
        )
        for item, code, name, next_follow_up, display, username in session.execute(stmt)
    ]
