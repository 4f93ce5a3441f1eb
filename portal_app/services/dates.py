"""Dates as people type them. Every date field is a text field with the visible hint
"Format: TT.MM.JJJJ" (a browser's own date picker shows the format of the browser's language,
which may not be the one the hint names). Accepted: 17.05.1990, 7.5.1990, spaces after the
dots, and the ISO form 1990-05-17 (pasted or filled in by a program)."""

from __future__ import annotations

import re
from datetime import date

from portal_app import texts

_GERMAN = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class DateInvalid(ValueError):
    """Not a date in the format the field asks for (or no such day, like 31.02.)."""

    def __init__(self):
        super().__init__(texts.DATE_FORMAT_INVALID)


def parse_date(raw: str) -> date:
    """The date typed as TT.MM.JJJJ (or JJJJ-MM-TT); raises DateInvalid."""
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


def german_date(day: date) -> str:
    """17.05.1990"""
    return day.strftime("%d.%m.%Y")
