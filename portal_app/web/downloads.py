"""`GET /datei/<ticket>`: a stored file, streamed from the store in chunks (not as base64
over the websocket). The download event has checked ownership and issued the ticket; here
the ticket is taken once, with the cookie of the login it is bound to, a member's or a staff
member's (see services/download_tickets.py)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from portal_app import routes
from portal_app.services import download_tickets, files, session_cookie, staff_cookie


async def download(request: Request) -> Response:
    cookies = request.headers.get("cookie")
    try:
        file, path, delete_after = await run_in_threadpool(
            download_tickets.redeem_once,
            request.path_params["ticket"],
            session_cookie.read(cookies),
            staff_cookie.read(cookies),
        )
    except download_tickets.TicketInvalid as refusal:
        return PlainTextResponse(str(refusal), status_code=404)
    return FileResponse(
        path,
        media_type=file.content_type,
        filename=file.name,  # Content-Disposition: attachment, with filename* (RFC 6266)
        headers={"Cache-Control": "no-store"},
        # a file made for this one download (a PIN letter) leaves the store once sent
        background=BackgroundTask(files.delete, file.stored_name) if delete_after else None,
    )


def endpoints() -> Starlette:
    return Starlette(routes=[Route(routes.DOWNLOAD + "/{ticket}", download, methods=["GET"])])
