"""``erpdesk customer find/show`` and ``erpdesk demo --customers``: the archive without the GUI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from erpdesk.cli import main
from erpdesk.db.engine import Database
from erpdesk.domain.customers import RelationKind
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import (
    ContactInput,
    CustomerFilter,
    CustomerInput,
    RelationshipInput,
    StatusFilter,
)
from erpdesk.services.customers import CustomerService


@pytest.fixture
def db_url(sqlite_db: Database, clock: Clock) -> str:
    service = CustomerService(sqlite_db, Actor("wang", frozenset({Role.MANAGER})), clock)
    bank = service.save(
        CustomerInput(
            name="重庆银行股份有限公司",
            tax_number="91350100M000100Y43",
            contacts=(ContactInput(name="张三", mobile="13800138000"),),
        )
    )
    branch = service.save(CustomerInput(name="重庆银行成都分行"))
    service.add_relationship(
        RelationshipInput(from_id=bank.id, to_id=branch.id, kind=RelationKind.PARENT)
    )
    service.change_code(bank.id, bank.version, "CQYH-01", "统一编码")
    return "sqlite:///" + Path(str(sqlite_db.url.database)).as_posix()


def test_find_by_old_code_says_which_code_it_is_now(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "--lang", "zh_CN", "customer", "find", "kh00001"]) == 0
    out = capsys.readouterr().out
    assert "CQYH-01" in out
    assert "旧编码 KH00001 → CQYH-01" in out


def test_find_json_by_pinyin(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "customer", "find", "CQYH", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["name"] for h in hits] == ["重庆银行股份有限公司", "重庆银行成都分行"]


def test_find_nothing_exits_1(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "--lang", "en", "customer", "find", "没有这个"]) == 1
    assert "No customer matches" in capsys.readouterr().err


def test_show_by_old_code_lists_contacts_relationships_and_old_codes(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "--lang", "zh_CN", "customer", "show", "KH00001"]) == 0
    out = capsys.readouterr().out
    assert "CQYH-01" in out
    assert "91350100M000100Y43" in out
    assert "张三" in out
    assert "分公司: KH00002 重庆银行成都分行" in out
    assert "KH00001" in out
    assert "统一编码" in out


def test_show_json_has_every_field(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "customer", "show", "KH00002", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "重庆银行成都分行"
    assert data["relationships"][0]["role"] == "parent"
    assert data["credit_limit"] == "0.00"


def test_show_unknown_code_is_a_user_error(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "--lang", "en", "customer", "show", "NOPE"]) == 2
    assert "No customer NOPE" in capsys.readouterr().err


def test_demo_customers_are_searchable_and_codes_continue(
    sqlite_db: Database, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "sqlite:///" + Path(str(sqlite_db.url.database)).as_posix()
    assert main(["--db", url, "demo", "--customers", "300"]) == 0
    assert "300 demo customers" in capsys.readouterr().out
    service = CustomerService(sqlite_db, Actor("li", frozenset({Role.CLERK})), clock)
    every = CustomerFilter(status=StatusFilter.ALL)
    everyone = service.search_ids("", every)
    assert len(everyone) == 300
    rows = service.rows(list(everyone[:50]))
    sample = next(r for r in rows.values() if r.customer_type.value == "company" and r.contact)
    assert service.search_ids(sample.name[2:6])
    assert sample.id in service.search_ids(sample.mnemonic, every)
    assert service.categories()
    assert service.levels()
    assert service.save(CustomerInput(name="演示之后的新客户")).code == "KH0000301"
