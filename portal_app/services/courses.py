"""The course catalogue: search, filter and page through courses in SQL, one course in detail.

Filtering, counting and paging happen in the database (indexes on category, location and start
date), so a catalogue of thousands of courses answers as fast as one of forty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from portal_app import texts
from portal_app.models import Course
from portal_app.services import clock
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError

CATEGORIES = (
    "Meisterschule",
    "Weiterbildung",
    "Ausbildereignung",
    "Sachkunde/Schweißen",
    "Betriebswirtschaft",
    "Digitalisierung",
)
PAGE_SIZE = 10
MAX_QUERY_LENGTH = 100


class CourseNotFound(PortalError, LookupError):
    """No course with this id."""

    def __init__(self, course_id: int):
        super().__init__(texts.COURSE_NOT_FOUND)
        self.course_id = course_id


@dataclass(frozen=True)
class CourseQuery:
    """What the member asked for. Empty values mean "any"."""

    text: str = ""
    category: str = ""
    location: str = ""
    start_from: date | None = None
    start_until: date | None = None
    newest_first: bool = False
    page: int = 1


@dataclass(frozen=True)
class CourseView:
    id: int
    code: str
    title: str
    category: str
    description: str
    location: str
    starts_on: date
    ends_on: date
    schedule: str
    price_cents: int
    capacity: int
    seats_left: int
    booking_deadline: date
    bookable: bool  # the booking deadline has not passed and the course is not cancelled
    cancelled: bool = False  # the chamber cancelled the course (services/course_admin.py)


@dataclass(frozen=True)
class CoursePage:
    courses: list[CourseView]
    total: int
    page: int
    pages: int


def search_key(*parts: str) -> str:
    """The text the search compares against: case-folded, single spaces."""
    return " ".join(" ".join(parts).casefold().split())


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def view_of(course: Course) -> CourseView:
    return CourseView(
        id=course.id,
        code=course.code,
        title=course.title,
        category=course.category,
        description=course.description,
        location=course.location,
        starts_on=course.starts_on,
        ends_on=course.ends_on,
        schedule=course.schedule,
        price_cents=course.price_cents,
        capacity=course.capacity,
        seats_left=course.capacity - course.booked,
        booking_deadline=course.booking_deadline,
        bookable=clock.today() <= course.booking_deadline and course.cancelled_at is None,
        cancelled=course.cancelled_at is not None,
    )


def _conditions(query: CourseQuery, first_day: date) -> list:
    conditions = [
        Course.starts_on >= max(first_day, query.start_from or first_day),
        col(Course.cancelled_at).is_(None),  # a cancelled course is not offered
    ]
    if query.start_until:
        conditions.append(Course.starts_on <= query.start_until)
    if query.category:
        conditions.append(Course.category == query.category)
    if query.location:
        conditions.append(Course.location == query.location)
    for word in search_key(query.text[:MAX_QUERY_LENGTH]).split():
        conditions.append(col(Course.search_text).like(like_pattern(word), escape="\\"))
    return conditions


def search(query: CourseQuery) -> CoursePage:
    """Courses that have not started yet and match every given criterion, one page of them,
    sorted by start date (then title). Every word of the text must occur somewhere."""
    conditions = _conditions(query, clock.today())
    order = col(Course.starts_on).desc() if query.newest_first else col(Course.starts_on)
    with unit_of_work() as session:
        total = session.exec(select(func.count()).select_from(Course).where(*conditions)).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, query.page), pages)
        rows = session.exec(
            select(Course)
            .where(*conditions)
            .order_by(order, Course.title, Course.id)
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        return CoursePage([view_of(row) for row in rows], total, page, pages)


def locations() -> list[str]:
    """Every place with an upcoming course, for the location filter."""
    with unit_of_work() as session:
        return list(
            session.exec(
                select(Course.location)
                .where(Course.starts_on >= clock.today(), col(Course.cancelled_at).is_(None))
                .distinct()
                .order_by(Course.location)
            )
        )


def get(course_id: int) -> CourseView:
    with unit_of_work() as session:
        return view_of(_get(session, course_id))


def _get(session: Session, course_id: int) -> Course:
    course = session.get(Course, course_id)
    if course is None:
        raise CourseNotFound(course_id)
    return course
