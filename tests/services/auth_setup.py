"""Helpers for the auth and user tests: a clock the test moves, a cheap hasher, a set-up company."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile, LoginResult, LoginStep, SetupResult
from erpdesk.services.context import Actor, Clock
from erpdesk.services.users import UserService

# argon2id with the smallest cost: these tests are about rules, not cost (A4 is tested on the default).
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
ADMIN = "boss"
ADMIN_PASSWORD = "Adm1n-Secret!x"
COMPANY = CompanyProfile(
    name="上海华鑫贸易有限公司",
    address="上海市浦东新区世纪大道 100 号",
    tax_number="91310115MA1K4XXXXX",
    bank_name="中国工商银行上海分行",
    bank_account="1001 2345 6789 0123",
)


@dataclass
class FakeTime:
    """A clock the test advances by hand."""

    now: datetime = field(
        default_factory=lambda: datetime.fromisoformat("2025-05-03T01:30:00+00:00")
    )

    @property
    def clock(self) -> Clock:
        return Clock(now=lambda: self.now)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def auth(database: Database, time: FakeTime, actor: Actor | None = None) -> AuthService:
    return AuthService(database, time.clock, actor=actor, hasher=FAST)


def users(database: Database, time: FakeTime, actor: Actor) -> UserService:
    return UserService(database, actor, time.clock, hasher=FAST)


def set_up(database: Database, time: FakeTime) -> SetupResult:
    return auth(database, time).first_run_setup(COMPANY, ADMIN, ADMIN_PASSWORD)


def admin_actor(setup: SetupResult) -> Actor:
    return setup.login.actor


def add_user(
    database: Database, time: FakeTime, admin: Actor, name: str, *roles: Role, password: str
) -> LoginResult:
    """Add a user and log in once to replace the one-time password with ``password``."""
    temporary = users(database, time, admin).add(name, roles or (Role.CLERK,))
    service = auth(database, time)
    first = service.login(name, temporary.password)
    assert first.step is LoginStep.CHANGE_PASSWORD
    return service.change_password(name, temporary.password, password, ticket=first.ticket)


def audit_actions(database: Database) -> list[tuple[str, str, str]]:
    """(table, action, app_user) of every audit row, oldest first."""
    with database.engine.connect() as conn:
        rows = conn.execute(
            select(AuditLog.table_name, AuditLog.action, AuditLog.app_user).order_by(AuditLog.id)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def audit_text(database: Database) -> str:
    with database.engine.connect() as conn:
        rows = conn.execute(select(AuditLog.old, AuditLog.new, AuditLog.app_user)).all()
    return "\n".join(" ".join(str(part) for part in row) for row in rows)
