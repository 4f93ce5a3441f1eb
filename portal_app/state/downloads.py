"""File downloads of the document, Vorlagen and SEPA states."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes
from portal_app.services import download_tickets
from portal_app.services.files import StoredFile


async def hand_out(session_token: str, account_id: int, file: StoredFile) -> rx.event.EventSpec:
    """Let the browser fetch a stored file over HTTP, streamed (the caller checked that the
    account may have it): a single-use ticket for this login, then a download of its URL."""
    ticket = await asyncio.to_thread(
        download_tickets.issue, session_token, file, account_id=account_id
    )
    return rx.download(url=routes.download(ticket), filename=file.name)


async def hand_out_to_staff(
    staff_token: str, staff_id: int, file: StoredFile, *, generated: bool = False
) -> rx.event.EventSpec:
    """The same for a staff member's login (the caller checked the item's department).
    `generated`: a file made for this download only (a PIN letter)."""
    ticket = await asyncio.to_thread(
        download_tickets.issue, staff_token, file, staff_id=staff_id, generated=generated
    )
    return rx.download(url=routes.download(ticket), filename=file.name)


def send_file(name: str, content_type: str, data: bytes) -> rx.event.EventSpec:
    """Hand bytes made for this request (a PDF of a few kB) to the browser as a download."""
    return rx.download(data=data, filename=name, mime_type=content_type)


async def hand_out_made_to_staff(
    staff_token: str, staff_id: int, name: str, content_type: str, data: bytes
) -> rx.event.EventSpec:
    """Bytes made for a staff member's request (a participant list, an export) through a
    single-use ticket of their login, like a stored file; the bytes go once fetched."""
    ticket = await asyncio.to_thread(
        download_tickets.issue_generated, staff_token, name, content_type, data, staff_id=staff_id
    )
    return rx.download(url=routes.download(ticket), filename=name)


async def hand_out_made(
    session_token: str, account_id: int, name: str, content_type: str, data: bytes
) -> rx.event.EventSpec:
    """Bytes made for a member's request ("Meine Daten") through a single-use ticket of their
    login; the bytes go once fetched."""
    ticket = await asyncio.to_thread(
        download_tickets.issue_generated,
        session_token,
        name,
        content_type,
        data,
        account_id=account_id,
    )
    return rx.download(url=routes.download(ticket), filename=name)
