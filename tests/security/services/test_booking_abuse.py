"""Attacks with bookings from one ordinary account: filling a course and its waiting list with
invented people (one by one and in parallel), many courses in a day, using the booking mails
to send typed text (a phishing link as a "name") to any address, and booking a real person
so that they cannot book themselves."""

import dataclasses
from datetime import date

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Account, Booking, Course, OutboxMail
from portal_app.services import booking
from portal_app.services.booking import (
    BOOKED,
    CANCELLED,
    WAITING,
    BookingLimitReached,
    CourseFull,
    Participant,
)
from portal_app.services.db import unit_of_work
from portal_app.settings import settings
from tests.parallel import at_once

BORN = date(1990, 5, 17)
PHISHING = "Bitte Konto bestätigen: https://hwk-musterstadt.example.evil/login"
PER_COURSE = texts.BOOKING_LIMIT_COURSE.format(limit=settings.bookings_per_course)
PER_DAY = texts.BOOKING_LIMIT_DAY.format(limit=settings.bookings_per_day)


def invented(number: int, email: str = "") -> Participant:
    return Participant(f"Erfundene Person {number}", BORN, email or f"opfer{number}@x.example")


def try_to_book(account_id: int, course_id: int, number: int, waitlist: bool = True) -> str:
    try:
        return booking.book(account_id, course_id, invented(number), True, waitlist)
    except BookingLimitReached as error:
        return error.message
    except CourseFull:
        return "voll"


def course_state(course_id: int) -> tuple[int, list[str]]:
    """The seat counter and the statuses of the course's bookings."""
    with unit_of_work() as session:
        rows = session.exec(select(Booking.status).where(Booking.course_id == course_id)).all()
        return session.get(Course, course_id).booked, sorted(rows)


def recipients() -> set[str]:
    with unit_of_work() as session:
        return set(session.exec(select(OutboxMail.recipient)).all())


def test_defaults_allow_five_per_course_and_ten_a_day():
    assert (settings.bookings_per_course, settings.bookings_per_day) == (5, 10)


def test_one_account_cannot_fill_a_16_seat_course_with_invented_people(make_course, make_account):
    course_id = make_course(capacity=16)
    attacker = make_account()

    outcomes = [try_to_book(attacker, course_id, n) for n in range(19)]

    assert outcomes[:5] == [BOOKED] * 5
    assert outcomes[5:] == [PER_COURSE] * 14
    assert course_state(course_id) == (5, [BOOKED] * 5)
    assert booking.book(make_account(), course_id, invented(99), True) == BOOKED  # others can


def test_the_waiting_list_counts_towards_the_limit_and_a_cancellation_frees_a_place(
    make_course, make_account
):
    course_id = make_course(capacity=2)
    attacker = make_account()

    outcomes = [try_to_book(attacker, course_id, n) for n in range(6)]

    assert outcomes == [BOOKED, BOOKED, WAITING, WAITING, WAITING, PER_COURSE]
    assert course_state(course_id) == (2, [BOOKED, BOOKED, WAITING, WAITING, WAITING])
    own = booking.bookings_of(attacker)[0]
    booking.cancel(attacker, own.id)
    assert try_to_book(attacker, course_id, 6) == WAITING


@pytest.mark.both_databases
def test_parallel_tries_of_one_account_get_no_more_than_the_limit(make_course, make_account):
    course_id = make_course(capacity=16)
    attacker = make_account()

    outcomes = at_once([lambda n=n: try_to_book(attacker, course_id, n) for n in range(20)])

    assert outcomes.count(BOOKED) == 5
    assert outcomes.count(PER_COURSE) == 15
    assert course_state(course_id) == (5, [BOOKED] * 5)


def test_one_account_makes_at_most_ten_bookings_in_24_hours(make_course, make_account):
    course_ids = [make_course() for _ in range(12)]
    attacker = make_account()

    outcomes = [try_to_book(attacker, course_id, 1) for course_id in course_ids[:11]]

    assert outcomes == [BOOKED] * 10 + [PER_DAY]
    assert course_state(course_ids[10]) == (0, [])


def test_cancelled_bookings_count_for_the_day_and_the_next_day_is_free(
    make_course, make_account, clock
):
    course_id = make_course(capacity=30)
    attacker = make_account()
    for number in range(10):  # book and cancel in turn: never more than one active
        booking.book(attacker, course_id, invented(number), True)
        booking.cancel(attacker, booking.bookings_of(attacker)[0].id)

    assert try_to_book(attacker, course_id, 10) == PER_DAY
    clock.travel(hours=24, seconds=1)
    assert try_to_book(attacker, course_id, 10) == BOOKED


@pytest.mark.both_databases
def test_parallel_tries_on_many_courses_get_no_more_than_ten(make_course, make_account):
    course_ids = [make_course() for _ in range(20)]
    attacker = make_account()

    outcomes = at_once([lambda c=c: try_to_book(attacker, c, 1) for c in course_ids])

    assert outcomes.count(BOOKED) == 10
    assert outcomes.count(PER_DAY) == 10
    assert sum(course_state(c)[0] for c in course_ids) == 10


def test_the_limits_are_settings(make_course, make_account, monkeypatch):
    changed = dataclasses.replace(settings, bookings_per_course=1, bookings_per_day=2)
    monkeypatch.setattr(booking, "settings", changed)
    first, second, third = make_course(), make_course(), make_course()
    attacker = make_account()

    assert try_to_book(attacker, first, 1) == BOOKED
    assert try_to_book(attacker, first, 2) == texts.BOOKING_LIMIT_COURSE.format(limit=1)
    assert try_to_book(attacker, second, 1) == BOOKED
    assert try_to_book(attacker, third, 1) == texts.BOOKING_LIMIT_DAY.format(limit=2)


def test_a_booking_mail_goes_only_to_the_members_own_address_naming_the_participant(
    make_course, make_account
):
    course_id = make_course(capacity=1, title="Kalkulation im Handwerk")
    member = make_account("chefin@betrieb.example")
    participant = Participant(PHISHING, BORN, "fremde@opfer.example")

    booking.book(member, course_id, participant, True)
    booking.book(member, course_id, invented(1, "zweite@opfer.example"), True, waitlist=True)

    assert recipients() == {"chefin@betrieb.example"}
    with unit_of_work() as session:
        bodies = session.exec(select(OutboxMail.body)).all()
    assert PHISHING in bodies[0]  # the member sees whom they booked


def test_cancelling_and_moving_up_mail_only_the_accounts(make_course, make_account):
    course_id = make_course(capacity=1)
    first = make_account("erster@betrieb.example")
    waiting = make_account("wartet@betrieb.example")
    booking.book(first, course_id, invented(1, "teilnehmer1@opfer.example"), True)
    booking.book(waiting, course_id, invented(2, "teilnehmer2@opfer.example"), True, True)

    booking.cancel(first, booking.bookings_of(first)[0].id)

    assert recipients() == {"erster@betrieb.example", "wartet@betrieb.example"}
    with unit_of_work() as session:
        subjects = session.exec(
            select(OutboxMail.subject).where(OutboxMail.recipient == "wartet@betrieb.example")
        ).all()
    assert any(s.startswith("Platz frei geworden") for s in subjects)


def test_no_booking_mail_goes_to_an_address_nobody_confirmed(make_course, make_account):
    course_id = make_course()
    unconfirmed = make_account("nie-bestaetigt@x.example")
    with unit_of_work() as session:
        session.get(Account, unconfirmed).confirmed_at = None

    assert booking.book(unconfirmed, course_id, Participant(PHISHING, BORN, "o@x.example"), True)
    booking.cancel(unconfirmed, booking.bookings_of(unconfirmed)[0].id)

    assert recipients() == set()
    assert course_state(course_id) == (0, [CANCELLED])


def test_a_person_booked_by_a_stranger_is_told_whom_to_ask(make_course, make_account):
    course_id = make_course()
    real_person = Participant("Eva Meister", BORN, "eva@meister.example")
    booking.book(make_account(), course_id, real_person, True)  # a stranger's account

    with pytest.raises(booking.AlreadyBooked) as refused:
        booking.book(make_account("eva@meister.example"), course_id, real_person, True)

    assert refused.value.message == texts.BOOKING_TAKEN_ELSEWHERE
    assert "eva@meister.example" not in recipients()  # and she got no mail from the stranger
