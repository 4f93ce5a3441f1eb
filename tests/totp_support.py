"""A member's second factor in the service tests: turned on as the page does it, with a code
computed from the secret the page shows."""

from __future__ import annotations

from portal_app.services import member_totp, totp


def code_now(secret: str, steps_from_now: int = 0) -> str:
    return totp.code_at(secret, totp.current_step() + steps_from_now)


def turn_on(account_id: int, session_token: str = "") -> tuple[str, list[str]]:
    """Set up the authenticator for the account (this login stays, others end); returns the
    secret and the ten recovery codes."""
    enrollment = member_totp.start_setup(account_id)
    secret = enrollment.secret_text.replace(" ", "")
    codes = member_totp.confirm_setup(account_id, code_now(secret), session_token)
    return secret, codes
