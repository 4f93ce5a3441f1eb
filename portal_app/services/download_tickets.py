"""Downloads over plain HTTP instead of the websocket: the download event checks ownership
(as before) and issues a ticket; the browser fetches `/datei/<ticket>`, which streams the file
from the store in chunks. A ticket works once, for a minute, and only with the login session
that asked for it (a ticket seen in a proxy log or a shared screen is worth nothing)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import and_, or_
from sqlmodel import col, delete, update

from portal_app import texts
from portal_app.models import DownloadTicket
from portal_app.services import clock, files, sessions, staff_login, tokens
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.files import StoredFile

VALID_FOR = timedelta(seconds=60)
TICKET_MAX_LENGTH = 100


class TicketInvalid(PortalError):
    """Unknown, used, expired, or not this login's ticket (one answer for all)."""


def issue(
    session_token: str,
    file: StoredFile,
    *,
    account_id: int | None = None,
    staff_id: int | None = None,
    generated: bool = False,
) -> str:
    """A ticket for the file, bound to this login (a member's or a staff member's); the caller
    has checked that the login may have the file. `generated`: the file was made for this
    download alone (a participant list, a PIN letter) and is removed once fetched (or when the
    ticket has expired)."""
    ticket = tokens.new_token()
    now = clock.now()
    with unit_of_work() as session:
        expired = session.exec(
            delete(DownloadTicket)
            .where(col(DownloadTicket.expires_at) < now)
            .returning(DownloadTicket.stored_name, DownloadTicket.generated)
        ).all()
        session.add(
            DownloadTicket(
                token_hash=tokens.hash_token(ticket),
                session_hash=tokens.hash_token(session_token),
                account_id=account_id,
                staff_id=staff_id,
                stored_name=file.stored_name,
                name=file.name,
                content_type=file.content_type,
                expires_at=now + VALID_FOR,
                generated=generated,
            )
        )
    for stored_name, made in expired:
        if made:
            files.delete(stored_name)
    return ticket


def issue_generated(
    session_token: str,
    name: str,
    content_type: str,
    data: bytes,
    *,
    staff_id: int | None = None,
    account_id: int | None = None,
) -> str:
    """A ticket for bytes made for this request (a participant list, an export, a member's
    "Meine Daten"): they go into the private store under a server-made name and are removed
    once fetched."""
    made = files.made(data)
    try:
        ticket = issue(
            session_token,
            StoredFile(name, content_type, made.name),
            staff_id=staff_id,
            account_id=account_id,
            generated=True,
        )
    except BaseException:
        made.discard()
        raise
    made.done()
    return ticket


def redeem(ticket: str, member_token: str = "", staff_token: str = "") -> tuple[StoredFile, Path]:
    """The file and its path in the store, once, for the login the ticket is bound to (from
    the request's member or staff cookie); TicketInvalid otherwise. Taking the ticket is one
    conditional UPDATE, so two requests racing with one ticket get one file. (`redeem_once`
    also says whether the file was made for this download.)"""
    file, path, _generated = redeem_once(ticket, member_token, staff_token)
    return file, path


def redeem_once(
    ticket: str, member_token: str = "", staff_token: str = ""
) -> tuple[StoredFile, Path, bool]:
    """As `redeem`, and whether the file is to be removed once sent (a generated file)."""
    if not ticket or len(ticket) > TICKET_MAX_LENGTH:
        raise TicketInvalid(texts.DOWNLOAD_TICKET_INVALID)
    holders = []
    account = sessions.current_account(member_token) if member_token else None  # not ended
    if account is not None:
        holders.append(_held_by(DownloadTicket.account_id, account.id, member_token))
    staff = staff_login.current_staff(staff_token) if staff_token else None
    if staff is not None:
        holders.append(_held_by(DownloadTicket.staff_id, staff.id, staff_token))
    if not holders:
        raise TicketInvalid(texts.DOWNLOAD_TICKET_INVALID)
    now = clock.now()
    with unit_of_work() as session:
        taken = session.exec(
            update(DownloadTicket)
            .where(col(DownloadTicket.token_hash) == tokens.hash_token(ticket))
            .where(or_(*holders))
            .where(col(DownloadTicket.used_at).is_(None))
            .where(col(DownloadTicket.expires_at) > now)
            .values(used_at=now)
            .returning(
                DownloadTicket.stored_name,
                DownloadTicket.name,
                DownloadTicket.content_type,
                DownloadTicket.generated,
            )
        ).first()
    if taken is None:
        raise TicketInvalid(texts.DOWNLOAD_TICKET_INVALID)
    stored_name, name, content_type, generated = taken
    return StoredFile(name, content_type, stored_name), files.path_of(stored_name), generated


def _held_by(column, holder_id: int, token: str):
    return and_(
        col(column) == holder_id, col(DownloadTicket.session_hash) == tokens.hash_token(token)
    )
