"""The account pages (password reset, Mein Konto's password, devices and deletion): axe-core
clean at desktop width and at 375 px, with screenshots; usable by keyboard alone."""

import pytest
from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows

WIDTHS = {"desktop": 1280, "mobil": 375}
PUBLIC = {
    "passwort-vergessen": ("/passwort-vergessen", texts.FORGOT_TITLE),
    "passwort-link-ungueltig": ("/passwort-zuruecksetzen?token=alt", texts.RESET_TITLE),
    "konto-geloescht": ("/konto-geloescht", texts.DELETE_DONE_TITLE),
}
PROTECTED = {
    "konto-verwalten": ("/konto", texts.ACCOUNT_TITLE),
    "passwort-aendern": ("/konto/passwort", texts.CHANGE_TITLE),
    "sitzungen": ("/konto/sitzungen", texts.SESSIONS_TITLE),
    "konto-loeschen": ("/konto/loeschen", texts.DELETE_TITLE),
}


@pytest.mark.parametrize("width", WIDTHS)
def test_the_pages_are_accessible_at_both_widths(page: Page, mail_sink, screenshot, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    for name, (path, heading) in PUBLIC.items():
        flows.open_page(page, path)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        flows.assert_accessible(page)
        screenshot(f"{name}-{width}")

    flows.create_account(page, mail_sink)
    for name, (path, heading) in PROTECTED.items():
        flows.open_page(page, path)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        flows.assert_accessible(page)
        screenshot(f"{name}-{width}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTHS[width]


def test_a_password_change_and_ending_sessions_work_by_keyboard(page: Page, mail_sink, new_context):
    email = flows.create_account(page, mail_sink)
    flows.second_login(new_context, email)

    flows.open_page(page, "/konto/passwort")
    page.get_by_label(texts.FIELD_CURRENT_PASSWORD).focus()
    for value in (flows.PASSWORD, flows.NEW_PASSWORD, flows.NEW_PASSWORD):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # on the submit button
    expect(page.get_by_role("main").get_by_text(texts.CHANGE_DONE)).to_be_visible()

    flows.second_login(new_context, email, flows.NEW_PASSWORD)
    flows.open_page(page, "/konto/sitzungen")
    page.get_by_role("button", name=texts.SESSIONS_END_OTHERS).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main").get_by_text(texts.SESSIONS_ENDED_OTHERS)).to_be_visible()
