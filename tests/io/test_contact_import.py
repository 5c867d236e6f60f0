"""Contact import: rows keyed by customer code (current or old), the form's rules, primary contacts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from excel_files import messy_customers

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.import_dto import ImportMode, Outcome
from erpdesk.services.imports import error_book_column


def _services(database: Database, clock: Clock) -> Services:
    return Services(database, Actor(username="jingli", roles=frozenset({Role.MANAGER})), clock)


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["客户编码", "姓名", "职务", "手机", "邮箱", "默认联系人"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_contacts_are_added_checked_and_updated(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    services.imports.commit(
        services.imports.dry_run("customers", messy_customers(tmp_path / "c.xlsx", fixed=True))
    )
    first = services.customers.get_by_code("KH001")
    services.customers.change_code(first.id, first.version, "KH101", "重新编号")

    bad = _book(
        tmp_path / "bad.xlsx",
        [
            ["KH001", "周九", "采购", "13512345678", "zj@example.com", "是"],  # old code
            ["KH999", "吴十", "", "", "", ""],  # no such customer
            ["KH002", "郑一", "", "12345", "", ""],  # not a phone number
            ["KH002", "郑一", "", "", "", "也许"],  # same contact again, odd flag
            ["", "王二", "", "", "", ""],  # no customer code
        ],
    )
    plan = services.imports.dry_run("contacts", bad, lang="zh_CN")
    found = {(p.row, error_book_column(p.column), p.msg_id) for p in plan.problems}
    assert found == {
        (3, "A", "cell.unknown_customer"),
        (4, "D", "customer.phone_invalid"),
        (5, "B", "cell.duplicate_contact"),
        (5, "F", "cell.not_in_list"),
        (6, "A", "cell.required"),
    }
    with pytest.raises(DomainError):
        services.imports.commit(plan)
    assert len(services.customers.get(first.id).contacts) == 1

    good = _book(
        tmp_path / "good.xlsx",
        [
            ["KH001", "周九", "采购", "13512345678", "zj@example.com", "是"],
            ["KH002", "郑一", "财务", "", "", "否"],
        ],
    )
    plan = services.imports.dry_run("contacts", good, lang="zh_CN")
    assert plan.problems == ()
    assert [r.outcome for r in plan.rows] == [Outcome.NEW, Outcome.NEW]
    assert plan.rows[0].old_code == "KH001"
    services.imports.commit(plan)
    detail = services.customers.get(first.id)
    by_name = {c.name: c for c in detail.contacts}
    assert set(by_name) == {"张三", "周九"}
    assert by_name["周九"].is_primary
    assert not by_name["张三"].is_primary  # the new default contact took over
    assert by_name["周九"].position == "采购"
    assert [h.code for h in services.customers.find("13512345678")] == ["KH101"]

    # Upsert: the same name updates that contact; insert-only refuses it.
    update = _book(tmp_path / "update.xlsx", [["KH101", "周九", "采购经理", "", "#清空", ""]])
    assert {p.msg_id for p in services.imports.dry_run("contacts", update).problems} == {
        "cell.contact_exists"
    }
    plan = services.imports.dry_run("contacts", update, mode=ImportMode.UPSERT)
    assert [(r.outcome, set(r.changed)) for r in plan.rows] == [
        (Outcome.UPDATE, {"position", "email"})
    ]
    services.imports.commit(plan)
    contact = next(c for c in services.customers.get(first.id).contacts if c.name == "周九")
    assert (contact.position, contact.email, contact.mobile) == ("采购经理", "", "13512345678")
