"""File downloads of the document, Vorlagen and SEPA states."""

from __future__ import annotations

import reflex as rx


def send_file(name: str, content_type: str, data: bytes) -> rx.event.EventSpec:
    """Hand the bytes to the browser as a download with their name and content type."""
    return rx.download(data=data, filename=name, mime_type=content_type)
