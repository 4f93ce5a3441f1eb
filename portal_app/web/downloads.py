"""`GET /datei/<ticket>`: a stored file, streamed from the store in chunks (not as base64
over the websocket). The download event has checked ownership and issued the ticket; here
the ticket is taken once, with the cookie of the login it is bound to, a member's or a staff
member's (see services/download_tickets.py)."""

from __future__ import annotations

from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from portal_app import routes
from portal_app.services import download_tickets, files, session_cookie, staff_cookie


async def download(request: Request) -> Response:
    cookies = request.headers.get("cookie")
    try:
        file, path, generated = await run_in_threadpool(
            download_tickets.redeem_once,
            request.path_params["ticket"],
            session_cookie.read(cookies),
            staff_cookie.read(cookies),
        )
    except download_tickets.TicketInvalid as refusal:
        return PlainTextResponse(str(refusal), status_code=404)
    if generated:
        return _once(file, path)
    return FileResponse(
        path,
        media_type=file.content_type,
        filename=file.name,  # Content-Disposition: attachment, with filename* (RFC 6266)
        headers={"Cache-Control": "no-store"},
    )


def _once(file, path) -> StreamingResponse:
    """A file made for this one download (a PIN letter, a participant list): streamed by us
    and deleted once the last chunk is out or the browser went away. (FileResponse may hand
    the path to the server to send later, ASGI `pathsend`, so a deletion after it could come
    before the bytes.)"""

    def chunks():
        try:
            with path.open("rb") as stored:
                while chunk := stored.read(64 * 1024):
                    yield chunk
        finally:
            files.delete(file.stored_name)

    quoted = quote(file.name)
    disposition = (
        f"attachment; filename*=utf-8''{quoted}"
        if quoted != file.name
        else f'attachment; filename="{file.name}"'
    )
    headers = {
        "Cache-Control": "no-store",
        "Content-Disposition": disposition,
        "Content-Length": str(path.stat().st_size),
    }
    return StreamingResponse(chunks(), media_type=file.content_type, headers=headers)


def endpoints() -> Starlette:
    return Starlette(routes=[Route(routes.DOWNLOAD + "/{ticket}", download, methods=["GET"])])
