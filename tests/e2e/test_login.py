"""Login, logout, the protected page and the session across reloads and tabs; the device
cookie that keeps others' failed logins from holding up a browser that logged in before."""

import re
import time

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from portal_app import texts
from portal_app.services import clock, devices, throttle
from tests.e2e import flows

WAIT = re.compile(re.escape(texts.LOGIN_WAIT).replace(r"\{seconds\}", r"\d+"))
PAUSED = re.compile(re.escape(texts.LOGIN_PAUSED).replace(r"\{until\}", r".+"))


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


def _record_failures(portal_db: str, count: int, client: str = "", email: str = "") -> None:
    """Failed logins as strangers leave them: from `client` on other addresses, or on the
    address `email` from elsewhere (straight into the portal's table, without the waits)."""
    digest = throttle.key_for(email.casefold(), "").email_digest if email else ""
    now = clock.now().strftime("%Y-%m-%d %H:%M:%S.%f")
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        for n in range(count):
            connection.execute(
                text(
                    "INSERT INTO login_failure (at, email_digest, client, device) "
                    "VALUES (:at, :digest, :client, '')"
                ),
                {"at": now, "digest": digest or f"fremd-{n}", "client": client or "198.51.100.9"},
            )
    engine.dispose()


def _client_of_last_failure(portal_db: str) -> str:
    engine = create_engine(portal_db)
    with engine.connect() as connection:
        client = connection.execute(
            text("SELECT client FROM login_failure ORDER BY id DESC LIMIT 1")
        ).scalar()
    engine.dispose()
    return client


def test_the_device_cookie_is_httponly_strict_and_outlives_the_logout(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    flows.logout(page)

    [cookie] = [c for c in page.context.cookies() if c["name"] == devices.NAME]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert cookie["expires"] > time.time() + 300 * 24 * 3600
    assert page.evaluate("document.cookie").find(devices.NAME) == -1


def test_a_browser_that_logged_in_before_is_not_held_up_by_its_office_address(
    page: Page, mail_sink, new_context, portal_db
):
    """Others' failures from the same client address make a new browser wait, not this one."""
    email = flows.create_account(page, mail_sink)
    flows.logout(page)
    with flows.failed_logins_forgotten(portal_db):
        colleague = new_context().new_page()
        colleague.goto("/anmelden")
        flows.login(colleague, flows.new_email("niemand"), "ein ganz falsches Passwort")
        expect(colleague.get_by_role("alert")).to_have_text(texts.LOGIN_FAILED)
        _record_failures(portal_db, 9, client=_client_of_last_failure(portal_db))

        flows.login(colleague, email)  # the right password, from a browser new to the account
        expect(colleague.get_by_role("alert")).to_have_text(WAIT)

        flows.open_page(page, "/anmelden")
        flows.login(page, email)
        expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()


def test_a_stranger_pauses_new_browsers_but_not_the_members_own(
    page: Page, mail_sink, new_context, portal_db
):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)
    with flows.failed_logins_forgotten(portal_db):
        _record_failures(portal_db, 20, email=email)

        other = new_context().new_page()
        other.goto("/anmelden")
        flows.login(other, email)
        expect(other.get_by_role("alert")).to_have_text(PAUSED)

        flows.open_page(page, "/anmelden")
        flows.login(page, email)
        expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
