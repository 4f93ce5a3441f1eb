"""Unlock PINs: made by operators, sent by post, stored as a hash, used once.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), valid 90 days. Wrong
tries pause the account that makes them and void a letter only when many accounts made them
(the rules: `services/unlock.py`). Issuing a new PIN voids the older one and closes open
requests for the record.
"""

from __future__ import annotations

import os
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import bcrypt
from sqlmodel import Session, col, select, update

from portal_app import texts
from portal_app.models import Account, Betrieb, Person, Pin, PinRequest, Vorgang, VorgangEintrag
from portal_app.services import audit, clock, inbox, registry
from portal_app.services.db import unit_of_work
from portal_app.settings import settings

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
LIFETIME = timedelta(days=90)
# bcrypt cost of PIN hashes: the portal's cost, at most PIN_ROUNDS_MAX. A PIN is random
# (31^8 ≈ 8.5 · 10^11), valid 90 days, used once and its tries are throttled; cost 10 keeps an
# offline search of one PIN at years of GPU time while the yearly mailing of thousands of
# letters takes minutes instead of half an hour (bench/pin_letters.py, bench/RESULTS.md).
PIN_ROUNDS_MAX = 10
AUDIT_ISSUED = "pin_ausgestellt"


def pin_rounds() -> int:
    return min(settings.bcrypt_rounds, PIN_ROUNDS_MAX)


def hash_pin(pin: str) -> str:
    return bcrypt.hashpw(pin.encode("ascii"), bcrypt.gensalt(rounds=pin_rounds())).decode("ascii")


def hash_pins(pins: list[str]) -> list[str]:
    """The hashes of many PINs, on every core (bcrypt releases the interpreter lock)."""
    if len(pins) < 2:
        return [hash_pin(pin) for pin in pins]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(hash_pin, pins))


@cache
def _dummy_hash() -> bytes:
    return hash_pin("KEINEPIN").encode("ascii")


def verify_pin(typed: str, pin_hash: str | None) -> bool:
    """Check a typed PIN (normalised) against a hash; with none, spend the time of one check
    at the PINs' cost and answer False."""
    candidate = typed.encode("utf-8")[:72]
    if pin_hash is None:
        bcrypt.checkpw(candidate, _dummy_hash())
        return False
    return bcrypt.checkpw(candidate, pin_hash.encode("ascii"))


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


def issue_for_record(
    session: Session,
    record: Betrieb | Person,
    *,
    staff_id: int | None = None,
    pin: str = "",
    pin_hash: str = "",
    now: datetime | None = None,
) -> IssuedPin:
    """A new PIN for the record in the caller's transaction: older unused ones are void, open
    requests for the record are closed (their inbox items done). `pin`, `pin_hash` and `now`
    when the caller hashed it and wrote its letter already (many letters at once)."""
    now = now or clock.now()
    owner = Pin.betrieb_id if isinstance(record, Betrieb) else Pin.person_id
    session.exec(
        update(Pin)
        .where(owner == record.id)
        .where(col(Pin.used_at).is_(None), col(Pin.voided_at).is_(None))
        .values(voided_at=now)
    )
    if not pin:
        pin = new_pin()
        pin_hash = hash_pin(pin)
    session.add(
        Pin(
            betrieb_id=record.id if isinstance(record, Betrieb) else None,
            person_id=record.id if isinstance(record, Person) else None,
            pin_hash=pin_hash,
            created_at=now,
            expires_at=now + LIFETIME,
        )
    )
    _close_requests(session, record, staff_id)
    audit.record(session, AUDIT_ISSUED, None, registry.audit_target(record), staff_id=staff_id)
    return IssuedPin(pin, registry.audit_target(record), record, now + LIFETIME)


def _issue(session: Session, record: Betrieb | Person) -> IssuedPin:
    return issue_for_record(session, record)


def open_requests_of(session: Session, record: Betrieb | Person) -> list[PinRequest]:
    """The record's open requests for a new PIN, oldest first (a request names the seven
    digits of a Betrieb, so every branch's page shows it)."""
    art = "betrieb" if isinstance(record, Betrieb) else "person"
    number = record.betriebsnummer if isinstance(record, Betrieb) else record.kundennummer
    found = session.exec(
        select(PinRequest)
        .where(PinRequest.art == art, col(PinRequest.done_at).is_(None))
        .where(col(PinRequest.nummer).contains(number))
        .order_by(col(PinRequest.created_at), col(PinRequest.id))
    )
    return [request for request in found if _request_number(request) == number]


def _close_requests(session: Session, record: Betrieb | Person, staff_id: int | None) -> None:
    now = clock.now()
    for request in open_requests_of(session, record):
        request.done_at = now
        item = session.exec(select(Vorgang).where(Vorgang.pin_request_id == request.id)).first()
        if item is not None and item.status != inbox.DONE:
            item.status = inbox.DONE
            session.add(item)
            session.add(
                VorgangEintrag(
                    vorgang_id=item.id,
                    at=now,
                    staff_id=staff_id,
                    action=inbox.STATUS_SET,
                    note=texts.PIN_REQUEST_CLOSED_NOTE,
                )
            )


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
