"""Every page: axe-core finds no WCAG 2.1 AA violation, at desktop width and at 375 px,
with screenshots for a person to look at; the frame's links lead where they say."""

import pytest
from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import course_data, flows

PUBLIC = {
    "start": ("/", texts.HOME_TITLE),
    "registrieren": ("/registrieren", texts.REGISTER_TITLE),
    "anmelden": ("/anmelden", texts.LOGIN_TITLE),
    "hilfe": ("/hilfe", texts.HELP_TITLE),
    "impressum": ("/impressum", texts.IMPRINT_TITLE),
    "datenschutz": ("/datenschutz", texts.PRIVACY_TITLE),
    "kontakt": ("/kontakt", texts.CONTACT_TITLE),
    "postfach": ("/demo/postfach", texts.MAILBOX_TITLE),
    "kurse": ("/kurse", texts.COURSES_TITLE),
    "kurs": ("/kurse/1", course_data.WELDING),
    "willkommen-besuch": ("/willkommen", texts.WELCOME_TITLE),
}
WIDTHS = {"desktop": 1280, "mobil": 375}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PUBLIC)
def test_public_page_is_accessible(page: Page, screenshot, name, width):
    path, heading = PUBLIC[name]
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    flows.open_page(page, path)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"{name}-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_of_the_registration_and_account_are_accessible(
    page: Page, mail_sink, screenshot, width
):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    email = flows.new_email()
    flows.register(page, email)
    flows.assert_accessible(page)
    screenshot(f"registriert-{width}")

    flows.open_page(page, flows.confirmation_link(mail_sink, email))
    expect(page.get_by_label(texts.FIELD_NEW_PASSWORD)).to_be_visible()
    flows.set_password(page, page.url, "kurz")
    expect(page.get_by_role("main").get_by_text(texts.PASSWORD_TOO_SHORT)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"passwort-fehler-{width}")

    flows.set_password(page, page.url)
    expect(page.get_by_role("heading", name=texts.WELCOME_TITLE)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"willkommen-{width}")

    flows.open_page(page, "/konto")
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"konto-{width}")


def test_footer_and_navigation_lead_to_real_pages(page: Page):
    flows.open_page(page, "/")
    for link, heading in [
        (texts.IMPRINT_TITLE, texts.IMPRINT_TITLE),
        (texts.PRIVACY, texts.PRIVACY_TITLE),
        (texts.CONTACT_TITLE, texts.CONTACT_TITLE),
        (texts.NAV_HELP, texts.HELP_TITLE),
        (texts.NAV_HOME, texts.HOME_TITLE),
    ]:
        page.get_by_role("link", name=link, exact=True).first.click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


@pytest.mark.allow_not_found
def test_an_unknown_address_answers_404_with_a_german_page(page: Page):
    response = page.goto("/gibt-es-nicht")
    assert response.status == 404
    expect(page.get_by_role("heading", name=texts.NOT_FOUND_TITLE, level=1)).to_be_visible()
    flows.assert_accessible(page)
    page.get_by_role("link", name=texts.NAV_HOME).last.click()
    expect(page.get_by_role("heading", name=texts.HOME_TITLE, level=1)).to_be_visible()


# --- the pages of a logged-in member, with messages showing ----------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_course_booking_and_form_pages_are_accessible(page: Page, mail_sink, screenshot, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    flows.create_account(page, mail_sink)

    flows.find_course(page, course_data.WELDING)
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_text(texts.BOOKING_TERMS_MISSING)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"kurs-buchen-fehler-{width}")

    flows.book_course(page, course_data.BOOK_AND_CANCEL)
    flows.assert_accessible(page)
    screenshot(f"kurs-gebucht-{width}")
    entry = flows.booking_entry(page, course_data.BOOK_AND_CANCEL)
    entry.get_by_role("button", name=f"{course_data.BOOK_AND_CANCEL} stornieren").click()
    expect(entry.get_by_role("button", name=texts.CANCEL_YES)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"buchungen-{width}")

    flows.open_page(page, "/formulare")
    flows.assert_accessible(page)
    screenshot(f"formulare-{width}")
    for key in ("beratungstermin", "adressaenderung"):
        flows.open_page(page, f"/formulare/{key}")
        page.get_by_role("button", name=texts.FORM_SEND).click()
        expect(page.get_by_role("main").get_by_text(texts.FORM_CONSENT_MISSING)).to_be_visible()
        flows.assert_accessible(page)
        screenshot(f"formular-{key}-fehler-{width}")

    flows.open_page(page, "/konto/anfragen")
    flows.assert_accessible(page)
    flows.open_page(page, "/kontakt")
    page.get_by_role("button", name=texts.FORM_SEND).click()
    expect(page.get_by_role("main").get_by_text(texts.FORM_CONSENT_MISSING)).to_be_visible()
    flows.assert_accessible(page)
    screenshot(f"kontakt-fehler-{width}")

    flows.open_page(page, "/hilfe#pin")
    page.get_by_label(texts.FAQ_SEARCH).fill("pin")
    flows.assert_accessible(page)
    screenshot(f"hilfe-suche-{width}")
