"""The one clock of the portal: "now", "today" and the chamber's time zone.

Every service asks this module for the time, so tests can travel in time by replacing `now`
(`today` follows, because it asks `now`).
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

# The chamber's time zone: deadlines, "today" and every date a member reads are German ones.
GERMANY = ZoneInfo("Europe/Berlin")


def now() -> datetime:
    """The current time, timezone-aware in UTC (the database stores UTC)."""
    return datetime.now(UTC)


def today() -> date:
    """The calendar day in Germany now (a course deadline ends at German midnight)."""
    return now().astimezone(GERMANY).date()
