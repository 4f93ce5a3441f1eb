"""The session check of every event, answered from the worker's memory: every way a login
ends is seen by the very next event, in this worker and (with Redis) in every other; idle and
absolute expiry hold as in the database check; nothing is kept from a transaction that did
not commit."""

import asyncio

import pytest

from portal_app.services import (
    account_deletion,
    marks,
    password_change,
    password_reset,
    postfach,
    sessions,
)
from portal_app.services.db import unit_of_work
from portal_app.settings import settings
from tests.backing_services import reachable_redis
from tests.security.services.mails import reset_token

ADDRESS = "zimmerei@betrieb-example.de"
PASSWORD = "Dachstühle werden aus Fichte gezimmert"
NEW_PASSWORD = "Eiche hält länger als jede Fichte"


def check(token: str):
    return asyncio.run(sessions.current_account_of_event(token))


def logged_in_twice(member) -> tuple[str, str]:
    first = member(ADDRESS, PASSWORD)
    return first, sessions.login(ADDRESS, PASSWORD)


def test_an_unchanged_login_is_answered_without_the_database(member, monkeypatch):
    token = member(ADDRESS, PASSWORD)
    assert check(token).email == ADDRESS

    def no_database(_token):
        raise AssertionError("asked the database again")

    monkeypatch.setattr(sessions._checked, "_load", no_database)
    assert check(token).email == ADDRESS


def test_a_logout_ends_the_login_for_the_next_event(member):
    token, other = logged_in_twice(member)
    assert check(token) and check(other)

    sessions.logout(token)

    assert check(token) is None
    assert check(other).email == ADDRESS


def test_ending_a_login_from_the_sessions_page_ends_it_for_the_next_event(member):
    token, other = logged_in_twice(member)
    account = check(token)
    assert check(other)
    ended = [v for v in sessions.active_sessions(account.id, token) if not v.current]

    assert sessions.end_session(account.id, ended[0].id)

    assert check(other) is None
    assert check(token) is not None


def test_a_password_change_ends_the_other_logins_for_the_next_event(member):
    token, other = logged_in_twice(member)
    account = check(token)
    assert check(other)

    password_change.change_password(account.id, token, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)

    assert check(other) is None
    assert check(token) is not None


def test_a_password_reset_ends_every_login_for_the_next_event(member):
    token, other = logged_in_twice(member)
    assert check(token) and check(other)
    password_reset.request_reset(ADDRESS)

    password_reset.reset_password(reset_token(ADDRESS), NEW_PASSWORD, NEW_PASSWORD)

    assert check(token) is None
    assert check(other) is None


def test_deleting_the_account_ends_its_logins_for_the_next_event(member):
    token, other = logged_in_twice(member)
    account = check(token)
    assert check(other)

    account_deletion.delete_account(account.id, PASSWORD, confirmed=True)

    assert check(token) is None
    assert check(other) is None


def test_idle_and_absolute_expiry_hold_as_in_the_database(member, clock):
    token = member(ADDRESS, PASSWORD)
    assert check(token)
    clock.travel(minutes=settings.session_idle_minutes + 1)
    assert check(token) is None

    token = sessions.login(ADDRESS, PASSWORD)
    for _ in range(settings.session_absolute_hours * 60 // 20 + 1):
        if check(token) is None:
            break
        clock.travel(minutes=20)  # active all along: only the absolute end stops it
    assert check(token) is None
    assert sessions.current_account(token) is None


def test_last_seen_is_still_written_once_a_minute(member, clock):
    token = member(ADDRESS, PASSWORD)
    account = check(token)
    for _ in range(settings.session_idle_minutes * 2):
        clock.travel(seconds=59)
        assert check(token) is not None  # each minute the database hears of the member
    assert (
        sessions.active_sessions(account.id, token)[0].last_seen_at
        > clock.now().replace(microsecond=0) - sessions.TOUCH_INTERVAL * 2
    )


def test_a_change_rolled_back_sets_no_mark_and_one_committed_sets_it_after_commit(member):
    token = member(ADDRESS, PASSWORD)
    account = check(token)
    mark_key = sessions._mark(sessions.tokens.hash_token(token))
    before = asyncio.run(marks.read(mark_key))

    with pytest.raises(RuntimeError), unit_of_work() as session:
        sessions.end_all(session, account.id)
        raise RuntimeError("rolled back")
    assert asyncio.run(marks.read(mark_key)) == before
    assert check(token) is not None

    with unit_of_work() as session:
        sessions.end_all(session, account.id)
        # an event in between still sees the login: the end is not committed yet
        assert asyncio.run(marks.read(mark_key)) == before
    assert asyncio.run(marks.read(mark_key)) != before
    assert check(token) is None


def test_the_postfach_badge_follows_new_and_read_messages(member):
    token = member(ADDRESS, PASSWORD)
    account = check(token)

    def unread() -> int:
        return asyncio.run(postfach.unread_count_of_event(account.id))

    assert unread() == 0
    with unit_of_work() as session:
        message = postfach.deliver(session, account.id, "Ihr Bescheid")
    assert unread() == 1
    postfach.mark_read(account.id, message.id)
    assert unread() == 0


def test_with_redis_a_change_in_one_worker_reaches_the_others_next_event(member, monkeypatch):
    """Two workers: each its own memory (a cache of its own), the marks in Redis."""
    readers, writer = marks._RedisMarks(reachable_redis()), marks._RedisMarks(reachable_redis())
    monkeypatch.setattr(marks, "_store", lambda: readers)
    token, other = logged_in_twice(member)
    worker_a = marks.MarkedCache(sessions._check)
    worker_b = marks.MarkedCache(sessions._check)

    def on(worker, login):
        token_hash = sessions.tokens.hash_token(login)

        async def ask():
            return await worker.get(token_hash, sessions._mark(token_hash), login)

        return asyncio.run(ask())

    assert on(worker_a, other) and on(worker_b, other)
    monkeypatch.setattr(marks, "_store", lambda: writer)
    sessions.logout(other)  # done by a third worker, with a Redis connection of its own
    monkeypatch.setattr(marks, "_store", lambda: readers)

    assert on(worker_a, other) is None
    assert on(worker_b, other) is None
    assert on(worker_b, token) is not None


def test_without_an_answer_from_redis_nothing_is_kept(member, monkeypatch):
    away = marks._RedisMarks("redis://127.0.0.1:1/0")  # nobody listens there
    monkeypatch.setattr(marks, "_store", lambda: away)
    token = member(ADDRESS, PASSWORD)
    worker = marks.MarkedCache(sessions._check)
    token_hash = sessions.tokens.hash_token(token)

    async def ask():
        return await worker.get(token_hash, sessions._mark(token_hash), token)

    assert asyncio.run(ask()) is not None
    assert worker._answers == {}


def test_an_operator_command_without_redis_is_heard_by_the_serving_process(tmp_path):
    """SQLite, one server: the command's changes reach the server through the signal file
    next to the database; every kept answer is asked again once."""
    signal = marks._signal_file(f"sqlite:///{tmp_path}/portal.db")
    server = marks._MemoryMarks(signal, serving=True)
    command = marks._MemoryMarks(signal, serving=False)
    before = asyncio.run(server.read("postfach:1")), asyncio.run(server.read("login:x"))

    command.set_new(["postfach:1"])

    after = asyncio.run(server.read("postfach:1")), asyncio.run(server.read("login:x"))
    assert before[0] != after[0] and before[1] != after[1]
    assert after == (asyncio.run(server.read("postfach:1")), asyncio.run(server.read("login:x")))
    assert [p.name for p in tmp_path.glob("portal.db.marken*")] == [signal.name]  # no temp left
