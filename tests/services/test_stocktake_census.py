"""Customer census (客户盘点): found cards, details confirmed on the spot, missing customers, posting."""

from __future__ import annotations

import json
from datetime import date

import pytest
from order_support import services_for
from sqlalchemy import select
from stocktake_support import CLERK, MANAGER, MANAGER_PASSWORD, customers, start, with_users

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.domain.stocktake import CensusAction, ScanOutcome, StocktakeKind
from erpdesk.services.context import Clock
from erpdesk.services.customer_dto import CategoryInput, CustomerInput
from erpdesk.services.errors import ValidationError
from erpdesk.services.stocktake_dto import CensusInput, ScanInput, StocktakeInput, StocktakeScope

TODAY = date(2025, 5, 3)


def _customer(database: Database, customer_id: int) -> Customer:
    with database.engine.connect() as conn:
        row = conn.execute(select(Customer).where(Customer.id == customer_id)).one()
    return row  # type: ignore[no-any-return]


def test_census_marks_found_confirms_details_and_lists_missing(
    backend: Database, clock: Clock
) -> None:
    shop = with_users(backend, clock)
    ids = customers(shop.clerk)
    huaxin, mingyuan, nanfang = ids.values()
    manager = services_for(backend, clock, Role.MANAGER, name="boss.zhao")
    old = manager.customers.get(mingyuan)
    manager.customers.change_code(mingyuan, old.version, "BJ-MY", "并入北京区")
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.CUSTOMERS)
    assert session.expected_count == 3
    first = st.scan(session.id, ScanInput(text=shop.clerk.customers.get(huaxin).code))
    again = st.scan(session.id, ScanInput(text=shop.clerk.customers.get(huaxin).code))
    by_old_code = st.scan(session.id, ScanInput(text=old.code.lower()))  # 旧编码 still finds
    unknown = st.scan(session.id, ScanInput(text="KH-GONE"))
    assert (first.outcome, again.outcome) == (ScanOutcome.FOUND, ScanOutcome.ALREADY_FOUND)
    assert first.label == "上海华鑫贸易有限公司"
    assert (by_old_code.outcome, by_old_code.target_id) == (ScanOutcome.FOUND, mingyuan)
    assert unknown.outcome is ScanOutcome.UNKNOWN

    line = st.record_census(
        session.id,
        CensusInput(customer_id=huaxin, phone="021-68881234", contact_name="李娜"),
    )
    assert (line.census_status, line.phone, line.contact_name) == (
        "confirmed",
        "021-68881234",
        "李娜",
    )
    saved = shop.clerk.customers.get(huaxin)
    assert saved.phone == "021-68881234"
    assert saved.address == "世纪大道 100 号"  # None left it as it was
    assert [c.name for c in saved.contacts if c.is_primary] == ["李娜"]
    assert any(entry.new == "021-68881234" for entry in saved.history)
    with pytest.raises(ValidationError):  # the customer rules apply: not a phone number
        st.record_census(session.id, CensusInput(customer_id=huaxin, phone="call me"))

    st.to_review(session.id)
    review = st.review(session.id)
    assert [line.target_id for line in review.missing] == [nanfang]
    assert review.unknown == ("KH-GONE",)
    with pytest.raises(DomainError) as caught:
        st.set_census_action(session.id, huaxin, CensusAction.DEACTIVATE)
    assert caught.value.msg_id == "stocktake.census_found"
    decided = st.set_census_action(session.id, nanfang, CensusAction.DEACTIVATE, "已搬迁")
    assert decided.census_status == "deactivate"

    st.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    found_row = _customer(backend, huaxin)
    assert (found_row.verified_on, found_row.census_flag) == (TODAY, "verified")
    assert _customer(backend, mingyuan).census_flag == "verified"
    gone = _customer(backend, nanfang)
    assert (gone.verified_on, gone.census_flag, gone.status) == (None, "deactivated", "inactive")
    assert gone.deactivation_reason == "已搬迁"
    with backend.engine.connect() as conn:
        audit = conn.execute(
            select(AuditLog.row_pk, AuditLog.new, AuditLog.app_user).where(
                AuditLog.table_name == "customer", AuditLog.app_user == CLERK
            )
        ).all()
    flags = {
        row.row_pk: json.loads(row.new).get("census_flag")
        for row in audit
        if row.new and json.loads(row.new).get("approved_by") == MANAGER
    }
    assert flags == {
        str(huaxin): "verified",
        str(mingyuan): "verified",
        str(nanfang): "deactivated",
    }


def test_missing_customers_are_kept_or_flagged_for_investigation(
    backend: Database, clock: Clock
) -> None:
    shop = with_users(backend, clock)
    ids = customers(shop.clerk)
    huaxin, mingyuan, nanfang = ids.values()
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.CUSTOMERS, blind=True)
    st.add_by_hand(session.id, huaxin)
    st.set_census_action(session.id, mingyuan, CensusAction.KEEP, "电话确认仍在营业")
    st.to_review(session.id)
    assert {line.target_id for line in st.review(session.id).missing} == {mingyuan, nanfang}
    st.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    assert _customer(backend, huaxin).census_flag == "verified"
    assert _customer(backend, mingyuan).census_flag == "not_found"
    undecided = _customer(backend, nanfang)
    assert (undecided.census_flag, undecided.status) == ("investigate", "active")


def test_the_scope_limits_the_expected_customers(sqlite_db: Database, clock: Clock) -> None:
    shop = with_users(sqlite_db, clock)
    manager = services_for(sqlite_db, clock, Role.MANAGER, name="boss.zhao")
    east = manager.customers.save(
        CustomerInput(name="杭州东方贸易有限公司", region="华东/杭州"),
        ack={"duplicates"},
        reason="t",
    )
    manager.customers.save(
        CustomerInput(name="成都西部贸易有限公司", region="西南"), ack={"duplicates"}, reason="t"
    )
    st = shop.clerk.stocktake
    created = st.create(
        StocktakeInput(
            name="华东客户盘点", scope=StocktakeScope(kind=StocktakeKind.CUSTOMERS, region="华东")
        )
    )
    counting = st.start_counting(created.id)
    assert counting.expected_count == 1
    assert [line.target_id for line in st.lines(created.id)] == [east.id]
    outside = st.scan(created.id, ScanInput(text=manager.customers.get(east.id).code))
    assert outside.outcome is ScanOutcome.FOUND


def test_a_category_scope_takes_in_its_sub_categories(sqlite_db: Database, clock: Clock) -> None:
    shop = with_users(sqlite_db, clock)
    manager = services_for(sqlite_db, clock, Role.MANAGER, name="boss.zhao")
    admin = services_for(sqlite_db, clock, Role.ADMIN, name="it.admin").customers
    wholesale = admin.save_category(CategoryInput(name="批发"))
    east = admin.save_category(CategoryInput(name="华东批发", parent_id=wholesale.id))
    retail = admin.save_category(CategoryInput(name="零售"))
    inside = manager.customers.save(
        CustomerInput(name="杭州东方贸易有限公司", category_id=east.id),
        ack={"duplicates"},
        reason="t",
    )
    manager.customers.save(
        CustomerInput(name="成都西部零售有限公司", category_id=retail.id),
        ack={"duplicates"},
        reason="t",
    )
    st = shop.clerk.stocktake
    created = st.create(
        StocktakeInput(
            name="批发客户",
            scope=StocktakeScope(kind=StocktakeKind.CUSTOMERS, category_id=wholesale.id),
        )
    )
    st.start_counting(created.id)
    assert [line.target_id for line in st.lines(created.id)] == [inside.id]
