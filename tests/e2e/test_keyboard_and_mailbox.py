"""Keyboard-only registration (BITV 2.0) and the demo mailbox a newcomer reads mails in."""

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


def test_registration_and_login_work_by_keyboard_alone(page: Page, mail_sink):
    email = flows.new_email("tastatur")
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=texts.SKIP_TO_CONTENT)).to_be_focused()

    flows.open_page(page, "/registrieren")
    page.get_by_label(texts.FIELD_EMAIL).focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    expect(page.get_by_label(texts.REGISTER_CONSENT)).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the form (focus is in it)
    expect(page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)).to_be_visible()

    flows.open_page(page, flows.confirmation_link(mail_sink, email))
    page.get_by_label(texts.FIELD_NEW_PASSWORD).focus()
    page.keyboard.type(flows.PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(flows.PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.WELCOME_TITLE)).to_be_visible()

    page.get_by_role("button", name=texts.NAV_LOGOUT).focus()
    with page.expect_navigation(url=flows.LOGGED_OUT_URL):  # the logout ends on the start page
        page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=texts.LOGIN_TITLE, exact=True)).to_be_visible()


def test_the_demo_mailbox_lists_the_mail_with_a_link_that_works(page: Page, mail_sink):
    email = flows.new_email("postfach")
    flows.register(page, email)

    flows.open_page(page, "/demo/postfach")
    expect(page.get_by_text(texts.MAILBOX_WARNING)).to_be_visible()
    mail = page.get_by_role("article").filter(has_text=email)
    expect(mail.get_by_role("heading", name=texts.MAIL_CONFIRM_SUBJECT)).to_be_visible()
    mail.get_by_role("link").first.click()
    expect(page.get_by_label(texts.FIELD_NEW_PASSWORD)).to_be_visible()
