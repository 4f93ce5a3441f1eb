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


def record(
    session: Session, action: str, account_id: int | None, target: str = "", detail: str = ""
) -> None:
    """Write an entry in the caller's transaction."""
    session.add(
        AuditEntry(
            at=clock.now(),
            account_id=account_id,
            action=action,
            target=target[:200],
            detail=detail[:500],
        )
    )


def count_recent(session: Session, account_id: int, action: str, within: timedelta) -> int:
    """How often the account did `action` in the last `within` (for throttling)."""
    return session.exec(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.account_id == account_id)
        .where(AuditEntry.action == action)
        .where(AuditEntry.at > clock.now() - within)
    ).one()
