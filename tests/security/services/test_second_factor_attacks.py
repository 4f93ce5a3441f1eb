"""Attacks on a member's second factor by someone who knows the password: guessing codes as
fast as the login throttle lets them gets a few dozen guesses a day and never locks the
member's own browser out; a code seen over the shoulder does not work a second time; no login
exists before the code has passed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import func, select

from portal_app import texts
from portal_app.models import LoginSession, OutboxMail
from portal_app.services import devices, member_totp, sessions, totp
from portal_app.services.db import unit_of_work
from portal_app.services.sessions import LoginThrottled, SecondStep, login
from tests.totp_support import code_now, turn_on

OWNER = "buchhaltung@betrieb-example.de"
PASSWORD = "Eiche geölt hält ein Leben lang"
STRANGER = "198.51.100.66"
OFFICE = "203.0.113.50"


def _owner_with_device(member, clock) -> tuple[int, str, str]:
    """The member with the second factor on and a browser that logged in fully before:
    (account id, secret, device token)."""
    token = member(OWNER, PASSWORD)
    account_id = sessions.current_account(token).id
    secret, _ = turn_on(account_id, token)
    clock.travel(seconds=totp.STEP_SECONDS)
    step = login(OWNER, PASSWORD, client=OFFICE)
    new_token = member_totp.finish_login(step, code_now(secret))
    device = devices.remember(new_token, None).split(";")[0].partition("=")[2]
    return account_id, secret, device


def _logins(account_id: int) -> int:
    with unit_of_work() as session:
        return session.exec(
            select(func.count())
            .select_from(LoginSession)
            .where(LoginSession.account_id == account_id)
        ).one()


def _wrong_code(secret: str) -> str:
    """A guess that is none of the codes valid now."""
    right = {code_now(secret, d) for d in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(10**6) if f"{n:06d}" not in right)


def _guess_for(clock, secret: str, hours: float) -> tuple[int, int]:
    """A stranger who knows the password guesses codes (never the right one) as fast as the
    throttle lets them, keeping each code step as long as it lasts; returns how many codes
    and passwords were checked."""
    codes = passwords = 0
    step = None
    end = clock.now() + timedelta(hours=hours)
    while clock.now() < end:
        try:
            if step is None or clock.now() > step.until:
                step = login(OWNER, PASSWORD, client=STRANGER)
                passwords += 1
            member_totp.finish_login(step, _wrong_code(secret))
        except member_totp.CodeRejected:
            codes += 1
            clock.travel(seconds=1)
        except LoginThrottled as error:
            clock.travel(max(error.until - clock.now(), timedelta(seconds=1)))
    return codes, passwords


@pytest.mark.both_databases
def test_guessing_codes_is_throttled_and_never_locks_the_members_own_browser_out(clock, member):
    account_id, secret, device = _owner_with_device(member, clock)
    before = _logins(account_id)

    codes, _passwords = _guess_for(clock, secret, hours=24)

    # 5 wrong codes in an hour pause the code step for 15 minutes
    assert 0 < codes <= 5 * 24 + 5, f"{codes} codes guessed in a day (3 of 10^6 are valid)"
    assert _logins(account_id) == before, "no login was made"
    while True:  # one more round of guesses, until the pause begins
        with pytest.raises((member_totp.CodeRejected, LoginThrottled)) as outcome:
            member_totp.finish_login(login(OWNER, PASSWORD, client=STRANGER), _wrong_code(secret))
        if isinstance(outcome.value, LoginThrottled) and outcome.value.paused:
            break
        clock.travel(seconds=61)
    with pytest.raises(LoginThrottled) as paused:  # a new browser, even with the right code
        member_totp.finish_login(login(OWNER, PASSWORD, client=OFFICE), code_now(secret))
    assert paused.value.paused
    # the member's own browser: password and the right code, at once
    step = login(OWNER, PASSWORD, client=STRANGER, device=device)
    assert isinstance(step, SecondStep)
    assert sessions.current_account(member_totp.finish_login(step, code_now(secret, +1)))
    with unit_of_work() as session:
        told = session.exec(
            select(func.count())
            .select_from(OutboxMail)
            .where(OutboxMail.recipient == OWNER)
            .where(OutboxMail.subject == texts.MAIL_PAUSED_SUBJECT)
        ).one()
    assert told == 1, "the member hears of the pause once a day"


def test_a_code_seen_over_the_shoulder_does_not_work_again(clock, member):
    _account_id, secret, _device = _owner_with_device(member, clock)
    clock.travel(seconds=totp.STEP_SECONDS)
    code = code_now(secret)
    assert member_totp.finish_login(login(OWNER, PASSWORD, client=OFFICE), code)

    clock.travel(seconds=5)  # the attacker types fast, within the same 30 seconds
    with pytest.raises(member_totp.CodeRejected):
        member_totp.finish_login(login(OWNER, PASSWORD, client=STRANGER), code)


def test_no_login_exists_between_the_password_and_the_code(clock, member):
    account_id, secret, _device = _owner_with_device(member, clock)
    before = _logins(account_id)
    step = login(OWNER, PASSWORD, client=STRANGER)
    assert isinstance(step, SecondStep) and _logins(account_id) == before
    # an old step cannot be kept for later
    clock.travel(minutes=6)
    with pytest.raises(member_totp.CodeRejected):
        member_totp.finish_login(step, code_now(secret))
    assert _logins(account_id) == before


def test_a_reset_or_turned_off_second_factor_ends_a_waiting_code_step(clock, member):
    account_id, secret, _device = _owner_with_device(member, clock)
    step = login(OWNER, PASSWORD, client=OFFICE)
    clock.travel(seconds=totp.STEP_SECONDS)
    member_totp.disable(account_id, PASSWORD, code_now(secret))
    with pytest.raises(member_totp.CodeRejected) as refused:
        member_totp.finish_login(step, code_now(secret, +1))
    assert refused.value.field is None  # start again: with the password alone now
