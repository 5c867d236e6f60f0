"""``StocktakeService``: stocktake (盘点) sessions for one actor (issue 9).

A session counts customers (a census) or products in a warehouse. It is created 开启, its expected
snapshot is taken when counting starts, scans arrive one short transaction each (numbered per session so
the dock can queue them), the count goes to 复核 and is posted with a manager's name and password typed
at the clerk's PC, the way a credit override is approved. Customer details confirmed on the spot are
saved through ``CustomerService.save``, so the same field rules, duplicate check and audit apply. The
work is split by concern: counting (``stocktake_scans``), the snapshot (``stocktake_scope``), reads
(``stocktake_views``), posting (``stocktake_posting``) and handheld files (``stocktake_handheld``; the
service methods for them are inherited from ``stocktake_sync``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from erpdesk.db import numbering
from erpdesk.db.audit import AuditEntry
from erpdesk.db.engine import Database
from erpdesk.db.models.product import Warehouse
from erpdesk.db.models.stocktake import Stocktake
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import stocktake as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission, Role
from erpdesk.domain.stocktake import (
    CensusAction,
    StocktakeAction,
    StocktakeKind,
    StocktakeStatus,
)
from erpdesk.services import stocktake_census as census
from erpdesk.services import stocktake_posting as posting
from erpdesk.services import stocktake_scans as scans
from erpdesk.services import stocktake_scope as scope_rules
from erpdesk.services import stocktake_views as views
from erpdesk.services.context import Actor, Clock
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.stocktake_dto import (
    CensusInput,
    CountLineView,
    ReviewView,
    ScanInput,
    ScanResult,
    StocktakeInput,
    StocktakeView,
)
from erpdesk.services.stocktake_handheld import HandheldImportCancelled
from erpdesk.services.stocktake_sync import HandheldSyncMixin
from erpdesk.xlsx.writer import ExportCancelled

__all__ = ["ExportCancelled", "HandheldImportCancelled", "StocktakeService"]

SERIES = "stocktake:PD"
NAME_MAX = 100
NOTE_MAX = 200
Factory = Callable[[], Any]
"""Returns an ``AuthService`` (approver's password) or a ``CustomerService`` (census writes)."""


class StocktakeService(HandheldSyncMixin):
    """Stocktake sessions: create, count, census, review, post or cancel, handheld files."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        clock: Clock | None = None,
        *,
        auth: Factory | None = None,
        customers: Factory | None = None,
        lang: str = "zh_CN",
    ) -> None:
        super().__init__(database, actor, clock)
        self._auth = auth
        self._customers = customers
        self.lang = lang

    # ------------------------------------------------------------------ plumbing

    def _head(self, u: UnitOfWork, session_id: int, *, lock: bool = True) -> scans.Head:
        return scans.head(u.connection, session_id, lock=lock)

    def _require_state(self, head: scans.Head, action: StocktakeAction) -> StocktakeStatus:
        return rules.next_status(head.status, action)

    def _entry(self, code: str, quantity: Decimal, source: str, **extra: Any) -> scans.Entry:
        return scans.Entry(
            code=code,
            quantity=quantity,
            source=source,
            device=extra.get("device", ""),
            at=extra.get("at") or self.clock.utc(),
            actor=self.actor.username,
            row_key=extra.get("row_key"),
            client_seq=extra.get("client_seq"),
        )

    def _transition(self, session_id: int, action: StocktakeAction, **values: Any) -> StocktakeView:
        def work(u: UnitOfWork) -> StocktakeView:
            row = self._load(u, session_id)
            new = rules.next_status(StocktakeStatus(row.status), action)
            row.status = new.value
            for key, value in values.items():
                setattr(row, key, value)
            self._stamp(row, new=False)
            u.session.flush()
            return views.session(u.connection, session_id)

        return self._write(work)[0]

    def _load(self, u: UnitOfWork, session_id: int) -> Stocktake:
        stmt = select(Stocktake).where(Stocktake.id == session_id)
        if self.database.dialect == "postgresql":
            stmt = stmt.with_for_update()
        row = u.session.scalars(stmt).one_or_none()
        if row is None:
            raise DomainError("stocktake.not_found", id=session_id)
        return row

    def _counting_or_review(self, head: scans.Head) -> None:
        if head.status not in (StocktakeStatus.COUNTING, StocktakeStatus.REVIEW):
            raise DomainError(
                "stocktake.illegal_transition",
                action=StocktakeAction.SCAN.value,
                status=head.status.value,
            )

    def _customers_only(self, head: scans.Head) -> None:
        if head.kind is not StocktakeKind.CUSTOMERS:
            raise DomainError(
                "stocktake.wrong_kind",
                number=head.number,
                kind=views_kind(head.kind, self.lang),
            )

    # ------------------------------------------------------------------ sessions

    def create(self, data: StocktakeInput) -> StocktakeView:
        """A new session (开启) with its scope; products default to the default warehouse."""
        self.actor.require(Permission.COUNT_STOCK)
        name = data.name.strip()
        if not name:
            raise DomainError("stocktake.name_required")
        if len(name) > NAME_MAX:
            raise DomainError("stocktake.name_too_long", length=len(name), limit=NAME_MAX)
        scope = data.scope
        customers = scope.kind is StocktakeKind.CUSTOMERS

        def work(u: UnitOfWork) -> StocktakeView:
            warehouse_id = None
            if not customers:
                from erpdesk.services.products import default_warehouse

                warehouse_id = scope.warehouse_id
                if warehouse_id is None:
                    warehouse_id = default_warehouse(
                        u.session, self.actor.username, self.clock.utc()
                    )
                elif u.session.get(Warehouse, warehouse_id) is None:
                    raise DomainError("stocktake.unknown_warehouse", id=warehouse_id)
            day = self.clock.today()
            serial = numbering.allocate(u.connection, SERIES, f"{day:%Y%m%d}")
            row = Stocktake(
                number=rules.session_number(f"{day:%Y%m%d}", serial),
                name=name,
                kind=scope.kind.value,
                status=StocktakeStatus.OPEN.value,
                blind=data.blind,
                scope_category_id=scope.category_id if customers else None,
                scope_region=scope.region.strip()[:64] if customers else "",
                scope_salesperson_id=scope.salesperson_id if customers else None,
                warehouse_id=warehouse_id,
                scope_product_category="" if customers else scope.product_category.strip()[:50],
                approved_by="",
                cancel_reason="",
            )
            self._stamp(row, new=True)
            u.session.add(row)
            u.session.flush()
            return views.session(u.connection, row.id)

        return self._write(work)[0]

    def start_counting(self, session_id: int) -> StocktakeView:
        """开启 → 盘点中: takes the expected snapshot of the scope."""
        self.actor.require(Permission.COUNT_STOCK)

        def work(u: UnitOfWork) -> StocktakeView:
            row = self._load(u, session_id)
            new = rules.next_status(StocktakeStatus(row.status), StocktakeAction.START)
            view = views.session(u.connection, session_id)
            scope_rules.snapshot(u.connection, session_id, view.scope, row.warehouse_id)
            row.status = new.value
            row.started_at = self.clock.utc()
            self._stamp(row, new=False)
            u.session.flush()
            return views.session(u.connection, session_id)

        return self._write(work)[0]

    def to_review(self, session_id: int) -> StocktakeView:
        """盘点中 → 复核: expected figures become visible (also in blind mode)."""
        self.actor.require(Permission.COUNT_STOCK)
        return self._transition(session_id, StocktakeAction.TO_REVIEW)

    def reopen(self, session_id: int) -> StocktakeView:
        """复核 → 盘点中, to count more."""
        self.actor.require(Permission.COUNT_STOCK)
        return self._transition(session_id, StocktakeAction.REOPEN)

    def cancel(self, session_id: int, reason: str) -> StocktakeView:
        """作废 before posting, with a reason; nothing it counted is kept anywhere else."""
        self.actor.require(Permission.COUNT_STOCK)
        text = rules.check_reason(reason)
        return self._transition(session_id, StocktakeAction.CANCEL, cancel_reason=text)

    def sessions(self, include_closed: bool = False) -> tuple[StocktakeView, ...]:
        """Sessions, newest first; posted and cancelled ones only with ``include_closed``."""
        self.actor.require(Permission.COUNT_STOCK)
        return self._read(lambda u: views.sessions(u.connection, include_closed=include_closed))

    def get(self, session_id: int) -> StocktakeView:
        self.actor.require(Permission.COUNT_STOCK)
        return self._read(lambda u: views.session(u.connection, session_id))

    def get_by_number(self, number: str) -> StocktakeView:
        """The session numbered ``number`` (``PD20250503-01``, any case), closed ones included."""
        self.actor.require(Permission.COUNT_STOCK)

        def work(u: UnitOfWork) -> StocktakeView:
            found = u.connection.execute(
                select(Stocktake.id).where(Stocktake.number == number.upper())
            ).scalar_one_or_none()
            if found is None:
                raise DomainError("stocktake.not_found", id=number)
            return views.session(u.connection, found)

        return self._read(work)

    # ------------------------------------------------------------------ counting

    def scan(self, session_id: int, scan: ScanInput) -> ScanResult:
        """One scan (``CODE`` or ``12*CODE``), its own short transaction; unknown codes are recorded."""
        self.actor.require(Permission.COUNT_STOCK)
        quantity, code = rules.parse_scan(scan.text)
        entry = self._entry(
            code,
            quantity,
            "scan",
            device=scan.device,
            at=scan.scanned_at,
            client_seq=scan.client_seq,
            row_key=scans.live_key(scan.client_key),
        )

        def work(u: UnitOfWork) -> ScanResult:
            head = self._head(u, session_id)
            self._require_state(head, StocktakeAction.SCAN)
            if entry.row_key is not None:
                earlier = scans.replay(u.connection, head.id, entry.row_key, scan.client_seq)
                if earlier is not None:
                    return earlier
            target = scans.resolve(u.connection, head.kind, code)
            return scans.apply(u.connection, head, entry, target)

        return self._write(work)[0]

    def add_by_hand(
        self, session_id: int, target_id: int, quantity: Decimal = Decimal(1)
    ) -> ScanResult:
        """Count a customer or product picked by search (items without a barcode)."""
        self.actor.require(Permission.COUNT_STOCK)
        amount = rules.check_quantity(Decimal(quantity))

        def work(u: UnitOfWork) -> ScanResult:
            head = self._head(u, session_id)
            self._require_state(head, StocktakeAction.SCAN)
            target = scans.target_by_id(u.connection, head.kind, target_id)
            if target is None:
                raise DomainError(
                    "stocktake.target_not_found",
                    kind=views_kind(head.kind, self.lang),
                    id=target_id,
                )
            target = replace(target, pack=Decimal(1))
            return scans.apply(u.connection, head, self._entry(target.code, amount, "hand"), target)

        return self._write(work)[0]

    def undo_last_scan(self, session_id: int) -> ScanResult | None:
        """Take back this user's newest scan or hand entry; None when there is nothing to undo."""
        self.actor.require(Permission.COUNT_STOCK)

        def work(u: UnitOfWork) -> ScanResult | None:
            head = self._head(u, session_id)
            self._require_state(head, StocktakeAction.SCAN)
            return scans.undo_last(u.connection, head, self.actor.username)

        return self._write(work)[0]

    def correct_line(
        self, session_id: int, line_id: int, counted: Decimal, reason: str
    ) -> CountLineView:
        """Set a line's count with a reason (required), while counting or in review; audited."""
        self.actor.require(Permission.COUNT_STOCK)
        amount = rules.check_quantity(Decimal(counted))
        text = rules.check_reason(reason)

        def work(u: UnitOfWork) -> CountLineView:
            head = self._head(u, session_id)
            self._counting_or_review(head)
            old, new = scans.correct(
                u.connection, head, line_id, amount, text, self._entry("", amount, "correct")
            )
            u.record(
                [
                    AuditEntry(
                        "stocktake_line",
                        f"{session_id}/{line_id}",
                        "update",
                        {"counted": old},
                        {"counted": new, "reason": text},
                    )
                ]
            )
            return self._line(u, head, line_id)

        return self._write(work)[0]

    def _line(self, u: UnitOfWork, head: scans.Head, line_id: int) -> CountLineView:
        shown = rules.expected_visible(head.blind, head.status)
        found = views.lines(u.connection, head.id, head.kind, shown, [line_id])
        if not found:
            raise DomainError("stocktake.line_not_found", id=line_id, number=head.number)
        return found[0]

    def lines(self, session_id: int) -> tuple[CountLineView, ...]:
        """The session's lines by code; expected hidden while a blind count is running."""
        self.actor.require(Permission.COUNT_STOCK)

        def work(u: UnitOfWork) -> tuple[CountLineView, ...]:
            head = self._head(u, session_id, lock=False)
            shown = rules.expected_visible(head.blind, head.status)
            return views.lines(u.connection, session_id, head.kind, shown)

        return self._read(work)

    # ------------------------------------------------------------------ census

    def record_census(self, session_id: int, data: CensusInput) -> CountLineView:
        """Confirm or correct a found customer's phone, address and contact on the spot.

        The customer is saved through ``CustomerService.save`` (field rules, audit, conflict check);
        a duplicate warning is acknowledged with the stocktake as the reason. The customer counts as
        found and the line becomes 已核实 (``confirmed``).
        """
        self.actor.require(Permission.COUNT_STOCK)

        def check(u: UnitOfWork) -> scans.Head:
            head = self._head(u, session_id, lock=False)
            self._customers_only(head)
            self._counting_or_review(head)
            census.check_in_session(u.connection, head, data.customer_id)
            return head

        head = self._read(check)
        if not census.nothing_to_save(data):
            if self._customers is None:
                raise PermissionDenied(
                    "perm.denied", user=self.actor.username, action="customer.edit"
                )
            customers = self._customers()
            changed = census.draft(customers.get(data.customer_id), data)
            if changed is not None:
                customers.save(
                    changed,
                    ack={"duplicates"},
                    reason=render("stocktake.census_reason", self.lang, number=head.number),
                )

        def work(u: UnitOfWork) -> CountLineView:
            current = self._head(u, session_id)
            self._counting_or_review(current)
            entry = self._entry("", Decimal(1), "hand")
            line_id = census.confirm(u.connection, current, data.customer_id, entry)
            return self._line(u, current, line_id)

        return self._write(work)[0]

    def set_census_action(
        self, session_id: int, customer_id: int, action: CensusAction, note: str = ""
    ) -> CountLineView:
        """What posting does to a customer not found: keep, deactivate or investigate (with a note)."""
        self.actor.require(Permission.COUNT_STOCK)
        text = note.strip()
        if len(text) > NOTE_MAX:
            raise DomainError("stocktake.census_note_too_long", limit=NOTE_MAX)

        def work(u: UnitOfWork) -> CountLineView:
            head = self._head(u, session_id)
            self._customers_only(head)
            self._counting_or_review(head)
            line_id, old, new = census.decide(u.connection, head, customer_id, action, text)
            u.record(
                [
                    AuditEntry(
                        "stocktake_line",
                        f"{session_id}/{line_id}",
                        "update",
                        {"census_status": old},
                        {"census_status": new, "note": text},
                    )
                ]
            )
            return self._line(u, head, line_id)

        return self._write(work)[0]

    # ------------------------------------------------------------------ review and posting

    def review(self, session_id: int) -> ReviewView:
        """Expected against counted, differences, missing, unexpected and unknown codes (复核 onwards)."""
        self.actor.require(Permission.COUNT_STOCK)

        def work(u: UnitOfWork) -> ReviewView:
            view = views.session(u.connection, session_id)
            if not rules.expected_visible(view.blind, view.status):
                raise DomainError(
                    "stocktake.illegal_transition",
                    action="review",
                    status=view.status.value,
                )
            return views.review(u.connection, view)

        return self._read(work)

    def post(self, session_id: int, *, approver: str, approver_password: str) -> StocktakeView:
        """复核 → 已过账 with a manager's approval (name and password typed at this PC).

        Products: stock adjustments so the book equals the count (audited stock moves). Customers:
        verified date and census flags (audited), deactivations. Raises ``LoginFailed`` for a wrong
        password (counts toward the approver's lockout) and ``PermissionDenied`` when the approver may
        not post stocktakes.
        """
        self.actor.require(Permission.COUNT_STOCK)
        approved_by = self._verify_approver(approver, approver_password)

        def work(u: UnitOfWork) -> StocktakeView:
            row = self._load(u, session_id)
            new = rules.next_status(StocktakeStatus(row.status), StocktakeAction.POST)
            head = self._head(u, session_id)
            now, day = self.clock.utc(), self.clock.today()
            # The clerk posts (audit user, created_by); the approver is kept on the session.
            actor = self.actor.username
            if head.kind is StocktakeKind.PRODUCTS:
                posting.post_products(u, head, actor=actor, now=now, day=day)
            else:
                posting.post_customers(u, head, actor=actor, now=now, day=day, approver=approved_by)
            row.status = new.value
            row.approved_by = approved_by
            row.posted_at = now
            self._stamp(row, new=False)
            u.session.flush()
            return views.session(u.connection, session_id)

        return self._write(work)[0]

    def _verify_approver(self, username: str, password: str) -> str:
        """Check the approver's password (outside any transaction: argon2 is slow) and role."""
        if not username.strip() or not password:
            raise PermissionDenied("stocktake.approver_required")
        if self._auth is None:
            raise PermissionDenied("stocktake.approver_not_allowed", user=username)
        login = self._auth().login(username.strip(), password)
        who = Actor(username=login.username, roles=frozenset(Role(r) for r in login.roles))
        if not who.may(Permission.POST_STOCKTAKE):
            raise PermissionDenied("stocktake.approver_not_allowed", user=login.username)
        return str(login.username)


def views_kind(kind: StocktakeKind, lang: str) -> str:
    return render(f"stocktake.kind_{kind.value}", lang)
