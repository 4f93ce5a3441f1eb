"""Logins: the server makes the session token, stores only its keyed hash, checks it on every
event (idle and absolute expiry) and ends it server-side."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from portal_app.models import Account, LoginSession
from portal_app.services import clock, passwords, tokens
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.settings import settings

# Writing last_seen on every event would make each click a database write; a minute is
# precise enough for a 30-minute idle timeout.
TOUCH_INTERVAL = timedelta(minutes=1)


class LoginFailed(Exception):
    """Wrong address or password, or registration not finished: one answer for all."""


@dataclass(frozen=True)
class AccountView:
    """What the rest of the portal may know of the logged-in account."""

    id: int
    email: str
    created_at: datetime


def start(session: Session, account_id: int, user_agent: str = "") -> str:
    """Open a new login for the account in the caller's transaction; return its token."""
    now = clock.now()
    token = tokens.new_token()
    session.add(
        LoginSession(
            account_id=account_id,
            token_hash=tokens.hash_token(token),
            created_at=now,
            last_seen_at=now,
            user_agent=user_agent[:300],
        )
    )
    return token


def login(raw_email: str, password: str, user_agent: str = "", old_token: str = "") -> str:
    """Check the credentials and open a fresh session (the old one of this browser ends).

    Unknown addresses spend the same bcrypt time. Slow: call it from a worker thread.
    """
    try:
        key = email_key(normalize_email(raw_email))
    except EmailRejected:
        key = None
    with unit_of_work() as session:
        account = None
        if key:
            account = session.exec(select(Account).where(Account.email_key == key)).first()
        password_hash = account.password_hash if account and account.confirmed_at else None
    if not passwords.verify_password(password or "", password_hash):
        raise LoginFailed
    with unit_of_work() as session:
        if old_token:
            _end(session, old_token)
        return start(session, account.id, user_agent)


def _expired(row: LoginSession, now: datetime) -> bool:
    return (
        row.ended_at is not None
        or now - row.last_seen_at > timedelta(minutes=settings.session_idle_minutes)
        or now - row.created_at > timedelta(hours=settings.session_absolute_hours)
    )


def current_account(token: str) -> AccountView | None:
    """The account behind a session token, or None if it is unknown, ended or expired."""
    if not token or len(token) > 100:
        return None
    now = clock.now()
    with unit_of_work() as session:
        row = session.exec(
            select(LoginSession).where(LoginSession.token_hash == tokens.hash_token(token))
        ).first()
        if row is None or _expired(row, now):
            return None
        if now - row.last_seen_at >= TOUCH_INTERVAL:
            row.last_seen_at = now
        account = session.get(Account, row.account_id)
        return AccountView(id=account.id, email=account.email, created_at=account.created_at)


def _end(session: Session, token: str) -> None:
    session.exec(
        update(LoginSession)
        .where(LoginSession.token_hash == tokens.hash_token(token))
        .where(col(LoginSession.ended_at).is_(None))
        .values(ended_at=clock.now())
    )


def logout(token: str) -> None:
    """End this session on the server."""
    if token:
        with unit_of_work() as session:
            _end(session, token)
