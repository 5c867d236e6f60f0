"""User administration: add, list, roles, reset, unlock, disable; security policy; company profile; TOTP.

Every method checks the actor's permission first (refusals are audited); changes are audited by the
unit of work. Admin-only methods need ``Permission.MANAGE_USERS`` (users, roles, policy) or
``Permission.MANAGE_SETTINGS`` (company profile). A user enrols their own TOTP without a permission.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from erpdesk.db import uow
from erpdesk.db.engine import Database
from erpdesk.db.models.user import CompanyProfile as CompanyProfileRow
from erpdesk.db.models.user import SecuritySetting, UserAccount, UserRole
from erpdesk.domain import passwords
from erpdesk.domain import receivables as receivable_rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission, Role
from erpdesk.services import auth_store as store
from erpdesk.services.auth import enforce
from erpdesk.services.auth_dto import (
    CompanyProfile,
    SecurityPolicy,
    TemporaryPassword,
    TotpEnrolment,
    UserDetail,
    UserRow,
)
from erpdesk.services.context import Actor, Clock
from erpdesk.services.errors import ConflictError, ValidationError

__all__ = ["UserService"]


class UserService:
    """User management for ``actor``.

    Args:
        database: the open database.
        actor: who is acting (permissions are checked against it).
        clock: the time source.
    """

    def __init__(
        self,
        database: Database,
        actor: Actor,
        clock: Clock | None = None,
        *,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.database = database
        self.actor = actor
        self.clock = clock or Clock()
        self.hasher = hasher or store.default_hasher()

    # --------------------------------------------------------------------------- helpers

    def _enforce(self, permission: Permission) -> None:
        enforce(self.database, self.actor, permission, clock=self.clock)

    def _run(self, work: store.Work[store.T], *, write: bool) -> store.T:
        return uow.run(self.database, self.actor.username, work, write=write, now=self.clock.utc)

    def _now(self) -> datetime:
        return self.clock.utc()

    @staticmethod
    def _find(unit: uow.UnitOfWork, username: str) -> UserAccount:
        user = store.user_row(unit, username)
        if user is None:
            raise DomainError("user.not_found", user=username.strip())
        return user

    def _row(self, unit: uow.UnitOfWork, user: UserAccount) -> UserRow:
        failed, until = store.throttle_state(unit, store.throttle_key(user.username), self._now())
        return UserRow(
            id=user.id,
            username=user.username,
            display_name=user.display_name,
            roles=store.roles_of(user),
            active=user.active,
            locked_until=until,
            failed_logins=failed,
            must_change_password=user.must_change_password,
            totp_enrolled=user.totp_secret is not None,
            last_login_at=user.last_login_at,
            version=user.version,
        )

    def _detail(self, unit: uow.UnitOfWork, user: UserAccount) -> UserDetail:
        unit.session.flush()
        row = self._row(unit, user)
        return UserDetail(
            id=row.id,
            username=row.username,
            display_name=row.display_name,
            roles=row.roles,
            active=row.active,
            locked_until=row.locked_until,
            failed_logins=row.failed_logins,
            must_change_password=row.must_change_password,
            totp_enrolled=row.totp_enrolled,
            last_login_at=row.last_login_at,
            password_changed_at=user.password_changed_at,
            recovery_codes_left=store.codes_left(unit, user.id),
            created_at=user.created_at,
            created_by=user.created_by,
            version=user.version,
        )

    @staticmethod
    def _roles(roles: Iterable[Role | str]) -> tuple[Role, ...]:
        parsed: set[Role] = set()
        for role in roles:
            try:
                parsed.add(Role(role))
            except ValueError:
                raise ValidationError(
                    {"roles": ("user.unknown_role", {"role": str(role)})}
                ) from None
        if not parsed:
            raise ValidationError({"roles": ("user.no_roles", {})})
        return tuple(sorted(parsed))

    @staticmethod
    def _other_active_admins(unit: uow.UnitOfWork, user_id: int) -> int:
        stmt = (
            select(UserAccount.id)
            .join(UserRole, UserRole.user_id == UserAccount.id)
            .where(
                UserRole.role == Role.ADMIN.value,
                UserAccount.active.is_(True),
                UserAccount.id != user_id,
            )
        )
        return len(unit.session.scalars(stmt).all())

    @staticmethod
    def _check_version(user: UserAccount, version: int | None) -> None:
        if version is not None and version != user.version:
            raise ConflictError()

    def _temporary(self, username: str) -> tuple[str, str]:
        """A fresh one-time password for ``username`` and its hash (computed outside a transaction)."""
        policy = self._run(store.read_policy, write=False)
        company = self._run(store.read_company, write=False)
        password = store.temporary_password(
            policy.password, username, company.name if company else ""
        )
        return password, self.hasher.hash(password)

    # ----------------------------------------------------------------------------- users

    def add(
        self, username: str, roles: Iterable[Role], *, display_name: str = ""
    ) -> TemporaryPassword:
        """Create a user with a one-time password they must change at first login.

        Raises:
            PermissionDenied: actor lacks MANAGE_USERS.
            ValidationError: name empty/too long/taken (field ``username``) or no role (``roles``).
        """
        self._enforce(Permission.MANAGE_USERS)
        name = username.strip()
        problem = store.username_problem(name)
        if problem:
            raise ValidationError({"username": (problem, {})})
        parsed = self._roles(roles)
        password, password_hash = self._temporary(name)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> None:
            if store.user_row(unit, name) is not None:
                raise ValidationError({"username": ("user.name_taken", {"user": name})})
            user = UserAccount(
                username=name,
                username_key=store.name_key(name),
                display_name=display_name.strip()[:100],
                password_hash=password_hash,
                password_changed_at=now,
                must_change_password=True,
                active=True,
            )
            store.stamp(user, self.actor.username, now, new=True)
            user.roles = [UserRole(role=r.value) for r in parsed]
            unit.session.add(user)

        self._run(work, write=True)
        return TemporaryPassword(username=name, password=password)

    def list(self, *, include_disabled: bool = True) -> tuple[UserRow, ...]:
        """All users ordered by name (MANAGE_USERS)."""
        self._enforce(Permission.MANAGE_USERS)

        def work(unit: uow.UnitOfWork) -> tuple[UserRow, ...]:
            stmt = select(UserAccount).order_by(UserAccount.username_key)
            if not include_disabled:
                stmt = stmt.where(UserAccount.active.is_(True))
            return tuple(self._row(unit, u) for u in unit.session.scalars(stmt).all())

        return self._run(work, write=False)

    def get(self, username: str) -> UserDetail:
        """One user (MANAGE_USERS, or the actor themself). Raises DomainError('user.not_found')."""
        if store.name_key(username) != store.name_key(self.actor.username):
            self._enforce(Permission.MANAGE_USERS)
        return self._run(lambda unit: self._detail(unit, self._find(unit, username)), write=False)

    def change_roles(
        self, username: str, roles: Iterable[Role], *, version: int | None = None
    ) -> UserDetail:
        """Replace a user's roles (audited). The last active admin keeps the admin role.

        ``version`` (from ``UserRow``/``UserDetail``) makes it refuse with ConflictError when someone
        changed the user meanwhile.
        """
        self._enforce(Permission.MANAGE_USERS)
        parsed = self._roles(roles)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> UserDetail:
            user = self._find(unit, username)
            self._check_version(user, version)
            current = {r.role for r in user.roles}
            wanted = {r.value for r in parsed}
            losing_admin = Role.ADMIN.value in current - wanted
            if losing_admin and user.active and not self._other_active_admins(unit, user.id):
                raise DomainError("user.last_admin")
            for link in [r for r in user.roles if r.role not in wanted]:
                user.roles.remove(link)
                # Explicit delete: the audit hook sees session.deleted, not delete-orphan cascades.
                unit.session.delete(link)
            for role in sorted(wanted - current):
                user.roles.append(UserRole(role=role))
            store.stamp(user, self.actor.username, now)
            flag_modified(
                user, "updated_at"
            )  # roles live in another table; the user's version moves
            return self._detail(unit, user)

        return self._run(work, write=True)

    def set_display_name(
        self, username: str, display_name: str, *, version: int | None = None
    ) -> UserDetail:
        """Change the name shown for a user (MANAGE_USERS)."""
        self._enforce(Permission.MANAGE_USERS)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> UserDetail:
            user = self._find(unit, username)
            self._check_version(user, version)
            user.display_name = display_name.strip()[:100]
            store.stamp(user, self.actor.username, now)
            return self._detail(unit, user)

        return self._run(work, write=True)

    def reset_password(self, username: str) -> TemporaryPassword:
        """Give a user a new one-time password (forced change at next login); lifts a lock too."""
        self._enforce(Permission.MANAGE_USERS)
        name = self._run(lambda unit: self._find(unit, username).username, write=False)
        password, password_hash = self._temporary(name)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> None:
            user = self._find(unit, name)
            store.set_password(unit, user.id, password_hash, now, must_change=True)
            store.clear_throttle(unit, store.throttle_key(user.username))
            unit.record([store.event_for(user.id, "password_reset", {"username": user.username})])

        self._run(work, write=True)
        return TemporaryPassword(username=name, password=password)

    def unlock(self, username: str) -> UserDetail:
        """Lift a lockout and clear the failure counter (audited)."""
        self._enforce(Permission.MANAGE_USERS)

        def work(unit: uow.UnitOfWork) -> UserDetail:
            user = self._find(unit, username)
            was_locked = store.clear_throttle(unit, store.throttle_key(user.username))
            unit.record(
                [
                    store.event_for(
                        user.id, "unlock", {"username": user.username, "was_locked": was_locked}
                    )
                ]
            )
            return self._detail(unit, user)

        return self._run(work, write=True)

    def disable(self, username: str) -> UserDetail:
        """Stop a user from logging in (never oneself, never the last active admin)."""
        return self._set_active(username, active=False)

    def enable(self, username: str) -> UserDetail:
        """Let a disabled user log in again."""
        return self._set_active(username, active=True)

    def _set_active(self, username: str, *, active: bool) -> UserDetail:
        self._enforce(Permission.MANAGE_USERS)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> UserDetail:
            user = self._find(unit, username)
            if not active:
                if user.id == self.actor.user_id or user.username_key == store.name_key(
                    self.actor.username
                ):
                    raise DomainError("user.not_yourself")
                admin = Role.ADMIN in store.roles_of(user)
                if admin and user.active and not self._other_active_admins(unit, user.id):
                    raise DomainError("user.last_admin")
            if user.active != active:
                user.active = active
                store.stamp(user, self.actor.username, now)
            return self._detail(unit, user)

        return self._run(work, write=True)

    def reset_totp(self, username: str) -> UserDetail:
        """Remove a user's TOTP enrolment (lost phone); they enrol again at next login if required."""
        self._enforce(Permission.MANAGE_USERS)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> UserDetail:
            user = self._find(unit, username)
            if user.totp_secret is not None:
                user.totp_secret = None
                user.totp_last_step = None
                store.stamp(user, self.actor.username, now)
            return self._detail(unit, user)

        return self._run(work, write=True)

    # ---------------------------------------------------------------------- own account

    def enrol_totp(self) -> TotpEnrolment:
        """Start TOTP enrolment for the actor: a fresh secret and its otpauth:// URI for a QR code."""
        name = self._own_name()
        secret = store.new_totp_secret()
        return TotpEnrolment(
            secret=secret,
            provisioning_uri=store.provisioning_uri(secret, name),
            issuer=store.TOTP_ISSUER,
            account_name=name,
        )

    def _own_name(self) -> str:
        def work(unit: uow.UnitOfWork) -> str:
            user = unit.session.get(UserAccount, self.actor.user_id) if self.actor.user_id else None
            if user is None:
                raise DomainError("user.not_found", user=self.actor.username)
            return user.username

        return self._run(work, write=False)

    def confirm_totp(self, secret: str, code: str) -> UserDetail:
        """Finish enrolment: store ``secret`` once ``code`` from the app matches it.

        Raises:
            DomainError('auth.wrong_code'): the code does not match (nothing stored).
        """
        self._own_name()
        now = self._now()
        step = store.totp_matches(secret, code, now, None) if store.valid_secret(secret) else None
        if step is None:
            raise DomainError("user.totp_code_wrong")

        def work(unit: uow.UnitOfWork) -> UserDetail:
            user = unit.session.get(UserAccount, self.actor.user_id)
            assert user is not None
            user.totp_secret = secret
            user.totp_last_step = step  # the code just typed cannot be replayed to log in
            store.stamp(user, self.actor.username, now)
            return self._detail(unit, user)

        return self._run(work, write=True)

    def regenerate_recovery_codes(self) -> tuple[str, ...]:
        """Replace the actor's recovery codes with 10 new ones (shown once)."""
        self._own_name()
        codes = store.new_recovery_codes()
        now = self._now()

        def work(unit: uow.UnitOfWork) -> None:
            user = unit.session.get(UserAccount, self.actor.user_id)
            assert user is not None
            store.replace_recovery_codes(unit, user, codes, now)
            unit.record([store.event_for(user.id, "recovery_codes_created", {"count": len(codes)})])

        self._run(work, write=True)
        return codes

    # ---------------------------------------------------------------- policy and company

    def get_policy(self) -> SecurityPolicy:
        """The security policy (anyone logged in may read it: the password dialogs need it)."""
        return self._run(store.read_policy, write=False)

    def set_policy(self, policy: SecurityPolicy) -> SecurityPolicy:
        """Change the security policy (MANAGE_USERS; audited).

        Raises:
            ValidationError: a value is out of range (fields ``min_length``, ``passphrase_length``,
                ``expiry_days``, ``idle_lock_minutes``).
            ConflictError: someone saved the policy since ``policy.version`` was read.
        """
        self._enforce(Permission.MANAGE_USERS)
        fields: dict[str, tuple[str, dict[str, object]]] = {}
        names = {
            "pw.policy_min_range": "min_length",
            "pw.policy_passphrase_range": "passphrase_length",
            "pw.policy_expiry_range": "expiry_days",
        }
        for problem in passwords.validate_policy(policy.password):
            fields[names[problem.msg_id]] = (problem.msg_id, dict(problem.params))
        lo, hi = store.IDLE_RANGE
        if not lo <= policy.idle_lock_minutes <= hi:
            fields["idle_lock_minutes"] = ("pw.policy_idle_range", {"lo": lo, "hi": hi})
        if fields:
            raise ValidationError(fields)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> SecurityPolicy:
            existed = unit.session.get(SecuritySetting, 1) is not None
            row = store.ensure_policy_row(unit, self.actor.username, now)
            if existed and policy.version != row.version:
                raise ConflictError()
            store.fill_policy(row, policy)
            store.stamp(row, self.actor.username, now)
            unit.session.flush()
            return store.read_policy(unit)

        return self._run(work, write=True)

    def get_company_profile(self) -> CompanyProfile | None:
        """The company profile (anyone logged in), or None before first-run set-up."""
        return self._run(store.read_company, write=False)

    def set_company_profile(self, profile: CompanyProfile) -> CompanyProfile:
        """Save the company profile (MANAGE_SETTINGS; audited; optimistic lock on ``version``)."""
        self._enforce(Permission.MANAGE_SETTINGS)
        _check_company(profile)
        now = self._now()

        def work(unit: uow.UnitOfWork) -> CompanyProfile:
            row = unit.session.get(CompanyProfileRow, 1)
            if row is None:
                row = CompanyProfileRow(id=1)
                store.stamp(row, self.actor.username, now, new=True)
                unit.session.add(row)
            elif profile.version != row.version:
                raise ConflictError()
            store.fill_company(row, profile)
            store.stamp(row, self.actor.username, now)
            unit.session.flush()
            result = store.read_company(unit)
            assert result is not None
            return result

        return self._run(work, write=True)


def _check_company(profile: CompanyProfile) -> None:
    """The profile's own rules: a name, a threshold in yuan and fen, sane days and aging buckets."""
    problems: dict[str, tuple[str, dict[str, object]]] = {}
    if not profile.name.strip():
        problems["name"] = ("user.company_name_required", {})
    threshold = profile.settlement_threshold
    if threshold < 0 or threshold != threshold.quantize(Decimal("0.01")):
        problems["settlement_threshold"] = ("user.company_bad_threshold", {"amount": threshold})
    if not 1 <= profile.statement_return_days <= 365:
        problems["statement_return_days"] = (
            "user.company_bad_return_days",
            {"days": profile.statement_return_days},
        )
    try:
        receivable_rules.check_bounds(profile.aging_buckets)
    except DomainError as exc:
        problems["aging_buckets"] = (exc.msg_id, dict(exc.params))
    if problems:
        raise ValidationError(problems)


# ------------------------------------------------------------------------------- demo

DEMO_COMPANY = CompanyProfile(
    name="示范商贸有限公司",
    address="上海市浦东新区张江路 88 号",
    tax_number="91310115DEMO00001X",
    bank_name="中国工商银行上海张江支行",
    bank_account="1001 2000 3000 4000 500",
    phone="021-5000 8888",
)
# Demo passwords (printed by ``erpdesk demo`` and in README); not forced to change in the demo.
DEMO_USERS: tuple[tuple[str, Role, str, str], ...] = (
    ("admin", Role.ADMIN, "系统管理员", "Demo#Boss2025"),
    ("clerk", Role.CLERK, "业务员 王芳", "Demo#Sales2025"),
    ("accountant", Role.ACCOUNTANT, "会计 李静", "Demo#Ledger2025"),
    ("manager", Role.MANAGER, "经理 张伟", "Demo#Chief2025"),
)


def demo_step(database: Database, _customers: int) -> list[str]:
    """Demo seeding: the company profile and one user per role with a known demo password."""
    hasher = store.default_hasher()
    hashes = {name: hasher.hash(password) for name, _role, _display, password in DEMO_USERS}
    clock = Clock()
    now = clock.utc()

    def work(unit: uow.UnitOfWork) -> list[str]:
        if unit.session.get(CompanyProfileRow, 1) is None:
            row = CompanyProfileRow(id=1)
            store.stamp(row, "demo", now, new=True)
            store.fill_company(row, DEMO_COMPANY)
            unit.session.add(row)
        store.ensure_policy_row(unit, "demo", now)
        lines = [
            "Demo users / 演示用户 (demo passwords: change them before real use / 正式使用前请修改):"
        ]
        for name, role, display, password in DEMO_USERS:
            if store.user_row(unit, name) is not None:
                continue
            user = UserAccount(
                username=name,
                username_key=store.name_key(name),
                display_name=display,
                password_hash=hashes[name],
                password_changed_at=now,
                must_change_password=False,
                active=True,
            )
            store.stamp(user, "demo", now, new=True)
            user.roles = [UserRole(role=role.value)]
            unit.session.add(user)
            label = (
                f"{render(f'role.{role.value}', 'en')} / {render(f'role.{role.value}', 'zh_CN')}"
            )
            lines.append(f"  {name:<11} {password:<16} {label}")
        return lines if len(lines) > 1 else []

    return uow.run(database, "demo", work, write=True, now=clock.utc)
