"""User administration as an admin sees it: add, list, roles, unlock, disable, policy, company profile."""

from __future__ import annotations

import pytest
from auth_setup import (
    ADMIN,
    ADMIN_PASSWORD,
    COMPANY,
    FakeTime,
    add_user,
    admin_actor,
    audit_actions,
    audit_text,
    auth,
    set_up,
    users,
)

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.domain.passwords import PasswordPolicy, check
from erpdesk.domain.permissions import Role
from erpdesk.services.auth_dto import LoginFailed, LoginStep, SecurityPolicy
from erpdesk.services.container import Services
from erpdesk.services.context import Actor
from erpdesk.services.errors import ConflictError, ValidationError


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def admin(backend: Database, time: FakeTime) -> Actor:
    return admin_actor(set_up(backend, time))


def test_added_user_gets_a_one_time_password_that_passes_the_policy(
    backend: Database, time: FakeTime, admin: Actor
) -> None:
    temporary = users(backend, time, admin).add(
        "  Li Na ", [Role.CLERK, Role.ACCOUNTANT], display_name="李娜"
    )
    assert temporary.username == "Li Na"
    assert check(temporary.password, PasswordPolicy()).ok
    assert temporary.password not in audit_text(backend)
    rows = users(backend, time, admin).list()
    assert [r.username for r in rows] == [ADMIN, "Li Na"]
    li = rows[1]
    assert set(li.roles) == {Role.CLERK, Role.ACCOUNTANT}
    assert li.display_name == "李娜"
    assert li.must_change_password
    assert li.active
    assert ("user_account", "insert", ADMIN) in audit_actions(backend)


def test_names_must_be_unique_ignoring_case(
    backend: Database, time: FakeTime, admin: Actor
) -> None:
    service = users(backend, time, admin)
    service.add("Wang", [Role.CLERK])
    with pytest.raises(ValidationError) as caught:
        service.add("WANG", [Role.MANAGER])
    assert caught.value.fields["username"][0] == "user.name_taken"
    with pytest.raises(ValidationError) as empty:
        service.add("x", [])
    assert empty.value.fields["roles"][0] == "user.no_roles"
    with pytest.raises(ValidationError):
        service.add("", [Role.CLERK])


def test_change_roles_is_audited_and_checks_the_version(
    backend: Database, time: FakeTime, admin: Actor
) -> None:
    service = users(backend, time, admin)
    service.add("wang", [Role.CLERK])
    before = service.get("wang")
    after = service.change_roles("wang", [Role.ACCOUNTANT, Role.MANAGER], version=before.version)
    assert set(after.roles) == {Role.ACCOUNTANT, Role.MANAGER}
    assert after.version > before.version
    with pytest.raises(ConflictError):
        service.change_roles("wang", [Role.CLERK], version=before.version)
    actions = audit_actions(backend)
    assert ("user_role", "delete", ADMIN) in actions
    assert ("user_role", "insert", ADMIN) in actions


def test_the_last_admin_stays(backend: Database, time: FakeTime, admin: Actor) -> None:
    service = users(backend, time, admin)
    with pytest.raises(DomainError) as demote:
        service.change_roles(ADMIN, [Role.MANAGER])
    assert demote.value.msg_id == "user.last_admin"
    with pytest.raises(DomainError) as self_disable:
        service.disable(ADMIN)
    assert self_disable.value.msg_id == "user.not_yourself"
    service.add("second", [Role.ADMIN])
    with pytest.raises(ValidationError):
        service.change_roles(ADMIN, [])
    assert set(service.change_roles(ADMIN, [Role.MANAGER]).roles) == {Role.MANAGER}


def test_admin_unlock_is_audited_and_lets_the_user_in(
    backend: Database, time: FakeTime, admin: Actor
) -> None:
    add_user(backend, time, admin, "li", Role.CLERK, password="Clerk#2468kq")
    service = auth(backend, time)
    for i in range(5):
        with pytest.raises(LoginFailed):
            service.login("li", f"Wrong#{i}pass")
    row = next(r for r in users(backend, time, admin).list() if r.username == "li")
    assert row.locked_until is not None
    detail = users(backend, time, admin).unlock("li")
    assert detail.locked_until is None
    assert detail.failed_logins == 0
    assert service.login("li", "Clerk#2468kq").step is LoginStep.DONE
    assert ("user_account", "unlock", ADMIN) in audit_actions(backend)


def test_disable_and_enable(backend: Database, time: FakeTime, admin: Actor) -> None:
    add_user(backend, time, admin, "li", Role.CLERK, password="Clerk#2468kq")
    service = users(backend, time, admin)
    assert not service.disable("li").active
    assert [r.username for r in service.list(include_disabled=False)] == [ADMIN]
    assert service.enable("li").active
    assert auth(backend, time).login("li", "Clerk#2468kq").step is LoginStep.DONE


def test_unknown_user_is_reported(backend: Database, time: FakeTime, admin: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        users(backend, time, admin).unlock("nobody")
    assert caught.value.msg_id == "user.not_found"


def test_policy_is_validated_and_versioned(backend: Database, time: FakeTime, admin: Actor) -> None:
    service = users(backend, time, admin)
    current = service.get_policy()
    assert current.password == PasswordPolicy()
    assert current.idle_lock_minutes == 15
    with pytest.raises(ValidationError) as caught:
        service.set_policy(
            SecurityPolicy(
                password=PasswordPolicy(min_length=4, expiry_days=7),
                idle_lock_minutes=90,
                version=current.version,
            )
        )
    assert set(caught.value.fields) == {"min_length", "expiry_days", "idle_lock_minutes"}
    saved = service.set_policy(
        SecurityPolicy(
            password=PasswordPolicy(min_length=12, extra_words=("huaxin",)),
            idle_lock_minutes=5,
            version=current.version,
        )
    )
    assert saved.password.min_length == 12
    assert saved.password.extra_words == ("huaxin",)
    with pytest.raises(ConflictError):
        service.set_policy(SecurityPolicy(version=current.version))
    problems = auth(backend, time).check_password("Huaxin#2025xyz").problems
    assert "pw.contains_word" in {p.msg_id for p in problems}
    assert auth(backend, time).idle_lock_minutes() == 5


def test_company_profile_is_edited_by_the_admin(
    backend: Database, time: FakeTime, admin: Actor
) -> None:
    service = users(backend, time, admin)
    profile = service.get_company_profile()
    assert profile is not None
    assert profile.name == COMPANY.name
    changed = service.set_company_profile(
        profile.__class__(
            name=profile.name,
            address="上海市黄浦区南京东路 1 号",
            tax_number="91310101ma1fxxxxxx",
            bank_name=profile.bank_name,
            bank_account=profile.bank_account,
            version=profile.version,
        )
    )
    assert changed.address == "上海市黄浦区南京东路 1 号"
    assert changed.tax_number.isupper()
    with pytest.raises(ConflictError):
        service.set_company_profile(profile)


def test_recovery_codes_can_be_regenerated(backend: Database, time: FakeTime, admin: Actor) -> None:
    codes = users(backend, time, admin).regenerate_recovery_codes()
    assert len(codes) == 10
    result = auth(backend, time).recover_with_code(ADMIN, codes[0], "Fresh#pass2468")
    assert result.recovery_codes_left == 9
    assert auth(backend, time).login(ADMIN, "Fresh#pass2468").step is LoginStep.DONE
    with pytest.raises(LoginFailed):
        auth(backend, time).login(ADMIN, ADMIN_PASSWORD)


def test_services_container_offers_auth_and_users(
    backend: Database, time: FakeTime, admin: Actor
) -> None:
    services = Services(backend, admin, time.clock)
    assert services.users is services.users
    assert [r.username for r in services.users.list()] == [ADMIN]
    assert services.auth.idle_lock_minutes() == 15
