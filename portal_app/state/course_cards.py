"""Courses and bookings as the pages show them: German dates, prices and seat counts."""

from __future__ import annotations

import dataclasses

from portal_app import routes, texts
from portal_app.services.booking import BOOKED, WAITING, BookingView
from portal_app.services.courses import CourseView
from portal_app.state.formatting import local_date


def euro(cents: int) -> str:
    """1.350,00 € (German grouping and decimal comma)."""
    if cents == 0:
        return texts.PRICE_FREE
    grouped = f"{cents / 100:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{grouped} €"


def day(value) -> str:
    return local_date(value)


def period(start, end) -> str:
    return day(start) if start == end else f"{day(start)} – {day(end)}"


@dataclasses.dataclass
class CourseCard:
    id: int = 0
    code: str = ""
    title: str = ""
    category: str = ""
    description: str = ""
    location: str = ""
    dates: str = ""
    schedule: str = ""
    price: str = ""
    seats: str = ""
    seats_left: int = 0
    deadline: str = ""
    href: str = ""
    bookable: bool = False
    closed_note: str = ""  # why it takes no booking (deadline passed, course cancelled)


def course_card(view: CourseView) -> CourseCard:
    return CourseCard(
        id=view.id,
        code=view.code,
        title=view.title,
        category=view.category,
        description=view.description,
        location=view.location,
        dates=period(view.starts_on, view.ends_on),
        schedule=view.schedule,
        price=euro(view.price_cents),
        seats=str(view.seats_left) if view.seats_left > 0 else texts.COURSE_SEATS_NONE,
        seats_left=view.seats_left,
        deadline=day(view.booking_deadline),
        href=routes.course(view.id),
        bookable=view.bookable,
        closed_note=texts.BOOKING_COURSE_CANCELLED
        if view.cancelled
        else texts.BOOKING_CLOSED_SHORT,
    )


@dataclasses.dataclass
class BookingCard:
    id: int
    title: str
    href: str
    dates: str
    location: str
    participant: str
    status: str
    cancellable: bool
    cancel_label: str
    betrieb: str = ""


def status_text(view: BookingView) -> str:
    if view.status == BOOKED:
        return texts.STATUS_BOOKED
    if view.status == WAITING:
        return texts.STATUS_WAITING.format(position=view.waiting_position)
    return texts.STATUS_CANCELLED


def booking_card(view: BookingView) -> BookingCard:
    return BookingCard(
        id=view.id,
        title=view.course_title,
        href=routes.course(view.course_id),
        dates=period(view.starts_on, view.ends_on),
        location=view.location,
        participant=view.participant_name,
        status=status_text(view),
        cancellable=view.cancellable,
        cancel_label=texts.CANCEL_BUTTON_LABEL.format(title=view.course_title),
        betrieb=view.betrieb,
    )
