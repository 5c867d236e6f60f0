"""A large customer import keeps the audit trail whole: every customer and contact it creates is
recorded once with its values (in ``bulk_insert`` entries of up to 5,000 rows), shown as created in
the customer's history, and the hash chain verifies with ``erpdesk db check``.

The import writes its rows with bulk executemany (``erpdesk.db.bulk``); these tests read the result
back the way a user or an auditor meets it (history tab, the audit log, database check), on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from excel_files import customer_book
from import_support import bulk_audited
from sqlalchemy import func, select

from erpdesk.db.audit import verify_chain
from erpdesk.db.check import run_checks
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer, CustomerContact
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.pinyin import initials_reference

ROWS = 5200  # more than one write chunk (5,000)


def _services(database: Database, clock: Clock) -> Services:
    return Services(database, Actor(username="kuaiji", roles=frozenset({Role.ACCOUNTANT})), clock)


def test_bulk_import_audits_every_customer_and_contact(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    plan = services.imports.dry_run(
        "customers", customer_book(tmp_path / "big.xlsx", ROWS), lang="zh_CN"
    )
    assert plan.problems == ()
    assert services.imports.commit(plan).created == ROWS

    with backend.engine.connect() as conn:
        customers = {
            str(cid): (code, name)
            for cid, code, name in conn.execute(select(Customer.id, Customer.code, Customer.name))
        }
        contacts = {
            f"{cid}/{kid}": name
            for kid, cid, name in conn.execute(
                select(CustomerContact.id, CustomerContact.customer_id, CustomerContact.name)
            )
        }
        count, problem = verify_chain(conn)
        total = conn.execute(select(func.count()).select_from(AuditLog)).scalar_one()

    assert len(customers) == ROWS
    assert len(contacts) == ROWS
    audited = bulk_audited(backend)
    created = {str(key): values for key, values in audited["customer"].items()}
    assert created.keys() == customers.keys()  # every customer recorded, each once
    for pk, (code, name) in customers.items():
        assert created[pk]["code"] == code
        assert created[pk]["name"] == name
        assert created[pk]["id"] == int(pk)
    contact_entries = {
        f"{values['customer_id']}/{key}": values
        for key, values in audited["customer_contact"].items()
    }
    assert contact_entries.keys() == contacts.keys()
    assert all(contact_entries[pk]["name"] == name for pk, name in contacts.items())
    with backend.engine.connect() as conn:
        bulk_entries = conn.execute(
            select(func.count()).select_from(AuditLog).where(AuditLog.action == "bulk_insert")
        ).scalar_one()
    assert bulk_entries == 2  # one per write chunk of 5,000 customers, not one per row
    assert problem is None
    assert count == total
    report = run_checks(backend)
    assert report.ok
    assert report.audit_rows == total


def test_bulk_imported_customer_shows_its_creation_in_history(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(sqlite_db, clock)
    plan = services.imports.dry_run(
        "customers", customer_book(tmp_path / "b.xlsx", 30), lang="zh_CN"
    )
    services.imports.commit(plan)
    with sqlite_db.engine.connect() as conn:
        customer_id = conn.execute(
            select(Customer.id).where(Customer.code == "KH000017")
        ).scalar_one()
    history = services.customers.history(customer_id)
    creations = [(h.entity, h.action, h.new) for h in history if h.action == "insert"]
    assert ("customer", "insert", "测试客户17号贸易有限公司") in creations
    assert ("contact", "insert", "联系人17") in creations
    detail = services.customers.get(customer_id)
    assert detail.mnemonic == "CSKH17HMY"  # 简称 测试客户17号贸易
    assert detail.mnemonic == initials_reference(detail.short_name)
    assert detail.credit_limit == Decimal("1700.50")
