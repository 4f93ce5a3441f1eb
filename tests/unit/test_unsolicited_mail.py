"""Mails a visitor can cause by typing someone's address (registration, forgotten password,
the contact form's receipt): five an hour per mailbox, however the address is spelled, whoever
asks and however often, in parallel too; nothing else is held back by them, and the answer on
screen never changes."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import OutboxMail
from portal_app.services import forms, mail, password_reset, register, unsolicited_mail
from portal_app.services.db import unit_of_work
from portal_app.services.emails import email_key
from tests.parallel import at_once

ADDRESS = "opfer@betrieb-example.de"


def subjects_to(address: str) -> list[str]:
    with unit_of_work() as session:
        rows = session.exec(select(OutboxMail).where(OutboxMail.recipient == address)).all()
    return [row.subject for row in rows]


def test_registering_an_address_again_and_again_mails_it_five_times_an_hour(clock):
    answers = [register.register(ADDRESS, consent=True) for _ in range(8)]

    assert answers == [ADDRESS] * 8, "the answer is the same every time"
    assert subjects_to(ADDRESS) == [texts.MAIL_CONFIRM_SUBJECT] * unsolicited_mail.PER_HOUR
    clock.travel(minutes=61)
    register.register(ADDRESS, consent=True)
    assert len(subjects_to(ADDRESS)) == unsolicited_mail.PER_HOUR + 1


def test_registration_and_forgotten_password_share_the_five(clock):
    for _ in range(3):
        register.register(ADDRESS, consent=True)
    for _ in range(4):
        assert password_reset.request_reset(ADDRESS) == ADDRESS

    assert sorted(subjects_to(ADDRESS)) == sorted(
        [texts.MAIL_CONFIRM_SUBJECT] * 3 + [texts.MAIL_RESET_UNKNOWN_SUBJECT] * 2
    )


def test_a_members_own_mails_do_not_use_up_the_share(clock, member):
    member(ADDRESS, "Schiefer hält hundert Jahre und länger")
    with unit_of_work() as session:
        for n in range(10):
            mail.enqueue(session, ADDRESS, f"Buchungsbestätigung {n}", "…")

    password_reset.request_reset(ADDRESS)
    assert texts.MAIL_RESET_SUBJECT in subjects_to(ADDRESS)


@pytest.mark.both_databases
def test_twenty_parallel_requests_mail_an_address_five_times():
    answers = at_once([lambda: password_reset.request_reset(ADDRESS)] * 20)

    assert answers == [ADDRESS] * 20
    assert subjects_to(ADDRESS) == [texts.MAIL_RESET_UNKNOWN_SUBJECT] * unsolicited_mail.PER_HOUR


@pytest.mark.parametrize(
    "spelling",
    [
        "eva@müller.de",
        "Eva@Müller.DE",
        "EVA@MÜLLER.DE",
        "eva@xn--mller-kva.de",
        " eva@XN--MLLER-KVA.de ",
    ],
)
def test_every_spelling_of_one_mailbox_has_one_key(spelling):
    assert email_key(spelling) == "eva@xn--mller-kva.de"


def test_different_mailboxes_keep_different_keys():
    # "ß" is a letter of its own in IDNA 2008: straße.de is not strasse.de
    assert email_key("a@straße.de") != email_key("a@strasse.de")
    assert email_key("eva.meister@x.de") != email_key("evameister@x.de")


@pytest.mark.both_databases
def test_twenty_parallel_requests_in_different_spellings_mail_one_mailbox_five_times():
    spellings = [ADDRESS, ADDRESS.upper(), ADDRESS.title(), "Opfer@Betrieb-Example.DE"] * 5

    answers = at_once([lambda s=s: password_reset.request_reset(s) for s in spellings])

    assert len(answers) == 20
    with unit_of_work() as session:
        sent = session.exec(select(OutboxMail)).all()
    assert len(sent) == unsolicited_mail.PER_HOUR
    assert {row.cap_key for row in sent} == {ADDRESS}


def test_a_visitors_contact_form_receipts_share_the_five(clock):
    message = {
        "name": "E",
        "email": ADDRESS.upper(),
        "subject": "s",
        "message": "m",
        "consent": "on",
    }
    for number in range(3):
        forms.submit("kontaktanfrage", message, client_address=f"10.4.0.{number}")
    for _ in range(3):
        password_reset.request_reset(ADDRESS)

    receipt = texts.MAIL_FORM_RECEIPT_SUBJECT.format(title=texts.FORM_CONTACT_TITLE)
    with unit_of_work() as session:
        capped = session.exec(select(OutboxMail).where(OutboxMail.cap_key == ADDRESS)).all()
    assert sorted(row.subject for row in capped) == sorted(
        [receipt] * 3 + [texts.MAIL_RESET_UNKNOWN_SUBJECT] * 2
    )
