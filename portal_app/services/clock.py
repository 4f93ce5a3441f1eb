"""The one clock of the services, so tests can travel in time by replacing `now`."""

from datetime import UTC, datetime


def now() -> datetime:
    """The current time, timezone-aware in UTC (the database stores UTC)."""
    return datetime.now(UTC)
