"""Data the customer service hands out and takes in: frozen DTOs, never ORM rows.

``CustomerRow`` feeds grids (one per id from ``rows``), ``CustomerDetail`` the form, ``CustomerInput``
comes back from the form (or the Excel importer) on save. Command results carry ``changes`` (table → ids)
for ``ui.jobs.run_command``. This module holds no logic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from erpdesk.domain.codes import CodeReset
from erpdesk.domain.customers import (
    CustomerStatus,
    CustomerType,
    InteractionKind,
    RelationKind,
    RelationRole,
)
from erpdesk.services.dto import Changes

"""Table name → primary keys (as text) a command touched; published by ``ui.jobs.run_command``."""


class CustomerSortKey(StrEnum):
    """Columns the list may be sorted by (always ``ORDER BY <column>, id`` in SQL)."""

    CODE = "code"
    NAME = "name"
    SHORT_NAME = "short_name"
    MNEMONIC = "mnemonic"
    REGION = "region"
    CREDIT_LIMIT = "credit_limit"
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    NEXT_FOLLOW_UP = "next_follow_up"


class StatusFilter(StrEnum):
    """Which customers a list shows; deactivated ones are hidden by default."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    ALL = "all"


# ------------------------------------------------------------------------------ list / search


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerFilter:
    """List filters; ``None`` means "any". ``category_id`` includes its sub-categories."""

    category_id: int | None = None
    level_id: int | None = None
    region: str | None = None
    salesperson_id: int | None = None
    customer_type: CustomerType | None = None
    status: StatusFilter = StatusFilter.ACTIVE
    follow_ups_due: bool = False  # next follow-up date on or before today


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerSort:
    """Sort order of ``search_ids``; ties are broken by id."""

    key: CustomerSortKey = CustomerSortKey.CODE
    descending: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerRow:
    """One grid row; ``active`` False greys the row out."""

    id: int
    code: str
    name: str
    short_name: str
    mnemonic: str
    customer_type: CustomerType
    category: str  # category name, "" when none
    level: str  # level name, "" when none
    region: str
    salesperson: str  # display name, "" when none
    contact: str  # primary contact's name
    mobile: str  # primary contact's mobile (else phone)
    phone: str
    tax_number: str
    credit_limit: Decimal
    payment_terms_days: int
    next_follow_up: date | None
    active: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerHit:
    """A picker / CLI search result: which field matched (``old_code`` shows 旧编码 → current)."""

    id: int
    code: str
    name: str
    short_name: str
    active: bool
    matched: str  # "code", "old_code", "mnemonic", "name", "contact", "phone", "tax_number"
    matched_text: str  # e.g. the old code that matched


# ------------------------------------------------------------------------------ the form


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactDetail:
    id: int
    name: str
    position: str
    phone: str
    mobile: str
    email: str
    im: str  # QQ / WeChat
    notes: str
    is_primary: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class OldCode:
    """A code the customer had before a 变更编码; stays searchable and is never reissued."""

    code: str
    reason: str
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationshipView:
    """A relationship as seen from one customer: ``role`` is what the *other* customer is to it."""

    id: int
    kind: RelationKind
    role: RelationRole
    other_id: int
    other_code: str
    other_name: str
    other_active: bool
    note: str
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionView:
    """A 跟进记录; ``editable`` when the viewer wrote it today."""

    id: int
    customer_id: int
    on: date
    kind: InteractionKind
    contact_name: str
    note: str
    next_step: str
    follow_up_date: date | None
    author: str
    created_at: datetime
    editable: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    """One line of the History tab: who, when, what, old → new, and a reason where one was given.

    ``entity`` is ``customer``, ``contact``, ``code``, ``relationship``, ``interaction`` or
    ``duplicate_ack``; ``action`` is ``insert``/``update``/``delete``/``change_code``/``deactivate``/
    ``restore``/``save_anyway``; ``label`` names the contact for contact rows.
    """

    at: datetime
    user: str
    entity: str
    action: str
    field: str
    old: str
    new: str
    reason: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerDetail:
    """Everything the form shows; ``version`` goes back in ``CustomerInput`` for optimistic locking."""

    id: int
    version: int
    code: str
    name: str
    short_name: str
    mnemonic: str
    mnemonic_manual: bool
    customer_type: CustomerType
    category_id: int | None
    category: str
    level_id: int | None
    level: str
    region: str
    industry: str
    company_size: str
    source: str
    province: str
    city: str
    district: str
    address: str
    postcode: str
    phone: str
    email: str
    website: str
    tax_number: str
    bank_name: str
    bank_account: str
    invoice_title: str
    invoice_address_phone: str
    credit_limit: Decimal
    payment_terms_days: int
    settlement_method: str
    salesperson_id: int | None
    salesperson: str
    notes: str
    status: CustomerStatus
    deactivated_at: datetime | None
    deactivation_reason: str
    next_follow_up: date | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    has_history: bool  # documents or interactions exist: delete is refused, deactivate instead
    contacts: tuple[ContactDetail, ...] = ()
    relationships: tuple[RelationshipView, ...] = ()
    old_codes: tuple[OldCode, ...] = ()
    interactions: tuple[InteractionView, ...] = ()
    history: tuple[HistoryEntry, ...] = ()

    @property
    def active(self) -> bool:
        return self.status is CustomerStatus.ACTIVE


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactInput:
    """A contact row as edited; ``id`` None adds one, a known id updates it, a missing id removes it."""

    id: int | None = None
    name: str = ""
    position: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    im: str = ""
    notes: str = ""
    is_primary: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerInput:
    """What the form (or an import row) saves.

    New customer: ``id``/``version`` None. ``code`` empty or ``code_manual`` False → the code is allocated
    from the category's rule on save (it may differ from the proposal; ``CustomerSaved`` says so).
    ``code_manual`` True → the typed code is normalised and checked (needs CHANGE_CUSTOMER_CODE).
    Existing customer: ``code`` is ignored; use ``change_code``. ``short_name``/``mnemonic`` empty →
    derived from the name; ``mnemonic_manual`` keeps a hand-typed mnemonic across renames.
    """

    id: int | None = None
    version: int | None = None
    code: str = ""
    code_manual: bool = False
    name: str = ""
    short_name: str = ""
    mnemonic: str = ""
    mnemonic_manual: bool = False
    customer_type: CustomerType = CustomerType.COMPANY
    category_id: int | None = None
    level_id: int | None = None
    region: str = ""
    industry: str = ""
    company_size: str = ""
    source: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    tax_number: str = ""
    bank_name: str = ""
    bank_account: str = ""
    invoice_title: str = ""
    invoice_address_phone: str = ""
    credit_limit: Decimal = Decimal("0")
    payment_terms_days: int = 0
    settlement_method: str = ""
    salesperson_id: int | None = None
    notes: str = ""
    contacts: tuple[ContactInput, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldIssue:
    """A field-level message: ``field`` is a CustomerInput attribute, or ``contacts[i].mobile``."""

    field: str
    msg_id: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldReport:
    """Result of the field rules: errors block a save, warnings (e.g. the USCC check) never do."""

    errors: tuple[FieldIssue, ...] = ()
    warnings: tuple[FieldIssue, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateMatch:
    """An existing customer that looks like the one being saved, and why (strongest signal first)."""

    customer_id: int
    code: str
    name: str
    active: bool
    signals: tuple[str, ...]  # "tax_number", "phone", "email", "name"
    detail: str = ""  # e.g. the phone or tax number that matched


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerSaved:
    """Result of ``save``: the code actually given (``proposal_differed`` if another clerk took the
    proposed one), warnings that did not block, and what changed."""

    id: int
    code: str
    version: int
    proposed_code: str = ""
    proposal_differed: bool = False
    warnings: tuple[FieldIssue, ...] = ()
    changes: Changes = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandDone:
    """Result of a smaller command (deactivate, restore, change_code, delete…)."""

    id: int
    version: int = 0
    code: str = ""
    changes: Changes = dataclasses.field(default_factory=dict)


# ------------------------------------------------------------------------------ codes


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeProposal:
    """The code the form shows when it opens (not reserved); ``near_capacity`` warns the admin."""

    code: str
    rule_id: int | None
    pattern: str
    near_capacity: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeRuleView:
    """A code rule (``category_id`` None = the global rule) with a preview of the next three codes."""

    id: int
    version: int
    name: str
    pattern: str
    reset: CodeReset
    category_id: int | None
    category: str
    active: bool
    preview: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeRuleInput:
    id: int | None = None
    version: int | None = None
    name: str = ""
    pattern: str = "KH{SEQ:5}"
    reset: CodeReset = CodeReset.NEVER
    category_id: int | None = None
    active: bool = True


# ------------------------------------------------------------------------------ lookups


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryNode:
    """A node of the 客户分类 tree; ``code`` is its level code (01, 01001…), ``prefix`` feeds {CAT}."""

    id: int
    version: int
    parent_id: int | None
    code: str
    name: str
    prefix: str
    depth: int
    active: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryInput:
    id: int | None = None
    version: int | None = None
    parent_id: int | None = None
    name: str = ""
    prefix: str = ""  # empty → the level code
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelItem:
    """An entry of the 客户等级 list."""

    id: int
    version: int
    name: str
    sort_order: int
    active: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelInput:
    id: int | None = None
    version: int | None = None
    name: str = ""
    sort_order: int = 0
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Salesperson:
    id: int
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionInput:
    """A 跟进记录 to add (``id`` None) or edit (its author, the same day)."""

    id: int | None = None
    customer_id: int = 0
    on: date | None = None  # None → today
    kind: InteractionKind = InteractionKind.CALL
    contact_name: str = ""
    note: str = ""
    next_step: str = ""
    follow_up_date: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationshipInput:
    from_id: int
    to_id: int
    kind: RelationKind
    note: str = ""
    start_date: date | None = None
    end_date: date | None = None
