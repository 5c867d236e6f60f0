"""Logging in: first-run set-up, the same message for unknown users, lockout (fake clock), forced change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from auth_setup import (
    ADMIN,
    ADMIN_PASSWORD,
    COMPANY,
    FAST,
    FakeTime,
    add_user,
    admin_actor,
    audit_actions,
    audit_text,
    auth,
    set_up,
    users,
)
from sqlalchemy import select

from erpdesk.db.audit import verify_chain
from erpdesk.db.engine import Database, open_database
from erpdesk.db.models.user import UserAccount
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import LoginFailed, LoginFailureReason, LoginStep
from erpdesk.services.errors import ValidationError

CLERK_PASSWORD = "Clerk#2468kq"


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


def failure(fn, *args: object):  # type: ignore[no-untyped-def]
    with pytest.raises(LoginFailed) as caught:
        fn(*args)
    return caught.value.failure


# ------------------------------------------------------------------------------ first run


def test_first_run_creates_company_and_admin_with_ten_recovery_codes(
    backend: Database, time: FakeTime
) -> None:
    service = auth(backend, time)
    assert service.needs_setup()
    setup = set_up(backend, time)
    assert not service.needs_setup()
    assert setup.login.step is LoginStep.DONE
    assert setup.login.roles == (Role.ADMIN,)
    assert len(setup.recovery_codes) == 10
    assert len(set(setup.recovery_codes)) == 10
    assert setup.login.recovery_codes_left == 10
    assert setup.company.name == COMPANY.name
    assert setup.company.tax_number == COMPANY.tax_number
    profile = users(backend, time, admin_actor(setup)).get_company_profile()
    assert profile is not None
    assert profile.bank_account == COMPANY.bank_account
    # The admin logs in straight away next time: no forced change for the password chosen at set-up.
    assert service.login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE
    # Codes are stored hashed: none of them appears anywhere in the database's audit trail.
    assert not any(code in audit_text(backend) for code in setup.recovery_codes)


def test_first_run_refuses_weak_password_and_empty_company(
    backend: Database, time: FakeTime
) -> None:
    service = auth(backend, time)
    with pytest.raises(ValidationError) as caught:
        service.first_run_setup(COMPANY.__class__(name=" "), "boss", "abcd1234")
    assert set(caught.value.fields) == {"company_name", "password"}
    assert service.needs_setup()


def test_second_setup_is_refused(backend: Database, time: FakeTime) -> None:
    set_up(backend, time)
    with pytest.raises(DomainError) as caught:
        auth(backend, time).first_run_setup(COMPANY, "other", "Second#2468kq")
    assert caught.value.msg_id == "auth.already_set_up"


def test_company_name_counts_as_context_word_at_setup(backend: Database, time: FakeTime) -> None:
    check = auth(backend, time).check_password("Acmetrade#2025", company_name="ACMETRADE")
    assert {p.msg_id for p in check.problems} == {"pw.contains_word"}


# ---------------------------------------------------------------------------- the message


def test_unknown_user_and_wrong_password_get_the_same_message(
    backend: Database, time: FakeTime
) -> None:
    set_up(backend, time)
    service = auth(backend, time)
    wrong = failure(service.login, ADMIN, "Wrong#password1")
    unknown = failure(service.login, "nobody", "Wrong#password1")
    assert wrong.reason is unknown.reason is LoginFailureReason.BAD_CREDENTIALS
    for lang in ("en", "zh_CN"):
        assert render(wrong.msg_id, lang, **wrong.params_dict) == render(
            unknown.msg_id, lang, **unknown.params_dict
        )
    assert "用户名或密码错误" in render(wrong.msg_id, "zh_CN", **wrong.params_dict)
    assert wrong.tries_left == unknown.tries_left == 4


class CountingHasher(PasswordHasher):
    calls = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        CountingHasher.calls += 1
        return super().verify(hash, password)


def test_unknown_user_runs_a_dummy_verification(sqlite_db: Database, time: FakeTime) -> None:
    set_up(sqlite_db, time)
    hasher = CountingHasher(time_cost=1, memory_cost=1024, parallelism=1)
    service = AuthService(sqlite_db, time.clock, hasher=hasher)
    before = CountingHasher.calls
    failure(service.login, "nobody", "Wrong#password1")
    assert CountingHasher.calls == before + 1


def test_unknown_names_lock_too_so_locks_do_not_reveal_names(
    backend: Database, time: FakeTime
) -> None:
    set_up(backend, time)
    service = auth(backend, time)
    for _ in range(4):
        failure(service.login, "ghost", "Wrong#password1")
    assert failure(service.login, "ghost", "Wrong#password1").reason is LoginFailureReason.LOCKED


# -------------------------------------------------------------------------------- lockout


def test_five_failures_lock_for_fifteen_minutes_even_for_the_right_password(
    backend: Database, time: FakeTime
) -> None:
    set_up(backend, time)
    service = auth(backend, time)
    tries = [failure(service.login, ADMIN, f"Wrong#pass{i}") for i in range(5)]
    assert [t.tries_left for t in tries[:4]] == [4, 3, 2, 1]
    locked = tries[4]
    assert locked.reason is LoginFailureReason.LOCKED
    assert locked.locked_until == time.now + timedelta(minutes=15)
    assert locked.params_dict["until"] == "2025-05-03 09:45"  # Shanghai time in the message
    # The sixth try, with the right password, is refused with the lock message.
    sixth = failure(service.login, ADMIN, ADMIN_PASSWORD)
    assert sixth.reason is LoginFailureReason.LOCKED
    time.advance(minutes=14, seconds=59)
    assert failure(service.login, ADMIN, ADMIN_PASSWORD).reason is LoginFailureReason.LOCKED
    time.advance(seconds=1)
    assert service.login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE
    actions = [a for _t, a, _u in audit_actions(backend)]
    assert actions.count("login_failed") == 5
    assert "locked" in actions
    assert "login_refused_locked" in actions
    assert actions[-1] == "login"
    with backend.engine.connect() as conn:
        assert verify_chain(conn)[1] is None  # the login events are part of the hash chain


def test_lock_holds_across_restart_and_a_second_pc(sqlite_db: Database, time: FakeTime) -> None:
    set_up(sqlite_db, time)
    for i in range(5):
        failure(auth(sqlite_db, time).login, ADMIN, f"Wrong#pass{i}")
    second_pc = open_database(sqlite_db.url.render_as_string(hide_password=False))
    try:
        refused = failure(auth(second_pc, time).login, ADMIN, ADMIN_PASSWORD)
        assert refused.reason is LoginFailureReason.LOCKED
    finally:
        second_pc.dispose()


def test_each_further_lock_doubles_and_success_resets(backend: Database, time: FakeTime) -> None:
    set_up(backend, time)
    service = auth(backend, time)
    for i in range(5):
        failure(service.login, ADMIN, f"Wrong#pass{i}")
    time.advance(minutes=15)
    for i in range(4):
        assert failure(service.login, ADMIN, f"Wrong#again{i}").tries_left == 4 - i
    second = failure(service.login, ADMIN, "Wrong#again4")
    assert second.locked_until == time.now + timedelta(minutes=30)
    time.advance(minutes=30)
    assert service.login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE
    # Success reset both the counter and the doubling.
    assert failure(service.login, ADMIN, "Wrong#pass").tries_left == 4
    for i in range(4):
        failure(service.login, ADMIN, f"Wrong#later{i}")
    assert (
        service.now() + timedelta(minutes=15)
        == failure(service.login, ADMIN, ADMIN_PASSWORD).locked_until
    )


def test_failures_are_committed_and_audited_without_the_password(
    backend: Database, time: FakeTime
) -> None:
    set_up(backend, time)
    failure(auth(backend, time).login, ADMIN, "Secret-typo#42")
    failure(auth(backend, time).login, "Secret-typo#43", "whatever")  # a password in the name field
    text = audit_text(backend)
    assert "Secret-typo" not in text
    assert ("user_account", "login_failed", ADMIN) in audit_actions(backend)


def test_disabled_user_is_refused(backend: Database, time: FakeTime) -> None:
    setup = set_up(backend, time)
    add_user(backend, time, admin_actor(setup), "li", Role.CLERK, password=CLERK_PASSWORD)
    users(backend, time, admin_actor(setup)).disable("li")
    assert (
        failure(auth(backend, time).login, "li", CLERK_PASSWORD).reason
        is LoginFailureReason.DISABLED
    )
    # A wrong password on a disabled account still says only "wrong user name or password".
    assert (
        failure(auth(backend, time).login, "li", "Wrong#pass1").reason
        is LoginFailureReason.BAD_CREDENTIALS
    )


def test_user_names_are_case_insensitive(backend: Database, time: FakeTime) -> None:
    set_up(backend, time)
    assert auth(backend, time).login("BOSS", ADMIN_PASSWORD).username == ADMIN


# ------------------------------------------------------------------- passwords and changes


def test_new_user_must_change_the_one_time_password(backend: Database, time: FakeTime) -> None:
    setup = set_up(backend, time)
    temporary = users(backend, time, admin_actor(setup)).add("li", [Role.CLERK])
    service = auth(backend, time)
    first = service.login("li", temporary.password)
    assert first.step is LoginStep.CHANGE_PASSWORD
    assert first.ticket
    with pytest.raises(ValidationError) as weak:
        service.change_password("li", temporary.password, "abcd1234", ticket=first.ticket)
    assert weak.value.fields["password"][0] == "pw.needs_mix"
    with pytest.raises(ValidationError) as same:
        service.change_password("li", temporary.password, temporary.password, ticket=first.ticket)
    assert same.value.fields["password"][0] == "pw.same_as_old"
    done = service.change_password("li", temporary.password, CLERK_PASSWORD, ticket=first.ticket)
    assert done.step is LoginStep.DONE
    assert done.actor.roles == frozenset({Role.CLERK})
    assert service.login("li", CLERK_PASSWORD).step is LoginStep.DONE
    assert (
        failure(service.login, "li", temporary.password).reason
        is LoginFailureReason.BAD_CREDENTIALS
    )


def test_admin_reset_gives_a_one_time_password_and_lifts_a_lock(
    backend: Database, time: FakeTime
) -> None:
    setup = set_up(backend, time)
    add_user(backend, time, admin_actor(setup), "li", Role.CLERK, password=CLERK_PASSWORD)
    service = auth(backend, time)
    for i in range(5):
        failure(service.login, "li", f"Wrong#pass{i}")
    temporary = users(backend, time, admin_actor(setup)).reset_password("li")
    step = service.login("li", temporary.password)
    assert step.step is LoginStep.CHANGE_PASSWORD
    assert ("user_account", "password_reset", ADMIN) in audit_actions(backend)


def test_with_expiry_on_the_last_passwords_cannot_be_reused(
    backend: Database, time: FakeTime
) -> None:
    setup = set_up(backend, time)
    admin_users = users(backend, time, admin_actor(setup))
    policy = admin_users.get_policy()
    admin_users.set_policy(
        policy.__class__(
            password=policy.password.__class__(expiry_days=90),
            totp_required_for_admins=False,
            idle_lock_minutes=15,
            version=policy.version,
        )
    )
    service = auth(backend, time)
    service.change_password(ADMIN, ADMIN_PASSWORD, "Second#pass2468")
    with pytest.raises(ValidationError) as caught:
        service.change_password(ADMIN, "Second#pass2468", ADMIN_PASSWORD)
    assert caught.value.fields["password"][0] == "pw.reused"
    # After 90 days the password has expired: the next login asks for a new one.
    time.advance(days=91)
    assert service.login(ADMIN, "Second#pass2468").step is LoginStep.CHANGE_PASSWORD


def test_expiry_is_off_by_default(backend: Database, time: FakeTime) -> None:
    set_up(backend, time)
    time.advance(days=3650)
    assert auth(backend, time).login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE


def test_a_changed_last_character_of_a_long_passphrase_fails(
    backend: Database, time: FakeTime
) -> None:
    setup = set_up(backend, time)
    phrase = ("我们的仓库在浦东, the stock is counted every March 31 and September 30! " * 2)[:100]
    add_user(backend, time, admin_actor(setup), "li", Role.CLERK, password=phrase)
    service = auth(backend, time)
    assert service.login("li", phrase).step is LoginStep.DONE
    wrong = phrase[:-1] + ("x" if phrase[-1] != "x" else "y")
    assert failure(service.login, "li", wrong).reason is LoginFailureReason.BAD_CREDENTIALS


def test_default_hash_parameters_and_upgrade_at_next_login(
    sqlite_db: Database, time: FakeTime
) -> None:
    """A4: argon2id t=3, m=64 MiB, p=4; a hash with older parameters is upgraded at login."""
    set_up(sqlite_db, time)  # stored with the cheap test parameters
    service = AuthService(sqlite_db, time.clock)  # the default hasher
    assert service.login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE
    with sqlite_db.engine.connect() as conn:
        stored = conn.execute(select(UserAccount.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert not FAST.check_needs_rehash(FAST.hash("x"))
    assert service.login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE


# -------------------------------------------------------------- recovery and idle lock


def test_recovery_code_lets_a_locked_out_admin_in_once(backend: Database, time: FakeTime) -> None:
    setup = set_up(backend, time)
    service = auth(backend, time)
    for i in range(5):
        failure(service.login, ADMIN, f"Wrong#pass{i}")
    code = setup.recovery_codes[3]
    result = service.recover_with_code(ADMIN, code.lower(), "Brand-new#pass77")
    assert result.step is LoginStep.DONE
    assert result.recovery_codes_left == 9
    assert service.login(ADMIN, "Brand-new#pass77").step is LoginStep.DONE
    used = failure(service.recover_with_code, ADMIN, code, "Another#pass778")
    assert used.reason is LoginFailureReason.WRONG_CODE
    unknown = failure(service.recover_with_code, "nobody", code, "Another#pass778")
    assert unknown.msg_id == used.msg_id
    actions = [a for _t, a, _u in audit_actions(backend)]
    assert "recovery_code_used" in actions
    assert "unlock" in actions


def test_reauthenticate_for_the_idle_lock(backend: Database, time: FakeTime) -> None:
    setup = set_up(backend, time)
    service = auth(backend, time, actor=admin_actor(setup))
    assert service.idle_lock_minutes() == 15
    service.reauthenticate(ADMIN_PASSWORD)
    wrong = failure(service.reauthenticate, "Wrong#pass1")
    assert wrong.tries_left == 4
    assert "reauthenticated" in [a for _t, a, _u in audit_actions(backend)]


def test_ticket_expires_after_five_minutes(backend: Database, time: FakeTime) -> None:
    setup = set_up(backend, time)
    temporary = users(backend, time, admin_actor(setup)).add("li", [Role.CLERK])
    service = auth(backend, time)
    first = service.login("li", temporary.password)
    time.advance(minutes=6)
    expired = failure(
        lambda: service.change_password(
            "li", temporary.password, CLERK_PASSWORD, ticket=first.ticket
        )
    )
    assert expired.reason is LoginFailureReason.TICKET_EXPIRED
