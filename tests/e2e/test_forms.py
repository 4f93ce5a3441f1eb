"""Online forms: each form with bad and good input, the department and the member get mail,
the member sees the submission under "Meine Anfragen"; the contact form for visitors, its
rate limit, and its honeypot that keyboard users never meet."""

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows

# the documented defaults of PORTAL_MAIL_KONTAKT, _BETRIEBSBERATUNG and _HANDWERKSROLLE
CONTACT_DESK = "kontakt@hwk.example"
CONSULTING_DESK = "betriebsberatung@hwk.example"
REGISTER_DESK = "handwerksrolle@hwk.example"


def _consent(page: Page) -> None:
    page.get_by_label(texts.FORM_CONSENT).check()


def _send(page: Page) -> None:
    page.get_by_role("button", name=texts.FORM_SEND).click()


def test_consultation_request_bad_then_good_input(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.open_page(page, "/formulare")
    page.get_by_role("link", name=texts.FORM_CONSULTING_TITLE).click()
    expect(page.get_by_role("heading", name=texts.FORM_CONSULTING_TITLE, level=1)).to_be_visible()

    _send(page)
    expect(
        page.get_by_role("main").get_by_text(texts.FORM_REQUIRED.format(label=texts.FORM_NAME))
    ).to_be_visible()
    expect(page.get_by_role("main").get_by_text(texts.FORM_CONSENT_MISSING)).to_be_visible()
    expect(page.get_by_label(texts.FORM_NAME)).to_be_focused()

    page.get_by_label(texts.FORM_NAME).fill("Eva Meister")
    page.get_by_label(texts.FORM_COMPANY).fill("Tischlerei Meister")
    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill("123")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.FORM_TOPIC).select_option(texts.FORM_TOPICS[1])
    page.get_by_label(texts.FORM_PREFERRED_DATE).fill("01.03.2099")
    _consent(page)
    _send(page)
    expect(page.get_by_role("main").get_by_text(texts.FORM_BETRIEBSNUMMER_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_BETRIEBSNUMMER)).to_have_attribute("aria-invalid", "true")

    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill("1234567")
    _send(page)
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    mail_sink.wait_for(CONSULTING_DESK, "Beratungstermin")
    mail_sink.wait_for(email, texts.MAIL_FORM_RECEIPT_SUBJECT.format(title=""))

    flows.open_page(page, "/konto/anfragen")
    entry = page.get_by_role("article").filter(has_text=texts.FORM_CONSULTING_TITLE)
    expect(entry).to_contain_text(texts.FORM_TOPICS[1])


def test_address_change_bad_then_good_input(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.open_page(page, "/formulare")
    page.get_by_role("link", name=texts.FORM_ADDRESS_TITLE).click()
    expect(page.get_by_role("heading", name=texts.FORM_ADDRESS_TITLE, level=1)).to_be_visible()

    page.get_by_label(texts.FORM_COMPANY).fill("Tischlerei Meister")
    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill("TS-1234567-0")
    page.get_by_label(texts.FORM_STREET).fill("Hobelweg 3")
    page.get_by_label(texts.FORM_POSTCODE).fill("1234")
    page.get_by_label(texts.FORM_CITY).fill("Musterstadt")
    page.get_by_label(texts.FORM_VALID_FROM).fill("01.01.2027")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    _consent(page)
    _send(page)
    expect(page.get_by_role("main").get_by_text(texts.FORM_POSTCODE_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.FORM_POSTCODE)).to_be_focused()

    page.get_by_label(texts.FORM_POSTCODE).fill("12345")
    _send(page)
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    mail_sink.wait_for(REGISTER_DESK, "Adressänderung")


def test_the_forms_need_a_login(page: Page):
    page.goto("/formulare/beratungstermin")
    expect(page.get_by_text(texts.LOGIN_REQUIRED)).to_be_visible()


def test_a_visitor_sends_the_contact_form_and_bad_input_is_named(page: Page, mail_sink):
    email = flows.new_email("besucher")
    flows.open_page(page, "/kontakt")
    expect(page.get_by_text(texts.CHAMBER_PHONE)).to_be_visible()
    expect(page.get_by_text(texts.CHAMBER_ADDRESS[0])).to_be_visible()

    page.get_by_label(texts.FORM_NAME).fill("Eva Meister")
    page.get_by_label(texts.FIELD_EMAIL).fill("eva.at.example")
    page.get_by_label(texts.FORM_SUBJECT).fill("Meisterschule")
    page.get_by_label(texts.FORM_MESSAGE).fill("Wann beginnt der nächste Kurs?")
    _send(page)
    expect(page.get_by_role("main").get_by_text(texts.EMAIL_INVALID)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(texts.FORM_CONSENT_MISSING)).to_be_visible()

    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    _consent(page)
    _send(page)
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    mail_sink.wait_for(email, "Eingangsbestätigung")
    mail_sink.wait_for(CONTACT_DESK, email)


def test_the_contact_form_works_by_keyboard_and_never_focuses_the_honeypot(page: Page, mail_sink):
    email = flows.new_email("tastatur")
    flows.open_page(page, "/kontakt")
    page.get_by_label(texts.FORM_NAME).focus()
    focused = []
    for value in ["Eva Meister", email, "Frage", "Eine Nachricht per Tastatur."]:
        page.keyboard.type(value)
        focused.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    expect(page.get_by_label(texts.FORM_CONSENT)).to_be_focused()
    page.keyboard.press("Space")
    for _ in range(4):  # the privacy link in the label, then the button
        focused.append(page.evaluate("document.activeElement.id"))
        if page.evaluate("document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    assert "feld-website" not in focused
    expect(page.get_by_role("button", name=texts.FORM_SEND)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    mail_sink.wait_for(email, "Eingangsbestätigung")


def test_a_filled_honeypot_looks_sent_but_nothing_goes_out(page: Page, mail_sink):
    email = flows.new_email("roboter")
    flows.open_page(page, "/kontakt")
    page.get_by_label(texts.FORM_NAME).fill("Bot")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.FORM_SUBJECT).fill("Werbung")
    page.get_by_label(texts.FORM_MESSAGE).fill("Kaufen Sie!")
    page.locator("#feld-website").fill("https://spam.example")  # what a bot does
    _consent(page)
    _send(page)
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    page.wait_for_timeout(1500)  # the mail loop polls every 0.2 s
    assert mail_sink.to(email) == []


def test_the_contact_form_is_rate_limited_per_address(page: Page, mail_sink):
    email = flows.new_email("vielschreiber")
    flows.open_page(page, "/kontakt")
    for number in range(4):
        page.get_by_label(texts.FORM_NAME).fill("Eva Meister")
        page.get_by_label(texts.FIELD_EMAIL).fill(email)
        page.get_by_label(texts.FORM_SUBJECT).fill(f"Frage {number}")
        page.get_by_label(texts.FORM_MESSAGE).fill("Noch eine Frage.")
        _consent(page)
        _send(page)
        if number < 3:
            expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
            page.get_by_role("button", name=texts.FORM_SEND_ANOTHER).click()
    expect(page.get_by_role("alert")).to_have_text(texts.FORM_RATE_LIMITED)
