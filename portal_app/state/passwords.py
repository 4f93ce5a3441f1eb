"""What every form with a new password does with a rejected one."""

from __future__ import annotations

from portal_app.services.passwords import PasswordMismatch, PasswordRejected


def cleared_after(error: PasswordRejected) -> list[str]:
    """The fields a rejected new password empties: the repetition, when it differed."""
    return ["password_repeat"] if isinstance(error, PasswordMismatch) else []
