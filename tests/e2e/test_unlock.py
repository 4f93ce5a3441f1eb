"""Freischalten end to end: registry and PIN from the operator's command line, the wizard from
registration to unlocked, a colleague with a second PIN, a used PIN, five wrong tries (they
pause only the account that made them), a new PIN."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows

NUMBER_PAUSED = re.compile(re.escape(texts.UNLOCK_NUMBER_PAUSED).replace(r"\{until\}", r".+"))


def test_the_wizard_leads_from_registration_to_unlocked(
    page: Page, mail_sink, betrieb, issue_pin, screenshot
):
    pin = issue_pin(betrieb)
    email = flows.new_email("wizard")

    flows.open_page(page, "/")
    page.get_by_role("link", name=texts.HOME_START_REGISTER).click()
    steps = page.get_by_role("list", name=texts.WELCOME_STEPS_LABEL)
    expect(steps.get_by_role("listitem").nth(0)).to_have_attribute("aria-current", "step")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.REGISTER_CONSENT).check()
    page.get_by_role("button", name=texts.REGISTER_TITLE).click()
    expect(page.get_by_text(texts.WELCOME_REGISTERED_NEXT)).to_be_visible()

    flows.set_password(page, flows.confirmation_link(mail_sink, email))
    expect(page).to_have_url(re.compile(r"/willkommen/?$"))
    expect(steps.get_by_text(texts.WELCOME_STEP_CURRENT)).to_be_visible()
    expect(page.get_by_role("heading", name="3. Freischalten")).to_be_visible()
    expect(page.get_by_text(texts.BETRIEBSNUMMER_HINT)).to_be_visible()
    flows.assert_accessible(page)
    screenshot("willkommen-freischalten")

    flows.unlock_as_betrieb(page, betrieb.lower().replace("-", " "), pin.lower())
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(betrieb)).to_be_visible()
    flows.assert_accessible(page)
    screenshot("willkommen-erledigt")
    mail_sink.wait_for(email, texts.MAIL_UNLOCKED_SUBJECT)

    flows.open_page(page, "/willkommen")  # coming back later: the wizard is finished
    expect(page.get_by_role("heading", name=texts.WELCOME_FINISHED_TITLE)).to_be_visible()
    flows.open_page(page, "/konto")
    expect(page.get_by_text(texts.ACCOUNT_UNLOCKED, exact=True)).to_be_visible()
    expect(page.get_by_text(f"Betrieb {betrieb}")).to_be_visible()


def test_a_member_who_left_resumes_at_the_unlock_step(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)

    flows.open_page(page, "/willkommen?schritt=anmelden")
    flows.login(page, email)
    expect(page.get_by_role("heading", name="3. Freischalten")).to_be_visible()


def test_a_colleague_unlocks_the_same_betrieb_with_a_second_pin_and_a_used_pin_fails(
    page: Page, mail_sink, betrieb, issue_pin
):
    first_pin = issue_pin(betrieb)
    flows.create_account(page, mail_sink)
    flows.open_page(page, "/freischalten")
    flows.unlock_as_betrieb(page, betrieb[3:10], first_pin)
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()
    flows.logout(page)

    flows.create_account(page, mail_sink)
    flows.open_page(page, "/freischalten")
    flows.unlock_as_betrieb(page, betrieb, first_pin)
    expect(page.get_by_role("alert")).to_have_text(texts.UNLOCK_PIN_USED)

    flows.unlock_as_betrieb(page, betrieb, issue_pin(betrieb))
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()


def test_five_wrong_tries_pause_only_this_account_and_a_new_pin_can_be_requested(
    page: Page, mail_sink, betrieb, issue_pin, portal_cli, screenshot
):
    pin = issue_pin(betrieb)
    email = flows.create_account(page, mail_sink)
    flows.open_page(page, "/freischalten")
    for _ in range(5):
        flows.unlock_as_betrieb(page, betrieb, "ZZZZ ZZZZ")
        expect(page.get_by_role("alert")).to_have_text(texts.UNLOCK_FAILED)
        expect(page.get_by_label(texts.FIELD_PIN)).to_have_value("")
    flows.unlock_as_betrieb(page, betrieb, pin)
    expect(page.get_by_role("alert")).to_have_text(NUMBER_PAUSED)

    page.get_by_role("link", name=texts.PIN_REQUEST_TITLE).click()
    expect(page.get_by_role("heading", name=texts.PIN_REQUEST_TITLE, level=1)).to_be_visible()
    page.get_by_role("button", name=texts.PIN_REQUEST_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.PIN_REQUEST_KIND_MISSING)).to_be_visible()
    page.get_by_label(texts.PIN_REQUEST_KIND_BETRIEB).check()
    page.get_by_label(texts.FIELD_NUMMER).fill("12")
    page.get_by_role("button", name=texts.PIN_REQUEST_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.BETRIEBSNUMMER_INVALID)).to_be_visible()
    flows.assert_accessible(page)
    screenshot("neue-pin-fehler")
    page.get_by_label(texts.FIELD_NUMMER).fill(betrieb)
    page.get_by_role("button", name=texts.PIN_REQUEST_TITLE).click()
    expect(page.get_by_role("heading", name=texts.PIN_REQUEST_DONE_TITLE)).to_be_visible()
    mail_sink.wait_for(email, texts.MAIL_PIN_REQUEST_SUBJECT)
    assert betrieb in portal_cli("pin", "requests")

    flows.logout(page)  # the letter still works for its holder
    flows.create_account(page, mail_sink)
    flows.open_page(page, "/freischalten")
    flows.unlock_as_betrieb(page, betrieb, pin)
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()

    issue_pin(betrieb)
    assert betrieb not in portal_cli("pin", "requests")


def test_bad_input_on_the_unlock_form_is_named_at_the_field(page: Page, mail_sink, screenshot):
    flows.create_account(page, mail_sink)
    flows.open_page(page, "/freischalten")
    page.get_by_role("button", name=texts.UNLOCK_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.BETRIEBSNUMMER_EMPTY)).to_be_visible()
    flows.unlock_as_betrieb(page, "<b>123</b>", "")
    expect(page.get_by_role("main").get_by_text(texts.BETRIEBSNUMMER_INVALID)).to_be_visible()
    flows.unlock_as_betrieb(page, "1234567", "  ")
    expect(page.get_by_role("main").get_by_text(texts.PIN_EMPTY)).to_be_visible()

    page.get_by_role("tab", name=texts.UNLOCK_AS_PERSON).click()
    page.get_by_label(texts.FIELD_KUNDENNUMMER).fill("1234")
    page.get_by_label(texts.FIELD_PIN).fill("ABCDEFGH")
    page.get_by_role("button", name=texts.UNLOCK_TITLE).click()
    expect(page.get_by_role("main").get_by_text(texts.KUNDENNUMMER_INVALID)).to_be_visible()
    flows.assert_accessible(page)
    screenshot("freischalten-person-fehler")


def test_the_unlock_page_needs_a_login(page: Page):
    page.goto("/freischalten")
    expect(page).to_have_url(re.compile(r"/anmelden\?next=/freischalten$"))
