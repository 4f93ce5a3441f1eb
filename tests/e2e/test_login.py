"""Login, logout, the protected page and the session across reloads and tabs."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


def test_login_survives_a_reload_and_logout_ends_it(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.open_page(page, "/konto")
    page.reload()
    expect(page.get_by_text(email)).to_be_visible()

    flows.logout(page)
    page.goto("/konto")
    expect(page).to_have_url(re.compile(r"/anmelden\?next=/konto$"))

    flows.login(page, email)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    expect(page.get_by_text(email)).to_be_visible()


def test_a_visitor_is_sent_to_login_and_back_to_the_page_asked_for(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)

    page.goto("/konto")
    expect(page.get_by_text(texts.LOGIN_REQUIRED)).to_be_visible()
    flows.login(page, email)
    expect(page).to_have_url(re.compile(r"/konto/?$"))


def test_a_next_pointing_to_another_host_is_ignored(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)

    flows.open_page(page, "/anmelden?next=//evil.example/konto")
    flows.login(page, email)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    assert "evil.example" not in page.url


def test_wrong_password_and_unknown_address_get_one_generic_answer(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)

    flows.open_page(page, "/anmelden")
    flows.login(page, email, "ein ganz falsches Passwort")
    expect(page.get_by_role("alert")).to_have_text(texts.LOGIN_FAILED)
    expect(page.get_by_label(texts.FIELD_PASSWORD)).to_have_value("")

    flows.login(page, flows.new_email("unbekannt"), flows.PASSWORD)
    expect(page.get_by_role("alert")).to_have_text(texts.LOGIN_FAILED)


def test_a_second_tab_shares_the_login_and_notices_the_logout(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    second = page.context.new_page()
    second.goto("/konto")
    expect(second.get_by_text(email)).to_be_visible()

    flows.logout(page)

    second.get_by_role("link", name=texts.NAV_HELP).click()
    expect(second.get_by_role("link", name=texts.LOGIN_TITLE, exact=True)).to_be_visible()
    second.goto("/konto")
    expect(second).to_have_url(re.compile(r"/anmelden\?next=/konto$"))
    second.close()
