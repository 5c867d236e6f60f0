"""``CustomerService``: the customer archive's use cases for one actor (issue 3).

Public surface for the list and form docks, the CLI and the importer. Each method opens its own unit of
work, checks the actor's permission, and returns frozen DTOs (``services.customer_dto``). The work is
split by concern: search (``customer_search``), codes and rules (``customer_codes``), field rules
(``customer_rules``), lookups (``customer_lookups``), history (``customer_history``) and writes
(``customer_writes``). This module holds no SQL of its own.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer, CustomerInteraction, CustomerRelationship
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import codes
from erpdesk.domain.codes import CodeReset
from erpdesk.domain.customers import default_short_name
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Permission
from erpdesk.services import (
    customer_codes,
    customer_lookups,
    customer_reads,
    customer_search,
    customer_writes,
)
from erpdesk.services.area import AreaService
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import (
    CategoryInput,
    CategoryNode,
    CodeProposal,
    CodeRuleInput,
    CodeRuleView,
    CommandDone,
    CustomerDetail,
    CustomerFilter,
    CustomerHit,
    CustomerInput,
    CustomerRow,
    CustomerSaved,
    CustomerSort,
    DuplicateMatch,
    FieldReport,
    HistoryEntry,
    InteractionInput,
    InteractionView,
    LevelInput,
    LevelItem,
    RelationshipInput,
    Salesperson,
)
from erpdesk.services.customer_rules import validate_fields
from erpdesk.services.errors import ConfirmRequired, ValidationError
from erpdesk.services.pinyin import mnemonic_for

__all__ = ["CustomerService"]

T = TypeVar("T")

NO_FILTER = CustomerFilter()
DEFAULT_SORT = CustomerSort()


class CustomerService(AreaService):
    """Customer archive use cases: search, read, save, codes, deactivate/restore/delete, lookups."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        clock: Clock | None = None,
        *,
        phone_region: str = "CN",
    ) -> None:
        super().__init__(database, actor, clock)
        self.phone_region = phone_region

    # ------------------------------------------------------------------ plumbing

    def _command(self, fn: Callable[[UnitOfWork], CommandDone]) -> CommandDone:
        done, changes = self._write(fn)
        return replace(done, changes=changes)

    def _detail(self, u: UnitOfWork, customer_id: int) -> CustomerDetail:
        return customer_reads.detail(
            u.connection,
            customer_id,
            viewer=self.actor.username,
            today=self.clock.today(),
            tz=self.clock.tz,
        )

    def _load(self, u: UnitOfWork, customer_id: int, version: int) -> Customer:
        return customer_writes.load_for_change(
            u,
            customer_id,
            version,
            actor=self.actor.username,
            today=self.clock.today(),
            tz=self.clock.tz,
        )

    def _set_status(
        self, customer_id: int, version: int, *, active: bool, reason: str
    ) -> CommandDone:
        self.actor.require(Permission.DEACTIVATE_CUSTOMER)

        def work(u: UnitOfWork) -> CommandDone:
            row = self._load(u, customer_id, version)
            customer_writes.set_status(
                u, row, active, reason, now=self.clock.utc(), actor=self.actor.username
            )
            return CommandDone(id=row.id, version=row.version, code=row.code)

        return self._command(work)

    # ------------------------------------------------------------------ list and search

    def search_ids(
        self,
        query: str = "",
        filter: CustomerFilter = NO_FILTER,
        sort: CustomerSort = DEFAULT_SORT,
    ) -> array[int]:
        """Ids of the customers matching ``query`` and ``filter``, sorted in SQL (column, then id).

        ``query`` matches 编码 and old codes and 助记码 by prefix, 名称/简称/contact names by
        substring (FTS5 trigram on SQLite, pg_trgm on PostgreSQL; under 3 characters a LIKE scan),
        phone and mobile digits by substring, 税号 exactly. Empty query: every customer the filter lets
        through. Needs VIEW_CUSTOMERS.
        """
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(
            lambda u: customer_search.search_ids(
                u.connection, query, filter, sort, self.clock.today()
            )
        )

    def first_page(
        self,
        query: str = "",
        filter: CustomerFilter = NO_FILTER,
        sort: CustomerSort = DEFAULT_SORT,
        limit: int = 200,
    ) -> tuple[CustomerRow, ...]:
        """The first ``limit`` rows of ``search_ids(query, filter, sort)``, in order, in a few ms.

        A list can paint these at once and swap in the full id list (a million ids take a few
        hundred ms to fetch) when ``search_ids`` returns. Needs VIEW_CUSTOMERS.
        """
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(
            lambda u: customer_search.first_page(
                u.connection, query, filter, sort, self.clock.today(), limit
            )
        )

    def rows(self, ids: Sequence[int]) -> dict[int, CustomerRow]:
        """Grid rows for ``ids`` (one query; unknown ids are simply missing). Needs VIEW_CUSTOMERS."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: customer_search.rows(u.connection, ids))

    def find(
        self, text: str, *, limit: int = 20, include_inactive: bool = True
    ) -> tuple[CustomerHit, ...]:
        """Best matches for a picker or ``erpdesk customer find``: exact code and old code first."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(
            lambda u: customer_search.find(u.connection, text, limit, include_inactive)
        )

    # ------------------------------------------------------------------ the form

    def get(self, customer_id: int) -> CustomerDetail:
        """The full record with contacts, relationships (both sides), old codes, interactions and
        history. Raises ``DomainError('customer.not_found')``."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: self._detail(u, customer_id))

    def get_by_code(self, code: str) -> CustomerDetail:
        """The customer whose current or old code is ``code`` (normalised as typed)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        wanted = codes.normalise_code_text(code)

        def work(u: UnitOfWork) -> CustomerDetail:
            found = customer_reads.id_by_code(u.connection, wanted)
            if found is None:
                raise DomainError("customer.not_found", code=wanted)
            return self._detail(u, found)

        return self._read(work)

    def history(self, customer_id: int) -> tuple[HistoryEntry, ...]:
        """Every change to the customer and its contacts, newest first, with code-change reasons."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: customer_reads.history(u.connection, customer_id))

    def new_draft(self, category_id: int | None = None, region: str = "") -> CustomerInput:
        """An empty input for a new customer with the proposed code filled in (``code_manual`` False)."""
        proposal = self.propose_code(category_id, region)
        return CustomerInput(code=proposal.code, category_id=category_id, region=region)

    def suggest_mnemonic(self, name: str, short_name: str = "") -> str:
        """Pinyin initials of 简称 (else 名称), phrase-aware (重庆 → CQ, 银行 → YH). No database."""
        return mnemonic_for(name, short_name or default_short_name(name))

    def check(self, draft: CustomerInput) -> FieldReport:
        """Field rules only (required, lengths, phones, e-mail, USCC, credit ≥ 0): for inline marks."""
        return validate_fields(draft, phone_region=self.phone_region)

    def find_duplicates(self, draft: CustomerInput) -> tuple[DuplicateMatch, ...]:
        """Existing customers (停用 included) with a similar name, the same phone, e-mail or tax number;
        the customer itself (``draft.id``) is left out."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(lambda u: customer_reads.duplicates(u.connection, draft))

    def save(
        self, draft: CustomerInput, *, ack: Iterable[str] = (), reason: str = ""
    ) -> CustomerSaved:
        """Create or update a customer with its contacts, in one transaction.

        Raises:
            ValidationError: field errors (``fields`` maps ``name``, ``contacts[0].mobile``… to messages).
            ConfirmRequired: key ``"duplicates"`` (params ``matches``: tuple of ``DuplicateMatch``,
                ``count``) unless ``"duplicates"`` is in ``ack``; then ``reason`` is required and logged.
            ConflictError: ``customer.changed_by_other`` with params ``fields`` (tuple of field names the
                other user changed), ``user`` (who), ``current`` (the ``CustomerDetail`` now stored).
            DomainError: ``code.taken`` for a manual code in use (current or old), ``code.rule_full``.
            PermissionDenied: CREATE_CUSTOMER / EDIT_CUSTOMER; CHANGE_CUSTOMER_CODE for a manual code.
        """
        self.actor.require(
            Permission.CREATE_CUSTOMER if draft.id is None else Permission.EDIT_CUSTOMER
        )
        if draft.id is None and draft.code_manual and draft.code.strip():
            self.actor.require(Permission.CHANGE_CUSTOMER_CODE)
        report = validate_fields(draft, phone_region=self.phone_region)
        if report.errors:
            raise ValidationError({i.field: (i.msg_id, i.params) for i in report.errors})
        acks = frozenset(ack)
        proposed = draft.code if draft.id is None and not draft.code_manual else ""

        def work(u: UnitOfWork) -> customer_writes.SaveOutcome:
            return customer_writes.save(
                u,
                draft,
                ack=acks,
                reason=reason,
                today=self.clock.today(),
                now=self.clock.utc(),
                actor=self.actor.username,
                tz=self.clock.tz,
            )

        outcome, changes = self._write(work)
        warnings = report.warnings + customer_writes.warnings_for(
            outcome.near_capacity, outcome.code
        )
        return CustomerSaved(
            id=outcome.id,
            code=outcome.code,
            version=outcome.version,
            proposed_code=proposed,
            proposal_differed=bool(proposed) and proposed != outcome.code,
            warnings=warnings,
            changes=changes,
        )

    def change_code(
        self, customer_id: int, version: int, new_code: str, reason: str
    ) -> CommandDone:
        """变更编码: ``new_code`` typed, or empty to take the next code of the rule; ``reason`` required.

        The old code becomes an alias (still found by search and ``get_by_code``, never reissued).
        Needs CHANGE_CUSTOMER_CODE.
        """
        self.actor.require(Permission.CHANGE_CUSTOMER_CODE)

        def work(u: UnitOfWork) -> CommandDone:
            row = self._load(u, customer_id, version)
            code = customer_writes.change_code(
                u,
                row,
                new_code,
                reason,
                today=self.clock.today(),
                now=self.clock.utc(),
                actor=self.actor.username,
            )
            customer_search.sync_fts(u.connection, [row.id])
            return CommandDone(id=row.id, version=row.version, code=code)

        return self._command(work)

    def deactivate(self, customer_id: int, version: int, reason: str) -> CommandDone:
        """停用 with a reason (required); hidden from default lists. Needs DEACTIVATE_CUSTOMER."""
        return self._set_status(customer_id, version, active=False, reason=reason)

    def restore(self, customer_id: int, version: int) -> CommandDone:
        """Re-activate a deactivated customer. Needs DEACTIVATE_CUSTOMER."""
        return self._set_status(customer_id, version, active=True, reason="")

    def delete(self, customer_id: int, version: int, *, ack: Iterable[str] = ()) -> CommandDone:
        """Delete a customer without history. ``ConfirmRequired('delete', …)`` unless acked;
        ``DomainError('customer.has_history')`` when it has any (deactivate instead).
        Its codes stay reserved forever. Needs DELETE_CUSTOMER."""
        self.actor.require(Permission.DELETE_CUSTOMER)
        acks = frozenset(ack)

        def work(u: UnitOfWork) -> CommandDone:
            row = self._load(u, customer_id, version)
            if customer_reads.has_history(u.connection, row.id):
                raise DomainError("customer.has_history", code=row.code)
            if "delete" not in acks:
                raise ConfirmRequired(
                    "delete", "customer.confirm_delete", code=row.code, name=row.name
                )
            code = row.code
            customer_writes.delete(u, row)
            return CommandDone(id=customer_id, code=code)

        return self._command(work)

    # ------------------------------------------------------------------ relationships, interactions

    def add_relationship(self, link: RelationshipInput) -> CommandDone:
        """Link two customers (parent/branch, upstream/downstream, partner, pays for)."""
        self.actor.require(Permission.EDIT_CUSTOMER)
        if link.from_id == link.to_id:
            raise DomainError("customer.relationship_self")

        def work(u: UnitOfWork) -> CommandDone:
            session = u.session
            for cid in (link.from_id, link.to_id):
                if session.get(Customer, cid) is None:
                    raise DomainError("customer.not_found", code=f"#{cid}")
            exists = session.scalar(
                select(CustomerRelationship.id).where(
                    CustomerRelationship.from_id == link.from_id,
                    CustomerRelationship.to_id == link.to_id,
                    CustomerRelationship.kind == link.kind.value,
                )
            )
            if exists is not None:
                raise DomainError("customer.relationship_exists")
            row = CustomerRelationship(
                from_id=link.from_id,
                to_id=link.to_id,
                kind=link.kind.value,
                note=link.note.strip()[:200],
                start_date=link.start_date,
                end_date=link.end_date,
                created_at=self.clock.utc(),
                created_by=self.actor.username,
            )
            session.add(row)
            session.flush()
            customer_writes.relationship_entry(u, row, "insert")
            return CommandDone(id=row.id)

        return self._command(work)

    def remove_relationship(self, relationship_id: int) -> CommandDone:
        """Remove a link (audited)."""
        self.actor.require(Permission.EDIT_CUSTOMER)

        def work(u: UnitOfWork) -> CommandDone:
            row = u.session.get(CustomerRelationship, relationship_id)
            if row is None:
                raise DomainError("customer.relationship_not_found")
            customer_writes.relationship_entry(u, row, "delete")
            u.session.delete(row)
            u.session.flush()
            return CommandDone(id=relationship_id)

        return self._command(work)

    def save_interaction(self, entry: InteractionInput) -> InteractionView:
        """Add a 跟进记录, or edit one (its author, on the day written); updates the follow-up date."""
        self.actor.require(Permission.EDIT_CUSTOMER)
        today = self.clock.today()

        def work(u: UnitOfWork) -> InteractionView:
            session = u.session
            if session.get(Customer, entry.customer_id) is None:
                raise DomainError("customer.not_found", code=f"#{entry.customer_id}")
            if entry.id is None:
                row = CustomerInteraction(
                    customer_id=entry.customer_id,
                    author=self.actor.username,
                    created_at=self.clock.utc(),
                )
                session.add(row)
            else:
                found = session.get(CustomerInteraction, entry.id)
                if found is None or found.customer_id != entry.customer_id:
                    raise DomainError("customer.interaction_not_found")
                written = found.created_at.astimezone(self.clock.tz).date()
                if found.author != self.actor.username or written != today:
                    raise DomainError("customer.interaction_locked")
                row = found
            row.on_date = entry.on or today
            row.kind = entry.kind.value
            row.contact_name = entry.contact_name.strip()[:50]
            row.note = entry.note.strip()
            row.next_step = entry.next_step.strip()[:200]
            row.follow_up_date = entry.follow_up_date
            session.flush()
            customer_writes.refresh_follow_up(u, entry.customer_id, today)
            views = customer_reads.interaction_views(
                u.connection, entry.customer_id, self.actor.username, today, self.clock.tz
            )
            return next(v for v in views if v.id == row.id)

        return self._write(work)[0]

    def interactions(self, customer_id: int) -> tuple[InteractionView, ...]:
        """The customer's 跟进记录, newest first."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        return self._read(
            lambda u: customer_reads.interaction_views(
                u.connection, customer_id, self.actor.username, self.clock.today(), self.clock.tz
            )
        )

    # ------------------------------------------------------------------ codes

    def propose_code(self, category_id: int | None = None, region: str = "") -> CodeProposal:
        """The code a new customer would get now (a preview; nothing is reserved)."""

        def work(u: UnitOfWork) -> CodeProposal:
            code, choice, near = customer_codes.propose(
                u.connection, category_id, region, self.clock.today()
            )
            return CodeProposal(
                code=code, rule_id=choice.id, pattern=choice.pattern, near_capacity=near
            )

        return self._read(work)

    def code_rules(self) -> tuple[CodeRuleView, ...]:
        """Every code rule with a preview of its next three codes."""
        return self._read(lambda u: customer_lookups.code_rules(u.connection, self.clock.today()))

    def save_code_rule(self, rule: CodeRuleInput) -> CodeRuleView:
        """Create or edit a rule (global when ``category_id`` is None). Needs MANAGE_SETTINGS."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        return self._write(
            lambda u: customer_lookups.save_code_rule(
                u, rule, now=self.clock.utc(), actor=self.actor.username, today=self.clock.today()
            )
        )[0]

    def preview_rule(
        self, pattern: str, reset: CodeReset, category_id: int | None = None, region: str = ""
    ) -> tuple[str, ...]:
        """The next three codes ``pattern`` would give today (validates the pattern)."""
        choice = customer_codes.RuleChoice(None, "", pattern, reset)
        codes.parse_rule(pattern)
        return self._read(
            lambda u: customer_lookups.preview(
                u.connection, choice, category_id, region, self.clock.today()
            )
        )

    def is_code_free(self, code: str) -> bool:
        """True when ``code`` (normalised) was never issued, as a current or an old code."""
        try:
            wanted = codes.normalise_manual_code(code)
        except DomainError:
            return False
        return not self._read(lambda u: customer_codes.is_issued(u.connection, wanted))

    # ------------------------------------------------------------------ lookups

    def categories(self) -> tuple[CategoryNode, ...]:
        """The 客户分类 tree in code order (parents before children)."""
        return self._read(lambda u: customer_lookups.categories(u.connection))

    def save_category(self, category: CategoryInput) -> CategoryNode:
        """Add or rename a category; a new one gets the next level code under its parent."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        return self._write(
            lambda u: customer_lookups.save_category(
                u, category, now=self.clock.utc(), actor=self.actor.username
            )
        )[0]

    def levels(self) -> tuple[LevelItem, ...]:
        """The 客户等级 list in its sort order."""
        return self._read(lambda u: customer_lookups.levels(u.connection))

    def save_level(self, level: LevelInput) -> LevelItem:
        """Add or edit a level."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        return self._write(
            lambda u: customer_lookups.save_level(
                u, level, now=self.clock.utc(), actor=self.actor.username
            )
        )[0]

    def salespeople(self) -> tuple[Salesperson, ...]:
        """Active users who may be a customer's 业务员."""
        return self._read(lambda u: customer_lookups.salespeople(u.connection))

    def regions(self) -> tuple[str, ...]:
        """Regions in use, for the filter box."""
        return self._read(lambda u: customer_lookups.regions(u.connection))
