"""E-Mail-Adresse ändern: bad input at the field, the link to the new address makes the change,
the member logs in with the new address, and the old address's undo link gives the account back
(every session ended, a new password set through the mailed link)."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.e2e.conftest import SCREENSHOTS
from tests.mailsink import body_of

CONFIRM_LINK = re.compile(r"https?://\S+/email-bestaetigen\?token=\S+")
UNDO_LINK = re.compile(r"https?://\S+/email-zuruecksetzen\?token=\S+")


def _link(mail_sink, address: str, subject: str, pattern: re.Pattern) -> str:
    return pattern.search(body_of(mail_sink.wait_for(address, subject))).group(0)


def _shot(page: Page):
    """The `screenshot` fixture's pictures, of another browser's page."""
    return lambda name: page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def _ask(page: Page, new: str, password: str) -> None:
    page.get_by_label(texts.FIELD_NEW_EMAIL).fill(new)
    page.get_by_label(texts.FIELD_PASSWORD).fill(password)
    page.get_by_label(texts.FIELD_PASSWORD).press("Enter")  # by keyboard


def test_change_the_address_log_in_with_it_and_undo_it_from_the_old_one(
    page: Page, mail_sink, new_context, screenshot
):
    old = flows.create_account(page, mail_sink)
    new = flows.new_email("neu")
    page.get_by_role("link", name=texts.EMAIL_CHANGE_TITLE).click()
    expect(page.get_by_role("heading", name=texts.EMAIL_CHANGE_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(old)).to_be_visible()

    main = page.get_by_role("main")
    _ask(page, "", flows.PASSWORD)
    expect(main.get_by_text(texts.EMAIL_EMPTY)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_NEW_EMAIL)).to_be_focused()
    _ask(page, "<script>alert(1)</script>", flows.PASSWORD)
    expect(main.get_by_text(texts.EMAIL_INVALID)).to_be_visible()
    _ask(page, old.upper(), flows.PASSWORD)
    expect(main.get_by_text(texts.EMAIL_CHANGE_SAME)).to_be_visible()
    _ask(page, new, "ein falsches Passwort")
    expect(main.get_by_text(texts.CURRENT_PASSWORD_WRONG)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_PASSWORD)).to_have_value("")
    flows.assert_accessible_narrow_and_wide(page, screenshot, "email-aendern-fehler")

    _ask(page, new, flows.PASSWORD)
    expect(main.get_by_text(texts.EMAIL_CHANGE_SENT.format(email=new))).to_be_visible()
    flows.assert_accessible(page)

    # the link in the mail to the new address, opened in this browser (logged in)
    flows.open_page(page, _link(mail_sink, new, texts.MAIL_EMAIL_CONFIRM_SUBJECT, CONFIRM_LINK))
    expect(main.get_by_text(texts.EMAIL_CONFIRM_QUESTION.format(email=new))).to_be_visible()
    expect(page.get_by_label(texts.FIELD_PASSWORD)).to_have_count(0)  # own session: no password
    flows.assert_accessible_narrow_and_wide(page, screenshot, "email-bestaetigen")
    page.get_by_role("button", name=texts.EMAIL_CONFIRM_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.EMAIL_CONFIRM_DONE_TITLE)).to_be_visible()
    flows.assert_accessible(page)

    flows.logout(page)
    flows.open_page(page, "/anmelden")
    flows.login(page, new)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()

    # the old address was told; its undo link gives the account back, from another browser
    undo = _link(mail_sink, old, texts.MAIL_EMAIL_CHANGED_SUBJECT, UNDO_LINK)
    owner = new_context().new_page()
    flows.open_page(owner, undo)
    expect(owner.get_by_role("main").get_by_text(old)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(owner, _shot(owner), "email-zuruecksetzen")
    button = owner.get_by_role("button", name=texts.EMAIL_UNDO_BUTTON)
    button.focus()
    owner.keyboard.press("Enter")
    expect(owner.get_by_role("heading", name=texts.EMAIL_UNDO_DONE_TITLE)).to_be_visible()
    flows.assert_accessible(owner)

    flows.expect_logged_out(page)  # the session that used the new address ended
    flows.open_page(page, "/anmelden")
    flows.login(page, old)  # the old password opens nothing any more
    expect(page.get_by_role("main").get_by_text(texts.LOGIN_FAILED)).to_be_visible()

    reset = _link(mail_sink, old, texts.MAIL_EMAIL_UNDONE_SUBJECT, flows.RESET_LINK)
    flows.open_page(owner, reset)
    flows.fill_new_password(owner, flows.NEW_PASSWORD)
    owner.get_by_role("button", name=texts.RESET_BUTTON).click()
    expect(owner.get_by_role("heading", name=texts.RESET_DONE_TITLE)).to_be_visible()
    flows.open_page(owner, "/anmelden")
    flows.login(owner, old, flows.NEW_PASSWORD)
    expect(owner.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()

    flows.open_page(owner, undo)  # the undo link works once
    expect(owner.get_by_role("main").get_by_text(texts.EMAIL_UNDO_USED)).to_be_visible()


def test_the_link_opened_without_a_session_asks_for_the_password(
    page: Page, mail_sink, new_context
):
    flows.create_account(page, mail_sink)
    new = flows.new_email("neu")
    page.get_by_role("link", name=texts.EMAIL_CHANGE_TITLE).click()
    _ask(page, new, flows.PASSWORD)
    expect(page.get_by_role("main").get_by_text(texts.EMAIL_CHANGE_SENT.format(email=new)))

    stranger = new_context().new_page()
    flows.open_page(stranger, _link(mail_sink, new, texts.MAIL_EMAIL_CONFIRM_SUBJECT, CONFIRM_LINK))
    expect(stranger.get_by_text(texts.EMAIL_CONFIRM_PASSWORD_INTRO)).to_be_visible()
    stranger.get_by_role("button", name=texts.EMAIL_CONFIRM_BUTTON).click()
    expect(stranger.get_by_role("main").get_by_text(texts.LOGIN_PASSWORD_MISSING)).to_be_visible()
    stranger.get_by_label(texts.FIELD_PASSWORD).fill("nicht das Passwort")
    stranger.get_by_role("button", name=texts.EMAIL_CONFIRM_BUTTON).click()
    expect(stranger.get_by_role("main").get_by_text(texts.CURRENT_PASSWORD_WRONG)).to_be_visible()
    flows.assert_accessible(stranger)
    stranger.get_by_label(texts.FIELD_PASSWORD).fill(flows.PASSWORD)
    stranger.get_by_role("button", name=texts.EMAIL_CONFIRM_BUTTON).click()
    expect(stranger.get_by_role("heading", name=texts.EMAIL_CONFIRM_DONE_TITLE)).to_be_visible()
    flows.expect_logged_out(page)  # with the password every session ends
