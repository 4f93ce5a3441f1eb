"""Passwort ändern in Mein Konto: the current password is required (guesses at it wait after
five), bad input is named at the field, other sessions end while this one stays, and a mail
tells the member."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows

WAIT = re.compile(re.escape(texts.CURRENT_PASSWORD_WAIT).replace(r"\{seconds\}", r"\d+"))


def _change(page: Page, current: str, new: str, repeat: str | None = None) -> None:
    page.get_by_label(texts.FIELD_CURRENT_PASSWORD).fill(current)
    flows.fill_new_password(page, new, repeat)
    page.get_by_role("button", name=texts.CHANGE_TITLE).click()


def test_a_member_changes_the_password_and_other_sessions_end(page: Page, mail_sink, new_context):
    email = flows.create_account(page, mail_sink)
    elsewhere = flows.second_login(new_context, email)
    page.get_by_role("link", name=texts.CHANGE_TITLE).click()
    expect(page.get_by_role("heading", name=texts.CHANGE_TITLE, level=1)).to_be_visible()

    _change(page, "ein falsches Passwort", flows.NEW_PASSWORD)
    expect(page.get_by_role("main").get_by_text(texts.CURRENT_PASSWORD_WRONG)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_CURRENT_PASSWORD)).to_be_focused()
    _change(page, flows.PASSWORD, "kurz")
    expect(page.get_by_role("main").get_by_text(texts.PASSWORD_TOO_SHORT)).to_be_visible()
    _change(page, flows.PASSWORD, flows.NEW_PASSWORD, "nicht dasselbe Passwort")
    expect(page.get_by_role("main").get_by_text(texts.PASSWORD_MISMATCH)).to_be_visible()
    _change(page, flows.PASSWORD, flows.PASSWORD)
    expect(page.get_by_role("main").get_by_text(texts.NEW_PASSWORD_SAME)).to_be_visible()
    flows.assert_accessible(page)

    _change(page, flows.PASSWORD, flows.NEW_PASSWORD)
    expect(page.get_by_role("main").get_by_text(texts.CHANGE_DONE)).to_be_visible()
    mail_sink.wait_for(email, texts.MAIL_PASSWORD_CHANGED_SUBJECT)

    flows.expect_logged_out(elsewhere)
    flows.open_page(page, "/konto")
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    flows.logout(page)
    flows.open_page(page, "/anmelden")
    flows.login(page, email, flows.NEW_PASSWORD)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()


def test_guessing_the_current_password_is_slowed_down_at_the_field(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    flows.open_page(page, "/konto/passwort")
    current = page.get_by_label(texts.FIELD_CURRENT_PASSWORD)
    for n in range(5):
        _change(page, f"geraten Nummer {n}", flows.NEW_PASSWORD)
        expect(page.get_by_role("main").get_by_text(texts.CURRENT_PASSWORD_WRONG)).to_be_visible()
        expect(current).to_have_value("")

    _change(page, flows.PASSWORD, flows.NEW_PASSWORD)  # even the right one waits now
    expect(page.get_by_role("main").get_by_text(WAIT)).to_be_visible()
    expect(current).to_have_value("")
