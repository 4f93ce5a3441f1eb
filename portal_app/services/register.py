"""Registration: an address asks for an account, the mailed link sets its password.

The answer is the same for new and known addresses (no enumeration); only the mail differs.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal_app import routes, texts
from portal_app.models import Account
from portal_app.services import (
    answer_time,
    clock,
    passwords,
    sessions,
    tokens,
    unsolicited_mail,
)
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.settings import settings

__all__ = ["ConsentMissing", "EmailRejected", "check_link", "confirm_registration", "register"]


class ConsentMissing(PortalError, ValueError):
    """The privacy notice was not acknowledged."""


def _find(session: Session, normalized: str) -> Account | None:
    return session.exec(select(Account).where(Account.email_key == email_key(normalized))).first()


def _link(path: str) -> str:
    return settings.base_url + path


def register(raw_email: str, consent: bool) -> str:
    """Ask for an account; mail a confirmation link or an 'account exists' notice.

    Returns the normalised address (for the answer on screen).
    """
    email = normalize_email(raw_email)
    if not consent:
        raise ConsentMissing(texts.CONSENT_MISSING, field="consent")
    with answer_time.at_least():  # new and known addresses answer after the same time
        for _attempt in range(2):  # a parallel registration of the same address may win
            try:
                with unit_of_work() as session:
                    _register_in(session, email)
                return email
            except unsolicited_mail.LimitReached:
                return email  # nothing stored or sent; the answer is the same
            except IntegrityError:
                continue
    raise RuntimeError("registration kept colliding")


def _register_in(session: Session, email: str) -> None:
    account = _find(session, email)
    if account is None:
        account = Account(email=email, email_key=email_key(email), created_at=clock.now())
        session.add(account)
        session.flush()
    if account.confirmed_at is None:
        token = tokens.issue(session, account.id, tokens.Purpose.CONFIRM_EMAIL)
        body = texts.MAIL_CONFIRM_BODY.format(link=_link(routes.register_confirm(token)))
        unsolicited_mail.enqueue(session, account.email, texts.MAIL_CONFIRM_SUBJECT, body)
    else:
        body = texts.MAIL_EXISTS_BODY.format(
            login_link=_link(routes.LOGIN), reset_link=_link(routes.PASSWORD_FORGOTTEN)
        )
        unsolicited_mail.enqueue(session, account.email, texts.MAIL_EXISTS_SUBJECT, body)


def check_link(token: str) -> str:
    """The address a confirmation link belongs to; raise TokenInvalid if it cannot be used."""
    with unit_of_work() as session:
        row = tokens.find_valid(session, token, tokens.Purpose.CONFIRM_EMAIL)
        return session.get(Account, row.account_id).email


def confirm_registration(token: str, password: str, repeat: str, user_agent: str = "") -> str:
    """Use the link up, set the password and log in; return the new session token.

    Slow (bcrypt): call it from a worker thread.
    """
    passwords.check_policy(password, repeat)
    password_hash = passwords.hash_password(password)
    with unit_of_work() as session:
        row = tokens.consume(session, token, tokens.Purpose.CONFIRM_EMAIL)
        account = session.get(Account, row.account_id)
        account.password_hash = password_hash
        account.confirmed_at = clock.now()
        return sessions.start(session, account.id, user_agent)
