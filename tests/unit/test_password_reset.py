"""Forgotten password: what each kind of address is mailed, the policy for the new password,
and what a reset changes (password, sessions, pause of the address, audit, notice mail)."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import AuditEntry
from portal_app.services import password_reset, register, sessions
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected
from portal_app.services.mail import recent_mails
from portal_app.services.passwords import PasswordMismatch, PasswordRejected
from tests.security.services.mails import reset_token

ADDRESS = "malerin@betrieb-example.de"
PASSWORD = "Kalkfarbe atmet und schimmelt nicht"
NEW = "Lasur schützt das Holz vor der Sonne"


def _subjects(address: str) -> list[str]:
    return [view.subject for view in recent_mails() if view.recipient == address]


def test_a_member_gets_a_link_that_sets_a_new_password(member):
    member(ADDRESS, PASSWORD)

    password_reset.reset_password(reset_token(ADDRESS), NEW, NEW)

    assert sessions.current_account(sessions.login(ADDRESS, NEW))
    with pytest.raises(sessions.LoginFailed):
        sessions.login(ADDRESS, PASSWORD)
    assert _subjects(ADDRESS)[0] == texts.MAIL_PASSWORD_CHANGED_SUBJECT


def test_an_unknown_address_is_told_there_is_no_account():
    assert (
        password_reset.request_reset(" Niemand@Betrieb-Example.de ") == "Niemand@betrieb-example.de"
    )
    assert _subjects("Niemand@betrieb-example.de") == [texts.MAIL_RESET_UNKNOWN_SUBJECT]


def test_an_unfinished_registration_gets_no_reset_link():
    register.register(ADDRESS, consent=True)
    password_reset.request_reset(ADDRESS)

    assert _subjects(ADDRESS)[0] == texts.MAIL_RESET_UNKNOWN_SUBJECT


@pytest.mark.parametrize("address", ["", "kein-at", "a@" + "b" * 300 + ".de"])
def test_a_malformed_address_is_refused_with_a_message(address):
    with pytest.raises(EmailRejected):
        password_reset.request_reset(address)


def test_the_new_password_follows_the_policy_and_the_link_stays_usable(member):
    member(ADDRESS, PASSWORD)
    token = reset_token(ADDRESS)

    with pytest.raises(PasswordRejected, match="12 Zeichen"):
        password_reset.reset_password(token, "kurz", "kurz")
    with pytest.raises(PasswordMismatch):
        password_reset.reset_password(token, NEW, NEW + "!")
    password_reset.reset_password(token, NEW, NEW)


def test_a_reset_is_written_to_the_audit_log(member):
    member(ADDRESS, PASSWORD)
    password_reset.reset_password(reset_token(ADDRESS), NEW, NEW)

    with unit_of_work() as session:
        actions = [entry.action for entry in session.exec(select(AuditEntry))]
    assert actions == ["password_reset"]


def test_a_reset_lifts_a_pause_of_the_address(clock, member):
    member(ADDRESS, PASSWORD)
    for _ in range(20):
        clock.travel(minutes=1, seconds=1)
        with pytest.raises(sessions.LoginFailed):
            sessions.login(ADDRESS, "falsch")
    with pytest.raises(sessions.LoginThrottled):
        sessions.login(ADDRESS, PASSWORD)

    password_reset.reset_password(reset_token(ADDRESS), NEW, NEW)

    assert sessions.login(ADDRESS, NEW)


def test_the_account_exists_mail_offers_the_reset(member):
    member(ADDRESS, PASSWORD)
    register.register(ADDRESS, consent=True)

    exists = next(view for view in recent_mails() if view.subject == texts.MAIL_EXISTS_SUBJECT)
    assert "/passwort-vergessen" in exists.body
