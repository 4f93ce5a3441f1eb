"""The staff's second factor: a TOTP code works once, one step of drift is fine and two are
not; a recovery code works once; failed passwords and codes are throttled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app.models import AuditEntry
from portal_app.services import audit, staff_login, throttle, totp
from portal_app.services.db import unit_of_work
from portal_app.services.staff_login import CodeRejected, StaffLoginFailed, StaffLoginThrottled
from tests.parallel import at_once
from tests.staff_support import STAFF_PASSWORD, set_up_staff


def _code(member, steps_from_now: int = 0) -> str:
    return totp.code_at(member.secret, totp.current_step() + steps_from_now)


def _password(member, client: str = "203.0.113.5"):
    return staff_login.check_password(member.email, STAFF_PASSWORD, client)


def test_the_next_steps_code_logs_in_and_opens_a_staff_session(clock):
    member = set_up_staff()  # the set-up used the code of this step
    token = staff_login.check_code(_password(member), _code(member, +1))
    assert staff_login.current_staff(token).email == member.email


def test_a_wrong_code_is_refused(clock):
    member = set_up_staff()
    wrong = f"{(int(_code(member, +1)) + 1) % 10**6:06d}"
    with pytest.raises(CodeRejected):
        staff_login.check_code(_password(member), wrong)


def test_a_code_works_only_once(clock):
    member = set_up_staff()
    code = _code(member, +1)
    staff_login.check_code(_password(member), code)
    with pytest.raises(CodeRejected):
        staff_login.check_code(_password(member), code)


def test_the_set_up_code_cannot_log_in_again(clock):
    member = set_up_staff()
    with pytest.raises(CodeRejected):
        staff_login.check_code(_password(member), _code(member))


def test_one_step_of_drift_is_accepted_two_are_not(clock):
    member = set_up_staff()
    clock.travel(seconds=totp.STEP_SECONDS * 5)
    passed = _password(member)
    with pytest.raises(CodeRejected):
        staff_login.check_code(passed, _code(member, -2))
    with pytest.raises(CodeRejected):
        staff_login.check_code(passed, _code(member, +2))
    assert staff_login.check_code(passed, _code(member, -1))


def test_an_older_steps_code_is_refused_after_a_newer_one_was_used(clock):
    member = set_up_staff()
    clock.travel(seconds=totp.STEP_SECONDS * 5)
    staff_login.check_code(_password(member), _code(member, +1))
    with pytest.raises(CodeRejected):
        staff_login.check_code(_password(member), _code(member, 0))


def test_a_recovery_code_works_once_and_is_audited(clock):
    member = set_up_staff()
    assert len(member.recovery_codes) == 10 == len(set(member.recovery_codes))
    code = member.recovery_codes[0]
    assert staff_login.check_code(_password(member), code.upper())
    passed = _password(member)
    with pytest.raises(CodeRejected):
        staff_login.check_code(passed, code)
    assert staff_login.check_code(passed, member.recovery_codes[1])
    with unit_of_work() as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.staff_id == member.id)
        ).all()
    assert actions.count(audit.Action.STAFF_RECOVERY_CODE_USED) == 2
    assert audit.Action.STAFF_CODE_FAILED in actions


def test_the_password_step_runs_out(clock):
    member = set_up_staff()
    passed = _password(member)
    clock.travel(staff_login.PENDING_TIME + timedelta(seconds=1))
    with pytest.raises(CodeRejected):
        staff_login.check_code(passed, _code(member))


def test_failed_passwords_are_throttled_apart_from_members_logins(clock):
    member = set_up_staff()
    for _ in range(throttle.FREE_FAILURES):
        with pytest.raises(StaffLoginFailed):
            staff_login.check_password(member.email, "ein falsches Passwort", "203.0.113.9")
    with pytest.raises(StaffLoginThrottled):
        staff_login.check_password(member.email, STAFF_PASSWORD, "203.0.113.10")
    # the same address as a member's login is counted apart (its key has no "staff:")
    member_key = throttle.key_for(member.email, "")
    staff_key = throttle.key_for("staff:" + member.email, "")
    assert member_key.email_digest != staff_key.email_digest


def test_failed_codes_are_throttled_too(clock):
    member = set_up_staff()
    passed = _password(member)  # counts against the address until a code passes
    wrong = "000000" if "000000" not in (_code(member, d) for d in (-1, 0, 1)) else "111111"
    for _ in range(throttle.FREE_FAILURES - 1):
        with pytest.raises(CodeRejected):
            staff_login.check_code(passed, wrong)
    with pytest.raises(StaffLoginThrottled):
        staff_login.check_code(passed, _code(member, +1))
    # the password step of the same address waits as well
    with pytest.raises(StaffLoginThrottled):
        _password(member)


@pytest.mark.both_databases
def test_of_parallel_tries_with_one_code_exactly_one_logs_in(clock):
    member = set_up_staff()
    passed = _password(member)
    code = _code(member, +1)

    def attempt():
        try:
            return bool(staff_login.check_code(passed, code))
        except (CodeRejected, StaffLoginThrottled):
            return False

    assert sorted(at_once([attempt] * 6)) == [False] * 5 + [True]


@pytest.mark.both_databases
def test_of_parallel_tries_with_one_recovery_code_exactly_one_logs_in(clock):
    member = set_up_staff()
    passed = _password(member)

    def attempt():
        try:
            return bool(staff_login.check_code(passed, member.recovery_codes[0]))
        except (CodeRejected, StaffLoginThrottled):
            return False

    assert sorted(at_once([attempt] * 6)) == [False] * 5 + [True]
