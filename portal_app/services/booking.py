"""Booking a course, the waiting list, cancelling.

Seats are counted by the database: a booking takes a seat with

    UPDATE course SET booked = booked + 1 WHERE id = :id AND booked < capacity

and only a changed row means a seat was free. Concurrent bookings therefore never overbook, on
SQLite (one writer at a time) as on PostgreSQL (the row lock re-checks the condition). A unique
constraint on (course, participant) refuses a second active booking of the same person.

One account cannot fill a course or its waiting list with made-up people: it holds at most
`PORTAL_BOOKINGS_PER_COURSE` active bookings in one course and makes at most
`PORTAL_BOOKINGS_PER_DAY` bookings within 24 hours. The new booking is written first and the
account's bookings counted after (own row included), one booking of an account at a time, so
parallel tries cannot slip past the limits.

Mails about a booking go only to the booking account's own confirmed address; the participant
is named in them but never mailed (the address typed for a participant is unverified, and the
name is free text).

A member who holds a Betrieb's team role Kurse may book for the Betrieb's staff: the booking
names the Betrieb (`betrieb_id`), checked at every booking (services/roles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select, update

from portal_app import routes, texts
from portal_app.models import Account, Betrieb, Booking, Course
from portal_app.services import clock, db, mail, registry, roles
from portal_app.services.courses import CourseNotFound, _get
from portal_app.services.dates import DateInvalid, format_date, parse_date
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, normalize_email
from portal_app.services.errors import PortalError
from portal_app.settings import settings

BOOKED = "gebucht"
WAITING = "warteliste"
CANCELLED = "storniert"
NAME_MAX_LENGTH = 120
ACTIVE = (BOOKED, WAITING)
DAY = timedelta(hours=24)

__all__ = [
    "AlreadyBooked",
    "BookingClosed",
    "BookingLimitReached",
    "CourseFull",
    "CourseNotFound",
    "ParticipantInvalid",
]


class BookingError(PortalError):
    """A booking or cancellation the rules refuse; the message is German for the member."""


class CourseFull(BookingError):
    """No seat left; the member may join the waiting list."""


class AlreadyBooked(BookingError):
    """This participant already has a seat or a waiting-list place in this course."""


class BookingClosed(BookingError):
    """The booking deadline has passed (booking and cancelling end with it)."""


class BookingLimitReached(BookingError):
    """The account has as many bookings in this course, or made today, as one account may."""


class BookingForBetriebRefused(BookingError):
    """The account does not hold the role Kurse of the Betrieb it booked for."""

    def __init__(self):
        super().__init__(texts.BOOKING_BETRIEB_REFUSED, field="betrieb")


class BookingNotFound(BookingError):
    """No such booking of this account (or it is cancelled already)."""


class ParticipantInvalid(PortalError, ValueError):
    """The participant's details are incomplete; `errors` maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(texts.FORM_HAS_ERRORS, errors=errors)


@dataclass(frozen=True)
class Participant:
    name: str
    birth_date: date
    email: str

    @property
    def key(self) -> str:
        """The same person, however the name was spaced or capitalised."""
        return f"{' '.join(self.name.casefold().split())}|{self.birth_date.isoformat()}"


@dataclass(frozen=True)
class BookingView:
    id: int
    course_id: int
    course_title: str
    starts_on: date
    ends_on: date
    location: str
    participant_name: str
    status: str
    waiting_position: int  # 1 = next to move up; 0 when not waiting
    cancellable: bool
    created_at: datetime
    betrieb: str = ""  # booked for this Betrieb's staff ("" = privately)


@dataclass(frozen=True)
class BetriebChoice:
    id: int
    label: str


def betriebe_to_book_for(account_id: int) -> list[BetriebChoice]:
    """The Betriebe whose staff the account may book for (team role Kurse), in number order."""
    with unit_of_work() as session:
        ids = roles.betrieb_ids_with_role(session, account_id, roles.KURSE)
        rows = session.exec(select(Betrieb).where(col(Betrieb.id).in_(ids))).all() if ids else []
        return [
            BetriebChoice(b.id, _betrieb_label(b))
            for b in sorted(rows, key=registry.format_betriebsnummer)
        ]


def _betrieb_label(betrieb: Betrieb) -> str:
    return f"{texts.BETRIEB} {registry.format_betriebsnummer(betrieb)} – {betrieb.name}"


def check_participant(name: str, birth_date: str, email: str, terms: bool = True) -> Participant:
    """Trim and check the participant's details (and the accepted terms); collect every
    problem at once."""
    errors = {}  # in the order of the form, so the first bad field gets the focus
    name = " ".join((name or "").split())
    if not name:
        errors["participant_name"] = texts.BOOKING_NAME_EMPTY
    elif len(name) > NAME_MAX_LENGTH or not re.search(r"\w", name):
        errors["participant_name"] = texts.BOOKING_NAME_INVALID
    born = None
    if not (birth_date or "").strip():
        errors["birth_date"] = texts.FORM_REQUIRED.format(label=texts.BOOKING_BIRTH_DATE)
    else:
        try:
            born = parse_date(birth_date)
        except DateInvalid as error:
            errors["birth_date"] = str(error)
    if born is not None and not date(1900, 1, 1) <= born <= clock.today():
        errors["birth_date"] = texts.BOOKING_BIRTH_DATE_INVALID
    normalized = ""
    try:
        normalized = normalize_email(email)
    except EmailRejected as error:
        errors["participant_email"] = str(error)
    if not terms:
        errors["terms"] = texts.BOOKING_TERMS_MISSING
    if errors:
        raise ParticipantInvalid(errors)
    return Participant(name, born, normalized)


def serialize_account(session: Session, account_id: int) -> None:
    """From here to the commit, no other transaction that calls this for the account runs
    (bookings, the account's deletion): see `db.serialize`."""
    db.serialize(session, f"booking-account:{account_id}")


def take_seat(session: Session, course_id: int) -> bool:
    result = session.exec(
        update(Course)
        .where(
            Course.id == course_id,
            Course.booked < Course.capacity,
            col(Course.cancelled_at).is_(None),
        )
        .values(booked=Course.booked + 1)
    )
    return result.rowcount == 1


def book(
    account_id: int,
    course_id: int,
    participant: Participant,
    terms: bool,
    waitlist: bool = False,
    betrieb_id: int | None = None,
) -> str:
    """Book a seat (or, with `waitlist`, a waiting-list place if the course is full), with
    `betrieb_id` for that Betrieb's staff.

    Returns BOOKED or WAITING. Raises CourseFull, AlreadyBooked, BookingClosed,
    BookingLimitReached, CourseNotFound, BookingForBetriebRefused.
    One transaction: the seat, the booking and the confirmation mail, or none of them.
    """
    if not terms:
        raise ParticipantInvalid({"terms": texts.BOOKING_TERMS_MISSING})
    try:
        with unit_of_work() as session:
            if not session.exec(select(Course.id).where(Course.id == course_id)).first():
                raise CourseNotFound(course_id)
            if betrieb_id is not None and not roles.has_role(
                session, account_id, betrieb_id, roles.KURSE
            ):
                raise BookingForBetriebRefused
            # PostgreSQL: one booking of this account at a time from here to the commit, so
            # the count below sees the account's other bookings (before any row lock: no
            # deadlock with the seat's row lock).
            serialize_account(session, account_id)
            # First write of the transaction: on SQLite this takes the write lock, so every
            # read below sees the latest committed state.
            seat = take_seat(session, course_id)
            course = _get(session, course_id)
            if course.cancelled_at is not None:
                raise BookingClosed(texts.BOOKING_COURSE_CANCELLED)
            if clock.today() > course.booking_deadline:
                raise BookingClosed(texts.BOOKING_CLOSED)
            if not seat and not waitlist:
                raise CourseFull(texts.BOOKING_FULL)
            status = BOOKED if seat else WAITING
            session.add(
                Booking(
                    course_id=course_id,
                    account_id=account_id,
                    participant_name=participant.name,
                    participant_birth_date=participant.birth_date,
                    participant_email=participant.email,
                    participant_key=participant.key,
                    status=status,
                    created_at=clock.now(),
                    betrieb_id=betrieb_id,
                )
            )
            session.flush()
            _check_limits(session, account_id, course_id)  # rolls all of it back
            betrieb = session.get(Betrieb, betrieb_id) if betrieb_id is not None else None
            _mail_booking(session, account_id, course, participant, status, betrieb)
            return status
    except IntegrityError:
        raise AlreadyBooked(_already_booked(account_id, course_id, participant)) from None


def _already_booked(account_id: int, course_id: int, participant: Participant) -> str:
    """Why the participant cannot be booked: this account has booked them already, or another
    account has (perhaps a stranger who typed their name and birth date: then whom to ask)."""
    with unit_of_work() as session:
        holder = session.exec(
            select(Booking.account_id).where(
                Booking.course_id == course_id, Booking.participant_key == participant.key
            )
        ).first()
    return texts.BOOKING_TWICE if holder == account_id else texts.BOOKING_TAKEN_ELSEWHERE


def _count(session: Session, *conditions) -> int:
    return session.exec(select(func.count()).select_from(Booking).where(*conditions)).one()


def _check_limits(session: Session, account_id: int, course_id: int) -> None:
    """Raise BookingLimitReached if the account's bookings (the new one included) exceed a
    limit: active ones in this course, or all made within 24 hours (cancelled ones too, so
    booking and cancelling in turn gains nothing)."""
    in_course = _count(
        session,
        Booking.account_id == account_id,
        Booking.course_id == course_id,
        col(Booking.status).in_(ACTIVE),
    )
    if in_course > settings.bookings_per_course:
        raise BookingLimitReached(
            texts.BOOKING_LIMIT_COURSE.format(limit=settings.bookings_per_course)
        )
    today = _count(
        session, Booking.account_id == account_id, Booking.created_at > clock.now() - DAY
    )
    if today > settings.bookings_per_day:
        raise BookingLimitReached(texts.BOOKING_LIMIT_DAY.format(limit=settings.bookings_per_day))


def recipients(session: Session, account_id: int | None) -> list[str]:
    """Only the booking account's own address, and only once it is confirmed: what a member
    typed (a participant's name, an address) never reaches an address nobody verified."""
    account = session.get(Account, account_id) if account_id is not None else None
    if account is None or account.confirmed_at is None:
        return []
    return [account.email]


def course_lines(course: Course) -> str:
    return texts.MAIL_COURSE_LINES.format(
        title=course.title,
        code=course.code,
        start=format_date(course.starts_on),
        end=format_date(course.ends_on),
        schedule=course.schedule,
        location=course.location,
        link=settings.base_url + routes.course(course.id),
    )


def _mail_booking(
    session, account_id, course, participant: Participant, status: str, betrieb: Betrieb | None
) -> None:
    subject, body = (
        (texts.MAIL_BOOKED_SUBJECT, texts.MAIL_BOOKED_BODY)
        if status == BOOKED
        else (texts.MAIL_WAITING_SUBJECT, texts.MAIL_WAITING_BODY)
    )
    lines = course_lines(course)
    if betrieb is not None:
        lines += "\n" + texts.BOOKING_MAIL_FOR_BETRIEB.format(betrieb=_betrieb_label(betrieb))
    text = body.format(
        name=participant.name,
        course=lines,
        bookings_link=settings.base_url + routes.MY_BOOKINGS,
    )
    for recipient in recipients(session, account_id):
        mail.enqueue(session, recipient, subject.format(title=course.title), text)


def _promote_first_waiting(session: Session, course: Course) -> Booking | None:
    """Give a freed seat to the first on the waiting list (None if nobody waits)."""
    while True:
        first = session.exec(
            select(Booking)
            .where(Booking.course_id == course.id, Booking.status == WAITING)
            .order_by(Booking.id)
            .limit(1)
        ).first()
        if first is None:
            return None
        moved = session.exec(
            update(Booking)
            .where(Booking.id == first.id, Booking.status == WAITING)
            .values(status=BOOKED)
        )
        if moved.rowcount == 1:
            session.refresh(first)
            return first


def _cancel_if(session: Session, account_id: int | None, booking_id: int, status: str) -> bool:
    """`account_id` None: a booking whose account is gone (the chamber cancels it)."""
    holder = (
        col(Booking.account_id).is_(None)
        if account_id is None
        else col(Booking.account_id) == account_id
    )
    result = session.exec(
        update(Booking)
        .where(Booking.id == booking_id, holder, Booking.status == status)
        .values(status=CANCELLED, participant_key=None, cancelled_at=clock.now())
    )
    return result.rowcount == 1


def cancel(account_id: int, booking_id: int) -> Booking | None:
    """Cancel a booking of this account until the deadline. A freed seat goes to the first on
    the waiting list, who is mailed; returns that booking (or None).

    Conditional UPDATEs make a double click or a second tab cancel only once.
    """
    with unit_of_work() as session:
        return cancel_in(session, account_id, booking_id, until_deadline=True)


def cancel_in(
    session: Session, account_id: int | None, booking_id: int, *, until_deadline: bool
) -> Booking | None:
    """Cancel in the caller's transaction: the seat goes to the first waiting (mailed) or is
    freed; the account is mailed. `until_deadline`: refuse after the booking deadline."""
    had_seat = _cancel_if(session, account_id, booking_id, BOOKED)
    if not had_seat and not _cancel_if(session, account_id, booking_id, WAITING):
        raise BookingNotFound(texts.BOOKING_NOT_FOUND)
    booking = session.get(Booking, booking_id)
    session.refresh(booking)
    course = _get(session, booking.course_id)
    if until_deadline and clock.today() > course.booking_deadline:
        raise BookingClosed(texts.CANCEL_CLOSED)  # rolls the cancellation back
    _mail_cancelled(session, booking, course)
    if not had_seat:
        return None
    promoted = _promote_first_waiting(session, course)
    if promoted is None:
        session.exec(update(Course).where(Course.id == course.id).values(booked=Course.booked - 1))
        return None
    mail_moved_up(session, promoted, course)
    return promoted


def cancel_all_of(session: Session, account_id: int) -> int:
    """For the deletion of an account, in its transaction: cancel the account's active
    bookings of courses that have not begun, each as `cancel` does (the seat goes to the first
    waiting, who is mailed, or is freed; the account is mailed while it still exists), after
    the booking deadline too. Bookings of courses that have begun stay as they are. Returns how
    many were cancelled. Course by course in id order, so two deletions never wait for each
    other's row locks in a circle."""
    ids = session.exec(
        select(Booking.id)
        .join(Course, col(Course.id) == Booking.course_id)
        .where(
            Booking.account_id == account_id,
            col(Booking.status).in_(ACTIVE),
            Course.starts_on > clock.today(),
        )
        # its waiting places first, so none of them moves up into a seat it frees
        .order_by(Booking.course_id, col(Booking.status) == BOOKED, Booking.id)
    ).all()
    cancelled = 0
    for booking_id in ids:
        try:
            cancel_in(session, account_id, booking_id, until_deadline=False)
        except BookingNotFound:  # cancelled a moment ago in another tab
            continue
        cancelled += 1
    return cancelled


def _mail_cancelled(session: Session, booking: Booking, course: Course) -> None:
    text = texts.MAIL_CANCELLED_BODY.format(
        name=booking.participant_name, course=course_lines(course)
    )
    subject = texts.MAIL_CANCELLED_SUBJECT.format(title=course.title)
    for recipient in recipients(session, booking.account_id):
        mail.enqueue(session, recipient, subject, text)


def mail_moved_up(session: Session, booking: Booking, course: Course) -> None:
    text = texts.MAIL_MOVED_UP_BODY.format(
        name=booking.participant_name,
        course=course_lines(course),
        bookings_link=settings.base_url + routes.MY_BOOKINGS,
    )
    subject = texts.MAIL_MOVED_UP_SUBJECT.format(title=course.title)
    for recipient in recipients(session, booking.account_id):
        mail.enqueue(session, recipient, subject, text)


def bookings_of(account_id: int) -> list[BookingView]:
    """The account's bookings, newest course first; cancelled ones at the end."""
    with unit_of_work() as session:
        rows = session.exec(
            select(Booking, Course, Betrieb)
            .join(Course, col(Course.id) == Booking.course_id)
            .join(Betrieb, col(Betrieb.id) == Booking.betrieb_id, isouter=True)
            .where(Booking.account_id == account_id)
            .order_by(col(Booking.status) == CANCELLED, Course.starts_on, Booking.id)
        ).all()
        first_day = clock.today()
        return [
            BookingView(
                id=booking.id,
                course_id=course.id,
                course_title=course.title,
                starts_on=course.starts_on,
                ends_on=course.ends_on,
                location=course.location,
                participant_name=booking.participant_name,
                status=booking.status,
                waiting_position=_position(session, booking) if booking.status == WAITING else 0,
                cancellable=booking.status != CANCELLED and first_day <= course.booking_deadline,
                created_at=booking.created_at,
                betrieb=_betrieb_label(betrieb) if betrieb else "",
            )
            for booking, course, betrieb in rows
        ]


def _position(session: Session, booking: Booking) -> int:
    ahead = session.exec(
        select(func.count())
        .select_from(Booking)
        .where(
            Booking.course_id == booking.course_id,
            Booking.status == WAITING,
            Booking.id < booking.id,
        )
    ).one()
    return ahead + 1
