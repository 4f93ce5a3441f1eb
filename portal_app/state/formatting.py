"""Dates and times as a member in Germany reads them."""

from datetime import datetime
from zoneinfo import ZoneInfo

GERMANY = ZoneInfo("Europe/Berlin")


def local_date(moment: datetime) -> str:
    return moment.astimezone(GERMANY).strftime("%d.%m.%Y")


def local_datetime(moment: datetime) -> str:
    return moment.astimezone(GERMANY).strftime("%d.%m.%Y, %H:%M Uhr")
