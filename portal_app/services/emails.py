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


def email_key(address: str) -> str:
    """One mailbox, however its address is spelled: the local part and the domain case-folded,
    the domain in its IDNA (ASCII) form, so `Eva@Müller.de`, `eva@xn--mller-kva.de` and
    `EVA@MÜLLER.DE` are one key. The one function for every question "same address?": one
    account per address, and every per-address cap (mails anyone can trigger, form senders).
    """
    candidate = (address or "").strip()
    try:
        checked = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:  # not an address (callers pass checked ones): still one key
        local, _, domain = candidate.rpartition("@")
    else:
        local, domain = checked.local_part, checked.ascii_domain or checked.domain
    return f"{local.casefold()}@{domain.casefold()}" if local else candidate.casefold()
