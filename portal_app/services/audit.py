"""The audit log: what happened to an account, written in the transaction of the action."""

from __future__ import annotations

from sqlmodel import Session

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
    session.add(
        AuditEntry(
            at=clock.now(),
            account_id=account_id,
            action=action,
            target=target[:200],
            detail=detail[:500],
        )
    )
