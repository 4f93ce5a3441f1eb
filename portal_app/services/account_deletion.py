"""Deleting an account (self-service): the e-mail address cannot change, so a member who
wants another address registers anew and deletes the old account.

What goes: the login (the `account` row with the password hash), its sessions and its mail
links. What stays, detached from the login: what the chamber must keep. Today that is the audit
log (`audit_entry.account_id` is emptied) and the mails already in the outbox (they name only an
address). Later tables hook in here, in `_detach_kept_records`: bookings, submitted documents,
SEPA mandates and unlocks keep their rows and lose the link to the account (set the account
column to NULL in the same transaction), so nothing the chamber must keep is deleted.
"""

from __future__ import annotations

from sqlmodel import Session, delete, update

from portal_app import routes, texts
from portal_app.models import Account, AuditEntry, EmailToken, LoginSession
from portal_app.services import audit, clock, dates, mail
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.password_change import verify_current
from portal_app.settings import settings


class DeletionNotConfirmed(PortalError, ValueError):
    """The member did not tick the confirmation box."""


def _detach_kept_records(session: Session, account_id: int) -> None:
    session.exec(
        update(AuditEntry).where(AuditEntry.account_id == account_id).values(account_id=None)
    )


def delete_account(account_id: int, password: str, confirmed: bool) -> str:
    """Delete the account after checking its password; return the address it had.

    Raises CurrentPasswordWrong or DeletionNotConfirmed. Slow (bcrypt): use a worker thread.
    """
    account = verify_current(account_id, password, field="password")
    if not confirmed:
        raise DeletionNotConfirmed(texts.DELETE_CONFIRM_MISSING, field="confirm")
    with unit_of_work() as session:
        audit.record(session, audit.Action.ACCOUNT_DELETED, account_id)
        session.flush()
        _detach_kept_records(session, account_id)
        session.exec(delete(LoginSession).where(LoginSession.account_id == account_id))
        session.exec(delete(EmailToken).where(EmailToken.account_id == account_id))
        session.exec(delete(Account).where(Account.id == account_id))
        body = texts.MAIL_DELETED_BODY.format(
            when=dates.format_datetime(clock.now()),
            register_link=settings.base_url + routes.REGISTER,
        )
        mail.enqueue(session, account.email, texts.MAIL_DELETED_SUBJECT, body)
    return account.email
