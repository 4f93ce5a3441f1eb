"""Brute force against the login: tries are counted in the database per address and per
client before the password is checked, waits grow after five, twenty in an hour pause the
address for 15 minutes for unknown devices (the right password included), the member gets one
mail, and unknown addresses are treated the same. A browser that has logged in to the account
before (its device cookie) is held up only by its own failures (test_known_devices.py)."""

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import OutboxMail
from portal_app.services import db, throttle
from portal_app.services.db import unit_of_work
from portal_app.services.sessions import LoginFailed, LoginThrottled, current_account, login
from tests.parallel import at_once

ADDRESS = "dachdecker@betrieb-example.de"
PASSWORD = "Schiefer hält hundert Jahre und länger"
CLIENT = "203.0.113.7"
PAST_ANY_DELAY = timedelta(minutes=1, seconds=1)


def _try(address: str, password: str, client: str = CLIENT, device: str = "") -> str:
    try:
        login(address, password, client=client, device=device)
    except LoginFailed:
        return "failed"
    except LoginThrottled as error:
        return "paused" if error.paused else "wait"
    return "ok"


def _wrong_logins(clock, address: str, count: int) -> list[str]:
    outcomes = []
    for _ in range(count):
        clock.travel(PAST_ANY_DELAY)
        outcomes.append(_try(address, "ein falsches Passwort"))
    return outcomes


def _mails_to(address: str, subject: str) -> int:
    with unit_of_work() as session:
        rows = session.exec(select(OutboxMail).where(OutboxMail.recipient == address)).all()
    return sum(1 for row in rows if row.subject == subject)


@pytest.mark.both_databases
def test_25_wrong_logins_pause_the_account_until_the_pause_ends(clock, member):
    member(ADDRESS, PASSWORD)

    assert _wrong_logins(clock, ADDRESS, 25) == ["failed"] * 20 + ["paused"] * 5

    twentieth_failure = clock.now() - 5 * PAST_ANY_DELAY
    clock.travel(twentieth_failure + throttle.PAUSE - clock.now() - timedelta(seconds=1))
    assert _try(ADDRESS, PASSWORD) == "paused", "the right password is refused during the pause"
    clock.travel(seconds=2)
    assert _try(ADDRESS, PASSWORD) == "ok"
    assert _mails_to(ADDRESS, texts.MAIL_PAUSED_SUBJECT) == 1


@pytest.mark.both_databases
def test_thirty_wrong_logins_at_the_same_moment_get_five_password_checks(clock, member):
    """Tries sent in parallel (many tabs, several workers) take their turn at the count: only
    the five free ones reach the password check, the others are told to wait."""
    member(ADDRESS, PASSWORD)

    wrong = "ein falsches Passwort"
    outcomes = at_once([lambda n=n: _try(ADDRESS, wrong, client=f"10.0.0.{n}") for n in range(30)])

    assert sorted(outcomes) == ["failed"] * throttle.FREE_FAILURES + ["wait"] * 25


@pytest.mark.both_databases
def test_a_burst_from_one_client_on_twenty_addresses_gets_five_password_checks(clock, member):
    """A try counts against its client before its password is checked, too: one client
    spraying many addresses at once gets no more checks than the free ones (before: 10 of 20)."""
    member(ADDRESS, PASSWORD)
    addresses = [f"opfer-{n}@betrieb-example.de" for n in range(19)] + [ADDRESS]

    outcomes = at_once([lambda a=a: _try(a, "ein falsches Passwort") for a in addresses])

    assert sorted(outcomes) == ["failed"] * throttle.FREE_FAILURES + ["wait"] * 15


def test_an_unknown_address_is_throttled_exactly_alike_and_nobody_is_mailed(clock, member):
    member(ADDRESS, PASSWORD)
    unknown = "niemand@betrieb-example.de"

    assert _wrong_logins(clock, unknown, 25) == ["failed"] * 20 + ["paused"] * 5
    with unit_of_work() as session:
        assert not session.exec(select(OutboxMail).where(OutboxMail.recipient == unknown)).all()


def test_after_five_failures_each_try_waits_longer(clock, member):
    member(ADDRESS, PASSWORD)
    assert [_try(ADDRESS, "falsch") for _ in range(5)] == ["failed"] * 5

    waits = []
    for _ in range(4):
        with pytest.raises(LoginThrottled) as refused:
            login(ADDRESS, PASSWORD, client=CLIENT)  # refused without looking at the password
        waits.append(refused.value.seconds)
        clock.travel(seconds=refused.value.seconds)
        assert _try(ADDRESS, "falsch") == "failed"
    assert waits == [1, 2, 4, 8]


def test_one_client_trying_many_addresses_is_slowed_down(clock, member):
    member(ADDRESS, PASSWORD)
    for n in range(5):
        assert _try(f"opfer-{n}@betrieb-example.de", "falsch") == "failed"

    assert _try("noch-eine@betrieb-example.de", "falsch") == "wait"
    assert _try(ADDRESS, PASSWORD, client="198.51.100.1") == "ok", "other clients are not hit"


def test_the_count_survives_a_restart_because_it_lives_in_the_database(clock, member):
    member(ADDRESS, PASSWORD)
    assert _wrong_logins(clock, ADDRESS, 20)[-1] == "failed"

    db.engine().dispose()
    db.engine_for.cache_clear()  # as a second backend process: a new engine, same database

    assert _try(ADDRESS, PASSWORD) == "paused"


def test_failures_older_than_an_hour_no_longer_count(clock, member):
    member(ADDRESS, PASSWORD)
    _wrong_logins(clock, ADDRESS, 19)
    clock.travel(hours=1)

    assert _wrong_logins(clock, ADDRESS, 1) == ["failed"]
    assert _try(ADDRESS, PASSWORD) == "ok"


def test_a_successful_login_clears_the_count_of_the_address(clock, member):
    token = member(ADDRESS, PASSWORD)
    _wrong_logins(clock, ADDRESS, 4)
    clock.travel(PAST_ANY_DELAY)
    assert _try(ADDRESS, PASSWORD) == "ok"

    assert _wrong_logins(clock, ADDRESS, 4) == ["failed"] * 4
    assert current_account(token)
