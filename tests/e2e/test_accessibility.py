"""Accessibility beyond axe: the BITV pages (statement with "Barriere melden", Leichte Sprache,
Gebärdensprache) reached from the footer, the feedback form by keyboard to the contact desk,
3:1 contrast of focus rings and field borders, course pages named after their course, date
fields with their format, no sideways scrolling at 320 px, a German notification region."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from portal_app import routes, texts
from tests.e2e import course_data, flows, staff_flows
from tests.mailsink import body_of

CONTACT_DESK = "kontakt@hwk.example"  # the documented default of PORTAL_MAIL_KONTAKT

NEW_PAGES = {
    "barrierefreiheit": (texts.FOOTER_ACCESSIBILITY, texts.ACCESSIBILITY_TITLE),
    "leichte-sprache": (texts.EASY_LANGUAGE_TITLE, texts.EASY_LANGUAGE_TITLE),
    "gebaerdensprache": (texts.SIGN_LANGUAGE_TITLE, texts.SIGN_LANGUAGE_TITLE),
}


def _footer(page: Page) -> Locator:
    return page.get_by_role("navigation", name=texts.FOOTER_LABEL)


@pytest.mark.parametrize("name", NEW_PAGES)
def test_each_new_page_is_reached_from_the_footer_and_is_accessible(page: Page, screenshot, name):
    link, heading = NEW_PAGES[name]
    flows.open_page(page, "/")
    _footer(page).get_by_role("link", name=link, exact=True).click()
    expect(page).to_have_url(re.compile(f"/{name}$"))
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page).to_have_title(f"{heading} – {texts.SITE_TITLE}")
    flows.assert_accessible_narrow_and_wide(page, screenshot, name)


def test_the_footer_lists_the_legal_and_accessibility_pages_in_order(page: Page):
    flows.open_page(page, "/kurse")
    expect(_footer(page).get_by_role("link")).to_have_text(
        [
            texts.IMPRINT_TITLE,
            texts.PRIVACY,
            texts.CONTACT_TITLE,
            texts.FOOTER_ACCESSIBILITY,
            texts.EASY_LANGUAGE_TITLE,
            texts.SIGN_LANGUAGE_TITLE,
        ]
    )


def test_the_statement_names_its_status_the_gaps_and_the_schlichtungsstelle(page: Page):
    flows.open_page(page, "/barrierefreiheit")
    for heading in (
        texts.ACCESSIBILITY_STATUS_HEADING,
        texts.ACCESSIBILITY_GAPS_HEADING,
        texts.ACCESSIBILITY_MADE_HEADING,
        texts.ACCESSIBILITY_FEEDBACK_HEADING,
        texts.FORM_BARRIER_TITLE,
        texts.ACCESSIBILITY_ENFORCEMENT_HEADING,
    ):
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    expect(page.get_by_text("teilweise vereinbar")).to_be_visible()
    expect(page.get_by_text(texts.SCHLICHTUNGSSTELLE[2])).to_be_visible()
    expect(page.get_by_role("link", name=texts.SCHLICHTUNGSSTELLE_WEB_LABEL)).to_have_attribute(
        "href", re.compile(r"^https://www\.schlichtungsstelle-bgg\.de/?$")
    )


def test_the_sign_language_page_holds_the_place_of_the_video_with_its_content_as_text(
    page: Page,
):
    flows.open_page(page, "/gebaerdensprache")
    video = page.get_by_role("figure")
    expect(video).to_contain_text(texts.SIGN_VIDEO_PLACEHOLDER)
    expect(video).to_have_accessible_name(re.compile("^Inhalt des Videos"))
    expect(page.get_by_role("heading", name=texts.SIGN_TEXT_HEADING, level=2)).to_be_visible()
    expect(page.get_by_role("link", name=texts.CHAMBER_EMAIL)).to_have_attribute(
        "href", f"mailto:{texts.CHAMBER_EMAIL}"
    )
    page.get_by_role("link", name=texts.SIGN_CONTACT_FORM).click()
    expect(page.get_by_role("heading", name=texts.CONTACT_TITLE, level=1)).to_be_visible()


# --- "Barriere melden" -------------------------------------------------------------------------


def _tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until `target` has the focus, as a keyboard user gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached with {limit} presses of Tab")


def test_a_barrier_is_reported_by_keyboard_alone_and_reaches_the_contact_desk(
    page: Page, mail_sink
):
    email = flows.new_email("barriere")
    flows.open_page(page, "/barrierefreiheit")
    _tab_to(page, page.get_by_role("link", name=texts.ACCESSIBILITY_FORM_LINK))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#barriere-melden$"))

    page.keyboard.press("Tab")  # the privacy link in the form's introduction
    page.keyboard.press("Tab")
    expect(page.get_by_label(texts.FORM_BARRIER_WHERE)).to_be_focused()
    focused = []
    for value in [
        "/kurse, Suche",
        "Die Schaltfläche „Suchen“ ist mit der Bildschirmlupe schwer zu finden.",
        "Eva Meister",
        email,
    ]:
        page.keyboard.type(value)
        focused.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    assert "feld-website" not in focused  # the honeypot is never in the tab order
    expect(page.get_by_role("button", name=texts.FORM_SEND)).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(texts.FORM_BARRIER_SENT)).to_be_visible()
    desk = mail_sink.wait_for(CONTACT_DESK, f"{texts.FORM_BARRIER_TITLE} von {email}")
    assert "Bildschirmlupe" in body_of(desk)
    assert "/kurse, Suche" in body_of(desk)
    mail_sink.wait_for(email, texts.MAIL_FORM_RECEIPT_SUBJECT.format(title=""))


def test_a_barrier_report_needs_only_a_description_and_names_a_bad_address(page: Page, mail_sink):
    flows.open_page(page, "/barrierefreiheit")
    page.get_by_role("button", name=texts.FORM_SEND).click()
    required = texts.FORM_REQUIRED.format(label=texts.FORM_BARRIER_DESCRIPTION)
    expect(page.get_by_role("main").get_by_text(required)).to_be_visible()
    expect(page.get_by_label(texts.FORM_BARRIER_DESCRIPTION)).to_be_focused()

    marker = flows.new_email("ohne-adresse").split("@")[0]
    page.get_by_label(texts.FORM_BARRIER_DESCRIPTION).fill(f"Kein Fokus sichtbar ({marker}).")
    page.get_by_label(texts.FORM_BARRIER_EMAIL).fill("eva.at.example")
    page.get_by_role("button", name=texts.FORM_SEND).click()
    expect(page.get_by_role("main").get_by_text(texts.EMAIL_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.FORM_BARRIER_EMAIL)).to_be_focused()

    page.get_by_label(texts.FORM_BARRIER_EMAIL).fill("")
    page.get_by_role("button", name=texts.FORM_SEND).click()
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()
    flows.assert_accessible(page)
    desk = mail_sink.wait_for(CONTACT_DESK, texts.FORM_NO_SENDER)
    for _ in range(50):  # anonymous reports share the subject: find this one
        if any(marker in body_of(m) for m in mail_sink.to(CONTACT_DESK)):
            break
        page.wait_for_timeout(200)
    assert any(marker in body_of(m) for m in mail_sink.to(CONTACT_DESK)), body_of(desk)


# --- contrast of focus rings and field borders (WCAG 1.4.11) ----------------------------------

# In the browser: the rendered colours as sRGB bytes (a 1×1 canvas converts any CSS colour,
# display-p3 included) and the colour behind the element (first opaque ancestor).
_COLOURS = """element => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const paint = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = css => {
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = '#000';
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    return Array.from(paint.getImageData(0, 0, 1, 1).data);
  };
  let behind = [255, 255, 255, 255];
  for (let node = element.parentElement; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] === 255) { behind = colour; break; }
  }
  const style = getComputedStyle(element);
  return {
    focusVisible: element.matches(':focus-visible'),
    outline: rgba(style.outlineColor), outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    border: rgba(style.borderTopColor), borderWidth: parseFloat(style.borderTopWidth),
    behind,
  };
}"""


def _luminance(rgb: list[int]) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0–255 per channel)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _over(colour: list[int], behind: list[int]) -> list[float]:
    alpha = colour[3] / 255
    return [alpha * c + (1 - alpha) * b for c, b in zip(colour[:3], behind[:3], strict=True)]


def contrast(colour: list[int], behind: list[int]) -> float:
    lighter, darker = sorted(
        (_luminance(_over(colour, behind)), _luminance(behind[:3])), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_helpers_follow_the_wcag_formula():
    assert contrast([0, 0, 0, 255], [255, 255, 255, 255]) == pytest.approx(21)
    assert contrast([118, 118, 118, 255], [255, 255, 255, 255]) == pytest.approx(4.54, abs=0.01)
    assert contrast([0, 0, 0, 0], [255, 255, 255, 255]) == pytest.approx(1)


def _focus_ring(page: Page, target: Locator) -> float:
    _tab_to(page, target)
    seen = target.evaluate(_COLOURS)
    assert seen["focusVisible"], "the keyboard focus must show"
    assert seen["outlineStyle"] not in ("none", "auto") and seen["outlineWidth"] >= 2, seen
    return contrast(seen["outline"], seen["behind"])


def test_focus_rings_and_input_borders_stand_out_at_least_3_to_1(page: Page):
    flows.open_page(page, "/kontakt")
    rings = {
        "Link im Kopf": page.get_by_role("navigation", name=texts.NAV_LABEL).get_by_role(
            "link", name=texts.NAV_HELP
        ),
        "Eingabefeld": page.get_by_label(texts.FORM_NAME),
        "Link im Formular": page.get_by_role("link", name=texts.REGISTER_PRIVACY_LINK),
        "Schaltfläche": page.get_by_role("button", name=texts.FORM_SEND),
        "Link in der Fußzeile": _footer(page).get_by_role("link", name=texts.IMPRINT_TITLE),
    }
    ratios = {name: round(_focus_ring(page, target), 2) for name, target in rings.items()}
    assert all(ratio >= 3 for ratio in ratios.values()), ratios

    field = page.get_by_label(texts.FORM_SUBJECT).evaluate(_COLOURS)
    assert field["borderWidth"] >= 1
    assert contrast(field["border"], field["behind"]) >= 3, field

    flows.open_page(page, "/kurse")  # a field on the grey filter panel
    field = page.get_by_label(texts.COURSES_SEARCH).evaluate(_COLOURS)
    assert field["behind"][:3] != [255, 255, 255]
    assert contrast(field["border"], field["behind"]) >= 3, field


# --- titles, dates, width, notifications --------------------------------------------------------


def _page_title(course: str) -> str:
    return f"{course} – {texts.COURSES_TITLE} – {texts.SITE_TITLE}"


def test_two_course_pages_carry_their_own_course_in_the_title(page: Page):
    flows.find_course(page, course_data.WELDING)
    expect(page).to_have_title(_page_title(course_data.WELDING))
    page.get_by_role("link", name=texts.COURSE_BACK).click()
    flows.open_found_course(page, course_data.BOOK_AND_CANCEL)
    expect(page).to_have_title(_page_title(course_data.BOOK_AND_CANCEL))

    page.goto("/kurse/987654")  # the page exists, the course does not
    expect(page.get_by_role("heading", name=texts.COURSE_NOT_FOUND, level=1)).to_be_visible()
    expect(page).to_have_title(_page_title(texts.COURSE_PAGE_NOT_FOUND))


def test_every_date_field_shows_its_format_and_the_birth_date_can_be_filled_in(
    page: Page, mail_sink
):
    flows.open_page(page, "/kurse")
    for label in (texts.COURSES_FROM, texts.COURSES_UNTIL):
        field = page.get_by_label(label)
        expect(field).to_have_attribute("type", "text")
        expect(field).to_have_accessible_description(texts.DATE_FORMAT_HINT)

    flows.create_account(page, mail_sink)
    flows.find_course(page, course_data.WELDING)
    birth_date = page.get_by_label(texts.BOOKING_BIRTH_DATE)
    expect(birth_date).to_have_attribute("autocomplete", "bday")
    expect(birth_date).to_have_accessible_description(texts.DATE_FORMAT_HINT)
    expect(page.get_by_text(texts.DATE_FORMAT_HINT, exact=True)).to_be_visible()

    page.get_by_label(texts.BOOKING_NAME).fill(f"Eva Meister {os.urandom(3).hex()}")
    birth_date.fill("17.5.90")
    page.get_by_label(texts.BOOKING_TERMS).check()
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.DATE_FORMAT_INVALID)).to_be_visible()
    expect(birth_date).to_be_focused()
    expect(birth_date).to_have_accessible_description(
        f"{texts.DATE_FORMAT_HINT} {texts.DATE_FORMAT_INVALID}"
    )

    birth_date.fill("17.05.1990")
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_DONE)).to_be_visible()

    flows.open_page(page, "/formulare/beratungstermin")
    preferred = page.get_by_label(texts.FORM_PREFERRED_DATE)
    expect(preferred).to_have_accessible_description(
        f"{texts.FORM_PREFERRED_DATE_HINT} {texts.DATE_FORMAT_HINT}"
    )
    flows.open_page(page, "/formulare/adressaenderung")
    expect(page.get_by_label(texts.FORM_VALID_FROM)).to_have_accessible_description(
        texts.DATE_FORMAT_HINT
    )


def _registry():
    """The page registry, read the way the portal under test reads it (demo mode)."""
    os.environ.setdefault("PORTAL_DEMO", "1")  # settings are read when pages are imported
    from portal_app import pages  # noqa: F401  (importing pages registers them)
    from portal_app.components.page import pages_for

    return pages_for(demo=True)


def _visitor_pages() -> list[str]:
    """Every page of the registry a visitor can open, the course page with a real course."""
    return [
        "/kurse/1" if spec.route == routes.COURSE else spec.route
        for spec in _registry()
        if not spec.protected and spec.route != routes.NOT_FOUND
    ]


def _member_pages() -> list[str]:
    return [spec.route for spec in _registry() if spec.protected and not spec.staff]


def _staff_pages() -> list[str]:
    """The pages of a logged-in staff administrator."""
    return [spec.route for spec in _registry() if spec.protected and spec.staff]


# the innermost elements that reach past the right edge, to name in a failure
_WIDER = """width => Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > width + 0.5)
  .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > width + 0.5))
  .slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent || '').slice(0, 40)}`)"""


def _sideways(page: Page, path: str) -> str | None:
    """The page at `path` once loaded; what sticks out if it scrolls sideways."""
    flows.open_page(page, path)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if scroll <= client:
        return None
    return f"{path}: {scroll} > {client} px, {page.evaluate(_WIDER, client)}"


def test_no_page_scrolls_sideways_at_320_px(page: Page, mail_sink, betrieb, issue_pin, portal_cli):
    page.set_viewport_size({"width": 320, "height": 640})
    visitor = _visitor_pages()
    assert {"/", "/kurse", "/kurse/1", "/barrierefreiheit", "/leichte-sprache"} <= set(visitor)
    overflowing = [_sideways(page, path) for path in visitor]

    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    member = _member_pages()
    assert {"/konto", "/dokumente", "/sepa", "/formulare/beratungstermin"} <= set(member)
    overflowing += [_sideways(page, path) for path in member]

    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    staff = _staff_pages()
    assert {"/verwaltung", "/verwaltung/mitarbeiter"} <= set(staff)
    overflowing += [_sideways(page, path) for path in staff]
    found = [entry for entry in overflowing if entry]
    assert not found, "\n".join(found)


def test_the_notification_region_has_a_german_name(page: Page):
    for path in ("/", "/barrierefreiheit"):
        flows.open_page(page, path)
        expect(page.get_by_role("region", name=re.compile(f"^{texts.TOASTS_LABEL}"))).to_have_count(
            1
        )
        expect(page.get_by_label(re.compile("Notifications", re.IGNORECASE))).to_have_count(0)
