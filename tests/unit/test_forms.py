"""Online forms: one definition each; checks, stored submission, both mails, the honeypot and
the rate limit per address and per browser session (counted in the database)."""

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import FormSubmission, OutboxMail
from portal_app.services import clock as clock_module
from portal_app.services import forms
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


def test_the_catalogue_has_the_three_forms_each_with_a_department_address():
    assert set(forms.FORMS) == {"kontaktanfrage", "beratungstermin", "adressaenderung"}
    for spec in forms.FORMS.values():
        assert "@" in spec.department_email
        assert spec.fields[-1].kind == "checkbox"  # consent last
        assert len({f.name for f in spec.fields}) == len(spec.fields)


def test_only_the_contact_form_is_open_to_visitors():
    assert forms.form("kontaktanfrage", logged_in=False) is forms.CONTACT
    with pytest.raises(forms.FormUnknown):
        forms.form("beratungstermin", logged_in=False)
    with pytest.raises(forms.FormUnknown):
        forms.form("gibt-es-nicht")


def test_a_contact_request_is_stored_and_mailed_to_department_and_sender():
    assert forms.submit("kontaktanfrage", CONTACT, client_token="tab-1") is True

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
        forms.submit("kontaktanfrage", {"name": "  "}, client_token="tab-1")

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
        ("valid_from", "31.12.2026", texts.FORM_DATE_INVALID),
        ("phone", "bitte anrufen", texts.FORM_PHONE_INVALID),
        ("email", "kein-at", texts.EMAIL_INVALID),
        ("city", "x" * 101, texts.FORM_TOO_LONG.format(limit=100)),
    ],
)
def test_address_change_checks_each_field(field, value, message):
    good = {
        "company": "Tischlerei Meister",
        "betriebsnummer": "TS-1234567-0",
        "street": "Hobelweg 3",
        "postcode": "12345",
        "city": "Musterstadt",
        "valid_from": "2027-01-01",
        "email": "eva@tischlerei.example",
        "consent": "on",
    }
    assert forms.validate(forms.ADDRESS_CHANGE, good)["postcode"] == "12345"
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
    assert forms.submit("beratungstermin", base, client_token="t", account_id=account_id)
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
    assert forms.submit("kontaktanfrage", {**CONTACT, "website": "x"}, client_token="bot") is False
    assert submissions() == [] and outbox() == []


def test_one_address_may_send_three_messages_an_hour(clock):
    for tab in range(3):
        forms.submit("kontaktanfrage", CONTACT, client_token=f"tab-{tab}")
    with pytest.raises(forms.RateLimited, match=texts.FORM_RATE_LIMITED):
        forms.submit("kontaktanfrage", CONTACT, client_token="tab-new")

    clock.travel(minutes=61)
    assert forms.submit("kontaktanfrage", CONTACT, client_token="tab-new") is True


def test_one_browser_session_may_send_five_messages_an_hour_whatever_the_address(clock):
    for number in range(5):
        forms.submit(
            "kontaktanfrage", {**CONTACT, "email": f"p{number}@x.example"}, client_token="t"
        )
    with pytest.raises(forms.RateLimited):
        forms.submit("kontaktanfrage", {**CONTACT, "email": "p9@x.example"}, client_token="t")
    assert len(submissions()) == 5


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
        forms.submit("kontaktanfrage", CONTACT, client_token="fresh")


@pytest.mark.both_databases
def test_thirty_parallel_messages_from_one_address_store_exactly_three():
    """Several workers may take the same sender's messages at once: the limit still holds."""

    def send(tab: int) -> str:
        try:
            forms.submit("kontaktanfrage", CONTACT, client_token=f"tab-{tab}")
            return "sent"
        except forms.RateLimited:
            return "limited"

    outcomes = at_once([lambda tab=tab: send(tab) for tab in range(30)])

    assert outcomes.count("sent") == forms.MAX_PER_ADDRESS
    assert outcomes.count("limited") == 30 - forms.MAX_PER_ADDRESS
    assert len(submissions()) == forms.MAX_PER_ADDRESS


def test_a_member_sees_only_their_own_submissions(make_account):
    mine, theirs = make_account(), make_account()
    forms.submit("kontaktanfrage", CONTACT, client_token="a", account_id=mine)
    forms.submit(
        "kontaktanfrage", {**CONTACT, "email": "b@x.example"}, client_token="b", account_id=theirs
    )

    [own] = forms.submissions_of(mine)
    assert own.title == texts.FORM_CONTACT_TITLE
    assert "Frage zur Meisterschule" in own.summary


def test_an_unchosen_list_asks_to_choose_and_optional_fields_may_stay_empty():
    with pytest.raises(forms.FormInvalid) as raised:
        forms.validate(forms.CONSULTING, {"topic": ""})
    assert raised.value.errors["topic"] == texts.FORM_SELECT_REQUIRED.format(label=texts.FORM_TOPIC)
    assert {"phone", "betriebsnummer", "message"}.isdisjoint(raised.value.errors)
