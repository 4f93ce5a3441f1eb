"""Random tokens for e-mail links and sessions: made here, stored only as a keyed hash.

Tokens carry 256 bits from `secrets`. The database keeps HMAC-SHA-256(secret key, token), so a
copy of the database alone opens nothing. Lookups go by the hash (an index), which is as safe
against timing as a constant-time compare: the attacker does not know the hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from enum import StrEnum

from sqlmodel import Session, select, update

from portal_app import texts
from portal_app.models import EmailToken
from portal_app.services import clock
from portal_app.services.errors import PortalError
from portal_app.settings import settings

TOKEN_BYTES = 32


class Purpose(StrEnum):
    CONFIRM_EMAIL = "confirm_email"
    RESET_PASSWORD = "reset_password"


LIFETIME = {Purpose.CONFIRM_EMAIL: timedelta(hours=24), Purpose.RESET_PASSWORD: timedelta(hours=1)}


class TokenProblem(StrEnum):
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


# What the member reads about a link that cannot be used, by its purpose and the problem.
PROBLEM_TEXTS = {
    Purpose.CONFIRM_EMAIL: {
        TokenProblem.UNKNOWN: texts.TOKEN_UNKNOWN,
        TokenProblem.EXPIRED: texts.TOKEN_EXPIRED,
        TokenProblem.USED: texts.TOKEN_USED,
    },
    Purpose.RESET_PASSWORD: {
        TokenProblem.UNKNOWN: texts.TOKEN_UNKNOWN,
        TokenProblem.EXPIRED: texts.RESET_TOKEN_EXPIRED,
        TokenProblem.USED: texts.RESET_TOKEN_USED,
    },
}


class TokenInvalid(PortalError):
    """The link cannot be used; `problem` says why (unknown, expired or used), the message says
    it to the member in the words of the link's purpose."""

    def __init__(self, problem: TokenProblem, purpose: Purpose):
        super().__init__(PROBLEM_TEXTS[purpose][problem])
        self.problem = problem


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hmac.new(settings.secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()


def void(session: Session, account_id: int, purpose: Purpose) -> None:
    """Make every unused link of this purpose for the account unusable."""
    session.exec(
        update(EmailToken)
        .where(EmailToken.account_id == account_id)
        .where(EmailToken.purpose == purpose.value)
        .where(EmailToken.used_at.is_(None))
        .values(used_at=clock.now())
    )


def issue(session: Session, account_id: int, purpose: Purpose) -> str:
    """Create a new link token for the account, voiding its older ones of the same purpose."""
    now = clock.now()
    void(session, account_id, purpose)
    token = new_token()
    session.add(
        EmailToken(
            account_id=account_id,
            purpose=purpose.value,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + LIFETIME[purpose],
        )
    )
    return token


def find_valid(session: Session, token: str, purpose: Purpose) -> EmailToken:
    """The stored token if it can still be used; raise TokenInvalid otherwise. Uses nothing up."""
    if not token or len(token) > 100:
        raise TokenInvalid(TokenProblem.UNKNOWN, purpose)
    row = session.exec(
        select(EmailToken)
        .where(EmailToken.token_hash == hash_token(token))
        .where(EmailToken.purpose == purpose.value)
    ).first()
    if row is None:
        raise TokenInvalid(TokenProblem.UNKNOWN, purpose)
    if row.used_at is not None:
        raise TokenInvalid(TokenProblem.USED, purpose)
    if row.expires_at <= clock.now():
        raise TokenInvalid(TokenProblem.EXPIRED, purpose)
    return row


def consume(session: Session, token: str, purpose: Purpose) -> EmailToken:
    """Use the token up, atomically: of two parallel requests exactly one succeeds."""
    row = find_valid(session, token, purpose)
    result = session.exec(
        update(EmailToken)
        .where(EmailToken.id == row.id)
        .where(EmailToken.used_at.is_(None))
        .values(used_at=clock.now())
    )
    if result.rowcount != 1:
        raise TokenInvalid(TokenProblem.USED, purpose)
    return row
