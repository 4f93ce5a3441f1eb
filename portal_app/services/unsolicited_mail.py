"""Mails anyone can cause by typing an address into a public form (registration, forgotten
password, the receipt of the contact form): at most a few an hour per mailbox, so the portal
cannot be used to flood someone's inbox. Beyond that nothing is sent, and the answer on screen
stays the same (it must not reveal anything about the address either way).

The cap counts the mailbox, not the spelling: `Opfer@Example.de`, `OPFER@example.de` and an
umlaut domain typed in IDNA form are one address (`emails.email_key`).
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, func, select

from portal_app.models import OutboxMail
from portal_app.services import clock, db, mail
from portal_app.services.emails import email_key

PER_HOUR = 5


class LimitReached(Exception):
    """The address has had its share this hour; the caller's transaction rolls back."""


def enqueue(session: Session, recipient: str, subject: str, body: str) -> None:
    """Queue the mail in the caller's transaction, or raise LimitReached.

    Written first and counted after (own row included), one at a time per mailbox, so
    parallel requests cannot slip past the limit.
    """
    key = email_key(recipient)
    db.serialize(session, f"unsolicited-mail:{key}")
    mail.enqueue(session, recipient, subject, body, cap_key=key)
    session.flush()
    sent = session.exec(
        select(func.count())
        .select_from(OutboxMail)
        .where(OutboxMail.cap_key == key)
        .where(OutboxMail.created_at > clock.now() - timedelta(hours=1))
    ).one()
    if sent > PER_HOUR:
        raise LimitReached(recipient)
