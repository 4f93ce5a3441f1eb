"""Deleting an account (self-service). (A member who only wants another address changes it
instead: services/email_change.py.)

What goes: the login (the `account` row with the password hash), its sessions and its mail
links, its second factor and recovery codes, its Freischaltungen. What stays, detached from
the login: what the chamber must keep — the audit log, bookings, form submissions,
documents, SEPA mandates, PIN requests and Lehrverträge (the Betrieb's) keep their rows and
lose the link to the account (the account column is set to NULL in the same transaction,
`_detach_kept_records`), and the mails already in the outbox (they name only an address). A
later table with an account column hooks in there.

Bookings of courses that have not begun are cancelled first, each as the member would cancel
it (`booking.cancel_all_of`): the seat goes to the first on the waiting list, who is mailed,
or is freed; the member gets the cancellation mails at the address being deleted. Nobody's
seat stays taken by an account that is gone.
"""

from __future__ import annotations

from sqlmodel import Session, delete, update

from portal_app import routes, texts
from portal_app.models import (
    Account,
    AuditEntry,
    Booking,
    DataExport,
    Dokument,
    EmailChange,
    EmailToken,
    FormSubmission,
    Lehrvertrag,
    LoginSession,
    MemberRecoveryCode,
    MemberTotp,
    PinRequest,
    SepaMandat,
)
from portal_app.services import (
    audit,
    booking,
    clock,
    data_export,
    dates,
    files,
    mail,
    sessions,
    team,
)
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.password_change import verify_current
from portal_app.settings import settings


class DeletionNotConfirmed(PortalError, ValueError):
    """The member did not tick the confirmation box."""


KEPT = (AuditEntry, Booking, FormSubmission, Dokument, SepaMandat, PinRequest, Lehrvertrag)


def _detach_kept_records(session: Session, account_id: int) -> None:
    """Set the account column of every kept record to NULL (explicitly, not left to the
    foreign key, so a database migrated from an older schema keeps them too)."""
    for model in KEPT:
        session.exec(update(model).where(model.account_id == account_id).values(account_id=None))


def delete_account(account_id: int, password: str, confirmed: bool) -> str:
    """Delete the account after checking its password; return the address it had.

    Raises CurrentPasswordWrong or DeletionNotConfirmed. Slow (bcrypt): use a worker thread.
    """
    account = verify_current(account_id, password, field="password")
    if not confirmed:
        raise DeletionNotConfirmed(texts.DELETE_CONFIRM_MISSING, field="confirm")
    with unit_of_work() as session:
        # A booking of this account in another tab either comes first (and is cancelled
        # below) or after (and finds no account): none stays active, detached.
        booking.serialize_account(session, account_id)
        # a Betrieb with colleagues keeps an administrator (services/team.py)
        team.ensure_not_last_administrator(session, account_id)
        audit.record(session, audit.Action.ACCOUNT_DELETED, account_id)
        session.flush()
        booking.cancel_all_of(session, account_id)  # mails the account, so before it goes
        _detach_kept_records(session, account_id)
        sessions.end_all(session, account_id)  # workers forget the logins at once
        session.exec(delete(LoginSession).where(LoginSession.account_id == account_id))
        session.exec(delete(EmailToken).where(EmailToken.account_id == account_id))
        session.exec(delete(MemberTotp).where(MemberTotp.account_id == account_id))
        session.exec(delete(MemberRecoveryCode).where(MemberRecoveryCode.account_id == account_id))
        archives = data_export.stored_names_of(session, account_id)
        session.exec(delete(DataExport).where(DataExport.account_id == account_id))
        session.exec(delete(EmailChange).where(EmailChange.account_id == account_id))
        session.exec(delete(Account).where(Account.id == account_id))
        body = texts.MAIL_DELETED_BODY.format(
            when=dates.format_datetime(clock.now()),
            register_link=settings.base_url + routes.REGISTER,
        )
        mail.enqueue(session, account.email, texts.MAIL_DELETED_SUBJECT, body)
    for stored_name in archives:
        files.delete(stored_name)
    return account.email
