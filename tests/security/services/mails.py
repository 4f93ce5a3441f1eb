"""Links from the mails in the outbox, as a member would read them."""

from portal_app import texts
from portal_app.services import password_reset
from portal_app.services.mail import recent_mails
from tests.unit.conftest import token_from


def reset_token(address: str) -> str:
    """Ask for a reset link for `address` and return the token of the mailed link."""
    password_reset.request_reset(address)
    for view in recent_mails():
        if view.recipient == address and view.subject == texts.MAIL_RESET_SUBJECT:
            return token_from(view.body)
    raise AssertionError(f"no reset mail to {address}")
