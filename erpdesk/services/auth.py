"""Logging in: passwords (argon2id), lockout, TOTP, first-run set-up, recovery codes, idle-lock unlock.

``AuthService`` works before anyone is logged in (the login and set-up dialogs use it with no actor);
``Services.auth`` gives one bound to the current actor (for ``reauthenticate`` and own password changes).
Every success, failure, lock and unlock is audited; failed attempts are committed in their own
transaction. No password, code or secret is ever logged. argon2 runs outside any transaction, so a slow
hash never holds the SQLite write lock. ``enforce`` is the audited permission check every service calls.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from erpdesk.db import uow
from erpdesk.db.engine import Database
from erpdesk.db.models.user import CompanyProfile as CompanyProfileRow
from erpdesk.db.models.user import UserAccount, UserRole
from erpdesk.domain import passwords
from erpdesk.domain.passwords import PolicyCheck
from erpdesk.domain.permissions import Permission, Role
from erpdesk.services import auth_store as store
from erpdesk.services.auth_dto import (
    CompanyProfile,
    LoginFailed,
    LoginFailure,
    LoginFailureReason,
    LoginResult,
    LoginStep,
    SetupResult,
)
from erpdesk.services.context import Actor, Clock
from erpdesk.services.denials import record_denial
from erpdesk.services.errors import PermissionDenied, ValidationError

__all__ = ["AuthService", "enforce"]

TICKET_LIFETIME = timedelta(minutes=5)


def enforce(database: Database, actor: Actor, permission: Permission, *, clock: Clock) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` may do ``permission``; audit a refusal.

    The refusal is written to the audit log in its own committed transaction, so it survives the
    caller's rollback (through the actor's own recorder when ``Services`` bound one).
    """
    if actor.on_denied is None:
        actor = replace(
            actor,
            on_denied=lambda who, what: record_denial(database, who, what, clock=clock),
        )
    actor.require(permission)


@dataclass(frozen=True, slots=True)
class _Ticket:
    user_id: int
    stage: LoginStep
    totp_passed: bool
    expires_at: datetime


class AuthService:
    """Login, password change, TOTP check, first-run set-up and recovery for one database.

    Args:
        database: the open database.
        clock: the time source (tests pass a fake one to step over lock periods).
        actor: the logged-in user, if any (needed by ``reauthenticate``).
        hasher: argon2 parameters; the default is argon2-cffi's (t=3, m=64 MiB, p=4).
    """

    def __init__(
        self,
        database: Database,
        clock: Clock | None = None,
        actor: Actor | None = None,
        *,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.database = database
        self.clock = clock or Clock()
        self.actor = actor
        self.hasher = hasher or store.default_hasher()
        self._tickets: dict[str, _Ticket] = {}

    # ------------------------------------------------------------------------ helpers

    def now(self) -> datetime:
        """The service clock's current UTC time (for the dialog's "locked until" countdown)."""
        return self.clock.utc()

    def _run(self, actor_name: str, work: store.Work[store.T], *, write: bool) -> store.T:
        return uow.run(self.database, actor_name[:64], work, write=write, now=self.clock.utc)

    def _verify(self, stored_hash: str | None, password: str) -> bool:
        """argon2 verification; for unknown names a dummy hash with the same cost is verified."""
        target = stored_hash if stored_hash is not None else store.dummy_hash(self.hasher)
        try:
            self.hasher.verify(target, password)
        except (VerificationError, InvalidHashError):
            return False
        return stored_hash is not None

    def _failure(
        self, key: str, user: store.UserSnap | None, reason: LoginFailureReason, *, what: str
    ) -> LoginFailed:
        """Count a failed attempt (own committed transaction, audited) and build the error to raise."""
        state = self._run(
            user.username if user else store.UNKNOWN_ACTOR,
            lambda unit: store.record_failure(unit, key, user, self.now(), what=what),
            write=True,
        )
        if state.locked_until is not None:
            return store.locked_error(state.locked_until)
        msg_id = (
            "auth.wrong_code" if reason is LoginFailureReason.WRONG_CODE else "auth.bad_credentials"
        )
        return LoginFailed(
            LoginFailure(
                reason=reason,
                msg_id=msg_id,
                params=(("tries_left", state.tries_left),),
                tries_left=state.tries_left,
            )
        )

    def _refuse_if_locked(self, key: str, user: store.UserSnap | None) -> None:
        until = self._run(
            "login", lambda unit: store.locked_until(unit, key, self.now()), write=False
        )
        if until is None:
            return
        entry = store.event(user, "login_refused_locked", {"locked_until": until}, key)
        self._run(
            user.username if user else store.UNKNOWN_ACTOR,
            lambda unit: unit.record([entry]),
            write=True,
        )
        raise store.locked_error(until)

    def _password_step(self, username: str, password: str) -> tuple[str, store.UserSnap]:
        """Check name and password with lockout; return the throttle key and the user."""
        key = store.throttle_key(username)
        user = self._run("login", lambda unit: store.find_user(unit, username), write=False)
        self._refuse_if_locked(key, user)
        if not self._verify(user.password_hash if user else None, password) or user is None:
            raise self._failure(key, user, LoginFailureReason.BAD_CREDENTIALS, what="password")
        if not user.active:
            entry = store.event(user, "login_refused_disabled", {})
            self._run(user.username, lambda unit: unit.record([entry]), write=True)
            raise LoginFailed(
                LoginFailure(reason=LoginFailureReason.DISABLED, msg_id="auth.disabled")
            )
        if self.hasher.check_needs_rehash(user.password_hash):
            new_hash = self.hasher.hash(password)
            self._run(
                user.username,
                lambda unit: store.rehash(unit, user.id, user.password_hash, new_hash),
                write=True,
            )
        return key, user

    def _totp_ok(self, unit: uow.UnitOfWork, user_id: int, code: str) -> bool:
        return store.consume_totp(unit, user_id, code, self.now())

    def _issue(self, user: store.UserSnap, stage: LoginStep, *, totp_passed: bool) -> str:
        now = self.now()
        self._tickets = {t: v for t, v in self._tickets.items() if v.expires_at > now}
        token = secrets.token_urlsafe(24)
        self._tickets[token] = _Ticket(user.id, stage, totp_passed, now + TICKET_LIFETIME)
        return token

    def _ticket(self, token: str | None) -> _Ticket | None:
        if token is None:
            return None
        ticket = self._tickets.get(token)
        if ticket is None or ticket.expires_at <= self.now():
            self._tickets.pop(token, None)
            raise LoginFailed(
                LoginFailure(reason=LoginFailureReason.TICKET_EXPIRED, msg_id="auth.ticket_expired")
            )
        return ticket

    def _finish(self, key: str, user: store.UserSnap, *, totp_passed: bool) -> LoginResult:
        """The password (and code) are right: forced change, or done (counter reset, audited)."""
        policy = self._run("login", store.read_policy, write=False)
        expires_on = store.expiry_date(user, policy, self.clock)
        if user.must_change_password or (
            expires_on is not None and expires_on <= self.clock.today()
        ):
            ticket = self._issue(user, LoginStep.CHANGE_PASSWORD, totp_passed=totp_passed)
            return store.result(
                user, LoginStep.CHANGE_PASSWORD, policy, ticket=ticket, expires_on=expires_on
            )
        self._run(
            user.username,
            lambda unit: store.record_success(unit, key, user, self.now()),
            write=True,
        )
        return store.result(user, LoginStep.DONE, policy, expires_on=expires_on)

    # ------------------------------------------------------------------------ first run

    def needs_setup(self) -> bool:
        """True while the database has no users: the app shows the first-run set-up instead of login."""
        count = self._run(
            "setup",
            lambda unit: unit.session.scalar(select(func.count(UserAccount.id))),
            write=False,
        )
        return not count

    def first_run_setup(
        self,
        company: CompanyProfile,
        admin_username: str,
        admin_password: str,
        *,
        admin_display_name: str = "",
    ) -> SetupResult:
        """Record the company profile and create the first admin (already logged in, no forced change).

        Raises:
            ValidationError: a field is empty or the password breaks the policy (field names
                ``company_name``, ``username``, ``password``).
            DomainError('auth.already_set_up'): users exist already.

        Returns:
            The admin's login (step DONE) and 10 single-use recovery codes to show once.
        """
        if not self.needs_setup():
            raise store.already_set_up()
        problems: dict[str, tuple[str, dict[str, object]]] = {}
        if not company.name.strip():
            problems["company_name"] = ("user.company_name_required", {})
        name = admin_username.strip()
        name_problem = store.username_problem(name)
        if name_problem:
            problems["username"] = (name_problem, {})
        check = self.check_password(
            admin_password, username=name, company_name=company.name.strip()
        )
        if not check.ok:
            first = check.problems[0]
            problems["password"] = (first.msg_id, dict(first.params))
        if problems:
            raise ValidationError(problems)
        password_hash = self.hasher.hash(admin_password)
        codes = store.new_recovery_codes()
        now = self.now()

        def work(unit: uow.UnitOfWork) -> store.UserSnap:
            session = unit.session
            if session.scalar(select(func.count(UserAccount.id))):
                raise store.already_set_up()
            row = session.get(CompanyProfileRow, 1)
            if row is None:
                row = CompanyProfileRow(id=1)
                store.stamp(row, name, now, new=True)
                session.add(row)
            store.fill_company(row, company)
            store.ensure_policy_row(unit, name, now)
            user = UserAccount(
                username=name,
                username_key=store.name_key(name),
                display_name=admin_display_name.strip()[:100],
                password_hash=password_hash,
                password_changed_at=now,
                must_change_password=False,
                active=True,
                last_login_at=now,
            )
            store.stamp(user, name, now, new=True)
            user.roles = [UserRole(role=Role.ADMIN.value)]
            session.add(user)
            session.flush()
            store.replace_recovery_codes(unit, user, codes, now)
            unit.record([store.event_for(user.id, "setup", {"recovery_codes": len(codes)})])
            return store.snap(user)

        user = self._run(name, work, write=True)
        policy = self._run("setup", store.read_policy, write=False)
        return SetupResult(
            login=store.result(user, LoginStep.DONE, policy, codes_left=len(codes)),
            recovery_codes=codes,
            company=self._run("setup", store.read_company, write=False) or company,
        )

    # ---------------------------------------------------------------------------- login

    def login(self, username: str, password: str) -> LoginResult:
        """Check a user name and password.

        Returns:
            step DONE (use ``result.actor``), TOTP (ask for the code, then ``verify_totp``) or
            CHANGE_PASSWORD (first login or after an admin reset: ``change_password`` with the ticket).

        Raises:
            LoginFailed: unknown user or wrong password (same message, tries left), locked (until when),
                or disabled. Wrong tries are committed even though the call fails.
        """
        key, user = self._password_step(username, password)
        if user.totp_enrolled:
            policy = self._run("login", store.read_policy, write=False)
            ticket = self._issue(user, LoginStep.TOTP, totp_passed=False)
            return store.result(user, LoginStep.TOTP, policy, ticket=ticket)
        return self._finish(key, user, totp_passed=False)

    def verify_totp(self, ticket: str, code: str) -> LoginResult:
        """Second step of a login: the 6-digit code from the user's authenticator app.

        The current and the previous 30-second step are accepted; a code from a step already used is
        refused; wrong codes count toward the lockout.

        Raises:
            LoginFailed: wrong or reused code (WRONG_CODE, tries left), locked, or the ticket expired.
        """
        pending = self._ticket(ticket)
        assert pending is not None
        user = self._run("login", lambda unit: store.get_user(unit, pending.user_id), write=False)
        key = store.throttle_key(user.username)
        self._refuse_if_locked(key, user)
        ok = self._run(user.username, lambda unit: self._totp_ok(unit, user.id, code), write=True)
        if not ok:
            raise self._failure(key, user, LoginFailureReason.WRONG_CODE, what="totp")
        self._tickets.pop(ticket, None)
        return self._finish(key, user, totp_passed=True)

    def change_password(
        self,
        username: str,
        old_password: str,
        new_password: str,
        *,
        ticket: str | None = None,
    ) -> LoginResult:
        """Change a password: at a forced change (pass the CHANGE_PASSWORD ticket) or by the user.

        The old password is checked again (wrong counts toward lockout). A user with TOTP needs the
        ticket from a login that passed TOTP, or to be this service's actor.

        Raises:
            LoginFailed: old password wrong, locked, ticket expired.
            ValidationError: ``new_password`` breaks the policy, equals the old one, or (with expiry
                on) is one of the last 5.

        Returns:
            The login, now step DONE.
        """
        pending = self._ticket(ticket)
        key, user = self._password_step(username, old_password)
        if pending is not None and pending.user_id != user.id:
            raise LoginFailed(
                LoginFailure(reason=LoginFailureReason.TICKET_EXPIRED, msg_id="auth.ticket_expired")
            )
        is_actor = self.actor is not None and self.actor.user_id == user.id
        if user.totp_enrolled and not is_actor and not (pending and pending.totp_passed):
            raise LoginFailed(
                LoginFailure(reason=LoginFailureReason.WRONG_CODE, msg_id="auth.totp_needed")
            )
        self._set_password(user, old_password, new_password)
        if ticket is not None:
            self._tickets.pop(ticket, None)
        fresh = self._run("login", lambda unit: store.get_user(unit, user.id), write=False)
        return self._finish(key, fresh, totp_passed=True)

    def _set_password(self, user: store.UserSnap, old_password: str, new_password: str) -> None:
        check = self.check_password(new_password, username=user.username)
        if not check.ok:
            first = check.problems[0]
            raise ValidationError({"password": (first.msg_id, dict(first.params))})
        if new_password == old_password:
            raise ValidationError({"password": ("pw.same_as_old", {})})
        policy = self._run("login", store.read_policy, write=False)
        if policy.password.expiry_days is not None:
            history = self._run(
                "login", lambda unit: store.recent_hashes(unit, user.id), write=False
            )
            if any(self._verify(h, new_password) for h in history):
                raise ValidationError({"password": ("pw.reused", {})})
        new_hash = self.hasher.hash(new_password)
        self._run(
            user.username,
            lambda unit: store.set_password(unit, user.id, new_hash, self.now(), must_change=False),
            write=True,
        )

    def check_password(
        self, password: str, *, username: str = "", company_name: str | None = None
    ) -> PolicyCheck:
        """Check a candidate password against the policy while the user types (strength hint).

        ``company_name`` defaults to the stored company profile's name (pass it during set-up).
        """
        policy = self._run("login", store.read_policy, write=False)
        if company_name is None:
            profile = self._run("login", store.read_company, write=False)
            company_name = profile.name if profile else ""
        return passwords.check(
            password,
            policy.password,
            blocklist=store.blocklist(),
            username=username.strip(),
            company_name=company_name,
        )

    def recover_with_code(self, username: str, code: str, new_password: str) -> LoginResult:
        """An admin who forgot the password (or lost the TOTP device) uses a recovery code.

        The code is used up; the new password is set; a lock is lifted; TOTP stays enrolled.
        Works during a lock (that is what it is for). Wrong codes count as failed logins.

        Raises:
            LoginFailed: unknown user or wrong/used code (same message).
            ValidationError: ``new_password`` breaks the policy.

        Returns:
            The login, step DONE.
        """
        key = store.throttle_key(username)
        user = self._run("login", lambda unit: store.find_user(unit, username), write=False)
        check = self.check_password(new_password, username=username)
        if not check.ok:
            first = check.problems[0]
            raise ValidationError({"password": (first.msg_id, dict(first.params))})
        new_hash = self.hasher.hash(new_password)
        now = self.now()

        def work(unit: uow.UnitOfWork) -> bool:
            assert user is not None
            if not store.use_recovery_code(unit, user.id, code, now):
                return False
            store.set_password(unit, user.id, new_hash, now, must_change=False)
            store.clear_throttle(unit, key)
            unit.record(
                [store.event(user, "recovery_code_used", {}), store.event(user, "unlock", {})]
            )
            return True

        if user is None or not user.active or not self._run(user.username, work, write=True):
            raise self._failure(key, user, LoginFailureReason.WRONG_CODE, what="recovery_code")
        fresh = self._run("login", lambda unit: store.get_user(unit, user.id), write=False)
        return self._finish(key, fresh, totp_passed=True)

    def reauthenticate(self, password: str, totp_code: str | None = None) -> None:
        """Unlock the idle-lock screen (or confirm a sensitive action) as the current actor.

        Raises:
            LoginFailed: wrong password or code (counts toward lockout), locked, or TOTP needed
                (WRONG_CODE with ``totp_code`` None when the actor has TOTP enrolled).
        """
        actor = self.actor
        if actor is None or actor.user_id is None:
            raise PermissionDenied("perm.denied", user="-", action="reauthenticate")
        user = self._run(
            actor.username, lambda unit: store.get_user(unit, actor.user_id or 0), write=False
        )
        key, user = self._password_step(user.username, password)
        if user.totp_enrolled:
            if totp_code is None:
                raise LoginFailed(
                    LoginFailure(reason=LoginFailureReason.WRONG_CODE, msg_id="auth.totp_needed")
                )
            ok = self._run(
                user.username, lambda unit: self._totp_ok(unit, user.id, totp_code), write=True
            )
            if not ok:
                raise self._failure(key, user, LoginFailureReason.WRONG_CODE, what="totp")
        entry = store.event(user, "reauthenticated", {})

        def work(unit: uow.UnitOfWork) -> None:
            store.clear_throttle(unit, key)
            unit.record([entry])

        self._run(user.username, work, write=True)

    def idle_lock_minutes(self) -> int:
        """Minutes without input before the window locks (policy; default 15)."""
        return self._run("login", store.read_policy, write=False).idle_lock_minutes
