"""Attacks on the change of address: a link of one account used in another's session, the undo
link replayed, parallel confirmations of one link or of one address by two accounts."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Account
from portal_app.services import email_change, sessions
from portal_app.services.db import unit_of_work
from portal_app.services.mail import recent_mails
from portal_app.services.password_change import CurrentPasswordWrong
from tests.parallel import at_once
from tests.unit.conftest import token_from

# single use is a rule of the database: checked on SQLite and PostgreSQL
pytestmark = pytest.mark.both_databases

ANNA, BERND = "anna@betrieb-example.de", "bernd@betrieb-example.de"
PASSWORD = "Fugen sauber ziehen braucht Geduld"
BERND_PASSWORD = "Bernd verlegt Parkett in Eiche"


def _link(address: str, subject: str = texts.MAIL_EMAIL_CONFIRM_SUBJECT) -> str:
    mail = next(m for m in recent_mails() if m.recipient == address and m.subject == subject)
    return token_from(mail.body)


def _addresses() -> list[str]:
    with unit_of_work() as session:
        return sorted(session.exec(select(Account.email)).all())


def _outcome(call):
    try:
        return call()
    except (email_change.ChangeLinkInvalid, email_change.AddressTaken) as refused:
        return type(refused).__name__


def test_a_link_of_one_account_changes_nothing_in_another_accounts_session(member):
    anna = member(ANNA, PASSWORD)
    bernd = member(BERND, BERND_PASSWORD)
    email_change.request_change(sessions.current_account(anna).id, "neu@example.de", PASSWORD)
    link = _link("neu@example.de")

    assert email_change.check_link(link, bernd).own_session is False
    with pytest.raises(email_change.PasswordNeeded):
        email_change.confirm(link, session_token=bernd)
    with pytest.raises(CurrentPasswordWrong):  # Bernd's password is not Anna's
        email_change.confirm(link, session_token=bernd, password=BERND_PASSWORD)
    assert _addresses() == [ANNA, BERND]
    assert sessions.current_account(bernd).email == BERND
    assert sessions.current_account(anna).email == ANNA


def test_a_replayed_undo_link_does_nothing_more(member):
    anna = member(ANNA, PASSWORD)
    account_id = sessions.current_account(anna).id
    email_change.request_change(account_id, "neu@example.de", PASSWORD)
    email_change.confirm(_link("neu@example.de"), session_token=anna)
    undo = _link(ANNA, texts.MAIL_EMAIL_CHANGED_SUBJECT)
    email_change.undo(undo)
    reset_mails = len(recent_mails())

    for _ in range(3):
        with pytest.raises(email_change.UndoLinkInvalid):
            email_change.undo(undo)
    assert len(recent_mails()) == reset_mails  # no further reset link goes out
    assert _addresses() == [ANNA]


def test_parallel_confirmations_of_one_link_change_once(member):
    anna = member(ANNA, PASSWORD)
    email_change.request_change(sessions.current_account(anna).id, "neu@example.de", PASSWORD)
    link = _link("neu@example.de")

    results = at_once([lambda: _outcome(lambda: email_change.confirm(link, anna))] * 4)

    assert sorted(results, key=str) == ["ChangeLinkInvalid"] * 3 + ["neu@example.de"]
    changed = [m for m in recent_mails() if m.subject == texts.MAIL_EMAIL_CHANGED_SUBJECT]
    assert len(changed) == 1


def test_two_accounts_confirming_one_address_at_once_one_gets_it(member):
    anna = member(ANNA, PASSWORD)
    bernd = member(BERND, BERND_PASSWORD)
    email_change.request_change(sessions.current_account(anna).id, "neu@example.de", PASSWORD)
    anna_link = _link("neu@example.de")
    email_change.request_change(
        sessions.current_account(bernd).id, "neu@example.de", BERND_PASSWORD
    )
    bernd_link = _link("neu@example.de")

    results = at_once(
        [
            lambda: _outcome(lambda: email_change.confirm(anna_link, anna)),
            lambda: _outcome(lambda: email_change.confirm(bernd_link, bernd)),
        ]
    )

    assert sorted(results) == ["AddressTaken", "neu@example.de"]
    assert sorted(_addresses()) in ([BERND, "neu@example.de"], [ANNA, "neu@example.de"])
