"""The PostgreSQL password in the operating system's keyring (Windows Credential Manager), opt-in per PC.

Only database passwords live here, never app passwords or TOTP secrets, and never in a file. The entry is
service ``erpdesk:<host>:<port>/<database>`` with the database role as user name. When no usable keyring
exists (the ``fail`` or ``null`` backend on headless Linux, or any ``KeyringError``) every function says
"ask the user" instead of failing: the caller prompts each session.
"""

from __future__ import annotations

from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError

__all__ = [
    "MAX_SECRET_CHARS",
    "DbCredential",
    "LoadedPassword",
    "forget_db_password",
    "keyring_usable",
    "load_db_password",
    "service_name",
    "store_db_password",
]

# Windows CredWrite refuses blobs over 2,560 bytes, i.e. 1,280 UTF-16 characters.
MAX_SECRET_CHARS = 1280
_UNUSABLE_BACKENDS = ("keyring.backends.fail", "keyring.backends.null")


@dataclass(frozen=True, slots=True, kw_only=True)
class DbCredential:
    """Where a database password would be kept: the keyring service name and the database role."""

    host: str
    port: int
    database: str
    role: str

    @property
    def service(self) -> str:
        return service_name(self.host, self.port, self.database)


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadedPassword:
    """The password from the keyring, or ``must_prompt`` (with no password) when the caller must ask."""

    password: str | None
    must_prompt: bool


def service_name(host: str, port: int, database: str) -> str:
    """The keyring service for one database: ``erpdesk:<host>:<port>/<database>``."""
    return f"erpdesk:{host.lower()}:{port}/{database}"


def keyring_usable() -> bool:
    """False where no real keyring backend exists (then never offer "remember password")."""
    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return False
    return not type(backend).__module__.startswith(_UNUSABLE_BACKENDS)


def load_db_password(credential: DbCredential) -> LoadedPassword:
    """Read the remembered password; ``must_prompt`` when none is stored or the keyring fails."""
    if not keyring_usable():
        return LoadedPassword(password=None, must_prompt=True)
    try:
        password = keyring.get_password(credential.service, credential.role)
    except KeyringError:
        return LoadedPassword(password=None, must_prompt=True)
    if not password:
        return LoadedPassword(password=None, must_prompt=True)
    return LoadedPassword(password=password, must_prompt=False)


def store_db_password(credential: DbCredential, password: str) -> bool:
    """Remember the password (the user ticked "remember"); False when it could not be stored."""
    if not keyring_usable() or not password or len(password) > MAX_SECRET_CHARS:
        return False
    try:
        keyring.set_password(credential.service, credential.role, password)
    except KeyringError:
        return False
    return True


def forget_db_password(credential: DbCredential) -> None:
    """Remove a remembered password (wrong password, or "remember" switched off); never fails."""
    if not keyring_usable():
        return
    try:
        keyring.delete_password(credential.service, credential.role)
    except KeyringError:
        return


def credential_for(url: str) -> DbCredential | None:
    """Where ``url``'s password would be remembered; None for SQLite or an address with a password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password:
        return None
    return DbCredential(
        host=parsed.host or "localhost",
        port=parsed.port or 5432,
        database=parsed.database or "",
        role=parsed.username or "",
    )


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` filled in (kept in memory only, never written anywhere)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)
