"""The staff session cookie, beside the members' (services/session_cookie.py) and apart from
it: another name, the same attributes (HttpOnly, SameSite=Strict, Path=/, Secure and the
`__Host-` prefix over HTTPS). A member's cookie never opens a staff page, nor the other way.
"""

from __future__ import annotations

from portal_app.services.session_cookie import SECURE
from portal_app.settings import settings

NAME = "__Host-kp_verwaltung" if SECURE else "kp_verwaltung"


def read(cookie_header: str | None) -> str:
    """The staff session token in a Cookie request header, or ""."""
    for part in (cookie_header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == NAME:
            return value.strip()
    return ""


def _attributes(max_age: int) -> str:
    secure = "; Secure" if SECURE else ""
    return f"Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"


def set_header(token: str) -> str:
    return f"{NAME}={token}; {_attributes(settings.session_absolute_hours * 3600)}"


def clear_header() -> str:
    return f"{NAME}=; {_attributes(0)}"
