"""The member's Postfach: messages from the chamber (answers to what they sent, documents provided
for them), newest first, unread marked. The mail about a new message only says that there is one
and links here; what the chamber wrote stays in the portal.

A message about a Betrieb's document (a document the chamber provided for the Betrieb, or the
answer to a document sent for it) belongs to the Betrieb's team: it is shown, counted and its
attachments handed out only while the account holds the role Dokumente for that Betrieb
(services/roles.py), or, for a fee notice (a document of the department Beitrag), the role
Beitrag und SEPA, and for the answers about a Lehrvertrag the role Ausbildung. Other messages
(answers to forms, PIN requests) are the account's own. A change of the account's roles sets the
account's Postfach mark (`rights_changed`), so no worker keeps an unread count from before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select, update

from portal_app import routes, texts
from portal_app.models import (
    Account,
    Dokument,
    Lehrvertrag,
    PostfachAnhang,
    PostfachNachricht,
    Vorgang,
)
from portal_app.services import audit, clock, departments, files, mail, marks, roles
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.settings import settings

AUDIT_ATTACHMENT = "postfach_anhang"


class MessageNotFound(PortalError):
    """No such message or attachment in this member's Postfach."""


@dataclass(frozen=True)
class Attachment:
    id: int
    name: str
    size: int


@dataclass(frozen=True)
class MessageView:
    id: int
    created_at: datetime
    subject: str
    body: str
    unread: bool
    attachments: list[Attachment]
    dokument_id: int | None  # a provided document (downloaded on /dokumente's terms)
    dokument_name: str


def deliver(
    session: Session,
    account_id: int,
    subject: str,
    body: str = "",
    *,
    vorgang_id: int | None = None,
    dokument_id: int | None = None,
    mail_member: bool = True,
) -> PostfachNachricht:
    """Put a message in the account's Postfach and tell the member by mail (no content).
    `mail_member=False`: the caller mails once for several messages (`notify`)."""
    message = PostfachNachricht(
        account_id=account_id,
        created_at=clock.now(),
        subject=subject[:300],
        body=body,
        vorgang_id=vorgang_id,
        dokument_id=dokument_id,
    )
    session.add(message)
    session.flush()
    marks.changed(session, _mark(account_id))
    account = session.get(Account, account_id) if mail_member else None
    if account is not None:
        notify(session, account)
    return message


def notify(session: Session, account: Account) -> None:
    """The mail that there is something new in the Postfach (a confirmed address only)."""
    if account.confirmed_at is not None:
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_POSTFACH_SUBJECT,
            texts.MAIL_POSTFACH_BODY.format(link=settings.base_url + routes.POSTFACH),
        )


def attach(session: Session, message: PostfachNachricht, name: str, kept: files.Stored) -> None:
    """Record a file kept in the store as an attachment of the message."""
    session.add(
        PostfachAnhang(
            nachricht_id=message.id,
            original_name=name,
            stored_name=kept.stored_name,
            content_type=files.CONTENT_TYPES[kept.kind],
            size=kept.size,
        )
    )


def _betrieb_of_message():
    """The Betrieb a message is about, as a column: its provided document's, or the sent
    document's of the inbox item it answers (NULL for the account's own messages)."""
    answered = (
        select(Dokument.betrieb_id)
        .join(Vorgang, Vorgang.dokument_id == Dokument.id)
        .where(Vorgang.id == PostfachNachricht.vorgang_id)
        .scalar_subquery()
    )
    provided = (
        select(Dokument.betrieb_id)
        .where(Dokument.id == PostfachNachricht.dokument_id)
        .scalar_subquery()
    )
    return func.coalesce(provided, answered)


def _fee_notice_of_betrieb():
    """The Betrieb of a message's provided document when it is a fee notice (department
    Beitrag), as a column; NULL otherwise."""
    return (
        select(Dokument.betrieb_id)
        .where(
            Dokument.id == PostfachNachricht.dokument_id,
            Dokument.abteilung == departments.BEITRAG,
        )
        .scalar_subquery()
    )


def _lehrvertrag_of_message():
    """The Betrieb of the Lehrvertrag whose inbox item a message answers (NULL for others)."""
    return (
        select(Lehrvertrag.betrieb_id)
        .where(Lehrvertrag.vorgang_id == PostfachNachricht.vorgang_id)
        .scalar_subquery()
    )


def _visible(session: Session, account_id: int):
    """The condition for the account's messages it may see now (see the module docstring):
    a Betrieb's fee notice needs the role Beitrag und SEPA, a message about its Lehrvertrag
    the role Ausbildung, its other messages Dokumente."""
    documents_of = roles.betrieb_ids_with_role(session, account_id, roles.DOKUMENTE)
    fees_of = roles.betrieb_ids_with_role(session, account_id, roles.SEPA)
    training_of = roles.betrieb_ids_with_role(session, account_id, roles.AUSBILDUNG)
    about, fee_notice = _betrieb_of_message(), _fee_notice_of_betrieb()
    contract = _lehrvertrag_of_message()
    return (PostfachNachricht.account_id == account_id) & (
        (contract.is_not(None) & contract.in_(list(training_of) or [-1]))
        | (
            contract.is_(None)
            & (
                about.is_(None)
                | (fee_notice.is_not(None) & fee_notice.in_(list(fees_of) or [-1]))
                | (fee_notice.is_(None) & about.in_(list(documents_of) or [-1]))
            )
        )
    )


def rights_changed(session: Session, account_id: int) -> None:
    """The account's roles changed: its unread count is asked again by every worker."""
    marks.changed(session, _mark(account_id))


def messages(account_id: int) -> list[MessageView]:
    with unit_of_work() as session:
        rows = session.exec(
            select(PostfachNachricht)
            .where(_visible(session, account_id))
            .order_by(col(PostfachNachricht.created_at).desc(), col(PostfachNachricht.id).desc())
        ).all()
        ids = [row.id for row in rows]
        attached: dict[int, list[Attachment]] = {}
        for item in session.exec(
            select(PostfachAnhang)
            .where(col(PostfachAnhang.nachricht_id).in_(ids))
            .order_by(col(PostfachAnhang.id))
        ):
            attached.setdefault(item.nachricht_id, []).append(
                Attachment(item.id, item.original_name, item.size)
            )
        names = {
            doc.id: doc.titel or doc.original_name
            for doc in session.exec(
                select(Dokument).where(
                    col(Dokument.id).in_([r.dokument_id for r in rows if r.dokument_id])
                )
            )
        }
        return [
            MessageView(
                id=row.id,
                created_at=row.created_at,
                subject=row.subject,
                body=row.body,
                unread=row.read_at is None,
                attachments=attached.get(row.id, []),
                dokument_id=row.dokument_id,
                dokument_name=names.get(row.dokument_id, ""),
            )
            for row in rows
        ]


def unread_count(account_id: int) -> int:
    with unit_of_work() as session:
        return session.exec(
            select(func.count())
            .select_from(PostfachNachricht)
            .where(_visible(session, account_id))
            .where(col(PostfachNachricht.read_at).is_(None))
        ).one()


def _mark(account_id: int) -> str:
    return f"postfach:{account_id}"


def _unread_to_keep(account_id: int) -> tuple[int, datetime]:
    return unread_count(account_id), clock.now() + timedelta(seconds=marks.MAX_AGE)


# Counted at every page load for the navigation's badge; kept while nothing arrives or is read
_unread = marks.MarkedCache(_unread_to_keep)


async def unread_count_of_event(account_id: int) -> int:
    """`unread_count` for the event loop, from the worker's memory while nothing changed."""
    return await _unread.get(str(account_id), _mark(account_id), account_id)


def mark_read(account_id: int, message_id: int) -> None:
    """The member has opened the message (someone else's id changes nothing)."""
    with unit_of_work() as session:
        opened = session.exec(
            update(PostfachNachricht)
            .where(col(PostfachNachricht.id) == message_id)
            .where(_visible(session, account_id))
            .where(col(PostfachNachricht.read_at).is_(None))
            .values(read_at=clock.now())
        )
        if opened.rowcount:
            marks.changed(session, _mark(account_id))


def attachment(account_id: int, attachment_id: int) -> files.StoredFile:
    """An attachment of one of the account's messages, to be handed out; audited."""
    with unit_of_work() as session:
        found = session.exec(
            select(PostfachAnhang)
            .join(PostfachNachricht, PostfachNachricht.id == PostfachAnhang.nachricht_id)
            .where(PostfachAnhang.id == attachment_id)
            .where(_visible(session, account_id))
        ).first()
        audit.record(session, AUDIT_ATTACHMENT, account_id, f"anhang {attachment_id}",
                     "" if found else "verweigert")  # fmt: skip
        if found is not None:
            return files.StoredFile(found.original_name, found.content_type, found.stored_name)
    raise MessageNotFound(texts.POSTFACH_NOT_FOUND)
