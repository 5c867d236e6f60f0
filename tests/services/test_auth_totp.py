"""TOTP second factor: enrolment, current and previous step accepted, replays refused, lockout counts."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pyotp
import pytest
from auth_setup import ADMIN, ADMIN_PASSWORD, FakeTime, admin_actor, auth, set_up, users

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.services.auth_dto import (
    LoginFailed,
    LoginFailure,
    LoginFailureReason,
    LoginStep,
    SecurityPolicy,
)


@pytest.fixture
def time() -> FakeTime:
    # 10 s into a 30-second step, so "one step back" is unambiguous.
    return FakeTime(now=datetime.fromisoformat("2025-05-03T01:30:10+00:00"))


def code_at(secret: str, when: datetime) -> str:
    return pyotp.TOTP(secret).at(when)


def enrol(database: Database, time: FakeTime) -> str:
    setup = set_up(database, time)
    service = users(database, time, admin_actor(setup))
    enrolment = service.enrol_totp()
    uri = urlparse(enrolment.provisioning_uri)
    assert uri.scheme == "otpauth"
    assert uri.netloc == "totp"
    assert parse_qs(uri.query)["secret"] == [enrolment.secret]
    assert parse_qs(uri.query)["issuer"] == ["ERPDesk"]
    assert len(enrolment.secret) == 32  # 160 bits
    right = code_at(enrolment.secret, time.now)
    with pytest.raises(DomainError):
        service.confirm_totp(enrolment.secret, "000000" if right != "000000" else "111111")
    assert not service.get(ADMIN).totp_enrolled  # a wrong confirmation stores nothing
    detail = service.confirm_totp(enrolment.secret, right)
    assert detail.totp_enrolled
    time.advance(seconds=30)  # the next login happens in a later step
    return enrolment.secret


def refused(fn, *args: object) -> LoginFailure:  # type: ignore[no-untyped-def]
    with pytest.raises(LoginFailed) as caught:
        fn(*args)
    return caught.value.failure


def test_current_step_accepted_and_replay_refused(backend: Database, time: FakeTime) -> None:
    secret = enrol(backend, time)
    service = auth(backend, time)
    first = service.login(ADMIN, ADMIN_PASSWORD)
    assert first.step is LoginStep.TOTP
    assert first.ticket
    code = code_at(secret, time.now)
    assert service.verify_totp(first.ticket, code).step is LoginStep.DONE
    again = service.login(ADMIN, ADMIN_PASSWORD)
    replay = refused(service.verify_totp, again.ticket, code)
    assert replay.reason is LoginFailureReason.WRONG_CODE


def test_previous_step_accepted_but_not_two_back(backend: Database, time: FakeTime) -> None:
    secret = enrol(backend, time)
    time.advance(seconds=60)
    service = auth(backend, time)
    ticket = service.login(ADMIN, ADMIN_PASSWORD).ticket
    assert ticket
    two_back = code_at(secret, time.now - timedelta(seconds=60))
    assert refused(service.verify_totp, ticket, two_back).reason is LoginFailureReason.WRONG_CODE
    one_back = code_at(secret, time.now - timedelta(seconds=30))
    assert service.verify_totp(ticket, one_back).step is LoginStep.DONE


def test_wrong_codes_count_toward_the_lockout(backend: Database, time: FakeTime) -> None:
    enrol(backend, time)
    service = auth(backend, time)
    ticket = service.login(ADMIN, ADMIN_PASSWORD).ticket
    assert ticket
    results = [refused(service.verify_totp, ticket, "12345x") for _ in range(5)]
    assert [r.tries_left for r in results[:4]] == [4, 3, 2, 1]
    assert results[4].reason is LoginFailureReason.LOCKED
    assert refused(service.login, ADMIN, ADMIN_PASSWORD).reason is LoginFailureReason.LOCKED


def test_idle_unlock_needs_the_code_too(backend: Database, time: FakeTime) -> None:
    secret = enrol(backend, time)
    first = auth(backend, time)
    login = first.login(ADMIN, ADMIN_PASSWORD)
    assert login.ticket
    done = first.verify_totp(login.ticket, code_at(secret, time.now))
    service = auth(backend, time, actor=done.actor)
    assert refused(service.reauthenticate, ADMIN_PASSWORD).msg_id == "auth.totp_needed"
    time.advance(seconds=30)
    service.reauthenticate(ADMIN_PASSWORD, code_at(secret, time.now))


def test_policy_can_require_totp_for_admins(backend: Database, time: FakeTime) -> None:
    setup = set_up(backend, time)
    admin_users = users(backend, time, admin_actor(setup))
    current = admin_users.get_policy()
    admin_users.set_policy(
        SecurityPolicy(
            password=current.password,
            totp_required_for_admins=True,
            idle_lock_minutes=current.idle_lock_minutes,
            version=current.version,
        )
    )
    login = auth(backend, time).login(ADMIN, ADMIN_PASSWORD)
    assert login.step is LoginStep.DONE
    assert login.totp_required


def test_admin_can_remove_a_lost_enrolment(backend: Database, time: FakeTime) -> None:
    enrol(backend, time)
    login = auth(backend, time).login(ADMIN, ADMIN_PASSWORD)
    assert login.step is LoginStep.TOTP
    detail = users(backend, time, login.actor).reset_totp(ADMIN)
    assert not detail.totp_enrolled
    assert auth(backend, time).login(ADMIN, ADMIN_PASSWORD).step is LoginStep.DONE


def test_forced_change_comes_after_the_code_and_needs_it(backend: Database, time: FakeTime) -> None:
    secret = enrol(backend, time)
    service = auth(backend, time)
    # Without the code, a password change is refused even with the right old password.
    assert (
        refused(service.change_password, ADMIN, ADMIN_PASSWORD, "Next#pass2468").msg_id
        == "auth.totp_needed"
    )
    first = service.login(ADMIN, ADMIN_PASSWORD)
    assert first.ticket
    after_code = service.verify_totp(first.ticket, code_at(secret, time.now))
    assert after_code.step is LoginStep.DONE
    # The logged-in user changes their own password without typing a code again.
    own = auth(backend, time, actor=after_code.actor)
    assert own.change_password(ADMIN, ADMIN_PASSWORD, "Next#pass2468").step is LoginStep.DONE
