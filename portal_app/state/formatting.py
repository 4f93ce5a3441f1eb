"""Dates and times as a member in Germany reads them."""

from datetime import datetime

from portal_app.services.clock import GERMANY, german


def local_date(moment: datetime) -> str:
    return moment.astimezone(GERMANY).strftime("%d.%m.%Y")


def local_datetime(moment: datetime) -> str:
    return german(moment)
