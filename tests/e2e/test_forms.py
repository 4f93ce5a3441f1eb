"""Online forms: each form with bad and good input, the department and the member get mail,
the member sees the submission under "Meine Anfragen"; an address change only for the
member's own unlocked Betrieb; the contact form for visitors, its receipt without the typed
text, its limits (per sender address; per client address over fresh websockets, which a
logged-in member is not held by), and its honeypot that keyboard users never meet."""

import uuid

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.mailsink import body_of
from tests.reflex_wire import SESSION_STATE, ReflexWire

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


def test_address_change_only_for_the_own_betrieb_bad_then_good_input(
    page: Page, mail_sink, betrieb, issue_pin
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/formulare")
    page.get_by_role("link", name=texts.FORM_ADDRESS_TITLE).click()
    expect(page.get_by_role("heading", name=texts.FORM_ADDRESS_TITLE, level=1)).to_be_visible()

    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill("TS-1234567-0")  # the demo Betrieb
    page.get_by_label(texts.FORM_STREET).fill("Hobelweg 3")
    page.get_by_label(texts.FORM_POSTCODE).fill("1234")
    page.get_by_label(texts.FORM_CITY).fill("Musterstadt")
    page.get_by_label(texts.FORM_VALID_FROM).fill("01.01.2027")
    page.get_by_label(texts.FIELD_EMAIL).fill(flows.new_email("angegeben"))
    _consent(page)
    _send(page)
    expect(page.get_by_role("main").get_by_text(texts.FORM_POSTCODE_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.FORM_POSTCODE)).to_be_focused()

    page.get_by_label(texts.FORM_POSTCODE).fill("12345")
    _send(page)  # someone else's Betrieb
    expect(page.get_by_role("main").get_by_text(texts.FORM_BETRIEB_NOT_UNLOCKED)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_BETRIEBSNUMMER)).to_have_attribute("aria-invalid", "true")

    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill(betrieb.split("-")[1])  # seven digits
    _send(page)
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    desk = body_of(mail_sink.wait_for(REGISTER_DESK, "Adressänderung", containing=email))
    assert f"Freischaltung des Kontos: Betrieb {betrieb}" in desk
    assert "> Hobelweg 3" in desk
    mail_sink.wait_for(email, texts.MAIL_FORM_RECEIPT_SUBJECT.format(title=""))


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
    receipt = body_of(mail_sink.wait_for(email, "Eingangsbestätigung"))
    assert "Wann beginnt" not in receipt and "Meisterschule" not in receipt  # nothing typed
    desk = body_of(mail_sink.wait_for(CONTACT_DESK, email))
    assert "> Wann beginnt der nächste Kurs?" in desk


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


FORM_STATE = f"{SESSION_STATE}.portal_app___state___forms____form_state"


def _contact_over_websocket(wire: ReflexWire) -> str:
    """Send the contact form as a crafted client would; "sent" or the form's error text."""
    form_data = {
        "form_key": "kontaktanfrage", "name": "Eva Meister", "subject": "Frage",
        "email": f"wire-{uuid.uuid4().hex[:8]}@betrieb-test.example",
        "message": "Noch eine Frage.", "consent": "on",
    }  # fmt: skip
    updates = wire.call(f"{FORM_STATE}.submit_public", {"form_data": form_data}, path="/kontakt")
    for update in updates:
        delta = update.get("delta", {}).get(FORM_STATE, {})
        if delta.get("sent_rx_state_"):
            return "sent"
        if delta.get("problem_rx_state_"):
            return delta["problem_rx_state_"]
    raise AssertionError(f"no answer from the contact form: {updates}")


def test_fresh_websockets_from_one_client_address_share_its_limit_but_a_member_goes_on(
    page: Page, mail_sink, portal_url, portal_env
):
    """Each reconnect brings a new client token (the old limit's key): the limit counts the
    client address. A member logged in behind that address is counted per account."""
    client = "127.0.0.23"  # a client address of this test alone
    limit = int(portal_env["PORTAL_FORM_LIMIT_PER_CLIENT"])
    answers = []
    while len(answers) < limit + 2:
        with ReflexWire(portal_url, source_address=client) as wire:  # a new client token
            answers += [_contact_over_websocket(wire) for _ in range(3)]
    assert answers[:limit] == ["sent"] * limit
    assert answers[limit:] == [texts.FORM_RATE_LIMITED] * (len(answers) - limit)

    flows.create_account(page, mail_sink)
    cookie = flows.wire_of(page, portal_url).cookie
    with ReflexWire(portal_url, cookie=cookie, source_address=client) as member:
        assert _contact_over_websocket(member) == "sent"
