"""Customer codes against the database: which rule applies, proposing, allocating, reserving codes.

The serial comes from ``db.numbering.allocate`` inside the transaction that inserts the customer, so a
failed save gives it back and concurrent saves get consecutive codes. ``issued_code`` holds every code
ever issued (current, old, deleted customers'), so a code is never reissued; the allocator skips serials
whose code was typed by hand. Functions take the caller's connection and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from erpdesk.db import numbering
from erpdesk.db.models.customer import (
    CodeRule,
    Customer,
    CustomerCategory,
    CustomerCodeAlias,
    IssuedCode,
)
from erpdesk.domain import codes
from erpdesk.domain.errors import DomainError
from erpdesk.services.pinyin import initials

SCOPE = "customer"
DEFAULT_PATTERN = "KH{SEQ:5}"
DEFAULT_RESET = codes.CodeReset.NEVER


@dataclass(frozen=True, slots=True)
class RuleChoice:
    """The rule that applies to a new customer (``id`` None: the built-in default)."""

    id: int | None
    name: str
    pattern: str
    reset: codes.CodeReset

    @property
    def key(self) -> str:
        return str(self.id) if self.id is not None else "0"


def region_code(region: str) -> str:
    """{REGION}: the initials of the region's first part (``华东/上海`` → ``HD``)."""
    first = region.replace("／", "/").split("/")[0].strip()
    return initials(first) if first else ""


def category_code(conn: Connection, category_id: int | None) -> str:
    """{CAT}: the category's prefix, else its level code."""
    if category_id is None:
        return ""
    row = conn.execute(
        select(CustomerCategory.prefix, CustomerCategory.code).where(
            CustomerCategory.id == category_id
        )
    ).one_or_none()
    if row is None:
        return ""
    return str(row.prefix or row.code)


def rule_for(conn: Connection, category_id: int | None) -> RuleChoice:
    """The active rule of the category, else of its nearest ancestor, else the global one."""
    seen: set[int] = set()
    current = category_id
    while current is not None and current not in seen:
        seen.add(current)
        rule = conn.execute(
            select(CodeRule).where(CodeRule.category_id == current, CodeRule.active.is_(True))
        ).first()
        if rule is not None:
            r = rule
            return RuleChoice(r.id, r.name, r.pattern, codes.CodeReset(r.reset))
        current = conn.execute(
            select(CustomerCategory.parent_id).where(CustomerCategory.id == current)
        ).scalar_one_or_none()
    rule = conn.execute(
        select(CodeRule)
        .where(CodeRule.category_id.is_(None), CodeRule.active.is_(True))
        .order_by(CodeRule.id)
    ).first()
    if rule is not None:
        r = rule
        return RuleChoice(r.id, r.name, r.pattern, codes.CodeReset(r.reset))
    return RuleChoice(None, "", DEFAULT_PATTERN, DEFAULT_RESET)


def frame_for(
    conn: Connection, choice: RuleChoice, day: date, category_id: int | None, region: str
) -> codes.CodeFrame:
    return codes.frame(
        codes.parse_rule(choice.pattern),
        choice.reset,
        day,
        region=region_code(region),
        category=category_code(conn, category_id),
    )


def is_issued(conn: Connection, code: str) -> bool:
    """True when ``code`` was ever issued as a customer code."""
    return (
        conn.execute(
            select(IssuedCode.code).where(IssuedCode.scope == SCOPE, IssuedCode.code == code)
        ).first()
        is not None
    )


def owner_label(conn: Connection, code: str) -> str:
    """Who holds ``code`` now, for the ``code.taken`` message: ``KH00012 上海明达`` or the code."""
    row = conn.execute(select(Customer.code, Customer.name).where(Customer.code == code)).first()
    if row is None:
        row = conn.execute(
            select(Customer.code, Customer.name)
            .join(CustomerCodeAlias, CustomerCodeAlias.customer_id == Customer.id)
            .where(CustomerCodeAlias.code == code)
        ).first()
    return f"{row.code} {row.name}" if row is not None else code


def propose(
    conn: Connection, category_id: int | None, region: str, day: date
) -> tuple[str, RuleChoice, bool]:
    """The next code without taking it: (code, rule, near capacity)."""
    choice = rule_for(conn, category_id)
    rendered = frame_for(conn, choice, day, category_id, region)
    serial = numbering.peek(conn, rendered.series(choice.key), rendered.period)
    while is_issued(conn, rendered.code(serial)):
        serial += 1
    return rendered.code(serial), choice, rendered.near_capacity(serial)


def allocate(conn: Connection, category_id: int | None, region: str, day: date) -> tuple[str, bool]:
    """Take the next code of the applicable rule in the caller's transaction: (code, near capacity).

    Raises:
        DomainError: ``code.rule_full`` when the period's serials are used up.
    """
    choice = rule_for(conn, category_id)
    rendered = frame_for(conn, choice, day, category_id, region)
    serial = numbering.allocate(
        conn,
        rendered.series(choice.key),
        rendered.period,
        is_taken=lambda n: is_issued(conn, rendered.code(n)),
    )
    return rendered.code(serial), rendered.near_capacity(serial)


def reserve(conn: Connection, code: str, at: datetime) -> None:
    """Record ``code`` as issued; ``code.taken`` if it ever was.

    Raises:
        DomainError: ``code.taken`` naming the holder.
    """
    if is_issued(conn, code):
        raise DomainError("code.taken", code=code, owner=owner_label(conn, code))
    try:
        conn.execute(insert(IssuedCode).values(scope=SCOPE, code=code, issued_at=at))
    except IntegrityError:  # a concurrent save took it between the check and the insert
        raise DomainError("code.taken", code=code, owner=owner_label(conn, code)) from None
