"""Setting up a staff account from its link (`/verwaltung/einrichten?token=…`, 24 h): the
password (members' rules), then the authenticator (a QR code made here and the secret as
text), confirmed by one code; then ten recovery codes, shown once. The link is used up when
the authenticator is confirmed; until then it can start again (a new secret each time).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select, update

from portal_app import texts
from portal_app.models import StaffAccount, StaffSetupToken
from portal_app.services import audit, clock, passwords, staff_login, tokens, totp
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.staff import SECOND_FACTOR


class SetupLinkInvalid(PortalError):
    """The set-up link is unknown, used or older than 24 hours."""


class SetupCodeWrong(PortalError):
    """The first code from the authenticator does not match."""


@dataclass(frozen=True)
class SetupStart:
    name: str
    email: str


@dataclass(frozen=True)
class Enrollment:
    """What the authenticator needs: the QR code (SVG) and the secret as text."""

    secret_text: str
    qr_svg: str


@dataclass(frozen=True)
class SetupDone:
    recovery_codes: list[str]
    session_token: str


def _valid(session: Session, token: str) -> tuple[StaffSetupToken, StaffAccount]:
    if not token or len(token) > 100:
        raise SetupLinkInvalid(texts.STAFF_SETUP_LINK_INVALID)
    row = session.exec(
        select(StaffSetupToken).where(StaffSetupToken.token_hash == tokens.hash_token(token))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= clock.now():
        raise SetupLinkInvalid(texts.STAFF_SETUP_LINK_INVALID)
    staff = session.get(StaffAccount, row.staff_id)
    if staff is None or staff.deactivated_at is not None:
        raise SetupLinkInvalid(texts.STAFF_SETUP_LINK_INVALID)
    return row, staff


def check_link(token: str) -> SetupStart:
    with unit_of_work() as session:
        _row, staff = _valid(session, token)
        return SetupStart(staff.name, staff.email)


def set_password(token: str, password: str, repeat: str) -> Enrollment:
    """Step 1: the password; a new authenticator secret waits for its first code."""
    passwords.check_policy(password, repeat)
    password_hash = passwords.hash_password(password)
    with unit_of_work() as session:
        _row, staff = _valid(session, token)
        staff.password_hash = password_hash
        secret = totp.new_secret()
        staff.totp_secret = totp.seal(secret)
        staff.totp_confirmed_at = None
        staff.totp_last_step = None
        session.add(staff)
        return Enrollment(totp.grouped(secret), totp.qr_svg(secret, staff.email))


def confirm(token: str, code: str, user_agent: str = "") -> SetupDone:
    """Step 2: the first code confirms the authenticator; the link is used up, ten recovery
    codes are made, and the staff member is logged in."""
    if not "".join((code or "").split()):
        raise SetupCodeWrong(texts.TOTP_CODE_EMPTY, field="code")
    with unit_of_work() as session:
        row, staff = _valid(session, token)
        if staff.password_hash is None or not staff.totp_secret:
            raise SetupLinkInvalid(texts.STAFF_SETUP_LINK_INVALID)
        if not totp.use_totp(session, SECOND_FACTOR, staff, code):
            raise SetupCodeWrong(texts.TOTP_CODE_WRONG, field="code")
        used = session.exec(
            update(StaffSetupToken)
            .where(StaffSetupToken.id == row.id)
            .where(col(StaffSetupToken.used_at).is_(None))
            .values(used_at=clock.now())
        )
        if used.rowcount != 1:
            raise SetupLinkInvalid(texts.STAFF_SETUP_LINK_INVALID)
        session.exec(
            update(StaffAccount)
            .where(StaffAccount.id == staff.id)
            .values(totp_confirmed_at=clock.now())
        )
        codes = totp.new_recovery_codes(session, SECOND_FACTOR, staff.id)
        audit.record_staff(session, audit.Action.STAFF_SET_UP, staff.id, f"staff:{staff.id}")
        session_token = staff_login.start(session, staff.id, user_agent)
        return SetupDone(codes, session_token)
