"""Session tokens: what the database holds cannot be used as a token, and a reset, a change,
an ended session or a deleted account ends logins everywhere they should."""

import pytest
from sqlalchemy import text

from portal_app.services import account_deletion, password_change, password_reset, sessions
from portal_app.services.db import unit_of_work
from tests.security.services.mails import reset_token

# single use and expiry are rules of the database: checked on SQLite and PostgreSQL
pytestmark = pytest.mark.both_databases

ADDRESS = "fliesenleger@betrieb-example.de"
PASSWORD = "Fugen sauber ziehen braucht Geduld"
NEW = "Neue Fliesen für das Bad im Altbau"


def _stored(column: str) -> list[str]:
    with unit_of_work() as session:
        return [
            value
            for (value,) in session.execute(text(f"SELECT {column} FROM login_session"))  # noqa: S608
            if value
        ]


def test_a_token_hash_from_the_database_opens_nothing(member):
    token = member(ADDRESS, PASSWORD)
    assert sessions.current_account(token)

    for stolen in _stored("token_hash") + _stored("handoff_hash"):
        assert sessions.current_account(stolen) is None
        assert sessions.take_handoff(stolen) is None


def _three_logins(member) -> list[str]:
    return [member(ADDRESS, PASSWORD), *(sessions.login(ADDRESS, PASSWORD) for _ in range(2))]


def test_a_password_reset_ends_every_session(member):
    tokens = _three_logins(member)

    password_reset.reset_password(reset_token(ADDRESS), NEW, NEW)

    assert [sessions.current_account(t) for t in tokens] == [None, None, None]


def test_a_password_change_ends_the_other_sessions_but_this_one(member):
    this, *others = _three_logins(member)
    account = sessions.current_account(this)

    password_change.change_password(account.id, this, PASSWORD, NEW, NEW)

    assert sessions.current_account(this)
    assert [sessions.current_account(t) for t in others] == [None, None]


def test_ending_all_other_sessions_keeps_this_one(member):
    this, *others = _three_logins(member)
    account = sessions.current_account(this)

    assert sessions.end_other_sessions(account.id, this) == 2

    assert sessions.current_account(this)
    assert [sessions.current_account(t) for t in others] == [None, None]


def test_a_member_cannot_end_a_session_of_someone_else(member):
    mine = member(ADDRESS, PASSWORD)
    theirs = member("nachbar@betrieb-example.de", PASSWORD)
    their_session = sessions.active_sessions(sessions.current_account(theirs).id, theirs)[0]

    assert not sessions.end_session(sessions.current_account(mine).id, their_session.id)
    assert sessions.current_account(theirs)


def test_deleting_the_account_ends_and_removes_every_session(member):
    tokens = _three_logins(member)
    account = sessions.current_account(tokens[0])

    account_deletion.delete_account(account.id, PASSWORD, confirmed=True)

    assert [sessions.current_account(t) for t in tokens] == [None, None, None]
    assert _stored("token_hash") == []


@pytest.mark.parametrize("wrong", ["", "falsch", PASSWORD.upper(), "ä" * 100])
def test_a_wrong_password_deletes_nothing(member, wrong):
    token = member(ADDRESS, PASSWORD)
    account = sessions.current_account(token)

    with pytest.raises(password_change.CurrentPasswordWrong):
        account_deletion.delete_account(account.id, wrong, confirmed=True)

    assert sessions.current_account(token)
