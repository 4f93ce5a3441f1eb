"""Deleting an account frees its seats: its bookings of courses not yet begun are cancelled
the way the member would cancel them (the first waiting person moves up and is mailed, or the
seat is free), the rows stay detached; its form submissions stay, detached."""

import json
from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from portal_app import texts
from portal_app.models import Booking, Course, FormSubmission, OutboxMail
from portal_app.services import booking, sessions
from portal_app.services import clock as clock_module
from portal_app.services.account_deletion import delete_account
from portal_app.services.booking import BOOKED, CANCELLED, WAITING, Participant
from portal_app.services.db import unit_of_work
from tests.parallel import at_once

ADDRESS = "dachdecker@betrieb-example.de"
PASSWORD = "Schiefer deckt das Dach seit Jahrhunderten"
BORN = date(1988, 3, 4)


def person(number: int) -> Participant:
    return Participant(f"Teilnehmer {number}", BORN, f"teilnehmer{number}@x.example")


@pytest.fixture
def doomed(member) -> int:
    """A member with a password (deletion asks for it); returns the account id."""
    return sessions.current_account(member(ADDRESS, PASSWORD)).id


def course_state(course_id: int) -> tuple[int, list[tuple[str, int | None]]]:
    """The seat counter, and status and account of every booking in the order booked."""
    with unit_of_work() as session:
        rows = session.exec(
            select(Booking).where(Booking.course_id == course_id).order_by(Booking.id)
        ).all()
        return session.get(Course, course_id).booked, [(b.status, b.account_id) for b in rows]


def subjects_to(address: str) -> list[str]:
    with unit_of_work() as session:
        return list(session.exec(select(OutboxMail.subject).where(OutboxMail.recipient == address)))


def test_the_first_waiting_person_moves_up_into_the_deleted_accounts_seat_and_is_mailed(
    doomed, make_course, make_account
):
    course_id = make_course(capacity=1, title="Steildach-Lehrgang")
    waiting = make_account("wartet@betrieb.example")
    later = make_account("wartet-auch@betrieb.example")
    booking.book(doomed, course_id, person(1), True)
    booking.book(waiting, course_id, person(2), True, waitlist=True)
    booking.book(later, course_id, person(3), True, waitlist=True)

    delete_account(doomed, PASSWORD, confirmed=True)

    assert course_state(course_id) == (
        1,
        [(CANCELLED, None), (BOOKED, waiting), (WAITING, later)],
    )
    assert texts.MAIL_MOVED_UP_SUBJECT.format(title="Steildach-Lehrgang") in subjects_to(
        "wartet@betrieb.example"
    )
    assert [b.waiting_position for b in booking.bookings_of(later)] == [1]
    assert texts.MAIL_CANCELLED_SUBJECT.format(title="Steildach-Lehrgang") in subjects_to(ADDRESS)


def test_with_nobody_waiting_the_seat_is_free_again(doomed, make_course):
    course_id = make_course(capacity=2)
    booking.book(doomed, course_id, person(1), True)
    booking.book(doomed, course_id, person(2), True)

    delete_account(doomed, PASSWORD, confirmed=True)

    assert course_state(course_id) == (0, [(CANCELLED, None), (CANCELLED, None)])


def test_its_own_waiting_places_go_first_so_its_seat_goes_to_someone_else(
    doomed, make_course, make_account
):
    course_id = make_course(capacity=1)
    other = make_account()
    booking.book(doomed, course_id, person(1), True)
    booking.book(doomed, course_id, person(2), True, waitlist=True)
    booking.book(other, course_id, person(3), True, waitlist=True)

    delete_account(doomed, PASSWORD, confirmed=True)

    assert course_state(course_id) == (
        1,
        [(CANCELLED, None), (CANCELLED, None), (BOOKED, other)],
    )
    assert not any(s.startswith("Platz frei geworden") for s in subjects_to(ADDRESS))


def test_after_the_deadline_the_seat_is_freed_too_but_a_course_under_way_stays_booked(
    doomed, make_course, clock
):
    soon = make_course(capacity=3)  # deadline in 23 days, starts in 30
    under_way = make_course(
        capacity=3,
        starts_on=clock_module.today() + timedelta(days=26),
        ends_on=clock_module.today() + timedelta(days=40),
        booking_deadline=clock_module.today() + timedelta(days=20),
    )
    booking.book(doomed, soon, person(1), True)
    booking.book(doomed, under_way, person(2), True)
    clock.travel(days=27)  # both deadlines past; one course has begun

    delete_account(doomed, PASSWORD, confirmed=True)

    assert course_state(soon) == (0, [(CANCELLED, None)])
    assert course_state(under_way) == (1, [(BOOKED, None)])  # kept for the chamber, detached


def test_its_form_submissions_stay_detached(doomed, make_account):
    other = make_account()
    with unit_of_work() as session:  # as services/forms.py stores a submission
        for account_id in (doomed, other):
            session.add(
                FormSubmission(
                    account_id=account_id,
                    form_key="beratungstermin",
                    department_email="betriebsberatung@hwk.example",
                    sender_key=ADDRESS,
                    client_key="browser",
                    data=json.dumps({"name": "Eva Meister"}),
                    created_at=clock_module.now(),
                )
            )

    delete_account(doomed, PASSWORD, confirmed=True)

    with unit_of_work() as session:
        rows = session.exec(select(FormSubmission).order_by(FormSubmission.id)).all()
    assert [(r.account_id, r.form_key, json.loads(r.data)) for r in rows] == [
        (None, "beratungstermin", {"name": "Eva Meister"}),
        (other, "beratungstermin", {"name": "Eva Meister"}),
    ]


@pytest.mark.both_databases
def test_seats_stay_counted_right_when_others_book_while_an_account_is_deleted(
    doomed, make_course, make_account
):
    course_id = make_course(capacity=3)
    for number in range(3):
        booking.book(doomed, course_id, person(number), True)
    others = [make_account() for _ in range(6)]

    def book(index: int):
        return booking.book(others[index], course_id, person(10 + index), True, waitlist=True)

    at_once(
        [lambda: delete_account(doomed, PASSWORD, confirmed=True)]
        + [lambda i=i: book(i) for i in range(6)]
    )

    with unit_of_work() as session:
        booked = session.exec(
            select(func.count())
            .select_from(Booking)
            .where(Booking.course_id == course_id, Booking.status == BOOKED)
        ).one()
        assert session.get(Course, course_id).booked == booked == 3
    _, rows = course_state(course_id)
    assert rows.count((CANCELLED, None)) == 3
    assert all(account is not None for status, account in rows if status != CANCELLED)


@pytest.mark.both_databases
def test_a_booking_of_the_account_in_another_tab_while_it_is_deleted_keeps_no_seat(
    doomed, make_course
):
    course_ids = [make_course(capacity=2) for _ in range(4)]

    def book(course_id: int):
        try:
            return booking.book(doomed, course_id, person(course_id), True)
        except booking.BookingError as error:  # the account is gone
            return error

    at_once(
        [lambda: delete_account(doomed, PASSWORD, confirmed=True)]
        + [lambda c=c: book(c) for c in course_ids]
    )

    for course_id in course_ids:
        seats, rows = course_state(course_id)
        assert seats == 0
        assert rows in ([], [(CANCELLED, None)])
