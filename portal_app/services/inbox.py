"""The staff's inbox ("Eingang"): everything members send — documents, online forms, contact
messages, requests for a new PIN — becomes one item (`Vorgang`) of a department, received in
the member's own transaction. Staff see the items of their departments, newest first, filter
and search them (in SQL, on indexed columns), open one, take it over, set its status with a
note, forward it to another department and answer it into the member's Postfach.

Every function takes the staff member's `Scope` and refuses items outside its departments
with the same answer as for an item that does not exist."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, exists
from sqlmodel import Session, col, delete, func, select

from portal_app import texts
from portal_app.models import (
    Dokument,
    FormSubmission,
    PinRequest,
    PostfachNachricht,
    Vorgang,
    VorgangEintrag,
    VorgangGelesen,
    VorgangWort,
)
from portal_app.services import audit, clock, departments, files, postfach
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError

KIND_DOCUMENT = "dokument"
KIND_FORM = "formular"
KIND_CONTACT = "kontakt"
KIND_PIN = "pin"
KIND_LEHRVERTRAG = "lehrvertrag"  # a Berufsausbildungsvertrag entered online (lehrvertrag.py)
KINDS = {
    KIND_DOCUMENT: texts.INBOX_KIND_DOCUMENT,
    KIND_FORM: texts.INBOX_KIND_FORM,
    KIND_CONTACT: texts.FORM_CONTACT_TITLE,  # "Kontaktanfrage"
    KIND_PIN: texts.INBOX_KIND_PIN,
    KIND_LEHRVERTRAG: texts.INBOX_KIND_LEHRVERTRAG,
}
NEW, WORKING, DONE = "neu", "in_bearbeitung", "erledigt"
STATUSES = {
    NEW: texts.INBOX_STATUS_NEW,
    WORKING: texts.INBOX_STATUS_WORKING,
    DONE: texts.WELCOME_STEP_DONE,
}

# the history's actions (also the audit's, prefixed)
RECEIVED, VIEWED, TAKEN, STATUS_SET, FORWARDED, ANSWERED, FILE_VIEWED = (
    "eingegangen", "angesehen", "uebernommen", "status", "weitergeleitet", "beantwortet",
    "datei_angesehen",
)  # fmt: skip
# the steps of a Lehrvertrag (services/lehrvertrag.py) in its history
ASKED_BACK, RESUBMITTED, REGISTERED = "rueckfrage", "erneut_eingereicht", "eingetragen"
PAGE_SIZE = 25
NOTE_MAX = 4000
SEARCH_MAX = 100


class ItemNotFound(PortalError):
    """No such item in the staff member's departments."""


class InboxInputInvalid(PortalError):
    """A status, department or note the inbox does not take."""


@dataclass(frozen=True)
class Scope:
    """Who is looking: a staff member and the departments whose items they may see."""

    staff_id: int
    departments: tuple[str, ...]


@dataclass(frozen=True)
class InboxFilter:
    status: str = ""
    department: str = ""
    kind: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""
    page: int = 1


@dataclass(frozen=True)
class ItemRow:
    id: int
    received_at: datetime
    sender: str
    sender_email: str
    kind: str
    department: str
    status: str
    subject: str
    assignee_id: int | None
    unread: bool


@dataclass(frozen=True)
class Listing:
    rows: list[ItemRow]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    staff_id: int | None
    action: str
    note: str


@dataclass(frozen=True)
class ItemDetail:
    row: ItemRow
    account_id: int | None
    fields: list[tuple[str, str]]  # what was sent, as label and value
    file: files.StoredFile | None
    history: list[HistoryEntry] = field(default_factory=list)


WORD = re.compile(r"[\w@.+-]+")
SEARCH_WORDS_MAX = 5


def words(*parts: str) -> set[str]:
    """The case-folded words of the texts, and their parts between dots, @ and dashes
    ("eder@betrieb.example" gives it whole, "eder", "betrieb" and "example")."""
    found = set()
    for token in WORD.findall(" ".join(parts).casefold()):
        token = token.strip(".-+")
        found.add(token[:100])
        found.update(part[:100] for part in re.split(r"[@.+-]", token) if part)
    return {word for word in found if word}


def receive(
    session: Session,
    *,
    kind: str,
    department: str,
    account_id: int | None,
    sender: str,
    sender_email: str,
    subject: str,
    **sent: int,
) -> Vorgang:
    """Add an item in the caller's transaction (the member's action that sent it). `sent`
    names the row sent: dokument_id, form_submission_id or pin_request_id."""
    now = clock.now()
    row = Vorgang(
        kind=kind,
        department=department,
        received_at=now,
        account_id=account_id,
        sender=sender[:300],
        sender_email=sender_email[:254],
        subject=subject[:300],
        **sent,
    )
    session.add(row)
    session.flush()
    for word in words(sender, sender_email, subject):
        session.add(VorgangWort(wort=word, vorgang_id=row.id))
    session.add(VorgangEintrag(vorgang_id=row.id, at=now, action=RECEIVED))
    return row


def member_status(session: Session, sent_column, ids: list[int]) -> dict[int, str]:
    """What a member reads about the items of the rows sent (by `Vorgang.dokument_id` or
    `Vorgang.form_submission_id`): the status, and whether an answer waits in the Postfach."""
    if not ids:
        return {}
    answered = exists().where(and_(PostfachNachricht.vorgang_id == Vorgang.id))
    found = session.exec(
        select(sent_column, Vorgang.status, answered).where(col(sent_column).in_(ids))
    ).all()
    return {
        sent_id: STATUSES[status] + (texts.INBOX_ANSWERED_SUFFIX if has_answer else "")
        for sent_id, status, has_answer in found
    }


# --- the list ----------------------------------------------------------------------------------


def _conditions(scope: Scope, wanted: InboxFilter) -> list:
    conditions = [col(Vorgang.department).in_(scope.departments)]
    if wanted.department:
        conditions.append(Vorgang.department == wanted.department)
    if wanted.status:
        conditions.append(Vorgang.status == wanted.status)
    if wanted.kind:
        conditions.append(Vorgang.kind == wanted.kind)
    if wanted.since:
        conditions.append(Vorgang.received_at >= _day_start(wanted.since))
    if wanted.until:
        conditions.append(Vorgang.received_at < _day_start(wanted.until + timedelta(days=1)))
    for word in sorted(words(wanted.text[:SEARCH_MAX]), key=len, reverse=True)[:SEARCH_WORDS_MAX]:
        # every word must begin a word of the item: a range on the word index
        following = word[:-1] + chr(ord(word[-1]) + 1)
        conditions.append(
            col(Vorgang.id).in_(
                select(VorgangWort.vorgang_id)
                .where(VorgangWort.wort >= word)
                .where(VorgangWort.wort < following)
            )
        )
    return conditions


def _day_start(day: date) -> datetime:
    """The first moment of a German calendar day."""
    return datetime.combine(day, time(), tzinfo=clock.GERMANY)


def _unread(staff_id: int):
    seen = exists().where(
        and_(VorgangGelesen.vorgang_id == Vorgang.id, VorgangGelesen.staff_id == staff_id)
    )
    return case((seen, False), else_=True)


def _row(vorgang: Vorgang, unread: bool) -> ItemRow:
    return ItemRow(
        id=vorgang.id,
        received_at=vorgang.received_at,
        sender=vorgang.sender,
        sender_email=vorgang.sender_email,
        kind=vorgang.kind,
        department=vorgang.department,
        status=vorgang.status,
        subject=vorgang.subject,
        assignee_id=vorgang.assignee_id,
        unread=bool(unread),
    )


def listing(scope: Scope, wanted: InboxFilter) -> Listing:
    """One page of the items the filter finds, newest first, and how many there are."""
    conditions = _conditions(scope, wanted)
    with unit_of_work() as session:
        total = session.exec(select(func.count()).select_from(Vorgang).where(*conditions)).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, wanted.page), pages)
        found = session.exec(
            select(Vorgang, _unread(scope.staff_id))
            .where(*conditions)
            .order_by(col(Vorgang.received_at).desc(), col(Vorgang.id).desc())
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        return Listing([_row(v, unread) for v, unread in found], total, page, pages)


def counts(scope: Scope) -> dict[str, int]:
    """How many items of the scope's departments are in each status."""
    with unit_of_work() as session:
        found = session.exec(
            select(Vorgang.status, func.count())
            .where(col(Vorgang.department).in_(scope.departments))
            .group_by(Vorgang.status)
        ).all()
    return {status: dict(found).get(status, 0) for status in STATUSES}


# --- one item ----------------------------------------------------------------------------------


def _get(session: Session, scope: Scope, item_id: int, lock: bool = False) -> Vorgang:
    query = select(Vorgang).where(Vorgang.id == item_id)
    if lock:
        query = query.with_for_update()
    row = session.exec(query).first()
    if row is None or row.department not in scope.departments:
        raise ItemNotFound(texts.INBOX_ITEM_NOT_FOUND)
    return row


def _history(session: Session, item: Vorgang, scope: Scope, action: str, note: str = "") -> None:
    session.add(
        VorgangEintrag(
            vorgang_id=item.id, at=clock.now(), staff_id=scope.staff_id, action=action, note=note
        )
    )
    audit.record(
        session, f"vorgang_{action}", item.account_id, f"vorgang {item.id}", note[:200],
        staff_id=scope.staff_id,
    )  # fmt: skip


def item_in_scope(session: Session, scope: Scope, item_id: int, lock: bool = False) -> Vorgang:
    """The item if it is in the scope's departments, else ItemNotFound (another service's
    actions on an item: services/lehrvertrag.py)."""
    return _get(session, scope, item_id, lock)


def add_step(session: Session, item: Vorgang, scope: Scope, action: str, note: str = "") -> None:
    """A step of the staff member in the item's history (and the audit log)."""
    _history(session, item, scope, action, note)


def member_step(session: Session, item: Vorgang, action: str, note: str = "") -> None:
    """A step of the member in the item's history (no staff member): it counts as new again."""
    item.status = NEW
    session.add(item)
    session.add(VorgangEintrag(vorgang_id=item.id, at=clock.now(), action=action, note=note))
    session.exec(delete(VorgangGelesen).where(VorgangGelesen.vorgang_id == item.id))


def _sent_fields(
    session: Session, item: Vorgang
) -> tuple[list[tuple[str, str]], files.StoredFile | None]:
    if item.dokument_id:
        doc = session.get(Dokument, item.dokument_id)
        if doc is None:
            return [], None
        fields = [
            (texts.COLUMN_NAME, doc.original_name),
            (texts.COLUMN_SIZE, f"{doc.size:,} Bytes".replace(",", ".")),
        ]
        return fields, files.StoredFile(doc.original_name, doc.content_type, doc.stored_name)
    if item.form_submission_id:
        submission = session.get(FormSubmission, item.form_submission_id)
        values = json.loads(submission.data) if submission else {}
        return [(name, str(value)) for name, value in values.items()], None
    if item.pin_request_id:
        request = session.get(PinRequest, item.pin_request_id)
        if request is None:
            return [], None
        return [
            (texts.INBOX_FIELD_KIND, request.art),
            (texts.INBOX_FIELD_NUMBER, request.nummer),
        ], None
    return [], None


def open_item(scope: Scope, item_id: int) -> ItemDetail:
    """An item with what was sent and its history; from now on read by this staff member."""
    with unit_of_work() as session:
        item = _get(session, scope, item_id)
        seen = session.get(VorgangGelesen, (item.id, scope.staff_id))
        if seen is None:
            session.add(VorgangGelesen(vorgang_id=item.id, staff_id=scope.staff_id))
            _history(session, item, scope, VIEWED)
        fields, stored = _sent_fields(session, item)
        entries = session.exec(
            select(VorgangEintrag)
            .where(VorgangEintrag.vorgang_id == item.id)
            .order_by(col(VorgangEintrag.at), col(VorgangEintrag.id))
        ).all()
        history = [HistoryEntry(e.at, e.staff_id, e.action, e.note) for e in entries]
        return ItemDetail(_row(item, False), item.account_id, fields, stored, history)


def item_file(scope: Scope, item_id: int) -> files.StoredFile:
    """The file a member sent with the item, to be handed out; audited."""
    with unit_of_work() as session:
        item = _get(session, scope, item_id)
        _fields, stored = _sent_fields(session, item)
        if stored is None:
            raise ItemNotFound(texts.INBOX_ITEM_NOT_FOUND)
        _history(session, item, scope, FILE_VIEWED, stored.name)
        return stored


def _note(raw: str) -> str:
    note = (raw or "").strip()
    if len(note) > NOTE_MAX:
        raise InboxInputInvalid(texts.INBOX_NOTE_TOO_LONG.format(limit=NOTE_MAX), field="note")
    return note


def take_over(scope: Scope, item_id: int) -> None:
    """ "Übernehmen": the item is this staff member's; a new one is now in progress."""
    with unit_of_work() as session:
        item = _get(session, scope, item_id, lock=True)
        item.assignee_id = scope.staff_id
        if item.status == NEW:
            item.status = WORKING
        session.add(item)
        _history(session, item, scope, TAKEN)


def set_status(scope: Scope, item_id: int, status: str, note: str = "") -> None:
    if status not in STATUSES:
        raise InboxInputInvalid(texts.INBOX_STATUS_UNKNOWN, field="status")
    note = _note(note)
    with unit_of_work() as session:
        item = _get(session, scope, item_id, lock=True)
        item.status = status
        session.add(item)
        _history(
            session,
            item,
            scope,
            STATUS_SET,
            f"{STATUSES[status]}: {note}" if note else STATUSES[status],
        )


def forward(scope: Scope, item_id: int, department: str, note: str = "") -> None:
    """Hand the item to another department (it may leave this staff member's inbox)."""
    if department not in departments.ALL:
        raise InboxInputInvalid(texts.INBOX_DEPARTMENT_UNKNOWN, field="department")
    note = _note(note)
    with unit_of_work() as session:
        item = _get(session, scope, item_id, lock=True)
        if item.department == department:
            raise InboxInputInvalid(texts.INBOX_FORWARD_SAME, field="department")
        before = item.department
        item.department, item.assignee_id = department, None
        session.add(item)
        line = texts.INBOX_FORWARDED_NOTE.format(
            before=departments.label(before), after=departments.label(department)
        )
        _history(session, item, scope, FORWARDED, f"{line} {note}".strip())


ANSWER_MAX = 20000


def _checked(
    attachments: list[tuple[files.Incoming, str]],
) -> list[tuple[files.Incoming, str, str]]:
    """The answer's files with their kind, checked like a member's uploads; all or none."""
    checked, refused = [], ""
    for incoming, name in attachments:
        kind = incoming.kind() if incoming.size else None
        if not refused and (kind not in files.DOCUMENT_KINDS or not incoming.parses_as(kind)):
            refused = texts.INBOX_ANSWER_FILE_REFUSED.format(name=name)
        checked.append((incoming, files.sanitize_name(name, kind or files.PDF), kind))
    if refused:
        for incoming, _name, _kind in checked:
            incoming.discard()
        raise InboxInputInvalid(refused, field="files")
    return checked


def answer(
    scope: Scope, item_id: int, text: str, attachments: list[tuple[files.Incoming, str]] = ()
) -> None:
    """ "Antworten": the text and files reach the member's Postfach (the mail says only that
    something is there)."""
    text = (text or "").strip()
    problem = (
        texts.INBOX_ANSWER_EMPTY if not text
        else texts.INBOX_ANSWER_TOO_LONG.format(limit=ANSWER_MAX) if len(text) > ANSWER_MAX
        else ""
    )  # fmt: skip
    if problem:
        for incoming, _name in attachments:
            incoming.discard()
        raise InboxInputInvalid(problem, field="answer")
    checked = _checked(list(attachments))
    try:
        with unit_of_work() as session:
            item = _get(session, scope, item_id, lock=True)
            if item.account_id is None:
                raise InboxInputInvalid(texts.INBOX_ANSWER_NO_ACCOUNT, field="answer")
            message = postfach.deliver(
                session,
                item.account_id,
                texts.POSTFACH_ANSWER_SUBJECT.format(subject=item.subject),
                text,
                vorgang_id=item.id,
            )
            for incoming, name, kind in checked:
                postfach.attach(session, message, name, incoming.keep(kind))
            _history(session, item, scope, ANSWERED, text[:500])
    except BaseException:
        for incoming, _name, _kind in checked:
            incoming.discard()
        raise
    for incoming, _name, _kind in checked:
        incoming.done()
