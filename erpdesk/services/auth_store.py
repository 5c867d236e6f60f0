"""Storage side of login and user administration, shared by ``services.auth`` and ``services.users``.

Functions here run inside a caller's unit of work and never hash (argon2 runs outside transactions, in
the services). They own the lockout arithmetic, TOTP step bookkeeping, recovery codes, password history,
the policy and company rows, and the explicit audit events (never with a password, code or secret).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import pyotp
from argon2 import PasswordHasher
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from erpdesk.db import uow
from erpdesk.db.audit import AuditEntry
from erpdesk.db.models.user import CompanyProfile as CompanyProfileRow
from erpdesk.db.models.user import (
    LoginThrottle,
    PasswordHistory,
    RecoveryCode,
    SecuritySetting,
    UserAccount,
)
from erpdesk.domain import passwords
from erpdesk.domain import receivables as receivable_rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.passwords import PasswordPolicy
from erpdesk.domain.permissions import Role
from erpdesk.paths import resources_dir
from erpdesk.services.auth_dto import (
    CompanyProfile,
    LoginFailed,
    LoginFailure,
    LoginFailureReason,
    LoginResult,
    LoginStep,
    SecurityPolicy,
)
from erpdesk.services.context import COMPANY_TZ, Clock

T = TypeVar("T")
Work = Callable[[uow.UnitOfWork], T]

MAX_FAILURES = 5
BASE_LOCK = timedelta(minutes=15)
MAX_LOCK = timedelta(hours=24)
HOURLY_CAP = 100
RECOVERY_CODES = 10
UNKNOWN_ACTOR = "(unknown)"
IDLE_RANGE = (5, 60)
TOTP_ISSUER = "ERPDesk"
_CODE_SALT = b"erpdesk-recovery\x00"


# ----------------------------------------------------------------------------- hashing


@functools.cache
def default_hasher() -> PasswordHasher:
    """argon2id with argon2-cffi's defaults: t=3, m=64 MiB, p=4, 16-byte salt, 32-byte hash."""
    return PasswordHasher()


_DUMMY: dict[tuple[int, int, int], str] = {}


def dummy_hash(hasher: PasswordHasher) -> str:
    """A hash of a random password with ``hasher``'s cost, verified for unknown names (same timing)."""
    params = (hasher.time_cost, hasher.memory_cost, hasher.parallelism)
    if params not in _DUMMY:
        _DUMMY[params] = hasher.hash(secrets.token_urlsafe(24))
    return _DUMMY[params]


@functools.cache
def blocklist() -> frozenset[str]:
    """The bundled common-password list, case-folded (read once per process)."""
    return passwords.load_blocklist(resources_dir() / "passwords" / "common.txt")


# ------------------------------------------------------------------------------- names


def name_key(name: str) -> str:
    """The unique form of a user name: trimmed and case-folded."""
    return name.strip().casefold()


def throttle_key(name: str) -> str:
    """Lockout key of an entered name; hashed so a password typed into the name field is not stored."""
    return hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()


def username_problem(name: str) -> str | None:
    """Message id of what is wrong with a (trimmed) user name, or None."""
    if not name or len(name) > 64 or len(name_key(name)) > 64 or name != name.strip():
        return "user.name_invalid"
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in name):
        return "user.name_invalid"
    return None


# ------------------------------------------------------------------------------- users


@dataclass(frozen=True, slots=True)
class UserSnap:
    """What login needs of a user, read inside a unit of work (the hash never leaves the services)."""

    id: int
    username: str
    display_name: str
    password_hash: str
    roles: tuple[Role, ...]
    active: bool
    must_change_password: bool
    totp_enrolled: bool
    password_changed_at: datetime | None
    codes_left: int


def roles_of(user: UserAccount) -> tuple[Role, ...]:
    valid = {r.value for r in Role}
    return tuple(sorted(Role(r.role) for r in user.roles if r.role in valid))


def codes_left(unit: uow.UnitOfWork, user_id: int) -> int:
    stmt = select(func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None)
    )
    return int(unit.session.scalar(stmt) or 0)


def snap(user: UserAccount, codes: int = 0) -> UserSnap:
    return UserSnap(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        password_hash=user.password_hash,
        roles=roles_of(user),
        active=user.active,
        must_change_password=user.must_change_password,
        totp_enrolled=user.totp_secret is not None,
        password_changed_at=user.password_changed_at,
        codes_left=codes,
    )


def user_row(unit: uow.UnitOfWork, username: str) -> UserAccount | None:
    stmt = select(UserAccount).where(UserAccount.username_key == name_key(username))
    return unit.session.scalars(stmt).one_or_none()


def find_user(unit: uow.UnitOfWork, username: str) -> UserSnap | None:
    user = user_row(unit, username)
    return snap(user, codes_left(unit, user.id)) if user else None


def get_user(unit: uow.UnitOfWork, user_id: int) -> UserSnap:
    user = unit.session.get(UserAccount, user_id)
    if user is None:
        raise DomainError("user.not_found", user=str(user_id))
    return snap(user, codes_left(unit, user.id))


def stamp(obj: Any, actor: str, now: datetime, *, new: bool = False) -> None:
    """Fill the ``Editable`` who/when columns."""
    if new:
        obj.created_at = now
        obj.created_by = actor[:64]
    obj.updated_at = now
    obj.updated_by = actor[:64]


def already_set_up() -> DomainError:
    return DomainError("auth.already_set_up")


# ---------------------------------------------------------------------------- audit


def event_for(user_id: int | None, action: str, data: dict[str, Any]) -> AuditEntry:
    return AuditEntry("user_account", "" if user_id is None else str(user_id), action, None, data)


def event(user: UserSnap | None, action: str, data: dict[str, Any], key: str = "") -> AuditEntry:
    """An audit event about a login; unknown names appear only as a short hash of the name."""
    if user is None:
        return event_for(None, action, {"name_hash": key[:16], **data})
    return event_for(user.id, action, {"username": user.username, **data})


# ---------------------------------------------------------------------------- lockout


@dataclass(frozen=True, slots=True)
class FailureState:
    tries_left: int
    locked_until: datetime | None


def _throttle_row(unit: uow.UnitOfWork, key: str) -> LoginThrottle:
    """The key's counter row, created if missing, locked for this transaction on PostgreSQL."""
    pg = unit.database.dialect == "postgresql"
    insert = pg_insert if pg else sqlite_insert
    unit.session.execute(
        insert(LoginThrottle)
        .values(name_key=key, failed_logins=0, lock_count=0, window_failures=0)
        .on_conflict_do_nothing()
    )
    stmt = select(LoginThrottle).where(LoginThrottle.name_key == key)
    if pg:
        stmt = stmt.with_for_update()
    return unit.session.scalars(stmt.execution_options(populate_existing=True)).one()


def locked_until(unit: uow.UnitOfWork, key: str, now: datetime) -> datetime | None:
    row = unit.session.get(LoginThrottle, key)
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return row.locked_until


def throttle_state(unit: uow.UnitOfWork, key: str, now: datetime) -> tuple[int, datetime | None]:
    """Failures so far and the lock end (None when not locked now), for the admin's list."""
    row = unit.session.get(LoginThrottle, key)
    if row is None:
        return 0, None
    until = row.locked_until if row.locked_until is not None and row.locked_until > now else None
    return row.failed_logins, until


def record_failure(
    unit: uow.UnitOfWork, key: str, user: UserSnap | None, now: datetime, *, what: str
) -> FailureState:
    """Count one failure: 5 in a row lock for 15 min, doubling per further lock; 100 an hour cap."""
    row = _throttle_row(unit, key)
    entries = [event(user, "login_failed", {"what": what}, key)]
    if row.locked_until is not None and row.locked_until > now:
        unit.record(entries)
        return FailureState(0, row.locked_until)
    if row.window_start is None or now - row.window_start >= timedelta(hours=1):
        row.window_start = now
        row.window_failures = 0
    row.window_failures += 1
    row.failed_logins += 1
    until: datetime | None = None
    if row.failed_logins >= MAX_FAILURES:
        until = now + min(BASE_LOCK * (2 ** min(row.lock_count, 10)), MAX_LOCK)
        row.lock_count += 1
        row.failed_logins = 0
    if row.window_failures >= HOURLY_CAP:
        cap_end = row.window_start + timedelta(hours=1)
        until = max(until, cap_end) if until else cap_end
    if until is not None:
        row.locked_until = until
        entries.append(event(user, "locked", {"until": until}, key))
    unit.session.flush()
    unit.record(entries)
    tries_left = 0 if until else MAX_FAILURES - row.failed_logins
    return FailureState(tries_left, until)


def clear_throttle(unit: uow.UnitOfWork, key: str) -> bool:
    """Forget failures and any lock of ``key``; True if there was a lock to lift."""
    row = unit.session.get(LoginThrottle, key)
    if row is None:
        return False
    was_locked = row.locked_until is not None
    unit.session.delete(row)
    unit.session.flush()
    return was_locked


def locked_error(until: datetime) -> LoginFailed:
    local = until.astimezone(COMPANY_TZ).strftime("%Y-%m-%d %H:%M")
    return LoginFailed(
        LoginFailure(
            reason=LoginFailureReason.LOCKED,
            msg_id="auth.locked",
            params=(("until", local),),
            tries_left=None,
            locked_until=until,
        )
    )


def record_success(unit: uow.UnitOfWork, key: str, user: UserSnap, now: datetime) -> None:
    clear_throttle(unit, key)
    unit.session.execute(
        update(UserAccount).where(UserAccount.id == user.id).values(last_login_at=now)
    )
    unit.record([event(user, "login", {})])


def rehash(unit: uow.UnitOfWork, user_id: int, old_hash: str, new_hash: str) -> None:
    """Upgrade an old-parameter hash, unless someone changed the password meanwhile."""
    unit.session.execute(
        update(UserAccount)
        .where(UserAccount.id == user_id, UserAccount.password_hash == old_hash)
        .values(password_hash=new_hash)
    )
    unit.record([event_for(user_id, "password_rehashed", {})])


# ------------------------------------------------------------------------------ TOTP


def new_totp_secret() -> str:
    """160 random bits, base32 (32 characters)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def valid_secret(secret: str) -> bool:
    """True for a base32 secret of at least 128 bits (what ``new_totp_secret`` makes)."""
    try:
        return len(base64.b32decode(secret.upper(), casefold=True)) >= 16
    except (ValueError, TypeError):
        return False


def provisioning_uri(secret: str, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=TOTP_ISSUER)


def _clean_code(code: str) -> str | None:
    cleaned = re.sub(r"\s", "", code)
    return cleaned if re.fullmatch(r"[0-9]{6}", cleaned) else None


def totp_matches(secret: str, code: str, now: datetime, after_step: int | None) -> int | None:
    """The time step ``code`` belongs to (current or previous), if later than ``after_step``."""
    cleaned = _clean_code(code)
    if cleaned is None:
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // totp.interval
    for step in (current, current - 1):
        if after_step is not None and step <= after_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), cleaned):
            return step
    return None


def consume_totp(unit: uow.UnitOfWork, user_id: int, code: str, now: datetime) -> bool:
    """Accept a code from a step not used before, and remember the step (replays are refused)."""
    row = unit.session.execute(
        select(UserAccount.totp_secret, UserAccount.totp_last_step).where(UserAccount.id == user_id)
    ).one_or_none()
    if row is None or row.totp_secret is None:
        return False
    step = totp_matches(row.totp_secret, code, now, row.totp_last_step)
    if step is None:
        return False
    done = unit.session.execute(
        update(UserAccount)
        .where(
            UserAccount.id == user_id,
            (UserAccount.totp_last_step.is_(None)) | (UserAccount.totp_last_step < step),
        )
        .values(totp_last_step=step)
    )
    return bool(getattr(done, "rowcount", 0) == 1)


# ---------------------------------------------------------------------- recovery codes


def _normalise_code(code: str) -> str:
    cleaned = re.sub(r"[^0-9A-Za-z]", "", code).upper()
    return cleaned.translate(str.maketrans("018", "OIB"))


def code_hash(code: str) -> str:
    """SHA-256 of a normalised code: 80 random bits need no slow hash."""
    return hashlib.sha256(_CODE_SALT + _normalise_code(code).encode("ascii")).hexdigest()


def new_recovery_codes() -> tuple[str, ...]:
    """Ten codes like ``K7QM-3XRD-PA2B-W5NE`` (80 random bits each, base32)."""
    codes = []
    for _ in range(RECOVERY_CODES):
        text = base64.b32encode(secrets.token_bytes(10)).decode("ascii")
        codes.append("-".join(text[i : i + 4] for i in range(0, 16, 4)))
    return tuple(codes)


def replace_recovery_codes(
    unit: uow.UnitOfWork, user: UserAccount, codes: Sequence[str], now: datetime
) -> None:
    unit.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    unit.session.add_all(RecoveryCode(user_id=user.id, code_hash=code_hash(c)) for c in codes)
    unit.session.flush()


def use_recovery_code(unit: uow.UnitOfWork, user_id: int, code: str, now: datetime) -> bool:
    wanted = code_hash(code)
    rows = unit.session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
    ).all()
    for row in rows:
        if hmac.compare_digest(row.code_hash, wanted):
            done = unit.session.execute(
                update(RecoveryCode)
                .where(RecoveryCode.id == row.id, RecoveryCode.used_at.is_(None))
                .values(used_at=now)
            )
            return bool(getattr(done, "rowcount", 0) == 1)
    return False


# ---------------------------------------------------------------------------- passwords


def recent_hashes(unit: uow.UnitOfWork, user_id: int) -> list[str]:
    """The current hash and the last five earlier ones."""
    current = unit.session.scalar(
        select(UserAccount.password_hash).where(UserAccount.id == user_id)
    )
    history = unit.session.scalars(
        select(PasswordHistory.password_hash)
        .where(PasswordHistory.user_id == user_id)
        .order_by(PasswordHistory.changed_at.desc(), PasswordHistory.id.desc())
        .limit(passwords.HISTORY_DEPTH)
    ).all()
    return ([current] if current else []) + list(history)


def set_password(
    unit: uow.UnitOfWork, user_id: int, new_hash: str, now: datetime, *, must_change: bool
) -> None:
    """Store a new hash (audited as changed, never shown); keep the old one in a 5-deep history."""
    user = unit.session.get(UserAccount, user_id)
    if user is None:
        raise DomainError("user.not_found", user=str(user_id))
    unit.session.add(
        PasswordHistory(user_id=user_id, password_hash=user.password_hash, changed_at=now)
    )
    user.password_hash = new_hash
    user.password_changed_at = now
    user.must_change_password = must_change
    stamp(user, unit.actor, now)
    unit.session.flush()
    stale = unit.session.scalars(
        select(PasswordHistory.id)
        .where(PasswordHistory.user_id == user_id)
        .order_by(PasswordHistory.changed_at.desc(), PasswordHistory.id.desc())
        .offset(passwords.HISTORY_DEPTH)
    ).all()
    if stale:
        unit.session.execute(delete(PasswordHistory).where(PasswordHistory.id.in_(stale)))


def expiry_date(user: UserSnap, policy: SecurityPolicy, clock: Clock) -> date | None:
    days = policy.password.expiry_days
    if days is None or user.password_changed_at is None:
        return None
    return (user.password_changed_at + timedelta(days=days)).astimezone(clock.tz).date()


def result(
    user: UserSnap,
    step: LoginStep,
    policy: SecurityPolicy,
    *,
    ticket: str | None = None,
    expires_on: date | None = None,
    codes_left: int | None = None,
) -> LoginResult:
    return LoginResult(
        step=step,
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=user.roles,
        ticket=ticket,
        password_expires_on=expires_on,
        recovery_codes_left=user.codes_left if codes_left is None else codes_left,
        totp_enrolled=user.totp_enrolled,
        totp_required=(
            policy.totp_required_for_admins and Role.ADMIN in user.roles and not user.totp_enrolled
        ),
    )


def temporary_password(policy: PasswordPolicy, username: str, company_name: str) -> str:
    """A one-time password like ``Kq7m-Wx2p-Rd9z`` that passes ``policy`` (groups of four)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    groups = max(3, -(-(policy.min_length + 1) // 5))
    while True:
        parts = ["".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(groups)]
        candidate = "-".join(parts)
        check = passwords.check(
            candidate, policy, blocklist=blocklist(), username=username, company_name=company_name
        )
        if check.ok:
            return candidate


# ------------------------------------------------------------------ policy and company


def read_policy(unit: uow.UnitOfWork) -> SecurityPolicy:
    row = unit.session.get(SecuritySetting, 1)
    if row is None:
        return SecurityPolicy()
    return SecurityPolicy(
        password=PasswordPolicy(
            min_length=row.min_length,
            require_mix=row.require_mix,
            passphrase_length=row.passphrase_length,
            expiry_days=row.expiry_days,
            extra_words=tuple(w for w in row.extra_words.split("\n") if w),
        ),
        totp_required_for_admins=row.totp_required_for_admins,
        idle_lock_minutes=row.idle_lock_minutes,
        version=row.version,
    )


def fill_policy(row: SecuritySetting, policy: SecurityPolicy) -> None:
    row.min_length = policy.password.min_length
    row.require_mix = policy.password.require_mix
    row.passphrase_length = policy.password.passphrase_length
    row.expiry_days = policy.password.expiry_days
    row.extra_words = "\n".join(w.strip() for w in policy.password.extra_words if w.strip())
    row.totp_required_for_admins = policy.totp_required_for_admins
    row.idle_lock_minutes = policy.idle_lock_minutes


def ensure_policy_row(unit: uow.UnitOfWork, actor: str, now: datetime) -> SecuritySetting:
    row = unit.session.get(SecuritySetting, 1)
    if row is None:
        row = SecuritySetting(id=1)
        fill_policy(row, SecurityPolicy())
        stamp(row, actor, now, new=True)
        unit.session.add(row)
        unit.session.flush()
    return row


def read_company(unit: uow.UnitOfWork) -> CompanyProfile | None:
    row = unit.session.get(CompanyProfileRow, 1)
    if row is None:
        return None
    return CompanyProfile(
        name=row.name,
        address=row.address,
        tax_number=row.tax_number,
        bank_name=row.bank_name,
        bank_account=row.bank_account,
        phone=row.phone,
        payee_account_name=row.payee_account_name,
        settlement_threshold=row.settlement_threshold,
        statement_return_days=row.statement_return_days,
        aging_buckets=receivable_rules.parse_buckets(row.aging_buckets),
        version=row.version,
    )


def fill_company(row: CompanyProfileRow, profile: CompanyProfile) -> None:
    row.name = profile.name.strip()[:200]
    row.address = profile.address.strip()[:400]
    row.tax_number = profile.tax_number.strip().upper()[:32]
    row.bank_name = profile.bank_name.strip()[:200]
    row.bank_account = profile.bank_account.strip()[:64]
    row.phone = profile.phone.strip()[:64]
    row.payee_account_name = profile.payee_account_name.strip()[:200]
    row.settlement_threshold = profile.settlement_threshold
    row.statement_return_days = profile.statement_return_days
    row.aging_buckets = receivable_rules.format_buckets(profile.aging_buckets)
