"""Mails anyone can cause by typing an address into a public form (registration, forgotten
password): at most a few an hour per address, so the portal cannot be used to flood someone's
inbox. Beyond that nothing is sent, and the answer on screen stays the same (it must not
reveal anything about the address either way)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, col, func, select

from portal_app import texts
from portal_app.models import OutboxMail
from portal_app.services import clock, db, mail

PER_HOUR = 5
SUBJECTS = (
    texts.MAIL_CONFIRM_SUBJECT,
    texts.MAIL_EXISTS_SUBJECT,
    texts.MAIL_RESET_SUBJECT,
    texts.MAIL_RESET_UNKNOWN_SUBJECT,
)


class LimitReached(Exception):
    """The address has had its share this hour; the caller's transaction rolls back."""


def enqueue(session: Session, recipient: str, subject: str, body: str) -> None:
    """Queue the mail in the caller's transaction, or raise LimitReached.

    Written first and counted after (own row included), one at a time per address, so
    parallel requests cannot slip past the limit.
    """
    assert subject in SUBJECTS, subject  # noqa: S101 (a programming error, not input)
    db.serialize(session, f"unsolicited-mail:{recipient}")
    mail.enqueue(session, recipient, subject, body)
    session.flush()
    sent = session.exec(
        select(func.count())
        .select_from(OutboxMail)
        .where(OutboxMail.recipient == recipient)
        .where(col(OutboxMail.subject).in_(SUBJECTS))
        .where(OutboxMail.created_at > clock.now() - timedelta(hours=1))
    ).one()
    if sent > PER_HOUR:
        raise LimitReached(recipient)
