"""Throttling of password checks, counted in the database (so it holds across restarts and
several backend processes): logins, and the current password asked for by "Passwort ändern"
and "Konto löschen".

The rules, so that throttling protects without locking anyone out:
- Every try is counted *before* its password is checked (a `login_failure` row) and deleted
  again if the password was right. Tries of one counter take their turn (`db.serialize`), and
  each sees the tries before it, finished or not: a burst of parallel tries gets no more
  password checks than the free ones.
- From the 5th try within an hour on, the next one waits 1 s, 2 s, 4 s … at most a minute
  after the latest; 20 within an hour pause the counter for 15 minutes. A try that has to wait
  is not counted.
- A login from a browser that is unknown to the account counts against the address and against
  the client address (the client gets the waits, not the pause). Addresses without an account
  are throttled exactly alike, so the answers reveal nothing.
- A login from a *known device* (its device cookie was set by an earlier login to this account,
  `services/devices.py`) counts only against that device. Others' failures, from the same
  office address or from anywhere, neither delay nor pause it: a stranger can pause the
  address only for unknown devices, never the owner's own browser.
- A pause of the address is mailed to the member once (by the caller): at most one notice a
  day however often it is renewed, not one per try.
- A current-password check counts against the account only (`account_key`), with the same
  waits and pause; only someone logged in to that account can hold it up.
- The code of a login with a second factor (services/member_totp.py) counts against the
  account, from the same known device or client as the login's password try
  (`second_factor_key`), with the same waits but a pause after `CODE_PAUSE_AFTER` wrong codes:
  only someone who knows the password gets there, and a known device still only against
  itself.
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
CODE_PAUSE_AFTER = 5  # wrong second-factor codes within the window that pause the code step
PAUSE = timedelta(minutes=15)
KEEP = timedelta(days=1)


class LoginThrottled(PortalError):
    """Too many tries: wait before the next one. `until` says how long; the message says it to
    the member (seconds to wait, or the end of the pause). `device`: the pause is this known
    device's own (its own failures), not the address's."""

    def __init__(self, until: datetime, paused: bool, device: bool = False):
        self.until = until
        self.paused = paused
        if paused:
            text = texts.LOGIN_PAUSED_DEVICE if device else texts.LOGIN_PAUSED
            message = text.format(until=dates.format_datetime(until))
        else:
            message = texts.LOGIN_WAIT.format(seconds=self.seconds)
        super().__init__(message)

    @property
    def seconds(self) -> int:
        return max(1, math.ceil((self.until - clock.now()).total_seconds()))


@dataclass(frozen=True)
class Key:
    """What a try is counted against: `email_digest` (a keyed hash of the address, or of the
    account for a current-password check); `client` (the client address, for tries from unknown
    devices); `device` (the keyed hash of a device cookie known to the account, else "")."""

    email_digest: str
    client: str = ""
    device: str = ""


def _digest(purpose: bytes, value: str) -> str:
    secret = settings.secret_key.encode()
    return hmac.new(secret, purpose + value.encode(), hashlib.sha256).hexdigest()


def key_for(email_key: str, client: str, device: str = "") -> Key:
    """A login's key: its address, and either the known device it comes from or its client."""
    if device:
        return Key(_digest(b"login:", email_key), "", device)
    return Key(_digest(b"login:", email_key), (client or "")[:64])


def account_key(account_id: int) -> Key:
    """The key of a current-password check: the account alone."""
    return Key(_digest(b"current-password:", str(account_id)))


def second_factor_key(account_id: int, login: Key) -> Key:
    """The key of a login's code tries: the account, from the password try's device or
    client."""
    return Key(_digest(b"second-factor:", str(account_id)), login.client, login.device)


def delay_after(failures: int) -> timedelta:
    """The wait after `failures` tries within the window: none for the first four."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - FREE_FAILURES, 16)), LONGEST_DELAY)


def _own_counter(key: Key) -> tuple:
    """The conditions that select the rows of the key's own counter (address or device)."""
    if key.device:
        return (LoginFailure.email_digest == key.email_digest, LoginFailure.device == key.device)
    return (LoginFailure.email_digest == key.email_digest, LoginFailure.device == "")


def _tries(
    session: Session, conditions: tuple, since: datetime, before: int
) -> tuple[int, datetime | None]:
    """How many tries match since `since`, and the latest, counting the rows before the row
    `before` (the try being decided)."""
    count, latest = session.exec(
        select(func.count(), func.max(LoginFailure.at))
        .where(*conditions)
        .where(LoginFailure.at > since)
        .where(LoginFailure.id < before)
    ).one()
    return count, _aware(latest)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands aggregates back without the time zone the column type adds.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _check(session: Session, key: Key, before: int, pause_after: int) -> None:
    """Raise LoginThrottled if the tries before this one make it wait."""
    now = clock.now()
    since = now - WINDOW
    own, latest = _tries(session, _own_counter(key), since, before)
    if own >= pause_after and latest + PAUSE > now:
        raise LoginThrottled(latest + PAUSE, paused=True, device=bool(key.device))
    waits = [latest + delay_after(own)] if latest else []
    if key.client:
        client = (LoginFailure.client == key.client,)
        by_client, latest_client = _tries(session, client, since, before)
        if latest_client:
            waits.append(latest_client + delay_after(by_client))
    until = max(waits, default=now)
    if until > now:
        raise LoginThrottled(until, paused=False)


@dataclass(frozen=True)
class Try:
    """A try, counted before its password is checked."""

    row_id: int
    pauses_until: datetime | None  # the pause this try starts if its password is wrong


def count_try(session: Session, key: Key, pause_after: int = PAUSE_AFTER) -> Try:
    """Count a try before its password is checked (`succeeded` deletes it again). Raises
    LoginThrottled if the try has to wait; it is then not counted, as the caller's transaction
    rolls back. `pause_after`: how many tries within the window pause the counter.

    Tries of one counter take their turn here (in parallel tabs or workers, too): each one's row
    is written before the count, so every try sees the tries before it, finished or not. On
    SQLite the first write (the pruning) takes the database's one write lock, on PostgreSQL an
    advisory lock per counter.
    """
    locks = [f"login:{key.email_digest}:{key.device}"]
    if key.client:
        locks.append(f"login-client:{key.client}")
    db.serialize(session, *locks)
    now = clock.now()
    session.exec(delete(LoginFailure).where(col(LoginFailure.at) < now - KEEP))
    this_try = LoginFailure(
        at=now, email_digest=key.email_digest, client=key.client, device=key.device
    )
    session.add(this_try)
    session.flush()
    _check(session, key, this_try.id, pause_after)
    own, _ = _tries(session, _own_counter(key), now - WINDOW, this_try.id + 1)
    return Try(this_try.id, now + PAUSE if own >= pause_after else None)


def _clear(session: Session, *conditions) -> None:
    """Clear the matching tries from their address or account; those made from a client
    address stay counted against that client (a stranger's failures stay the stranger's)."""
    session.exec(delete(LoginFailure).where(*conditions).where(LoginFailure.client == ""))
    session.exec(update(LoginFailure).where(*conditions).values(email_digest=""))


def succeeded(session: Session, key: Key, counted: Try) -> None:
    """The try's password was right: it is no failure, and its counter starts afresh (the
    address's tries from unknown devices, or the known device's own). The member's own typos
    from this client are forgiven; tries on the address from other clients stay theirs."""
    session.exec(delete(LoginFailure).where(LoginFailure.id == counted.row_id))
    own = _own_counter(key)
    session.exec(delete(LoginFailure).where(*own).where(LoginFailure.client == key.client))
    _clear(session, *own)


def forget(session: Session, key: Key) -> None:
    """A password reset clears every try of the address (the pause ends, too)."""
    _clear(session, LoginFailure.email_digest == key.email_digest)
