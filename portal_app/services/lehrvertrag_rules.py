"""The rules a Berufsausbildungsvertrag is checked by before it goes to the Lehrlingsrolle.

Plain functions of the entered values (text, as the form sends them) and the day of the
check; each problem is a German message at its field. The data they use:
- the crafts' training occupations with their regular duration (`data/ausbildungsberufe.csv`,
  its source noted in the file);
- the statutory minimum pay per training year by the year training starts (BBiG § 17,
  `MINIMUM_PAY`); a later start year is checked with the latest year known, and the staff
  see a warning;
- Probezeit 1–4 months (BBiG § 20), leave of minors by their age at the start of the calendar
  year training starts (JArbSchG § 19), at most 40 hours a week for minors (JArbSchG § 8).
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from portal_app import texts
from portal_app.services import dates

DATA_FILE = Path(__file__).with_name("data") / "ausbildungsberufe.csv"

# BBiG § 17 (2): the monthly minimum pay in euros for training years 1–4, by the calendar
# year the training starts (the Bekanntmachungen of the BMBF for 2024–2026).
MINIMUM_PAY: dict[int, tuple[int, int, int, int]] = {
    2024: (649, 766, 876, 909),
    2025: (682, 805, 921, 955),
    2026: (724, 854, 977, 1014),
}
PROBATION_MONTHS = (1, 4)  # BBiG § 20
# JArbSchG § 19: (not yet this old at the start of the calendar year, least days of leave)
MINOR_LEAVE = ((16, 30), (17, 27), (18, 25))
ADULT_AGE = 18
MINOR_WEEKLY_HOURS = 40  # JArbSchG § 8
WEEKLY_HOURS = (1, 48)
LEAVE_DAYS = (1, 60)
DURATION_MONTHS = (12, 48)
PAY_YEARS_MAX = 4
NAME_MAX, TEXT_MAX, REASON_MAX = 100, 200, 1000
SCHOOL_QUALIFICATIONS = (
    "Ohne Schulabschluss",
    "Hauptschulabschluss",
    "Mittlerer Schulabschluss",
    "Fachhochschulreife",
    "Allgemeine Hochschulreife",
    "Sonstiger Abschluss",
)

# the wizard's steps: their fields, in order (the last step only shows and submits)
STEPS: tuple[tuple[str, ...], ...] = (
    ("betrieb",),
    ("vorname", "nachname", "geburtsdatum", "strasse", "plz", "ort", "schulabschluss",
     "vertreter"),
    ("beruf", "beginn", "dauer", "dauer_grund"),
    ("probezeit", "wochenstunden", "urlaubstage"),
    tuple(f"verguetung_{year}" for year in range(1, PAY_YEARS_MAX + 1)),
    ("ausbilder_name", "ausbilder_qualifikation", "ausbildungsstaette"),
    (),
)  # fmt: skip
FIELDS = tuple(name for step in STEPS for name in step)


@dataclass(frozen=True)
class Beruf:
    key: str
    name: str
    months: int


@cache
def berufe() -> dict[str, Beruf]:
    """The training occupations of the data file, by key, in the file's order."""
    lines = [
        line for line in DATA_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]  # fmt: skip
    reader = csv.DictReader(lines, delimiter=";")
    return {
        row["schluessel"]: Beruf(row["schluessel"], row["beruf"], int(row["monate"]))
        for row in reader
    }


def source() -> str:
    """The data file's source line (shown with the list)."""
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Quelle:"):
            return line[2:].strip()
    return ""


@dataclass(frozen=True)
class MinimumPay:
    year: int  # the year whose values apply
    amounts: tuple[int, int, int, int]
    assumed: bool  # the start year is not in the table yet: the latest one applies


def minimum_pay(start_year: int) -> MinimumPay:
    if start_year in MINIMUM_PAY:
        return MinimumPay(start_year, MINIMUM_PAY[start_year], False)
    year = max(MINIMUM_PAY) if start_year > max(MINIMUM_PAY) else min(MINIMUM_PAY)
    return MinimumPay(year, MINIMUM_PAY[year], start_year > year)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def least_leave(born: date, start: date) -> int | None:
    """The least leave days for the year training starts, by age on 1 January of that year;
    None for an adult."""
    age = age_on(born, date(start.year, 1, 1))
    return next((days for below, days in MINOR_LEAVE if age < below), None)


def pay_years(values: dict[str, str]) -> int:
    """How many training years the pay is asked for: by the duration, else the occupation's."""
    months = _int(values.get("dauer", ""))
    if months is None or not DURATION_MONTHS[0] <= months <= DURATION_MONTHS[1]:
        beruf = berufe().get(values.get("beruf", ""))
        months = beruf.months if beruf else 36
    return min(PAY_YEARS_MAX, max(1, math.ceil(months / 12)))


def _int(raw: str) -> int | None:
    text = (raw or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 6 else None


def euros(raw: str) -> Decimal | None:
    """An amount as typed: 724, 724,50, 1.014 or 1.014,00 (euros); None if it is none."""
    text = (raw or "").strip().removesuffix("€").strip()
    if not re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{1,2})?|\d+(,\d{1,2})?", text):
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def format_euros(amount: Decimal | int) -> str:
    """1.014,00 €"""
    whole = f"{Decimal(amount):,.2f}"
    return whole.replace(",", "X").replace(".", ",").replace("X", ".") + " €"


@dataclass
class Result:
    """Problems by field (German messages) and warnings for the staff."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)


def _required(name: str) -> str:
    return texts.FORM_REQUIRED.format(label=texts.LEHRVERTRAG_FIELDS[name])


def _text(result: Result, values: dict, name: str, limit: int, required: bool = True) -> str:
    value = (values.get(name) or "").strip()
    if required and not value:
        result.add(name, _required(name))
    elif len(value) > limit:
        result.add(name, texts.FORM_TOO_LONG.format(limit=limit))
    return value


def _date(result: Result, values: dict, name: str) -> date | None:
    raw = (values.get(name) or "").strip()
    if not raw:
        result.add(name, _required(name))
        return None
    try:
        return dates.parse_date(raw)
    except dates.DateInvalid as error:
        result.add(name, error.message)
        return None


def _number(result: Result, values: dict, name: str, low: int, high: int) -> int | None:
    raw = (values.get(name) or "").strip()
    if not raw:
        result.add(name, _required(name))
        return None
    number = _int(raw)
    if number is None or not low <= number <= high:
        result.add(name, texts.LEHRVERTRAG_NUMBER_RANGE.format(low=low, high=high))
        return None
    return number


def check(values: dict[str, str], today: date, past_days: int) -> Result:
    """Every rule over the entered values; `today` and `past_days` (how long ago the start
    may be) decide about the start date."""
    result = Result()
    _person(result, values, today)
    start = _training(result, values, today, past_days)
    born = _birth(values)
    _times(result, values, born, start)
    _pay(result, values, start)
    _text(result, values, "ausbilder_name", NAME_MAX)
    _text(result, values, "ausbilder_qualifikation", TEXT_MAX)
    _text(result, values, "ausbildungsstaette", TEXT_MAX)
    minor = born is not None and start is not None and age_on(born, start) < ADULT_AGE
    if minor and not (values.get("vertreter") or "").strip():
        result.add("vertreter", texts.LEHRVERTRAG_GUARDIAN_MISSING)
    return result


def _birth(values: dict) -> date | None:
    try:
        return dates.parse_date(values.get("geburtsdatum") or "")
    except dates.DateInvalid:
        return None


def _person(result: Result, values: dict, today: date) -> None:
    _text(result, values, "vorname", NAME_MAX)
    _text(result, values, "nachname", NAME_MAX)
    born = _date(result, values, "geburtsdatum")
    if born and not 14 <= age_on(born, today) <= 80:
        result.add("geburtsdatum", texts.LEHRVERTRAG_BIRTH_IMPLAUSIBLE)
    _text(result, values, "strasse", TEXT_MAX)
    plz = (values.get("plz") or "").strip()
    if not re.fullmatch(r"\d{5}", plz):
        result.add("plz", texts.LEHRVERTRAG_PLZ_INVALID)
    _text(result, values, "ort", NAME_MAX)
    if (values.get("schulabschluss") or "") not in SCHOOL_QUALIFICATIONS:
        result.add("schulabschluss", texts.FORM_OPTION_INVALID)
    _text(result, values, "vertreter", REASON_MAX, required=False)


def _training(result: Result, values: dict, today: date, past_days: int) -> date | None:
    beruf = berufe().get(values.get("beruf") or "")
    if beruf is None:
        result.add("beruf", texts.FORM_OPTION_INVALID)
    start = _date(result, values, "beginn")
    earliest = today - timedelta(days=past_days)
    if start and start < earliest:
        result.add(
            "beginn",
            texts.LEHRVERTRAG_START_TOO_EARLY.format(
                days=past_days, date=dates.format_date(earliest)
            ),
        )
    months = _number(result, values, "dauer", *DURATION_MONTHS)
    reason = _text(result, values, "dauer_grund", REASON_MAX, required=False)
    if beruf and months and not reason:
        if months > beruf.months:
            result.add(
                "dauer_grund", texts.LEHRVERTRAG_LONGER_NEEDS_REASON.format(months=beruf.months)
            )
        elif months < beruf.months:
            result.add(
                "dauer_grund", texts.LEHRVERTRAG_SHORTER_NEEDS_REASON.format(months=beruf.months)
            )
    return start


def _times(result: Result, values: dict, born: date | None, start: date | None) -> None:
    probation = (values.get("probezeit") or "").strip()
    low, high = PROBATION_MONTHS
    if not probation:
        result.add("probezeit", _required("probezeit"))
    elif (_int(probation) or 0) < low or (_int(probation) or 0) > high:
        result.add("probezeit", texts.LEHRVERTRAG_PROBATION)
    hours = _number(result, values, "wochenstunden", *WEEKLY_HOURS)
    minor = born is not None and start is not None and age_on(born, start) < ADULT_AGE
    if hours and minor and hours > MINOR_WEEKLY_HOURS:
        result.add("wochenstunden", texts.LEHRVERTRAG_MINOR_HOURS.format(hours=MINOR_WEEKLY_HOURS))
    leave = _number(result, values, "urlaubstage", *LEAVE_DAYS)
    least = least_leave(born, start) if born and start else None
    if leave and least and leave < least:
        age = age_on(born, date(start.year, 1, 1))
        result.add(
            "urlaubstage",
            texts.LEHRVERTRAG_MINOR_LEAVE.format(age=age, year=start.year, days=least),
        )


def _pay(result: Result, values: dict, start: date | None) -> None:
    years = pay_years(values)
    table = minimum_pay(start.year) if start else None
    if table and table.assumed:
        result.warnings.append(
            texts.LEHRVERTRAG_PAY_TABLE_MISSING.format(year=start.year, used=table.year)
        )
    for year in range(1, years + 1):
        name = f"verguetung_{year}"
        raw = (values.get(name) or "").strip()
        if not raw:
            result.add(name, _required(name))
            continue
        amount = euros(raw)
        if amount is None:
            result.add(name, texts.LEHRVERTRAG_AMOUNT_INVALID)
        elif table and amount < table.amounts[year - 1]:
            result.add(
                name,
                texts.LEHRVERTRAG_PAY_TOO_LOW.format(
                    year=year,
                    minimum=format_euros(table.amounts[year - 1]),
                    start=table.year,
                ),
            )
