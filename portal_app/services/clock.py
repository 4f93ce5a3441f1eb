"""The one clock of the services, so tests can travel in time by replacing `now`."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

GERMANY = ZoneInfo("Europe/Berlin")


def now() -> datetime:
    """The current time, timezone-aware in UTC (the database stores UTC)."""
    return datetime.now(UTC)


def german(moment: datetime) -> str:
    """A moment as a member in Germany reads it: 25.11.2026, 14:05 Uhr."""
    return moment.astimezone(GERMANY).strftime("%d.%m.%Y, %H:%M Uhr")
