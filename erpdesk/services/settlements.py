"""Settlements (结算, issue 7): preview, submit, approve or reject, invoice matching, notices, follow-up
and reversal of a customer's receipt with its allocation, with or without an invoice.

A settlement without an invoice carries a temporary voucher (临时凭证, ``LS…``); it, and any settlement
above the company's threshold, waits for an accountant or a manager other than the submitter. Nothing
reaches the ledger before approval: approving posts the receipt and its allocations in the same
transaction through ``ReceivableService.post_within`` (same item locks, same re-check of open amounts),
so two approvals against one item can never take more than is open. A posted settlement is never edited;
``reverse`` posts the receipt's counter-entry dated today, which re-opens every allocation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from erpdesk.db import numbering
from erpdesk.db.models.settlement import Settlement, SettlementLine
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import settlements as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Permission
from erpdesk.domain.settlements import (
    FollowUpKind,
    InvoiceStatus,
    SettlementKind,
    SettlementStatus,
)
from erpdesk.services.area import AreaService
from erpdesk.services.errors import ConflictError, ValidationError
from erpdesk.services.receivables import (
    AllocationInput,
    AllocationLine,
    ReceiptInput,
    ReceivableService,
    check_receipt,
)
from erpdesk.services.settlement_checks import (
    add_lines,
    check_draft,
    invoice_ids,
    link_invoices,
    load_view,
    lock_settlement,
    open_for_follow_up,
    receipt_input,
    require_customer,
    text_field,
    threshold,
)
from erpdesk.services.settlement_dto import (
    FollowUpRow,
    SettlementDraft,
    SettlementPreview,
    SettlementResult,
    SettlementView,
)
from erpdesk.services.settlement_followups import ALL_KINDS
from erpdesk.services.settlement_followups import follow_ups as _follow_ups
from erpdesk.services.settlement_queries import load_views

SETTLEMENT_SERIES = "settlement:JS"
VOUCHER_SERIES = "voucher:LS"
_TAKEN = frozenset(
    {"receivables.allocation_over_open", "receivables.item_taken", "receivables.item_not_open"}
)


def settlement_number(day: date, serial: int) -> str:
    """``JS20250503-0001``: prefix, submit date, daily serial."""
    return f"JS{day:%Y%m%d}-{serial:04d}"


def voucher_number(day: date, serial: int) -> str:
    """``LS20250503-0001``: the temporary voucher's own series."""
    return f"LS{day:%Y%m%d}-{serial:04d}"


class SettlementService(AreaService):
    """Use cases of the settlement wizard, the approval list and the follow-up list for one actor."""

    # ------------------------------------------------------------------ reads

    def preview(self, draft: SettlementDraft) -> SettlementPreview:
        """What submitting ``draft`` would do now: allocations, advance, balances, approval."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        check_receipt(receipt_input(draft))
        before = self._receivables().balance(draft.customer_id)

        def work(u: UnitOfWork) -> SettlementPreview:
            require_customer(u.session, draft.customer_id)
            proposal = self._receivables().plan_within(
                u, draft.customer_id, draft.amount, draft.allocations
            )
            reasons = rules.approval_reasons(draft.kind, draft.amount, threshold(u))
            return SettlementPreview(
                proposal=proposal,
                balance_before=before.balance,
                balance_after=before.balance - draft.amount,
                needs_approval=bool(reasons),
                approval_reasons=reasons,
            )

        return self._read(work)

    def get(self, settlement_id: int) -> SettlementView:
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: load_view(u.session, settlement_id))

    def get_by_number(self, number: str) -> SettlementView:
        """The settlement numbered ``number`` (``JS…``) or carrying voucher ``number`` (``LS…``)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        wanted = number.strip().upper()

        def work(u: UnitOfWork) -> SettlementView:
            found = u.session.scalar(
                select(Settlement.id).where(
                    or_(Settlement.number == wanted, Settlement.voucher_number == wanted)
                )
            )
            if found is None:
                raise DomainError("settlements.number_not_found", number=wanted)
            return load_view(u.session, found)

        return self._read(work)

    def list_for_customer(self, customer_id: int) -> tuple[SettlementView, ...]:
        """The customer's settlements, newest first."""
        return self.search(customer_id=customer_id, limit=None)

    def pending_approvals(self) -> tuple[SettlementView, ...]:
        """Settlements waiting for a decision, oldest first (first come, first decided)."""
        views = self.search(status=SettlementStatus.PENDING_APPROVAL, limit=None)
        return tuple(reversed(views))

    def search(
        self,
        *,
        status: SettlementStatus | None = None,
        customer_id: int | None = None,
        limit: int | None = 200,
    ) -> tuple[SettlementView, ...]:
        """Settlements newest first, optionally of one state and / or one customer."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> tuple[SettlementView, ...]:
            stmt = select(Settlement.id).order_by(Settlement.id.desc())
            if status is not None:
                stmt = stmt.where(Settlement.status == status.value)
            if customer_id is not None:
                stmt = stmt.where(Settlement.customer_id == customer_id)
            if limit is not None:
                stmt = stmt.limit(limit)
            return tuple(load_views(u.session, list(u.session.scalars(stmt))))

        return self._read(work)

    def follow_ups(
        self,
        as_of: date | None = None,
        kinds: frozenset[FollowUpKind] | None = None,
        *,
        customer_id: int | None = None,
        limit: int = 2000,
    ) -> tuple[FollowUpRow, ...]:
        """What has to be chased on ``as_of`` (today): approvals, invoices, notices, overdue items."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        day = as_of or self.clock.today()
        tz = self.clock.tz

        def work(u: UnitOfWork) -> tuple[FollowUpRow, ...]:
            return _follow_ups(
                u.session,
                day,
                kinds if kinds is not None else ALL_KINDS,
                local_date=lambda at: at.astimezone(tz).date(),
                customer_id=customer_id,
                limit=limit,
            )

        return self._read(work)

    # ------------------------------------------------------------------ writes

    def submit(self, draft: SettlementDraft) -> SettlementResult:
        """Save the settlement; it posts at once unless it needs approval (then PENDING_APPROVAL)."""
        self.actor.require(Permission.CREATE_SETTLEMENT)
        check_draft(draft)
        today = self.clock.today()
        day = draft.receipt_date or today

        def work(u: UnitOfWork) -> int:
            session = u.session
            require_customer(session, draft.customer_id)
            invoices = (
                invoice_ids(session, draft.customer_id, draft.invoice_numbers)
                if draft.kind is SettlementKind.WITH_INVOICE
                else []
            )
            reasons = rules.approval_reasons(draft.kind, draft.amount, threshold(u))
            number = settlement_number(
                today, numbering.allocate(u.connection, SETTLEMENT_SERIES, f"{today:%Y%m%d}")
            )
            voucher = draft.voucher if draft.kind is SettlementKind.WITHOUT_INVOICE else None
            row = Settlement(
                number=number,
                voucher_number=(
                    voucher_number(
                        today, numbering.allocate(u.connection, VOUCHER_SERIES, f"{today:%Y%m%d}")
                    )
                    if voucher is not None
                    else None
                ),
                customer_id=draft.customer_id,
                kind=draft.kind.value,
                status=SettlementStatus.PENDING_APPROVAL.value,
                invoice_status=rules.initial_invoice_status(
                    draft.kind, voucher.invoice_expected if voucher else True
                ).value,
                receipt_date=day,
                method=draft.method,
                reference=draft.reference.strip(),
                notes=draft.notes.strip(),
                amount=draft.amount,
                voucher_reason=voucher.reason.strip() if voucher else "",
                reference_docs=voucher.reference_docs.strip() if voucher else "",
                needs_approval=bool(reasons),
                approval_reasons=",".join(reasons),
                submitted_by=self.actor.username,
                submitted_at=self.clock.utc(),
                decision_comment="",
                reversal_reason="",
                notice_note="",
                follow_up_note="",
            )
            self._stamp(row, new=True)
            if reasons:
                plan = self._receivables().plan_within(
                    u, draft.customer_id, draft.amount, draft.allocations
                )
                lines = plan.allocations
            else:
                # Every role that may create a settlement may also post a receipt (ROLE_PERMISSIONS).
                lines = self._post(u, row, draft.allocations)
                row.status = SettlementStatus.POSTED.value
                row.posted_at = self.clock.utc()
            session.add(row)
            session.flush()
            add_lines(session, row.id, lines)
            self._link_invoices(session, row.id, invoices)
            return row.id

        return self._done(work)

    def approve(
        self, settlement_id: int, comment: str = "", *, seen_version: int | None = None
    ) -> SettlementResult:
        """Approve a pending settlement and post it in the same transaction."""
        self.actor.require(Permission.APPROVE_SETTLEMENT)
        note = text_field("comment", comment, rules.COMMENT_MAX)

        def work(u: UnitOfWork) -> int:
            session = u.session
            row = lock_settlement(session, settlement_id, seen_version)
            self._decide(row, SettlementStatus.APPROVED, note)
            session.flush()  # the approval is its own audited step, then the posting
            stored = list(
                session.scalars(
                    select(SettlementLine)
                    .where(SettlementLine.settlement_id == row.id)
                    .order_by(SettlementLine.line_no)
                )
            )
            allocations = tuple(
                AllocationInput(item_id=line.receivable_item_id, amount=line.amount)
                for line in stored
            )
            posted = self._post(u, row, allocations, approving=True)
            at_posting = {a.item_id: a.open_before for a in posted}
            for line in stored:
                line.open_before = at_posting[line.receivable_item_id]
            row.status = SettlementStatus.POSTED.value
            row.posted_at = self.clock.utc()
            self._stamp(row, new=False)
            session.flush()
            return row.id

        return self._done(work)

    def reject(
        self, settlement_id: int, comment: str, *, seen_version: int | None = None
    ) -> SettlementResult:
        """Refuse a pending settlement with a comment; nothing is posted."""
        self.actor.require(Permission.APPROVE_SETTLEMENT)
        note = text_field("comment", comment, rules.COMMENT_MAX)
        if not note:
            raise ValidationError({"comment": ("settlements.comment_required", {})})

        def work(u: UnitOfWork) -> int:
            row = lock_settlement(u.session, settlement_id, seen_version)
            self._decide(row, SettlementStatus.REJECTED, note)
            return row.id

        return self._done(work)

    def reverse(
        self, settlement_id: int, reason: str, *, seen_version: int | None = None
    ) -> SettlementResult:
        """红冲 a posted settlement: its receipt's counter-entry dated today re-opens every item."""
        self.actor.require(Permission.REVERSE_RECEIPT)
        why = text_field("reason", reason, rules.REASON_MAX)
        if not why:
            raise ValidationError({"reason": ("receivables.reason_required", {})})

        def work(u: UnitOfWork) -> int:
            row = lock_settlement(u.session, settlement_id, seen_version)
            rules.check_reversible(SettlementStatus(row.status), number=row.number)
            assert row.receipt_id is not None  # a posted settlement always has its receipt
            reversal = self._receivables().reverse_within(u, row.receipt_id, why)
            row.status = SettlementStatus.REVERSED.value
            row.reversal_receipt_id = reversal.id
            row.reversed_on = self.clock.today()
            row.reversal_reason = why
            self._stamp(row, new=False)
            return row.id

        return self._done(work)

    def match_invoice(
        self,
        settlement_id: int,
        invoice_numbers: tuple[str, ...],
        *,
        seen_version: int | None = None,
    ) -> SettlementResult:
        """Link the invoice(s) that arrived for a settlement made without one (→ INVOICED)."""
        self.actor.require(Permission.CREATE_SETTLEMENT)
        if not [n for n in invoice_numbers if n.strip()]:
            raise ValidationError({"invoice_numbers": ("settlements.invoice_required", {})})

        def work(u: UnitOfWork) -> int:
            session = u.session
            row = lock_settlement(session, settlement_id, seen_version)
            rules.check_invoice_match(
                SettlementStatus(row.status), InvoiceStatus(row.invoice_status), number=row.number
            )
            self._link_invoices(
                session, row.id, invoice_ids(session, row.customer_id, invoice_numbers)
            )
            row.invoice_status = InvoiceStatus.INVOICED.value
            self._stamp(row, new=False)
            return row.id

        return self._done(work)

    def mark_notice_sent(
        self, settlement_id: int, sent_on: date | None = None, *, seen_version: int | None = None
    ) -> SettlementResult:
        """Record that the settlement notice went to the customer (today unless given)."""
        self.actor.require(Permission.CREATE_SETTLEMENT)
        day = sent_on or self.clock.today()

        def change(row: Settlement) -> None:
            open_for_follow_up(row)
            if row.notice_confirmed_on is not None:
                raise DomainError("settlements.notice_already_confirmed", number=row.number)
            row.notice_sent_on = day
            row.notice_sent_by = self.actor.username

        return self._change(settlement_id, seen_version, change)

    def confirm_notice(
        self,
        settlement_id: int,
        confirmed_on: date | None = None,
        note: str = "",
        *,
        seen_version: int | None = None,
    ) -> SettlementResult:
        """Record that the customer confirmed the notice (today unless given)."""
        self.actor.require(Permission.CREATE_SETTLEMENT)
        day = confirmed_on or self.clock.today()
        text = text_field("note", note, rules.NOTE_MAX)

        def change(row: Settlement) -> None:
            open_for_follow_up(row)
            if row.notice_sent_on is None:
                raise DomainError("settlements.notice_not_sent", number=row.number)
            if day < row.notice_sent_on:
                raise ValidationError(
                    {
                        "confirmed_on": (
                            "settlements.confirmed_before_sent",
                            {"confirmed": day.isoformat(), "sent": row.notice_sent_on.isoformat()},
                        )
                    }
                )
            row.notice_confirmed_on = day
            row.notice_note = text

        return self._change(settlement_id, seen_version, change)

    def set_next_action(
        self,
        settlement_id: int,
        on: date | None,
        note: str = "",
        *,
        seen_version: int | None = None,
    ) -> SettlementResult:
        """Plan the next follow-up step (None clears it) with a note."""
        self.actor.require(Permission.CREATE_SETTLEMENT)
        text = text_field("note", note, rules.NOTE_MAX)

        def change(row: Settlement) -> None:
            row.next_action_on = on
            row.follow_up_note = text

        return self._change(settlement_id, seen_version, change)

    # ------------------------------------------------------------------ helpers

    def _receivables(self) -> ReceivableService:
        return ReceivableService(self.database, self.actor, self.clock)

    def _post(
        self,
        u: UnitOfWork,
        row: Settlement,
        allocations: tuple[AllocationInput, ...] | None,
        *,
        approving: bool = False,
    ) -> tuple[AllocationLine, ...]:
        """Post the settlement's receipt; when approving, an item that lost its open amount since
        the settlement was submitted is a conflict (reject and submit again)."""
        draft = ReceiptInput(
            customer_id=row.customer_id,
            amount=row.amount,
            method=row.method,
            receipt_date=row.receipt_date,
            reference=row.reference,
            notes=f"{row.number} {row.notes}".strip(),
            allocations=allocations,
        )
        try:
            posted = self._receivables().post_within(u, draft)
        except DomainError as exc:
            if not approving or exc.msg_id not in _TAKEN or isinstance(exc, ConflictError):
                raise
            raise ConflictError(
                "settlements.item_taken",
                number=row.number,
                item=str(exc.params.get("item", "")),
                open=str(exc.params.get("open", "")),
            ) from None
        row.receipt_id = posted.id
        return posted.allocations

    def _decide(self, row: Settlement, status: SettlementStatus, comment: str) -> None:
        rules.check_decision(
            SettlementStatus(row.status),
            submitted_by=row.submitted_by,
            decided_by=self.actor.username,
            number=row.number,
        )
        row.status = status.value
        row.decided_by = self.actor.username
        row.decided_at = self.clock.utc()
        row.decision_comment = comment
        self._stamp(row, new=False)

    def _link_invoices(self, session: Session, settlement_id: int, ids: list[int]) -> None:
        link_invoices(session, settlement_id, ids, at=self.clock.utc(), by=self.actor.username)

    def _change(
        self, settlement_id: int, seen_version: int | None, change: Callable[[Settlement], None]
    ) -> SettlementResult:
        def work(u: UnitOfWork) -> int:
            row = lock_settlement(u.session, settlement_id, seen_version)
            change(row)
            self._stamp(row, new=False)
            return row.id

        return self._done(work)

    def _done(self, work: Callable[[UnitOfWork], int]) -> SettlementResult:
        settlement_id, changes = self._write(work)
        view = self._read(lambda u: load_view(u.session, settlement_id))
        merged = dict(changes)
        merged["settlement"] = merged.get("settlement", frozenset()) | {str(settlement_id)}
        return SettlementResult(settlement=view, changes=merged)
