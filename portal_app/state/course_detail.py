"""Events of a course's page: show it, book it (or join its waiting list)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import booking, courses
from portal_app.services.sessions import AccountView
from portal_app.state.course_cards import CourseCard, course_card
from portal_app.state.feedback import Feedback
from portal_app.state.session import MEMBER, SessionState, guard, parse_id

FOR_SELF = "selbst"
FOR_OTHER = "andere"


class CourseDetailState(Feedback, SessionState):
    course: CourseCard = CourseCard()
    found: bool = False
    checked: bool = False
    for_whom: str = FOR_SELF
    done: str = ""
    _course_id: int = 0

    @rx.event
    async def load(self):
        self.checked = self.found = False
        self._clear_feedback()
        self.done, self.for_whom = "", FOR_SELF
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
        ) as error:
            events = self._fail(error)  # full a moment ago: the page offers the waiting list
        else:
            done = texts.BOOKING_DONE if status == booking.BOOKED else texts.BOOKING_WAITING_DONE
            self._succeed(done)
            self.done = done
            events = None
        await self._refresh()
        return events
