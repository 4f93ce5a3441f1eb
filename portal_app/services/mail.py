"""Outbox and delivery: nothing a member is promised by mail gets lost.

`enqueue` writes the mail into the caller's transaction, so it exists exactly when the action
that caused it was committed. `deliver_due` sends what is due over SMTP; a mail that fails
stays queued and is retried with growing pauses. Several backend processes may run the loop at
once: each mail is claimed with a conditional UPDATE before it is sent.
"""

from __future__ import annotations

import asyncio
import logging
import re
import smtplib
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlmodel import Session, col, func, select, update

from portal_app.models import OutboxMail
from portal_app.services import clock
from portal_app.services.db import unit_of_work
from portal_app.services.emails import ascii_address
from portal_app.settings import Settings, settings

log = logging.getLogger("portal.mail")

FIRST_RETRY = timedelta(seconds=5)
LONGEST_RETRY = timedelta(minutes=10)
CLAIM_TIME = timedelta(minutes=2)
BATCH_SIZE = 50
LINK_PATTERN = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class MailView:
    """A queued or sent mail as the demo mailbox shows it."""

    id: int
    recipient: str
    subject: str
    body: str
    created_at: datetime
    sent_at: datetime | None
    links: list[str]


def enqueue(
    session: Session, recipient: str, subject: str, body: str, *, cap_key: str | None = None
) -> None:
    """Queue a mail in the caller's transaction. `cap_key`: only from unsolicited_mail, for
    a mail that counts against the cap per address."""
    now = clock.now()
    session.add(
        OutboxMail(
            recipient=recipient, subject=subject, body=body, created_at=now, next_attempt_at=now,
            cap_key=cap_key,
        )
    )  # fmt: skip
    if settings.demo:
        log.info("Mail an %s: %s\n%s", recipient, subject, body)
    else:
        log.info("Mail an %s: %s", recipient, subject)


# --- what someone typed, inside a mail -----------------------------------------------------------

QUOTE = "> "
# removed from typed values: control characters (tabs become spaces), format characters (bidi
# overrides, zero-width), lone surrogates; every kind of line break starts a new quoted line
_DROPPED = {"Cc", "Cf", "Cs"}


def _printable(line: str) -> str:
    line = line.replace("\t", " ")
    return "".join(ch for ch in line if unicodedata.category(ch) not in _DROPPED)


def quoted(value: str) -> str:
    """A value someone typed, marked off for a mail: every one of its lines starts with "> ",
    so a line break in it cannot start a line of the mail's own ("Absender: …"), and control
    and format characters are gone. The one function for member-typed values in mails."""
    lines = str(value).splitlines() or [""]
    return "\n".join(QUOTE + _printable(line) for line in lines)


def quoted_fields(pairs) -> str:
    """Labelled typed values for a mail: each label (the portal's own text) on a line of its
    own, its value below it, quoted (see `quoted`)."""
    return "\n".join(f"{label}:\n{quoted(value)}" for label, value in pairs)


def retry_delay(attempts: int) -> timedelta:
    """Pause before the next try after `attempts` failed ones: 5 s, 10 s, 20 s … at most 10 min."""
    doublings = min(max(attempts - 1, 0), 16)  # 2**44 * 5 s would overflow timedelta
    return min(FIRST_RETRY * 2**doublings, LONGEST_RETRY)


def _claim_due(now: datetime) -> list[OutboxMail]:
    with unit_of_work() as session:
        due = session.exec(
            select(OutboxMail)
            .where(col(OutboxMail.sent_at).is_(None), col(OutboxMail.failed_at).is_(None))
            .where(OutboxMail.next_attempt_at <= now)
            .where((col(OutboxMail.claimed_until).is_(None)) | (OutboxMail.claimed_until < now))
            .order_by(OutboxMail.id)
            .limit(BATCH_SIZE)
        ).all()
        return [mail for mail in due if _claim(session, mail.id, now)]


def _claim(session: Session, mail_id: int, now: datetime) -> bool:
    """Claim one found mail for this process. Checked again in the UPDATE: between finding the
    mail and claiming it, another process may have sent it and recorded it (which ends its
    claim), so "not claimed" alone would let it go out twice."""
    result = session.exec(
        update(OutboxMail)
        .where(OutboxMail.id == mail_id)
        .where(col(OutboxMail.sent_at).is_(None), col(OutboxMail.failed_at).is_(None))
        .where((col(OutboxMail.claimed_until).is_(None)) | (OutboxMail.claimed_until < now))
        .values(claimed_until=now + CLAIM_TIME)
    )
    return result.rowcount == 1


def _message(config: Settings, mail: OutboxMail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = config.mail_from
    message["To"] = ascii_address(mail.recipient)
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(mail.created_at)
    message["Message-ID"] = make_msgid(domain=config.mail_from.rpartition("@")[2])
    message.set_content(mail.body)
    return message


def _connect(config: Settings) -> smtplib.SMTP:
    smtp = smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=15)
    if config.smtp_starttls:
        smtp.starttls()
    if config.smtp_user:
        smtp.login(config.smtp_user, config.smtp_password)
    return smtp


def _record(mail_id: int, *, sent: bool, error: str = "", permanent: bool = False) -> None:
    now = clock.now()
    with unit_of_work() as session:
        mail = session.get(OutboxMail, mail_id)
        mail.claimed_until = None
        if sent:
            mail.sent_at = now
            mail.last_error = ""
            return
        mail.attempts += 1
        mail.last_error = error[:500]
        if permanent:
            mail.failed_at = now
        else:
            mail.next_attempt_at = now + retry_delay(mail.attempts)


def deliver_due(config: Settings = settings) -> int:
    """Send every mail that is due; return how many went out. Failures are rescheduled."""
    claimed = _claim_due(clock.now())
    if not claimed:
        return 0
    try:
        smtp = _connect(config)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("SMTP-Server %s nicht erreichbar: %s", config.smtp_host, error)
        for mail in claimed:
            _record(mail.id, sent=False, error=f"connect: {error}")
        return 0
    sent = 0
    with smtp:
        for mail in claimed:
            try:
                smtp.send_message(_message(config, mail))
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPNotSupportedError) as error:
                _record(mail.id, sent=False, error=str(error), permanent=True)
                log.error("Mail %s an %s abgelehnt: %s", mail.id, mail.recipient, error)
            except (OSError, smtplib.SMTPException) as error:
                permanent = isinstance(error, smtplib.SMTPResponseException) and (
                    500 <= error.smtp_code < 600
                )
                _record(mail.id, sent=False, error=str(error), permanent=permanent)
                log.warning("Mail %s nicht zugestellt (Versuch folgt): %s", mail.id, error)
                if isinstance(error, (OSError, smtplib.SMTPServerDisconnected)):
                    break
            else:
                _record(mail.id, sent=True)
                sent += 1
    for mail in claimed:  # anything left claimed after a broken connection
        _release(mail.id)
    return sent


def _release(mail_id: int) -> None:
    with unit_of_work() as session:
        session.exec(
            update(OutboxMail)
            .where(OutboxMail.id == mail_id)
            .where(col(OutboxMail.sent_at).is_(None))
            .values(claimed_until=None)
        )


async def delivery_loop(config: Settings = settings) -> None:
    """Deliver queued mail for the life of the backend process (no-op without SMTP)."""
    if not config.smtp_enabled:
        log.info("Kein PORTAL_SMTP_HOST gesetzt: Mails bleiben im Postausgang der Datenbank.")
        return
    log.info("Mailversand über %s:%s aktiv", config.smtp_host, config.smtp_port)
    while True:
        try:
            await asyncio.to_thread(deliver_due, config)
        except Exception:
            log.exception("Fehler im Mailversand; nächster Versuch gleich")
        await asyncio.sleep(config.mail_poll_seconds)


def portal_links(body: str) -> list[str]:
    """Links into the portal found in a mail, as site-relative paths."""
    base = settings.base_url
    return [
        url.removeprefix(base) or "/"
        for url in LINK_PATTERN.findall(body)
        if url == base or (url.startswith(base + "/") and not url.startswith(base + "//"))
    ]


def recent_mails(limit: int = 50) -> list[MailView]:
    """The newest mails in the outbox, for the demo mailbox."""
    with unit_of_work() as session:
        rows = session.exec(select(OutboxMail).order_by(col(OutboxMail.id).desc()).limit(limit))
        return [
            MailView(
                m.id, m.recipient, m.subject, m.body, m.created_at, m.sent_at, portal_links(m.body)
            )
            for m in rows
        ]


@dataclass(frozen=True)
class OutboxCounts:
    queued: int
    sent: int
    failed: int


def outbox_counts() -> OutboxCounts:
    """How many mails wait, went out, or failed for good (operator overview)."""
    sent = col(OutboxMail.sent_at).is_not(None)
    failed = col(OutboxMail.failed_at).is_not(None)
    with unit_of_work() as session:

        def count(*conditions) -> int:
            return session.exec(
                select(func.count()).select_from(OutboxMail).where(*conditions)
            ).one()

        return OutboxCounts(
            queued=count(~sent, ~failed), sent=count(sent), failed=count(~sent, failed)
        )
