"""Freischalten: link an account to a Betrieb or a Person with the PIN sent by post.

Messages are specific only where they leak nothing: "used or expired" is said only to someone
who typed that very PIN; a wrong number and a wrong PIN get one answer, in the same time (every
try spends `PIN_CHECKS` bcrypt checks, on dummies where the number has fewer PINs or none).

Wrong tries, and the rule that a stranger can at most block themselves:
- Every try is counted (an `unlock_try` row) before its PIN is checked, one try of an account
  at a time, so parallel tries cannot slip past the count; a right PIN deletes it again.
- Per account: 10 tries within an hour pause unlocking for the account for that hour.
- Per account and typed number ("betrieb:1234567", "person:12345678", counted alike whether the
  number exists or not): 5 tries within 24 hours pause *that account* for *that number* until
  24 hours after the first of them. The letter stays valid for everyone else.
- Per PIN across accounts: the letter is voided only once wrong PINs for its number came from
  `VOID_AFTER_ACCOUNTS` different accounts since it was issued. One account (however many
  tries) never voids it; with the limits above, an account can only shut itself out.
PINs are random (31^8 possibilities), so these limits keep guessing hopeless without voiding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, delete, func, select, update

from portal_app import texts
from portal_app.models import (
    Account,
    Betrieb,
    Freischaltung,
    Person,
    Pin,
    PinRequest,
    UnlockTry,
)
from portal_app.services import (
    audit,
    clock,
    dates,
    db,
    departments,
    inbox,
    mail,
    pins,
    postfach,
    registry,
    team,
)
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
    "UnlockNumberPaused",
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
TRIES_PER_NUMBER = 5
NUMBER_WINDOW = timedelta(hours=24)
VOID_AFTER_ACCOUNTS = 10
PIN_CHECKS = 2  # bcrypt checks per try: usable PINs first, then the newest used or voided one
REQUESTS_PER_DAY = 3


class UnlockFailed(PortalError):
    """Number or PIN wrong (one answer for both)."""


class PinEmpty(PortalError, ValueError):
    """No PIN typed."""


class PinNotUsable(PortalError):
    """The typed PIN is right but used, expired or voided; `message` says which."""


class UnlockPaused(PortalError):
    """Too many failed tries in the last hour."""


class UnlockNumberPaused(UnlockPaused):
    """Too many failed tries of this account for this number; others are not affected."""


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


def _aware(moment: datetime) -> datetime:
    # SQLite hands aggregates back without the time zone the column type adds.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _count_try(session: Session, account_id: int, number_key: str) -> UnlockTry:
    """Count a try before its PIN is checked; raise UnlockPaused (the try then does not count,
    as the transaction rolls back) if the account or the account on this number is paused.

    One try of an account at a time: the row is written first (on SQLite the first write takes
    the one write lock; on PostgreSQL an advisory lock per account), then the tries before it are
    counted, finished or not.
    """
    db.serialize(session, f"unlock:{account_id}")
    now = clock.now()
    session.exec(delete(UnlockTry).where(col(UnlockTry.at) < now - pins.LIFETIME))
    this_try = UnlockTry(at=now, account_id=account_id, number_key=number_key)
    session.add(this_try)
    session.flush()
    earlier = (UnlockTry.account_id == account_id, UnlockTry.id < this_try.id)
    in_hour = session.exec(
        select(func.count()).where(*earlier, UnlockTry.at > now - PAUSE_WINDOW)
    ).one()
    if in_hour >= PAUSE_AFTER:
        raise UnlockPaused(texts.UNLOCK_PAUSED)
    on_number, first = session.exec(
        select(func.count(), func.min(UnlockTry.at)).where(
            *earlier, UnlockTry.number_key == number_key, UnlockTry.at > now - NUMBER_WINDOW
        )
    ).one()
    if on_number >= TRIES_PER_NUMBER:
        until = dates.format_datetime(_aware(first) + NUMBER_WINDOW)
        raise UnlockNumberPaused(texts.UNLOCK_NUMBER_PAUSED.format(until=until))
    return this_try


def failing_accounts(session: Session, number_key: str, since: datetime) -> int:
    """How many different accounts typed a wrong PIN for the number since `since`."""
    return session.exec(
        select(func.count(func.distinct(UnlockTry.account_id))).where(
            UnlockTry.number_key == number_key, col(UnlockTry.failed), UnlockTry.at >= since
        )
    ).one()


def _count_wrong_try(
    session: Session, this_try: UnlockTry, candidates: list[tuple], target: str
) -> None:
    """The try's PIN was wrong: mark it failed, count it on every usable PIN the number names,
    and void those that have now had wrong tries from `VOID_AFTER_ACCOUNTS` accounts."""
    db.serialize(session, f"unlock-number:{this_try.number_key}")
    session.exec(update(UnlockTry).where(UnlockTry.id == this_try.id).values(failed=True))
    now = clock.now()
    for _record, pin in candidates:
        usable = (
            Pin.id == pin.id,
            col(Pin.used_at).is_(None),
            col(Pin.voided_at).is_(None),
            Pin.expires_at > now,
        )
        session.exec(update(Pin).where(*usable).values(failed_tries=Pin.failed_tries + 1))
        if failing_accounts(session, this_try.number_key, pin.created_at) >= VOID_AFTER_ACCOUNTS:
            session.exec(update(Pin).where(*usable).values(voided_at=now))
    audit.record(session, FAILED, this_try.account_id, target, "Nummer oder PIN falsch")


def _not_usable_message(session: Session, pin: Pin, number_key: str) -> str:
    if (
        pin.voided_at is not None
        and failing_accounts(session, number_key, pin.created_at) >= VOID_AFTER_ACCOUNTS
    ):
        return texts.UNLOCK_PIN_VOIDED
    return texts.UNLOCK_PIN_USED


def _to_check(candidates: list[tuple]) -> list[tuple]:
    """The PINs a try is checked against: every usable one, then the newest others, at least
    `PIN_CHECKS` in all where there are so many (the caller pads with dummy checks)."""
    usable = [c for c in candidates if _usable(c[1])]
    others = sorted((c for c in candidates if not _usable(c[1])), key=lambda c: c[1].created_at)
    return usable + others[::-1][: max(0, PIN_CHECKS - len(usable))]


def _link_of(session: Session, account_id: int, record: Betrieb | Person) -> Freischaltung | None:
    column = Freischaltung.betrieb_id if isinstance(record, Betrieb) else Freischaltung.person_id
    return session.exec(
        select(Freischaltung).where(Freischaltung.account_id == account_id, column == record.id)
    ).first()


def _finish(
    session: Session,
    account_id: int,
    record: Betrieb | Person,
    pin: Pin,
    member: Freischaltung | None = None,
) -> LinkView:
    used = session.exec(
        update(Pin)
        .where(Pin.id == pin.id, col(Pin.used_at).is_(None), col(Pin.voided_at).is_(None))
        .values(used_at=clock.now())
    )
    if used.rowcount != 1:
        raise PinNotUsable(texts.UNLOCK_PIN_USED)
    if member is not None:
        # a colleague in the team redeems the Betrieb's PIN and becomes its administrator: the
        # chamber's way to a new one when the last has gone (services/verzeichnis.py)
        member.verwalter, member.rollen = True, ""
        session.add(member)
        target = registry.audit_target(record)
        audit.record(session, team.AUDIT_ADMIN_ADDED, account_id, target, "PIN")
        postfach.rights_changed(session, account_id)
    else:
        session.add(
            Freischaltung(
                account_id=account_id,
                betrieb_id=record.id if isinstance(record, Betrieb) else None,
                person_id=record.id if isinstance(record, Person) else None,
                created_at=clock.now(),
                # the PIN's account becomes the Betrieb's administrator (services/team.py)
                verwalter=isinstance(record, Betrieb),
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
    account_id: int,
    find_records,
    number_key: str,
    target: str,
    raw_pin: str,
    failed_message: str,
    pin_field: str,
) -> LinkView:
    pin_typed = pins.normalize_pin(raw_pin)
    if not pin_typed:
        raise PinEmpty(texts.PIN_EMPTY, field=pin_field)
    with unit_of_work() as session:
        this_try = _count_try(session, account_id, number_key)
        candidates = _to_check(_pins_of(session, find_records(session)))
    # bcrypt outside the transaction, always PIN_CHECKS times: dummies where there are fewer
    # PINs (or no such number), so the answer takes as long either way
    matches = [(r, p) for r, p in candidates if pins.verify_pin(pin_typed, p.pin_hash)]
    for _ in range(PIN_CHECKS - len(candidates)):
        pins.verify_pin(pin_typed, None)
    # Failures are recorded (audit, wrong tries), so their exception is raised after the commit.
    with unit_of_work() as session:
        if not matches:
            _count_wrong_try(session, this_try, candidates, target)
            raise_after_commit = UnlockFailed(failed_message)
        else:
            # the right PIN was typed: no guess, whatever happens next
            session.exec(delete(UnlockTry).where(UnlockTry.id == this_try.id))
            record, pin = matches[0]
            pin = session.get(Pin, pin.id)
            link = _link_of(session, account_id, record)
            if link is not None and (link.verwalter or link.person_id is not None):
                raise_after_commit = AlreadyUnlocked(texts.UNLOCK_ALREADY)
            elif not _usable(pin):
                audit.record(session, FAILED, account_id, target, "PIN nicht mehr gültig")
                raise_after_commit = PinNotUsable(_not_usable_message(session, pin, number_key))
            else:
                return _finish(session, account_id, record, pin, link)
    raise raise_after_commit


def unlock_betrieb(account_id: int, raw_number: str, raw_pin: str) -> LinkView:
    """Unlock the account for the Betrieb; slow (bcrypt), call from a worker thread."""
    number = registry.parse_betriebsnummer(raw_number)
    return _unlock(
        account_id,
        lambda session: registry.find_betriebe(session, number),
        f"betrieb:{number.nummer}",
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
        account_id,
        find,
        f"person:{kundennummer}",
        target,
        raw_pin,
        texts.UNLOCK_FAILED_PERSON,
        pin_field="kundennummer-pin",
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
        request = PinRequest(account_id=account_id, art=art, nummer=nummer, created_at=now)
        session.add(request)
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
        inbox.receive(
            session,
            kind=inbox.KIND_PIN,
            # a Betrieb's PIN letters come from the Handwerksrolle, a person's from Ausbildung
            department=departments.HANDWERKSROLLE if art == "betrieb" else departments.AUSBILDUNG,
            account_id=account_id,
            sender=texts.INBOX_PIN_SENDER.format(
                kind=texts.BETRIEB if art == "betrieb" else texts.PERSON, number=nummer
            ),
            sender_email=account.email,
            subject=texts.INBOX_PIN_SUBJECT,
            pin_request_id=request.id,
        )
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_PIN_REQUEST_SUBJECT,
            texts.MAIL_PIN_REQUEST_BODY.format(nummer=nummer),
        )
