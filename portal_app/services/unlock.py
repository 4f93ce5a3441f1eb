"""Freischalten: link an account to a Betrieb or a Person with the PIN sent by post.

Messages are specific only where they leak nothing: "used or expired" is said only to someone
who typed that very PIN; a wrong number and a wrong PIN get one answer. Failed tries count
in the database (audit log): 10 within an hour pause unlocking for the account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, col, func, select, update

from portal_app import texts
from portal_app.models import Account, Betrieb, Freischaltung, Person, Pin, PinRequest
from portal_app.services import audit, clock, db, mail, passwords, pins, registry
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.registry import NumberRejected

__all__ = [
    "AlreadyUnlocked",
    "Capabilities",
    "NumberRejected",
    "PinEmpty",
    "PinNotUsable",
    "PinRequestKindMissing",
    "TooManyRequests",
    "UnlockFailed",
    "UnlockPaused",
    "capabilities",
    "request_new_pin",
    "unlock_betrieb",
    "unlock_person",
]

FAILED = "freischaltung_fehlgeschlagen"
SUCCEEDED = "freischaltung"
PIN_REQUESTED = "pin_angefordert"
PAUSE_AFTER = 10
PAUSE_WINDOW = timedelta(hours=1)
REQUESTS_PER_DAY = 3


class UnlockFailed(PortalError):
    """Number or PIN wrong (one answer for both)."""


class PinEmpty(PortalError, ValueError):
    """No PIN typed."""


class PinNotUsable(PortalError):
    """The typed PIN is right but used, expired or voided; `message` says which."""


class UnlockPaused(PortalError):
    """Too many failed tries in the last hour."""


class AlreadyUnlocked(PortalError):
    """The account is already unlocked for this record (the PIN stays unused)."""


class PinRequestKindMissing(PortalError, ValueError):
    """Neither Betrieb nor Person chosen for a new-PIN request."""


class TooManyRequests(PortalError):
    """More than three new-PIN requests today."""


@dataclass(frozen=True)
class LinkView:
    label: str  # "Betrieb TS-1234567-0" / "Person 12345678"
    name: str


@dataclass(frozen=True)
class Capabilities:
    """What an account may use: general services always, the rest once unlocked."""

    betriebe: list[LinkView]
    personen: list[LinkView]

    @property
    def unlocked(self) -> bool:
        return bool(self.betriebe or self.personen)


def capabilities(account_id: int) -> Capabilities:
    with unit_of_work() as session:
        links = session.exec(
            select(Freischaltung).where(Freischaltung.account_id == account_id)
        ).all()
        betriebe, personen = [], []
        for link in links:
            if link.betrieb_id:
                betrieb = session.get(Betrieb, link.betrieb_id)
                label = f"{texts.BETRIEB} {registry.format_betriebsnummer(betrieb)}"
                betriebe.append(LinkView(label, betrieb.name))
            else:
                person = session.get(Person, link.person_id)
                personen.append(LinkView(f"{texts.PERSON} {person.kundennummer}", person.name))
        return Capabilities(betriebe=betriebe, personen=personen)


# --- unlocking --------------------------------------------------------------------------------


def _owner_column(record: Betrieb | Person):
    return Pin.betrieb_id if isinstance(record, Betrieb) else Pin.person_id


def _pins_of(session: Session, records: list) -> list[tuple[Betrieb | Person, Pin]]:
    """The newest few PINs of each record (enough to recognise a used or replaced one)."""
    found = []
    for record in records:
        rows = session.exec(
            select(Pin)
            .where(_owner_column(record) == record.id)
            .order_by(col(Pin.created_at).desc())
            .limit(3)
        )
        found.extend((record, pin) for pin in rows)
    return found


def _usable(pin: Pin) -> bool:
    return pin.used_at is None and pin.voided_at is None and pin.expires_at > clock.now()


def _paused(session: Session, account_id: int) -> bool:
    return audit.count_recent(session, account_id, FAILED, PAUSE_WINDOW) >= PAUSE_AFTER


def _count_wrong_try(session: Session, candidates: list[tuple], account_id: int, target: str):
    """Count the try on every usable PIN the number names (in SQL: parallel tries all count)."""
    now = clock.now()
    ids = [pin.id for _record, pin in candidates]
    if ids:
        usable = (
            col(Pin.id).in_(ids),
            col(Pin.used_at).is_(None),
            col(Pin.voided_at).is_(None),
            Pin.expires_at > now,
        )
        session.exec(update(Pin).where(*usable).values(failed_tries=Pin.failed_tries + 1))
        session.exec(
            update(Pin)
            .where(*usable, Pin.failed_tries >= pins.MAX_WRONG_TRIES)
            .values(voided_at=now)
        )
    audit.record(session, FAILED, account_id, target, "Nummer oder PIN falsch")


def _not_usable_message(pin: Pin) -> str:
    if pin.voided_at is not None and pin.failed_tries >= pins.MAX_WRONG_TRIES:
        return texts.UNLOCK_PIN_VOIDED
    return texts.UNLOCK_PIN_USED


def _link_exists(session: Session, account_id: int, record: Betrieb | Person) -> bool:
    column = Freischaltung.betrieb_id if isinstance(record, Betrieb) else Freischaltung.person_id
    return (
        session.exec(
            select(Freischaltung).where(Freischaltung.account_id == account_id, column == record.id)
        ).first()
        is not None
    )


def _finish(session: Session, account_id: int, record: Betrieb | Person, pin: Pin) -> LinkView:
    used = session.exec(
        update(Pin)
        .where(Pin.id == pin.id, col(Pin.used_at).is_(None), col(Pin.voided_at).is_(None))
        .values(used_at=clock.now())
    )
    if used.rowcount != 1:
        raise PinNotUsable(texts.UNLOCK_PIN_USED)
    session.add(
        Freischaltung(
            account_id=account_id,
            betrieb_id=record.id if isinstance(record, Betrieb) else None,
            person_id=record.id if isinstance(record, Person) else None,
            created_at=clock.now(),
        )
    )
    if isinstance(record, Betrieb):
        view = LinkView(f"{texts.BETRIEB} {registry.format_betriebsnummer(record)}", record.name)
    else:
        view = LinkView(f"{texts.PERSON} {record.kundennummer}", record.name)
    audit.record(session, SUCCEEDED, account_id, registry.audit_target(record))
    account = session.get(Account, account_id)
    mail.enqueue(
        session,
        account.email,
        texts.MAIL_UNLOCKED_SUBJECT,
        texts.MAIL_UNLOCKED_BODY.format(target=f"{view.label} ({view.name})"),
    )
    return view


def _unlock(
    account_id: int, find_records, target: str, raw_pin: str, failed_message: str, pin_field: str
) -> LinkView:
    pin_typed = pins.normalize_pin(raw_pin)
    if not pin_typed:
        raise PinEmpty(texts.PIN_EMPTY, field=pin_field)
    with unit_of_work() as session:
        if _paused(session, account_id):
            raise UnlockPaused(texts.UNLOCK_PAUSED)
        candidates = _pins_of(session, find_records(session))
    # bcrypt outside the transaction; with no candidate the same time is spent on a dummy
    match = next(
        ((r, p) for r, p in candidates if passwords.verify_password(pin_typed, p.pin_hash)), None
    )
    if not candidates:
        passwords.verify_password(pin_typed, None)
    # Failures are recorded (audit, wrong tries), so their exception is raised after the commit.
    with unit_of_work() as session:
        if match is None:
            _count_wrong_try(session, candidates, account_id, target)
            raise_after_commit = UnlockFailed(failed_message)
        else:
            record, pin = match
            pin = session.get(Pin, pin.id)
            if _link_exists(session, account_id, record):
                raise AlreadyUnlocked(texts.UNLOCK_ALREADY)
            if not _usable(pin):
                audit.record(session, FAILED, account_id, target, "PIN nicht mehr gültig")
                raise_after_commit = PinNotUsable(_not_usable_message(pin))
            else:
                return _finish(session, account_id, record, pin)
    raise raise_after_commit


def unlock_betrieb(account_id: int, raw_number: str, raw_pin: str) -> LinkView:
    """Unlock the account for the Betrieb; slow (bcrypt), call from a worker thread."""
    number = registry.parse_betriebsnummer(raw_number)
    return _unlock(
        account_id,
        lambda session: registry.find_betriebe(session, number),
        registry.AUDIT_BETRIEB.format(number.nummer),
        raw_pin,
        texts.UNLOCK_FAILED,
        pin_field="betriebsnummer-pin",
    )


def unlock_person(account_id: int, raw_number: str, raw_pin: str) -> LinkView:
    """Unlock the account for the Person; slow (bcrypt), call from a worker thread."""
    kundennummer = registry.parse_kundennummer(raw_number)

    def find(session: Session) -> list[Person]:
        person = registry.find_person(session, kundennummer)
        return [person] if person else []

    target = registry.AUDIT_PERSON.format(kundennummer)
    return _unlock(
        account_id, find, target, raw_pin, texts.UNLOCK_FAILED_PERSON, pin_field="kundennummer-pin"
    )


# --- new PIN ----------------------------------------------------------------------------------


def request_new_pin(account_id: int, art: str, raw_number: str) -> None:
    """Store the request and confirm it by mail; the same whether the number exists or not."""
    try:
        if art == "betrieb":
            parsed = registry.parse_betriebsnummer(raw_number)
            nummer = "-".join(p for p in (parsed.kreis, parsed.nummer, parsed.filiale) if p)
        elif art == "person":
            nummer = registry.parse_kundennummer(raw_number)
        else:
            raise PinRequestKindMissing(texts.PIN_REQUEST_KIND_MISSING, field="art")
    except NumberRejected as error:  # this form has one field for either number
        raise NumberRejected(error.message, field="nummer") from None
    with unit_of_work() as session:
        # Stored first, counted after (own row included), one request of the account at a time.
        db.serialize(session, f"pin-request:{account_id}")
        now = clock.now()
        session.add(PinRequest(account_id=account_id, art=art, nummer=nummer, created_at=now))
        session.flush()
        today = session.exec(
            select(func.count())
            .select_from(PinRequest)
            .where(PinRequest.account_id == account_id)
            .where(PinRequest.created_at > now - timedelta(days=1))
        ).one()
        if today > REQUESTS_PER_DAY:
            raise TooManyRequests(texts.PIN_REQUEST_TOO_MANY)  # rolls the request back
        audit.record(session, PIN_REQUESTED, account_id, f"{art} {nummer}")
        account = session.get(Account, account_id)
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_PIN_REQUEST_SUBJECT,
            texts.MAIL_PIN_REQUEST_BODY.format(nummer=nummer),
        )
