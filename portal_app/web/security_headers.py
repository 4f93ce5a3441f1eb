"""Security headers on every HTTP response of the server: pages, scripts, styles, API,
the cookie endpoints and 404s alike.

The Content-Security-Policy allows scripts only from the portal itself plus the inline scripts
of the production build, each by its SHA-256 hash (read once from the built HTML files).
Styles may be inline: the component library sets style attributes at run time.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.DOTALL | re.I)


def inline_script_hashes(html_dir: Path) -> list[str]:
    """The CSP hash sources of every inline script in the built HTML files, sorted."""
    found = set()
    for html in html_dir.rglob("*.html"):
        for body in INLINE_SCRIPT.findall(html.read_text("utf-8", errors="replace")):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def content_security_policy(script_hashes: list[str]) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def header_set(script_hashes: list[str], https: bool) -> list[tuple[str, str]]:
    headers = [
        ("Content-Security-Policy", content_security_policy(script_hashes)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ]
    if https:
        headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    return headers


class SecurityHeaders:
    """ASGI middleware: adds the headers to every HTTP response (websockets pass through)."""

    def __init__(self, app: ASGIApp, html_dir: Callable[[], Path], https: bool):
        self.app = app
        self._html_dir = html_dir
        self._https = https

    @cache  # noqa: B019 (one instance for the life of the process)
    def _headers(self) -> list[tuple[str, str]]:
        # Read at the first request, when the production build is certainly in place.
        return header_set(inline_script_hashes(self._html_dir()), self._https)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self._headers():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
