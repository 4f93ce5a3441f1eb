"""Guessing the current password through "Passwort ändern" or "Konto löschen" (someone at an
open session): counted per account like logins, before the check, with the wait said at the
field; only the account's own session can hold it up."""

from datetime import timedelta

import pytest

from portal_app import texts
from portal_app.services import account_deletion, password_change, passwords, sessions, throttle
from portal_app.services.password_change import CurrentPasswordThrottled, CurrentPasswordWrong
from tests.parallel import at_once

ADDRESS = "fliesenlegerin@betrieb-example.de"
PASSWORD = "Fugenmörtel trocknet über Nacht"
NEW = "Neue Fliesen im Fischgrätmuster"
PAST_ANY_DELAY = timedelta(minutes=1, seconds=1)


@pytest.fixture
def logged_in(member):
    token = member(ADDRESS, PASSWORD)
    return sessions.current_account(token).id, token


def _change(account_id: int, token: str, current: str) -> str:
    try:
        password_change.change_password(account_id, token, current, NEW, NEW)
    except CurrentPasswordThrottled as error:
        assert error.field == "current_password"
        return "paused" if error.paused else "wait"
    except CurrentPasswordWrong:
        return "wrong"
    return "changed"


def test_guesses_at_the_current_password_wait_after_five(clock, logged_in):
    """Before: 49 guesses in a row were all checked."""
    account_id, token = logged_in

    outcomes = [_change(account_id, token, f"geraten {n}") for n in range(49)]

    assert outcomes == ["wrong"] * 5 + ["wait"] * 44


def test_twenty_guesses_an_hour_pause_the_checks_for_15_minutes(clock, logged_in):
    account_id, token = logged_in
    outcomes = []
    for n in range(21):
        clock.travel(PAST_ANY_DELAY)
        outcomes.append(_change(account_id, token, f"geraten {n}"))
    assert outcomes == ["wrong"] * 20 + ["paused"]

    assert _change(account_id, token, PASSWORD) == "paused", "the right one waits, too"
    clock.travel(throttle.PAUSE)
    assert _change(account_id, token, PASSWORD) == "changed"


@pytest.mark.both_databases
def test_twenty_parallel_guesses_get_five_checks(clock, logged_in, monkeypatch):
    account_id, token = logged_in
    checked = []
    verify = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda *a: checked.append(1) or verify(*a))

    outcomes = at_once([lambda n=n: _change(account_id, token, f"geraten {n}") for n in range(20)])

    assert sorted(outcomes) == ["wait"] * 15 + ["wrong"] * 5
    assert len(checked) == throttle.FREE_FAILURES


def test_account_deletion_counts_on_the_same_account_and_says_so_at_its_field(clock, logged_in):
    account_id, token = logged_in
    for n in range(5):
        assert _change(account_id, token, f"geraten {n}") == "wrong"

    with pytest.raises(CurrentPasswordThrottled) as refused:
        account_deletion.delete_account(account_id, PASSWORD, confirmed=True)

    assert refused.value.field == "password"
    assert refused.value.message == texts.CURRENT_PASSWORD_WAIT.format(seconds=1)
    clock.travel(seconds=1)
    assert account_deletion.delete_account(account_id, PASSWORD, confirmed=True) == ADDRESS


def test_the_right_password_starts_the_count_afresh(clock, logged_in):
    account_id, token = logged_in
    for n in range(4):
        assert _change(account_id, token, f"geraten {n}") == "wrong"
    password_change.verify_current(account_id, PASSWORD)

    assert [_change(account_id, token, f"noch {n}") for n in range(5)] == ["wrong"] * 5


def test_strangers_failed_logins_do_not_hold_up_the_members_check(clock, logged_in):
    account_id, token = logged_in
    for _ in range(25):
        clock.travel(PAST_ANY_DELAY)
        with pytest.raises((sessions.LoginFailed, sessions.LoginThrottled)):
            sessions.login(ADDRESS, "falsch geraten", client="198.51.100.66")

    assert _change(account_id, token, PASSWORD) == "changed"
