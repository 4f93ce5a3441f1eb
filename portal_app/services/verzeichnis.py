"""The staff's Verzeichnis: Betriebe and Personen of the chamber's registers, found by number,
name and address (word beginnings, in SQL, on the `verzeichnis_wort` index), each with its
Freischaltungen, PINs and open requests for a new PIN. Staff issue a PIN and its letter, many
letters at once (the yearly mailing), and end a Freischaltung.

Who sees what is decided here, never by the browser: Betriebe belong to the Handwerksrolle and
the Beitrag, Personen to the Lehrlingsrolle / Ausbildung; administrators see both. A record
outside the staff member's scope gets the same answer as one that does not exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fpdf import FPDF
from sqlmodel import Session, col, func, select

from portal_app import texts
from portal_app.models import (
    Account,
    Betrieb,
    Freischaltung,
    Person,
    Pin,
    PinRequest,
    VerzeichnisWort,
    Vorgang,
)
from portal_app.services import (
    audit,
    clock,
    dates,
    departments,
    files,
    inbox,
    mail,
    pin_letter,
    pins,
    registry,
    team,
    unlock,
)
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.settings import settings

BETRIEB, PERSON = "betrieb", "person"
ARTEN = {BETRIEB: texts.VERZEICHNIS_ART_BETRIEBE, PERSON: texts.VERZEICHNIS_ART_PERSONEN}
# which departments' staff work with which register
DEPARTMENTS_OF = {
    BETRIEB: (departments.HANDWERKSROLLE, departments.BEITRAG),
    PERSON: (departments.AUSBILDUNG,),
}
DEPARTMENTS = (departments.HANDWERKSROLLE, departments.AUSBILDUNG, departments.BEITRAG)
PAGE_SIZE = 25
SEARCH_MAX = 100
BULK_MAX = 10000
PINS_SHOWN = 5
AUDIT_LINK_ENDED = "freischaltung_beendet"
AUDIT_LETTERS = "pin_briefe"
AUDIT_IMPORT = "verzeichnis_import"
IMPORT_KINDS = {BETRIEB: "betriebe", PERSON: "personen"}  # registry.import_csv's kinds
PDF_TYPE = "application/pdf"
VOID_AFTER_ACCOUNTS = unlock.VOID_AFTER_ACCOUNTS  # a PIN is void after wrong tries of so many


class RecordNotFound(PortalError):
    """No such record in the staff member's registers (one answer for both)."""


class VerzeichnisInputInvalid(PortalError):
    """A search, a choice or a file the Verzeichnis does not take."""


@dataclass(frozen=True)
class Scope:
    """Who is looking: a staff member and the registers (BETRIEB, PERSON) they work with."""

    staff_id: int
    arten: tuple[str, ...]


def scope_for(staff_id: int, is_admin: bool, staff_departments) -> Scope:
    if is_admin:
        return Scope(staff_id, (BETRIEB, PERSON))
    mine = set(staff_departments)
    return Scope(staff_id, tuple(art for art, keys in DEPARTMENTS_OF.items() if mine & set(keys)))


def may_use(is_admin: bool, staff_departments) -> bool:
    """Whether the Verzeichnis is for this staff member at all."""
    return is_admin or bool(set(staff_departments) & set(DEPARTMENTS))


# --- the list -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchFilter:
    art: str = BETRIEB
    text: str = ""
    page: int = 1


@dataclass(frozen=True)
class RecordRow:
    art: str
    id: int
    number: str
    name: str
    address: str


@dataclass(frozen=True)
class Listing:
    rows: list[RecordRow]
    total: int
    page: int
    pages: int


def _model(art: str):
    return Betrieb if art == BETRIEB else Person


def _checked_art(scope: Scope, art: str) -> str:
    if art not in scope.arten:
        raise RecordNotFound(texts.VERZEICHNIS_NOT_FOUND)
    return art


def check_search(raw: str) -> str:
    text = (raw or "").strip()
    if len(text) > SEARCH_MAX:
        raise VerzeichnisInputInvalid(
            texts.VERZEICHNIS_SEARCH_TOO_LONG.format(limit=SEARCH_MAX), field="text"
        )
    return text


def _conditions(art: str, text: str) -> list:
    model = _model(art)
    conditions = []
    for word in sorted(inbox.words(text[:SEARCH_MAX]), key=len, reverse=True)[:5]:
        following = word[:-1] + chr(ord(word[-1]) + 1)
        conditions.append(
            col(model.id).in_(
                select(VerzeichnisWort.record_id)
                .where(VerzeichnisWort.art == art)
                .where(VerzeichnisWort.wort >= word)
                .where(VerzeichnisWort.wort < following)
            )
        )
    return conditions


def _order(art: str):
    if art == BETRIEB:
        return (col(Betrieb.name), col(Betrieb.betriebsnummer), col(Betrieb.filiale))
    return (col(Person.name), col(Person.kundennummer))


def _number(record: Betrieb | Person) -> str:
    if isinstance(record, Betrieb):
        return registry.format_betriebsnummer(record)
    return record.kundennummer


def _row(record: Betrieb | Person) -> RecordRow:
    art = BETRIEB if isinstance(record, Betrieb) else PERSON
    address = f"{record.strasse}, {record.plz} {record.ort}"
    return RecordRow(art, record.id, _number(record), record.name, address)


def listing(scope: Scope, wanted: SearchFilter) -> Listing:
    """One page of the records the search finds, by name, and how many there are."""
    art = _checked_art(scope, wanted.art)
    model = _model(art)
    conditions = _conditions(art, wanted.text)
    with unit_of_work() as session:
        total = session.exec(select(func.count()).select_from(model).where(*conditions)).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, wanted.page), pages)
        found = session.exec(
            select(model)
            .where(*conditions)
            .order_by(*_order(art))
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        return Listing([_row(r) for r in found], total, page, pages)


def matching_ids(scope: Scope, art: str, text: str) -> list[int]:
    """Every record the search finds (for letters to all of them), at most BULK_MAX + 1."""
    art = _checked_art(scope, art)
    model = _model(art)
    with unit_of_work() as session:
        return list(
            session.exec(
                select(model.id)
                .where(*_conditions(art, text))
                .order_by(*_order(art))
                .limit(BULK_MAX + 1)
            )
        )


# --- one record -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkRow:
    id: int
    email: str
    since: datetime


@dataclass(frozen=True)
class PinRow:
    created_at: datetime
    expires_at: datetime
    state: str
    failed_tries: int
    failing_accounts: int


@dataclass(frozen=True)
class RequestRow:
    created_at: datetime
    email: str


@dataclass(frozen=True)
class RecordDetail:
    row: RecordRow
    facts: list[tuple[str, str]]
    links: list[LinkRow]
    pins: list[PinRow]
    requests: list[RequestRow]


def _get(session: Session, scope: Scope, art: str, record_id: int) -> Betrieb | Person:
    record = session.get(_model(_checked_art(scope, art)), record_id) if record_id else None
    if record is None:
        raise RecordNotFound(texts.VERZEICHNIS_NOT_FOUND)
    return record


def _facts(record: Betrieb | Person) -> list[tuple[str, str]]:
    if isinstance(record, Betrieb):
        label = texts.FIELD_BETRIEBSNUMMER
        extra = [(texts.VERZEICHNIS_EINTRAGUNG, record.eintragung)]
    else:
        label = texts.FIELD_KUNDENNUMMER
        extra = [
            (texts.VERZEICHNIS_PERSON_ART, record.art),
            (texts.VERZEICHNIS_BIRTH_DATE, dates.format_date(record.geburtsdatum)),
        ]
    return [
        (label, _number(record)),
        (texts.FIELD_STAFF_NAME, record.name),
        (texts.VERZEICHNIS_COLUMN_ADDRESS, f"{record.strasse}, {record.plz} {record.ort}"),
        *extra,
    ]


def _link_column(record: Betrieb | Person):
    return Freischaltung.betrieb_id if isinstance(record, Betrieb) else Freischaltung.person_id


def _pin_state(pin: Pin, now: datetime) -> str:
    if pin.used_at is not None:
        return texts.VERZEICHNIS_PIN_USED.format(date=dates.format_datetime(pin.used_at))
    if pin.voided_at is not None:
        return texts.VERZEICHNIS_PIN_VOIDED.format(date=dates.format_datetime(pin.voided_at))
    if pin.expires_at <= now:
        return texts.VERZEICHNIS_PIN_EXPIRED
    return texts.VERZEICHNIS_PIN_USABLE


def _number_key(record: Betrieb | Person) -> str:
    """How the unlock counts wrong tries for the record (services/unlock.py)."""
    if isinstance(record, Betrieb):
        return f"betrieb:{record.betriebsnummer}"
    return f"person:{record.kundennummer}"


def record_detail(scope: Scope, art: str, record_id: int) -> RecordDetail:
    with unit_of_work() as session:
        record = _get(session, scope, art, record_id)
        links = session.exec(
            select(Freischaltung, Account)
            .join(Account, Account.id == Freischaltung.account_id)
            .where(_link_column(record) == record.id)
            .order_by(col(Freischaltung.created_at), col(Freischaltung.id))
        ).all()
        owner = Pin.betrieb_id if isinstance(record, Betrieb) else Pin.person_id
        found_pins = session.exec(
            select(Pin)
            .where(owner == record.id)
            .order_by(col(Pin.created_at).desc(), col(Pin.id).desc())
            .limit(PINS_SHOWN)
        ).all()
        now = clock.now()
        pin_rows = [
            PinRow(
                p.created_at,
                p.expires_at,
                _pin_state(p, now),
                p.failed_tries,
                unlock.failing_accounts(session, _number_key(record), p.created_at),
            )
            for p in found_pins
        ]
        requests = []
        for request in pins.open_requests_of(session, record):
            account = session.get(Account, request.account_id) if request.account_id else None
            requests.append(RequestRow(request.created_at, account.email if account else ""))
        return RecordDetail(
            _row(record),
            _facts(record),
            [LinkRow(link.id, account.email, link.created_at) for link, account in links],
            pin_rows,
            requests,
        )


def record_of_item(scope: Scope, item_id: int) -> tuple[str, int] | None:
    """The record an inbox item's request for a new PIN names, if it is in the scope and the
    number names one record: (art, id) for a link from the item to the record's page."""
    with unit_of_work() as session:
        item = session.get(Vorgang, item_id) if item_id else None
        request = (
            session.get(PinRequest, item.pin_request_id) if item and item.pin_request_id else None
        )
        if request is None or request.art not in scope.arten:
            return None
        try:
            if request.art == BETRIEB:
                found = registry.find_betriebe(
                    session, registry.parse_betriebsnummer(request.nummer)
                )
            else:
                person = registry.find_person(session, registry.parse_kundennummer(request.nummer))
                found = [person] if person else []
        except registry.NumberRejected:
            return None
        return (request.art, found[0].id) if len(found) == 1 else None


def end_link(scope: Scope, art: str, record_id: int, link_id: int) -> str:
    """End one Freischaltung of the record: the account's access to the record's documents
    and mandate ends with this commit (both read the Freischaltungen at every request); the
    member is mailed; audited with the staff member. Returns the account's address.
    A Betrieb's last administrator stays while others are in its team (team.LastAdministrator)."""
    with unit_of_work() as session:
        record = _get(session, scope, art, record_id)
        link = session.get(Freischaltung, link_id) if link_id else None
        if link is None or getattr(link, f"{art}_id") != record.id:
            raise RecordNotFound(texts.VERZEICHNIS_LINK_NOT_FOUND)
        account = session.get(Account, link.account_id)
        target = registry.audit_target(record)
        team.end_by_chamber(session, link, texts.VERZEICHNIS_LAST_ADMIN)
        audit.record(session, AUDIT_LINK_ENDED, account.id, target, staff_id=scope.staff_id)
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_LINK_ENDED_SUBJECT,
            texts.MAIL_LINK_ENDED_BODY.format(target=f"{target} ({record.name})"),
        )
        return account.email


# --- PINs and letters -------------------------------------------------------------------------


def _letter_file(pdf: FPDF, name: str) -> files.StoredFile:
    """The PDF written into the private store under a new name, for one download."""
    stored_name = files.new_name()
    path = files.path_of(stored_name)
    temp = path.with_name(f".brief-{stored_name}.part")
    try:
        pdf.output(str(temp))
        temp.chmod(0o600)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return files.StoredFile(name, PDF_TYPE, stored_name)


def issue_pin(scope: Scope, art: str, record_id: int) -> tuple[pins.IssuedPin, files.StoredFile]:
    """A new PIN for the record (the older one void, open requests closed) and its letter in
    the store, to be handed out once. Slow (bcrypt): call from a worker thread."""
    pin = pins.new_pin()
    pin_hash = pins.hash_pin(pin)
    with unit_of_work() as session:
        record = _get(session, scope, art, record_id)
        issued = pins.issue_for_record(
            session, record, staff_id=scope.staff_id, pin=pin, pin_hash=pin_hash
        )
        pdf = pin_letter.new_document()
        pin_letter.add_letter(pdf, issued, settings.base_url)
        name = texts.VERZEICHNIS_LETTER_NAME.format(number=_number(record))
        return issued, _letter_file(pdf, name)


def bulk_letters(scope: Scope, art: str, record_ids: list[int]) -> tuple[int, files.StoredFile]:
    """One PDF with a letter per record, each with a fresh PIN (older ones void): all letters
    or none. The PINs are hashed and the letters written first, outside the transaction; the
    PINs then replace the older ones in one short transaction. Returns how many and the file
    for one download. Slow (bcrypt, minutes for thousands): call from a worker thread."""
    art = _checked_art(scope, art)
    wanted = list(dict.fromkeys(i for i in record_ids if isinstance(i, int) and 0 < i < 10**12))
    if not wanted:
        raise VerzeichnisInputInvalid(texts.VERZEICHNIS_BULK_NONE)
    if len(wanted) > BULK_MAX:
        raise VerzeichnisInputInvalid(texts.VERZEICHNIS_BULK_TOO_MANY.format(limit=BULK_MAX))
    model = _model(art)
    with unit_of_work() as session:
        found = {
            r.id: r
            for chunk in _chunks(wanted, 500)
            for r in session.exec(select(model).where(col(model.id).in_(chunk)))
        }
    if len(found) != len(wanted):
        raise RecordNotFound(texts.VERZEICHNIS_NOT_FOUND)
    records = [found[record_id] for record_id in wanted]
    new_pins = [pins.new_pin() for _ in records]
    hashes = pins.hash_pins(new_pins)
    now = clock.now()
    pdf = pin_letter.new_document()
    for record, pin in zip(records, new_pins, strict=True):
        issued = pins.IssuedPin(pin, registry.audit_target(record), record, now + pins.LIFETIME)
        pin_letter.add_letter(pdf, issued, settings.base_url)
    name = texts.VERZEICHNIS_BULK_NAME.format(date=dates.in_germany(now).date().isoformat())
    letters = _letter_file(pdf, name)
    del pdf
    try:
        with unit_of_work() as session:
            for record, pin, pin_hash in zip(records, new_pins, hashes, strict=True):
                pins.issue_for_record(
                    session, record, staff_id=scope.staff_id, pin=pin, pin_hash=pin_hash, now=now
                )
            audit.record(
                session, AUDIT_LETTERS, None, ARTEN[art], str(len(records)),
                staff_id=scope.staff_id,
            )  # fmt: skip
    except BaseException:
        files.delete(letters.stored_name)
        raise
    return len(records), letters


def _chunks(values: list[int], size: int):
    for start in range(0, len(values), size):
        yield values[start : start + size]


# --- import from the browser ------------------------------------------------------------------


def import_registry(scope: Scope, art: str, raw: bytes) -> registry.ImportResult:
    """The registry CSV uploaded by staff, with the checks of `portal registry import`: a bad
    row stops the whole file ("Zeile N: …") and nothing of it is stored. Audited."""
    art = _checked_art(scope, art)
    if not raw:
        raise VerzeichnisInputInvalid(texts.VERZEICHNIS_IMPORT_NO_FILE, field="import_file")
    try:
        result = registry.import_csv(IMPORT_KINDS[art], raw)
    except registry.ImportUnreadable:
        raise VerzeichnisInputInvalid(
            texts.VERZEICHNIS_IMPORT_UNREADABLE, field="import_file"
        ) from None
    except registry.ImportFailed as error:
        raise VerzeichnisInputInvalid(
            texts.VERZEICHNIS_IMPORT_FAILED.format(problem=str(error)), field="import_file"
        ) from None
    with unit_of_work() as session:
        detail = f"{result.added} neu, {result.updated} aktualisiert"
        audit.record(session, AUDIT_IMPORT, None, ARTEN[art], detail, staff_id=scope.staff_id)
    return result
