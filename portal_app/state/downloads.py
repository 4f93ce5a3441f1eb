"""What the document, Vorlagen and SEPA states share: ids from the browser, file downloads."""

from __future__ import annotations

import reflex as rx


def as_id(value) -> int | None:
    """An id the browser sent, as int; anything else (text, bool, float) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 12:
        return int(value)
    return None


def send_file(name: str, content_type: str, data: bytes) -> rx.event.EventSpec:
    """Hand the bytes to the browser as a download with their name and content type."""
    return rx.download(data=data, filename=name, mime_type=content_type)
