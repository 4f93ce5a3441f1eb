"""Administrators manage the staff at /verwaltung/mitarbeiter: invite a colleague (mail with
the set-up link), give departments, deactivate them (their open tab is logged out at its next
event), reset a colleague's second factor; other staff cannot open the page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows, staff_flows


def open_team_page(page: Page) -> None:
    """From the Eingang, by the header's link, as an administrator does."""
    page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.STAFF_TEAM_TITLE
    ).click()
    expect(page).to_have_url(re.compile(r"/verwaltung/mitarbeiter/?$"))
    expect(page.get_by_role("heading", name=texts.STAFF_TEAM_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def invite(page: Page, name: str, email: str, departments: list[str]) -> None:
    form = page.get_by_role("form", name=texts.STAFF_INVITE_TITLE)
    form.get_by_label(texts.FIELD_STAFF_NAME).fill(name)
    form.get_by_label(texts.FIELD_EMAIL).fill(email)
    for label in departments:
        form.get_by_label(label, exact=True).check()
    form.get_by_role("button", name=texts.STAFF_INVITE_BUTTON).click()
    expect(
        page.get_by_role("main").get_by_text(texts.STAFF_INVITED.format(email=email))
    ).to_be_visible()


def card(page: Page, name: str):
    return page.get_by_role("article", name=name)


def test_an_administrator_invites_a_colleague_gives_departments_and_deactivates_them(
    page: Page, new_context, portal_cli, mail_sink, screenshot
):
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    open_team_page(page)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-mitarbeitende")

    colleague = staff_flows.StaffMember(staff_flows.new_staff_email(), "Bernd Beitrag")
    invite(page, colleague.name, colleague.email, ["Beitrag", "Handwerksrolle"])
    entry = card(page, colleague.name)
    expect(entry).to_contain_text(texts.STAFF_STATUS_SETUP_OPEN)
    expect(entry).to_contain_text("Handwerksrolle, Beitrag")

    other = new_context().new_page()
    staff_flows.set_up(other, staff_flows.invitation_link(mail_sink, colleague.email), colleague)
    # a colleague who is no administrator has no team page, not even by its address
    expect(other.get_by_role("link", name=texts.STAFF_TEAM_TITLE)).to_have_count(0)
    other.goto("/verwaltung/mitarbeiter")
    staff_flows.expect_inbox(other)

    page.reload()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    entry = card(page, colleague.name)
    expect(entry).to_contain_text(texts.STAFF_STATUS_SECOND_FACTOR)
    entry.get_by_label("Beitrag", exact=True).uncheck()
    entry.get_by_label("Prüfungswesen", exact=True).check()
    entry.get_by_role("button", name=texts.STAFF_DEPARTMENTS_SAVE).click()
    saved = texts.STAFF_DEPARTMENTS_SAVED.format(name=colleague.name)
    expect(page.get_by_role("main").get_by_text(saved)).to_be_visible()
    expect(card(page, colleague.name)).to_contain_text("Handwerksrolle, Prüfungswesen")

    card(page, colleague.name).get_by_role("button", name=texts.STAFF_DEACTIVATE).click()
    done = texts.STAFF_DEACTIVATED.format(name=colleague.name)
    expect(page.get_by_role("main").get_by_text(done)).to_be_visible()
    expect(card(page, colleague.name)).to_contain_text(texts.STAFF_STATUS_INACTIVE)
    listed = portal_cli("mitarbeiter", "list").splitlines()
    assert "aktiv: nein" in next(line for line in listed if colleague.email in line)

    # the colleague's open tab: its next event ends at the staff login
    other.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.STAFF_INBOX_TITLE
    ).click()
    expect(other).to_have_url(re.compile(r"/verwaltung/anmelden/?\?next=/verwaltung$"))
    staff_flows.enter_password(other, colleague)
    expect(other.get_by_role("alert")).to_have_text(texts.STAFF_LOGIN_FAILED)


def test_an_administrator_resets_a_colleagues_second_factor(
    page: Page, new_context, portal_cli, mail_sink
):
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    other = new_context().new_page()
    colleague = staff_flows.create_and_set_up(other, portal_cli)
    open_team_page(page)
    card(page, colleague.name).filter(has_text=colleague.email).get_by_role(
        "button", name=texts.STAFF_RESET_SECOND_FACTOR
    ).click()
    expect(page.get_by_role("main").get_by_text(
        texts.STAFF_SECOND_FACTOR_WAS_RESET.format(name=colleague.name)
    )).to_be_visible()  # fmt: skip
    message = mail_sink.wait_for(colleague.email, texts.MAIL_STAFF_RESET_SUBJECT)
    link = staff_flows.SETUP_LINK.search(staff_flows.body_of(message)).group(0)
    other.reload()  # the colleague's session ended with the reset
    expect(other).to_have_url(re.compile(r"/verwaltung/anmelden"))
    staff_flows.set_up(other, link, colleague)
