"""A login that ends while a form is open: the page and the typed text stay, a dialog says
what happened, the member logs in again in a new tab and sends what they typed."""

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


def _open_consulting_form(page: Page) -> None:
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=texts.FORMS_TITLE).click()
    page.get_by_role("link", name=texts.FORM_CONSULTING_TITLE).click()
    expect(page.get_by_role("heading", name=texts.FORM_CONSULTING_TITLE, level=1)).to_be_visible()


def test_an_ended_login_keeps_the_form_and_sends_it_after_a_new_login(
    page: Page, mail_sink, portal_db
):
    email = flows.create_account(page, mail_sink)
    _open_consulting_form(page)
    page.get_by_label(texts.FORM_NAME).fill("Eva Meister")
    page.get_by_label(texts.FORM_COMPANY).fill("Tischlerei Meister – nach der Kaffeepause")
    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill("1234567")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.FORM_TOPIC).select_option(texts.FORM_TOPICS[1])
    page.get_by_label(texts.FORM_PREFERRED_DATE).fill("2099-03-01")
    page.get_by_label(texts.FORM_CONSENT).check()
    flows.expire_login(portal_db, email)

    page.get_by_role("button", name=texts.FORM_SEND).click()
    dialog = page.get_by_role("alertdialog", name=texts.SESSION_ENDED_TITLE)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(texts.SESSION_ENDED_TEXT)
    flows.assert_accessible(page)

    # "Weiter" before logging in again: still ended, said so, nothing lost
    dialog.get_by_role("button", name=texts.SESSION_ENDED_RESUME).click()
    expect(flows.announcer(page)).to_have_text(texts.SESSION_ENDED_STILL)
    expect(dialog).to_be_visible()

    with page.context.expect_page() as opened:
        dialog.get_by_role("link", name=texts.SESSION_ENDED_LOGIN).click()
    login_tab = opened.value
    expect(login_tab.get_by_role("main")).to_have_attribute("aria-busy", "false")
    flows.login(login_tab, email)
    expect(login_tab.get_by_role("heading", name=texts.SESSION_RENEWED_TITLE)).to_be_visible()
    login_tab.close()

    dialog.get_by_role("button", name=texts.SESSION_ENDED_RESUME).click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_label(texts.FORM_COMPANY)).to_have_value(
        "Tischlerei Meister – nach der Kaffeepause"
    )
    page.get_by_role("button", name=texts.FORM_SEND).click()
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    message = mail_sink.wait_for(
        "betriebsberatung@hwk.example", "Beratungstermin", containing=email
    )
    assert "Tischlerei Meister – nach der Kaffeepause" in flows.body_of(message)
