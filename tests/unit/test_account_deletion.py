"""Deleting an account: the login, sessions and links go; the audit log stays, detached; a
confirmation is mailed; the address can register again."""

import pytest
from sqlalchemy import text
from sqlmodel import select

from portal_app import texts
from portal_app.models import Account, AuditEntry, EmailToken, LoginSession
from portal_app.services import register, sessions
from portal_app.services.account_deletion import DeletionNotConfirmed, delete_account
from portal_app.services.db import unit_of_work
from portal_app.services.mail import recent_mails
from tests.security.services.mails import reset_token

ADDRESS = "glaser@betrieb-example.de"
PASSWORD = "Isolierglas spart im Winter Heizung"


def _count(model) -> int:
    with unit_of_work() as session:
        return len(session.exec(select(model)).all())


def test_the_login_goes_and_the_audit_log_stays_detached(member):
    token = member(ADDRESS, PASSWORD)
    reset_token(ADDRESS)
    account_id = sessions.current_account(token).id

    assert delete_account(account_id, PASSWORD, confirmed=True) == ADDRESS

    assert (_count(Account), _count(LoginSession), _count(EmailToken)) == (0, 0, 0)
    with unit_of_work() as session:
        entries = session.exec(select(AuditEntry)).all()
    assert [(e.action, e.account_id) for e in entries] == [("account_deleted", None)]
    assert recent_mails()[0].subject == texts.MAIL_DELETED_SUBJECT
    assert recent_mails()[0].recipient == ADDRESS


def test_the_address_can_register_again(member, confirm_token):
    token = member(ADDRESS, PASSWORD)
    delete_account(sessions.current_account(token).id, PASSWORD, confirmed=True)

    register.register(ADDRESS, consent=True)

    assert recent_mails()[0].subject == texts.MAIL_CONFIRM_SUBJECT
    assert register.confirm_registration(confirm_token(ADDRESS), PASSWORD, PASSWORD)


def test_without_the_confirmation_nothing_is_deleted(member):
    token = member(ADDRESS, PASSWORD)

    with pytest.raises(DeletionNotConfirmed):
        delete_account(sessions.current_account(token).id, PASSWORD, confirmed=False)

    assert _count(Account) == 1
    assert sessions.current_account(token)


def test_the_outbox_keeps_the_mails_already_sent(member):
    token = member(ADDRESS, PASSWORD)
    delete_account(sessions.current_account(token).id, PASSWORD, confirmed=True)

    with unit_of_work() as session:
        subjects = [row[0] for row in session.execute(text("SELECT subject FROM outbox_mail"))]
    assert texts.MAIL_CONFIRM_SUBJECT in subjects
