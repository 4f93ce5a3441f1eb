"""E-mail addresses: normalise and check them the same way everywhere."""

from email_validator import EmailNotValidError, validate_email

from portal_app import texts
from portal_app.models import EMAIL_MAX_LENGTH
from portal_app.services.errors import PortalError


class EmailRejected(PortalError, ValueError):
    """The address is empty or malformed; the message is the German text for the member, at
    the field `email` (a form that asks for another address names its own field)."""


def normalize_email(raw: str) -> str:
    """Trim, check the syntax (no DNS lookup) and lower-case the domain."""
    candidate = (raw or "").strip()
    if not candidate:
        raise EmailRejected(texts.EMAIL_EMPTY, field="email")
    if len(candidate) > EMAIL_MAX_LENGTH:
        raise EmailRejected(texts.EMAIL_TOO_LONG, field="email")
    try:
        # Umlaut domains are fine (they travel as IDNA); umlauts before the @ would need
        # SMTPUTF8, which many mail servers still refuse.
        result = validate_email(candidate, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        raise EmailRejected(texts.EMAIL_INVALID, field="email") from None
    return result.normalized


def ascii_address(normalized: str) -> str:
    """The address as every SMTP server takes it (umlaut domains in IDNA form)."""
    return validate_email(normalized, check_deliverability=False).ascii_email or normalized


def email_key(normalized: str) -> str:
    """The lookup key: one account per address whatever its letter case."""
    return normalized.casefold()
