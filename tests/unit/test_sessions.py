"""Login sessions: one answer for every failed login, hashed tokens, rotation, logout and expiry."""

import dataclasses
import statistics
import time
from datetime import timedelta

import pytest
from sqlalchemy import text

from portal_app.services import passwords, sessions
from portal_app.services.db import unit_of_work
from portal_app.services.register import register
from portal_app.services.sessions import LoginFailed, current_account, login, logout
from portal_app.settings import settings

pytestmark = pytest.mark.both_databases

ADDRESS = "geselle@baeckerei-example.de"
PASSWORD = "Brezeln backen vor Sonnenaufgang"


def test_the_right_password_opens_a_session(member):
    member(ADDRESS, PASSWORD)

    token = login(ADDRESS, PASSWORD, user_agent="Firefox")

    account = current_account(token)
    assert account is not None
    assert account.email == ADDRESS


def test_login_accepts_the_address_in_other_letter_case_and_with_spaces(member):
    member(ADDRESS, PASSWORD)

    assert current_account(login("  GESELLE@Baeckerei-Example.DE ", PASSWORD))


def test_a_wrong_password_fails(member):
    member(ADDRESS, PASSWORD)

    with pytest.raises(LoginFailed):
        login(ADDRESS, PASSWORD + "!")


def test_an_unknown_address_fails_the_same_way(member):
    member(ADDRESS, PASSWORD)

    with pytest.raises(LoginFailed):
        login("niemand@baeckerei-example.de", PASSWORD)


def test_an_unconfirmed_account_cannot_log_in():
    register(ADDRESS, consent=True)

    with pytest.raises(LoginFailed):
        login(ADDRESS, PASSWORD)
    with pytest.raises(LoginFailed):
        login(ADDRESS, "")


@pytest.mark.parametrize("address", ["", "geselle", "<b>@x", None, "a@" + "b" * 300 + ".de"])
def test_a_malformed_address_fails_the_same_way(member, address):
    member(ADDRESS, PASSWORD)

    with pytest.raises(LoginFailed):
        login(address, PASSWORD)


def test_an_over_long_password_fails_without_crashing(member):
    member(ADDRESS, PASSWORD)

    with pytest.raises(LoginFailed):
        login(ADDRESS, "ä" * 100)


def test_the_session_token_is_stored_only_as_a_hash(member):
    member(ADDRESS, PASSWORD)
    token = login(ADDRESS, PASSWORD)

    with unit_of_work() as session:
        rows = session.execute(text("SELECT * FROM login_session")).all()
    stored = " ".join(str(value) for row in rows for value in row)
    assert len(rows) == 2  # one from confirming, one from this login
    assert token not in stored


def test_every_login_makes_a_new_token(member):
    first = member(ADDRESS, PASSWORD)
    second = login(ADDRESS, PASSWORD)
    third = login(ADDRESS, PASSWORD)

    assert len({first, second, third}) == 3


def test_logging_in_again_ends_the_session_this_browser_had(member):
    member(ADDRESS, PASSWORD)
    old = login(ADDRESS, PASSWORD)
    other_browser = login(ADDRESS, PASSWORD)

    new = login(ADDRESS, PASSWORD, old_token=old)

    assert current_account(old) is None
    assert current_account(new)
    assert current_account(other_browser)


def test_a_failed_login_keeps_the_session_this_browser_had(member):
    member(ADDRESS, PASSWORD)
    old = login(ADDRESS, PASSWORD)

    with pytest.raises(LoginFailed):
        login(ADDRESS, "falsch", old_token=old)

    assert current_account(old)


def test_logout_ends_the_session_on_the_server(member):
    member(ADDRESS, PASSWORD)
    token = login(ADDRESS, PASSWORD)
    other_browser = login(ADDRESS, PASSWORD)

    logout(token)

    assert current_account(token) is None
    assert current_account(other_browser)
    logout(token)  # twice does no harm
    logout("")


def test_a_session_ends_after_the_idle_time(clock, member):
    member(ADDRESS, PASSWORD)
    token = login(ADDRESS, PASSWORD)

    clock.travel(minutes=settings.session_idle_minutes, seconds=1)

    assert current_account(token) is None


def test_activity_within_the_idle_time_keeps_a_session_alive(clock, member):
    member(ADDRESS, PASSWORD)
    token = login(ADDRESS, PASSWORD)
    almost_idle = timedelta(minutes=settings.session_idle_minutes, seconds=-1)

    for _ in range(4):
        clock.travel(almost_idle)
        assert current_account(token), "a member who keeps clicking stays logged in"

    clock.travel(minutes=settings.session_idle_minutes, seconds=1)
    assert current_account(token) is None


def test_a_session_ends_after_the_absolute_time_however_active(clock, member):
    member(ADDRESS, PASSWORD)
    token = login(ADDRESS, PASSWORD)
    every = timedelta(minutes=20)
    steps = timedelta(hours=settings.session_absolute_hours) // every

    for _ in range(steps):
        clock.travel(every)
        assert current_account(token), f"ended early, at {clock.now()}"

    clock.travel(every)
    assert current_account(token) is None


@pytest.mark.parametrize(
    "token", ["", None, "garbage", "x" * 43, "x" * 101, "x" * 100_000, "'; DROP TABLE account;--"]
)
def test_a_made_up_token_belongs_to_nobody(member, token):
    member(ADDRESS, PASSWORD)

    assert current_account(token) is None


def test_the_session_answers_only_what_the_portal_may_know(member):
    account = current_account(member(ADDRESS, PASSWORD))

    assert {f.name for f in dataclasses.fields(account)} == {"id", "email", "created_at"}


def _failed_login_seconds(clock, address: str, password: str) -> float:
    clock.travel(hours=2)  # past any throttling of the earlier tries
    started = time.perf_counter()
    with pytest.raises(LoginFailed):
        login(address, password)
    return time.perf_counter() - started


def _median_login_seconds(clock, addresses: list[str], password: str, tries: int = 15):
    """Median time per address; the addresses take turns, so a busy moment hits all alike."""
    times: dict[str, list[float]] = {address: [] for address in addresses}
    for _ in range(tries):
        for address in addresses:
            times[address].append(_failed_login_seconds(clock, address, password))
    return [statistics.median(times[address]) for address in addresses]


def test_an_unknown_address_takes_as_long_as_a_wrong_password(monkeypatch, clock, member):
    # Cost 8 (a few ms) so bcrypt, not the database, dominates both paths, as at cost 12.
    monkeypatch.setattr(passwords, "settings", dataclasses.replace(settings, bcrypt_rounds=8))
    passwords._dummy_hash.cache_clear()
    try:
        member(ADDRESS, PASSWORD)
        known, unknown = _median_login_seconds(
            clock, [ADDRESS, "niemand@baeckerei-example.de"], "ein falsches Passwort"
        )
    finally:
        passwords._dummy_hash.cache_clear()

    assert 0.5 < unknown / known < 2, (
        f"unknown {unknown * 1000:.1f} ms, known {known * 1000:.1f} ms"
    )


def test_the_last_activity_is_written_at_most_once_a_minute(clock, member):
    member(ADDRESS, PASSWORD)
    token = login(ADDRESS, PASSWORD)

    def last_seen():
        with unit_of_work() as session:
            return session.execute(
                text("SELECT last_seen_at FROM login_session ORDER BY id DESC LIMIT 1")
            ).scalar_one()

    before = last_seen()
    clock.travel(sessions.TOUCH_INTERVAL / 2)
    current_account(token)
    assert last_seen() == before
    clock.travel(sessions.TOUCH_INTERVAL / 2)
    current_account(token)
    assert last_seen() != before
