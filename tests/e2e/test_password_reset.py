"""Passwort vergessen end to end: the same answer for every address, the mailed link, bad
input, every session ending, the notice by mail, a link that works only once, and a token that
leaves the address bar but stays with the tab."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


def test_a_member_resets_the_password_and_every_session_ends(page: Page, mail_sink, new_context):
    email = flows.create_account(page, mail_sink)
    elsewhere = flows.second_login(new_context, email)
    flows.logout(page)

    flows.request_reset(page, email)
    expect(page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)).to_be_visible()
    link = flows.reset_link(mail_sink, email)

    flows.open_page(page, link)
    flows.fill_new_password(page, "zu kurz")
    page.get_by_role("button", name=texts.RESET_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.PASSWORD_TOO_SHORT)).to_be_visible()
    flows.fill_new_password(page, flows.NEW_PASSWORD, "etwas ganz anderes hier")
    page.get_by_role("button", name=texts.RESET_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.PASSWORD_MISMATCH)).to_be_visible()
    flows.assert_accessible(page)

    flows.fill_new_password(page, flows.NEW_PASSWORD)
    page.get_by_role("button", name=texts.RESET_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.RESET_DONE_TITLE)).to_be_visible()
    mail_sink.wait_for(email, texts.MAIL_PASSWORD_CHANGED_SUBJECT)

    flows.expect_logged_out(elsewhere)
    flows.open_page(page, link)
    expect(page.get_by_role("alert")).to_have_text(texts.RESET_TOKEN_USED)

    flows.open_page(page, "/anmelden")
    flows.login(page, email, flows.PASSWORD)
    expect(page.get_by_role("alert")).to_have_text(texts.LOGIN_FAILED)
    flows.login(page, email, flows.NEW_PASSWORD)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()


def test_the_token_leaves_the_address_bar_and_the_tab_keeps_it_across_a_reload(
    page: Page, mail_sink
):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)
    flows.request_reset(page, email)
    link = flows.reset_link(mail_sink, email)

    flows.open_page(page, link)
    expect(page).to_have_url(re.compile(r"/passwort-zuruecksetzen/?$"))
    page.reload()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    flows.fill_new_password(page, flows.NEW_PASSWORD)
    page.get_by_role("button", name=texts.RESET_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.RESET_DONE_TITLE)).to_be_visible()


def test_an_unknown_address_gets_the_same_answer_and_a_mail_saying_so(page: Page, mail_sink):
    email = flows.new_email("unbekannt")
    flows.request_reset(page, email)
    expect(page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(email)).to_be_visible()
    mail_sink.wait_for(email, texts.MAIL_RESET_UNKNOWN_SUBJECT)


def test_a_malformed_address_and_a_made_up_link_are_named(page: Page):
    flows.request_reset(page, "kein-at-zeichen")
    expect(page.get_by_role("main").get_by_text(texts.EMAIL_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_EMAIL)).to_have_attribute("aria-invalid", "true")
    flows.assert_accessible(page)

    flows.open_page(page, "/passwort-zuruecksetzen?token=ausgedacht")
    expect(page.get_by_role("alert")).to_have_text(texts.TOKEN_UNKNOWN)
    expect(page.get_by_role("link", name=texts.RESET_NEW_LINK)).to_be_visible()


def test_the_login_page_leads_to_the_reset(page: Page):
    flows.open_page(page, "/anmelden")
    page.get_by_role("link", name=texts.FORGOT_LINK).click()
    expect(page.get_by_role("heading", name=texts.FORGOT_TITLE, level=1)).to_be_visible()
