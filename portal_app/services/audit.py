"""The audit log: what happened to an account or a record, and when, written in the
transaction of the action. Entries outlive a deleted login (their account becomes empty)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, func, select

from portal_app.models import AuditEntry
from portal_app.services import clock


class Action:
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"
    ACCOUNT_DELETED = "account_deleted"
    LOGIN_PAUSED = "login_paused"
    SESSIONS_ENDED = "sessions_ended"
    EMAIL_CHANGE_REQUESTED = "email_change_requested"
    EMAIL_CHANGED = "email_changed"
    EMAIL_CHANGE_UNDONE = "email_change_undone"
    DATA_EXPORTED = "data_exported"  # "Meine Daten": the archive was made
    # the chamber's staff (entries carry `staff_id`, the staff member who acted)
    STAFF_CREATED = "staff_created"
    STAFF_INVITED = "staff_invited"
    STAFF_SET_UP = "staff_set_up"
    STAFF_LOGIN = "staff_login"
    STAFF_PASSWORD_FAILED = "staff_password_failed"
    STAFF_CODE_FAILED = "staff_code_failed"
    STAFF_RECOVERY_CODE_USED = "staff_recovery_code_used"
    STAFF_LOGOUT = "staff_logout"
    STAFF_DEPARTMENTS_CHANGED = "staff_departments_changed"
    STAFF_DEACTIVATED = "staff_deactivated"
    STAFF_SECOND_FACTOR_RESET = "staff_second_factor_reset"
    AUDIT_EXPORTED = "audit_exported"  # an administrator exported the log as CSV


def record(
    session: Session,
    action: str,
    account_id: int | None,
    target: str = "",
    detail: str = "",
    *,
    staff_id: int | None = None,
) -> None:
    """Write an entry in the caller's transaction. `staff_id`: the staff member who acted."""
    session.add(
        AuditEntry(
            at=clock.now(),
            account_id=account_id,
            staff_id=staff_id,
            action=action,
            target=target[:200],
            detail=detail[:500],
        )
    )


def record_staff(
    session: Session, action: str, staff_id: int | None, target: str = "", detail: str = ""
) -> None:
    """An entry of a staff action: `staff_id` acted (on `target`, e.g. "staff:7")."""
    record(session, action, None, target, detail, staff_id=staff_id)


def count_recent(session: Session, account_id: int, action: str, within: timedelta) -> int:
    """How often the account did `action` in the last `within` (for throttling)."""
    return session.exec(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.account_id == account_id)
        .where(AuditEntry.action == action)
        .where(AuditEntry.at > clock.now() - within)
    ).one()
