"""Dates and times as a member in Germany reads them."""

from datetime import datetime

from portal_app import texts
from portal_app.services.clock import GERMANY, german


def local_date(moment: datetime) -> str:
    return moment.astimezone(GERMANY).strftime("%d.%m.%Y")


def local_datetime(moment: datetime) -> str:
    return german(moment)


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
             ("Chromium/", "Chromium"), ("Safari/", "Safari"))  # fmt: skip
_SYSTEMS = (("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"),
            ("Mac OS X", "macOS"), ("Linux", "Linux"))  # fmt: skip


def browser_of(user_agent: str) -> str:
    """A short, readable name for a browser's User-Agent: "Firefox unter Windows"."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    if not browser:
        return texts.BROWSER_UNKNOWN
    return texts.BROWSER_ON.format(browser=browser, system=system) if system else browser
