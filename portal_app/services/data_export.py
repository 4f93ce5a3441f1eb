""" "Meine Daten" (DSGVO Art. 15): everything the portal holds about an account, as one ZIP with
a JSON file and a readable PDF summary.

What is exported is declared once, in `SECTIONS` (one entry per table with the account's rows)
and `NOT_EXPORTED` (tables with an account column left out, each with its reason); a unit test
fails when a table with an `account_id` column is in neither. Secrets never leave: no password
hash, no token or code hash, no TOTP secret; an IBAN is masked.

Small accounts get the archive at once (a one-time download of a generated file). For an
account with more than `BACKGROUND_FROM_ROWS` rows a `DataExport` job is queued; the export
loop (`export_loop`, one per backend process) claims each job with a conditional UPDATE, so
with several workers every job is made once, stores the archive in the private file store and
mails the member that it is ready (no data in the mail). The archive is offered under Mein Konto
for `KEEP_FOR`, then deleted with its row.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fpdf import FPDF
from sqlmodel import Session, col, delete, func, select, update

from portal_app import routes, texts
from portal_app.models import (
    Account,
    AuditEntry,
    Betrieb,
    Booking,
    Course,
    DataExport,
    Dokument,
    EmailChange,
    FormSubmission,
    Freischaltung,
    KnownDevice,
    Lehrvertrag,
    LoginSession,
    MemberTotp,
    Person,
    PinRequest,
    PostfachNachricht,
    SepaMandat,
    UnlockTry,
    Vorgang,
)
from portal_app.services import (
    audit,
    clock,
    dates,
    db,
    departments,
    files,
    inbox,
    mail,
    registry,
    roles,
    team,
)
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.files import StoredFile
from portal_app.settings import settings

log = logging.getLogger(__name__)

BACKGROUND_FROM_ROWS = 2000  # more rows than this: made in the background
KEEP_FOR = timedelta(days=7)  # a background archive is offered this long, then deleted
CLAIM_TIME = timedelta(minutes=10)  # a worker's claim on a job; after it another may take it
LOOP_SECONDS = 5.0
ZIP_TYPE = "application/zip"
JSON_NAME = "meine-daten.json"
PDF_NAME = "meine-daten.pdf"

Row = dict[str, object]


# --- what is exported ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One table's rows of the account: `key` names it in the JSON (its German title is
    texts.MY_DATA_SECTIONS[key]); `rows` reads them as plain values, secrets left out."""

    key: str
    model: type
    rows: Callable[[Session, int], list[Row]]


def _mine(model, account_id: int, order=None):
    query = select(model).where(model.account_id == account_id)
    return query.order_by(order if order is not None else model.id)


def _logins(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "angemeldet_am": r.created_at,
            "zuletzt_aktiv": r.last_seen_at,
            "beendet_am": r.ended_at,
            "browser": r.user_agent,
        }
        for r in session.exec(_mine(LoginSession, account_id))
    ]


def _devices(session: Session, account_id: int) -> list[Row]:
    return [
        {"erstmals_angemeldet": r.created_at, "zuletzt_angemeldet": r.last_login_at}
        for r in session.exec(_mine(KnownDevice, account_id))
    ]


def _freischaltungen(session: Session, account_id: int) -> list[Row]:
    found = []
    for r in session.exec(_mine(Freischaltung, account_id)):
        if r.betrieb_id is not None:
            betrieb = session.get(Betrieb, r.betrieb_id)
            what = f"Betrieb {registry.format_betriebsnummer(betrieb)} {betrieb.name}"
        else:
            person = session.get(Person, r.person_id)
            what = f"Person {person.kundennummer} {person.name}"
        in_team = {}
        if r.betrieb_id is not None:
            in_team = {"verwalter": r.verwalter, "rollen": team.role_labels(roles.roles_of(r))}
        found.append({"freigeschaltet_fuer": what, "am": r.created_at, **in_team})
    return found


def _pin_requests(session: Session, account_id: int) -> list[Row]:
    return [
        {"art": r.art, "nummer": r.nummer, "angefordert_am": r.created_at, "erledigt_am": r.done_at}
        for r in session.exec(_mine(PinRequest, account_id))
    ]


def _unlock_tries(session: Session, account_id: int) -> list[Row]:
    return [
        {"am": r.at, "nummer": r.number_key, "fehlgeschlagen": r.failed}
        for r in session.exec(_mine(UnlockTry, account_id))
    ]


def _bookings(session: Session, account_id: int) -> list[Row]:
    rows = session.exec(
        select(Booking, Course, Betrieb)
        .join(Course, col(Course.id) == Booking.course_id)
        .join(Betrieb, col(Betrieb.id) == Booking.betrieb_id, isouter=True)
        .where(Booking.account_id == account_id)
        .order_by(Booking.id)
    )
    return [
        {
            "kurs": f"{c.code} {c.title}",
            "fuer_betrieb": registry.format_betriebsnummer(betrieb) if betrieb else None,
            "beginn": c.starts_on,
            "teilnehmer": b.participant_name,
            "geburtsdatum": b.participant_birth_date,
            "e_mail": b.participant_email,
            "status": b.status,
            "gebucht_am": b.created_at,
            "storniert_am": b.cancelled_at,
        }
        for b, c, betrieb in rows
    ]


def _form_data(raw: str) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _forms(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "formular": r.form_key,
            "an": r.department_email,
            "gesendet_am": r.created_at,
            "angaben": _form_data(r.data),
        }
        for r in session.exec(_mine(FormSubmission, account_id))
    ]


def _requests(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "art": inbox.KINDS.get(r.kind, r.kind),
            "abteilung": departments.label(r.department) if r.department else "",
            "betreff": r.subject,
            "absender": r.sender,
            "status": inbox.STATUSES.get(r.status, r.status),
            "eingegangen_am": r.received_at,
        }
        for r in session.exec(_mine(Vorgang, account_id))
    ]


def _lehrvertraege(session: Session, account_id: int) -> list[Row]:
    """The contracts the account last saved or submitted for its Betrieb."""
    return [
        {
            "am": r.created_at,
            "status": r.status,
            "angaben": json.loads(r.daten or "{}"),
            "gesendet_am": r.submitted_at,
            "nummer": r.lehrlingsrolle_nr or "",
        }
        for r in session.exec(_mine(Lehrvertrag, account_id))
    ]


def _documents(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "titel": r.titel,
            "dateiname": r.original_name,
            "richtung": r.richtung,
            "abteilung": r.abteilung,
            "art": r.content_type,
            "groesse_bytes": r.size,
            "am": r.created_at,
        }
        for r in session.exec(_mine(Dokument, account_id))
    ]


def _postfach(session: Session, account_id: int) -> list[Row]:
    return [
        {"betreff": r.subject, "erhalten_am": r.created_at, "gelesen_am": r.read_at}
        for r in session.exec(_mine(PostfachNachricht, account_id))
    ]


def mask_iban(iban: str) -> str:
    """The country code and the last four characters; the rest starred."""
    compact = (iban or "").replace(" ", "")
    if len(compact) <= 6:
        return "*" * len(compact)
    return compact[:2] + "*" * (len(compact) - 6) + compact[-4:]


def _mandates(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "mandatsreferenz": r.mandatsreferenz,
            "kontoinhaber": r.kontoinhaber,
            "iban": mask_iban(r.iban),
            "bic": r.bic,
            "bank": r.bank_name,
            "erteilt_am": r.granted_at,
            "beendet_am": r.ended_at,
            "grund": r.end_reason,
        }
        for r in session.exec(_mine(SepaMandat, account_id))
    ]


def _audit(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "am": r.at,
            "ereignis": texts.AUDIT_ACTIONS.get(r.action, r.action),
            "betrifft": r.target,
            "angaben": r.detail,
        }
        for r in session.exec(_mine(AuditEntry, account_id))
    ]


def _email_changes(session: Session, account_id: int) -> list[Row]:
    return [
        {
            "bisherige_adresse": r.old_email,
            "neue_adresse": r.new_email,
            "angefordert_am": r.created_at,
            "bestaetigt_am": r.confirmed_at,
            "ersetzt_am": r.voided_at,
            "rueckgaengig_am": r.undone_at,
        }
        for r in session.exec(_mine(EmailChange, account_id))
    ]


def _second_factor(session: Session, account_id: int) -> list[Row]:
    return [
        {"eingerichtet_am": r.created_at, "bestaetigt_am": r.confirmed_at}
        for r in session.exec(_mine(MemberTotp, account_id))
    ]


def _exports(session: Session, account_id: int) -> list[Row]:
    return [
        {"angefordert_am": r.requested_at, "fertig_am": r.finished_at, "abrufbar_bis": r.expires_at}
        for r in session.exec(_mine(DataExport, account_id))
    ]


SECTIONS: tuple[Section, ...] = (
    Section("anmeldungen", LoginSession, _logins),
    Section("zweiter_faktor", MemberTotp, _second_factor),
    Section("bekannte_geraete", KnownDevice, _devices),
    Section("freischaltungen", Freischaltung, _freischaltungen),
    Section("pin_anforderungen", PinRequest, _pin_requests),
    Section("freischaltversuche", UnlockTry, _unlock_tries),
    Section("buchungen", Booking, _bookings),
    Section("formulare", FormSubmission, _forms),
    Section("anfragen", Vorgang, _requests),
    Section("dokumente", Dokument, _documents),
    Section("lehrvertraege", Lehrvertrag, _lehrvertraege),
    Section("postfach", PostfachNachricht, _postfach),
    Section("sepa_mandate", SepaMandat, _mandates),
    Section("protokoll", AuditEntry, _audit),
    Section("adressaenderungen", EmailChange, _email_changes),
    Section("datenauskuenfte", DataExport, _exports),
)

# Tables with an account column that the export leaves out, and why.
NOT_EXPORTED: dict[str, str] = {
    "email_token": "only the keyed hashes of mailed links and their times: secrets, no content",
    "download_ticket": "a one-minute permission to fetch one file, bound to a session hash",
    "member_recovery_code": "only the keyed hashes of the recovery codes: secrets",
}


def _account(session: Session, account_id: int) -> Row:
    account = session.get(Account, account_id)
    return {
        "e_mail": account.email,
        "registriert_am": account.created_at,
        "bestaetigt_am": account.confirmed_at,
        "passwort_gesetzt": account.password_hash is not None,
    }


def collect(account_id: int) -> dict[str, object]:
    """Everything the portal holds about the account, as plain values (JSON-ready but for
    dates); secrets left out."""
    with unit_of_work() as session:
        data: dict[str, object] = {"konto": _account(session, account_id)}
        for section in SECTIONS:
            data[section.key] = section.rows(session, account_id)
    return data


def row_count(account_id: int) -> int:
    """How many rows the export of the account would hold (decides: now or in the background)."""
    total = 1
    with unit_of_work() as session:
        for section in SECTIONS:
            total += session.exec(
                select(func.count())
                .select_from(section.model)
                .where(section.model.account_id == account_id)
            ).one()
    return total


# --- the archive -------------------------------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not exportable: {type(value).__name__}")


def _readable(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return texts.YES if value else texts.NO
    if isinstance(value, datetime):
        return dates.format_datetime(value)
    if isinstance(value, date):
        return dates.format_date(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    return str(value)


def _latin1(text: str) -> str:
    """The PDF's core font knows Latin-1 only (umlauts and ß included)."""
    return text.replace("–", "-").replace("→", "->").encode("latin-1", "replace").decode("latin-1")


def _pdf(data: dict[str, object], made_at: datetime) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, _latin1(texts.MY_DATA_PDF_TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.ln(2)
    intro = texts.MY_DATA_PDF_INTRO.format(when=dates.format_datetime(made_at))
    pdf.multi_cell(0, 5, _latin1(intro), new_x="LMARGIN", new_y="NEXT")
    for key, value in data.items():
        pdf.ln(4)
        pdf.set_font("Helvetica", style="B", size=12)
        title = texts.MY_DATA_SECTIONS[key]
        pdf.multi_cell(0, 7, _latin1(title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=9)
        rows = [value] if isinstance(value, dict) else value
        if not rows:
            pdf.multi_cell(0, 5, _latin1(texts.MY_DATA_PDF_NONE), new_x="LMARGIN", new_y="NEXT")
        for row in rows:
            line = " · ".join(
                f"{texts.MY_DATA_LABELS.get(k, k)}: {_readable(v)}" for k, v in row.items()
            )
            pdf.multi_cell(0, 5, _latin1(line), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    return bytes(pdf.output())


def build_archive(account_id: int) -> bytes:
    """The ZIP: meine-daten.json and meine-daten.pdf."""
    made_at = clock.now()
    data = collect(account_id)
    document = {"erstellt_am": made_at, **data}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            JSON_NAME, json.dumps(document, ensure_ascii=False, indent=2, default=_plain)
        )
        archive.writestr(PDF_NAME, _pdf(data, made_at))
    return buffer.getvalue()


def file_name(moment: datetime | None = None) -> str:
    day = dates.in_germany(moment or clock.now()).date().isoformat()
    return texts.MY_DATA_FILE_NAME.format(date=day)


# --- asking for it -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MadeNow:
    """A small account's archive, made for this request."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Queued:
    """A large account's archive is made in the background (or already was asked for)."""


class ExportNotFound(PortalError):
    """No ready archive of this account with that id (another's, expired, not made yet)."""


def request_export(account_id: int) -> MadeNow | Queued:
    """The archive now for a small account, else a background job (one at a time per account)."""
    if row_count(account_id) <= BACKGROUND_FROM_ROWS:
        data = build_archive(account_id)
        with unit_of_work() as session:
            audit.record(session, audit.Action.DATA_EXPORTED, account_id)
        return MadeNow(file_name(), data)
    with unit_of_work() as session:
        db.serialize(session, f"data-export:{account_id}")
        job = DataExport(account_id=account_id, requested_at=clock.now())
        session.add(job)
        session.flush()  # written before counting: SQLite orders parallel requests by it
        earlier = session.exec(
            select(func.count())
            .select_from(DataExport)
            .where(DataExport.account_id == account_id)
            .where(DataExport.id != job.id)
            .where(col(DataExport.finished_at).is_(None))
            .where(col(DataExport.failed_at).is_(None))
        ).one()
        if earlier:  # already asked for and not made yet: that job is enough
            session.delete(job)
    return Queued()


@dataclass(frozen=True)
class ExportView:
    """A background archive as Mein Konto shows it."""

    id: int
    requested_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None
    size: int


def exports_of(account_id: int) -> list[ExportView]:
    """The account's background archives that are waiting or ready (not expired), newest first."""
    now = clock.now()
    with unit_of_work() as session:
        rows = session.exec(
            select(DataExport)
            .where(DataExport.account_id == account_id)
            .where(col(DataExport.failed_at).is_(None))
            .where((col(DataExport.expires_at).is_(None)) | (DataExport.expires_at > now))
            .order_by(col(DataExport.id).desc())
        ).all()
    return [ExportView(r.id, r.requested_at, r.finished_at, r.expires_at, r.size) for r in rows]


def ready_file(account_id: int, export_id: int) -> StoredFile:
    """The stored archive `export_id` if it is the account's, finished and not expired."""
    with unit_of_work() as session:
        row = session.get(DataExport, export_id)
    if (
        row is None
        or row.account_id != account_id
        or row.stored_name is None
        or row.expires_at is None
        or row.expires_at <= clock.now()
    ):
        raise ExportNotFound(texts.MY_DATA_NOT_FOUND)
    return StoredFile(file_name(row.finished_at), ZIP_TYPE, row.stored_name)


# --- the background loop -----------------------------------------------------------------------


def _claim(now: datetime) -> list[int]:
    with unit_of_work() as session:
        due = session.exec(
            select(DataExport.id)
            .where(col(DataExport.finished_at).is_(None), col(DataExport.failed_at).is_(None))
            .where((col(DataExport.claimed_until).is_(None)) | (DataExport.claimed_until < now))
            .order_by(DataExport.id)
            .limit(5)
        ).all()
        claimed = []
        for export_id in due:
            result = session.exec(
                update(DataExport)
                .where(DataExport.id == export_id)
                .where(col(DataExport.finished_at).is_(None))
                .where((col(DataExport.claimed_until).is_(None)) | (DataExport.claimed_until < now))
                .values(claimed_until=now + CLAIM_TIME)
            )
            if result.rowcount == 1:
                claimed.append(export_id)
        return claimed


def _make(export_id: int) -> bool:
    """Make and store one claimed job's archive; mail the member. False if another worker
    finished it first (then this worker's file goes again)."""
    with unit_of_work() as session:
        account_id = session.get(DataExport, export_id).account_id
    data = build_archive(account_id)
    made = files.made(data)
    try:
        with unit_of_work() as session:
            now = clock.now()
            finished = session.exec(
                update(DataExport)
                .where(DataExport.id == export_id)
                .where(col(DataExport.finished_at).is_(None))
                .values(
                    finished_at=now,
                    stored_name=made.name,
                    size=len(data),
                    expires_at=now + KEEP_FOR,
                    claimed_until=None,
                )
            ).rowcount
            if finished != 1:
                made.discard()
                return False
            account = session.get(Account, account_id)
            body = texts.MAIL_DATA_READY_BODY.format(
                link=settings.base_url + routes.MY_DATA,
                until=dates.format_datetime(now + KEEP_FOR),
            )
            mail.enqueue(session, account.email, texts.MAIL_DATA_READY_SUBJECT, body)
            audit.record(session, audit.Action.DATA_EXPORTED, account_id)
    except BaseException:
        made.discard()
        raise
    made.done()
    return True


def delete_expired() -> int:
    """Remove the archives whose time is up, row and file; return how many."""
    with unit_of_work() as session:
        gone = session.exec(
            delete(DataExport)
            .where(col(DataExport.expires_at).is_not(None))
            .where(DataExport.expires_at <= clock.now())
            .returning(DataExport.stored_name)
        ).all()
    for (stored_name,) in gone:
        if stored_name:
            files.delete(stored_name)
    return len(gone)


def run_due() -> int:
    """One round of the loop: make the waiting archives, delete the expired ones. Returns how
    many archives this call made."""
    made = 0
    for export_id in _claim(clock.now()):
        try:
            made += _make(export_id)
        except Exception:
            log.exception("Datenauskunft %s nicht erstellt", export_id)
            with unit_of_work() as session:
                session.exec(
                    update(DataExport)
                    .where(DataExport.id == export_id)
                    .where(col(DataExport.finished_at).is_(None))
                    .values(failed_at=clock.now(), claimed_until=None)
                )
    delete_expired()
    return made


def stored_names_of(session: Session, account_id: int) -> list[str]:
    """The stored archives of an account (its deletion removes them with their rows)."""
    return [
        name
        for name in session.exec(
            select(DataExport.stored_name).where(DataExport.account_id == account_id)
        )
        if name
    ]


async def export_loop() -> None:
    """For the life of the backend process: make waiting archives, delete expired ones."""
    while True:
        try:
            await asyncio.to_thread(run_due)
        except Exception:
            log.exception("Fehler bei den Datenauskünften; nächster Versuch gleich")
        await asyncio.sleep(LOOP_SECONDS)
