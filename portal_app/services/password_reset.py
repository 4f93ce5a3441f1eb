"""Forgotten password: a mailed link (256 bit, stored hashed, single-use, one hour) sets a new one.

The answer on screen is the same whether the address has an account or not; the mail says what
happened. Opening the link uses nothing up (a link scanner fetching it does no harm); only
setting the password does. Afterwards every session of the account ends, the member gets a
mail, and every other pending reset link dies.
"""

from __future__ import annotations

from contextlib import suppress

from sqlmodel import Session, select

from portal_app import routes, texts
from portal_app.models import Account
from portal_app.services import (
    answer_time,
    audit,
    clock,
    dates,
    mail,
    passwords,
    sessions,
    throttle,
    tokens,
    unsolicited_mail,
)
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.settings import settings

__all__ = ["EmailRejected", "check_link", "request_reset", "reset_password"]


def _link(path: str) -> str:
    return settings.base_url + path


def request_reset(raw_email: str) -> str:
    """Mail a reset link (or, for an address without a confirmed account, what to do instead).

    Returns the normalised address for the answer on screen.
    """
    email = normalize_email(raw_email)
    with answer_time.at_least(), suppress(unsolicited_mail.LimitReached), unit_of_work() as session:
        account = session.exec(select(Account).where(Account.email_key == email_key(email))).first()
        if account is not None and account.confirmed_at is not None:
            token = tokens.issue(session, account.id, tokens.Purpose.RESET_PASSWORD)
            body = texts.MAIL_RESET_BODY.format(link=_link(routes.password_reset(token)))
            unsolicited_mail.enqueue(session, account.email, texts.MAIL_RESET_SUBJECT, body)
        else:
            # No account, or registration not finished: registering (again) is the way.
            body = texts.MAIL_RESET_UNKNOWN_BODY.format(register_link=_link(routes.REGISTER))
            unsolicited_mail.enqueue(session, email, texts.MAIL_RESET_UNKNOWN_SUBJECT, body)
    return email  # the same answer when the hourly share of mails is used up


def check_link(token: str) -> str:
    """The address a reset link belongs to; raise TokenInvalid if it cannot be used."""
    with unit_of_work() as session:
        row = tokens.find_valid(session, token, tokens.Purpose.RESET_PASSWORD)
        return session.get(Account, row.account_id).email


def password_changed(session: Session, account: Account, sessions_text: str) -> None:
    """Tell the member by mail that the password changed (reset or change)."""
    body = texts.MAIL_PASSWORD_CHANGED_BODY.format(
        when=dates.format_datetime(clock.now()),
        sessions=sessions_text,
        reset_link=_link(routes.PASSWORD_FORGOTTEN),
    )
    mail.enqueue(session, account.email, texts.MAIL_PASSWORD_CHANGED_SUBJECT, body)


def reset_password(token: str, password: str, repeat: str) -> str:
    """Use the link up and set the new password; every session of the account ends.

    Returns the account's address. Slow (bcrypt): call it from a worker thread.
    """
    passwords.check_policy(password, repeat)
    password_hash = passwords.hash_password(password)
    with unit_of_work() as session:
        row = tokens.consume(session, token, tokens.Purpose.RESET_PASSWORD)
        account = session.get(Account, row.account_id)
        account.password_hash = password_hash
        tokens.void(session, account.id, tokens.Purpose.RESET_PASSWORD)
        sessions.end_all(session, account.id)
        # Whoever holds the mailbox may log in again at once: lift a pause of the address.
        throttle.forget(session, throttle.key_for(account.email_key, ""))
        audit.record(session, audit.Action.PASSWORD_RESET, account.id)
        password_changed(session, account, texts.MAIL_SESSIONS_ALL_ENDED)
        return account.email
