"""Events of a course's page: show it, book it (or join its waiting list)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import booking, courses
from portal_app.services.sessions import AccountView
from portal_app.state.course_cards import CourseCard, course_card
from portal_app.state.feedback import Feedback
from portal_app.state.session import MEMBER, VISITOR, SessionState, guard, parse_id

FOR_SELF = "selbst"
FOR_OTHER = "andere"
BETRIEB_KEY = "betrieb-"


def betrieb_of(raw) -> int | None:
    """The Betrieb a booking form names ("" = none; the service checks the role). Raises
    BookingForBetriebRefused for anything that names no Betrieb."""
    if not raw:
        return None
    betrieb_id = parse_id(raw.removeprefix(BETRIEB_KEY)) if isinstance(raw, str) else None
    if betrieb_id is None or not raw.startswith(BETRIEB_KEY):
        raise booking.BookingForBetriebRefused
    return betrieb_id


class CourseDetailState(Feedback, SessionState):
    course: CourseCard = CourseCard()
    found: bool = False
    checked: bool = False
    for_whom: str = FOR_SELF
    done: str = ""
    # the Betriebe whose staff the member may book for (team role Kurse): key, label
    betriebe: list[dict[str, str]] = []
    _course_id: int = 0

    @guard(VISITOR)
    async def load(self, account: AccountView | None):
        self.checked = self.found = False
        self._clear_feedback()
        self.done, self.for_whom = "", FOR_SELF
        choices = (
            await asyncio.to_thread(booking.betriebe_to_book_for, account.id) if account else []
        )
        self.betriebe = [{"key": f"{BETRIEB_KEY}{c.id}", "label": c.label} for c in choices]
        raw = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        self._course_id = parse_id(raw) or 0
        await self._refresh()
        self.checked = True

    async def _refresh(self):
        try:
            view = await asyncio.to_thread(courses.get, self._course_id)
        except courses.CourseNotFound:
            self.found = False
            return
        self.course = course_card(view)
        self.found = True

    @rx.event
    def choose(self, for_whom: str):
        self.for_whom = FOR_OTHER if for_whom == FOR_OTHER else FOR_SELF

    @rx.var
    def login_href(self) -> str:
        return routes.login(self.course.href)

    @guard(MEMBER)
    async def book(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        self.done = ""
        email = account.email if self.for_whom == FOR_SELF else form_data.get("participant_email")
        try:
            participant = booking.check_participant(
                str(form_data.get("participant_name", "")),
                str(form_data.get("birth_date", "")),
                str(email or ""),
                form_data.get("terms") == "on",
            )
            status = await asyncio.to_thread(
                booking.book,
                account.id,
                self._course_id,
                participant,
                form_data.get("terms") == "on",
                self.course.seats_left <= 0,
                betrieb_of(form_data.get("betrieb")),
            )
        except booking.ParticipantInvalid as error:
            return self._fail(error)
        except courses.CourseNotFound:
            self.found = False
            events = None
        except (
            booking.CourseFull,
            booking.AlreadyBooked,
            booking.BookingClosed,
            booking.BookingLimitReached,
            booking.BookingForBetriebRefused,
        ) as error:
            events = self._fail(error)  # full a moment ago: the page offers the waiting list
        else:
            done = texts.BOOKING_DONE if status == booking.BOOKED else texts.BOOKING_WAITING_DONE
            self._succeed(done)
            self.done = done
            events = None
        await self._refresh()
        return events
