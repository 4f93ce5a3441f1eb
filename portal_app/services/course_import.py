"""`portal kurse import FILE.csv`: load or update courses from a CSV file, all or nothing.

Columns (header row, `;` or `,` separated, UTF-8): kurs_nr, titel, kategorie, beschreibung, ort,
beginn, ende, termine, preis, plaetze, anmeldeschluss. Dates as 31.12.2026 or 2026-12-31,
prices as 1.234,50 or 1234.50 (euros). A course with a known kurs_nr is updated. Any bad row
stops the import: the errors name their line, and nothing is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlmodel import Session, select

from portal_app.models import Course
from portal_app.services import dates
from portal_app.services.courses import CATEGORIES, search_key
from portal_app.services.db import unit_of_work

COLUMNS = (
    "kurs_nr",
    "titel",
    "kategorie",
    "beschreibung",
    "ort",
    "beginn",
    "ende",
    "termine",
    "preis",
    "plaetze",
    "anmeldeschluss",
)
REQUIRED = ("kurs_nr", "titel", "kategorie", "ort", "beginn", "ende", "preis", "plaetze")


class ImportFailed(ValueError):
    """The file has bad rows; `errors` lists them as 'Zeile N: …'."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class CourseData:
    code: str
    title: str
    category: str
    description: str
    location: str
    starts_on: date
    ends_on: date
    schedule: str
    price_cents: int
    capacity: int
    booking_deadline: date


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


def parse_date(raw: str) -> date:
    try:
        return dates.parse_date(raw)
    except ValueError:
        raise ValueError(f"kein Datum: {raw!r} (erwartet TT.MM.JJJJ oder JJJJ-MM-TT)") from None


def parse_price(raw: str) -> int:
    cleaned = raw.strip().replace("€", "").replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        euros = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"kein Preis: {raw!r}") from None
    if euros < 0 or euros != euros.quantize(Decimal("0.01")):
        raise ValueError(f"kein Preis: {raw!r}")
    return int(euros * 100)


class CourseInvalid(ValueError):
    """A course's values break a rule; `errors` maps each bad column to its German text (the
    staff's course form shows each at its field, the import names the line)."""

    def __init__(self, errors: dict[str, str], missing: list[str]):
        parts = (["leer: " + ", ".join(missing)] if missing else []) + [
            text for name, text in errors.items() if name not in missing
        ]
        super().__init__("; ".join(parts))
        self.errors = errors


def check_course(row: dict[str, str]) -> CourseData:
    """The one check of a course's values (import line or staff form): every bad column at
    once, or the course."""
    value = {name: (row.get(name) or "").strip() for name in COLUMNS}
    missing = [name for name in REQUIRED if not value[name]]
    errors = {name: f"{name} ist leer" for name in missing}
    for name, limit in (("kurs_nr", 30), ("titel", 200), ("ort", 120), ("termine", 200)):
        if len(value[name]) > limit:
            errors[name] = f"{name} ist länger als {limit} Zeichen"
    if len(value["beschreibung"]) > 4000:
        errors["beschreibung"] = "beschreibung ist länger als 4000 Zeichen"
    if value["kategorie"] and value["kategorie"] not in CATEGORIES:
        errors["kategorie"] = f"unbekannte Kategorie {value['kategorie']!r}"
    parsed: dict[str, date] = {}
    for name in ("beginn", "ende", "anmeldeschluss"):
        if value[name]:
            try:
                parsed[name] = parse_date(value[name])
            except ValueError as error:
                errors[name] = str(error)
    starts_on, ends_on = parsed.get("beginn"), parsed.get("ende")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ende"] = "Ende liegt vor dem Beginn"
    deadline = parsed.get("anmeldeschluss", starts_on)
    if starts_on and deadline and deadline > starts_on:
        errors["anmeldeschluss"] = "Anmeldeschluss liegt nach dem Beginn"
    if value["plaetze"] and (
        not value["plaetze"].isdigit() or not 1 <= int(value["plaetze"]) <= 1000
    ):
        errors["plaetze"] = (
            f"plaetze muss eine Zahl von 1 bis 1000 sein, nicht {value['plaetze']!r}"
        )
    price = 0
    if value["preis"]:
        try:
            price = parse_price(value["preis"])
        except ValueError as error:
            errors["preis"] = str(error)
    if errors:
        raise CourseInvalid(errors, missing)
    return CourseData(
        code=value["kurs_nr"],
        title=value["titel"],
        category=value["kategorie"],
        description=value["beschreibung"],
        location=value["ort"],
        starts_on=starts_on,
        ends_on=ends_on,
        schedule=value["termine"],
        price_cents=price,
        capacity=int(value["plaetze"]),
        booking_deadline=deadline,
    )


def read_csv(text: str) -> list[CourseData]:
    """Parse and check every row; raise ImportFailed listing every bad line."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFailed([f"Zeile 1: Spalten fehlen: {', '.join(missing)}"])
    reader.fieldnames = header
    courses, errors, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        try:
            course = check_course(row)
        except ValueError as error:
            errors.append(f"Zeile {line}: {error}")
            continue
        if course.code in seen:
            errors.append(
                f"Zeile {line}: kurs_nr {course.code} steht schon in Zeile {seen[course.code]}"
            )
            continue
        seen[course.code] = line
        courses.append(course)
    if errors:
        raise ImportFailed(errors)
    if not courses:
        raise ImportFailed(["Die Datei enthält keine Kurse."])
    return courses


def fields_of(data: CourseData) -> dict:
    """The course's columns as the table stores them (the search text included)."""
    return _fields(data)


def save(session: Session, data: CourseData) -> bool:
    """Add the course or update the one with its code; return True if it was new."""
    course = session.exec(select(Course).where(Course.code == data.code)).first()
    is_new = course is None
    if is_new:
        course = Course(code=data.code, booked=0, **_fields(data))
    else:
        if data.capacity < course.booked:
            raise ValueError(
                f"kurs_nr {data.code}: {data.capacity} Plätze, aber schon {course.booked} gebucht"
            )
        for name, field_value in _fields(data).items():
            setattr(course, name, field_value)
    session.add(course)
    return is_new


def _fields(data: CourseData) -> dict:
    return {
        "title": data.title,
        "category": data.category,
        "description": data.description,
        "location": data.location,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "schedule": data.schedule,
        "price_cents": data.price_cents,
        "capacity": data.capacity,
        "booking_deadline": data.booking_deadline,
        "search_text": search_key(data.title, data.description, data.location, data.category),
    }


def import_csv(text: str) -> ImportResult:
    """Check the whole file, then write it in one transaction (nothing on any error)."""
    courses = read_csv(text)
    added = updated = 0
    errors = []
    with unit_of_work() as session:
        for data in courses:
            try:
                if save(session, data):
                    added += 1
                else:
                    updated += 1
            except ValueError as error:
                errors.append(str(error))
        if errors:
            raise ImportFailed(errors)  # rolls the whole file back
    return ImportResult(added, updated)
