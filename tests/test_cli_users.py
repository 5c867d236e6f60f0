"""``erpdesk user …`` and ``--user NAME``: the CLI obeys the user's roles and audits under that user."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from erpdesk.cli import main
from erpdesk.db.engine import Database, open_database
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile, LoginStep
from erpdesk.services.context import Clock

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
ADMIN_PASSWORD = "Adm1n-Secret!x"


@pytest.fixture
def db_url(sqlite_db: Database, tmp_path: Path) -> str:
    service = AuthService(sqlite_db, Clock(), hasher=FAST)
    setup = service.first_run_setup(CompanyProfile(name="Acme Trading"), "boss", ADMIN_PASSWORD)
    from erpdesk.services.users import UserService

    users = UserService(sqlite_db, setup.login.actor, hasher=FAST)
    temporary = users.add("clerk1", [Role.CLERK])
    first = service.login("clerk1", temporary.password)
    service.change_password("clerk1", temporary.password, "Clerk#2468kq", ticket=first.ticket)
    database = sqlite_db.url.database
    assert database
    return "sqlite:///" + Path(database).as_posix()


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    password: str | None = None,
) -> tuple[int, str, str]:
    if password is None:
        monkeypatch.delenv("ERPDESK_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("ERPDESK_PASSWORD", password)
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def audit_rows(url: str) -> list[tuple[str, str, str]]:
    database = open_database(url)
    try:
        with database.engine.connect() as conn:
            rows = conn.execute(
                select(AuditLog.table_name, AuditLog.action, AuditLog.app_user).order_by(
                    AuditLog.id
                )
            ).all()
    finally:
        database.dispose()
    return [(r[0], r[1], r[2]) for r in rows]


def one_time_password(text: str) -> str:
    match = re.search(r"first login\): (\S+)", text)
    assert match, text
    return match.group(1)


def test_admin_adds_a_user_who_must_change_the_printed_password(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(
        capsys, monkeypatch, "--db", db_url, "--user", "boss", "user", "add", "wang",
        "--role", "accountant", "--role", "clerk", password=ADMIN_PASSWORD,
    )  # fmt: skip
    assert code == 0, err
    password = one_time_password(out)
    database = open_database(db_url)
    try:
        login = AuthService(database, hasher=FAST).login("wang", password)
        assert login.step is LoginStep.CHANGE_PASSWORD
        assert set(login.roles) == {Role.ACCOUNTANT, Role.CLERK}
    finally:
        database.dispose()
    assert ("user_account", "insert", "boss") in audit_rows(db_url)
    assert password not in str(audit_rows(db_url))


def test_wrong_password_is_refused_with_the_login_message(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(
        capsys, monkeypatch, "--db", db_url, "--user", "boss", "user", "list", password="nope"
    )
    assert code == 2
    assert out == ""
    assert "Wrong user name or password" in err
    assert ("user_account", "login_failed", "boss") in audit_rows(db_url)


def test_clerk_may_not_manage_users_and_the_refusal_is_audited_under_the_clerk(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = run(
        capsys, monkeypatch, "--db", db_url, "--user", "clerk1", "user", "add", "x",
        "--role", "admin", password="Clerk#2468kq",
    )  # fmt: skip
    assert code == 2
    assert "clerk1 may not users.manage" in err
    assert ("permission", "denied", "clerk1") in audit_rows(db_url)


def test_list_and_unlock(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(5):
        run(capsys, monkeypatch, "--db", db_url, "--user", "clerk1", "user", "list", password="bad")
    code, out, _err = run(
        capsys,
        monkeypatch,
        "--db",
        db_url,
        "--user",
        "boss",
        "user",
        "list",
        password=ADMIN_PASSWORD,
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t")[0] == "User"
    clerk = next(line.split("\t") for line in lines if line.startswith("clerk1\t"))
    assert clerk[2] == "clerk"
    assert clerk[3] == "yes"
    assert clerk[4]
    code, out, _err = run(
        capsys, monkeypatch, "--db", db_url, "--user", "boss", "user", "unlock", "clerk1",
        password=ADMIN_PASSWORD,
    )  # fmt: skip
    assert code == 0
    assert "User clerk1 unlocked." in out
    assert ("user_account", "unlock", "boss") in audit_rows(db_url)
    code, _out, err = run(
        capsys,
        monkeypatch,
        "--db",
        db_url,
        "--user",
        "clerk1",
        "user",
        "list",
        password="Clerk#2468kq",
    )
    assert code == 2
    assert "may not" in err


def test_reset_password_with_file_access_only(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forgotten-admin path: whoever can open the database file resets a password."""
    code, out, err = run(capsys, monkeypatch, "--db", db_url, "user", "reset-password", "boss")
    assert code == 0, err
    password = one_time_password(out)
    database = open_database(db_url)
    try:
        assert (
            AuthService(database, hasher=FAST).login("boss", password).step
            is LoginStep.CHANGE_PASSWORD
        )
    finally:
        database.dispose()
    resets = [row for row in audit_rows(db_url) if row[1] == "password_reset"]
    assert resets
    assert resets[0][2].startswith("system:")


def test_user_who_must_change_password_is_sent_to_the_app(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _code, out, _err = run(
        capsys, monkeypatch, "--db", db_url, "--user", "boss", "user", "add", "new1",
        "--role", "clerk", password=ADMIN_PASSWORD,
    )  # fmt: skip
    code, _out, err = run(
        capsys, monkeypatch, "--db", db_url, "--user", "new1", "user", "list",
        password=one_time_password(out),
    )  # fmt: skip
    assert code == 2
    assert "must set a new password first" in err


def test_no_password_and_no_terminal(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    code, _out, err = run(capsys, monkeypatch, "--db", db_url, "--user", "boss", "user", "list")
    assert code == 2
    assert "ERPDESK_PASSWORD" in err


def test_demo_creates_one_user_per_role_with_the_printed_passwords(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "sqlite:///" + (tmp_path / "demo.db").as_posix()
    code, out, err = run(capsys, monkeypatch, "--db", url, "demo", "--customers", "0")
    assert code == 0, err
    printed = dict(re.findall(r"^  (\w+)\s+(\S+)\s", out, re.M))
    assert set(printed) == {"admin", "clerk", "accountant", "manager"}
    database = open_database(url)
    try:
        service = AuthService(database)
        for name, password in printed.items():
            login = service.login(name, password)
            assert login.step is LoginStep.DONE  # no forced change in the demo
            assert login.roles == (Role(name),)
        assert not service.needs_setup()
    finally:
        database.dispose()
