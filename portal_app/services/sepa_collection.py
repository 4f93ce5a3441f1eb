"""The SEPA collection file of the department Beitrag: from a CSV of amounts
(`betriebsnummer;betrag;verwendungszweck`), a collection date and the creditor settings, a
pain.008.001.02 file (SEPA core direct debit) made with sepaxml and validated against the
schema before it is offered.

Rules:
- **One transaction per Betrieb with an active mandate**: the mandate reference and the date
  it was signed, the debtor's name, IBAN and BIC (none: NOTPROVIDED, allowed since 2016).
- **Bad rows stop the file** (listed with their line, nothing made): an unknown number, a number
  that names several branches, a Betrieb twice, a bad amount (German decimal comma, above 0,
  at most two decimals, at most 999.999.999,99), a purpose longer than 140 characters.
- **Rows without an active mandate** are listed and kept with the export as a CSV (to invoice
  them otherwise); the file is made for the others.
- **FRST or RCUR**: a mandate's first collection is FRST. A mandate counts as used only once an
  export with it has been marked as handed to the bank (`mark_submitted`), so exporting the same
  CSV twice, or again after a correction, never turns FRST into RCUR by mistake. Marking is
  refused when a mandate of the file has been used by another file marked meanwhile (then make
  the file again), when a mandate has ended since, or when the collection date has passed.
- **Collection date**: a TARGET2 business day at least `PORTAL_SEPA_VORLAUF_TAGE` business days
  after today (TARGET2 is closed on Saturdays, Sundays, 1 January, Good Friday, Easter Monday,
  1 May, 25 and 26 December). The default 2 suits FRST and RCUR alike under the current
  rulebook (D-1 for both since November 2016) with a day to spare for the bank's cut-off.
- **Pre-notification**: when the file is marked as handed to the bank, each Betrieb's unlocked
  accounts get a Postfach message (date, amount, mandate reference, last four IBAN digits).
- Every export is stored (XML and the CSV of rows without a mandate) and audited; it can be
  downloaded again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sepaxml import SepaDD
from sepaxml.validation import ValidationError
from sqlmodel import Session, col, select, update

from portal_app import texts
from portal_app.models import (
    Account,
    Betrieb,
    SepaBuchung,
    SepaEinzug,
    SepaMandat,
    StaffAccount,
)
from portal_app.services import (
    audit,
    clock,
    departments,
    files,
    postfach,
    registry,
    roles,
    spreadsheet,
)
from portal_app.services.dates import format_date, parse_date
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.files import StoredFile
from portal_app.services.staff import StaffView
from portal_app.settings import settings

SCHEMA = "pain.008.001.02"
XML_TYPE = "application/xml"
FIRST, RECURRING = "FRST", "RCUR"
COLUMNS = ("betriebsnummer", "betrag", "verwendungszweck")
MAX_ROWS = 20_000
PURPOSE_MAX = 140
AMOUNT_MAX_CENTS = 99_999_999_999
AMOUNT = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$")
CSV_MAX_BYTES = 5 * 1024 * 1024
PROBLEMS_SHOWN = 200

AUDIT_EXPORTED = "sepa_einzug_erstellt"
AUDIT_REFUSED = "sepa_einzug_abgelehnt"
AUDIT_DOWNLOADED = "sepa_einzug_heruntergeladen"
AUDIT_SUBMITTED = "sepa_einzug_uebergeben"


class CollectionRefused(PortalError):
    """Not this staff member's work (neither Beitrag nor administrator)."""


class CollectionError(PortalError):
    """The file cannot be made or marked; the message (at its field) says why."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    nummer: str
    message: str


@dataclass(frozen=True)
class Planned:
    line: int
    betrieb_id: int
    betriebsnummer: str
    name: str
    amount_cents: int
    purpose: str
    mandate_id: int
    reference: str
    signed: date
    holder: str
    iban: str
    bic: str
    sequence: str


@dataclass
class Plan:
    rows: list[Planned] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)  # stop the file
    without_mandate: list[RowProblem] = field(default_factory=list)  # listed, kept aside
    skipped_rows: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total_cents(self) -> int:
        return sum(row.amount_cents for row in self.rows)


@dataclass(frozen=True)
class ExportRow:
    id: int
    created_at: datetime
    faellig_am: date
    transactions: int
    total_cents: int
    skipped: int
    first: int
    submitted_at: datetime | None
    staff_name: str


@dataclass(frozen=True)
class Exported:
    export: ExportRow
    without_mandate: list[RowProblem]


@dataclass(frozen=True)
class CollectionView:
    """One collection of a mandate as its member sees it on /sepa."""

    reference: str
    faellig_am: date
    amount_cents: int
    sequence: str
    purpose: str


def may_work(staff: StaffView) -> bool:
    return staff.is_admin or departments.BEITRAG in staff.departments


def _require(staff: StaffView) -> None:
    if not may_work(staff):
        raise CollectionRefused(texts.SEPA_COLLECTION_REFUSED)


# --- TARGET2 calendar ---------------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def target2_holidays(year: int) -> set[date]:
    easter = easter_sunday(year)
    return {
        date(year, 1, 1),
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        date(year, 5, 1),
        date(year, 12, 25),
        date(year, 12, 26),
    }


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in target2_holidays(day.year)


def add_business_days(start: date, count: int) -> date:
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return day


def earliest_date(today: date | None = None) -> date:
    """The first collection date the bank can still meet."""
    return add_business_days(today or clock.today(), settings.sepa_lead_days)


def check_date(raw: str, today: date | None = None) -> date:
    text = str(raw or "").strip()
    if not text:
        raise CollectionError(texts.SEPA_COLLECTION_DATE_EMPTY, field="faellig")
    try:
        day = parse_date(text)
    except ValueError:
        raise CollectionError(texts.SEPA_COLLECTION_DATE_INVALID, field="faellig") from None
    earliest = earliest_date(today)
    if day < earliest:
        raise CollectionError(
            texts.SEPA_COLLECTION_DATE_TOO_EARLY.format(
                days=settings.sepa_lead_days, earliest=format_date(earliest)
            ),
            field="faellig",
        )
    if day > (today or clock.today()) + timedelta(days=365):
        raise CollectionError(texts.SEPA_COLLECTION_DATE_TOO_LATE, field="faellig")
    if not is_business_day(day):
        raise CollectionError(texts.SEPA_COLLECTION_DATE_CLOSED, field="faellig")
    return day


# --- the CSV ------------------------------------------------------------------------------------


def parse_amount(raw: str) -> int:
    """Cents of a German amount (`1.234,56`, `80`, `80,5`); ValueError with the German reason."""
    text = str(raw or "").strip().removesuffix("€").strip()
    if not text:
        raise ValueError(texts.SEPA_COLLECTION_AMOUNT_EMPTY)
    match = AMOUNT.fullmatch(text)
    if match is None:
        if re.fullmatch(r"\d+[.,]\d{3,}", text):
            raise ValueError(texts.SEPA_COLLECTION_AMOUNT_DECIMALS)
        raise ValueError(texts.SEPA_COLLECTION_AMOUNT_FORMAT)
    euros, _, cents = text.partition(",")
    value = int(euros.replace(".", "")) * 100 + int((cents or "0").ljust(2, "0"))
    if value <= 0:
        raise ValueError(texts.SEPA_COLLECTION_AMOUNT_ZERO)
    if value > AMOUNT_MAX_CENTS:
        raise ValueError(texts.SEPA_COLLECTION_AMOUNT_TOO_HIGH)
    return value


def format_amount(cents: int) -> str:
    """`1.234,56 €`."""
    euros, rest = divmod(int(cents), 100)
    return f"{euros:,}".replace(",", ".") + f",{rest:02d} €"


def read_csv(raw: bytes) -> list[tuple[int, str, str, str]]:
    """(line, betriebsnummer, betrag, verwendungszweck) of every row; the file as a whole
    refused (field `csv`) if it is no such CSV."""
    if len(raw) > CSV_MAX_BYTES:
        raise CollectionError(texts.SEPA_COLLECTION_CSV_TOO_LARGE, field="csv")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CollectionError(texts.SEPA_COLLECTION_CSV_ENCODING, field="csv") from None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CollectionError(texts.SEPA_COLLECTION_CSV_EMPTY, field="csv")
    delimiter = ";" if ";" in lines[0] else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader)]
    if header[:3] != list(COLUMNS):
        raise CollectionError(texts.SEPA_COLLECTION_CSV_HEADER, field="csv")
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cells = [*cells, "", "", ""][:3]
        rows.append((number, cells[0].strip(), cells[1].strip(), cells[2].strip()))
        if len(rows) > MAX_ROWS:
            raise CollectionError(
                texts.SEPA_COLLECTION_CSV_TOO_MANY.format(max=MAX_ROWS), field="csv"
            )
    if not rows:
        raise CollectionError(texts.SEPA_COLLECTION_CSV_NO_ROWS, field="csv")
    return rows


def _check_purpose(raw: str) -> str:
    purpose = " ".join(raw.split())
    if not purpose:
        raise ValueError(texts.SEPA_COLLECTION_PURPOSE_EMPTY)
    if len(purpose) > PURPOSE_MAX:
        raise ValueError(texts.SEPA_COLLECTION_PURPOSE_TOO_LONG.format(max=PURPOSE_MAX))
    if any(ord(char) < 32 or char in "<>" for char in purpose):
        raise ValueError(texts.SEPA_COLLECTION_PURPOSE_INVALID)
    return purpose


def used_mandates(session: Session, mandate_ids: list[int]) -> set[int]:
    """Mandates that have been collected in a file handed to the bank (then RCUR)."""
    if not mandate_ids:
        return set()
    return set(
        session.exec(
            select(SepaBuchung.mandat_id)
            .join(SepaEinzug, SepaEinzug.id == SepaBuchung.einzug_id)
            .where(col(SepaBuchung.mandat_id).in_(mandate_ids))
            .where(col(SepaEinzug.submitted_at).is_not(None))
        ).all()
    )


def plan(session: Session, rows: list[tuple[int, str, str, str]]) -> Plan:
    """Each row checked and matched to its Betrieb and active mandate."""
    result = Plan()
    seen: dict[int, int] = {}
    checked = []
    for line, raw_number, raw_amount, raw_purpose in rows:
        shown = raw_number[:30]
        try:
            number = registry.parse_betriebsnummer(raw_number)
        except registry.NumberRejected:
            result.problems.append(RowProblem(line, shown, texts.SEPA_COLLECTION_BAD_NUMBER))
            continue
        found = registry.find_betriebe(session, number)
        if not found:
            result.problems.append(RowProblem(line, shown, texts.SEPA_COLLECTION_UNKNOWN))
            continue
        if len(found) > 1:
            result.problems.append(RowProblem(line, shown, texts.SEPA_COLLECTION_SEVERAL))
            continue
        betrieb = found[0]
        try:
            amount = parse_amount(raw_amount)
            purpose = _check_purpose(raw_purpose)
        except ValueError as reason:
            result.problems.append(RowProblem(line, shown, str(reason)))
            continue
        if betrieb.id in seen:
            result.problems.append(
                RowProblem(line, shown, texts.SEPA_COLLECTION_TWICE.format(line=seen[betrieb.id]))
            )
            continue
        seen[betrieb.id] = line
        checked.append((line, betrieb, amount, purpose))
    mandates = {
        m.betrieb_id: m
        for m in session.exec(
            select(SepaMandat).where(
                col(SepaMandat.betrieb_id).in_([b.id for _, b, _, _ in checked]),
                col(SepaMandat.ended_at).is_(None),
            )
        )
    }
    used = used_mandates(session, [m.id for m in mandates.values()])
    for line, betrieb, amount, purpose in checked:
        nummer = registry.format_betriebsnummer(betrieb)
        mandate = mandates.get(betrieb.id)
        if mandate is None:
            result.without_mandate.append(
                RowProblem(line, nummer, texts.SEPA_COLLECTION_NO_MANDATE)
            )
            result.skipped_rows.append((nummer, format_amount(amount), purpose))
            continue
        result.rows.append(
            Planned(
                line=line,
                betrieb_id=betrieb.id,
                betriebsnummer=nummer,
                name=betrieb.name,
                amount_cents=amount,
                purpose=purpose,
                mandate_id=mandate.id,
                reference=mandate.mandatsreferenz,
                signed=mandate.granted_at.date(),
                holder=mandate.kontoinhaber,
                iban=mandate.iban,
                bic=mandate.bic,
                sequence=RECURRING if mandate.id in used else FIRST,
            )
        )
    return result


# --- the XML ------------------------------------------------------------------------------------


def check_creditor() -> None:
    if not (settings.creditor_name and settings.creditor_iban and settings.creditor_bic):
        raise CollectionError(texts.SEPA_COLLECTION_CREDITOR_MISSING)


def end_to_end_id(row: Planned, collection_date: date) -> str:
    return f"HWK-{row.betriebsnummer}-{collection_date:%Y%m%d}"[:35]


def build_xml(rows: list[Planned], collection_date: date) -> tuple[bytes, str]:
    """The pain.008.001.02 file and its message id; validated against the schema (sepaxml's
    own validation with xmlschema and the XSD it ships)."""
    check_creditor()
    document = SepaDD(
        {
            "name": settings.creditor_name,
            "IBAN": settings.creditor_iban,
            "BIC": settings.creditor_bic,
            "batch": True,
            "creditor_id": settings.creditor_id,
            "currency": "EUR",
            "instrument": "CORE",
        },
        schema=SCHEMA,
        clean=True,
    )
    for row in rows:
        payment = {
            "name": row.holder,
            "IBAN": row.iban,
            "amount": row.amount_cents,
            "type": row.sequence,
            "collection_date": collection_date,
            "mandate_id": row.reference,
            "mandate_date": row.signed,
            "description": row.purpose,
            "endtoend_id": end_to_end_id(row, collection_date),
        }
        if row.bic:
            payment["BIC"] = row.bic
        document.add_payment(payment)
    try:
        xml = document.export(validate=True)
    except ValidationError as error:
        raise CollectionError(texts.SEPA_COLLECTION_SCHEMA_FAILED) from error
    return xml, document.msg_id


# --- exports ------------------------------------------------------------------------------------


def _export_row(session: Session, row: SepaEinzug) -> ExportRow:
    staff = session.get(StaffAccount, row.staff_id) if row.staff_id else None
    first = len(
        session.exec(
            select(SepaBuchung.id).where(
                SepaBuchung.einzug_id == row.id, SepaBuchung.sequence == FIRST
            )
        ).all()
    )
    return ExportRow(
        id=row.id,
        created_at=row.created_at,
        faellig_am=row.faellig_am,
        transactions=row.transactions,
        total_cents=row.total_cents,
        skipped=row.skipped,
        first=first,
        submitted_at=row.submitted_at,
        staff_name=staff.name if staff else "",
    )


def export(staff: StaffView, raw_csv: bytes, raw_date: str) -> Exported:
    """Make, validate, store and audit the collection file (see the module docstring)."""
    _require(staff)
    collection_date = check_date(raw_date)
    rows = read_csv(raw_csv)
    check_creditor()
    with unit_of_work() as session:
        planned = plan(session, rows)
        if planned.problems:
            audit.record_staff(
                session, AUDIT_REFUSED, staff.id, "sepa", f"{len(planned.problems)} Zeilen"
            )
            raise RowsRejected(planned)
        if not planned.rows:
            raise CollectionError(texts.SEPA_COLLECTION_NOTHING, field="csv")
    xml, message_id = build_xml(planned.rows, collection_date)
    made = [files.made(xml)]
    if planned.skipped_rows:
        made.append(files.made(spreadsheet.csv_bytes(COLUMNS, planned.skipped_rows)))
    try:
        with unit_of_work() as session:
            row = SepaEinzug(
                created_at=clock.now(),
                staff_id=staff.id,
                faellig_am=collection_date,
                csv_hash=hashlib.sha256(raw_csv).hexdigest(),
                message_id=message_id[:35],
                file_name="",
                stored_name=made[0].name,
                skipped_name=made[1].name if len(made) > 1 else "",
                transactions=len(planned.rows),
                total_cents=planned.total_cents,
                skipped=len(planned.skipped_rows),
            )
            session.add(row)
            session.flush()
            row.file_name = f"sepa-lastschrift-{collection_date.isoformat()}-{row.id}.xml"
            for item in planned.rows:
                session.add(
                    SepaBuchung(
                        einzug_id=row.id,
                        mandat_id=item.mandate_id,
                        betrieb_id=item.betrieb_id,
                        amount_cents=item.amount_cents,
                        sequence=item.sequence,
                        verwendungszweck=item.purpose,
                        end_to_end_id=end_to_end_id(item, collection_date),
                    )
                )
            session.flush()
            audit.record_staff(
                session,
                AUDIT_EXPORTED,
                staff.id,
                f"einzug:{row.id}",
                f"{row.transactions} Lastschriften, {format_amount(row.total_cents)}, "
                f"fällig {format_date(collection_date)}, {row.skipped} ohne Mandat",
            )
            exported = Exported(_export_row(session, row), planned.without_mandate)
    except BaseException:
        for made_file in made:
            made_file.discard()
        raise
    for made_file in made:
        made_file.done()
    return exported


class RowsRejected(CollectionError):
    """Rows of the CSV that stop the file; `plan.problems` lists them."""

    def __init__(self, planned: Plan):
        super().__init__(
            texts.SEPA_COLLECTION_ROWS_REJECTED.format(count=len(planned.problems)), field="csv"
        )
        self.plan = planned


def exports(staff: StaffView, limit: int = 20) -> list[ExportRow]:
    _require(staff)
    with unit_of_work() as session:
        rows = session.exec(
            select(SepaEinzug)
            .order_by(col(SepaEinzug.created_at).desc(), col(SepaEinzug.id).desc())
            .limit(limit)
        ).all()
        return [_export_row(session, row) for row in rows]


def _einzug(session: Session, einzug_id: int) -> SepaEinzug:
    row = session.get(SepaEinzug, einzug_id) if isinstance(einzug_id, int) else None
    if row is None:
        raise CollectionError(texts.SEPA_COLLECTION_NOT_FOUND)
    return row


def export_file(staff: StaffView, einzug_id: int) -> StoredFile:
    """The stored XML again, audited."""
    _require(staff)
    with unit_of_work() as session:
        row = _einzug(session, einzug_id)
        audit.record_staff(session, AUDIT_DOWNLOADED, staff.id, f"einzug:{row.id}", "xml")
        return StoredFile(row.file_name, XML_TYPE, row.stored_name)


def skipped_file(staff: StaffView, einzug_id: int) -> StoredFile:
    """The rows without an active mandate of an export, as CSV."""
    _require(staff)
    with unit_of_work() as session:
        row = _einzug(session, einzug_id)
        if not row.skipped_name:
            raise CollectionError(texts.SEPA_COLLECTION_NONE_SKIPPED)
        audit.record_staff(session, AUDIT_DOWNLOADED, staff.id, f"einzug:{row.id}", "ohne Mandat")
        return StoredFile(
            f"ohne-mandat-{row.faellig_am.isoformat()}-{row.id}.csv",
            spreadsheet.CONTENT_TYPE,
            row.skipped_name,
        )


def mark_submitted(staff: StaffView, einzug_id: int) -> ExportRow:
    """ "An die Bank übergeben": from now on its mandates count as used; the members are told
    in their Postfach (pre-notification). Once only."""
    _require(staff)
    with unit_of_work() as session:
        row = _einzug(session, einzug_id)
        if row.faellig_am < earliest_date():
            raise CollectionError(texts.SEPA_COLLECTION_DATE_PASSED)
        marked = session.exec(
            update(SepaEinzug)
            .where(col(SepaEinzug.id) == row.id)
            .where(col(SepaEinzug.submitted_at).is_(None))
            .values(submitted_at=clock.now(), submitted_by=staff.id)
        )
        if marked.rowcount != 1:
            raise CollectionError(texts.SEPA_COLLECTION_ALREADY_SUBMITTED)
        bookings = session.exec(select(SepaBuchung).where(SepaBuchung.einzug_id == row.id)).all()
        mandates = {
            m.id: m
            for m in session.exec(
                select(SepaMandat).where(col(SepaMandat.id).in_([b.mandat_id for b in bookings]))
            )
        }
        if any(mandates[b.mandat_id].ended_at is not None for b in bookings):
            raise CollectionError(texts.SEPA_COLLECTION_MANDATE_ENDED)
        first = [b.mandat_id for b in bookings if b.sequence == FIRST]
        used_elsewhere = session.exec(
            select(SepaBuchung.mandat_id)
            .join(SepaEinzug, SepaEinzug.id == SepaBuchung.einzug_id)
            .where(col(SepaBuchung.mandat_id).in_(first))
            .where(col(SepaEinzug.submitted_at).is_not(None))
            .where(SepaEinzug.id != row.id)
        ).first()
        if used_elsewhere is not None:
            raise CollectionError(texts.SEPA_COLLECTION_FIRST_USED)
        for booking in bookings:
            _pre_notify(session, booking, mandates[booking.mandat_id], row.faellig_am)
        audit.record_staff(
            session, AUDIT_SUBMITTED, staff.id, f"einzug:{row.id}", f"{len(bookings)} Lastschriften"
        )
        session.flush()
        session.refresh(row)
        return _export_row(session, row)


def _pre_notify(session: Session, booking: SepaBuchung, mandate: SepaMandat, due: date) -> None:
    betrieb = session.get(Betrieb, booking.betrieb_id)
    accounts = roles.accounts_with_role(session, betrieb.id, roles.SEPA)
    body = texts.SEPA_PRE_NOTIFICATION_BODY.format(
        betrieb=f"{registry.format_betriebsnummer(betrieb)} {betrieb.name}",
        date=format_date(due),
        amount=format_amount(booking.amount_cents),
        purpose=booking.verwendungszweck,
        reference=mandate.mandatsreferenz,
        creditor_id=settings.creditor_id,
        last4=mandate.iban[-4:],
    )
    for account_id in accounts:
        if session.get(Account, account_id) is not None:
            postfach.deliver(
                session,
                account_id,
                texts.SEPA_PRE_NOTIFICATION_SUBJECT.format(date=format_date(due)),
                body,
            )


def collections_of(account_id: int, mandate_reference: str) -> list[CollectionView]:
    """The collections handed to the bank of one of the account's mandates, newest first."""
    with unit_of_work() as session:
        mandate = session.exec(
            select(SepaMandat).where(SepaMandat.mandatsreferenz == mandate_reference)
        ).first()
        if mandate is None:
            return []
        if not roles.has_role(session, account_id, mandate.betrieb_id, roles.SEPA):
            return []
        rows = session.exec(
            select(SepaBuchung, SepaEinzug)
            .join(SepaEinzug, SepaEinzug.id == SepaBuchung.einzug_id)
            .where(SepaBuchung.mandat_id == mandate.id)
            .where(col(SepaEinzug.submitted_at).is_not(None))
            .order_by(col(SepaEinzug.faellig_am).desc(), col(SepaBuchung.id).desc())
        ).all()
        return [
            CollectionView(
                mandate.mandatsreferenz,
                einzug.faellig_am,
                booking.amount_cents,
                booking.sequence,
                booking.verwendungszweck,
            )
            for booking, einzug in rows
        ]
