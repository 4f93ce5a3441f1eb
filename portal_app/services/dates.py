"""Dates and times as a member in Germany reads and types them: 25.11.2026, 14:05 Uhr."""

from __future__ import annotations

from datetime import UTC, date, datetime

from portal_app.services.clock import GERMANY

DATE_FORMAT = "%d.%m.%Y"  # TT.MM.JJJJ
TIME_FORMAT = "%H:%M Uhr"
ISO_DATE_FORMAT = "%Y-%m-%d"  # JJJJ-MM-TT, what a date field and a spreadsheet send


def in_germany(moment: datetime) -> datetime:
    """A moment in German local time; a moment without time zone is UTC (as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(GERMANY)


def format_date(value: date | datetime) -> str:
    """TT.MM.JJJJ. A moment (datetime) is shown on its German calendar day."""
    if isinstance(value, datetime):
        value = in_germany(value)
    return value.strftime(DATE_FORMAT)


def format_datetime(moment: datetime) -> str:
    """TT.MM.JJJJ, HH:MM Uhr in German local time."""
    return in_germany(moment).strftime(f"{DATE_FORMAT}, {TIME_FORMAT}")


def parse_date(raw: str) -> date:
    """A date typed as TT.MM.JJJJ or JJJJ-MM-TT; ValueError for anything else."""
    for pattern in (DATE_FORMAT, ISO_DATE_FORMAT):
        try:
            return datetime.strptime(raw.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {raw!r}")
