"""The one clock and the one German date formatter: Berlin's calendar day, DST, TT.MM.JJJJ."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from portal_app import texts
from portal_app.services import clock as clock_module
from portal_app.services import dates
from portal_app.services.dates import DateInvalid, format_date, optional_date, parse_date

PORTAL = Path(__file__).resolve().parents[2] / "portal_app"


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# --- today in Berlin ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("utc_moment", "german_day"),
    [
        (at(2026, 1, 14, 22, 59), date(2026, 1, 14)),  # 23:59 CET
        (at(2026, 1, 14, 23, 0), date(2026, 1, 15)),  # 00:00 CET: already tomorrow in Berlin
        (at(2026, 7, 14, 21, 59), date(2026, 7, 14)),  # 23:59 CEST
        (at(2026, 7, 14, 22, 0), date(2026, 7, 15)),  # 00:00 CEST: two hours before UTC's midnight
        (at(2026, 12, 31, 23, 30), date(2027, 1, 1)),  # New Year comes to Berlin first
    ],
)
def test_today_is_the_calendar_day_in_berlin_not_in_utc(clock, utc_moment, german_day):
    clock.current = utc_moment
    assert clock_module.today() == german_day


def test_today_follows_a_clock_that_tests_replace(clock):
    before = clock_module.today()
    clock.travel(days=3)
    assert (clock_module.today() - before).days == 3


def test_now_is_aware_and_in_utc():
    moment = clock_module.now()
    assert moment.tzinfo is not None
    assert moment.utcoffset().total_seconds() == 0


# --- the formatter -----------------------------------------------------------------------------


def test_a_date_reads_day_month_year_with_leading_zeros():
    assert dates.format_date(date(2027, 3, 1)) == "01.03.2027"


@pytest.mark.parametrize(
    ("utc_moment", "shown"),
    [
        (at(2026, 11, 25, 13, 5), "25.11.2026, 14:05 Uhr"),  # CET, UTC+1
        (at(2026, 6, 25, 13, 5), "25.06.2026, 15:05 Uhr"),  # CEST, UTC+2
        (at(2026, 3, 29, 0, 59), "29.03.2026, 01:59 Uhr"),  # last minute before the clocks jump
        (at(2026, 3, 29, 1, 0), "29.03.2026, 03:00 Uhr"),  # 02:00 CET becomes 03:00 CEST
        (at(2026, 10, 25, 0, 30), "25.10.2026, 02:30 Uhr"),  # 02:30 CEST …
        (at(2026, 10, 25, 1, 30), "25.10.2026, 02:30 Uhr"),  # … and an hour later 02:30 CET again
        (at(2026, 12, 31, 23, 30), "01.01.2027, 00:30 Uhr"),
    ],
)
def test_a_moment_is_shown_in_german_local_time(utc_moment, shown):
    assert dates.format_datetime(utc_moment) == shown


def test_a_moment_is_dated_on_its_berlin_day():
    assert dates.format_date(at(2026, 7, 14, 22, 30)) == "15.07.2026"
    assert dates.format_date(at(2026, 1, 14, 22, 30)) == "14.01.2026"


def test_a_moment_without_time_zone_counts_as_utc_as_the_database_stores_it():
    naive = datetime(2026, 1, 14, 23, 30)
    assert dates.format_date(naive) == "15.01.2026"
    assert dates.format_datetime(naive) == "15.01.2026, 00:30 Uhr"


@pytest.mark.parametrize("typed", ["01.03.2027", "2027-03-01", " 01.03.2027 "])
def test_a_typed_date_may_be_german_or_iso(typed):
    assert dates.parse_date(typed) == date(2027, 3, 1)


@pytest.mark.parametrize("typed", ["", "1.3.27", "32.03.2027", "03/01/2027", "2027-13-01"])
def test_anything_else_is_not_a_date(typed):
    with pytest.raises(ValueError):
        dates.parse_date(typed)


# --- written once ------------------------------------------------------------------------------

ONE_PLACE = {"services/clock.py", "services/dates.py"}
WRITTEN_ONCE = [
    r"%d\.%m\.%Y",
    r"Europe/Berlin",
    r"ZoneInfo\(",
    r"date\.today\(",
    r"datetime\.now\(",
]


def test_the_time_zone_the_clock_and_the_date_format_are_written_only_in_clock_and_dates():
    found = []
    for path in sorted(PORTAL.rglob("*.py")):
        name = path.relative_to(PORTAL).as_posix()
        if name in ONE_PLACE:
            continue
        source = path.read_text(encoding="utf-8")
        found += [f"{name}: {p}" for p in WRITTEN_ONCE if re.search(p, source)]
    assert found == [], "use services/clock.py and services/dates.py instead"


# --- typed into date fields ---
@pytest.mark.parametrize("typed", ["17.05.1990", "17.5.1990", " 17. 05. 1990 ", "1990-05-17"])
def test_the_usual_spellings_of_a_date_are_read(typed):
    assert parse_date(typed) == date(1990, 5, 17)


@pytest.mark.parametrize(
    "typed", ["", "17.05.90", "17/05/1990", "1990-5-17", "31.02.2027", "00.01.2027", "morgen"]
)
def test_anything_else_is_refused_with_the_format_in_the_message(typed):
    with pytest.raises(DateInvalid, match=texts.DATE_FORMAT_INVALID):
        parse_date(typed)


def test_an_optional_date_is_none_when_empty_or_unreadable():
    assert optional_date("") is None
    assert optional_date("irgendwann") is None
    assert optional_date("01.03.2027") == date(2027, 3, 1)


def test_a_date_is_written_back_the_way_it_is_typed():
    assert format_date(date(2027, 3, 1)) == "01.03.2027"
