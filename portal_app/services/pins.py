"""Unlock PINs: made by operators, sent by post, stored as a hash, used once.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), valid 90 days. Wrong
tries pause the account that makes them and void a letter only when many accounts made them
(the rules: `services/unlock.py`). Issuing a new PIN voids the older one and closes open
requests for the record.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from portal_app.models import Account, Betrieb, Person, Pin, PinRequest
from portal_app.services import audit, clock, passwords, registry
from portal_app.services.db import unit_of_work

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
LIFETIME = timedelta(days=90)


class RecordNotFound(LookupError):
    """No Betrieb or Person with that number in the registry."""


def new_pin() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_pin(raw: str) -> str:
    """What the member typed, as the PIN is stored: no spaces, one letter case."""
    return "".join((raw or "").split()).casefold().upper()


@dataclass(frozen=True)
class IssuedPin:
    pin: str
    target: str  # e.g. "Betrieb TS-1234567-0" for the operator's output
    recipient: Betrieb | Person
    expires_at: datetime


def _issue(session: Session, record: Betrieb | Person) -> IssuedPin:
    now = clock.now()
    owner = Pin.betrieb_id if isinstance(record, Betrieb) else Pin.person_id
    session.exec(
        update(Pin)
        .where(owner == record.id)
        .where(col(Pin.used_at).is_(None), col(Pin.voided_at).is_(None))
        .values(voided_at=now)
    )
    pin = new_pin()
    session.add(
        Pin(
            betrieb_id=record.id if isinstance(record, Betrieb) else None,
            person_id=record.id if isinstance(record, Person) else None,
            pin_hash=passwords.hash_password(pin),
            created_at=now,
            expires_at=now + LIFETIME,
        )
    )
    _close_requests(session, record)
    audit.record(session, "pin_ausgestellt", None, registry.audit_target(record))
    return IssuedPin(pin, registry.audit_target(record), record, now + LIFETIME)


def _close_requests(session: Session, record: Betrieb | Person) -> None:
    if isinstance(record, Betrieb):
        art, numbers = "betrieb", [record.betriebsnummer]
    else:
        art, numbers = "person", [record.kundennummer]
    open_requests = session.exec(
        select(PinRequest).where(PinRequest.art == art, col(PinRequest.done_at).is_(None))
    )
    for request in open_requests:
        if _request_number(request) in numbers:
            request.done_at = clock.now()


def _request_number(request: PinRequest) -> str:
    if request.art == "betrieb":
        return registry.parse_betriebsnummer(request.nummer).nummer
    return registry.parse_kundennummer(request.nummer)


def issue_for_betrieb(raw_number: str) -> IssuedPin:
    """A new PIN for the Betrieb; the number must name exactly one branch."""
    number = registry.parse_betriebsnummer(raw_number)
    with unit_of_work() as session:
        found = registry.find_betriebe(session, number)
        if not found:
            raise RecordNotFound(raw_number)
        if len(found) > 1:
            raise RecordNotFound(
                f"{raw_number} nennt mehrere Filialen; bitte mit Filiale angeben, "
                f"z. B. {registry.format_betriebsnummer(found[0])}"
            )
        return _issue(session, found[0])


def issue_for_person(raw_number: str) -> IssuedPin:
    kundennummer = registry.parse_kundennummer(raw_number)
    with unit_of_work() as session:
        person = registry.find_person(session, kundennummer)
        if person is None:
            raise RecordNotFound(raw_number)
        return _issue(session, person)


@dataclass(frozen=True)
class OpenRequest:
    id: int
    art: str
    nummer: str
    created_at: datetime
    account_email: str


def open_requests() -> list[OpenRequest]:
    """Requests for a new PIN that no operator has answered yet, oldest first."""
    with unit_of_work() as session:
        rows = session.exec(
            select(PinRequest, Account)
            .join(Account, isouter=True)
            .where(col(PinRequest.done_at).is_(None))
            .order_by(PinRequest.created_at)
        )
        return [
            OpenRequest(r.id, r.art, r.nummer, r.created_at, a.email if a else "") for r, a in rows
        ]
