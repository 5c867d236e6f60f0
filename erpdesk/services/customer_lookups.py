"""Admin lists behind the customer form: the 客户分类 tree (level codes), 客户等级, code rules,
salespeople and regions in use.

Functions take an open unit of work and never commit; permissions are checked by ``CustomerService``.
The category level scheme (``2-3-3`` by default) is kept in ``app_meta`` under ``customer.category_scheme``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from erpdesk.db.models.customer import CodeRule, Customer, CustomerCategory, CustomerLevel
from erpdesk.db.models.system import AppMeta
from erpdesk.db.models.user import UserAccount
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import codes
from erpdesk.domain.errors import DomainError
from erpdesk.services import customer_codes
from erpdesk.services.customer_dto import (
    CategoryInput,
    CategoryNode,
    CodeRuleInput,
    CodeRuleView,
    LevelInput,
    LevelItem,
    Salesperson,
)
from erpdesk.services.errors import ConflictError

SCHEME_KEY = "customer.category_scheme"
DEFAULT_SCHEME = "2-3-3"


Lookup = TypeVar("Lookup", CustomerCategory, CustomerLevel, CodeRule)


def _upsert(
    session: Session,
    model: type[Lookup],
    row_id: int | None,
    version: int | None,
    missing: str,
    values: dict[str, Any],
    *,
    now: datetime,
    actor: str,
    on_create: dict[str, Any] | None = None,
) -> Lookup:
    """Add a new admin list row, or update ``row_id`` if it is still the version the admin saw."""
    if row_id is None:
        row = model(
            **values, **(on_create or {}),
            created_at=now, created_by=actor, updated_at=now, updated_by=actor,
        )  # fmt: skip
        session.add(row)
        return row
    found = session.get(model, row_id)
    if found is None:
        raise DomainError(missing)
    if version is not None and found.version != version:
        raise ConflictError("db.conflict")
    for key, value in values.items():
        setattr(found, key, value)
    found.updated_at, found.updated_by = now, actor
    return found


def category_scheme(conn: Connection) -> tuple[int, ...]:
    value = conn.execute(
        select(AppMeta.value).where(AppMeta.key == SCHEME_KEY)
    ).scalar_one_or_none()
    return codes.parse_level_scheme(value or DEFAULT_SCHEME)


def categories(conn: Connection) -> tuple[CategoryNode, ...]:
    widths = category_scheme(conn)
    out = []
    for r in conn.execute(select(CustomerCategory).order_by(CustomerCategory.code)).all():
        try:
            depth = codes.level_depth(r.code, widths)
        except DomainError:
            depth = 1
        out.append(
            CategoryNode(
                id=r.id,
                version=r.version,
                parent_id=r.parent_id,
                code=r.code,
                name=r.name,
                prefix=r.prefix or r.code,
                depth=depth,
                active=r.active,
            )
        )
    return tuple(out)


def _node(conn: Connection, category_id: int) -> CategoryNode:
    return next(n for n in categories(conn) if n.id == category_id)


def next_category_code(conn: Connection, parent_id: int | None) -> str:
    widths = category_scheme(conn)
    parent_code = ""
    if parent_id is not None:
        parent_code = (
            conn.execute(
                select(CustomerCategory.code).where(CustomerCategory.id == parent_id)
            ).scalar_one_or_none()
            or ""
        )
        if not parent_code:
            raise DomainError("customer.unknown_category")
    depth = codes.level_depth(parent_code, widths) + 1
    if depth > len(widths):
        raise DomainError("code.level_too_deep", depth=len(widths))
    stmt = select(CustomerCategory.code)
    stmt = (
        stmt.where(CustomerCategory.parent_id == parent_id)
        if parent_id is not None
        else stmt.where(CustomerCategory.parent_id.is_(None))
    )
    serials = [
        int(c[len(parent_code) :])
        for c in conn.execute(stmt).scalars()
        if c[len(parent_code) :].isdigit()
    ]
    return codes.level_code(parent_code, widths, max(serials, default=0) + 1)


def save_category(
    uow: UnitOfWork, item: CategoryInput, *, now: datetime, actor: str
) -> CategoryNode:
    session = uow.session
    name = item.name.strip()
    if not name:
        raise DomainError("customer.name_required")
    prefix = codes.normalise_code_text(item.prefix)
    on_create = None
    if item.id is None:
        on_create = {
            "parent_id": item.parent_id,
            "code": next_category_code(uow.connection, item.parent_id),
        }
    row = _upsert(
        session, CustomerCategory, item.id, item.version, "customer.unknown_category",
        {"name": name, "prefix": prefix, "active": item.active},
        now=now, actor=actor, on_create=on_create,
    )  # fmt: skip
    session.flush()
    return _node(uow.connection, row.id)


def levels(conn: Connection) -> tuple[LevelItem, ...]:
    return tuple(
        LevelItem(id=r.id, version=r.version, name=r.name, sort_order=r.sort_order, active=r.active)
        for r in conn.execute(
            select(CustomerLevel).order_by(CustomerLevel.sort_order, CustomerLevel.id)
        ).all()
    )


def save_level(uow: UnitOfWork, item: LevelInput, *, now: datetime, actor: str) -> LevelItem:
    session = uow.session
    name = item.name.strip()
    if not name:
        raise DomainError("customer.name_required")
    clash = session.scalar(select(CustomerLevel.id).where(CustomerLevel.name == name))
    if clash is not None and clash != item.id:
        raise DomainError("customer.level_taken", name=name)
    row = _upsert(
        session, CustomerLevel, item.id, item.version, "customer.unknown_level",
        {"name": name, "sort_order": item.sort_order, "active": item.active},
        now=now, actor=actor,
    )  # fmt: skip
    session.flush()
    return LevelItem(
        id=row.id, version=row.version, name=row.name, sort_order=row.sort_order, active=row.active
    )


def salespeople(conn: Connection) -> tuple[Salesperson, ...]:
    return tuple(
        Salesperson(id=r.id, name=r.display_name or r.username)
        for r in conn.execute(
            select(UserAccount.id, UserAccount.display_name, UserAccount.username)
            .where(UserAccount.active.is_(True))
            .order_by(UserAccount.username)
        )
    )


def regions(conn: Connection) -> tuple[str, ...]:
    return tuple(
        r
        for r in conn.execute(
            select(Customer.region)
            .where(Customer.region != "")
            .group_by(Customer.region)
            .order_by(Customer.region)
        ).scalars()
    )


def rule_view(conn: Connection, rule: Any, today: date) -> CodeRuleView:
    category = ""
    if rule.category_id is not None:
        category = (
            conn.execute(
                select(CustomerCategory.name).where(CustomerCategory.id == rule.category_id)
            ).scalar_one_or_none()
            or ""
        )
    choice = customer_codes.RuleChoice(
        rule.id, rule.name, rule.pattern, codes.CodeReset(rule.reset)
    )
    return CodeRuleView(
        id=rule.id,
        version=rule.version,
        name=rule.name,
        pattern=rule.pattern,
        reset=codes.CodeReset(rule.reset),
        category_id=rule.category_id,
        category=category,
        active=rule.active,
        preview=preview(conn, choice, rule.category_id, "", today),
    )


def preview(
    conn: Connection,
    choice: customer_codes.RuleChoice,
    category_id: int | None,
    region: str,
    day: date,
) -> tuple[str, ...]:
    from erpdesk.db import numbering

    rendered = customer_codes.frame_for(conn, choice, day, category_id, region)
    serial = numbering.peek(conn, rendered.series(choice.key), rendered.period)
    out: list[str] = []
    while len(out) < 3 and serial <= 10**rendered.width - 1:
        code = rendered.code(serial)
        if not customer_codes.is_issued(conn, code):
            out.append(code)
        serial += 1
    return tuple(out)


def code_rules(conn: Connection, today: date) -> tuple[CodeRuleView, ...]:
    return tuple(
        rule_view(conn, r, today)
        for r in conn.execute(
            select(CodeRule).order_by(CodeRule.category_id.is_not(None), CodeRule.id)
        )
    )


def save_code_rule(
    uow: UnitOfWork, item: CodeRuleInput, *, now: datetime, actor: str, today: date
) -> CodeRuleView:
    session = uow.session
    pattern = item.pattern.strip()
    codes.parse_rule(pattern)
    if item.category_id is not None and session.get(CustomerCategory, item.category_id) is None:
        raise DomainError("customer.unknown_category")
    clash = session.scalar(
        select(CodeRule.id).where(
            CodeRule.category_id.is_(None)
            if item.category_id is None
            else CodeRule.category_id == item.category_id
        )
    )
    if clash is not None and clash != item.id:
        if item.category_id is None:
            raise DomainError("customer.global_rule_exists")
        raise DomainError("customer.category_rule_exists")
    values = {
        "name": item.name.strip() or pattern,
        "pattern": pattern,
        "reset": item.reset.value,
        "category_id": item.category_id,
        "active": item.active,
    }
    row = _upsert(
        session, CodeRule, item.id, item.version, "customer.rule_not_found", values,
        now=now, actor=actor,
    )  # fmt: skip
    session.flush()
    return rule_view(uow.connection, row, today)


def count_customers(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(Customer)).scalar_one())
