"""The staff's cookie endpoints, like the members' (web/session_endpoints.py) with the staff
cookie: `/verwaltung/sitzung/start?code=…&next=…` swaps a login's one-time code for the
HttpOnly staff cookie; `/verwaltung/sitzung/ende` ends the staff session and clears it. Both
answer only to navigations from the portal itself (Sec-Fetch-Site)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from portal_app import routes
from portal_app.services import staff_cookie, staff_login
from portal_app.web.session_endpoints import _from_this_site, _redirect


async def start(request: Request) -> RedirectResponse:
    target = routes.staff_next(request.query_params.get("next"))
    if not _from_this_site(request):
        return _redirect(routes.staff_login(target))
    code = request.query_params.get("code", "")
    token = await run_in_threadpool(staff_login.take_handoff, code)
    if token is None:
        return _redirect(routes.staff_login(target))
    response = _redirect(target)
    response.headers.append("Set-Cookie", staff_cookie.set_header(token))
    return response


async def end(request: Request) -> RedirectResponse:
    response = _redirect(routes.STAFF_LOGGED_OUT)
    if _from_this_site(request):
        token = staff_cookie.read(request.headers.get("cookie"))
        await run_in_threadpool(staff_login.logout, token)
        response.headers.append("Set-Cookie", staff_cookie.clear_header())
    return response


def endpoints() -> Starlette:
    return Starlette(
        routes=[
            Route(routes.STAFF_SESSION_START, start, methods=["GET"]),
            Route(routes.STAFF_SESSION_END, end, methods=["GET"]),
        ]
    )
