"""The chamber's staff accounts: a different kind of account from members' (own tables, own
sessions and cookie, always a second factor). The first administrator is made by the operator
(`portal mitarbeiter anlegen --admin`); administrators invite further staff, change their
departments, deactivate them and reset their second factor. Every action is audited.

No member page or event reaches this module: a member's account never becomes staff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select, update

from portal_app import routes, texts
from portal_app.models import (
    StaffAccount,
    StaffDepartment,
    StaffRecoveryCode,
    StaffSession,
    StaffSetupToken,
)
from portal_app.services import audit, clock, departments, mail, tokens, totp
from portal_app.services.db import unit_of_work
from portal_app.services.emails import email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.settings import settings

SETUP_LIFETIME = timedelta(hours=24)
# where staff keep their second factor (services/totp.py)
SECOND_FACTOR = totp.Holder(StaffAccount, StaffRecoveryCode, "staff_id", "recovery")
NAME_MAX = 200


class StaffRefused(PortalError):
    """An administrator's action that cannot be done (the message says why)."""


@dataclass(frozen=True)
class StaffView:
    """What the rest of the portal may know of the logged-in staff member."""

    id: int
    email: str
    name: str
    is_admin: bool
    departments: tuple[str, ...]


@dataclass(frozen=True)
class StaffRow:
    """One staff member as the team page and `portal mitarbeiter list` show them."""

    id: int
    name: str
    email: str
    is_admin: bool
    departments: tuple[str, ...]
    active: bool
    second_factor: bool
    created_at: datetime


def departments_of(session: Session, staff_id: int) -> tuple[str, ...]:
    keys = session.exec(
        select(StaffDepartment.department).where(StaffDepartment.staff_id == staff_id)
    ).all()
    return tuple(key for key in departments.ALL if key in keys)


def view_of(session: Session, staff: StaffAccount) -> StaffView:
    return StaffView(
        staff.id, staff.email, staff.name, staff.is_admin, departments_of(session, staff.id)
    )


def _checked_departments(keys) -> list[str]:
    chosen = [str(key) for key in keys or ()]
    unknown = [key for key in chosen if key not in departments.ALL]
    if unknown:
        raise StaffRefused(texts.STAFF_DEPARTMENT_UNKNOWN, field="departments")
    return [key for key in departments.ALL if key in chosen]


def _checked_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise StaffRefused(texts.STAFF_NAME_EMPTY, field="name")
    if len(cleaned) > NAME_MAX:
        raise StaffRefused(texts.STAFF_NAME_TOO_LONG, field="name")
    return cleaned


def issue_setup_token(session: Session, staff_id: int) -> str:
    """A new set-up link token for the staff member (24 h, single use); older ones are void."""
    now = clock.now()
    session.exec(
        update(StaffSetupToken)
        .where(StaffSetupToken.staff_id == staff_id)
        .where(col(StaffSetupToken.used_at).is_(None))
        .values(used_at=now)
    )
    token = tokens.new_token()
    session.add(
        StaffSetupToken(
            staff_id=staff_id,
            token_hash=tokens.hash_token(token),
            created_at=now,
            expires_at=now + SETUP_LIFETIME,
        )
    )
    return token


def setup_link(token: str) -> str:
    return settings.base_url + routes.staff_setup(token)


def create(
    email: str,
    name: str,
    *,
    is_admin: bool = False,
    department_keys=(),
    by_staff_id: int | None = None,
) -> tuple[int, str]:
    """A new staff account (not yet usable) and its set-up link token. Raises StaffRefused
    for an address that already belongs to a staff member (EmailRejected for a bad one)."""
    address = normalize_email(email)
    key = email_key(address)
    cleaned = _checked_name(name)
    keys = _checked_departments(department_keys)
    with unit_of_work() as session:
        if session.exec(select(StaffAccount.id).where(StaffAccount.email_key == key)).first():
            raise StaffRefused(texts.STAFF_EMAIL_TAKEN, field="email")
        staff = StaffAccount(
            email=address, email_key=key, name=cleaned, is_admin=is_admin, created_at=clock.now()
        )
        session.add(staff)
        session.flush()
        for department in keys:
            session.add(StaffDepartment(staff_id=staff.id, department=department))
        token = issue_setup_token(session, staff.id)
        action = audit.Action.STAFF_INVITED if by_staff_id else audit.Action.STAFF_CREATED
        audit.record_staff(session, action, by_staff_id, f"staff:{staff.id}", ",".join(keys))
        return staff.id, token


def invite(admin: StaffView, email: str, name: str, department_keys) -> int:
    """An administrator invites a colleague: the account, and a mail with the set-up link."""
    _require_admin(admin)
    staff_id, token = create(email, name, department_keys=department_keys, by_staff_id=admin.id)
    with unit_of_work() as session:
        staff = session.get(StaffAccount, staff_id)
        body = texts.MAIL_STAFF_INVITE_BODY.format(
            name=staff.name, by=admin.name, link=setup_link(token)
        )
        mail.enqueue(session, staff.email, texts.MAIL_STAFF_INVITE_SUBJECT, body)
    return staff_id


def _require_admin(admin: StaffView) -> None:
    if not admin.is_admin:
        raise StaffRefused(texts.STAFF_ADMIN_ONLY)


def _other_staff(session: Session, admin: StaffView, staff_id: int) -> StaffAccount:
    _require_admin(admin)
    staff = session.get(StaffAccount, staff_id) if staff_id else None
    if staff is None:
        raise StaffRefused(texts.STAFF_NOT_FOUND)
    if staff.id == admin.id:
        raise StaffRefused(texts.STAFF_NOT_YOURSELF)
    return staff


def set_departments(admin: StaffView, staff_id: int, department_keys) -> None:
    keys = _checked_departments(department_keys)
    with unit_of_work() as session:
        _require_admin(admin)
        staff = session.get(StaffAccount, staff_id) if staff_id else None
        if staff is None:
            raise StaffRefused(texts.STAFF_NOT_FOUND)
        session.exec(delete(StaffDepartment).where(StaffDepartment.staff_id == staff.id))
        for department in keys:
            session.add(StaffDepartment(staff_id=staff.id, department=department))
        audit.record_staff(
            session,
            audit.Action.STAFF_DEPARTMENTS_CHANGED,
            admin.id,
            f"staff:{staff.id}",
            ",".join(keys),
        )


def end_sessions(session: Session, staff_id: int) -> int:
    """End every session of the staff member in the caller's transaction."""
    return session.exec(
        update(StaffSession)
        .where(StaffSession.staff_id == staff_id)
        .where(col(StaffSession.ended_at).is_(None))
        .values(ended_at=clock.now())
    ).rowcount


def deactivate(admin: StaffView, staff_id: int) -> None:
    """The staff member can no longer log in; their open sessions end at once."""
    with unit_of_work() as session:
        staff = _other_staff(session, admin, staff_id)
        if staff.deactivated_at is not None:
            return
        now = clock.now()
        staff.deactivated_at = now
        session.add(staff)
        end_sessions(session, staff.id)
        session.exec(
            update(StaffSetupToken)
            .where(StaffSetupToken.staff_id == staff.id)
            .where(col(StaffSetupToken.used_at).is_(None))
            .values(used_at=now)
        )
        audit.record_staff(session, audit.Action.STAFF_DEACTIVATED, admin.id, f"staff:{staff.id}")


def reset_second_factor(admin: StaffView, staff_id: int) -> None:
    """Another staff member lost their authenticator: secret and recovery codes go, their
    sessions end, and a mail brings a new set-up link (password and authenticator anew)."""
    with unit_of_work() as session:
        staff = _other_staff(session, admin, staff_id)
        if staff.deactivated_at is not None:
            raise StaffRefused(texts.STAFF_IS_DEACTIVATED)
        staff.totp_secret = None
        staff.totp_confirmed_at = None
        staff.totp_last_step = None
        session.add(staff)
        totp.delete_recovery_codes(session, SECOND_FACTOR, staff.id)
        end_sessions(session, staff.id)
        token = issue_setup_token(session, staff.id)
        body = texts.MAIL_STAFF_RESET_BODY.format(
            name=staff.name, by=admin.name, link=setup_link(token)
        )
        mail.enqueue(session, staff.email, texts.MAIL_STAFF_RESET_SUBJECT, body)
        audit.record_staff(
            session, audit.Action.STAFF_SECOND_FACTOR_RESET, admin.id, f"staff:{staff.id}"
        )


def names_of(staff_ids) -> dict[int, str]:
    """The names of these staff members (for the inbox's "Bearbeitet von" and history)."""
    ids = [i for i in staff_ids if i]
    if not ids:
        return {}
    with unit_of_work() as session:
        found = session.exec(
            select(StaffAccount.id, StaffAccount.name).where(col(StaffAccount.id).in_(ids))
        ).all()
    return dict(found)


def listing() -> list[StaffRow]:
    """Every staff member, active ones first, by name."""
    with unit_of_work() as session:
        rows = session.exec(select(StaffAccount)).all()
        result = [
            StaffRow(
                id=s.id,
                name=s.name,
                email=s.email,
                is_admin=s.is_admin,
                departments=departments_of(session, s.id),
                active=s.deactivated_at is None,
                second_factor=s.totp_confirmed_at is not None,
                created_at=s.created_at,
            )
            for s in rows
        ]
    return sorted(result, key=lambda r: (not r.active, r.name.casefold(), r.id))
