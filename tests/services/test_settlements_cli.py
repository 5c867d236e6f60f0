"""``erpdesk settlement list|show|approve|reject|follow-ups``: the approval list without the GUI, under
the logged-in user's roles (nobody approves their own, a clerk not at all)."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from order_support import make_customer, services_for
from settlement_support import deliver, voucher

from erpdesk.cli import main
from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.context import Clock
from erpdesk.services.users import UserService

# argon2id at its smallest cost: these tests are about who may do what, not about hashing.
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORDS = {"accountant": "Ledger#2468kq", "manager": "Chief#2468kq", "clerk": "Sales#2468kq"}
ROLES = {"accountant": Role.ACCOUNTANT, "manager": Role.MANAGER, "clerk": Role.CLERK}


def _users(database: Database) -> None:
    auth = AuthService(database, Clock(), hasher=FAST)
    setup = auth.first_run_setup(CompanyProfile(name="Acme Trading"), "boss", "Adm1n-Secret!x")
    users = UserService(database, setup.login.actor, hasher=FAST)
    for name, role in ROLES.items():
        temporary = users.add(name, [role])
        first = auth.login(name, temporary.password)
        auth.change_password(name, temporary.password, PASSWORDS[name], ticket=first.ticket)


@pytest.fixture
def seeded(sqlite_db: Database, clock: Clock) -> tuple[str, int]:
    _users(sqlite_db)
    clerk = services_for(sqlite_db, clock, Role.CLERK, name="clerk")
    acct = services_for(sqlite_db, clock, Role.ACCOUNTANT, name="accountant")
    customer = make_customer(clerk)
    deliver(clerk, customer, "100.00")
    acct.settlements.submit(voucher(customer, "60.00"))
    acct.settlements.submit(voucher(customer, "15.00"))
    return str(sqlite_db.engine.url), customer


def _run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    *argv: str,
    user: str = "",
) -> tuple[int, str, str]:
    base = ["--db", url, "--lang", "en"]
    if user:
        monkeypatch.setenv("ERPDESK_PASSWORD", PASSWORDS[user])
        base += ["--user", user]
    code = main([*base, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_approve_reject_and_follow_ups(
    seeded: tuple[str, int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _customer = seeded
    code, out, _err = _run(capsys, monkeypatch, url, "settlement", "list", "--pending", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["number"], r["voucher_number"], r["amount"]) for r in rows] == [
        ("JS20250503-0002", "LS20250503-0002", "15.00"),
        ("JS20250503-0001", "LS20250503-0001", "60.00"),
    ]
    code, out, _err = _run(
        capsys, monkeypatch, url, "settlement", "list", "--customer", rows[0]["customer_code"]
    )
    assert code == 0
    assert "Awaiting approval" in out
    assert "LS20250503-0001" in out

    # The submitter may not approve; a clerk may not either; both exit 2 with the reason.
    code, _out, err = _run(
        capsys, monkeypatch, url, "settlement", "approve", "JS20250503-0001", user="accountant"
    )
    assert code == 2
    assert "cannot approve" in err
    code, _out, err = _run(
        capsys, monkeypatch, url, "settlement", "approve", "JS20250503-0001", user="clerk"
    )
    assert code == 2
    assert err.strip()

    code, out, _err = _run(
        capsys,
        monkeypatch,
        url,
        "settlement",
        "approve",
        "ls20250503-0001",
        "--comment",
        "核对无误",
        user="manager",
    )
    assert code == 0
    assert out.strip() == "JS20250503-0001: Posted"
    with pytest.raises(SystemExit):  # reject needs a comment
        main(["--db", url, "settlement", "reject", str(rows[0]["id"])])
    capsys.readouterr()
    code, out, _err = _run(
        capsys,
        monkeypatch,
        url,
        "settlement",
        "reject",
        str(rows[0]["id"]),
        "--comment",
        "重复收款",
        user="manager",
    )
    assert code == 0
    assert out.strip() == "JS20250503-0002: Rejected"

    code, out, _err = _run(capsys, monkeypatch, url, "settlement", "show", "JS20250503-0001")
    assert code == 0
    assert "Awaiting invoice" in out
    assert "SK20250503-0001" in out

    code, out, _err = _run(
        capsys,
        monkeypatch,
        url,
        "--lang",
        "zh_CN",
        "settlement",
        "follow-ups",
        "--kind",
        "awaiting_invoice",
        "--kind",
        "awaiting_approval",
    )
    assert code == 0
    assert out.splitlines() == [
        line for line in out.splitlines() if "待补发票" in line and "LS20250503-0001" in line
    ]
    assert len(out.splitlines()) == 1
    code, out, _err = _run(
        capsys, monkeypatch, url, "settlement", "follow-ups", "--as-of", "2025-05-03", "--json"
    )
    assert code == 0
    assert [(r["kind"], r["document"]) for r in json.loads(out)] == [
        ("awaiting_invoice", "LS20250503-0001")
    ]
    code, _out, err = _run(capsys, monkeypatch, url, "settlement", "show", "JS20990101-0001")
    assert code == 2
    assert "No settlement or voucher JS20990101-0001" in err
