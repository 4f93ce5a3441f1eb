"""Konto löschen: the explanation, bad input, the confirmation page and mail, the login gone,
and the address free to register again; a deleted account's seat goes to the waiting list."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import course_data, flows


def _delete(page: Page, password: str, confirm: bool) -> None:
    page.get_by_label(texts.FIELD_PASSWORD, exact=True).fill(password)
    if confirm:
        page.get_by_label(texts.DELETE_CONFIRM).check()
    page.get_by_role("button", name=texts.DELETE_BUTTON).click()


def test_a_member_deletes_the_account_and_can_register_again(page: Page, mail_sink, new_context):
    email = flows.create_account(page, mail_sink)
    elsewhere = flows.second_login(new_context, email)
    page.get_by_role("link", name=texts.DELETE_TITLE).click()
    expect(page.get_by_text(texts.DELETE_INTRO)).to_be_visible()

    _delete(page, flows.PASSWORD, confirm=False)
    expect(page.get_by_role("main").get_by_text(texts.DELETE_CONFIRM_MISSING)).to_be_visible()
    flows.assert_accessible(page)
    _delete(page, "ein falsches Passwort", confirm=True)
    expect(page.get_by_role("main").get_by_text(texts.CURRENT_PASSWORD_WRONG)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_PASSWORD, exact=True)).to_be_focused()

    _delete(page, flows.PASSWORD, confirm=False)  # the box is still ticked
    expect(page).to_have_url(re.compile(r"/konto-geloescht/?$"))
    expect(page.get_by_role("heading", name=texts.DELETE_DONE_TITLE)).to_be_visible()
    expect(page.get_by_role("link", name=texts.LOGIN_TITLE, exact=True)).to_be_visible()
    mail_sink.wait_for(email, texts.MAIL_DELETED_SUBJECT)
    flows.assert_accessible(page)

    flows.expect_logged_out(elsewhere)
    flows.open_page(page, "/anmelden")
    flows.login(page, email)
    expect(page.get_by_role("alert")).to_have_text(texts.LOGIN_FAILED)

    mails_before = len(mail_sink.to(email))
    flows.register(page, email)
    mail_sink.wait_for_count(email, mails_before + 1)
    flows.set_password(page, flows.confirmation_link(mail_sink, email))
    expect(page.get_by_role("heading", name=texts.WELCOME_TITLE)).to_be_visible()


def test_a_deleted_accounts_seat_goes_to_the_first_on_the_waiting_list(page: Page, mail_sink):
    leaving = flows.create_account(page, mail_sink)
    flows.book_course(page, course_data.DELETED_SEAT, "Erste Teilnehmerin")
    flows.logout(page)
    waiting = flows.create_account(page, mail_sink)
    flows.find_course(page, course_data.DELETED_SEAT)
    flows.fill_participant(page, "Wartender Teilnehmer")
    page.get_by_role("button", name=texts.BOOKING_WAITLIST_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_WAITING_DONE)).to_be_visible()
    flows.logout(page)

    flows.open_page(page, "/anmelden")
    flows.login(page, leaving)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    page.get_by_role("link", name=texts.DELETE_TITLE).click()
    expect(page.get_by_text(texts.DELETE_WHAT)).to_be_visible()
    _delete(page, flows.PASSWORD, confirm=True)
    expect(page.get_by_role("heading", name=texts.DELETE_DONE_TITLE)).to_be_visible()

    mail_sink.wait_for(leaving, "Stornierung bestätigt")
    mail_sink.wait_for(waiting, "Platz frei geworden")
    flows.open_page(page, "/anmelden")
    flows.login(page, waiting)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    entry = flows.booking_entry(page, course_data.DELETED_SEAT)
    expect(entry).to_contain_text(texts.STATUS_BOOKED)
