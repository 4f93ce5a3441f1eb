"""Documents of a Betrieb or a Person: members upload, the chamber provides, both download.

Every action names its owner as a key (`betrieb-7`, `person-3`) and is checked against the
account's Freischaltungen in the database: an id the browser sends proves nothing. A document
that exists but belongs to someone else gets the same answer as one that does not exist.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, func, select

from portal_app import texts
from portal_app.models import Account, Betrieb, Dokument, Freischaltung, Person, Vorgang
from portal_app.services import (
    audit,
    clock,
    db,
    departments,
    file_rows,
    files,
    inbox,
    mail,
    postfach,
    registry,
    roles,
)
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.settings import settings

log = logging.getLogger("portal.documents")

UPLOADED = "eingang"
PROVIDED = "bereitgestellt"
# where a member sends documents: the key stored in dokument.abteilung, the label shown
DEPARTMENTS = departments.FOR_DOCUMENTS
FILES_PER_UPLOAD = 10  # files one upload may carry (the picker and the server say so)
TITLE_MAX = 200

AUDIT_UPLOAD = "dokument_hochgeladen"
AUDIT_UPLOAD_REFUSED = "dokument_abgelehnt"
AUDIT_DOWNLOAD = "dokument_heruntergeladen"
AUDIT_DOWNLOAD_REFUSED = "dokument_verweigert"
AUDIT_PROVIDED = "dokument_bereitgestellt"


class UploadRefused(PortalError):
    """A file or the upload as a whole is refused; the message is for the member."""


class DocumentNotFound(PortalError, LookupError):
    """No such document among the member's (same answer for foreign ones)."""


@dataclass(frozen=True)
class Owner:
    key: str  # "betrieb-7" / "person-3"
    label: str  # "Betrieb TS-1234567-0 – Schreinerei Eder GmbH"
    betrieb_id: int | None
    person_id: int | None

    @property
    def is_betrieb(self) -> bool:
        return self.betrieb_id is not None


@dataclass(frozen=True)
class DocumentView:
    id: int
    owner_label: str
    department: str
    title: str
    name: str
    size: int
    created_at: datetime
    status: str = ""  # of a sent document: how far the chamber has got (services/inbox.py)


def owner_of_record(record: Betrieb | Person) -> Owner:
    if isinstance(record, Betrieb):
        label = f"{texts.BETRIEB} {registry.format_betriebsnummer(record)} – {record.name}"
        return Owner(f"betrieb-{record.id}", label, record.id, None)
    label = f"{texts.PERSON} {record.kundennummer} – {record.name}"
    return Owner(f"person-{record.id}", label, None, record.id)


def _owner(session: Session, link: Freischaltung) -> Owner:
    if link.betrieb_id:
        return owner_of_record(session.get(Betrieb, link.betrieb_id))
    return owner_of_record(session.get(Person, link.person_id))


def owners_in(session: Session, account_id: int, role: str = roles.DOKUMENTE) -> list[Owner]:
    """The Betriebe (where the account holds `role` in the team) and Personen of the account."""
    links = session.exec(
        select(Freischaltung)
        .where(Freischaltung.account_id == account_id)
        .order_by(Freischaltung.id)
    )
    return [_owner(session, link) for link in links if roles.holds(link, role)]


def owners(account_id: int, role: str = roles.DOKUMENTE) -> list[Owner]:
    """The Betriebe and Personen the account is unlocked for, in the order unlocked: of the
    Betriebe those where the account holds `role` (documents: Dokumente)."""
    with unit_of_work() as session:
        return owners_in(session, account_id, role)


def owner_of(
    session: Session, account_id: int, key: str, role: str = roles.DOKUMENTE
) -> Owner | None:
    """The owner named by `key` if the account is unlocked for it and holds `role`, else None."""
    return next((o for o in owners_in(session, account_id, role) if o.key == key), None)


def _of_owner(owner: Owner):
    if owner.is_betrieb:
        return Dokument.betrieb_id == owner.betrieb_id
    return Dokument.person_id == owner.person_id


def used_bytes(session: Session, owner: Owner) -> int:
    total = session.exec(
        select(func.coalesce(func.sum(Dokument.size), 0)).where(
            _of_owner(owner), Dokument.richtung == UPLOADED
        )
    ).one()
    return int(total)


# --- upload -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadTarget:
    account_id: int
    owner: Owner
    department: str
    limit: int  # bytes this one file may have: the size cap or what is left of the quota


def start_upload(account_id: int, owner_key: str, department: str) -> UploadTarget:
    """Check the choice before any byte is stored; refusals are audited."""
    files.sweep_partials(file_rows.is_named)
    with unit_of_work() as session:
        owner = owner_of(session, account_id, owner_key)
        if owner is None:
            audit.record(session, AUDIT_UPLOAD_REFUSED, account_id, owner_key[:100], "fremd")
            refusal = UploadRefused(texts.DOCUMENT_OWNER_MISSING, field="owner")
        elif department not in DEPARTMENTS:
            audit.record(session, AUDIT_UPLOAD_REFUSED, account_id, owner.key, "Abteilung")
            refusal = UploadRefused(texts.DOCUMENT_DEPARTMENT_MISSING, field="department")
        else:
            left = settings.quota_bytes - used_bytes(session, owner)
            if left <= 0:
                audit.record(session, AUDIT_UPLOAD_REFUSED, account_id, owner.key, "Kontingent")
                refusal = UploadRefused(texts.DOCUMENT_QUOTA_FULL)
            else:
                return UploadTarget(
                    account_id, owner, department, min(settings.upload_max_bytes, left)
                )
    raise refusal


def receive(target: UploadTarget) -> files.Incoming:
    """A temp file for the next arriving file of this upload; raises `files.StoreUnavailable`
    when the store cannot take one now (see `store_unavailable`)."""
    return files.Incoming(target.limit)


def store_unavailable(target: UploadTarget, raw_name: str, error: Exception) -> str:
    """The store is full or read-only: logged for the operator, audited, and the member's
    message naming the file (nothing of it was kept)."""
    log.error("Dateiablage nimmt keine Datei an (%s): %s", settings.files_dir, error)
    return refuse(target, raw_name, texts.DOCUMENT_STORE_UNAVAILABLE)


def refuse(target: UploadTarget, raw_name: str, reason: str) -> str:
    """Audit a refused file; return the member's message naming it."""
    shown = (raw_name or "").replace("\n", " ")[:80]
    with unit_of_work() as session:
        audit.record(session, AUDIT_UPLOAD_REFUSED, target.account_id, target.owner.key, reason)
    return texts.DOCUMENT_REFUSED.format(name=shown, reason=reason)


def too_large_reason(target: UploadTarget) -> str:
    if target.limit < settings.upload_max_bytes:
        return texts.DOCUMENT_QUOTA_EXCEEDED.format(quota=_mb(settings.quota_bytes))
    return texts.DOCUMENT_TOO_LARGE.format(limit=_mb(settings.upload_max_bytes))


def _mb(size: int) -> str:
    return format_size(size)


def content_refusal(kind: str) -> str:
    """What the member reads about a file whose content is not what its first bytes say."""
    if kind == files.PDF:
        return texts.DOCUMENT_NOT_PDF
    return texts.DOCUMENT_NOT_IMAGE.format(kind=kind.upper())


def quota_key(owner: Owner) -> str:
    """The key that makes the uploads of one Betrieb or Person count one after the other."""
    return f"quota:{owner.key}"


def finish(target: UploadTarget, incoming: files.Incoming, raw_name: str) -> DocumentView:
    """Accept a complete file: true type (first bytes, then parsed), the quota counted under a
    lock (parallel uploads of the same Betrieb or Person wait for each other), then keep it.

    Raises UploadRefused (the temp file is gone then); so does a store that cannot take the
    file now (full, read-only), the row rolled back."""
    try:
        return _finish(target, incoming, raw_name)
    except files.StoreUnavailable as error:
        incoming.discard()
        raise UploadRefused(store_unavailable(target, raw_name, error)) from error


def _finish(target: UploadTarget, incoming: files.Incoming, raw_name: str) -> DocumentView:
    kind = incoming.kind() if incoming.size else None
    if incoming.size == 0:
        incoming.discard()
        raise UploadRefused(refuse(target, raw_name, texts.DOCUMENT_EMPTY))
    if kind not in files.DOCUMENT_KINDS:
        incoming.discard()
        raise UploadRefused(refuse(target, raw_name, texts.DOCUMENT_WRONG_TYPE))
    if not incoming.parses_as(kind):
        incoming.discard()
        raise UploadRefused(refuse(target, raw_name, content_refusal(kind)))
    name = files.sanitize_name(raw_name, kind)
    stored = incoming.stored(kind)
    try:
        with unit_of_work() as session:
            # PostgreSQL: an advisory lock per owner. SQLite: the insert below is the
            # transaction's first statement and takes the one write lock, so the sum after it
            # sees every upload committed before and none can slip in between.
            db.serialize(session, quota_key(target.owner))
            row = Dokument(
                betrieb_id=target.owner.betrieb_id,
                person_id=target.owner.person_id,
                richtung=UPLOADED,
                abteilung=target.department,
                original_name=name,
                stored_name=stored.stored_name,
                content_type=files.CONTENT_TYPES[kind],
                size=stored.size,
                sha256=stored.sha256,
                created_at=clock.now(),
                account_id=target.account_id,
            )
            session.add(row)
            session.flush()
            if used_bytes(session, target.owner) > settings.quota_bytes:  # this file included
                raise _OverQuota
            account = session.get(Account, target.account_id)
            inbox.receive(
                session,
                kind=inbox.KIND_DOCUMENT,
                department=target.department,
                account_id=target.account_id,
                sender=target.owner.label,
                sender_email=account.email if account else "",
                subject=name,
                dokument_id=row.id,
            )
            incoming.keep(kind)
            audit.record(
                session, AUDIT_UPLOAD, target.account_id, target.owner.key, f"{row.id} {name}"
            )
    except _OverQuota:
        incoming.discard()
        with unit_of_work() as session:
            audit.record(
                session, AUDIT_UPLOAD_REFUSED, target.account_id, target.owner.key, "Quota"
            )
        raise UploadRefused(
            texts.DOCUMENT_QUOTA_EXCEEDED.format(quota=_mb(settings.quota_bytes))
        ) from None
    except BaseException:
        incoming.discard()
        raise
    incoming.done()  # the row is committed (a stop before this line: the sweep keeps the file)
    return _view(row, target.owner)


class _OverQuota(Exception):
    """The file does not fit: roll the insert back."""


def confirm_by_mail(account_id: int, accepted: list[DocumentView]) -> None:
    """One mail for the files of one upload."""
    if not accepted:
        return
    lines = "\n".join(
        f"- {doc.name} ({doc.department}, {format_size(doc.size)}) für {doc.owner_label}"
        for doc in accepted
    )
    with unit_of_work() as session:
        account = session.get(Account, account_id)
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_UPLOAD_SUBJECT,
            texts.MAIL_UPLOAD_BODY.format(files=lines),
        )


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size / 1024, 0.1):.1f} KB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


# --- lists and download -----------------------------------------------------------------------


def _view(row: Dokument, owner: Owner) -> DocumentView:
    return DocumentView(
        id=row.id,
        owner_label=owner.label,
        department=DEPARTMENTS.get(row.abteilung, ""),
        title=row.titel,
        name=row.original_name,
        size=row.size,
        created_at=row.created_at,
    )


def _documents(account_id: int, richtung: str) -> list[DocumentView]:
    with unit_of_work() as session:
        found = []
        for owner in owners_in(session, account_id):
            rows = session.exec(
                select(Dokument).where(_of_owner(owner), Dokument.richtung == richtung)
            )
            found.extend(_view(row, owner) for row in rows)
        if richtung == UPLOADED:
            status = inbox.member_status(session, Vorgang.dokument_id, [d.id for d in found])
            found = [dataclasses.replace(d, status=status.get(d.id, "")) for d in found]
    return sorted(found, key=lambda doc: (doc.created_at, doc.id), reverse=True)


def uploaded(account_id: int) -> list[DocumentView]:
    """What the member's Betriebe and Personen sent, newest first."""
    return _documents(account_id, UPLOADED)


def provided(account_id: int) -> list[DocumentView]:
    """What the chamber provides to the member's Betriebe and Personen, newest first."""
    return _documents(account_id, PROVIDED)


def _owner_key(row: Dokument) -> str:
    return f"betrieb-{row.betrieb_id}" if row.betrieb_id else f"person-{row.person_id}"


def fetch(account_id: int, document_id: int) -> files.StoredFile:
    """A document of one of the account's links, to be handed out; audited either way."""
    with unit_of_work() as session:
        row = session.get(Dokument, document_id) if isinstance(document_id, int) else None
        keys = {o.key for o in owners_in(session, account_id)}
        owner_key = _owner_key(row) if row else ""
        if row is None or owner_key not in keys:
            audit.record(session, AUDIT_DOWNLOAD_REFUSED, account_id, f"dokument {document_id}")
            refusal = DocumentNotFound(texts.DOCUMENT_NOT_FOUND)
        else:
            audit.record(session, AUDIT_DOWNLOAD, account_id, owner_key, f"{row.id}")
            return files.StoredFile(row.original_name, row.content_type, row.stored_name)
    raise refusal


# --- provided by the chamber (operators) ------------------------------------------------------


class ProvideFailed(ValueError):
    """The operator's file or target is not acceptable."""


def _record_for(session: Session, betrieb: str | None, person: str | None):
    if betrieb:
        found = registry.find_betriebe(session, registry.parse_betriebsnummer(betrieb))
        if len(found) != 1:
            raise ProvideFailed(
                f"Betriebsnummer {betrieb}: {'mehrere Filialen' if found else 'nicht gefunden'}"
            )
        return found[0]
    record = registry.find_person(session, registry.parse_kundennummer(person or ""))
    if record is None:
        raise ProvideFailed(f"Kundennummer {person}: nicht gefunden")
    return record


def provide(betrieb: str | None, person: str | None, title: str, path: Path) -> DocumentView:
    """Put a chamber document on the portal for a Betrieb or Person, and into the Postfach of
    every account unlocked for it."""
    title = " ".join((title or "").split())
    if not title or len(title) > TITLE_MAX:
        raise ProvideFailed(f"--titel: 1 bis {TITLE_MAX} Zeichen")
    incoming = files.receive_file(path, settings.upload_max_bytes)
    kind = incoming.kind()
    if kind not in files.DOCUMENT_KINDS:
        incoming.discard()
        raise ProvideFailed("nur PDF, JPEG oder PNG (nach Inhalt geprüft)")
    if not incoming.parses_as(kind):
        incoming.discard()
        raise ProvideFailed(content_refusal(kind))
    try:
        with unit_of_work() as session:
            record = _record_for(session, betrieb, person)
            stored = incoming.keep(kind)
            is_betrieb = isinstance(record, Betrieb)
            row = Dokument(
                betrieb_id=record.id if is_betrieb else None,
                person_id=None if is_betrieb else record.id,
                richtung=PROVIDED,
                titel=title,
                original_name=files.sanitize_name(path.name, kind),
                stored_name=stored.stored_name,
                content_type=files.CONTENT_TYPES[kind],
                size=stored.size,
                sha256=stored.sha256,
                created_at=clock.now(),
            )
            session.add(row)
            session.flush()
            owner = owner_of_record(record)
            audit.record(session, AUDIT_PROVIDED, None, owner.key, f"{row.id} {title}"[:500])
            _announce(session, record, title, row.id)
    except BaseException:
        incoming.discard()
        raise
    incoming.done()
    return _view(row, owner)


def _announce(session: Session, record: Betrieb | Person, title: str, dokument_id: int) -> None:
    """Into the Postfach of every account unlocked for the record (of a Betrieb's team: those
    with the role Dokumente)."""
    if isinstance(record, Betrieb):
        accounts = roles.accounts_with_role(session, record.id, roles.DOKUMENTE)
    else:
        accounts = session.exec(
            select(Freischaltung.account_id).where(Freischaltung.person_id == record.id).distinct()
        ).all()
    for account_id in accounts:
        postfach.deliver(
            session,
            account_id,
            texts.POSTFACH_PROVIDED_SUBJECT.format(title=title, name=record.name),
            dokument_id=dokument_id,
        )
