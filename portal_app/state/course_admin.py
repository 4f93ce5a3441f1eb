"""Events of the course administration /verwaltung/kurse: the list, a new course, one course
with its participants, waiting list and lists. Every handler is `@guard(STAFF)`; the service
refuses anyone outside Bildung who is no administrator (services/course_admin.py), whatever
ids the event carries."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import course_admin, courses, departments, spreadsheet
from portal_app.services.course_admin import AdminCourseRow, CourseAdminRefused, RosterEntry
from portal_app.services.dates import format_date
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.state.downloads import hand_out_made_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_datetime
from portal_app.state.session import STAFF, SessionState, guard, parse_id

CATEGORY_CHOICES = list(courses.CATEGORIES)
FIELDS = course_admin.FIELDS
# whose pages these are (and administrators')
DEPARTMENTS = (departments.BILDUNG,)


def _seats(row: AdminCourseRow) -> str:
    return texts.STAFF_COURSES_SEATS.format(
        booked=row.booked, capacity=row.capacity, waiting=row.waiting
    )


def _course_row(row: AdminCourseRow) -> dict[str, str]:
    return {
        "id": str(row.id),
        "href": routes.staff_course(row.id),
        "code": row.code,
        "title": row.title,
        "dates": f"{format_date(row.starts_on)} – {format_date(row.ends_on)}",
        "location": row.location,
        "seats": _seats(row),
        "cancelled": "1" if row.cancelled else "",
        "open_label": texts.STAFF_COURSES_OPEN.format(code=row.code, title=row.title),
    }


def _entry(entry: RosterEntry) -> dict[str, str]:
    return {
        "id": str(entry.booking_id),
        "name": entry.name,
        "born": format_date(entry.birth_date),
        "email": entry.email,
        "account": entry.account_email or "–",
        "since": local_datetime(entry.booked_at),
        "position": str(entry.position),
        "cancel_label": texts.STAFF_COURSE_CANCEL_BOOKING_LABEL.format(name=entry.name),
        "move_label": texts.STAFF_COURSE_MOVE_UP_LABEL.format(name=entry.name),
    }


class StaffCoursesState(Feedback, SessionState):
    """The list of courses: a word search, pages of 20."""

    rows: list[dict[str, str]] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    text: str = ""

    async def _reload(self, staff: StaffView):
        try:
            found = await asyncio.to_thread(course_admin.listing, staff, self.text, self.page)
        except CourseAdminRefused:
            return rx.redirect(routes.STAFF_INBOX)
        self.rows = [_course_row(r) for r in found.rows]
        self.total, self.page, self.pages = found.total, found.page, found.pages
        return None

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.text, self.page = "", 1
        return await self._reload(staff)

    @guard(STAFF)
    async def search(self, staff: StaffView, form_data: dict):
        self.text = str(form_data.get("suche") or "")[: course_admin.MAX_QUERY_LENGTH].strip()
        self.page = 1
        refusal = await self._reload(staff)
        self._announce(texts.STAFF_COURSES_COUNT.format(count=self.total))
        return refusal

    @guard(STAFF)
    async def turn(self, staff: StaffView, step: int):
        self.page = max(1, self.page + (1 if step == 1 else -1))
        refusal = await self._reload(staff)
        self._announce(texts.COURSES_PAGE.format(page=self.page, pages=self.pages))
        return refusal


class StaffCourseNewState(Feedback, SessionState):
    """ "Neuen Kurs anlegen": the import's rules, each error at its field."""

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        if not course_admin.may_manage(staff):
            return rx.redirect(routes.STAFF_INBOX)
        return None

    @guard(STAFF)
    async def create(self, staff: StaffView, form_data: dict):
        self._clear_feedback()
        values = {name: str(form_data.get(name) or "")[:5000] for name in FIELDS}
        try:
            course_id = await asyncio.to_thread(course_admin.create, staff, values)
        except CourseAdminRefused:
            return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            return self._fail(error)
        return rx.redirect(routes.staff_course(course_id, created=True))


class StaffCourseState(Feedback, SessionState):
    """One course: its data to change, participants, waiting list, the lists, cancelling."""

    # the course id from the URL, kept on the server (an event cannot change it)
    _course_id: int = 0
    found: bool = False
    heading: str = ""
    facts: str = ""
    cancelled: bool = False
    booked: list[dict[str, str]] = []
    waiting: list[dict[str, str]] = []
    values: dict[str, str] = {}
    form_key: int = 0
    done: str = ""
    asking_cancel: bool = False

    async def _show(self, staff: StaffView) -> None:
        try:
            found = await asyncio.to_thread(course_admin.roster, staff, self._course_id)
            values = await asyncio.to_thread(course_admin.form_values, staff, self._course_id)
        except courses.CourseNotFound:
            self.found = False
            return
        course = found.course
        self.found = True
        self.heading = f"{course.code} – {course.title}"
        self.facts = texts.STAFF_COURSE_FACTS.format(
            start=format_date(course.starts_on),
            end=format_date(course.ends_on),
            location=course.location,
            seats=_seats(course),
        )
        self.cancelled = course.cancelled
        self.booked = [_entry(e) for e in found.booked]
        self.waiting = [_entry(e) for e in found.waiting]
        self.values = values
        self.form_key += 1

    async def _act(self, staff: StaffView, action, *args, done) -> list | rx.event.EventSpec:
        """Run a service action; on success show `done` (a text, or a function of the
        action's result) and the course anew."""
        self._clear_feedback()
        self.done, self.asking_cancel = "", False
        try:
            result = await asyncio.to_thread(action, staff, self._course_id, *args)
        except CourseAdminRefused:
            return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            await self._show(staff)
            return self._fail(error)
        self.done = done(result) if callable(done) else done
        self._announce(self.done)
        await self._show(staff)
        return []

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.done, self.asking_cancel = "", False
        if not course_admin.may_manage(staff):
            return rx.redirect(routes.STAFF_INBOX)
        self._course_id = parse_id(self.router.page.params.get("kurs_id", "")) or 0
        await self._show(staff)
        if self.found and self.router.page.params.get("angelegt") == "1":
            self.done = texts.STAFF_COURSE_CREATED.format(code=self.values.get("kurs_nr", ""))
            self._announce(self.done)
        return None

    @guard(STAFF)
    async def save(self, staff: StaffView, form_data: dict):
        values = {name: str(form_data.get(name) or "")[:5000] for name in FIELDS}
        return await self._act(
            staff, course_admin.update_course, values, done=texts.STAFF_COURSE_SAVED
        )

    @guard(STAFF)
    async def move_up(self, staff: StaffView, booking_id):
        booking = parse_id(booking_id)
        if booking is None:
            return self._fail(texts.STAFF_COURSE_BOOKING_GONE)
        return await self._act(
            staff,
            course_admin.move_up,
            booking,
            done=lambda name: texts.STAFF_COURSE_MOVED_UP.format(name=name),
        )

    @guard(STAFF)
    async def cancel_booking(self, staff: StaffView, booking_id):
        booking = parse_id(booking_id)
        if booking is None:
            return self._fail(texts.STAFF_COURSE_BOOKING_GONE)
        return await self._act(
            staff,
            course_admin.cancel_booking,
            booking,
            done=lambda name: texts.STAFF_COURSE_BOOKING_CANCELLED.format(name=name),
        )

    @guard(STAFF)
    async def ask_cancel(self, staff: StaffView):
        self.asking_cancel = course_admin.may_manage(staff) and not self.cancelled

    @guard(STAFF)
    async def keep_course(self, _staff: StaffView):
        self.asking_cancel = False

    @guard(STAFF)
    async def cancel_course(self, staff: StaffView):
        return await self._act(
            staff,
            course_admin.cancel_course,
            done=lambda count: texts.STAFF_COURSE_CANCEL_DONE.format(count=count),
        )

    async def _download(self, staff: StaffView, make, content_type: str):
        try:
            name, data = await asyncio.to_thread(make, staff, self._course_id)
        except CourseAdminRefused:
            return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            return rx.toast.error(str(error))
        return await hand_out_made_to_staff(self._staff_token(), staff.id, name, content_type, data)

    @guard(STAFF)
    async def download_pdf(self, staff: StaffView):
        return await self._download(staff, course_admin.participant_pdf, course_admin.PDF_TYPE)

    @guard(STAFF)
    async def download_csv(self, staff: StaffView):
        return await self._download(staff, course_admin.participant_csv, spreadsheet.CONTENT_TYPE)
