"""The staff's course administration: courses created, changed and cancelled by the
department Bildung (and administrators), participants and waiting list per course, the list
as PDF and CSV, moving up from the waiting list, cancelling a booking for a member.

Every function takes the acting `StaffView` and refuses anyone who is neither in Bildung nor
an administrator, whatever the browser sent. A course's values pass the import's one check
(`course_import.check_course`); seats never drop below the seats booked (a conditional
UPDATE, so a booking in the same moment cannot slip under it). Cancelling a course is one
conditional UPDATE of its `cancelled_at`: of two parallel calls exactly one cancels the
bookings and mails; the other finds it cancelled. Every change is audited with the staff id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fpdf import FPDF
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select, update

from portal_app import texts
from portal_app.models import Account, Booking, Course
from portal_app.services import audit, booking, clock, course_import, departments, mail, spreadsheet
from portal_app.services.courses import CourseNotFound, like_pattern, search_key
from portal_app.services.dates import format_date
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 100
PDF_TYPE = "application/pdf"
# the form's fields: the import's columns, named alike
FIELDS = course_import.COLUMNS


class Action:
    COURSE_CREATED = "course_created"
    COURSE_CHANGED = "course_changed"
    COURSE_CANCELLED = "course_cancelled"
    BOOKING_CANCELLED_BY_STAFF = "booking_cancelled_by_staff"
    MOVED_UP_BY_STAFF = "booking_moved_up_by_staff"
    LIST_DOWNLOADED = "course_list_downloaded"


class CourseAdminRefused(PortalError):
    """Not this staff member's work (neither Bildung nor administrator)."""


class CourseAdminError(PortalError):
    """A change the rules refuse; the message (at its field, if any) says why."""


@dataclass(frozen=True)
class AdminCourseRow:
    id: int
    code: str
    title: str
    location: str
    starts_on: date
    ends_on: date
    capacity: int
    booked: int
    waiting: int
    cancelled: bool


@dataclass(frozen=True)
class AdminCoursePage:
    rows: list[AdminCourseRow]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class RosterEntry:
    booking_id: int
    name: str
    birth_date: date
    email: str
    account_email: str
    booked_at: datetime
    position: int  # on the waiting list (1 = next); 0 with a seat


@dataclass(frozen=True)
class Roster:
    course: AdminCourseRow
    booked: list[RosterEntry]
    waiting: list[RosterEntry]


def may_manage(staff: StaffView) -> bool:
    return staff.is_admin or departments.BILDUNG in staff.departments


def _require(staff: StaffView) -> None:
    if not may_manage(staff):
        raise CourseAdminRefused(texts.STAFF_COURSES_REFUSED)


def _waiting_count():
    return (
        select(func.count())
        .select_from(Booking)
        .where(Booking.course_id == Course.id, Booking.status == booking.WAITING)
        .scalar_subquery()
    )


def _row(course: Course, waiting: int) -> AdminCourseRow:
    return AdminCourseRow(
        id=course.id,
        code=course.code,
        title=course.title,
        location=course.location,
        starts_on=course.starts_on,
        ends_on=course.ends_on,
        capacity=course.capacity,
        booked=course.booked,
        waiting=waiting,
        cancelled=course.cancelled_at is not None,
    )


def listing(staff: StaffView, text: str = "", page: int = 1) -> AdminCoursePage:
    """Every course (cancelled and past ones too), newest start first, one page of them, with
    the seats booked and the waiting list's length; every word of `text` must occur in the
    course number, title, description or place."""
    _require(staff)
    conditions = []
    for word in search_key(str(text)[:MAX_QUERY_LENGTH]).split():
        pattern = like_pattern(word)
        conditions.append(
            col(Course.search_text).like(pattern, escape="\\")
            | func.lower(Course.code).like(pattern, escape="\\")
        )
    with unit_of_work() as session:
        total = session.exec(select(func.count()).select_from(Course).where(*conditions)).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, int(page)), pages)
        rows = session.exec(
            select(Course, _waiting_count())
            .where(*conditions)
            .order_by(col(Course.starts_on).desc(), Course.title, Course.id)
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        return AdminCoursePage([_row(c, w) for c, w in rows], total, page, pages)


def form_values(staff: StaffView, course_id: int) -> dict[str, str]:
    """The course as its form shows it (German dates and price)."""
    _require(staff)
    with unit_of_work() as session:
        course = _course(session, course_id)
        euros, cents = divmod(course.price_cents, 100)
        return {
            "kurs_nr": course.code,
            "titel": course.title,
            "kategorie": course.category,
            "beschreibung": course.description,
            "ort": course.location,
            "beginn": format_date(course.starts_on),
            "ende": format_date(course.ends_on),
            "termine": course.schedule,
            "preis": f"{euros:,}".replace(",", ".") + f",{cents:02d}",
            "plaetze": str(course.capacity),
            "anmeldeschluss": format_date(course.booking_deadline),
        }


def _checked(values: dict) -> course_import.CourseData:
    """The import's check of the form's values; its texts at their fields (an empty field
    with the form's own wording)."""
    row = {name: str(values.get(name) or "") for name in FIELDS}
    try:
        return course_import.check_course(row)
    except course_import.CourseInvalid as invalid:
        errors = {
            name: texts.FORM_REQUIRED.format(label=_LABELS[name])
            if not row[name].strip()
            else message
            for name, message in invalid.errors.items()
        }
        ordered = {name: errors[name] for name in FIELDS if name in errors}
        raise CourseAdminError(texts.FORM_HAS_ERRORS, errors=ordered) from None


_LABELS = {
    "kurs_nr": texts.COURSE_CODE,
    "titel": texts.STAFF_COURSE_TITLE_FIELD,
    "kategorie": texts.COURSE_CATEGORY,
    "beschreibung": texts.STAFF_COURSE_DESCRIPTION,
    "ort": texts.COURSE_LOCATION,
    "beginn": texts.STAFF_COURSE_STARTS,
    "ende": texts.STAFF_COURSE_ENDS,
    "termine": texts.COURSE_SCHEDULE,
    "preis": texts.COURSE_PRICE,
    "plaetze": texts.STAFF_COURSE_CAPACITY,
    "anmeldeschluss": texts.COURSE_DEADLINE,
}


def create(staff: StaffView, values: dict) -> int:
    """A new course from the form; its id. The course number must be new."""
    _require(staff)
    data = _checked(values)
    try:
        with unit_of_work() as session:
            course = Course(code=data.code, booked=0, **course_import.fields_of(data))
            session.add(course)
            session.flush()
            audit.record_staff(
                session, Action.COURSE_CREATED, staff.id, f"kurs:{course.id}", data.code
            )
            return course.id
    except IntegrityError:
        raise CourseAdminError(texts.STAFF_COURSE_CODE_TAKEN, field="kurs_nr") from None


def update_course(staff: StaffView, course_id: int, values: dict) -> None:
    """Change a course with the form's values (its number stays). Refused for a cancelled
    course, and with fewer seats than are booked at this moment."""
    _require(staff)
    with unit_of_work() as session:
        course = _course(session, course_id)
        code = course.code
    data = _checked({**values, "kurs_nr": code})
    with unit_of_work() as session:
        changed = session.exec(
            update(Course)
            .where(
                Course.id == course_id,
                col(Course.cancelled_at).is_(None),
                Course.booked <= data.capacity,
            )
            .values(**course_import.fields_of(data))
        )
        if changed.rowcount != 1:
            course = _course(session, course_id)
            if course.cancelled_at is not None:
                raise CourseAdminError(texts.STAFF_COURSE_IS_CANCELLED)
            raise CourseAdminError(
                texts.STAFF_COURSE_CAPACITY_BELOW_BOOKED.format(booked=course.booked),
                field="plaetze",
            )
        audit.record_staff(session, Action.COURSE_CHANGED, staff.id, f"kurs:{course_id}", code)


def cancel_course(staff: StaffView, course_id: int) -> int:
    """Cancel the course: every booking and waiting place is cancelled and its account mailed,
    the seats are freed. Returns how many bookings this call cancelled: 0 when the course was
    cancelled already (a replay or a parallel click frees and mails nothing twice)."""
    _require(staff)
    with unit_of_work() as session:
        taken = session.exec(
            update(Course)
            .where(Course.id == course_id, col(Course.cancelled_at).is_(None))
            .values(cancelled_at=clock.now())
        )
        if taken.rowcount != 1:
            _course(session, course_id)  # CourseNotFound for an unknown id
            return 0
        course = _course(session, course_id)
        active = session.exec(
            select(Booking)
            .where(Booking.course_id == course_id, col(Booking.status).in_(booking.ACTIVE))
            .order_by(Booking.id)
        ).all()
        for entry in active:
            entry.status = booking.CANCELLED
            entry.participant_key = None
            entry.cancelled_at = clock.now()
            session.add(entry)
            _mail_course_cancelled(session, entry, course)
        course.booked = 0
        session.add(course)
        audit.record_staff(
            session,
            Action.COURSE_CANCELLED,
            staff.id,
            f"kurs:{course_id}",
            f"{course.code}: {len(active)} Buchungen storniert",
        )
        return len(active)


def _mail_course_cancelled(session: Session, entry: Booking, course: Course) -> None:
    text = texts.MAIL_COURSE_CANCELLED_BODY.format(
        name=entry.participant_name, course=booking.course_lines(course)
    )
    subject = texts.MAIL_COURSE_CANCELLED_SUBJECT.format(title=course.title)
    for recipient in booking.recipients(session, entry.account_id):
        mail.enqueue(session, recipient, subject, text)


def roster(staff: StaffView, course_id: int) -> Roster:
    """The course's participants (seat holders, by booking) and its waiting list (in order)."""
    _require(staff)
    with unit_of_work() as session:
        course = _course(session, course_id)
        rows = session.exec(
            select(Booking, Account.email)
            .join(Account, col(Account.id) == Booking.account_id, isouter=True)
            .where(Booking.course_id == course_id, col(Booking.status).in_(booking.ACTIVE))
            .order_by(Booking.id)
        ).all()
        booked, waiting = [], []
        for entry, account_email in rows:
            target = booked if entry.status == booking.BOOKED else waiting
            target.append(
                RosterEntry(
                    booking_id=entry.id,
                    name=entry.participant_name,
                    birth_date=entry.participant_birth_date,
                    email=entry.participant_email,
                    account_email=account_email or "",
                    booked_at=entry.created_at,
                    position=len(waiting) + 1 if entry.status == booking.WAITING else 0,
                )
            )
        return Roster(_row(course, len(waiting)), booked, waiting)


def _booking_of_course(session: Session, course_id: int, booking_id: int) -> Booking:
    """The booking, if it belongs to this course (an id from another course is refused)."""
    entry = session.get(Booking, booking_id)
    if entry is None or entry.course_id != course_id:
        raise CourseAdminError(texts.STAFF_COURSE_BOOKING_GONE)
    return entry


def move_up(staff: StaffView, course_id: int, booking_id: int) -> str:
    """Give a free seat to this person on the waiting list (mailed as when moving up by
    itself); returns their name. Refused without a free seat."""
    _require(staff)
    with unit_of_work() as session:
        entry = _booking_of_course(session, course_id, booking_id)
        if not booking.take_seat(session, course_id):
            _course(session, course_id)
            raise CourseAdminError(texts.STAFF_COURSE_NO_SEAT)
        moved = session.exec(
            update(Booking)
            .where(Booking.id == booking_id, Booking.status == booking.WAITING)
            .values(status=booking.BOOKED)
        )
        if moved.rowcount != 1:
            raise CourseAdminError(texts.STAFF_COURSE_BOOKING_GONE)  # rolls the seat back
        course = _course(session, course_id)
        if course.cancelled_at is not None:
            raise CourseAdminError(texts.STAFF_COURSE_IS_CANCELLED)
        session.refresh(entry)
        booking.mail_moved_up(session, entry, course)
        audit.record_staff(
            session,
            Action.MOVED_UP_BY_STAFF,
            staff.id,
            f"buchung:{booking_id}",
            f"kurs:{course_id}",
        )
        return entry.participant_name


def cancel_booking(staff: StaffView, course_id: int, booking_id: int) -> str:
    """Cancel a booking or waiting place for the member (after the deadline too): the account
    gets the cancellation mail, a freed seat goes to the first waiting (mailed). Returns the
    participant's name; a second call finds nothing to cancel."""
    _require(staff)
    with unit_of_work() as session:
        entry = _booking_of_course(session, course_id, booking_id)
        name = entry.participant_name
        try:
            booking.cancel_in(session, entry.account_id, booking_id, until_deadline=False)
        except booking.BookingNotFound:
            raise CourseAdminError(texts.STAFF_COURSE_BOOKING_GONE) from None
        audit.record_staff(
            session,
            Action.BOOKING_CANCELLED_BY_STAFF,
            staff.id,
            f"buchung:{booking_id}",
            f"kurs:{course_id}",
        )
        return name


def _course(session: Session, course_id: int) -> Course:
    course = session.get(Course, course_id)
    if course is None:
        raise CourseNotFound(course_id)
    return course


# --- the participant list as CSV and PDF ---------------------------------------------------


def _list_rows(found: Roster) -> list[list[str]]:
    rows = []
    for entry in [*found.booked, *found.waiting]:
        status = (
            texts.STATUS_BOOKED
            if entry.position == 0
            else texts.STAFF_COURSE_LIST_STATUS_WAITING.format(position=entry.position)
        )
        rows.append(
            [
                entry.name,
                format_date(entry.birth_date),
                entry.email,
                entry.account_email,
                status,
                format_date(entry.booked_at.date()),
            ]
        )
    return rows


def _list_header() -> list[str]:
    return [
        texts.FIELD_STAFF_NAME,
        texts.BOOKING_BIRTH_DATE,
        texts.FIELD_EMAIL,
        texts.STAFF_COURSE_COL_ACCOUNT,
        texts.STATUS,
        texts.STAFF_COURSE_COL_SINCE,
    ]


def _file_name(course: AdminCourseRow, extension: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in course.code)
    return f"Teilnehmerliste-{safe}.{extension}"


def _audit_download(staff: StaffView, course_id: int, kind: str) -> None:
    with unit_of_work() as session:
        audit.record_staff(session, Action.LIST_DOWNLOADED, staff.id, f"kurs:{course_id}", kind)


def participant_csv(staff: StaffView, course_id: int) -> tuple[str, bytes]:
    """The participant list for a German spreadsheet (services/spreadsheet.py): name, bytes."""
    found = roster(staff, course_id)
    data = spreadsheet.csv_bytes(_list_header(), _list_rows(found))
    _audit_download(staff, course_id, "csv")
    return _file_name(found.course, "csv"), data


def participant_pdf(staff: StaffView, course_id: int) -> tuple[str, bytes]:
    """The participant list as a PDF (A4 landscape, one line per person): name, bytes."""
    found = roster(staff, course_id)
    course = found.course
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=13)
    heading = texts.STAFF_COURSE_LIST_HEADING.format(code=course.code, title=course.title)
    pdf.multi_cell(0, 7, _latin1(heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    facts = texts.STAFF_COURSE_FACTS.format(
        start=format_date(course.starts_on),
        end=format_date(course.ends_on),
        location=course.location,
        seats=texts.STAFF_COURSES_SEATS.format(
            booked=course.booked, capacity=course.capacity, waiting=course.waiting
        ),
    )
    pdf.multi_cell(0, 6, _latin1(facts), new_x="LMARGIN", new_y="NEXT")
    printed = texts.STAFF_COURSE_LIST_PRINTED.format(at=format_date(clock.today()))
    pdf.cell(0, 6, printed, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = (60, 28, 62, 62, 30, 25)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=6) as table:
        header = table.row()
        for cell in _list_header():
            header.cell(_latin1(cell))
        for row in _list_rows(found):
            line = table.row()
            for cell in row:
                line.cell(_latin1(cell))
    data = bytes(pdf.output())
    _audit_download(staff, course_id, "pdf")
    return _file_name(course, "pdf"), data


def _latin1(text: str) -> str:
    """The PDF's core font knows Latin-1 only: other characters become "?"."""
    for wide, narrow in (("–", "-"), ("„", '"'), ("“", '"'), ("…", "...")):
        text = text.replace(wide, narrow)
    return text.encode("latin-1", "replace").decode("latin-1")
