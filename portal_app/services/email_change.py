"""Changing the login address: the member asks with the new address and the password; a link
to the new address (24 h, single use) makes the change; the old address is told and gets a link
that undoes it for 7 days.

- The link to the new address proves the mailbox, not the person: it changes the address only
  in a session of the account it belongs to, or together with that account's password
  (`confirm`). A link opened in another account's session changes nothing there.
- No enumeration: when the new address already belongs to an account, the member sees the same
  answer and the new address gets a fixed notice without a link (a mail anyone can cause, so
  under the per-address cap of `unsolicited_mail`).
- On the change every other session of the account ends (through `sessions`, so every worker
  sees it at once), reset links sent to the old address die, and an audit entry is written.
  Known devices stay.
- Undo (link to the old address): the address goes back, every session ends, the password
  becomes unusable and a reset link goes to the old address. Whoever took the account over with
  the password does not keep it. Undo links of later changes die with it, so a second change
  by an intruder cannot be used to take the address back again.
- A newer request voids an older pending one; both links are stored as keyed hashes
  (`tokens.hash_token`) and taken with a conditional UPDATE, so of two parallel uses one wins.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select, update

from portal_app import routes, texts
from portal_app.models import Account, EmailChange
from portal_app.services import (
    answer_time,
    audit,
    clock,
    dates,
    mail,
    sessions,
    tokens,
    unsolicited_mail,
)
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.services.password_change import verify_current
from portal_app.settings import settings

LINK_LIFETIME = timedelta(hours=24)
UNDO_LIFETIME = timedelta(days=7)
NEW_EMAIL_FIELD = "new_email"


class LinkProblem(StrEnum):
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


_CONFIRM_TEXTS = {
    LinkProblem.UNKNOWN: texts.EMAIL_LINK_UNKNOWN,
    LinkProblem.EXPIRED: texts.EMAIL_LINK_EXPIRED,
    LinkProblem.USED: texts.EMAIL_LINK_USED,
}
_UNDO_TEXTS = {
    LinkProblem.UNKNOWN: texts.EMAIL_LINK_UNKNOWN,
    LinkProblem.EXPIRED: texts.EMAIL_UNDO_EXPIRED,
    LinkProblem.USED: texts.EMAIL_UNDO_USED,
}


class ChangeLinkInvalid(PortalError):
    """The link to the new address cannot be used (`problem` says why)."""

    def __init__(self, problem: LinkProblem):
        super().__init__(_CONFIRM_TEXTS[problem])
        self.problem = problem


class UndoLinkInvalid(PortalError):
    """The undo link cannot be used (`problem` says why)."""

    def __init__(self, problem: LinkProblem):
        super().__init__(_UNDO_TEXTS[problem])
        self.problem = problem


class SameAddress(PortalError, ValueError):
    """The new address is the account's own."""


class PasswordNeeded(PortalError, ValueError):
    """The link was opened without a session of its account and without the password."""


class AddressTaken(PortalError):
    """Between request and confirmation (or change and undo) another account took the address."""


def _link(path: str) -> str:
    return settings.base_url + path


def _void_pending(session: Session, account_id: int) -> None:
    session.exec(
        update(EmailChange)
        .where(EmailChange.account_id == account_id)
        .where(col(EmailChange.confirmed_at).is_(None))
        .where(col(EmailChange.voided_at).is_(None))
        .values(voided_at=clock.now())
    )


def _holder(session: Session, key: str) -> Account | None:
    return session.exec(select(Account).where(Account.email_key == key)).first()


def request_change(account_id: int, raw_new_email: str, password: str) -> str:
    """Check the address and the password (throttled like every current-password check), then
    mail the new address a link, or, if an account has that address, a fixed notice. The
    answer is the same either way; returns the normalised new address. Slow (bcrypt).

    Raises EmailRejected / SameAddress at `new_email`, CurrentPasswordWrong at `password`.
    """
    try:
        new_email = normalize_email(raw_new_email)
    except EmailRejected as error:
        raise EmailRejected(error.message, field=NEW_EMAIL_FIELD) from None
    account = verify_current(account_id, password, field="password")
    new_key = email_key(new_email)
    if new_key == account.email_key:
        raise SameAddress(texts.EMAIL_CHANGE_SAME, field=NEW_EMAIL_FIELD)
    with (
        answer_time.at_least(),  # a taken address answers after the same time
        suppress(unsolicited_mail.LimitReached),  # nothing stored or sent; the same answer
        unit_of_work() as session,
    ):
        _void_pending(session, account_id)
        holder = _holder(session, new_key)
        if holder is not None and holder.confirmed_at is not None:
            unsolicited_mail.enqueue(
                session, new_email, texts.MAIL_EMAIL_TAKEN_SUBJECT, texts.MAIL_EMAIL_TAKEN_BODY
            )
        else:
            token = tokens.new_token()
            now = clock.now()
            session.add(
                EmailChange(
                    account_id=account_id,
                    old_email=account.email,
                    new_email=new_email,
                    token_hash=tokens.hash_token(token),
                    created_at=now,
                    expires_at=now + LINK_LIFETIME,
                )
            )
            body = texts.MAIL_EMAIL_CONFIRM_BODY.format(link=_link(routes.email_confirm(token)))
            unsolicited_mail.enqueue(session, new_email, texts.MAIL_EMAIL_CONFIRM_SUBJECT, body)
        audit.record(session, audit.Action.EMAIL_CHANGE_REQUESTED, account_id)
    return new_email


# --- the link to the new address ----------------------------------------------------------------


@dataclass(frozen=True)
class PendingChange:
    """What the confirmation page may show: the new address, and whether this browser's
    session is the account's own (then no password is asked)."""

    new_email: str
    own_session: bool


def _find_change(session: Session, token: str) -> EmailChange:
    if not token or len(token) > 100:
        raise ChangeLinkInvalid(LinkProblem.UNKNOWN)
    row = session.exec(
        select(EmailChange).where(EmailChange.token_hash == tokens.hash_token(token))
    ).first()
    if row is None:
        raise ChangeLinkInvalid(LinkProblem.UNKNOWN)
    if row.confirmed_at is not None or row.voided_at is not None:
        raise ChangeLinkInvalid(LinkProblem.USED)
    if row.expires_at <= clock.now():
        raise ChangeLinkInvalid(LinkProblem.EXPIRED)
    return row


def check_link(token: str, session_token: str = "") -> PendingChange:
    """What the link would do; raise ChangeLinkInvalid if it cannot be used. Uses nothing up."""
    with unit_of_work() as session:
        row = _find_change(session, token)
    current = sessions.current_account(session_token) if session_token else None
    return PendingChange(row.new_email, current is not None and current.id == row.account_id)


def confirm(token: str, session_token: str = "", password: str | None = None) -> str:
    """Make the change the link asks for; return the new address. Slow (bcrypt) when the
    password is checked.

    Allowed in a session of the link's account (that session stays, every other ends), or with
    the account's password (then every session ends). Raises ChangeLinkInvalid, PasswordNeeded,
    CurrentPasswordWrong (at `password`) or AddressTaken.
    """
    with unit_of_work() as session:
        row = _find_change(session, token)
    current = sessions.current_account(session_token) if session_token else None
    keep = ""
    if current is not None and current.id == row.account_id:
        keep = session_token
    elif not password:
        raise PasswordNeeded(texts.LOGIN_PASSWORD_MISSING, field="password")
    else:
        verify_current(row.account_id, password, field="password")
    try:
        with unit_of_work() as session:
            return _change(session, row, keep)
    except IntegrityError:  # another account took the address at this very moment
        raise AddressTaken(texts.EMAIL_ADDRESS_TAKEN) from None


def _take(session: Session, condition, **values) -> bool:
    """One conditional UPDATE of a change row: True if this call took it."""
    return session.exec(update(EmailChange).where(*condition).values(**values)).rowcount == 1


def _change(session: Session, row: EmailChange, keep_token: str) -> str:
    now = clock.now()
    taken = _take(
        session,
        (
            EmailChange.id == row.id,
            col(EmailChange.confirmed_at).is_(None),
            col(EmailChange.voided_at).is_(None),
            EmailChange.expires_at > now,
        ),
        confirmed_at=now,
    )
    if not taken:
        raise ChangeLinkInvalid(LinkProblem.USED)
    account = session.get(Account, row.account_id)
    _free_address(session, email_key(row.new_email), account.id, texts.EMAIL_ADDRESS_TAKEN)
    old_email = account.email
    account.email = row.new_email
    account.email_key = email_key(row.new_email)
    undo = tokens.new_token()
    session.exec(
        update(EmailChange)
        .where(EmailChange.id == row.id)
        .values(undo_hash=tokens.hash_token(undo), undo_until=now + UNDO_LIFETIME)
    )
    session.flush()
    sessions.end_all(session, account.id, keep_token=keep_token)
    sessions.account_changed(session, account.id)  # the kept login shows the new address
    tokens.void(session, account.id, tokens.Purpose.RESET_PASSWORD)
    audit.record(session, audit.Action.EMAIL_CHANGED, account.id)
    body = texts.MAIL_EMAIL_CHANGED_BODY.format(
        when=dates.format_datetime(now),
        new_email=row.new_email,
        link=_link(routes.email_undo(undo)),
    )
    mail.enqueue(session, old_email, texts.MAIL_EMAIL_CHANGED_SUBJECT, body)
    return row.new_email


def _free_address(session: Session, key: str, account_id: int, taken_text: str) -> None:
    """Make `key` available to the account: a registration at that address that was never
    confirmed (its mailbox is the one proving itself now) goes; a confirmed account stays and
    the change is refused."""
    holder = _holder(session, key)
    if holder is None or holder.id == account_id:
        return
    if holder.confirmed_at is not None:
        raise AddressTaken(taken_text)
    session.exec(delete(Account).where(Account.id == holder.id))
    session.flush()


# --- the undo link to the old address -----------------------------------------------------------


def _find_undo(session: Session, token: str) -> EmailChange:
    if not token or len(token) > 100:
        raise UndoLinkInvalid(LinkProblem.UNKNOWN)
    row = session.exec(
        select(EmailChange).where(EmailChange.undo_hash == tokens.hash_token(token))
    ).first()
    if row is None:
        raise UndoLinkInvalid(LinkProblem.UNKNOWN)
    if row.undone_at is not None:
        raise UndoLinkInvalid(LinkProblem.USED)
    if row.undo_until <= clock.now():
        raise UndoLinkInvalid(LinkProblem.EXPIRED)
    return row


def check_undo_link(token: str) -> str:
    """The address the undo would restore; raise UndoLinkInvalid if the link cannot be used."""
    with unit_of_work() as session:
        return _find_undo(session, token).old_email


def undo(token: str) -> str:
    """Undo the change: the old address back, every session ended, the password unusable, a
    reset link to the old address. Returns the restored address. Raises UndoLinkInvalid or
    AddressTaken."""
    with unit_of_work() as session:
        row = _find_undo(session, token)
        now = clock.now()
        taken = _take(
            session,
            (EmailChange.id == row.id, col(EmailChange.undone_at).is_(None)),
            undone_at=now,
        )
        if not taken:
            raise UndoLinkInvalid(LinkProblem.USED)
        # the undo links of later changes die: they would give the address back to whoever
        # made those changes
        session.exec(
            update(EmailChange)
            .where(EmailChange.account_id == row.account_id)
            .where(EmailChange.id > row.id)
            .where(col(EmailChange.undone_at).is_(None))
            .values(undone_at=now)
        )
        _void_pending(session, row.account_id)
        account = session.get(Account, row.account_id)
        _free_address(session, email_key(row.old_email), account.id, texts.EMAIL_UNDO_TAKEN)
        account.email = row.old_email
        account.email_key = email_key(row.old_email)
        account.password_hash = None  # whoever knew the password does not keep the account
        session.flush()
        sessions.end_all(session, account.id)
        reset = tokens.issue(session, account.id, tokens.Purpose.RESET_PASSWORD)
        audit.record(session, audit.Action.EMAIL_CHANGE_UNDONE, account.id)
        body = texts.MAIL_EMAIL_UNDONE_BODY.format(
            when=dates.format_datetime(now),
            link=_link(routes.password_reset(reset)),
            reset_link=_link(routes.PASSWORD_FORGOTTEN),
        )
        mail.enqueue(session, row.old_email, texts.MAIL_EMAIL_UNDONE_SUBJECT, body)
        return row.old_email
