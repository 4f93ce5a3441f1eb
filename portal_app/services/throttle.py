"""Throttling of failed logins, counted in the database (so it holds across restarts and
several backend processes).

Failures are counted per address and per client address. From the fifth failure within an
hour on, the next try has to wait: 1 s, 2 s, 4 s … at most a minute after the latest failure.
After 20 failures for an address within an hour, logins with that address pause for 15 minutes.
Addresses without an account are throttled exactly like real ones, so the answers reveal
nothing; only a real account gets a mail about the pause (from the caller).

A try is counted before its password is checked and forgotten if it succeeds, so tries sent in
parallel cannot all slip through before the first failure is written.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, delete, func, select, update

from portal_app import texts
from portal_app.models import LoginFailure
from portal_app.services import clock, dates, db
from portal_app.services.errors import PortalError
from portal_app.settings import settings

WINDOW = timedelta(hours=1)
FREE_FAILURES = 5
LONGEST_DELAY = timedelta(minutes=1)
PAUSE_AFTER = 20
PAUSE = timedelta(minutes=15)
KEEP = timedelta(days=1)


class LoginThrottled(PortalError):
    """Too many failures: wait before the next try. `until` says how long; the message says
    it to the member (seconds to wait, or the end of the pause)."""

    def __init__(self, until: datetime, paused: bool):
        self.until = until
        self.paused = paused
        if paused:
            message = texts.LOGIN_PAUSED.format(until=dates.format_datetime(until))
        else:
            message = texts.LOGIN_WAIT.format(seconds=self.seconds)
        super().__init__(message)

    @property
    def seconds(self) -> int:
        return max(1, math.ceil((self.until - clock.now()).total_seconds()))


@dataclass(frozen=True)
class Key:
    """Who a login try is counted against: the address (as a keyed hash) and the client."""

    email_digest: str
    client: str


def key_for(email_key: str, client: str) -> Key:
    digest = hmac.new(
        settings.secret_key.encode(), b"login:" + email_key.encode(), hashlib.sha256
    ).hexdigest()
    return Key(digest, (client or "")[:64])


def delay_after(failures: int) -> timedelta:
    """The wait after `failures` failures within the window: none for the first four."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - FREE_FAILURES, 16)), LONGEST_DELAY)


def _failures(
    session: Session, column, value: str, since: datetime, before: int
) -> tuple[int, datetime | None]:
    """How many failures of the key since `since`, and the latest, counting the rows before
    the row `before` (the try being decided)."""
    count, latest = session.exec(
        select(func.count(), func.max(LoginFailure.at))
        .where(column == value)
        .where(LoginFailure.at > since)
        .where(LoginFailure.id < before)
    ).one()
    return count, latest


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands aggregates back without the time zone the column type adds.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _check(session: Session, key: Key, before: int) -> None:
    """Raise LoginThrottled if the failures before this try make it wait."""
    now = clock.now()
    since = now - WINDOW
    by_address, latest = _failures(
        session, LoginFailure.email_digest, key.email_digest, since, before
    )
    latest = _aware(latest)
    if by_address >= PAUSE_AFTER and latest + PAUSE > now:
        raise LoginThrottled(latest + PAUSE, paused=True)
    waits = [latest + delay_after(by_address)] if latest else []
    if key.client:
        by_client, latest_client = _failures(
            session, LoginFailure.client, key.client, since, before
        )
        if latest_client:
            waits.append(_aware(latest_client) + delay_after(by_client))
    until = max(waits, default=now)
    if until > now:
        raise LoginThrottled(until, paused=False)


@dataclass(frozen=True)
class Try:
    """A login try, counted against its address before the password is checked."""

    row_id: int
    pauses_until: datetime | None  # the pause this try starts if its password is wrong


def count_try(session: Session, key: Key) -> Try:
    """Count a login try against its address before its password is checked (a successful
    login forgets it again). Raises LoginThrottled if the try has to wait; it is then not
    counted, as the caller's transaction rolls back.

    Tries of one address take their turn here (in parallel tabs or workers, too): each one's
    row is written before the count, so every try sees the tries before it, finished or not.
    Against the client a try counts only once it has failed (`failed`): members behind one
    office address who log in at the same moment do not hold each other up.
    """
    db.serialize(session, f"login:{key.email_digest}")
    now = clock.now()
    session.exec(delete(LoginFailure).where(col(LoginFailure.at) < now - KEEP))
    this_try = LoginFailure(at=now, email_digest=key.email_digest, client="")
    session.add(this_try)
    session.flush()
    _check(session, key, before=this_try.id)
    by_address, _ = _failures(
        session, LoginFailure.email_digest, key.email_digest, now - WINDOW, this_try.id + 1
    )
    return Try(this_try.id, now + PAUSE if by_address >= PAUSE_AFTER else None)


def failed(session: Session, key: Key, counted: Try) -> None:
    """The try's password was wrong: from now on it counts against the client, too."""
    session.exec(
        update(LoginFailure).where(LoginFailure.id == counted.row_id).values(client=key.client)
    )


def forget(session: Session, key: Key) -> None:
    """A successful login (or password reset) clears the failures of the address."""
    session.exec(delete(LoginFailure).where(LoginFailure.email_digest == key.email_digest))
