"""Online forms: one definition each; checks, stored submission, both mails, the honeypot and
the rate limits per sender address, client address and account (counted in the database)."""

import dataclasses
import json
from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import FormSubmission, OutboxMail
from portal_app.services import clock as clock_module
from portal_app.services import forms, mail
from portal_app.services.db import unit_of_work
from portal_app.settings import settings
from tests.parallel import at_once

CONTACT = {
    "name": "Eva Meister",
    "email": "eva@tischlerei.example",
    "subject": "Frage zur Meisterschule",
    "message": "Wann beginnt der nächste Kurs?\nDanke!",
    "consent": "on",
}


def submissions() -> list[FormSubmission]:
    with unit_of_work() as session:
        return list(session.exec(select(FormSubmission)))


def outbox() -> list[tuple[str, str]]:
    with unit_of_work() as session:
        return [(m.recipient, m.subject) for m in session.exec(select(OutboxMail))]


def test_the_catalogue_has_the_four_forms_each_with_a_department_address():
    assert set(forms.FORMS) == {"kontaktanfrage", "beratungstermin", "adressaenderung", "barriere"}
    for spec in forms.FORMS.values():
        assert "@" in spec.department_email
        assert len({f.name for f in spec.fields}) == len(spec.fields)
    for spec in (forms.CONTACT, forms.CONSULTING, forms.ADDRESS_CHANGE):
        assert spec.fields[-1].kind == "checkbox"  # consent last


def test_only_the_contact_form_and_the_barrier_report_are_open_to_visitors():
    assert forms.form("kontaktanfrage", logged_in=False) is forms.CONTACT
    assert forms.form("barriere", logged_in=False) is forms.BARRIER
    with pytest.raises(forms.FormUnknown):
        forms.form("beratungstermin", logged_in=False)
    with pytest.raises(forms.FormUnknown):
        forms.form("gibt-es-nicht")


def test_a_contact_request_is_stored_and_mailed_to_department_and_sender():
    assert forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.1") is True

    [stored] = submissions()
    assert stored.account_id is None
    assert stored.department_email == settings.mail_contact
    assert json.loads(stored.data)["message"] == CONTACT["message"]  # line breaks kept
    assert sorted(outbox()) == sorted(
        [
            (
                settings.mail_contact,
                texts.MAIL_FORM_DEPARTMENT_SUBJECT.format(
                    title=texts.FORM_CONTACT_TITLE, sender=CONTACT["email"]
                ),
            ),
            (CONTACT["email"], texts.MAIL_FORM_RECEIPT_SUBJECT.format(title="Kontaktanfrage")),
        ]
    )


def test_every_missing_field_gets_its_own_message_and_nothing_is_stored():
    with pytest.raises(forms.FormInvalid) as raised:
        forms.submit("kontaktanfrage", {"name": "  "}, client_address="192.0.2.1")

    assert raised.value.errors == {
        "name": texts.FORM_REQUIRED.format(label=texts.FORM_NAME),
        "email": texts.FORM_REQUIRED.format(label=texts.FIELD_EMAIL),
        "subject": texts.FORM_REQUIRED.format(label=texts.FORM_SUBJECT),
        "message": texts.FORM_REQUIRED.format(label=texts.FORM_MESSAGE),
        "consent": texts.FORM_CONSENT_MISSING,
    }
    assert submissions() == [] and outbox() == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "1234", texts.FORM_POSTCODE_INVALID),
        ("postcode", "1234a", texts.FORM_POSTCODE_INVALID),
        ("betriebsnummer", "123456", texts.FORM_BETRIEBSNUMMER_INVALID),
        ("betriebsnummer", "TS-12345678-0", texts.FORM_BETRIEBSNUMMER_INVALID),
        ("valid_from", "2026/12/31", texts.DATE_FORMAT_INVALID),
        ("valid_from", "31.02.2027", texts.DATE_FORMAT_INVALID),
        ("phone", "bitte anrufen", texts.FORM_PHONE_INVALID),
        ("email", "kein-at", texts.EMAIL_INVALID),
        ("city", "x" * 101, texts.FORM_TOO_LONG.format(limit=100)),
    ],
)
def test_address_change_checks_each_field(field, value, message):
    good = {
        "betriebsnummer": "TS-1234567-0",
        "street": "Hobelweg 3",
        "postcode": "12345",
        "city": "Musterstadt",
        "valid_from": "01.01.2027",
        "email": "eva@tischlerei.example",
        "consent": "on",
    }
    assert forms.validate(forms.ADDRESS_CHANGE, good)["postcode"] == "12345"
    assert forms.validate(forms.ADDRESS_CHANGE, good)["valid_from"] == "01.01.2027"
    with pytest.raises(forms.FormInvalid) as raised:
        forms.validate(forms.ADDRESS_CHANGE, {**good, field: value})
    assert raised.value.errors == {field: message}


@pytest.mark.parametrize("number", ["1234567", "ts-1234567-0", "TS-1234567"])
def test_the_seven_digits_of_the_betriebsnummer_are_enough(number):
    assert forms._betriebsnummer(number) == number.upper()


def test_a_consultation_needs_a_topic_from_the_list_and_a_future_date(make_account):
    base = {
        "name": "Eva Meister",
        "company": "Tischlerei Meister",
        "email": "eva@tischlerei.example",
        "topic": texts.FORM_TOPICS[0],
        "preferred_date": (clock_module.today() + timedelta(days=3)).isoformat(),
        "consent": "on",
    }
    account_id = make_account()
    assert forms.submit("beratungstermin", base, client_address="192.0.2.7", account_id=account_id)
    with pytest.raises(forms.FormInvalid) as raised:
        forms.validate(
            forms.CONSULTING,
            {**base, "topic": "Werbung", "preferred_date": clock_module.today().isoformat()},
        )
    assert raised.value.errors == {
        "topic": texts.FORM_OPTION_INVALID,
        "preferred_date": texts.FORM_DATE_NOT_FUTURE,
    }
    assert [s.title for s in forms.submissions_of(account_id)] == [texts.FORM_CONSULTING_TITLE]


def test_a_filled_honeypot_is_answered_like_a_person_but_nothing_is_stored_or_sent():
    assert (
        forms.submit("kontaktanfrage", {**CONTACT, "website": "x"}, client_address="192.0.2.66")
        is False
    )
    assert submissions() == [] and outbox() == []


def test_one_address_may_send_three_messages_an_hour(clock):
    for tab in range(3):
        forms.submit("kontaktanfrage", CONTACT, client_address=f"192.0.2.{tab}")
    with pytest.raises(forms.RateLimited, match=texts.FORM_RATE_LIMITED):
        forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.99")

    clock.travel(minutes=61)
    assert forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.99") is True


def test_one_client_address_may_send_five_messages_an_hour_whatever_the_sender(clock):
    for number in range(settings.form_limit_per_client):
        forms.submit(
            "kontaktanfrage",
            {**CONTACT, "email": f"p{number}@x.example"},
            client_address="10.1.1.1",
        )
    with pytest.raises(forms.RateLimited):
        forms.submit(
            "kontaktanfrage", {**CONTACT, "email": "p9@x.example"}, client_address="10.1.1.1"
        )
    assert len(submissions()) == settings.form_limit_per_client
    assert forms.submit(
        "kontaktanfrage", {**CONTACT, "email": "p9@x.example"}, client_address="10.1.1.2"
    )


def test_the_rate_limit_is_read_from_the_database_not_from_memory():
    with unit_of_work() as session:
        for _ in range(3):
            session.add(
                FormSubmission(
                    form_key="kontaktanfrage", department_email="k@x.example",
                    sender_key="eva@tischlerei.example", client_key="other", data="{}",
                    created_at=forms.clock.now(),
                )
            )  # fmt: skip
    with pytest.raises(forms.RateLimited):
        forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.8")


@pytest.mark.both_databases
def test_thirty_parallel_messages_from_one_address_store_exactly_three():
    """Several workers may take the same sender's messages at once: the limit still holds."""

    def send(tab: int) -> str:
        try:
            forms.submit("kontaktanfrage", CONTACT, client_address=f"192.0.2.{tab}")
            return "sent"
        except forms.RateLimited:
            return "limited"

    outcomes = at_once([lambda tab=tab: send(tab) for tab in range(30)])

    assert outcomes.count("sent") == forms.MAX_PER_ADDRESS
    assert outcomes.count("limited") == 30 - forms.MAX_PER_ADDRESS
    assert len(submissions()) == forms.MAX_PER_ADDRESS


def test_a_member_sees_only_their_own_submissions(make_account):
    mine, theirs = make_account(), make_account()
    forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.10", account_id=mine)
    forms.submit(
        "kontaktanfrage",
        {**CONTACT, "email": "b@x.example"},
        client_address="192.0.2.11",
        account_id=theirs,
    )

    [own] = forms.submissions_of(mine)
    assert own.title == texts.FORM_CONTACT_TITLE
    assert "Frage zur Meisterschule" in own.summary


def test_an_unchosen_list_asks_to_choose_and_optional_fields_may_stay_empty():
    with pytest.raises(forms.FormInvalid) as raised:
        forms.validate(forms.CONSULTING, {"topic": ""})
    assert raised.value.errors["topic"] == texts.FORM_SELECT_REQUIRED.format(label=texts.FORM_TOPIC)
    assert {"phone", "betriebsnummer", "message"}.isdisjoint(raised.value.errors)


# --- "Barriere melden": the feedback form of the accessibility statement (BITV 2.0 § 7) ---------
BARRIER = {
    "where": "/kurse/12, Kurs buchen",
    "description": "Das Geburtsdatum lässt sich mit dem Screenreader nicht eingeben.",
    "name": "Eva Meister",
    "email": "eva@tischlerei.example",
}


def test_a_barrier_report_reaches_the_contact_department_and_the_sender_gets_a_receipt():
    assert forms.submit("barriere", BARRIER, client_address="192.0.2.1") is True

    [stored] = submissions()
    assert stored.form_key == "barriere"
    assert stored.department_email == settings.mail_contact
    assert json.loads(stored.data) == BARRIER
    assert sorted(outbox()) == sorted(
        [
            (
                settings.mail_contact,
                texts.MAIL_FORM_DEPARTMENT_SUBJECT.format(
                    title=texts.FORM_BARRIER_TITLE, sender=BARRIER["email"]
                ),
            ),
            (BARRIER["email"], texts.MAIL_FORM_RECEIPT_SUBJECT.format(title="Barriere melden")),
        ]
    )


def test_only_the_description_of_a_barrier_is_needed_and_then_no_receipt_is_sent():
    description = {"description": "Der Fokus ist auf der Startseite nicht zu sehen."}
    assert forms.submit("barriere", description, client_address="192.0.2.1") is True

    [stored] = submissions()
    assert json.loads(stored.data) == description
    assert outbox() == [
        (
            settings.mail_contact,
            texts.MAIL_FORM_DEPARTMENT_SUBJECT.format(
                title=texts.FORM_BARRIER_TITLE, sender=texts.FORM_NO_SENDER
            ),
        )
    ]


def test_an_empty_barrier_report_asks_for_the_description_only_and_nothing_is_stored():
    with pytest.raises(forms.FormInvalid) as raised:
        forms.submit(
            "barriere", {"where": " ", "name": "", "email": ""}, client_address="192.0.2.7"
        )
    assert raised.value.errors == {
        "description": texts.FORM_REQUIRED.format(label=texts.FORM_BARRIER_DESCRIPTION)
    }
    assert submissions() == [] and outbox() == []


@pytest.mark.parametrize(
    ("field", "limit"), [("where", 300), ("description", 5000), ("name", 120), ("email", 254)]
)
def test_every_field_of_a_barrier_report_has_a_length_limit(field, limit):
    with pytest.raises(forms.FormInvalid) as raised:
        forms.validate(forms.BARRIER, {**BARRIER, field: "x" * (limit + 1)})
    assert raised.value.errors == {field: texts.FORM_TOO_LONG.format(limit=limit)}


@pytest.mark.parametrize("address", ["eva.at.example", "eva@", "<script>@x.example"])
def test_a_barrier_report_with_a_bad_address_names_the_address_field(address):
    with pytest.raises(forms.FormInvalid) as raised:
        forms.submit("barriere", {**BARRIER, "email": address}, client_address="192.0.2.7")
    assert set(raised.value.errors) == {"email"}
    assert submissions() == [] and outbox() == []


def test_markup_in_a_barrier_report_is_kept_as_plain_text_and_mailed_as_plain_text():
    """People quote the page's HTML when they report a barrier: it is text, never markup."""
    quoted = '<script>alert("x")</script> und <button aria-label="">ohne Namen</button>'
    forms.submit("barriere", {**BARRIER, "description": quoted}, client_address="192.0.2.7")

    [stored] = submissions()
    assert json.loads(stored.data)["description"] == quoted
    with unit_of_work() as session:
        to_desk = session.exec(
            select(OutboxMail).where(OutboxMail.recipient == settings.mail_contact)
        ).one()
    assert quoted in to_desk.body
    message = mail._message(settings, to_desk)
    assert message.get_content_type() == "text/plain"


def test_anonymous_barrier_reports_are_limited_per_client_address_not_all_together(clock):
    description = {"description": "Kontrast zu schwach."}
    for _ in range(settings.form_limit_per_client):
        forms.submit("barriere", description, client_address="192.0.2.20")
    with pytest.raises(forms.RateLimited):
        forms.submit("barriere", description, client_address="192.0.2.20")
    # other visitors' anonymous reports are not counted against this one
    assert forms.submit("barriere", description, client_address="192.0.2.21") is True


@pytest.mark.both_databases
def test_thirty_parallel_messages_from_one_client_address_store_exactly_the_limit():
    def send(number: int) -> str:
        message = {**CONTACT, "email": f"p{number}@x.example"}
        try:
            forms.submit("kontaktanfrage", message, client_address="10.2.2.2")
            return "sent"
        except forms.RateLimited:
            return "limited"

    outcomes = at_once([lambda n=n: send(n) for n in range(30)])

    assert outcomes.count("sent") == settings.form_limit_per_client
    assert len(submissions()) == settings.form_limit_per_client


@pytest.mark.both_databases
def test_twenty_parallel_visitors_from_twenty_addresses_stop_at_the_cap_for_all(monkeypatch):
    monkeypatch.setattr(forms, "settings", dataclasses.replace(settings, form_limit_visitors=4))

    def send(number: int) -> str:
        try:
            forms.submit("barriere", {"description": "x"}, client_address=f"10.3.0.{number}")
            return "sent"
        except forms.RateLimited:
            return "limited"

    outcomes = at_once([lambda n=n: send(n) for n in range(20)])

    assert outcomes.count("sent") == 4
    assert len(submissions()) == 4


@pytest.mark.both_databases
def test_twenty_parallel_messages_of_one_member_store_exactly_the_limit(make_account):
    member = make_account()

    def send(number: int) -> str:
        try:
            forms.submit(
                "kontaktanfrage", CONTACT, client_address=f"10.5.0.{number}", account_id=member
            )
            return "sent"
        except forms.RateLimited:
            return "limited"

    outcomes = at_once([lambda n=n: send(n) for n in range(20)])

    assert outcomes.count("sent") == settings.form_limit_per_client
    assert len(submissions()) == settings.form_limit_per_client


# --- typed values in mails: quoted line by line (services/mail.py) ------------------------------


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("eine Zeile", "> eine Zeile"),
        ("", "> "),
        ("a\nb", "> a\n> b"),
        ("a\r\nb\rc", "> a\n> b\n> c"),
        ("a\u2028b\u2029c\x85d\x0be\x0cf", "> a\n> b\n> c\n> d\n> e\n> f"),
        ("Tab\tzu Leerzeichen", "> Tab zu Leerzeichen"),
        ("\x1b[31mrot\x00\u202eumgedreht\u200b", "> [31mrotumgedreht"),
        ("> schon zitiert", "> > schon zitiert"),
    ],
)
def test_a_typed_value_is_quoted_line_by_line_without_control_characters(typed, quoted):
    assert mail.quoted(typed) == quoted


def test_labelled_values_put_each_label_on_a_line_of_its_own():
    assert mail.quoted_fields([("Name", "Eva"), ("Nachricht", "a\nName: b")]) == (
        "Name:\n> Eva\nNachricht:\n> a\n> Name: b"
    )
