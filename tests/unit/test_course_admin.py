"""The staff's course administration: the import's rules for the form, seats never below the
seats booked, cancelling a course (mailed once, freed once, also in parallel), moving up and
cancelling a booking for a member, the participant list as CSV and PDF, only for Bildung and
administrators."""

import re
from datetime import date, timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import AuditEntry, Booking, Course, OutboxMail
from portal_app.services import booking, course_admin, courses
from portal_app.services import clock as clock_module
from portal_app.services.course_admin import CourseAdminError, CourseAdminRefused
from portal_app.services.courses import CourseNotFound
from portal_app.services.dates import format_date
from portal_app.services.db import unit_of_work
from tests.parallel import at_once
from tests.staff_support import set_up_staff

BORN = date(1990, 5, 17)


@pytest.fixture
def bildung():
    return set_up_staff(departments=("bildung",)).view()


def form(**overrides) -> dict[str, str]:
    start = clock_module.today() + timedelta(days=40)
    values = {
        "kurs_nr": "V-100",
        "titel": "Kalkulation im Handwerk",
        "kategorie": "Betriebswirtschaft",
        "beschreibung": "Preise richtig berechnen.",
        "ort": "Bildungszentrum Musterstadt",
        "beginn": format_date(start),
        "ende": format_date(start + timedelta(days=1)),
        "termine": "Sa 9–16 Uhr",
        "preis": "1.290,50",
        "plaetze": "12",
        "anmeldeschluss": "",
    }
    values.update(overrides)
    return values


def book(course_id: int, account_id: int, number: int, waitlist: bool = False) -> str:
    participant = booking.Participant(f"Teilnehmer {number}", BORN, "t@betrieb.example")
    return booking.book(account_id, course_id, participant, True, waitlist=waitlist)


def subjects_to(address: str) -> list[str]:
    with unit_of_work() as session:
        rows = session.exec(select(OutboxMail).where(OutboxMail.recipient == address)).all()
        return [row.subject for row in rows]


def email_of(account_id: int) -> str:
    from portal_app.models import Account

    with unit_of_work() as session:
        return session.get(Account, account_id).email


def audit_actions(staff_id: int) -> list[str]:
    with unit_of_work() as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.staff_id == staff_id)).all()
        return [row.action for row in rows]


def test_a_course_made_in_the_form_is_in_the_catalogue_with_german_price_and_dates(bildung):
    course_id = course_admin.create(bildung, form())
    found = courses.get(course_id)
    assert (found.code, found.price_cents, found.capacity) == ("V-100", 129050, 12)
    assert found.booking_deadline == found.starts_on  # empty deadline: the day it begins
    assert courses.search(courses.CourseQuery(text="kalkulation")).total == 1
    assert course_admin.Action.COURSE_CREATED in audit_actions(bildung.id)


def test_the_form_gets_the_imports_rules_each_at_its_field_and_stores_nothing(bildung):
    bad = form(
        titel="",
        kategorie="Kochkurs",
        beginn="32.13.2027",
        plaetze="0",
        preis="zwölf",
        kurs_nr="x" * 31,
    )
    with pytest.raises(CourseAdminError) as raised:
        course_admin.create(bildung, bad)
    errors = raised.value.errors
    assert list(errors) == ["kurs_nr", "titel", "kategorie", "beginn", "preis", "plaetze"]
    assert errors["titel"] == texts.FORM_REQUIRED.format(label=texts.STAFF_COURSE_TITLE_FIELD)
    assert "Kochkurs" in errors["kategorie"]
    assert "30 Zeichen" in errors["kurs_nr"]
    with unit_of_work() as session:
        assert session.exec(select(Course)).all() == []


def test_an_end_before_the_start_and_a_deadline_after_it_are_refused(bildung):
    start = clock_module.today() + timedelta(days=40)
    with pytest.raises(CourseAdminError) as raised:
        course_admin.create(
            bildung,
            form(
                ende=format_date(start - timedelta(days=1)),
                anmeldeschluss=format_date(start + timedelta(days=1)),
            ),
        )
    assert set(raised.value.errors) == {"ende", "anmeldeschluss"}


def test_markup_and_unicode_are_kept_as_text(bildung):
    course_id = course_admin.create(bildung, form(titel="<script>alert(1)</script> Ölfeuerung ✓"))
    assert courses.get(course_id).title == "<script>alert(1)</script> Ölfeuerung ✓"


def test_a_course_number_is_taken_once(bildung):
    course_admin.create(bildung, form())
    with pytest.raises(CourseAdminError) as raised:
        course_admin.create(bildung, form(titel="Anderer Kurs"))
    assert raised.value.errors == {"kurs_nr": texts.STAFF_COURSE_CODE_TAKEN}


def test_seats_never_go_below_the_seats_booked(bildung, make_account):
    course_id = course_admin.create(bildung, form(plaetze="5"))
    account = make_account()
    for number in range(3):
        book(course_id, account, number)
    with pytest.raises(CourseAdminError) as raised:
        course_admin.update_course(bildung, course_id, form(plaetze="2"))
    assert raised.value.errors == {
        "plaetze": texts.STAFF_COURSE_CAPACITY_BELOW_BOOKED.format(booked=3)
    }
    course_admin.update_course(bildung, course_id, form(plaetze="3", titel="Neu"))
    found = courses.get(course_id)
    assert (found.capacity, found.title, found.seats_left) == (3, "Neu", 0)


def test_the_course_number_stays_when_a_course_is_changed(bildung):
    course_id = course_admin.create(bildung, form())
    course_admin.update_course(bildung, course_id, form(kurs_nr="ANDERS"))
    assert courses.get(course_id).code == "V-100"
    assert course_admin.form_values(bildung, course_id)["preis"] == "1.290,50"


def test_cancelling_a_course_cancels_every_booking_and_mails_each_account_once(
    bildung, make_account
):
    course_id = course_admin.create(bildung, form(plaetze="2"))
    first, second = make_account(), make_account()
    book(course_id, first, 1)
    book(course_id, second, 2)
    book(course_id, second, 3, waitlist=True)

    assert course_admin.cancel_course(bildung, course_id) == 3
    assert course_admin.cancel_course(bildung, course_id) == 0  # replayed: nothing twice

    subject = texts.MAIL_COURSE_CANCELLED_SUBJECT.format(title="Kalkulation im Handwerk")
    assert subjects_to(email_of(first)).count(subject) == 1
    assert subjects_to(email_of(second)).count(subject) == 2  # the seat and the waiting place
    with unit_of_work() as session:
        assert session.get(Course, course_id).booked == 0
        assert {b.status for b in session.exec(select(Booking)).all()} == {booking.CANCELLED}
    assert courses.search(courses.CourseQuery(text="kalkulation")).total == 0
    with pytest.raises(booking.BookingClosed):
        book(course_id, make_account(), 9, waitlist=True)
    with pytest.raises(CourseAdminError):
        course_admin.update_course(bildung, course_id, form())


@pytest.mark.both_databases
def test_cancelling_a_course_twice_at_once_mails_once(bildung, make_account):
    course_id = course_admin.create(bildung, form(plaetze="3"))
    account = make_account()
    book(course_id, account, 1)
    results = at_once([lambda: course_admin.cancel_course(bildung, course_id)] * 4)
    assert sorted(results) == [0, 0, 0, 1]
    subject = texts.MAIL_COURSE_CANCELLED_SUBJECT.format(title="Kalkulation im Handwerk")
    assert subjects_to(email_of(account)).count(subject) == 1
    with unit_of_work() as session:
        assert session.get(Course, course_id).booked == 0


def test_the_roster_lists_seats_and_the_waiting_list_in_order(bildung, make_account):
    course_id = course_admin.create(bildung, form(plaetze="1"))
    account = make_account()
    book(course_id, account, 1)
    book(course_id, account, 2, waitlist=True)
    book(course_id, account, 3, waitlist=True)
    found = course_admin.roster(bildung, course_id)
    assert [e.name for e in found.booked] == ["Teilnehmer 1"]
    assert [(e.name, e.position) for e in found.waiting] == [
        ("Teilnehmer 2", 1),
        ("Teilnehmer 3", 2),
    ]
    assert found.booked[0].account_email == email_of(account)


def test_moving_up_needs_a_free_seat_and_mails_the_account(bildung, make_account):
    course_id = course_admin.create(bildung, form(plaetze="1"))
    account = make_account()
    book(course_id, account, 1)
    book(course_id, account, 2, waitlist=True)
    waiting = course_admin.roster(bildung, course_id).waiting[0].booking_id
    with pytest.raises(CourseAdminError, match=re.escape(texts.STAFF_COURSE_NO_SEAT)):
        course_admin.move_up(bildung, course_id, waiting)

    course_admin.update_course(bildung, course_id, form(plaetze="2"))
    assert course_admin.move_up(bildung, course_id, waiting) == "Teilnehmer 2"
    assert courses.get(course_id).seats_left == 0
    subject = texts.MAIL_MOVED_UP_SUBJECT.format(title="Kalkulation im Handwerk")
    assert subject in subjects_to(email_of(account))
    with pytest.raises(CourseAdminError):  # moved up already
        course_admin.move_up(bildung, course_id, waiting)
    assert courses.get(course_id).seats_left == 0


def test_cancelling_a_booking_for_a_member_mails_them_and_the_next_moves_up(
    bildung, make_account, clock
):
    course_id = course_admin.create(bildung, form(plaetze="1"))
    holder, waiter = make_account(), make_account()
    book(course_id, holder, 1)
    book(course_id, waiter, 2, waitlist=True)
    seat = course_admin.roster(bildung, course_id).booked[0].booking_id
    clock.travel(days=45)  # after the deadline: the chamber still may
    assert course_admin.cancel_booking(bildung, course_id, seat) == "Teilnehmer 1"
    title = "Kalkulation im Handwerk"
    assert texts.MAIL_CANCELLED_SUBJECT.format(title=title) in subjects_to(email_of(holder))
    assert texts.MAIL_MOVED_UP_SUBJECT.format(title=title) in subjects_to(email_of(waiter))
    assert [e.name for e in course_admin.roster(bildung, course_id).booked] == ["Teilnehmer 2"]
    with pytest.raises(CourseAdminError, match=re.escape(texts.STAFF_COURSE_BOOKING_GONE)):
        course_admin.cancel_booking(bildung, course_id, seat)
    assert course_admin.Action.BOOKING_CANCELLED_BY_STAFF in audit_actions(bildung.id)


def test_a_booking_of_another_course_is_refused(bildung, make_account):
    mine = course_admin.create(bildung, form())
    other = course_admin.create(bildung, form(kurs_nr="V-200"))
    book(other, make_account(), 1)
    foreign = course_admin.roster(bildung, other).booked[0].booking_id
    with pytest.raises(CourseAdminError):
        course_admin.cancel_booking(bildung, mine, foreign)
    with pytest.raises(CourseAdminError):
        course_admin.move_up(bildung, mine, foreign)
    assert len(course_admin.roster(bildung, other).booked) == 1


def test_staff_outside_bildung_are_refused_everything(bildung):
    course_id = course_admin.create(bildung, form())
    other = set_up_staff(departments=("handwerksrolle",)).view()
    calls = [
        lambda: course_admin.listing(other),
        lambda: course_admin.create(other, form(kurs_nr="X")),
        lambda: course_admin.update_course(other, course_id, form()),
        lambda: course_admin.cancel_course(other, course_id),
        lambda: course_admin.roster(other, course_id),
        lambda: course_admin.move_up(other, course_id, 1),
        lambda: course_admin.cancel_booking(other, course_id, 1),
        lambda: course_admin.participant_csv(other, course_id),
        lambda: course_admin.participant_pdf(other, course_id),
    ]
    for call in calls:
        with pytest.raises(CourseAdminRefused):
            call()
    assert courses.get(course_id).bookable
    admin = set_up_staff(admin=True, departments=()).view()
    assert course_admin.listing(admin).total == 1


def test_an_unknown_course_is_not_found(bildung):
    with pytest.raises(CourseNotFound):
        course_admin.cancel_course(bildung, 4711)
    with pytest.raises(CourseNotFound):
        course_admin.roster(bildung, 4711)


def test_the_listing_is_paged_and_searched_in_sql(bildung, make_course):
    for number in range(25):
        make_course(code=f"P-{number:02d}", title=f"Kurs {number}")
    first = course_admin.listing(bildung)
    assert (first.total, first.pages, len(first.rows)) == (25, 2, 20)
    assert len(course_admin.listing(bildung, page=2).rows) == 5
    assert [r.code for r in course_admin.listing(bildung, text="p-07").rows] == ["P-07"]
    assert course_admin.listing(bildung, page=99).page == 2


def test_the_participant_list_csv_is_for_a_german_spreadsheet_with_formulas_neutralised(
    bildung, make_account
):
    course_id = course_admin.create(bildung, form())
    participant = booking.Participant('=HYPERLINK("x")', BORN, "t@betrieb.example")
    booking.book(make_account(), course_id, participant, True)
    name, data = course_admin.participant_csv(bildung, course_id)
    assert name == "Teilnehmerliste-V-100.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith(texts.FIELD_STAFF_NAME + ";")
    assert lines[1].startswith('"\'=HYPERLINK(""x"")";17.05.1990;')


def test_the_participant_list_pdf_names_everyone(bildung, make_account):
    from io import BytesIO

    from pypdf import PdfReader

    course_id = course_admin.create(bildung, form(titel="Schweißen – Grundkurs"))
    for number in range(40):
        book(course_id, make_account(), number, waitlist=True)
    name, data = course_admin.participant_pdf(bildung, course_id)
    assert name.endswith(".pdf") and data.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    assert "Teilnehmer 39" in text and "Schweißen - Grundkurs" in text
