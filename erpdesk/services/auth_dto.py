"""What the login, set-up, user-management and idle-lock screens get from the auth and user services.

Plain frozen values only (no ORM rows, no secrets except the ones shown to the user exactly once:
a temporary password, recovery codes, a TOTP enrolment secret). Times are UTC ``datetime``; the UI
shows them in local time. ``LoginFailed`` is the one error the login screens must handle specially:
it carries a ``LoginFailure`` with the tries left and the end of a lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from erpdesk.domain.errors import DomainError
from erpdesk.domain.passwords import PasswordPolicy, PolicyCheck, PolicyProblem, Strength
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Actor

__all__ = [
    "CompanyProfile",
    "LoginFailed",
    "LoginFailure",
    "LoginFailureReason",
    "LoginResult",
    "LoginStep",
    "PasswordPolicy",
    "PolicyCheck",
    "PolicyProblem",
    "SecurityPolicy",
    "SetupResult",
    "Strength",
    "TemporaryPassword",
    "TotpEnrolment",
    "UserDetail",
    "UserRow",
]


class LoginStep(StrEnum):
    """What the login dialog does next after a successful step."""

    DONE = "done"  # logged in: use ``LoginResult.actor``
    TOTP = "totp"  # password right; ask for the 6-digit code, then ``AuthService.verify_totp``
    CHANGE_PASSWORD = "change_password"  # must set a new password: ``AuthService.change_password``


class LoginFailureReason(StrEnum):
    """Why a login step was refused (the message id says it in the user's language)."""

    BAD_CREDENTIALS = "bad_credentials"  # unknown user or wrong password: same message
    LOCKED = "locked"  # too many failures; ``locked_until`` says until when
    WRONG_CODE = "wrong_code"  # wrong, reused or malformed TOTP / recovery code
    DISABLED = "disabled"  # right password, but an admin disabled the account
    TICKET_EXPIRED = "ticket_expired"  # the half-finished login is too old: start again


@dataclass(frozen=True, slots=True, kw_only=True)
class LoginFailure:
    """A refused login step: show ``msg_id``/``params`` (via ``render``) and keep the dialog open.

    ``tries_left`` counts down to the lock (None while locked or when not applicable);
    ``locked_until`` is the UTC end of the lock when ``reason`` is LOCKED.
    """

    reason: LoginFailureReason
    msg_id: str
    params: tuple[tuple[str, str | int], ...] = ()
    tries_left: int | None = None
    locked_until: datetime | None = None

    @property
    def params_dict(self) -> dict[str, str | int]:
        return dict(self.params)


class LoginFailed(DomainError):
    """A login step was refused; ``failure`` has the details the dialog shows."""

    def __init__(self, failure: LoginFailure) -> None:
        super().__init__(failure.msg_id, **dict(failure.params))
        self.failure = failure


@dataclass(frozen=True, slots=True, kw_only=True)
class LoginResult:
    """A successful login step.

    ``ticket`` (opaque, single use, valid 5 minutes in this ``AuthService`` instance) must be passed
    to the next step when ``step`` is TOTP or CHANGE_PASSWORD.
    """

    step: LoginStep
    user_id: int
    username: str
    display_name: str
    roles: tuple[Role, ...]
    ticket: str | None = None
    password_expires_on: date | None = None
    recovery_codes_left: int = 0
    totp_enrolled: bool = False
    totp_required: bool = False  # policy wants TOTP for this user but none is enrolled yet

    @property
    def actor(self) -> Actor:
        """The actor to build ``Services`` with (only meaningful when ``step`` is DONE)."""
        return Actor(username=self.username, roles=frozenset(self.roles), user_id=self.user_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class UserRow:
    """One line of the user-management list."""

    id: int
    username: str
    display_name: str
    roles: tuple[Role, ...]
    active: bool
    locked_until: datetime | None  # UTC; None when not locked now
    failed_logins: int
    must_change_password: bool
    totp_enrolled: bool
    last_login_at: datetime | None
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDetail:
    """One user with everything the admin may see (never the hash or TOTP secret)."""

    id: int
    username: str
    display_name: str
    roles: tuple[Role, ...]
    active: bool
    locked_until: datetime | None
    failed_logins: int
    must_change_password: bool
    totp_enrolled: bool
    last_login_at: datetime | None
    password_changed_at: datetime | None
    recovery_codes_left: int
    created_at: datetime
    created_by: str
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TemporaryPassword:
    """A one-time password for a new user or after an admin reset: shown once, changed at first login."""

    username: str
    password: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityPolicy:
    """Everything the admin sets under 安全设置: password rules, TOTP for admins, idle lock minutes."""

    password: PasswordPolicy = field(default_factory=PasswordPolicy)
    totp_required_for_admins: bool = False
    idle_lock_minutes: int = 15  # 5–60
    version: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyProfile:
    """The company as printed on statements; set at first run, edited by the admin."""

    name: str
    address: str = ""
    tax_number: str = ""  # 统一社会信用代码 / 纳税人识别号
    bank_name: str = ""
    bank_account: str = ""
    phone: str = ""
    payee_account_name: str = ""  # 收款户名, when it differs from the company name
    settlement_threshold: Decimal = Decimal("50000.00")  # settlements above it need approval
    statement_return_days: int = 15  # 对账单 return-by date = statement date + this
    aging_buckets: tuple[int, ...] = (0, 30, 60, 90)  # days past due; 0 = not yet due
    version: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class SetupResult:
    """First-run set-up done: the admin is logged in; ``recovery_codes`` are shown once, never again."""

    login: LoginResult
    recovery_codes: tuple[str, ...]
    company: CompanyProfile


@dataclass(frozen=True, slots=True, kw_only=True)
class TotpEnrolment:
    """A new TOTP secret for the actor: render ``provisioning_uri`` as a QR code, then confirm a code.

    Nothing is stored until ``UserService.confirm_totp(secret, code)`` succeeds.
    """

    secret: str  # base32, 32 characters (160 bits)
    provisioning_uri: str  # otpauth://totp/…
    issuer: str
    account_name: str
