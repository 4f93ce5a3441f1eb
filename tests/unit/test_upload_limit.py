"""The cap on a whole upload request: a declared length over it is refused before reading, an
undeclared body is cut off at it, other paths and smaller uploads pass untouched."""

from __future__ import annotations

import asyncio

from portal_app.services import documents
from portal_app.settings import settings
from portal_app.web.upload_limit import UploadLimit, request_cap


def _run(limit: int, path: str, chunks: list[bytes], length: int | None):
    seen: dict = {"body": b"", "disconnected": False, "status": None}

    async def app(scope, receive, send):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                seen["disconnected"] = True
                return
            seen["body"] += message.get("body", b"")
            if not message.get("more_body"):
                return

    messages = [
        {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]

    async def receive():
        return messages.pop(0)

    async def send(message):
        if message["type"] == "http.response.start":
            seen["status"] = message["status"]

    headers = [(b"content-length", str(length).encode())] if length is not None else []
    scope = {"type": "http", "path": path, "method": "POST", "headers": headers}
    asyncio.run(UploadLimit(app, limit=limit)(scope, receive, send))
    return seen


def test_a_declared_length_over_the_cap_is_refused_unread():
    seen = _run(100, "/_upload", [b"x" * 10], length=101)
    assert seen["status"] == 413 and seen["body"] == b""


def test_an_undeclared_body_is_cut_off_at_the_cap():
    seen = _run(100, "/_upload", [b"x" * 60, b"x" * 60, b"x" * 60], length=None)
    assert seen["disconnected"] and len(seen["body"]) == 60


def test_smaller_uploads_and_other_paths_pass():
    assert _run(100, "/_upload", [b"x" * 50, b"x" * 50], length=100)["body"] == b"x" * 100
    assert len(_run(100, "/ping", [b"x" * 500], length=500)["body"]) == 500


def test_the_cap_is_one_uploads_files_and_a_megabyte():
    expected = documents.FILES_PER_UPLOAD * settings.upload_max_bytes + 1024 * 1024
    assert request_cap() == expected
