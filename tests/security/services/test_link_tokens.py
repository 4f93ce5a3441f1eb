"""Reset links and login handoff codes: single-use, expiring, stored only as a keyed hash, void
once something newer or a password change makes them stale, and never kept in a page's state."""

from datetime import timedelta

import pytest
from sqlalchemy import text

from portal_app.services import password_change, password_reset, sessions
from portal_app.services.db import unit_of_work
from portal_app.services.tokens import TokenInvalid, TokenProblem
from tests.security.services.mails import reset_token

# single use and expiry are rules of the database: checked on SQLite and PostgreSQL
pytestmark = pytest.mark.both_databases

ADDRESS = "fliesenleger@betrieb-example.de"
PASSWORD = "Fugen sauber ziehen braucht Geduld"
NEW = "Neue Fliesen für das Bad im Altbau"


def _reset_token() -> str:
    return reset_token(ADDRESS)


def _problem(action) -> TokenProblem:
    with pytest.raises(TokenInvalid) as refused:
        action()
    return refused.value.problem


def test_a_reset_link_works_once(member):
    member(ADDRESS, PASSWORD)
    token = _reset_token()
    password_reset.check_link(token)  # opening the page (or a link scanner) uses nothing up
    password_reset.check_link(token)

    password_reset.reset_password(token, NEW, NEW)

    assert _problem(lambda: password_reset.reset_password(token, PASSWORD, PASSWORD)) == "used"


def test_a_reset_link_lasts_one_hour(clock, member):
    member(ADDRESS, PASSWORD)
    token = _reset_token()
    clock.travel(minutes=59)
    password_reset.check_link(token)
    clock.travel(minutes=1)

    assert _problem(lambda: password_reset.reset_password(token, NEW, NEW)) == "expired"


def test_a_newer_reset_link_voids_the_older_one(member):
    member(ADDRESS, PASSWORD)
    older = _reset_token()
    newer = _reset_token()

    assert _problem(lambda: password_reset.check_link(older)) == "used"
    password_reset.check_link(newer)


def test_changing_the_password_voids_pending_reset_links(member):
    token = member(ADDRESS, PASSWORD)
    pending = _reset_token()
    account = sessions.current_account(token)

    password_change.change_password(account.id, token, PASSWORD, NEW, NEW)

    assert _problem(lambda: password_reset.check_link(pending)) == "used"


@pytest.mark.parametrize("made_up", ["", "x", "a" * 43, "a" * 500, "../../etc/passwd"])
def test_a_made_up_reset_link_is_unknown(member, made_up):
    member(ADDRESS, PASSWORD)
    _reset_token()

    assert _problem(lambda: password_reset.check_link(made_up)) == "unknown"


def test_reset_links_are_stored_only_as_a_hash(member):
    member(ADDRESS, PASSWORD)
    token = _reset_token()

    with unit_of_work() as session:
        stored = " ".join(
            str(value)
            for row in session.execute(text("SELECT * FROM email_token"))
            for value in row
        )
    assert token not in stored


def test_a_handoff_code_works_once_and_gives_a_fresh_token(member):
    first = member(ADDRESS, PASSWORD)
    code = sessions.handoff_code(first)

    cookie_token = sessions.take_handoff(code)

    assert cookie_token and cookie_token != first
    assert sessions.current_account(cookie_token)
    assert sessions.current_account(first) is None, "the token the state saw is retired"
    assert sessions.take_handoff(code) is None


def test_a_handoff_code_lasts_only_a_minute(clock, member):
    code = sessions.handoff_code(member(ADDRESS, PASSWORD))
    clock.travel(sessions.HANDOFF_TIME + timedelta(seconds=1))

    assert sessions.take_handoff(code) is None


def test_a_handoff_code_of_an_ended_session_gives_nothing(member):
    token = member(ADDRESS, PASSWORD)
    sessions.logout(token)

    assert sessions.take_handoff(sessions.handoff_code(token)) is None


def test_no_state_of_the_portal_has_a_place_for_a_link_token():
    """A state's server-side copy belongs to the tab's client token, which a reconnect can
    present: a link token is kept in the page and sent with the events that check and use it,
    never stored in a state var (public or backend)."""
    from reflex.state import State

    import portal_app.pages  # noqa: F401  (importing the pages registers every state)

    def states(cls):
        yield cls
        for substate in cls.get_substates():
            yield from states(substate)

    kept = {
        f"{cls.__name__}.{name}"
        for cls in states(State)
        if cls.__module__.startswith("portal_app")
        for name in cls.get_fields()
        if "token" in name.lower()
    }
    assert kept == set()
