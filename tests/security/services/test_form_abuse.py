"""Attacks through the online forms: the contact form's receipt as the chamber's mail to any
address, limits keyed on what the client chooses, a stranger using up a member's share, an
address change for someone else's Betrieb, case variants of one mailbox against the caps,
and forged "Label: value" lines in a multi-line field of a department mail."""

import dataclasses
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import routes, texts
from portal_app.models import Account, Betrieb, FormSubmission, Freischaltung, OutboxMail
from portal_app.services import clock as clock_module
from portal_app.services import forms, password_reset, register, unsolicited_mail
from portal_app.services.dates import format_datetime
from portal_app.services.db import unit_of_work
from portal_app.settings import settings

PHISHING = "https://hwk-musterstadt.example.evil.test/konto-sperren"
CONTACT = {
    "name": "Ihre Handwerkskammer – Kontosperrung",
    "email": "opfer@betrieb-example.de",
    "subject": f"Bitte bestätigen Sie Ihr Konto: {PHISHING}",
    "message": f"Ihr Konto wird gesperrt.\nMelden Sie sich hier an: {PHISHING}\nIhre HWK",
    "consent": "on",
}
STRANGER = "198.51.100.7"


def mails_to(address: str) -> list[OutboxMail]:
    with unit_of_work() as session:
        return list(session.exec(select(OutboxMail).where(OutboxMail.recipient == address)))


def stored() -> list[FormSubmission]:
    with unit_of_work() as session:
        return list(session.exec(select(FormSubmission)))


def account(email: str) -> int:
    with unit_of_work() as session:
        row = Account(
            email=email, email_key=email.casefold(), created_at=clock_module.now(),
            confirmed_at=clock_module.now(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def betrieb(nummer: str = "1234567", filiale: str = "0") -> int:
    with unit_of_work() as session:
        row = Betrieb(
            kreis="TS", betriebsnummer=nummer, filiale=filiale, name=f"Tischlerei {filiale}",
            strasse="Hobelweg 3", plz="83278", ort="Traunstein", eintragung="handwerksrolle",
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def unlock(account_id: int, betrieb_id: int) -> None:
    with unit_of_work() as session:
        session.add(
            Freischaltung(
                account_id=account_id, betrieb_id=betrieb_id, created_at=clock_module.now()
            )
        )


# --- finding 4: the contact form -------------------------------------------------------------


def test_the_receipt_to_a_typed_address_carries_none_of_the_typed_text(clock):
    forms.submit("kontaktanfrage", CONTACT, client_address=STRANGER)

    [receipt] = mails_to(CONTACT["email"])
    text = receipt.subject + "\n" + receipt.body
    for typed in (CONTACT["name"], CONTACT["subject"], PHISHING, "gesperrt", "Kontosperrung"):
        assert typed not in text
    assert receipt.subject == texts.MAIL_FORM_RECEIPT_SUBJECT.format(title=forms.CONTACT.title)
    assert format_datetime(clock.now()) in receipt.body  # when it arrived
    assert forms.CONTACT.title in receipt.body  # which form: a fixed text of the portal
    assert "http" not in receipt.body  # no link at all in a mail to an unconfirmed address


def test_a_barrier_report_receipt_carries_none_of_the_typed_text_either():
    report = {"where": PHISHING, "description": "Bitte hier anmelden.", "name": "HWK",
              "email": "opfer@betrieb-example.de"}  # fmt: skip
    forms.submit("barriere", report, client_address=STRANGER)

    [receipt] = mails_to(report["email"])
    assert PHISHING not in receipt.body and "Bitte hier anmelden" not in receipt.body


def test_seven_submissions_from_one_client_address_store_only_the_limit_whatever_the_browser():
    """The old limit keyed on Reflex's client token, which a reconnect renews: 7 of 7 went
    through. The service no longer hears of the token; the client address counts."""
    outcomes = []
    for number in range(7):
        message = {**CONTACT, "email": f"empfaenger-{number}@betrieb-example.de"}
        try:
            forms.submit("kontaktanfrage", message, client_address=STRANGER)
            outcomes.append("sent")
        except forms.RateLimited as refused:
            assert refused.message == texts.FORM_RATE_LIMITED  # said at the form, in German
            outcomes.append("refused")

    limit = settings.form_limit_per_client
    assert outcomes == ["sent"] * limit + ["refused"] * (7 - limit)
    assert len(stored()) == limit
    assert {row.client_key for row in stored()} == {forms.client_key(STRANGER, None)}
    assert STRANGER not in stored()[0].client_key  # a keyed hash, not the IP address


def test_visitors_from_many_addresses_stop_at_the_cap_for_all_visitors_but_members_go_on(
    monkeypatch,
):
    monkeypatch.setattr(forms, "settings", dataclasses.replace(settings, form_limit_visitors=4))
    for number in range(4):
        forms.submit("barriere", {"description": "Spam"}, client_address=f"203.0.113.{number}")
    with pytest.raises(forms.RateLimited) as refused:
        forms.submit("barriere", {"description": "Spam"}, client_address="203.0.113.99")
    assert refused.value.message == texts.FORM_RATE_LIMITED_VISITORS

    member = account("eva@tischlerei.example")
    assert forms.submit("kontaktanfrage", CONTACT, client_address="203.0.113.99", account_id=member)


def test_a_stranger_cannot_use_up_a_members_share():
    """Strangers behind the member's client address, typing the member's address as sender,
    exhaust every visitor limit there; the logged-in member is counted per account."""
    member_email = "eva@tischlerei.example"
    member = account(member_email)
    stranger_message = {**CONTACT, "email": member_email}
    with pytest.raises(forms.RateLimited):
        for _ in range(settings.form_limit_per_client + 1):
            forms.submit("kontaktanfrage", stranger_message, client_address=STRANGER)

    assert forms.submit(
        "kontaktanfrage", stranger_message, client_address=STRANGER, account_id=member
    )


def test_a_member_is_limited_per_account_from_any_client_address():
    member = account("eva@tischlerei.example")
    for number in range(settings.form_limit_per_client):
        forms.submit(
            "kontaktanfrage", CONTACT, client_address=f"10.0.0.{number}", account_id=member
        )
    with pytest.raises(forms.RateLimited):
        forms.submit("kontaktanfrage", CONTACT, client_address="10.0.0.200", account_id=member)


def test_a_members_receipt_goes_to_the_confirmed_address_not_to_a_typed_one():
    member = account("eva@tischlerei.example")
    forms.submit(
        "kontaktanfrage", CONTACT, client_address=STRANGER, account_id=member
    )  # CONTACT's address is someone else's

    assert mails_to(CONTACT["email"]) == []
    [receipt] = mails_to("eva@tischlerei.example")
    assert PHISHING not in receipt.body
    assert settings.base_url + routes.MY_REQUESTS in receipt.body


# --- finding 5: address change only for the account's own Betriebe ---------------------------

ADDRESS_CHANGE = {
    "betriebsnummer": "TS-1234567-0",
    "street": "Am Hafen 1",
    "postcode": "20457",
    "city": "Hamburg",
    "valid_from": "01.01.2027",
    "email": "post@angreifer.example",
    "consent": "on",
}


@pytest.mark.parametrize("number", ["TS-1234567-0", "1234567", "TS-7654321-0"])
def test_an_address_change_for_a_betrieb_the_account_is_not_unlocked_for_is_refused(number):
    owner, attacker = account("inhaber@tischlerei.example"), account("x@angreifer.example")
    unlock(owner, betrieb())

    with pytest.raises(forms.FormInvalid) as refused:
        forms.submit(
            "adressaenderung", {**ADDRESS_CHANGE, "betriebsnummer": number},
            client_address=STRANGER, account_id=attacker,
        )  # fmt: skip

    assert refused.value.errors == {"betriebsnummer": texts.FORM_BETRIEB_NOT_UNLOCKED}
    assert stored() == [] and mails_to(settings.mail_register) == []


def test_an_address_change_names_the_account_and_its_freischaltung(clock):
    owner = account("inhaber@tischlerei.example")
    unlock(owner, betrieb())
    unlocked_on = clock.now()
    clock.travel(days=3)

    forms.submit(
        "adressaenderung", {**ADDRESS_CHANGE, "betriebsnummer": "1234567"},
        client_address=STRANGER, account_id=owner,
    )  # fmt: skip

    [desk] = mails_to(settings.mail_register)
    assert "inhaber@tischlerei.example" in desk.subject
    assert (
        texts.MAIL_FORM_FROM_MEMBER.format(email="inhaber@tischlerei.example", account_id=owner)
        in desk.body
    )
    assert "Betrieb TS-1234567-0 (Tischlerei 0)" in desk.body
    assert f"freigeschaltet am {unlocked_on.astimezone(clock_module.GERMANY):%d.%m.%Y}" in (
        desk.body
    )
    assert "Hobelweg 3, 83278 Traunstein" in desk.body  # the address on file, for comparison
    # the typed address is only a contact detail: no mail goes there
    assert mails_to(ADDRESS_CHANGE["email"]) == []
    [receipt] = mails_to("inhaber@tischlerei.example")
    assert "Am Hafen" not in receipt.body


def test_seven_digits_that_name_two_unlocked_branches_ask_for_the_full_number():
    owner = account("inhaber@tischlerei.example")
    unlock(owner, betrieb(filiale="0"))
    unlock(owner, betrieb(filiale="1"))

    with pytest.raises(forms.FormInvalid) as refused:
        forms.submit(
            "adressaenderung", {**ADDRESS_CHANGE, "betriebsnummer": "1234567"},
            client_address=STRANGER, account_id=owner,
        )  # fmt: skip
    assert refused.value.errors == {"betriebsnummer": texts.FORM_BETRIEB_AMBIGUOUS}

    forms.submit(
        "adressaenderung", {**ADDRESS_CHANGE, "betriebsnummer": "ts-1234567-1"},
        client_address=STRANGER, account_id=owner,
    )  # fmt: skip
    [desk] = mails_to(settings.mail_register)
    assert "Betrieb TS-1234567-1 (Tischlerei 1)" in desk.body


# --- finding 9: the caps count the mailbox, not the spelling ----------------------------------

VARIANTS = [
    "opfer@müller-bau.de", "Opfer@müller-bau.de", "OPFER@Müller-Bau.de", "oPfEr@MÜLLER-BAU.DE",
    "opfer@xn--mller-bau-q9a.de", "OPFER@XN--MLLER-BAU-Q9A.DE",
]  # fmt: skip


def test_case_and_idna_variants_of_one_mailbox_get_five_reset_mails_an_hour_together():
    for _ in range(2):
        for variant in VARIANTS:
            password_reset.request_reset(variant)

    with unit_of_work() as session:
        sent = session.exec(select(OutboxMail)).all()
    assert len(sent) == unsolicited_mail.PER_HOUR  # 12 asked for, one mailbox
    assert {mail.cap_key for mail in sent} == {"opfer@xn--mller-bau-q9a.de"}


def test_registration_and_reset_in_different_spellings_share_the_five():
    for variant in VARIANTS[:3]:
        register.register(variant, consent=True)  # the first makes the account
    for variant in VARIANTS[3:] * 2:
        password_reset.request_reset(variant)

    with unit_of_work() as session:
        assert len(session.exec(select(OutboxMail)).all()) == unsolicited_mail.PER_HOUR


def test_case_variants_of_a_sender_address_share_its_form_cap():
    spellings = ["opfer@betrieb-example.de", "Opfer@Betrieb-Example.de", "OPFER@BETRIEB-EXAMPLE.DE"]
    for number, spelling in enumerate(spellings):
        forms.submit(
            "kontaktanfrage", {**CONTACT, "email": spelling}, client_address=f"10.9.0.{number}"
        )
    with pytest.raises(forms.RateLimited):
        forms.submit(
            "kontaktanfrage", {**CONTACT, "email": "opfer@BETRIEB-example.de"},
            client_address="10.9.0.9",
        )  # fmt: skip


# --- finding 12 (part): typed values cannot forge lines of a department mail ----------------

FORGED = (
    "Danke für die Auskunft.\n"
    "Absender: geschaeftsfuehrung@hwk.example (Konto-Nr. 1, Anmeldeadresse bestätigt)\r\n"
    "E-Mail-Adresse: chef@hwk.example\u2028"
    "Betreff: Dringend\x0b"
    "\x1b[2J\u202eNeue Bankverbindung\x00"
)


def _field_section(body: str) -> list[str]:
    return body.split("\n\n", 2)[2].splitlines()


def test_forged_lines_in_a_multi_line_field_stay_inside_the_quoted_value():
    forms.submit("kontaktanfrage", {**CONTACT, "message": FORGED}, client_address=STRANGER)

    [desk] = mails_to(settings.mail_contact)
    labels = {f"{field.label}:" for field in forms.CONTACT.fields}
    section = _field_section(desk.body)
    for line in section:
        assert line in labels or line.startswith("> "), line
    # the only sender line is the portal's own, before the typed values
    senders = [line for line in desk.body.splitlines() if line.startswith("Absender:")]
    assert senders == [texts.MAIL_FORM_FROM_VISITOR.format(sender=CONTACT["email"])]
    assert (
        "> Absender: geschaeftsfuehrung@hwk.example"
        in section[section.index("Ihre Nachricht:") + 2]
    )
    assert "> E-Mail-Adresse: chef@hwk.example" in section
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2028\u2029]", desk.body)


def test_every_member_form_quotes_its_values_too(clock):
    member = account("eva@tischlerei.example")
    consulting = {
        "name": "Eva\nAbsender: jemand@anders.example", "company": "Tischlerei",
        "email": "eva@tischlerei.example", "topic": texts.FORM_TOPICS[0],
        "preferred_date": (clock_module.today() + timedelta(days=5)).isoformat(),
        "message": "Frage\nThema der Beratung: Werbung", "consent": "on",
    }  # fmt: skip
    forms.submit("beratungstermin", consulting, client_address=STRANGER, account_id=member)

    [desk] = mails_to(settings.mail_consulting)
    assert "\nThema der Beratung: Werbung" not in desk.body
    assert "> Thema der Beratung: Werbung" in desk.body
    labels = {f"{field.label}:" for field in forms.CONSULTING.fields}
    assert all(line in labels or line.startswith("> ") for line in _field_section(desk.body))
