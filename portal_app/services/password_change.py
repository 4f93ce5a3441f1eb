"""Changing the password inside the portal: the current one is required; the member's other
sessions end, this one stays; a mail tells the member."""

from __future__ import annotations

from portal_app import texts
from portal_app.models import Account
from portal_app.services import audit, dates, passwords, sessions, throttle, tokens
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.password_reset import password_changed


class CurrentPasswordWrong(PortalError, ValueError):
    """The current password does not match; the message is the German text for the member."""


class CurrentPasswordThrottled(CurrentPasswordWrong):
    """Too many wrong current passwords: wait (or, after many, a pause) before the next check;
    the message says how long, at the form's field."""

    def __init__(self, error: throttle.LoginThrottled, field: str):
        self.paused = error.paused
        if error.paused:
            until = dates.format_datetime(error.until)
            message = texts.CURRENT_PASSWORD_PAUSED.format(until=until)
        else:
            message = texts.CURRENT_PASSWORD_WAIT.format(seconds=error.seconds)
        super().__init__(message, field=field)


def verify_current(account_id: int, password: str, field: str = "current_password") -> Account:
    """The account if `password` is its password; raise CurrentPasswordWrong (at the form's
    `field`) otherwise. Slow.

    Counted like a login, against the account (`throttle.account_key`): before the password is
    checked, so parallel guesses get no more checks than the free ones; the waits and the pause
    are said at the field (CurrentPasswordThrottled). Used by password change and deletion.
    """
    key = throttle.account_key(account_id)
    with unit_of_work() as session:
        try:
            this_try = throttle.count_try(session, key)
        except throttle.LoginThrottled as error:  # not counted: the transaction rolls back
            raise CurrentPasswordThrottled(error, field) from None
        account = session.get(Account, account_id)
    if account is None or not passwords.verify_password(password or "", account.password_hash):
        raise CurrentPasswordWrong(texts.CURRENT_PASSWORD_WRONG, field=field)
    with unit_of_work() as session:
        throttle.succeeded(session, key, this_try)
    return account


def change_password(
    account_id: int, current_token: str, current: str, new: str, repeat: str
) -> None:
    """Set a new password after checking the current one. Slow (bcrypt): use a worker thread.

    Raises CurrentPasswordWrong, or PasswordRejected / PasswordMismatch for the new one.
    """
    verify_current(account_id, current)
    passwords.check_policy(new, repeat)
    if new == current:
        raise passwords.PasswordRejected(texts.NEW_PASSWORD_SAME, field="password")
    password_hash = passwords.hash_password(new)
    with unit_of_work() as session:
        account = session.get(Account, account_id)
        account.password_hash = password_hash
        sessions.end_all(session, account.id, keep_token=current_token)
        tokens.void(session, account.id, tokens.Purpose.RESET_PASSWORD)
        audit.record(session, audit.Action.PASSWORD_CHANGED, account.id)
        password_changed(session, account, texts.MAIL_SESSIONS_OTHERS_ENDED)
