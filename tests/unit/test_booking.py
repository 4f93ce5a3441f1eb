"""Booking: seats counted by the database (200 parallel bookings on 10 seats give 10), the
waiting list, moving up after a cancellation, double bookings, deadlines, ownership."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Booking, Course, OutboxMail
from portal_app.services import booking, courses
from portal_app.services import clock as clock_module
from portal_app.services.booking import (
    BOOKED,
    CANCELLED,
    WAITING,
    AlreadyBooked,
    BookingClosed,
    BookingNotFound,
    CourseFull,
    Participant,
    ParticipantInvalid,
)
from portal_app.services.db import unit_of_work
from tests.parallel import at_once

BORN = date(1990, 5, 17)


def person(number: int = 1, email: str = "teilnehmer@betrieb.example") -> Participant:
    return Participant(f"Teilnehmer Nummer {number}", BORN, email)


def seats_taken(course_id: int) -> int:
    with unit_of_work() as session:
        return session.get(Course, course_id).booked


def statuses(course_id: int) -> list[str]:
    with unit_of_work() as session:
        rows = session.exec(select(Booking).where(Booking.course_id == course_id)).all()
        return sorted(row.status for row in rows)


def mails_to(address: str) -> list[str]:
    with unit_of_work() as session:
        rows = session.exec(select(OutboxMail).where(OutboxMail.recipient == address)).all()
        return [row.subject for row in rows]


@pytest.mark.both_databases
def test_200_parallel_bookings_on_10_seats_give_exactly_10(make_course, make_account):
    course_id = make_course(capacity=10)
    accounts = [make_account() for _ in range(200)]  # one account may book only a few

    def try_to_book(number: int) -> str:
        try:
            booking.book(accounts[number], course_id, person(number), terms=True)
            return "gebucht"
        except CourseFull:
            return "voll"

    outcomes = at_once([lambda n=n: try_to_book(n) for n in range(200)])

    assert outcomes.count("gebucht") == 10
    assert outcomes.count("voll") == 190
    assert seats_taken(course_id) == 10
    assert statuses(course_id) == [BOOKED] * 10


def test_a_booking_takes_a_seat_and_mails_only_the_member_naming_the_participant(
    make_course, make_account
):
    course_id = make_course(capacity=3, title="Kalkulation im Handwerk")
    account_id = make_account("chefin@betrieb.example")

    assert booking.book(account_id, course_id, person(), terms=True) == BOOKED

    assert courses.get(course_id).seats_left == 2
    subject = texts.MAIL_BOOKED_SUBJECT.format(title="Kalkulation im Handwerk")
    assert mails_to("chefin@betrieb.example") == [subject]
    assert mails_to("teilnehmer@betrieb.example") == []  # typed, never verified: not mailed


@pytest.mark.both_databases
def test_the_same_participant_cannot_be_booked_twice_however_the_name_is_spelled(
    make_course, make_account
):
    course_id = make_course()
    account_id = make_account()
    booking.book(account_id, course_id, Participant("Eva Meister", BORN, "e@x.example"), True)

    with pytest.raises(AlreadyBooked, match=texts.BOOKING_TWICE):
        booking.book(account_id, course_id, Participant("eva  meister", BORN, "e@x.example"), True)
    with pytest.raises(AlreadyBooked, match=texts.BOOKING_TAKEN_ELSEWHERE):
        booking.book(
            make_account(), course_id, Participant("  eva   MEISTER ", BORN, "o@x.example"), True
        )
    assert seats_taken(course_id) == 1  # the refused bookings left no seat taken


def test_a_full_course_is_refused_unless_the_member_asks_for_the_waiting_list(
    make_course, make_account
):
    course_id = make_course(capacity=1)
    account_id = make_account()
    booking.book(account_id, course_id, person(1), terms=True)

    with pytest.raises(CourseFull):
        booking.book(account_id, course_id, person(2), terms=True)
    assert booking.book(account_id, course_id, person(2), terms=True, waitlist=True) == WAITING
    assert seats_taken(course_id) == 1
    assert statuses(course_id) == [BOOKED, WAITING]


@pytest.mark.both_databases
def test_a_cancellation_moves_the_first_on_the_waiting_list_up_and_mails_them(
    make_course, make_account
):
    course_id = make_course(capacity=1, title="WIG-Schweißen")
    first = make_account("erster@betrieb.example")
    waiting_1 = make_account("wartet1@betrieb.example")
    waiting_2 = make_account("wartet2@betrieb.example")
    seat = booking.book(first, course_id, person(1, "erster@betrieb.example"), True)
    assert seat == BOOKED
    booking.book(waiting_1, course_id, person(2, "wartet1@betrieb.example"), True, waitlist=True)
    booking.book(waiting_2, course_id, person(3, "wartet2@betrieb.example"), True, waitlist=True)
    assert [b.waiting_position for b in booking.bookings_of(waiting_2)] == [2]
    own = booking.bookings_of(first)[0]

    promoted = booking.cancel(first, own.id)

    assert promoted.account_id == waiting_1
    assert seats_taken(course_id) == 1
    assert [b.status for b in booking.bookings_of(waiting_1)] == [BOOKED]
    assert [b.waiting_position for b in booking.bookings_of(waiting_2)] == [1]
    assert texts.MAIL_MOVED_UP_SUBJECT.format(title="WIG-Schweißen") in mails_to(
        "wartet1@betrieb.example"
    )
    assert texts.MAIL_CANCELLED_SUBJECT.format(title="WIG-Schweißen") in mails_to(
        "erster@betrieb.example"
    )


def test_a_cancellation_without_anyone_waiting_frees_the_seat(make_course, make_account):
    course_id = make_course(capacity=2)
    account_id = make_account()
    booking.book(account_id, course_id, person(), True)

    assert booking.cancel(account_id, booking.bookings_of(account_id)[0].id) is None

    assert seats_taken(course_id) == 0
    assert booking.bookings_of(account_id)[0].status == CANCELLED


def test_leaving_the_waiting_list_frees_no_seat(make_course, make_account):
    course_id = make_course(capacity=1)
    account_id = make_account()
    booking.book(account_id, course_id, person(1), True)
    booking.book(account_id, course_id, person(2), True, waitlist=True)
    waiting = next(b for b in booking.bookings_of(account_id) if b.status == WAITING)

    booking.cancel(account_id, waiting.id)

    assert seats_taken(course_id) == 1
    assert statuses(course_id) == [BOOKED, CANCELLED]


def test_after_a_cancellation_the_same_participant_may_book_again(make_course, make_account):
    course_id = make_course()
    account_id = make_account()
    booking.book(account_id, course_id, person(), True)
    booking.cancel(account_id, booking.bookings_of(account_id)[0].id)

    assert booking.book(account_id, course_id, person(), True) == BOOKED


def test_a_booking_can_be_cancelled_once_and_only_by_its_own_account(make_course, make_account):
    course_id = make_course()
    owner, stranger = make_account(), make_account()
    booking.book(owner, course_id, person(), True)
    booking_id = booking.bookings_of(owner)[0].id

    with pytest.raises(BookingNotFound):
        booking.cancel(stranger, booking_id)
    booking.cancel(owner, booking_id)
    with pytest.raises(BookingNotFound):
        booking.cancel(owner, booking_id)
    assert seats_taken(course_id) == 0


def test_after_the_deadline_neither_booking_nor_cancelling_is_possible(
    make_course, make_account, clock
):
    course_id = make_course()
    account_id = make_account()
    booking.book(account_id, course_id, person(1), True)
    clock.travel(days=24)  # the deadline was 23 days ahead

    with pytest.raises(BookingClosed):
        booking.book(account_id, course_id, person(2), True)
    own = booking.bookings_of(account_id)[0]
    assert own.cancellable is False
    with pytest.raises(BookingClosed):
        booking.cancel(account_id, own.id)
    assert seats_taken(course_id) == 1
    assert statuses(course_id) == [BOOKED]


def test_the_terms_must_be_accepted(make_course, make_account):
    with pytest.raises(ParticipantInvalid) as raised:
        booking.book(make_account(), make_course(), person(), terms=False)
    assert raised.value.errors == {"terms": texts.BOOKING_TERMS_MISSING}


def test_participant_details_are_trimmed_and_checked_all_at_once():
    assert booking.check_participant("  Eva   Meister ", "17.05.1990", "eva@x.example") == (
        Participant("Eva Meister", BORN, "eva@x.example")
    )
    with pytest.raises(ParticipantInvalid) as raised:
        booking.check_participant("", "31.02.1990", "kein-at", terms=False)
    assert set(raised.value.errors) == {
        "participant_name",
        "birth_date",
        "participant_email",
        "terms",
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", texts.FORM_REQUIRED.format(label=texts.BOOKING_BIRTH_DATE)),
        ("17/05/1990", texts.DATE_FORMAT_INVALID),
        ("17.05.90", texts.DATE_FORMAT_INVALID),
        ("1.1.1899", texts.BOOKING_BIRTH_DATE_INVALID),
    ],
)
def test_the_birth_date_is_typed_as_tt_mm_jjjj_and_a_wrong_one_says_why(typed, message):
    with pytest.raises(ParticipantInvalid) as raised:
        booking.check_participant("Eva Meister", typed, "eva@x.example")
    assert raised.value.errors == {"birth_date": message}


def test_a_birth_date_in_the_future_is_refused():
    tomorrow = (clock_module.today() + timedelta(days=1)).isoformat()
    with pytest.raises(ParticipantInvalid) as raised:
        booking.check_participant("Eva Meister", tomorrow, "eva@x.example")
    assert raised.value.errors == {"birth_date": texts.BOOKING_BIRTH_DATE_INVALID}


@pytest.mark.both_databases
def test_parallel_cancellations_each_move_one_waiting_member_up(make_course, make_account):
    course_id = make_course(capacity=2)
    account_id = make_account()
    for number in range(4):  # two seats, two waiting
        booking.book(account_id, course_id, person(number), True, waitlist=True)
    seats = [b.id for b in booking.bookings_of(account_id) if b.status == BOOKED]

    at_once([lambda seat=seat: booking.cancel(account_id, seat) for seat in seats])

    assert seats_taken(course_id) == 2
    assert statuses(course_id) == [BOOKED, BOOKED, CANCELLED, CANCELLED]
