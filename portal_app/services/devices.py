"""Known devices: a browser that has logged in to an account gets a device cookie; from then on
others' failed logins neither delay nor pause its logins to that account (as allauth and
Keycloak do). What exactly it exempts from: `services/throttle.py`.

The cookie (`__Host-kp_geraet` over HTTPS, else `kp_geraet`) has the session cookie's
attributes (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS) and lives
`PORTAL_DEVICE_DAYS` days after the latest login. Its value is a random token from `secrets`
(256 bit); the database keeps only its keyed hash, one row per account the browser has logged
in to. A token the portal never issued is replaced by a new one, so nobody can choose theirs.
The cookie endpoint sets it after a successful login (`portal_app.web.session_endpoints`); the
login form reads it from the websocket handshake. Logging out keeps it: it proves nothing but
an earlier login, and grants nothing beyond the exemption.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, delete, select, update

from portal_app.models import Account, KnownDevice, LoginSession
from portal_app.services import clock, session_cookie, tokens
from portal_app.services.db import unit_of_work
from portal_app.settings import settings

NAME = "__Host-kp_geraet" if session_cookie.SECURE else "kp_geraet"


def lifetime() -> timedelta:
    return timedelta(days=settings.device_days)


def read(cookie_header: str | None) -> str:
    """The device token in a Cookie request header, or ""."""
    return session_cookie.read(cookie_header, NAME)


def set_header(token: str) -> str:
    """The Set-Cookie value that keeps the device token."""
    return f"{NAME}={token}; {session_cookie.attributes(int(lifetime().total_seconds()))}"


def digest(token: str) -> str:
    """The keyed hash a device token is stored as ("" for none or an overlong one)."""
    if not token or len(token) > 100:
        return ""
    return tokens.hash_token(token)


def known_digest(token: str, email_key: str) -> str:
    """The digest of the device token if this browser has logged in to the account with this
    address within the device lifetime; "" otherwise (also for unknown addresses)."""
    hashed = digest(token)
    if not hashed:
        return ""
    with unit_of_work() as session:
        row = session.exec(
            select(KnownDevice.id)
            .join(Account, Account.id == KnownDevice.account_id)
            .where(KnownDevice.token_hash == hashed)
            .where(Account.email_key == email_key)
            .where(KnownDevice.last_login_at > clock.now() - lifetime())
        ).first()
    return hashed if row is not None else ""


def _issued(session: Session, hashed: str) -> bool:
    return bool(hashed) and (
        session.exec(select(KnownDevice.id).where(KnownDevice.token_hash == hashed)).first()
        is not None
    )


def remember(session_token: str, cookie_header: str | None) -> str | None:
    """After a successful login: make this browser a known device of the session's account and
    return the Set-Cookie value (the browser's token if the portal issued it, else a new one);
    None if the session is unknown."""
    now = clock.now()
    with unit_of_work() as session:
        account_id = session.exec(
            select(LoginSession.account_id).where(
                LoginSession.token_hash == tokens.hash_token(session_token)
            )
        ).first()
        if account_id is None:
            return None
        session.exec(delete(KnownDevice).where(KnownDevice.last_login_at <= now - lifetime()))
        token = read(cookie_header)
        hashed = digest(token)
        if not _issued(session, hashed):
            token = tokens.new_token()
            hashed = tokens.hash_token(token)
        renewed = session.exec(
            update(KnownDevice)
            .where(KnownDevice.account_id == account_id, KnownDevice.token_hash == hashed)
            .values(last_login_at=now)
        )
        if renewed.rowcount == 0:
            try:
                with session.begin_nested():
                    session.add(
                        KnownDevice(
                            account_id=account_id, token_hash=hashed, created_at=now,
                            last_login_at=now,
                        )
                    )  # fmt: skip
            except IntegrityError:  # the same browser's login in another tab came first
                pass
    return set_header(token)


def forget_account(session: Session, account_id: int) -> None:
    """No browser is a known device of the account any more (in the caller's transaction)."""
    session.exec(delete(KnownDevice).where(KnownDevice.account_id == account_id))
