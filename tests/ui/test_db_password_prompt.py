"""PostgreSQL passwords: taken from the system keyring when remembered, otherwise asked for; never filed."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import make_url

from erpdesk import app as app_module
from erpdesk import settings as app_settings
from erpdesk.db.engine import open_database
from erpdesk.domain.errors import DomainError
from erpdesk.services.context import system_actor
from erpdesk.ui.dialogs.db_password import DatabasePassword, DatabasePasswordDialog

URL = "postgresql://clerk@db.example:5432/erp"
SERVICE = "erpdesk:db.example:5432/erp"
RIGHT = "Right#2025"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def server(monkeypatch, tmp_path: Path) -> list[str | None]:  # type: ignore[no-untyped-def]
    """The office server: refuses every password but RIGHT; records the passwords it was offered."""
    offered: list[str | None] = []

    def open_with(url: str, backup_dir: Path):  # type: ignore[no-untyped-def]
        password = make_url(url).password
        offered.append(password)
        if password != RIGHT:
            raise DomainError("db.password_required", url="db.example:5432/erp")
        database = open_database("sqlite:///" + (tmp_path / "stand-in.db").as_posix())
        from erpdesk.db.migrate import upgrade

        upgrade(database)
        return database

    monkeypatch.setattr(app_module, "_open_database", open_with)
    monkeypatch.setattr(app_module, "authenticate", lambda window, database: system_actor("clerk"))
    return offered


def _answers(monkeypatch, *answers: DatabasePassword | None) -> list[str]:  # type: ignore[no-untyped-def]
    queue = list(answers)
    errors: list[str] = []

    def ask(cls, parent, database, *, keyring_available, error=""):  # type: ignore[no-untyped-def]
        assert database == "clerk@db.example/erp"
        errors.append(error)
        return queue.pop(0)

    monkeypatch.setattr(DatabasePasswordDialog, "ask", classmethod(ask))
    return errors


def _start(qtbot):  # type: ignore[no-untyped-def]
    boot = app_module.Bootstrap(app_settings.load(URL))
    with qtbot.waitSignal(boot.ready, timeout=30_000):
        qtbot.addWidget(boot.start())
    return boot


def test_asked_until_right_then_remembered_and_not_asked_again(
    qtbot, monkeypatch, memory_keyring, server
) -> None:
    errors = _answers(
        monkeypatch,
        DatabasePassword(password="wrong", remember=True),
        DatabasePassword(password=RIGHT, remember=True),
    )
    _start(qtbot).close()
    assert server == [None, "wrong", RIGHT]
    assert errors[0] == ""  # first ask: no complaint yet
    assert "refused" in errors[1]  # second ask says the password was refused
    assert memory_keyring.secrets == {(SERVICE, "clerk"): RIGHT}

    _answers(monkeypatch)  # a second start must not ask at all
    _start(qtbot).close()
    assert server[-1] == RIGHT


def test_a_stale_remembered_password_is_forgotten_and_asked_for(
    qtbot, monkeypatch, memory_keyring, server
) -> None:
    memory_keyring.secrets[(SERVICE, "clerk")] = "changed-by-it"
    _answers(monkeypatch, DatabasePassword(password=RIGHT, remember=False))
    _start(qtbot).close()
    assert server == ["changed-by-it", RIGHT]
    assert memory_keyring.secrets == {}  # not remembered: the user did not tick the box


def test_cancelling_the_password_ends_the_start_quietly(
    qtbot, monkeypatch, memory_keyring, server
) -> None:
    _answers(monkeypatch, None)
    boot = app_module.Bootstrap(app_settings.load(URL))
    with qtbot.waitSignal(boot.failed, timeout=30_000) as failed:
        qtbot.addWidget(boot.start())
    assert failed.args == [0]
    assert memory_keyring.secrets == {}
    boot.close()
