"""Help: the FAQ filters as one types, deep links open their entry, answers lead on."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows

PIN_QUESTION = "Wo bekomme ich eine neue Freischalt-PIN?"
EMAIL_QUESTION = "Wie kann ich meine E-Mail-Adresse ändern?"


def test_the_faq_search_filters_the_questions_as_one_types(page: Page):
    flows.open_page(page, "/hilfe")
    expect(page.get_by_text(EMAIL_QUESTION)).to_be_visible()

    page.get_by_label(texts.FAQ_SEARCH).press_sequentially("pin")
    expect(page.get_by_text(PIN_QUESTION)).to_be_visible()
    expect(page.get_by_text(EMAIL_QUESTION)).to_be_hidden()

    page.get_by_label(texts.FAQ_SEARCH).fill("Gewerbeanmeldung")  # a word from an answer
    expect(page.get_by_text("Wieso kann ich mich nicht anmelden?")).to_be_visible()
    expect(page.get_by_text(PIN_QUESTION)).to_be_hidden()

    page.get_by_label(texts.FAQ_SEARCH).fill("Fahrrad")
    expect(page.get_by_text(texts.FAQ_NO_MATCH)).to_be_visible()

    page.get_by_label(texts.FAQ_SEARCH).fill("")
    expect(page.get_by_text(PIN_QUESTION)).to_be_visible()
    expect(page.get_by_text(EMAIL_QUESTION)).to_be_visible()


def test_a_deep_link_opens_its_entry(page: Page):
    flows.open_page(page, "/hilfe#pin")
    expect(page.locator("details#pin")).to_have_attribute("open", "")
    expect(page.get_by_role("link", name=texts.FAQ_LINK_PIN)).to_be_visible()
    expect(page.locator("details#email")).not_to_have_attribute("open", "")


def test_the_answers_and_the_last_line_lead_to_real_pages(page: Page):
    flows.open_page(page, "/hilfe")
    page.get_by_text("Wo bekomme ich ein neues Passwort?").click()
    expect(page.get_by_role("link", name=texts.FAQ_LINK_PASSWORD)).to_have_attribute(
        "href", "/passwort-vergessen"
    )
    page.get_by_role("link", name=texts.HELP_MORE_QUESTIONS).click()
    expect(page).to_have_url(re.compile(r"/kontakt$"))
    expect(page.get_by_role("heading", name=texts.FORM_CONTACT_TITLE)).to_be_visible()
