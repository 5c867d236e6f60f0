"""The PostgreSQL password in the keyring: remembered where a keyring exists, asked for where none does."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordSetError

from erpdesk.services import credentials
from erpdesk.services.credentials import DbCredential

CRED = DbCredential(host="Office-Server", port=5432, database="erpdesk", role="erpdesk_app")


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("locked collection")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("denied")


@pytest.fixture(autouse=True)
def _restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_service_name_follows_the_documented_pattern() -> None:
    assert CRED.service == "erpdesk:office-server:5432/erpdesk"


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
def test_without_a_keyring_backend_the_app_asks_each_time(backend: type[KeyringBackend]) -> None:
    keyring.set_keyring(backend())
    assert not credentials.keyring_usable()
    loaded = credentials.load_db_password(CRED)
    assert loaded.must_prompt
    assert loaded.password is None
    assert not credentials.store_db_password(CRED, "s3cret")
    credentials.forget_db_password(CRED)  # does not raise


def test_with_a_keyring_the_password_is_remembered_and_forgotten() -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert credentials.load_db_password(CRED).must_prompt
    assert credentials.store_db_password(CRED, "s3cret")
    assert memory.items == {("erpdesk:office-server:5432/erpdesk", "erpdesk_app"): "s3cret"}
    loaded = credentials.load_db_password(CRED)
    assert not loaded.must_prompt
    assert loaded.password == "s3cret"
    credentials.forget_db_password(CRED)
    assert credentials.load_db_password(CRED).must_prompt


def test_keyring_errors_mean_ask_the_user() -> None:
    keyring.set_keyring(BrokenKeyring())
    assert credentials.load_db_password(CRED).must_prompt
    assert not credentials.store_db_password(CRED, "s3cret")


def test_overlong_secret_is_not_stored() -> None:
    keyring.set_keyring(MemoryKeyring())
    assert not credentials.store_db_password(CRED, "x" * 1281)
