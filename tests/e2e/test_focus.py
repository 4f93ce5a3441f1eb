"""Keyboard focus where the change is: the skip link moves into the main area, and after moving
to another page the focus is on that page's heading."""

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


def _focus_is_in_main(page: Page) -> bool:
    return page.evaluate("document.activeElement.closest('main') !== null")


def test_the_skip_link_moves_the_focus_into_the_main_area(page: Page):
    flows.open_page(page, "/hilfe")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=texts.SKIP_TO_CONTENT)
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert _focus_is_in_main(page), "the next Tab after the skip link left the main area"


def test_after_moving_to_another_page_the_focus_is_on_its_heading(page: Page):
    flows.open_page(page, "/")
    page.get_by_role("navigation", name=texts.NAV_LABEL).get_by_role(
        "link", name=texts.NAV_HELP
    ).press("Enter")
    expect(page.get_by_role("heading", name=texts.HELP_TITLE, level=1)).to_be_focused()
    page.get_by_role("contentinfo").get_by_role("link", name=texts.IMPRINT_TITLE).press("Enter")
    expect(page.get_by_role("heading", name=texts.IMPRINT_TITLE, level=1)).to_be_focused()
