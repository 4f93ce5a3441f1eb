"""What the chamber already knows: Betriebe and Personen, their numbers, and the CSV import.

Number formats follow the help text: a Betriebsnummer is district code, seven digits and
branch (`TS-1234567-0`); the seven digits alone are enough. A Kundennummer has eight digits.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlmodel import Session, delete, select

from portal_app import texts
from portal_app.models import Betrieb, Person, VerzeichnisWort
from portal_app.services import dates, inbox
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError

BETRIEBSNUMMER = re.compile(r"^(?:([A-ZÄÖÜ]{1,3})-?)?(\d{7})(?:-?(\d))?$")
KUNDENNUMMER = re.compile(r"^\d{8}$")


class Eintragung(StrEnum):
    HANDWERKSROLLE = "handwerksrolle"
    ZULASSUNGSFREI = "zulassungsfrei"
    HANDWERKSAEHNLICH = "handwerksaehnlich"


class PersonArt(StrEnum):
    LEHRLING = "lehrling"
    BILDUNGSKUNDE = "bildungskunde"
    SONSTIGE = "sonstige"


class NumberRejected(PortalError, ValueError):
    """The number is not in a form the chamber uses; the message is for the member, at the
    field `betriebsnummer` or `kundennummer` (a form that names it otherwise says so)."""


@dataclass(frozen=True)
class BetriebsnummerInput:
    kreis: str | None
    nummer: str
    filiale: str | None


def _compact(raw: str) -> str:
    return re.sub(r"\s+", "", raw or "").upper()


def parse_betriebsnummer(raw: str) -> BetriebsnummerInput:
    """`1234567`, `TS-1234567-0`, `ts 1234567 0` … → its parts; anything else is refused."""
    compact = _compact(raw)
    if not compact:
        raise NumberRejected(texts.BETRIEBSNUMMER_EMPTY, field="betriebsnummer")
    match = BETRIEBSNUMMER.fullmatch(compact)
    if match is None:
        raise NumberRejected(texts.BETRIEBSNUMMER_INVALID, field="betriebsnummer")
    kreis, nummer, filiale = match.groups()
    return BetriebsnummerInput(kreis, nummer, filiale)


def parse_kundennummer(raw: str) -> str:
    compact = _compact(raw)
    if not compact:
        raise NumberRejected(texts.KUNDENNUMMER_EMPTY, field="kundennummer")
    if not KUNDENNUMMER.fullmatch(compact):
        raise NumberRejected(texts.KUNDENNUMMER_INVALID, field="kundennummer")
    return compact


def format_betriebsnummer(betrieb: Betrieb) -> str:
    return f"{betrieb.kreis}-{betrieb.betriebsnummer}-{betrieb.filiale}"


# How the audit log (audit_entry.target) and the operator commands name a Betrieb or a Person.
AUDIT_BETRIEB = "Betrieb {}"
AUDIT_PERSON = "Person {}"


def audit_target(record: Betrieb | Person) -> str:
    """ "Betrieb TS-1234567-0" or "Person 12345678"."""
    if isinstance(record, Betrieb):
        return AUDIT_BETRIEB.format(format_betriebsnummer(record))
    return AUDIT_PERSON.format(record.kundennummer)


def find_betriebe(session: Session, number: BetriebsnummerInput) -> list[Betrieb]:
    """Every Betrieb the input can mean (the seven digits alone may name several branches)."""
    query = select(Betrieb).where(Betrieb.betriebsnummer == number.nummer)
    if number.kreis:
        query = query.where(Betrieb.kreis == number.kreis)
    if number.filiale:
        query = query.where(Betrieb.filiale == number.filiale)
    return list(session.exec(query.order_by(Betrieb.filiale)))


def find_person(session: Session, kundennummer: str) -> Person | None:
    return session.exec(select(Person).where(Person.kundennummer == kundennummer)).first()


# --- CSV import -------------------------------------------------------------------------------

BETRIEB_COLUMNS = ("kreis", "betriebsnummer", "filiale", "name", "strasse", "plz", "ort",
                   "eintragung")  # fmt: skip
PERSON_COLUMNS = ("kundennummer", "art", "name", "geburtsdatum", "strasse", "plz", "ort")


class ImportFailed(ValueError):
    """The file has a bad row; nothing of it was imported. `line` is the file's line number."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"Zeile {line}: {problem}")
        self.line = line


class ImportUnreadable(ValueError):
    """The file is not UTF-8 text (a spreadsheet saved in another format, a binary file)."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


class _Semicolon(csv.excel):
    delimiter = ";"


def _rows(text: str, columns: tuple[str, ...]):
    """(line number, row dict) for each data row; `;` or `,` separated, header required."""
    first_line = text.splitlines()[0] if text else ""
    dialect = _Semicolon if ";" in first_line else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportFailed(1, f"Spalten fehlen: {', '.join(missing)}")
    reader.fieldnames = header
    for row in reader:
        if not any((value or "").strip() for value in row.values()):
            continue
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _required(row: dict, column: str, max_length: int) -> str:
    value = row.get(column, "")
    if not value:
        raise ValueError(f"{column} fehlt")
    if len(value) > max_length:
        raise ValueError(f"{column} ist länger als {max_length} Zeichen")
    return value


def _plz(row: dict) -> str:
    value = _required(row, "plz", 5)
    if not re.fullmatch(r"\d{5}", value):
        raise ValueError("plz muss fünfstellig sein")
    return value


def _betrieb_values(row: dict) -> dict:
    kreis = _required(row, "kreis", 3).upper()
    if not re.fullmatch(r"[A-ZÄÖÜ]{1,3}", kreis):
        raise ValueError("kreis muss ein Landkreiskennzeichen sein (1 bis 3 Buchstaben)")
    nummer = _required(row, "betriebsnummer", 7)
    if not re.fullmatch(r"\d{7}", nummer):
        raise ValueError("betriebsnummer muss siebenstellig sein")
    filiale = row.get("filiale") or "0"
    if not re.fullmatch(r"\d", filiale):
        raise ValueError("filiale muss eine Ziffer sein")
    eintragung = _required(row, "eintragung", 30).lower()
    if eintragung not in set(Eintragung):
        raise ValueError(f"eintragung muss eine von {', '.join(Eintragung)} sein")
    return {
        "kreis": kreis,
        "betriebsnummer": nummer,
        "filiale": filiale,
        "name": _required(row, "name", 200),
        "strasse": _required(row, "strasse", 200),
        "plz": _plz(row),
        "ort": _required(row, "ort", 100),
        "eintragung": eintragung,
    }


def _date(value: str) -> date:
    try:
        return dates.parse_date(value)
    except ValueError:
        raise ValueError("geburtsdatum muss TT.MM.JJJJ oder JJJJ-MM-TT sein") from None


def _person_values(row: dict) -> dict:
    nummer = _required(row, "kundennummer", 8)
    if not KUNDENNUMMER.fullmatch(nummer):
        raise ValueError("kundennummer muss achtstellig sein")
    art = _required(row, "art", 20).lower()
    if art not in set(PersonArt):
        raise ValueError(f"art muss eine von {', '.join(PersonArt)} sein")
    return {
        "kundennummer": nummer,
        "art": art,
        "name": _required(row, "name", 200),
        "geburtsdatum": _date(_required(row, "geburtsdatum", 10)),
        "strasse": _required(row, "strasse", 200),
        "plz": _plz(row),
        "ort": _required(row, "ort", 100),
    }


def record_words(record: Betrieb | Person) -> set[str]:
    """The words the staff's Verzeichnis finds the record by: number, name and address."""
    number = format_betriebsnummer(record) if isinstance(record, Betrieb) else record.kundennummer
    return inbox.words(number, record.name, record.strasse, record.plz, record.ort)


def index_record(session: Session, record: Betrieb | Person) -> None:
    """Write the record's words anew (`verzeichnis_wort`), in the caller's transaction."""
    art = "betrieb" if isinstance(record, Betrieb) else "person"
    session.exec(
        delete(VerzeichnisWort).where(
            VerzeichnisWort.art == art, VerzeichnisWort.record_id == record.id
        )
    )
    for word in record_words(record):
        session.add(VerzeichnisWort(wort=word, art=art, record_id=record.id))


def _upsert(session: Session, model, existing, values: dict) -> bool:
    """Update the existing row or add a new one (and its words); return whether it was added."""
    added = existing is None
    if added:
        existing = model(**values)
        session.add(existing)
    else:
        for key, value in values.items():
            setattr(existing, key, value)
    session.flush()
    index_record(session, existing)
    return added


def _import(text: str, columns, values_of, find_existing, model) -> ImportResult:
    added = updated = 0
    with unit_of_work() as session:
        seen: set = set()
        for line, row in _rows(text, columns):
            try:
                values = values_of(row)
            except ValueError as error:
                raise ImportFailed(line, str(error)) from None
            key, existing = find_existing(session, values)
            if key in seen:
                raise ImportFailed(line, "Nummer kommt in der Datei doppelt vor")
            seen.add(key)
            if _upsert(session, model, existing, values):
                added += 1
            else:
                updated += 1
    return ImportResult(added, updated)


def _existing_betrieb(session: Session, values: dict):
    key = (values["betriebsnummer"], values["filiale"])
    found = session.exec(
        select(Betrieb).where(Betrieb.betriebsnummer == key[0], Betrieb.filiale == key[1])
    ).first()
    return key, found


def _existing_person(session: Session, values: dict):
    return values["kundennummer"], find_person(session, values["kundennummer"])


def import_betriebe(text: str) -> ImportResult:
    """Add or update Betriebe from CSV text; a bad row stops the whole file (ImportFailed)."""
    return _import(text, BETRIEB_COLUMNS, _betrieb_values, _existing_betrieb, Betrieb)


def import_personen(text: str) -> ImportResult:
    """Add or update Personen from CSV text; a bad row stops the whole file (ImportFailed)."""
    return _import(text, PERSON_COLUMNS, _person_values, _existing_person, Person)


KINDS = ("betriebe", "personen")


def import_csv(kind: str, raw: bytes) -> ImportResult:
    """A registry file as it comes (the operator's command, the staff's upload): UTF-8 with or
    without BOM; `kind` "betriebe" or "personen". ImportUnreadable if it is no text,
    ImportFailed (nothing stored) if a row is bad."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportUnreadable(kind) from None
    if "\x00" in text:
        raise ImportUnreadable(kind)
    load = import_betriebe if kind == "betriebe" else import_personen
    return load(text)
