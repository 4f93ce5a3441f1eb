"""Two small HTTP endpoints that move the session token into an HttpOnly cookie and out again.

`/sitzung/start?code=…&next=…` exchanges the one-time handoff code of a fresh login for a new
session token, sets it as the cookie (and the device cookie, `services/devices.py`) and
redirects to `next` (a path on this site only).
`/sitzung/ende` ends the session on the server and removes the cookie. Both answer only to
navigations from the portal itself (Sec-Fetch-Site), so another site cannot log a visitor in
to its own account or out of theirs.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from portal_app import routes
from portal_app.services import devices, session_cookie, sessions


def _from_this_site(request: Request) -> bool:
    # Browsers without Fetch Metadata send no header; SameSite=Strict still protects them.
    return request.headers.get("sec-fetch-site", "same-origin") == "same-origin"


def _redirect(path: str) -> RedirectResponse:
    response = RedirectResponse(path, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    return response


async def start(request: Request) -> RedirectResponse:
    target = routes.safe_next(request.query_params.get("next"))
    if not _from_this_site(request):
        return _redirect(routes.login(target))
    token = await run_in_threadpool(sessions.take_handoff, request.query_params.get("code", ""))
    if token is None:
        return _redirect(routes.login(target))
    response = _redirect(target)
    response.headers.append("Set-Cookie", session_cookie.set_header(token))
    # this browser is now a known device of the account (services/devices.py)
    device = await run_in_threadpool(devices.remember, token, request.headers.get("cookie"))
    if device:
        response.headers.append("Set-Cookie", device)
    return response


async def end(request: Request) -> RedirectResponse:
    response = _redirect(routes.safe_next(request.query_params.get("next"), routes.HOME))
    if _from_this_site(request):
        token = session_cookie.read(request.headers.get("cookie"))
        await run_in_threadpool(sessions.logout, token)
        response.headers.append("Set-Cookie", session_cookie.clear_header())
    return response


def endpoints() -> Starlette:
    return Starlette(
        routes=[
            Route(routes.SESSION_START, start, methods=["GET"]),
            Route(routes.SESSION_END, end, methods=["GET"]),
        ]
    )
