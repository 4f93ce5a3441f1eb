"""Logins: the server makes the session token, stores only its keyed hash, checks it on every
event (idle and absolute expiry) and ends it server-side."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam
from sqlmodel import Session, col, select, update

from portal_app import routes, texts
from portal_app.models import EMAIL_MAX_LENGTH, Account, LoginSession, MemberTotp
from portal_app.services import (
    audit,
    clock,
    dates,
    db,
    devices,
    mail,
    marks,
    passwords,
    throttle,
    tokens,
)
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.settings import settings

# Writing last_seen on every event would make each click a database write; a minute is
# precise enough for a 30-minute idle timeout.
TOUCH_INTERVAL = timedelta(minutes=1)


HANDOFF_TIME = timedelta(seconds=60)
# how long the code step of a login with a second factor waits after a correct password
SECOND_STEP_TIME = timedelta(minutes=5)

LoginThrottled = throttle.LoginThrottled


class LoginFailed(PortalError):
    """Wrong address or password, or registration not finished: one answer for all."""

    def __init__(self, message: str = texts.LOGIN_FAILED, **fields):
        super().__init__(message, **fields)


class LoginIncomplete(LoginFailed):
    """The address or the password was left empty: said at each empty field, nothing is
    checked or counted."""


@dataclass(frozen=True)
class AccountView:
    """What the rest of the portal may know of the logged-in account.

    Workers keep it per login (`current_account_of_event`): whatever ends a login or changes
    these fields goes through `_end_where` (or sets the login's change mark itself)."""

    id: int
    email: str
    created_at: datetime


@dataclass(frozen=True)
class SecondStep:
    """The password was right and the account uses a second factor: no login exists yet; the
    code (`member_totp.finish_login`) may follow until `until`. `key`: what the password try
    was counted against; the code tries count there too (services/throttle.py)."""

    account_id: int
    until: datetime
    key: throttle.Key


def second_factor_lock(account_id: int) -> str:
    """Logins and the set-up of the second factor take turns on this key (`db.serialize`)."""
    return f"second-factor:{account_id}"


def second_factor_on(session: Session, account_id: int) -> bool:
    """Has the account an authenticator in use (services/member_totp.py)? Then every login
    asks for its code."""
    return (
        session.exec(
            select(MemberTotp.id)
            .where(MemberTotp.account_id == account_id)
            .where(col(MemberTotp.confirmed_at).is_not(None))
        ).first()
        is not None
    )


def start(
    session: Session, account_id: int, user_agent: str = "", second_factor: bool = False
) -> str:
    """Open a new login for the account in the caller's transaction; return its token.
    `second_factor`: the login passed it."""
    now = clock.now()
    token = tokens.new_token()
    session.add(
        LoginSession(
            account_id=account_id,
            token_hash=tokens.hash_token(token),
            created_at=now,
            last_seen_at=now,
            user_agent=user_agent[:300],
            handoff_hash=tokens.hash_token(handoff_code(token)),
            handoff_until=now + HANDOFF_TIME,
            second_factor=second_factor,
        )
    )
    return token


def _login_key(raw_email: str) -> str:
    """The lookup key of an address; malformed input is throttled under its own spelling."""
    try:
        return email_key(normalize_email(raw_email))
    except EmailRejected:
        return (raw_email or "").strip().casefold()[:EMAIL_MAX_LENGTH]


def login(
    raw_email: str,
    password: str,
    user_agent: str = "",
    old_token: str = "",
    client: str = "",
    device: str = "",
) -> str | SecondStep:
    """Check the credentials and open a fresh session (the old one of this browser ends); for
    an account with a second factor only the code step (SecondStep), no session yet.

    Throttled (see `throttle`): a try is counted before its password is checked and raises
    LoginThrottled before checking anything while a wait or pause lasts. `device` is this
    browser's device cookie: if it has logged in to the account before, only its own failures
    count, not others' from the same client address or anywhere. Unknown addresses spend the
    same bcrypt time and are throttled the same way. Slow: call it from a worker thread. An
    empty address or password raises LoginIncomplete at once (nothing is counted then).
    """
    missing = {}
    if not (raw_email or "").strip():
        missing["email"] = texts.EMAIL_EMPTY
    if not password:
        missing["password"] = texts.LOGIN_PASSWORD_MISSING
    if missing:
        raise LoginIncomplete(texts.FORM_HAS_ERRORS, errors=missing)
    key = _login_key(raw_email)
    counted_as = throttle.key_for(key, client, devices.known_digest(device, key))
    with unit_of_work() as session:
        this_try = throttle.count_try(session, counted_as)
        account = session.exec(select(Account).where(Account.email_key == key)).first()
        password_hash = account.password_hash if account and account.confirmed_at else None
    if not passwords.verify_password(password or "", password_hash):
        if this_try.pauses_until and password_hash and not counted_as.device:
            with unit_of_work() as session:
                tell_paused(session, account, this_try.pauses_until)
        raise LoginFailed
    second_step = SecondStep(account.id, clock.now() + SECOND_STEP_TIME, counted_as)
    with unit_of_work() as session:
        db.serialize(session, second_factor_lock(account.id))
        token = start(session, account.id, user_agent)
        session.flush()  # SQLite: this write takes the write lock before the check below
        if second_factor_on(session, account.id):  # the password try stays counted
            session.rollback()
            return second_step
        throttle.succeeded(session, counted_as, this_try)
        if old_token:
            end(session, old_token)
        return token


# However often a pause is renewed, the member hears of it once in this time.
PAUSE_NOTICE_INTERVAL = timedelta(days=1)


def tell_paused(session: Session, account: Account, until: datetime) -> None:
    """Mail the member that logins from unknown devices pause: once a day at most."""
    db.serialize(session, f"pause-notice:{account.id}")
    if audit.count_recent(session, account.id, audit.Action.LOGIN_PAUSED, PAUSE_NOTICE_INTERVAL):
        return
    body = texts.MAIL_PAUSED_BODY.format(
        until=dates.format_datetime(until), reset_link=settings.base_url + routes.PASSWORD_FORGOTTEN
    )
    mail.enqueue(session, account.email, texts.MAIL_PAUSED_SUBJECT, body)
    audit.record(session, audit.Action.LOGIN_PAUSED, account.id, detail=until.isoformat())


def _expired(row, now: datetime) -> bool:
    """`row`: a LoginSession, or a result row with its ended_at, last_seen_at, created_at."""
    return (
        row.ended_at is not None
        or now - row.last_seen_at > timedelta(minutes=settings.session_idle_minutes)
        or now - row.created_at > timedelta(hours=settings.session_absolute_hours)
    )


# The check that runs on every event of a logged-in member: one indexed query for plain
# columns (no ORM objects), and a write only when last_seen is due (see bench/RESULTS.md).
_CURRENT = (
    select(
        LoginSession.id,
        LoginSession.created_at,
        LoginSession.last_seen_at,
        LoginSession.ended_at,
        Account.id.label("account_id"),
        Account.email,
        Account.created_at.label("account_created_at"),
    )
    .join(Account, Account.id == LoginSession.account_id)
    .where(LoginSession.token_hash == bindparam("token_hash"))
)


def _check(token: str) -> tuple[AccountView | None, datetime | None]:
    """The account behind a session token (None if unknown, ended or expired), and until
    when a worker may use this answer without asking again: until last_seen is due to be
    written again, at the latest until the login's absolute end."""
    if not token or len(token) > 100:
        return None, None
    now = clock.now()
    with unit_of_work() as session:
        row = session.exec(_CURRENT, params={"token_hash": tokens.hash_token(token)}).first()
        if row is None or _expired(row, now):
            return None, None
        last_seen = row.last_seen_at
        if now - last_seen >= TOUCH_INTERVAL:
            session.exec(
                update(LoginSession).where(LoginSession.id == row.id).values(last_seen_at=now)
            )
            last_seen = now
    view = AccountView(id=row.account_id, email=row.email, created_at=row.account_created_at)
    absolute_end = row.created_at + timedelta(hours=settings.session_absolute_hours)
    return view, min(last_seen + TOUCH_INTERVAL, absolute_end)


def current_account(token: str) -> AccountView | None:
    """The account behind a session token, or None if it is unknown, ended or expired."""
    return _check(token)[0]


# Every event of a logged-in member asks for its account; the answer is kept in the worker
# while its login's change mark stays the same (see `marks`): every way a login ends sets it.
_checked = marks.MarkedCache(_check)


def _mark(token_hash: str) -> str:
    return "login:" + token_hash


async def current_account_of_event(token: str) -> AccountView | None:
    """`current_account` for the event loop: from the worker's memory while nothing has
    changed for this login and no write of last_seen is due, else from the database (in a
    worker thread)."""
    if not token or len(token) > 100:
        return None
    token_hash = tokens.hash_token(token)
    return await _checked.get(token_hash, _mark(token_hash), token)


def _end_where(session: Session, *conditions) -> int:
    """End the active logins that meet `conditions`, in the caller's transaction; each
    login's change mark is set once it has committed. Returns how many ended."""
    ended = session.exec(
        update(LoginSession)
        .where(col(LoginSession.ended_at).is_(None), *conditions)
        .values(ended_at=clock.now())
        .returning(LoginSession.token_hash)
    ).all()
    marks.changed(session, *(_mark(token_hash) for (token_hash,) in ended))
    return len(ended)


def end(session: Session, token: str) -> None:
    """End this browser's login in the caller's transaction (if it is still active)."""
    _end_where(session, LoginSession.token_hash == tokens.hash_token(token))


def logout(token: str) -> None:
    """End this session on the server."""
    if token:
        with unit_of_work() as session:
            end(session, token)


# --- the HttpOnly cookie handoff, the list of sessions, ending them -------------------


def handoff_code(token: str) -> str:
    """The one-time code (valid 60 s after the login) that the cookie endpoint exchanges for
    the session. Derived from the token with the secret key, so it reveals nothing of it.

    The session token itself never reaches the browser's scripts: the endpoint swaps it for a
    fresh one and puts that into an HttpOnly cookie.
    """
    return hmac.new(
        settings.secret_key.encode(), b"handoff:" + token.encode(), "sha256"
    ).hexdigest()


def take_handoff(code: str) -> str | None:
    """Use a handoff code up (once, within its time); return the session's new token."""
    if not code or len(code) > 100:
        return None
    now = clock.now()
    with unit_of_work() as session:
        row = session.exec(
            select(LoginSession).where(LoginSession.handoff_hash == tokens.hash_token(code))
        ).first()
        if row is None or row.handoff_until <= now or _expired(row, now):
            return None
        token = tokens.new_token()
        result = session.exec(
            update(LoginSession)
            .where(LoginSession.id == row.id)
            .where(LoginSession.handoff_hash == row.handoff_hash)
            .values(token_hash=tokens.hash_token(token), handoff_hash=None, handoff_until=None)
        )
        return token if result.rowcount == 1 else None


@dataclass(frozen=True)
class SessionView:
    """One active login of the account, as the sessions page shows it."""

    id: int
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    current: bool
    second_factor: bool = False


def active_sessions(account_id: int, current_token: str) -> list[SessionView]:
    """The account's sessions that are still valid; this browser's first, then newest."""
    now = clock.now()
    current_hash = tokens.hash_token(current_token or "")
    with unit_of_work() as session:
        rows = session.exec(
            select(LoginSession)
            .where(LoginSession.account_id == account_id)
            .where(col(LoginSession.ended_at).is_(None))
        ).all()
    views = [
        SessionView(
            r.id,
            r.created_at,
            r.last_seen_at,
            r.user_agent,
            r.token_hash == current_hash,
            r.second_factor,
        )
        for r in rows
        if not _expired(r, now)
    ]
    return sorted(views, key=lambda v: (not v.current, -v.last_seen_at.timestamp()))


def end_session(account_id: int, session_id: int) -> bool:
    """End one session of the account; False if it is not the account's or already ended."""
    with unit_of_work() as session:
        ended = _end_where(
            session, LoginSession.id == session_id, LoginSession.account_id == account_id
        )
        return ended == 1


def end_all(session: Session, account_id: int, keep_token: str = "") -> int:
    """End every session of the account in the caller's transaction, except `keep_token`'s."""
    conditions = [LoginSession.account_id == account_id]
    if keep_token:
        conditions.append(LoginSession.token_hash != tokens.hash_token(keep_token))
    return _end_where(session, *conditions)


def account_changed(session: Session, account_id: int) -> None:
    """The account's fields in `AccountView` changed (its address) in the caller's transaction:
    every worker asks again for each of its active logins once it has committed."""
    hashes = session.exec(
        select(LoginSession.token_hash)
        .where(LoginSession.account_id == account_id)
        .where(col(LoginSession.ended_at).is_(None))
    ).all()
    marks.changed(session, *(_mark(token_hash) for token_hash in hashes))


def end_other_sessions(account_id: int, current_token: str) -> int:
    """End every session of the account but this browser's; return how many ended."""
    with unit_of_work() as session:
        ended = end_all(session, account_id, keep_token=current_token or "-")
        if ended:
            audit.record(session, audit.Action.SESSIONS_ENDED, account_id, detail=str(ended))
        return ended
