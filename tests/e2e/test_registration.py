"""Registration end to end: the mailed link, setting the password, and every bad input."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.mailsink import body_of


def test_a_member_registers_confirms_by_mail_and_lands_logged_in(page: Page, mail_sink):
    email = flows.new_email()
    flows.register(page, email)
    expect(page.get_by_role("main")).to_contain_text(email)
    expect(flows.announcer(page)).to_contain_text(email)

    link = flows.confirmation_link(mail_sink, email)
    flows.set_password(page, link)

    expect(page).to_have_url(re.compile(r"/willkommen/?$"))
    expect(page.get_by_role("heading", name="3. Freischalten")).to_be_visible()

    flows.open_page(page, "/konto")
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    expect(page.get_by_text(email)).to_be_visible()
    expect(page.get_by_text(texts.ACCOUNT_NOT_UNLOCKED)).to_be_visible()


def test_a_known_address_gets_the_same_answer_and_a_notice_by_mail(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)

    flows.register(page, email.upper().replace("@BETRIEB", "@betrieb"))
    # the same answer as for anyone, with the address as typed (its domain in lower case)
    shown = f"{email.split('@')[0].upper()}@{email.split('@')[1]}"
    expect(flows.announcer(page)).to_have_text(texts.REGISTER_DONE.format(email=shown))

    notice = mail_sink.wait_for(email, texts.MAIL_EXISTS_SUBJECT)
    assert "/anmelden" in body_of(notice)


def test_malformed_address_and_missing_consent_are_named_at_the_field(page: Page):
    flows.open_page(page, "/registrieren")
    page.get_by_role("button", name=texts.REGISTER_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.EMAIL_EMPTY)).to_be_visible()

    page.get_by_label(texts.FIELD_EMAIL).fill("<script>alert(1)</script>@beispiel")
    page.get_by_role("button", name=texts.REGISTER_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.EMAIL_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_EMAIL)).to_have_attribute("aria-invalid", "true")

    page.get_by_label(texts.FIELD_EMAIL).fill(flows.new_email())
    page.get_by_role("button", name=texts.REGISTER_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.CONSENT_MISSING)).to_be_visible()
    expect(page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)).to_have_count(0)


def test_bad_passwords_are_refused_and_the_link_stays_usable(page: Page, mail_sink):
    email = flows.new_email()
    flows.register(page, email)
    link = flows.confirmation_link(mail_sink, email)

    cases = [
        ("kurz", None, texts.PASSWORD_TOO_SHORT),
        ("passwort1234", None, texts.PASSWORD_TOO_COMMON),
        ("ä" * 36 + "x", None, texts.PASSWORD_TOO_LONG),  # 73 bytes in UTF-8
        (flows.PASSWORD, flows.PASSWORD + "!", texts.PASSWORD_MISMATCH),
    ]
    for password, repeat, message in cases:
        flows.set_password(page, link, password, repeat)
        expect(page.get_by_role("alert").filter(has_text=message)).to_be_visible()
        expect(page.get_by_role("heading", name=texts.CONFIRM_TITLE)).to_be_visible()

    flows.set_password(page, link)
    expect(page.get_by_role("heading", name=texts.WELCOME_TITLE)).to_be_visible()


def test_a_used_or_unknown_link_says_so_and_offers_a_new_one(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    link = flows.confirmation_link(mail_sink, email)
    flows.logout(page)

    flows.open_page(page, link)
    expect(page.get_by_role("alert")).to_have_text(texts.TOKEN_USED)
    expect(page.get_by_role("link", name=texts.TOKEN_NEW_LINK)).to_be_visible()

    flows.open_page(page, "/registrieren/bestaetigen?token=erfunden")
    expect(page.get_by_role("alert")).to_have_text(texts.TOKEN_UNKNOWN)
    expect(page.get_by_label(texts.FIELD_NEW_PASSWORD)).to_have_count(0)


def test_opening_the_link_alone_uses_nothing_up(page: Page, mail_sink):
    email = flows.new_email()
    flows.register(page, email)
    link = flows.confirmation_link(mail_sink, email)

    page.goto(link)  # what a mail scanner does
    page.goto(link)
    expect(page.get_by_label(texts.FIELD_NEW_PASSWORD)).to_be_visible()
    flows.set_password(page, link)
    expect(page.get_by_role("heading", name=texts.WELCOME_TITLE)).to_be_visible()
