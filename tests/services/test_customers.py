"""The customer archive as a clerk and a manager use it: create, find, edit, codes, duplicates,
deactivate, delete, history. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import (
    ContactInput,
    CustomerFilter,
    CustomerInput,
    CustomerSort,
    CustomerSortKey,
    StatusFilter,
)
from erpdesk.services.customers import CustomerService
from erpdesk.services.errors import (
    ConfirmRequired,
    ConflictError,
    PermissionDenied,
    ValidationError,
)


def service(database: Database, clock: Clock, user: str = "wang", *roles: Role) -> CustomerService:
    return CustomerService(database, Actor(user, frozenset(roles or {Role.MANAGER})), clock)


@pytest.fixture
def manager(backend: Database, clock: Clock) -> CustomerService:
    return service(backend, clock, "wang", Role.MANAGER)


@pytest.fixture
def clerk(backend: Database, clock: Clock) -> CustomerService:
    return service(backend, clock, "li", Role.CLERK)


def company(name: str = "重庆银行股份有限公司", **kw: object) -> CustomerInput:
    return CustomerInput(name=name, **kw)  # type: ignore[arg-type]


def test_clerk_creates_a_customer_with_two_contacts(clerk: CustomerService) -> None:
    proposal = clerk.propose_code()
    saved = clerk.save(
        company(
            contacts=(
                ContactInput(name="张三", position="采购", mobile="138 0013 8000"),
                ContactInput(name="李四", phone="023-6379 2888", email="li@example.com"),
            ),
            credit_limit=Decimal("50000.00"),
            payment_terms_days=30,
        )
    )
    assert saved.code == proposal.code == "KH00001"
    detail = clerk.get(saved.id)
    assert detail.short_name == "重庆银行"
    assert detail.mnemonic == "CQYH"
    assert [c.name for c in detail.contacts] == ["张三", "李四"]
    assert detail.contacts[0].is_primary
    assert not detail.contacts[1].is_primary
    assert detail.credit_limit == Decimal("50000.00")
    assert detail.created_by == "li"
    row = clerk.rows([saved.id])[saved.id]
    assert (row.contact, row.mobile, row.active) == ("张三", "138 0013 8000", True)


def test_automatic_codes_are_consecutive_and_the_proposal_moves_on(clerk: CustomerService) -> None:
    codes = [clerk.save(company(f"客户{i}号")).code for i in range(3)]
    assert codes == ["KH00001", "KH00002", "KH00003"]
    assert clerk.propose_code().code == "KH00004"


def test_proposal_taken_by_another_clerk_is_reported(
    backend: Database, clock: Clock, clerk: CustomerService
) -> None:
    draft = clerk.new_draft()
    other = service(backend, clock, "zhao", Role.CLERK)
    other.save(company("别人的客户"))
    saved = clerk.save(company("我的客户", code=draft.code))
    assert saved.proposal_differed
    assert saved.proposed_code == "KH00001"
    assert saved.code == "KH00002"


def test_hand_typed_code_that_clashes_is_refused(manager: CustomerService) -> None:
    first = manager.save(company("甲公司", code=" ｋｈ-９ ", code_manual=True))
    assert first.code == "KH-9"
    with pytest.raises(DomainError) as err:
        manager.save(company("乙公司", code="kh-9", code_manual=True))
    assert err.value.msg_id == "code.taken"
    assert "甲公司" in str(err.value)
    with pytest.raises(DomainError) as bad:
        manager.save(company("丙公司", code="KH 9", code_manual=True))
    assert bad.value.msg_id == "code.bad_chars"


def test_clerk_may_not_type_a_code(clerk: CustomerService) -> None:
    with pytest.raises(PermissionDenied):
        clerk.save(company(code="X1", code_manual=True))


def test_allocator_skips_a_code_typed_by_hand(manager: CustomerService) -> None:
    manager.save(company("手工", code="KH00002", code_manual=True))
    assert manager.propose_code().code == "KH00001"
    assert manager.save(company("自动一")).code == "KH00001"
    assert manager.propose_code().code == "KH00003"
    assert manager.save(company("自动二")).code == "KH00003"


def test_code_change_needs_a_reason_and_keeps_the_old_code_findable(
    manager: CustomerService,
) -> None:
    saved = manager.save(company())
    with pytest.raises(DomainError) as err:
        manager.change_code(saved.id, saved.version, "CQ-001", "  ")
    assert err.value.msg_id == "customer.reason_required"
    done = manager.change_code(saved.id, saved.version, "cq-001", "按地区重新编码")
    assert done.code == "CQ-001"
    assert list(manager.search_ids("KH00001")) == [saved.id]
    assert manager.get_by_code("kh00001").code == "CQ-001"
    detail = manager.get(saved.id)
    assert [(o.code, o.reason, o.changed_by) for o in detail.old_codes] == [
        ("KH00001", "按地区重新编码", "wang")
    ]
    change = [h for h in detail.history if h.action == "change_code"]
    assert [(h.old, h.new, h.reason) for h in change] == [("KH00001", "CQ-001", "按地区重新编码")]
    hits = manager.find("KH00001")
    assert (hits[0].matched, hits[0].code) == ("old_code", "CQ-001")
    # an old code is never reissued, not even by hand
    with pytest.raises(DomainError) as taken:
        manager.save(company("新客户", code="KH00001", code_manual=True))
    assert taken.value.msg_id == "code.taken"
    assert manager.save(company("新客户")).code == "KH00002"


def test_clerk_may_not_change_a_code(clerk: CustomerService) -> None:
    saved = clerk.save(company())
    with pytest.raises(PermissionDenied):
        clerk.change_code(saved.id, saved.version, "X", "why")


def test_search_by_pinyin_name_contact_phone_and_code(clerk: CustomerService) -> None:
    bank = clerk.save(
        company(contacts=(ContactInput(name="欧阳娜娜", mobile="+86 139-1234-5678"),))
    ).id
    other = clerk.save(company("上海明达机械有限公司", phone="021-62345678")).id
    assert list(clerk.search_ids("cqy")) == [bank]
    assert list(clerk.search_ids("CQYH")) == [bank]
    assert list(clerk.search_ids("重庆银")) == [bank]
    assert list(clerk.search_ids("银行")) == [bank]  # under three characters: a LIKE scan
    assert list(clerk.search_ids("欧阳娜")) == [bank]
    assert list(clerk.search_ids("1234567")) == [bank]
    assert list(clerk.search_ids("139 1234")) == [bank]
    assert list(clerk.search_ids("6234567")) == [other]
    assert list(clerk.search_ids("明达机械")) == [other]
    assert list(clerk.search_ids("KH0000")) == [bank, other]
    assert list(clerk.search_ids("kh00002")) == [other]
    assert list(clerk.search_ids("不存在的公司")) == []
    assert list(clerk.search_ids("")) == [bank, other]


def test_search_by_tax_number(clerk: CustomerService) -> None:
    saved = clerk.save(company(tax_number="91350100m000100y43"))
    assert list(clerk.search_ids("91350100M000100Y43")) == [saved.id]


def test_search_finds_a_renamed_customer_and_drops_removed_contacts(
    clerk: CustomerService,
) -> None:
    saved = clerk.save(company(contacts=(ContactInput(name="欧阳娜娜"),)))
    detail = clerk.get(saved.id)
    clerk.save(CustomerInput(id=saved.id, version=detail.version, name="成都天府科技有限公司"))
    assert list(clerk.search_ids("天府科技")) == [saved.id]
    assert list(clerk.search_ids("重庆银行")) == []
    assert list(clerk.search_ids("欧阳娜")) == []
    assert clerk.get(saved.id).mnemonic == "CDTFKJ"


def test_manual_mnemonic_is_kept_on_rename(clerk: CustomerService) -> None:
    saved = clerk.save(company("长沙银行", mnemonic="zsyh", mnemonic_manual=True))
    assert clerk.get(saved.id).mnemonic == "ZSYH"
    clerk.save(
        CustomerInput(
            id=saved.id,
            version=saved.version,
            name="长沙银行总行",
            mnemonic="ZSYH",
            mnemonic_manual=True,
        )
    )
    assert clerk.get(saved.id).mnemonic == "ZSYH"
    assert list(clerk.search_ids("ZSY")) == [saved.id]


def test_field_errors_are_named_per_field(clerk: CustomerService) -> None:
    with pytest.raises(ValidationError) as err:
        clerk.save(
            CustomerInput(
                name=" ",
                phone="12345",
                email="not-an-address",
                credit_limit=Decimal("-1"),
                contacts=(ContactInput(name="", mobile="999"),),
            )
        )
    assert err.value.fields == {
        "name": ("customer.name_required", {}),
        "phone": ("customer.phone_invalid", {"value": "12345"}),
        "email": ("customer.email_invalid", {"value": "not-an-address"}),
        "credit_limit": ("customer.credit_negative", {}),
        "contacts[0].name": ("customer.contact_name_required", {}),
        "contacts[0].mobile": ("customer.phone_invalid", {"value": "999"}),
    }
    assert list(clerk.search_ids("")) == []


def test_wrong_credit_code_check_character_warns_but_saves(clerk: CustomerService) -> None:
    report = clerk.check(company(tax_number="91350100M000100Y44"))
    assert report.ok
    saved = clerk.save(company(tax_number="91350100M000100Y44"))
    assert [(w.field, w.msg_id, w.params["expected"]) for w in saved.warnings] == [
        ("tax_number", "customer.tax_number_check", "3")
    ]
    assert clerk.get(saved.id).tax_number == "91350100M000100Y44"


def test_duplicates_ask_first_and_saving_anyway_needs_a_reason_and_is_logged(
    clerk: CustomerService,
) -> None:
    first = clerk.save(
        company("上海明达机械有限公司", contacts=(ContactInput(name="王", mobile="13800138000"),))
    )
    draft = company(
        "上海 明达机械", contacts=(ContactInput(name="赵", mobile="+86 138 0013 8000"),)
    )
    with pytest.raises(ConfirmRequired) as ask:
        clerk.save(draft)
    assert ask.value.key == "duplicates"
    (match,) = ask.value.params["matches"]
    assert (match.customer_id, match.signals) == (first.id, ("phone", "name"))
    with pytest.raises(DomainError) as no_reason:
        clerk.save(draft, ack={"duplicates"})
    assert no_reason.value.msg_id == "customer.reason_required"
    second = clerk.save(draft, ack={"duplicates"}, reason="同名不同厂")
    entries = [h for h in clerk.history(second.id) if h.entity == "duplicate_ack"]
    assert [(e.reason, e.new, e.user) for e in entries] == [("同名不同厂", first.code, "li")]


def test_same_tax_number_is_a_duplicate_even_with_another_name(clerk: CustomerService) -> None:
    clerk.save(company("甲", tax_number="91350100M000100Y43"))
    matches = clerk.find_duplicates(company("完全不同的名字", tax_number="91350100m000100y43"))
    assert [m.signals for m in matches] == [("tax_number",)]


def test_second_clerk_save_reports_conflict_naming_who_and_what(
    backend: Database, clock: Clock, clerk: CustomerService
) -> None:
    saved = clerk.save(company())
    mine = clerk.get(saved.id)
    other = service(backend, clock, "zhao", Role.CLERK)
    theirs = other.get(saved.id)
    other.save(
        CustomerInput(
            id=saved.id,
            version=theirs.version,
            name=theirs.name,
            notes="已签合同",
            contacts=(ContactInput(name="新联系人"),),
        )
    )
    with pytest.raises(ConflictError) as err:
        clerk.save(CustomerInput(id=saved.id, version=mine.version, name="改名"))
    assert err.value.params["user"] == "zhao"
    assert set(err.value.params["fields"]) == {"notes", "contacts"}
    assert err.value.params["current"].notes == "已签合同"
    assert "zhao" in str(err.value)
    assert clerk.get(saved.id).name == "重庆银行股份有限公司"


def test_deactivate_hides_and_restore_brings_back(
    manager: CustomerService, clerk: CustomerService
) -> None:
    saved = manager.save(company())
    with pytest.raises(PermissionDenied):
        clerk.deactivate(saved.id, saved.version, "不再合作")
    with pytest.raises(DomainError):
        manager.deactivate(saved.id, saved.version, "")
    done = manager.deactivate(saved.id, saved.version, "不再合作")
    assert list(manager.search_ids("")) == []
    assert list(manager.search_ids("", CustomerFilter(status=StatusFilter.INACTIVE))) == [saved.id]
    assert list(manager.search_ids("重庆", CustomerFilter(status=StatusFilter.ALL))) == [saved.id]
    detail = manager.get(saved.id)
    assert not detail.active
    assert detail.deactivation_reason == "不再合作"
    assert any(h.field == "status" and h.reason == "不再合作" for h in detail.history)
    manager.restore(saved.id, done.version)
    assert list(manager.search_ids("")) == [saved.id]


def test_delete_asks_for_confirmation_and_keeps_the_code_reserved(
    manager: CustomerService,
) -> None:
    saved = manager.save(company())
    with pytest.raises(ConfirmRequired) as ask:
        manager.delete(saved.id, saved.version)
    assert ask.value.key == "delete"
    manager.delete(saved.id, saved.version, ack={"delete"})
    with pytest.raises(DomainError) as gone:
        manager.get(saved.id)
    assert gone.value.msg_id == "customer.not_found"
    assert not manager.is_code_free("KH00001")
    assert manager.save(company("下一个")).code == "KH00002"


def test_customer_with_history_cannot_be_deleted(manager: CustomerService) -> None:
    from erpdesk.services.customer_dto import InteractionInput

    saved = manager.save(company())
    manager.save_interaction(InteractionInput(customer_id=saved.id, note="电话沟通"))
    detail = manager.get(saved.id)
    assert detail.has_history
    with pytest.raises(DomainError) as err:
        manager.delete(saved.id, detail.version, ack={"delete"})
    assert err.value.msg_id == "customer.has_history"


def test_history_lists_contact_changes_field_by_field(clerk: CustomerService) -> None:
    saved = clerk.save(company(contacts=(ContactInput(name="张三", mobile="13800138000"),)))
    detail = clerk.get(saved.id)
    contact = detail.contacts[0]
    clerk.save(
        CustomerInput(
            id=saved.id,
            version=detail.version,
            name=detail.name,
            notes="老客户",
            contacts=(ContactInput(id=contact.id, name="张三", mobile="13900139000"),),
        )
    )
    history = clerk.history(saved.id)
    mobile = [h for h in history if h.entity == "contact" and h.field == "mobile"]
    assert [(h.old, h.new, h.label, h.user) for h in mobile] == [
        ("13800138000", "13900139000", "张三", "li")
    ]
    notes = [h for h in history if h.field == "notes"]
    assert [(h.old, h.new) for h in notes] == [("", "老客户")]


def test_relationships_show_from_both_sides(clerk: CustomerService) -> None:
    from erpdesk.domain.customers import RelationKind, RelationRole
    from erpdesk.services.customer_dto import RelationshipInput

    parent = clerk.save(company("明达集团有限公司")).id
    branch = clerk.save(company("明达集团成都分公司")).id
    clerk.add_relationship(
        RelationshipInput(from_id=parent, to_id=branch, kind=RelationKind.PARENT)
    )
    (down,) = clerk.get(parent).relationships
    (up,) = clerk.get(branch).relationships
    assert (down.role, down.other_id) == (RelationRole.BRANCH, branch)
    assert (up.role, up.other_id) == (RelationRole.PARENT, parent)
    with pytest.raises(DomainError):
        clerk.add_relationship(
            RelationshipInput(from_id=parent, to_id=branch, kind=RelationKind.PARENT)
        )
    clerk.remove_relationship(down.id)
    assert clerk.get(branch).relationships == ()
    assert any(h.entity == "relationship" for h in clerk.history(branch))


def test_follow_ups_due_filter(clerk: CustomerService, clock: Clock) -> None:
    from erpdesk.services.customer_dto import InteractionInput

    due = clerk.save(company("今天要回访")).id
    later = clerk.save(company("下月回访")).id
    today = clock.today()
    clerk.save_interaction(InteractionInput(customer_id=due, note="报价", follow_up_date=today))
    entry = clerk.save_interaction(
        InteractionInput(customer_id=later, note="拜访", follow_up_date=today + timedelta(days=30))
    )
    assert entry.editable
    assert entry.author == "li"
    assert list(clerk.search_ids("", CustomerFilter(follow_ups_due=True))) == [due]
    assert clerk.get(later).next_follow_up == today + timedelta(days=30)


def test_filters_and_sorting_run_in_sql(manager: CustomerService, backend: Database) -> None:
    from erpdesk.domain.permissions import Role as R
    from erpdesk.services.customer_dto import CategoryInput, LevelInput

    admin = CustomerService(backend, Actor("root", frozenset({R.ADMIN})), manager.clock)
    east = admin.save_category(CategoryInput(name="华东区"))
    factory = admin.save_category(CategoryInput(name="制造业", parent_id=east.id))
    south = admin.save_category(CategoryInput(name="华南区"))
    assert (east.code, factory.code, south.code) == ("01", "01001", "02")
    vip = admin.save_level(LevelInput(name="VIP"))
    a = manager.save(company("B公司", category_id=factory.id, level_id=vip.id, region="上海")).id
    b = manager.save(company("A公司", category_id=south.id, region="广东")).id
    c = manager.save(company("C公司", category_id=east.id, level_id=vip.id, region="上海")).id
    assert list(manager.search_ids("", CustomerFilter(category_id=east.id))) == [a, c]
    assert list(manager.search_ids("", CustomerFilter(level_id=vip.id))) == [a, c]
    assert list(manager.search_ids("", CustomerFilter(region="广东"))) == [b]
    by_name = manager.search_ids("", sort=CustomerSort(key=CustomerSortKey.NAME))
    assert list(by_name) == [b, a, c]
    desc = manager.search_ids("", sort=CustomerSort(key=CustomerSortKey.CODE, descending=True))
    assert list(desc) == [c, b, a]
    row = manager.rows([a])[a]
    assert (row.category, row.level) == ("制造业", "VIP")
    assert manager.regions() == ("上海", "广东")


def test_code_rule_per_category_with_region_and_date(
    backend: Database, clock: Clock, manager: CustomerService
) -> None:
    from erpdesk.domain.codes import CodeReset
    from erpdesk.services.customer_dto import CategoryInput, CodeRuleInput

    admin = CustomerService(backend, Actor("root", frozenset({Role.ADMIN})), clock)
    cat = admin.save_category(CategoryInput(name="制造业", prefix="zz"))
    sub = admin.save_category(CategoryInput(name="机械", parent_id=cat.id))
    rule = admin.save_code_rule(
        CodeRuleInput(
            pattern="{REGION}{CAT}{YY}{SEQ:3}", reset=CodeReset.YEARLY, category_id=cat.id
        )
    )
    assert rule.preview == ("ZZ25001", "ZZ25002", "ZZ25003")
    with pytest.raises(PermissionDenied):
        manager.save_code_rule(CodeRuleInput(pattern="X{SEQ:2}"))
    saved = manager.save(company("明达机械", category_id=sub.id, region="华东/上海"))
    # the sub-category inherits its parent's rule; its {CAT} is its own level code
    assert saved.code == "HD0100125001"
    assert manager.save(company("明达五金", category_id=cat.id, region="华东")).code == "HDZZ25001"
    assert manager.save(company("其他客户")).code == "KH00001"  # global default elsewhere
    with pytest.raises(DomainError) as err:
        admin.save_code_rule(CodeRuleInput(pattern="KH{SEQ}{SEQ}"))
    assert err.value.msg_id == "code.rule_invalid"


def test_admin_can_view_but_not_create(backend: Database, clock: Clock) -> None:
    admin = CustomerService(backend, Actor("root", frozenset({Role.ADMIN})), clock)
    assert list(admin.search_ids("")) == []
    with pytest.raises(PermissionDenied):
        admin.save(company())


def test_saving_without_changes_keeps_the_version(clerk: CustomerService) -> None:
    saved = clerk.save(company(contacts=(ContactInput(name="张三"),)))
    detail = clerk.get(saved.id)
    again = clerk.save(
        CustomerInput(
            id=saved.id,
            version=detail.version,
            name=detail.name,
            short_name=detail.short_name,
            contacts=(ContactInput(id=detail.contacts[0].id, name="张三", is_primary=True),),
        )
    )
    assert again.version == detail.version
    assert clerk.get(saved.id).updated_at == detail.updated_at


def test_first_page_matches_the_start_of_the_full_list(clerk: CustomerService) -> None:
    for i in range(5):
        clerk.save(company(f"第{i}家客户"))
    by_name = CustomerSort(key=CustomerSortKey.NAME, descending=True)
    ids = clerk.search_ids("客户", sort=by_name)
    page = clerk.first_page("客户", sort=by_name, limit=3)
    assert [r.id for r in page] == list(ids[:3])
