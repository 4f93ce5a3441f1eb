"""Dates and times as a member in Germany reads and types them: 25.11.2026, 14:05 Uhr.

Every date field is a text field with the visible hint "Format: TT.MM.JJJJ" (a browser's own
date picker shows the format of the browser's language, which may not be the one the hint
names). Accepted: 17.05.1990, 7.5.1990 and the ISO form 1990-05-17 (pasted or filled in by a
program)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from portal_app import texts
from portal_app.services.clock import GERMANY
from portal_app.services.errors import PortalError

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


class DateInvalid(PortalError, ValueError):
    """Not a date in the format the field asks for (or no such day, like 31.02.); its text is
    the German message for the field."""

    def __init__(self):
        super().__init__(texts.DATE_FORMAT_INVALID)


_GERMAN = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(raw: str) -> date:
    """A date typed as TT.MM.JJJJ or JJJJ-MM-TT; DateInvalid (a ValueError) for anything else."""
    text = (raw or "").strip()
    if found := _GERMAN.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
    elif found := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in found.groups())
    else:
        raise DateInvalid
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInvalid from None


def optional_date(raw: str) -> date | None:
    """An optional date field: empty or not a date gives None (a filter that does not apply)."""
    try:
        return parse_date(raw) if (raw or "").strip() else None
    except DateInvalid:
        return None
