"""Fee notices (Beitragsbescheide) in bulk: the department Beitrag uploads one ZIP of PDFs,
each named by the Betriebsnummer or Kundennummer it is for (`TS-1234567-0_Beitrag-2027.pdf`,
`12345678_Beitrag.pdf`), and a title.

1. `check_upload`: the whole batch is checked before anything is delivered: the ZIP itself
   (size as every upload, number of files, unpacked size, compression ratio, no paths that
   leave the folder, no links, nothing encrypted), every file (a PDF by its first bytes and by
   parsing, at most `PORTAL_UPLOAD_MAX_MB`), every number (known, one record only) and
   duplicates (a record twice). Every problem is listed; with any, nothing is kept. A clean
   batch is staged: the ZIP stays in the private store under a server-made name.
2. `deliver`: the staged batch is checked again and, in one transaction, each notice becomes a
   document provided for its record and a message in the Postfach of every account unlocked
   for it today (of a Betrieb's team: the role Beitrag und SEPA); each account gets one
   notification mail for the batch.
   Records without any unlocked account are listed for paper post (`paper_csv`).
   A batch is delivered once: its content hash (record and PDF hash of every notice, so a
   re-packed ZIP of the same notices counts as the same) is unique among delivered batches,
   and the batch's own delivery is one conditional UPDATE, so a double click or a replay
   delivers nothing more.

Every function takes the acting `StaffView` and refuses anyone who is neither in the
department Beitrag nor an administrator.
"""

from __future__ import annotations

import hashlib
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import PurePosixPath

from pypdf import PdfReader
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select, update

from portal_app import texts
from portal_app.models import (
    Account,
    BeitragBescheid,
    BeitragStapel,
    Betrieb,
    Dokument,
    Freischaltung,
    Person,
)
from portal_app.services import (
    audit,
    clock,
    departments,
    documents,
    files,
    postfach,
    registry,
    roles,
    spreadsheet,
)
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.settings import settings

TITLE_MAX = documents.TITLE_MAX
MAX_FILES = 10_000  # notices in one ZIP
MAX_RATIO = 50  # unpacked : packed of one file; beyond it the ZIP is taken for a bomb
PROBLEMS_SHOWN = 200  # the page lists this many; the count says how many there are
READ_CHUNK = 1024 * 1024
SKIPPED_PARTS = ("__MACOSX",)  # what a Mac's "compress" adds beside the files
SKIPPED_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")
STAGED_FOR_HOURS = 24

AUDIT_CHECKED = "beitrag_stapel_geprueft"
AUDIT_REFUSED = "beitrag_stapel_abgelehnt"
AUDIT_DELIVERED = "beitrag_stapel_zugestellt"
AUDIT_PAPER = "beitrag_papierliste"


def zip_limit() -> int:
    """The largest ZIP: as much as one upload of documents may carry together."""
    return documents.FILES_PER_UPLOAD * settings.upload_max_bytes


def unpacked_limit() -> int:
    return 2 * zip_limit()


MB = 1024 * 1024


def _max_mb() -> int:
    return settings.upload_max_bytes // MB


class BeitragRefused(PortalError):
    """Not this staff member's work (neither Beitrag nor administrator)."""


class BatchError(PortalError):
    """The batch cannot be taken or delivered; the message (at its field) says why."""


@dataclass(frozen=True)
class Problem:
    name: str  # the file in the ZIP ("" for the ZIP as a whole)
    message: str


@dataclass(frozen=True)
class _Entry:
    info: zipfile.ZipInfo
    name: str  # the file's own name, without folders
    record_key: str = ""  # "betrieb-7" / "person-3"
    record_id: int = 0
    is_betrieb: bool = True
    sha256: str = ""


@dataclass
class Checked:
    """What the check found; `stapel_id` > 0 when the batch is staged for delivery."""

    titel: str
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: int = 0
    with_account: int = 0  # records with at least one unlocked account
    accounts: int = 0  # accounts that will get a message (each one mail)
    paper: int = 0  # records without an unlocked account
    stapel_id: int = 0
    delivered_before: datetime | None = None


@dataclass(frozen=True)
class Delivered:
    stapel_id: int
    titel: str
    notices: int
    messages: int
    accounts: int
    paper: int


@dataclass(frozen=True)
class BatchRow:
    id: int
    titel: str
    delivered_at: datetime
    notices: int
    messages: int
    paper: int


def may_work(staff: StaffView) -> bool:
    return staff.is_admin or departments.BEITRAG in staff.departments


def _require(staff: StaffView) -> None:
    if not may_work(staff):
        raise BeitragRefused(texts.BEITRAG_REFUSED)


def check_title(raw: str) -> str:
    title = " ".join(str(raw or "").split())
    if not title:
        raise BatchError(texts.BEITRAG_TITLE_EMPTY, field="titel")
    if len(title) > TITLE_MAX:
        raise BatchError(texts.BEITRAG_TITLE_TOO_LONG.format(max=TITLE_MAX), field="titel")
    if any(ord(char) < 32 or char in "<>" for char in title):
        raise BatchError(texts.BEITRAG_TITLE_INVALID, field="titel")
    return title


# --- the ZIP and its files ----------------------------------------------------------------------


def _unsafe_path(raw: str) -> bool:
    """A name that would leave the folder it is unpacked into, or names a drive."""
    name = raw.replace("\\", "/")
    parts = PurePosixPath(name).parts
    return (
        name.startswith("/")
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in parts
        or any(ord(char) < 32 for char in name)
    )


def _skipped(info: zipfile.ZipInfo) -> bool:
    parts = info.filename.replace("\\", "/").split("/")
    return info.is_dir() or parts[0] in SKIPPED_PARTS or parts[-1] in SKIPPED_NAMES


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The file's bytes, never more than `limit` whatever its header claims."""
    buffer = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(READ_CHUNK):
            buffer += chunk
            if len(buffer) > limit:
                raise files.FileTooLarge
    return bytes(buffer)


def _parses_as_pdf(data: bytes) -> bool:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return True
        return len(reader.pages) > 0
    except Exception:  # whatever a broken file makes the parser raise: it is not a PDF
        return False


def _number_of(name: str) -> str:
    """The number a file is named by: what comes before the first `_` or space."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return re.split(r"[_\s]", stem.strip(), maxsplit=1)[0]


def _open_zip(path, problems: list[Problem]) -> zipfile.ZipFile | None:
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head != b"PK\x03\x04":
        problems.append(Problem("", texts.BEITRAG_NOT_A_ZIP))
        return None
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.append(Problem("", texts.BEITRAG_NOT_A_ZIP))
        return None


def _entries(archive: zipfile.ZipFile, problems: list[Problem]) -> list[_Entry]:
    """The files of the ZIP to look at, after the checks of the container as a whole."""
    infos = [info for info in archive.infolist() if not _skipped(info)]
    if not infos:
        problems.append(Problem("", texts.BEITRAG_ZIP_EMPTY))
        return []
    if len(infos) > MAX_FILES:
        problems.append(Problem("", texts.BEITRAG_TOO_MANY_FILES.format(max=MAX_FILES)))
        return []
    if sum(info.file_size for info in infos) > unpacked_limit():
        problems.append(
            Problem("", texts.BEITRAG_UNPACKED_TOO_LARGE.format(mb=unpacked_limit() // MB))
        )
        return []
    found = []
    names: dict[str, str] = {}
    for info in infos:
        raw = info.filename
        shown = files.sanitize_name(raw, files.PDF) if not _unsafe_path(raw) else raw[:200]
        if _unsafe_path(raw):
            problems.append(Problem(shown, texts.BEITRAG_UNSAFE_PATH))
            continue
        name = raw.replace("\\", "/").rsplit("/", 1)[-1]
        if _is_link(info):
            problems.append(Problem(name, texts.BEITRAG_LINK))
        elif info.flag_bits & 0x1:
            problems.append(Problem(name, texts.BEITRAG_ENCRYPTED))
        elif info.file_size > settings.upload_max_bytes:
            problems.append(Problem(name, texts.BEITRAG_FILE_TOO_LARGE.format(mb=_max_mb())))
        elif info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
            problems.append(Problem(name, texts.BEITRAG_BOMB))
        elif name.casefold() in names:
            problems.append(
                Problem(name, texts.BEITRAG_SAME_NAME.format(other=names[name.casefold()]))
            )
        else:
            names[name.casefold()] = raw
            found.append(_Entry(info, name))
    return found


def _match(session: Session, entries: list[_Entry], problems: list[Problem]) -> list[_Entry]:
    """Each file's record by the number in its name: known, exactly one, not twice."""
    wanted_betriebe, wanted_personen, parsed = set(), set(), []
    for entry in entries:
        raw = _number_of(entry.name)
        if re.fullmatch(r"\d{8}", raw):
            parsed.append((entry, None, raw))
            wanted_personen.add(raw)
            continue
        try:
            number = registry.parse_betriebsnummer(raw)
        except registry.NumberRejected:
            problems.append(Problem(entry.name, texts.BEITRAG_NO_NUMBER))
            continue
        parsed.append((entry, number, raw))
        wanted_betriebe.add(number.nummer)
    betriebe: dict[str, list[Betrieb]] = {}
    for chunk in _chunks(sorted(wanted_betriebe)):
        for row in session.exec(select(Betrieb).where(col(Betrieb.betriebsnummer).in_(chunk))):
            betriebe.setdefault(row.betriebsnummer, []).append(row)
    personen: dict[str, Person] = {}
    for chunk in _chunks(sorted(wanted_personen)):
        for row in session.exec(select(Person).where(col(Person.kundennummer).in_(chunk))):
            personen[row.kundennummer] = row
    matched: list[_Entry] = []
    first_of: dict[str, str] = {}
    for entry, number, raw in parsed:
        if number is None:
            person = personen.get(raw)
            if person is None:
                problems.append(Problem(entry.name, texts.BEITRAG_UNKNOWN_KUNDENNUMMER))
                continue
            key, record_id, is_betrieb = f"person-{person.id}", person.id, False
        else:
            candidates = [
                b
                for b in betriebe.get(number.nummer, [])
                if (not number.kreis or b.kreis == number.kreis)
                and (not number.filiale or b.filiale == number.filiale)
            ]
            if not candidates:
                problems.append(Problem(entry.name, texts.BEITRAG_UNKNOWN_BETRIEB))
                continue
            if len(candidates) > 1:
                problems.append(Problem(entry.name, texts.BEITRAG_SEVERAL_BRANCHES))
                continue
            key, record_id, is_betrieb = f"betrieb-{candidates[0].id}", candidates[0].id, True
        if key in first_of:
            problems.append(
                Problem(entry.name, texts.BEITRAG_DUPLICATE.format(other=first_of[key]))
            )
            continue
        first_of[key] = entry.name
        matched.append(_Entry(entry.info, entry.name, key, record_id, is_betrieb))
    return matched


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _read_pdfs(
    archive: zipfile.ZipFile, entries: list[_Entry], problems: list[Problem], *, parse: bool
) -> list[_Entry]:
    """Each file's content: a PDF by its first bytes and (`parse`) by parsing; its hash."""
    good = []
    for entry in entries:
        try:
            data = read_entry(archive, entry.info, settings.upload_max_bytes)
        except files.FileTooLarge:
            problems.append(Problem(entry.name, texts.BEITRAG_FILE_TOO_LARGE.format(mb=_max_mb())))
            continue
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            problems.append(Problem(entry.name, texts.BEITRAG_FILE_DAMAGED))
            continue
        if not data.startswith(b"%PDF-"):
            problems.append(Problem(entry.name, texts.BEITRAG_NOT_PDF))
            continue
        if parse and not _parses_as_pdf(data):
            problems.append(Problem(entry.name, texts.BEITRAG_PDF_BROKEN))
            continue
        good.append(
            _Entry(
                entry.info,
                entry.name,
                entry.record_key,
                entry.record_id,
                entry.is_betrieb,
                hashlib.sha256(data).hexdigest(),
            )
        )
    return good


def content_hash(entries: list[_Entry]) -> str:
    """The batch's identity: which record gets which PDF, whatever the ZIP looks like."""
    lines = sorted(f"{e.record_key}:{e.sha256}" for e in entries)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _accounts_by_record(session: Session, entries: list[_Entry]) -> dict[str, list[int]]:
    """The accounts each record's notice goes to: of a Betrieb's team those holding the role
    Beitrag und SEPA (services/roles.py), of a Person every account unlocked for it."""
    found: dict[str, set[int]] = {}
    for is_betrieb, column in ((True, Freischaltung.betrieb_id), (False, Freischaltung.person_id)):
        ids = sorted({e.record_id for e in entries if e.is_betrieb == is_betrieb})
        prefix = "betrieb" if is_betrieb else "person"
        for chunk in _chunks(ids):
            for link in session.exec(select(Freischaltung).where(col(column).in_(chunk))):
                if roles.holds(link, roles.SEPA):
                    record_id = link.betrieb_id if is_betrieb else link.person_id
                    found.setdefault(f"{prefix}-{record_id}", set()).add(link.account_id)
    return {key: sorted(ids) for key, ids in found.items()}


def _examine(
    path, session: Session, *, parse: bool = True
) -> tuple[list[_Entry], list[Problem], int]:
    """The whole check of a ZIP: its good entries, every problem, the number of files.
    `parse=False` at delivery: the content hash, compared with the checked batch's, proves
    the PDFs are the ones parsed at the check."""
    problems: list[Problem] = []
    archive = _open_zip(path, problems)
    if archive is None:
        return [], problems, 0
    with archive:
        entries = _entries(archive, problems)
        count = len(entries) + len([p for p in problems if p.name])
        if not entries:
            return [], problems, count
        matched = _match(session, entries, problems)
        good = _read_pdfs(archive, matched, problems, parse=parse)
    return good, problems, count


def _summary(checked: Checked, entries: list[_Entry], accounts: dict[str, list[int]]) -> None:
    checked.notices = len(entries)
    reached = [accounts.get(e.record_key, []) for e in entries]
    checked.with_account = sum(1 for ids in reached if ids)
    checked.paper = checked.notices - checked.with_account
    checked.accounts = len({a for ids in reached for a in ids})


def _sweep_staged(session: Session) -> None:
    """Batches checked but never delivered, older than a day: their ZIPs go."""
    cutoff = clock.now() - timedelta(hours=STAGED_FOR_HOURS)
    for row in session.exec(
        select(BeitragStapel).where(
            col(BeitragStapel.delivered_at).is_(None),
            BeitragStapel.zip_name != "",
            col(BeitragStapel.checked_at) < cutoff,
        )
    ):
        files.delete(row.zip_name)
        row.zip_name = ""


def check_upload(staff: StaffView, incoming: files.Incoming, raw_title: str) -> Checked:
    """Check an uploaded ZIP (already received within `zip_limit()`) as a whole; stage it for
    delivery only if there is nothing to complain about. The ZIP is discarded otherwise."""
    try:
        _require(staff)
        title = check_title(raw_title)
    except PortalError:
        incoming.discard()
        raise
    incoming.close()
    checked = Checked(titel=title)
    try:
        with unit_of_work() as session:
            entries, problems, checked.files = _examine(incoming.temp, session)
            checked.problems = problems
            accounts = _accounts_by_record(session, entries) if entries else {}
            _summary(checked, entries, accounts)
            digest = content_hash(entries) if entries else ""
            before = session.exec(
                select(BeitragStapel.delivered_at).where(BeitragStapel.delivered_hash == digest)
            ).first()
            if before is not None:
                checked.delivered_before = before
            detail = f"{checked.notices} Bescheide, {len(problems)} Fehler"
            if problems or before is not None or not entries:
                audit.record_staff(session, AUDIT_REFUSED, staff.id, title[:200], detail)
                incoming.discard()
                return checked
            _sweep_staged(session)
            kept = incoming.keep("zip")
            row = BeitragStapel(
                titel=title,
                staff_id=staff.id,
                checked_at=clock.now(),
                zip_name=kept.stored_name,
                content_hash=digest,
                notices=checked.notices,
            )
            session.add(row)
            session.flush()
            checked.stapel_id = row.id
            audit.record_staff(session, AUDIT_CHECKED, staff.id, f"stapel:{row.id}", detail)
    except BaseException:
        incoming.discard()
        raise
    incoming.done()  # staged: the row naming the ZIP is committed
    return checked


def discard(staff: StaffView, stapel_id: int) -> None:
    """ "Verwerfen": a staged batch's ZIP goes; nothing was delivered."""
    _require(staff)
    with unit_of_work() as session:
        row = session.get(BeitragStapel, stapel_id)
        if row is not None and row.delivered_at is None and row.zip_name:
            files.delete(row.zip_name)
            row.zip_name = ""


def _record_rows(session: Session, entries: list[_Entry]) -> dict[str, Betrieb | Person]:
    found: dict[str, Betrieb | Person] = {}
    for model, prefix, is_betrieb in ((Betrieb, "betrieb", True), (Person, "person", False)):
        ids = sorted({e.record_id for e in entries if e.is_betrieb == is_betrieb})
        for chunk in _chunks(ids):
            for row in session.exec(select(model).where(col(model.id).in_(chunk))):
                found[f"{prefix}-{row.id}"] = row
    return found


def deliver(staff: StaffView, stapel_id: int) -> Delivered:
    """Deliver a staged batch (see the module docstring); once, whatever is sent twice."""
    _require(staff)
    with unit_of_work() as session:
        row = session.get(BeitragStapel, stapel_id) if isinstance(stapel_id, int) else None
        if row is None or row.delivered_at is not None or not row.zip_name:
            raise BatchError(texts.BEITRAG_NOT_STAGED)
        zip_name, title, digest = row.zip_name, row.titel, row.content_hash
    stored: list[files.Incoming] = []
    try:
        with unit_of_work() as session:
            claimed = session.exec(
                update(BeitragStapel)
                .where(col(BeitragStapel.id) == stapel_id)
                .where(col(BeitragStapel.delivered_at).is_(None))
                .values(delivered_at=clock.now(), delivered_hash=digest)
            )
            if claimed.rowcount != 1:
                raise BatchError(texts.BEITRAG_NOT_STAGED)
            entries, problems, _count = _examine(files.path_of(zip_name), session, parse=False)
            if problems or content_hash(entries) != digest:
                raise BatchError(texts.BEITRAG_CHANGED_SINCE_CHECK)
            result = _deliver_entries(session, staff, stapel_id, title, zip_name, entries, stored)
            row = session.get(BeitragStapel, stapel_id)
            row.zip_name, row.messages, row.paper = "", result.messages, result.paper
            audit.record_staff(
                session,
                AUDIT_DELIVERED,
                staff.id,
                f"stapel:{stapel_id}",
                f"{title}: {result.notices} Bescheide, {result.messages} Nachrichten, "
                f"{result.paper} Papierpost",
            )
    except IntegrityError:
        for made in stored:
            made.discard()
        raise BatchError(texts.BEITRAG_ALREADY_DELIVERED_SHORT) from None
    except BaseException:
        for made in stored:
            made.discard()
        raise
    for made in stored:
        made.done()
    files.delete(zip_name)
    return result


def _deliver_entries(
    session: Session,
    staff: StaffView,
    stapel_id: int,
    title: str,
    zip_name: str,
    entries: list[_Entry],
    stored: list[files.Incoming],
) -> Delivered:
    accounts = _accounts_by_record(session, entries)
    records = _record_rows(session, entries)
    now = clock.now()
    messages, paper, told = 0, 0, set()
    with zipfile.ZipFile(files.path_of(zip_name)) as archive:
        for entry in entries:
            data = read_entry(archive, entry.info, settings.upload_max_bytes)
            stored.append(files.made(data))
            record = records[entry.record_key]
            dokument = Dokument(
                betrieb_id=record.id if entry.is_betrieb else None,
                person_id=None if entry.is_betrieb else record.id,
                richtung=documents.PROVIDED,
                abteilung=departments.BEITRAG,
                titel=title,
                original_name=files.sanitize_name(entry.name, files.PDF),
                stored_name=stored[-1].name,
                content_type=files.CONTENT_TYPES[files.PDF],
                size=len(data),
                sha256=entry.sha256,
                created_at=now,
            )
            session.add(dokument)
            session.flush()
            reached = accounts.get(entry.record_key, [])
            for account_id in reached:
                postfach.deliver(
                    session,
                    account_id,
                    texts.POSTFACH_PROVIDED_SUBJECT.format(title=title, name=record.name),
                    dokument_id=dokument.id,
                    mail_member=False,
                )
            messages += len(reached)
            paper += 0 if reached else 1
            told.update(reached)
            session.add(
                BeitragBescheid(
                    stapel_id=stapel_id,
                    dokument_id=dokument.id,
                    betrieb_id=record.id if entry.is_betrieb else None,
                    person_id=None if entry.is_betrieb else record.id,
                    empfaenger=len(reached),
                )
            )
    for chunk in _chunks(sorted(told)):
        for account in session.exec(select(Account).where(col(Account.id).in_(chunk))):
            postfach.notify(session, account)
    return Delivered(stapel_id, title, len(entries), messages, len(told), paper)


def recent(staff: StaffView, limit: int = 20) -> list[BatchRow]:
    """The batches delivered last, newest first."""
    _require(staff)
    with unit_of_work() as session:
        rows = session.exec(
            select(BeitragStapel)
            .where(col(BeitragStapel.delivered_at).is_not(None))
            .order_by(col(BeitragStapel.delivered_at).desc(), col(BeitragStapel.id).desc())
            .limit(limit)
        ).all()
        return [
            BatchRow(r.id, r.titel, r.delivered_at, r.notices, r.messages, r.paper) for r in rows
        ]


PAPER_HEADER = ("nummer", "name", "strasse", "plz", "ort", "titel")


def paper_csv(staff: StaffView, stapel_id: int) -> tuple[str, bytes]:
    """The records of a delivered batch that no unlocked account received: for paper post."""
    _require(staff)
    with unit_of_work() as session:
        batch = session.get(BeitragStapel, stapel_id) if isinstance(stapel_id, int) else None
        if batch is None or batch.delivered_at is None:
            raise BatchError(texts.BEITRAG_NOT_STAGED)
        rows = []
        for notice in session.exec(
            select(BeitragBescheid)
            .where(BeitragBescheid.stapel_id == stapel_id, BeitragBescheid.empfaenger == 0)
            .order_by(col(BeitragBescheid.id))
        ):
            if notice.betrieb_id:
                record = session.get(Betrieb, notice.betrieb_id)
                number = registry.format_betriebsnummer(record)
            else:
                record = session.get(Person, notice.person_id)
                number = record.kundennummer
            rows.append((number, record.name, record.strasse, record.plz, record.ort, batch.titel))
        audit.record_staff(session, AUDIT_PAPER, staff.id, f"stapel:{stapel_id}", f"{len(rows)}")
        return f"papierpost-{stapel_id}.csv", spreadsheet.csv_bytes(PAPER_HEADER, rows)
