"""The whole upload request is capped, not only each file: at most as many bytes as one
upload's files may have together (and a megabyte for the form's framing). A request that says
it is longer is answered 413 before it is read; one that does not say (chunked) is cut off at
the cap, which the upload handler sees as the browser going away (nothing half-stored)."""

from __future__ import annotations

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal_app import texts
from portal_app.services import documents
from portal_app.settings import settings

UPLOAD_PATH = "/_upload"
FRAMING = 1024 * 1024


def request_cap() -> int:
    return documents.FILES_PER_UPLOAD * settings.upload_max_bytes + FRAMING


class UploadLimit:
    def __init__(self, app: ASGIApp, limit: int | None = None, path: str = UPLOAD_PATH):
        self.app = app
        self.limit = request_cap() if limit is None else limit
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.path):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await PlainTextResponse(texts.UPLOAD_REQUEST_TOO_LARGE, status_code=413)(
                scope, receive, send
            )
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)
