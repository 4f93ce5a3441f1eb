"""Every message is read out by the page's live region, and the keyboard focus goes where the
page changed: to the success message that replaced a form, to the question "Wirklich
stornieren?", to the field that needs a correction."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import course_data, flows
from tests.e2e.docs_support import write_pdf

WRONG_PASSWORD = "Maurer mauern Mauern aus Ziegeln"


def _to_account(page: Page) -> None:
    navigation = page.get_by_role("navigation", name=texts.NAV_LABEL)
    navigation.get_by_role("link", name=texts.ACCOUNT_TITLE).click()
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE, level=1)).to_be_visible()


def test_registering_reads_out_the_mail_and_focuses_its_heading(page: Page):
    email = flows.new_email("ansage")
    flows.open_page(page, "/")
    page.get_by_role("link", name=texts.HOME_START_REGISTER).click()
    flows.submit_registration(page, email)

    expect(flows.announcer(page)).to_have_text(texts.REGISTER_DONE.format(email=email))
    expect(page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)).to_be_focused()


def test_a_wrong_login_is_read_out_again_each_time(page: Page, mail_sink, portal_db):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)
    page.get_by_role("link", name=texts.HOME_START_LOGIN).click()
    with flows.failed_logins_forgotten(portal_db):
        _fail_twice(page, email)


def _fail_twice(page: Page, email: str) -> None:
    flows.login(page, email, WRONG_PASSWORD)
    expect(page.get_by_role("alert")).to_have_text(texts.LOGIN_FAILED)
    expect(flows.announcer(page)).to_have_text(texts.LOGIN_FAILED)
    expect(page.get_by_label(texts.FIELD_PASSWORD)).to_be_focused()
    expect(page.get_by_label(texts.FIELD_PASSWORD)).to_have_value("")
    first = flows.announcer(page).locator("p").element_handle()

    page.get_by_label(texts.FIELD_PASSWORD).fill(WRONG_PASSWORD)
    page.keyboard.press("Enter")
    # the same words in a new element: screen readers read a repeated message again
    page.wait_for_function("element => !element.isConnected", arg=first)
    expect(flows.announcer(page)).to_have_text(texts.LOGIN_FAILED)
    expect(page.get_by_label(texts.FIELD_PASSWORD)).to_be_focused()


def test_an_empty_login_marks_both_fields_and_focuses_the_first(page: Page):
    flows.open_page(page, "/anmelden")
    page.get_by_role("button", name=texts.LOGIN_TITLE).click()

    email, password = page.get_by_label(texts.FIELD_EMAIL), page.get_by_label(texts.FIELD_PASSWORD)
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(texts.EMAIL_EMPTY)
    expect(password).to_have_accessible_description(texts.LOGIN_PASSWORD_MISSING)
    expect(email).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.FORM_HAS_ERRORS)

    email.fill(flows.new_email())
    page.get_by_role("button", name=texts.LOGIN_TITLE).click()
    expect(email).to_have_attribute("aria-invalid", "false")
    expect(password).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.LOGIN_PASSWORD_MISSING)


def test_booking_and_cancelling_are_read_out_and_focused(page: Page, mail_sink, screenshot):
    flows.create_account(page, mail_sink)
    flows.book_course(page, course_data.BOOK_AND_CANCEL, "Eva Ansage")
    done = page.get_by_role("main").get_by_text(texts.BOOKING_DONE)
    expect(done).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.BOOKING_DONE)

    page.get_by_role("link", name=texts.GO_TO_MY_BOOKINGS).click()
    entry = page.get_by_role("article").filter(has_text="Eva Ansage")
    entry.get_by_role("button", name=f"{course_data.BOOK_AND_CANCEL} stornieren").click()
    question = entry.get_by_text(texts.CANCEL_CONFIRM)
    expect(question).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.CANCEL_CONFIRM)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "ansage-stornieren-frage")
    question.focus()

    page.keyboard.press("Tab")  # the answers follow the question
    expect(entry.get_by_role("button", name=texts.CANCEL_YES)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main").get_by_text(texts.CANCEL_DONE)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.CANCEL_DONE)
    expect(entry).to_contain_text(texts.STATUS_CANCELLED)


def test_the_contact_form_reads_out_the_thanks_and_focuses_it(page: Page):
    flows.open_page(page, "/")
    page.get_by_role("contentinfo").get_by_role("link", name=texts.CONTACT_TITLE).click()
    expect(page.get_by_role("heading", name=texts.CONTACT_TITLE, level=1)).to_be_visible()
    page.get_by_label(texts.FORM_NAME).fill("Eva Meister")
    page.get_by_label(texts.FIELD_EMAIL).fill(flows.new_email("kontakt"))
    page.get_by_label(texts.FORM_SUBJECT).fill("Meisterschule")
    page.get_by_label(texts.FORM_MESSAGE).fill("Wann beginnt der nächste Vorbereitungskurs?")
    page.get_by_label(texts.FORM_CONSENT).check()
    page.get_by_role("button", name=texts.FORM_SEND).click()

    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.FORM_SENT)


def test_unlocking_uploading_and_the_mandate_are_read_out_and_focused(
    page: Page, mail_sink, betrieb, issue_pin, tmp_path, screenshot
):
    flows.create_account(page, mail_sink)
    page.get_by_role("link", name=texts.ACCOUNT_UNLOCK_NOW).click()
    flows.unlock_as_betrieb(page, betrieb, issue_pin(betrieb))
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_focused()
    target = f"Betrieb {betrieb} (Zimmerei Test {betrieb[3:10]})"  # the conftest's Betrieb
    expect(flows.announcer(page)).to_have_text(texts.UNLOCK_DONE.format(target=target))
    flows.assert_accessible_narrow_and_wide(page, screenshot, "ansage-freigeschaltet")

    _to_account(page)
    page.get_by_role("link", name=texts.DOCUMENTS_TITLE, exact=True).click()
    expect(page.get_by_role("heading", name=texts.DOCUMENTS_TITLE, level=1)).to_be_visible()
    page.get_by_role("button", name=texts.UPLOAD_BUTTON, exact=True).click()
    expect(page.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.DOCUMENT_DEPARTMENT_MISSING)
    page.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT).select_option(label="Beitrag")
    page.get_by_label(texts.UPLOAD_INPUT_LABEL).set_input_files(write_pdf(tmp_path, "Beleg.pdf"))
    page.get_by_role("button", name=texts.UPLOAD_BUTTON, exact=True).click()
    sent = texts.UPLOAD_DONE.format(count=1)
    expect(page.get_by_role("main").get_by_text(sent)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(sent)

    flows.set_up_second_factor_for_sepa(page)  # required for SEPA; comes back there
    page.get_by_label(texts.FIELD_KONTOINHABER).fill("Zimmerei Test")
    page.get_by_label(texts.FIELD_IBAN).fill("DE89 3704 0044 0532 0130 00")
    page.get_by_label(texts.SEPA_CONSENT).check()
    page.get_by_role("button", name=texts.SEPA_GRANT_BUTTON).click()
    granted = page.get_by_role("main").get_by_text(re.compile(r"^Mandat .+ erteilt\."))
    expect(granted).to_be_focused()
    expect(flows.announcer(page)).to_have_text(re.compile(r"^Mandat .+ erteilt\."))
    flows.assert_accessible_narrow_and_wide(page, screenshot, "ansage-mandat-erteilt")

    page.get_by_role("button", name=texts.SEPA_REVOKE).click()
    expect(page.get_by_role("main").get_by_text(texts.SEPA_REVOKE_CONFIRM)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.SEPA_REVOKE_CONFIRM)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts.SEPA_REVOKE_YES)).to_be_focused()
    page.keyboard.press("Enter")
    revoked = re.compile(r"^Mandat .+ widerrufen\.$")
    expect(page.get_by_role("main").get_by_text(revoked)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(revoked)


def test_logging_out_is_read_out_and_focused(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    flows.logout(page)  # reads the live region
    expect(page.get_by_role("main").get_by_text(texts.LOGGED_OUT)).to_be_focused()


def test_ending_logins_twice_in_a_row_is_read_out_and_focused_each_time(
    page: Page, mail_sink, new_context
):
    email = flows.create_account(page, mail_sink)
    for _ in range(2):
        flows.second_login(new_context, email)
    page.get_by_role("link", name=texts.SESSIONS_TITLE).click()
    page.get_by_role("button", name=re.compile(r"^Anmeldung .* beenden$")).first.click()
    expect(page.get_by_role("main").get_by_text(texts.SESSIONS_ENDED_ONE)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.SESSIONS_ENDED_ONE)

    page.get_by_role("button", name=texts.SESSIONS_END_OTHERS).click()  # the message box stays
    expect(page.get_by_role("main").get_by_text(texts.SESSIONS_ENDED_OTHERS)).to_be_focused()
    expect(flows.announcer(page)).to_have_text(texts.SESSIONS_ENDED_OTHERS)
