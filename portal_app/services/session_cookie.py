"""The session cookie: HttpOnly (page scripts cannot read it), SameSite=Strict, Path=/,
Secure and `__Host-` prefixed when the portal is served over HTTPS.

Only the HTTP endpoints in `portal_app.web` set and clear it; the state reads it from the
websocket handshake's Cookie header. The device cookie (`services/devices.py`) has the same
attributes and outlives logins.
"""

from __future__ import annotations

from portal_app.settings import settings

SECURE = settings.base_url.startswith("https://")
NAME = "__Host-kp_sitzung" if SECURE else "kp_sitzung"


def read(cookie_header: str | None, name: str = NAME) -> str:
    """The value of the cookie `name` (the session token) in a Cookie request header, or ""."""
    for part in (cookie_header or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip()
    return ""


def attributes(max_age: int) -> str:
    """HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS; kept for `max_age` seconds."""
    secure = "; Secure" if SECURE else ""
    return f"Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"


def set_header(token: str) -> str:
    """The Set-Cookie value that keeps a session token (as long as a session may last)."""
    return f"{NAME}={token}; {attributes(settings.session_absolute_hours * 3600)}"


def clear_header() -> str:
    """The Set-Cookie value that removes the session cookie."""
    return f"{NAME}=; {attributes(0)}"
