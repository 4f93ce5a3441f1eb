"""Staff logins: password, then always a second factor (a TOTP code or a recovery code), then
a staff session of its own (own table, own HttpOnly cookie, idle timeout
`PORTAL_STAFF_IDLE_MINUTES`). Failed passwords and failed codes are throttled like members'
logins (services/throttle.py), under keys of their own ("staff:" + address).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from portal_app import texts
from portal_app.models import EMAIL_MAX_LENGTH, StaffAccount, StaffSession
from portal_app.services import audit, clock, passwords, throttle, tokens, totp
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.services.staff import SECOND_FACTOR, StaffView, view_of
from portal_app.settings import settings

TOUCH_INTERVAL = timedelta(minutes=1)
HANDOFF_TIME = timedelta(seconds=60)
# how long the code step waits after a correct password
PENDING_TIME = timedelta(minutes=5)

StaffLoginThrottled = throttle.LoginThrottled


class StaffLoginFailed(PortalError):
    """Wrong address or password, or an account not usable: one answer for all."""

    def __init__(self, message: str = texts.STAFF_LOGIN_FAILED, **fields):
        super().__init__(message, **fields)


class CodeRejected(PortalError):
    """The confirmation code is wrong, used already, or the password step has run out."""


@dataclass(frozen=True)
class PasswordPassed:
    """The first step passed: the code step may follow until `until`."""

    staff_id: int
    until: datetime


def _staff_key(raw_email: str) -> str:
    try:
        key = email_key(normalize_email(raw_email))
    except EmailRejected:
        key = (raw_email or "").strip().casefold()[:EMAIL_MAX_LENGTH]
    return "staff:" + key  # staff logins are counted apart from members'


def check_password(raw_email: str, password: str, client: str = "") -> PasswordPassed:
    """Step 1. Throttled per address and client (the try stays counted until the code step
    passes); unknown addresses spend the same bcrypt time. Only a set-up, active staff account
    passes. Slow: call it from a worker thread."""
    missing = {}
    if not (raw_email or "").strip():
        missing["email"] = texts.EMAIL_EMPTY
    if not password:
        missing["password"] = texts.LOGIN_PASSWORD_MISSING
    if missing:
        raise StaffLoginFailed(texts.FORM_HAS_ERRORS, errors=missing)
    key = _staff_key(raw_email)
    counted_as = throttle.key_for(key, client)
    with unit_of_work() as session:
        throttle.count_try(session, counted_as)  # stays counted until the code step passes
        staff = session.exec(
            select(StaffAccount).where(StaffAccount.email_key == key.removeprefix("staff:"))
        ).first()
        usable = (
            staff is not None
            and staff.deactivated_at is None
            and staff.totp_confirmed_at is not None
        )
        password_hash = staff.password_hash if usable else None
    if not passwords.verify_password(password or "", password_hash):
        with unit_of_work() as session:  # the try stays counted (throttle.count_try)
            if staff is not None:
                audit.record_staff(
                    session, audit.Action.STAFF_PASSWORD_FAILED, staff.id, f"staff:{staff.id}"
                )
        raise StaffLoginFailed
    return PasswordPassed(staff.id, clock.now() + PENDING_TIME)


def check_code(passed: PasswordPassed, code: str, client: str = "", user_agent: str = "") -> str:
    """Step 2: a TOTP code (once) or a recovery code (once); returns a new session's token.
    Failed codes count against the address like failed passwords."""
    if not (code or "").strip():
        raise CodeRejected(texts.TOTP_CODE_EMPTY, field="code")
    if clock.now() > passed.until:
        raise CodeRejected(texts.TOTP_TOO_LATE)
    with unit_of_work() as session:
        staff = session.get(StaffAccount, passed.staff_id)
        if staff is None or staff.deactivated_at is not None:
            raise CodeRejected(texts.TOTP_TOO_LATE)
        counted_as = throttle.key_for("staff:" + staff.email_key, client)
    with unit_of_work() as session:
        this_try = throttle.count_try(session, counted_as)
    with unit_of_work() as session:
        staff = session.get(StaffAccount, passed.staff_id)
        if totp.use_totp(session, SECOND_FACTOR, staff, code):
            action = audit.Action.STAFF_LOGIN
        elif totp.use_recovery_code(session, SECOND_FACTOR, staff.id, code):
            action = audit.Action.STAFF_RECOVERY_CODE_USED
        else:
            action = None
        if action is not None:
            # the login is complete: its password try and this one are no failures
            throttle.succeeded(session, counted_as, this_try)
            audit.record_staff(session, action, staff.id, f"staff:{staff.id}")
            if action == audit.Action.STAFF_RECOVERY_CODE_USED:
                audit.record_staff(session, audit.Action.STAFF_LOGIN, staff.id, f"staff:{staff.id}")
            return start(session, staff.id, user_agent)
    with unit_of_work() as session:  # the try stays counted
        audit.record_staff(session, audit.Action.STAFF_CODE_FAILED, staff.id, f"staff:{staff.id}")
    raise CodeRejected(texts.TOTP_CODE_WRONG, field="code")


# --- sessions ---------------------------------------------------------------------------------


def start(session: Session, staff_id: int, user_agent: str = "") -> str:
    """Open a staff session in the caller's transaction; return its token."""
    now = clock.now()
    token = tokens.new_token()
    session.add(
        StaffSession(
            staff_id=staff_id,
            token_hash=tokens.hash_token(token),
            created_at=now,
            last_seen_at=now,
            user_agent=user_agent[:300],
        )
    )
    return token


def _expired(row, now: datetime) -> bool:
    return (
        row.ended_at is not None
        or now - row.last_seen_at > timedelta(minutes=settings.staff_idle_minutes)
        or now - row.created_at > timedelta(hours=settings.session_absolute_hours)
    )


def current_staff(token: str) -> StaffView | None:
    """The staff member behind a staff session token, or None (unknown, ended, expired,
    deactivated)."""
    if not token or len(token) > 100:
        return None
    now = clock.now()
    with unit_of_work() as session:
        row = session.exec(
            select(StaffSession).where(StaffSession.token_hash == tokens.hash_token(token))
        ).first()
        if row is None or _expired(row, now):
            return None
        staff = session.get(StaffAccount, row.staff_id)
        if staff is None or staff.deactivated_at is not None:
            return None
        if now - row.last_seen_at >= TOUCH_INTERVAL:
            session.exec(
                update(StaffSession).where(StaffSession.id == row.id).values(last_seen_at=now)
            )
        return view_of(session, staff)


def handoff_code(token: str) -> str:
    return hmac.new(
        settings.secret_key.encode(), b"staff-handoff:" + token.encode(), "sha256"
    ).hexdigest()


def handoff(token: str) -> str | None:
    """A one-time code (60 s) the cookie endpoint swaps for the session; None if the session
    is no longer valid."""
    now = clock.now()
    code = handoff_code(token)
    with unit_of_work() as session:
        row = session.exec(
            select(StaffSession).where(StaffSession.token_hash == tokens.hash_token(token))
        ).first()
        if row is None or _expired(row, now):
            return None
        row.handoff_hash = tokens.hash_token(code)
        row.handoff_until = now + HANDOFF_TIME
        session.add(row)
    return code


def take_handoff(code: str) -> str | None:
    """Use a handoff code up (once, in time); return the session's new token."""
    if not code or len(code) > 100:
        return None
    now = clock.now()
    with unit_of_work() as session:
        row = session.exec(
            select(StaffSession).where(StaffSession.handoff_hash == tokens.hash_token(code))
        ).first()
        if row is None or row.handoff_until <= now or _expired(row, now):
            return None
        token = tokens.new_token()
        result = session.exec(
            update(StaffSession)
            .where(StaffSession.id == row.id)
            .where(StaffSession.handoff_hash == row.handoff_hash)
            .values(token_hash=tokens.hash_token(token), handoff_hash=None, handoff_until=None)
        )
        return token if result.rowcount == 1 else None


def logout(token: str) -> None:
    if not token:
        return
    with unit_of_work() as session:
        row = session.exec(
            select(StaffSession)
            .where(StaffSession.token_hash == tokens.hash_token(token))
            .where(col(StaffSession.ended_at).is_(None))
        ).first()
        if row is not None:
            row.ended_at = clock.now()
            session.add(row)
            audit.record_staff(session, audit.Action.STAFF_LOGOUT, row.staff_id)
