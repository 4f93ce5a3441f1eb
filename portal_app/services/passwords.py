"""Password policy and bcrypt hashing.

Policy (DESIGN.md): at least 12 characters, at most 72 UTF-8 bytes (bcrypt's limit), not on the
shipped list of common passwords, no composition rules. Hashing is slow on purpose; callers run
the services that use it in a worker thread so the event loop stays free.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import bcrypt

from portal_app import texts
from portal_app.services.errors import PortalError
from portal_app.settings import settings

MIN_LENGTH = 12
MAX_BYTES = 72


class PasswordRejected(PortalError, ValueError):
    """The password breaks the policy; the message is the German text for the member."""


class PasswordMismatch(PasswordRejected):
    """The repeated password differs from the first."""


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_policy(password: str, repeat: str | None = None) -> None:
    """Raise PasswordRejected with the first rule the password breaks."""
    if not password:
        raise PasswordRejected(texts.PASSWORD_EMPTY, field="password")
    if len(password) < MIN_LENGTH:
        raise PasswordRejected(texts.PASSWORD_TOO_SHORT, field="password")
    if len(password.encode("utf-8")) > MAX_BYTES:
        raise PasswordRejected(texts.PASSWORD_TOO_LONG, field="password")
    if password.casefold() in _common_passwords():
        raise PasswordRejected(texts.PASSWORD_TOO_COMMON, field="password")
    if repeat is not None and password != repeat:
        raise PasswordMismatch(texts.PASSWORD_MISMATCH, field="password_repeat")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(
        password.encode("utf-8"), bcrypt.gensalt(rounds=settings.bcrypt_rounds)
    ).decode("ascii")


@cache
def _dummy_hash() -> bytes:
    return hash_password("kein-echtes-passwort-nur-fuer-gleiche-laufzeit").encode("ascii")


def verify_password(password: str, password_hash: str | None) -> bool:
    """Check a password; with no hash, spend the same bcrypt time and answer False."""
    candidate = password.encode("utf-8")
    if len(candidate) > MAX_BYTES:
        candidate = candidate[:MAX_BYTES]  # never stored that way, so it cannot match
        password_hash = None
    if password_hash is None:
        bcrypt.checkpw(candidate, _dummy_hash())
        return False
    return bcrypt.checkpw(candidate, password_hash.encode("ascii"))
