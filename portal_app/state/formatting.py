"""Dates and times as a member in Germany reads them."""

from portal_app import texts
from portal_app.services.dates import format_date, format_datetime

# The states' names for the one German date formatter (services/dates.py).
local_date = format_date
local_datetime = format_datetime


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


def entries_found(count: int) -> str:
    """What a search found, for the live region (Verzeichnis, Protokoll)."""
    return texts.ENTRIES_FOUND_ONE if count == 1 else texts.ENTRIES_FOUND.format(count=count)
