"""Administrators read the Protokoll at /verwaltung/protokoll, reached from their header: a
Betrieb's number finds its PIN and its Freischaltung, the member's address finds what the
member did, a date that is none is named at its field, the entries of the filter download as
CSV for a German spreadsheet; by keyboard alone too; other staff have no link and no page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows, staff_flows


def open_audit_log(page: Page) -> None:
    page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.AUDIT_LOG_TITLE
    ).click()
    expect(page).to_have_url(re.compile(r"/verwaltung/protokoll/?$"))
    expect(page.get_by_role("heading", name=texts.AUDIT_LOG_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def entries(page: Page):
    return page.get_by_role("table", name=texts.AUDIT_TABLE).get_by_role("row")


def apply(page: Page, count: int) -> None:
    page.get_by_role("button", name=texts.STAFF_FILTER_APPLY).click()
    found = texts.ENTRIES_FOUND_ONE if count == 1 else texts.ENTRIES_FOUND.format(count=count)
    expect(flows.announcer(page)).to_contain_text(found)


def test_the_protokoll_filters_by_record_and_member_and_exports_csv(
    page: Page, new_context, mail_sink, betrieb, issue_pin, portal_cli, screenshot
):
    member_page = new_context().new_page()
    member = flows.create_unlocked_member(member_page, mail_sink, betrieb, issue_pin(betrieb))
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    open_audit_log(page)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-protokoll")

    page.get_by_label(texts.AUDIT_FIELD_RECORD).fill(betrieb)
    apply(page, 2)
    rows = entries(page)
    expect(rows).to_have_count(3)  # the header and two entries, newest first
    expect(rows.nth(1)).to_contain_text(texts.AUDIT_ACTIONS["freischaltung"])
    expect(rows.nth(1)).to_contain_text(texts.AUDIT_ACTOR_MEMBER.format(email=member))
    expect(rows.nth(2)).to_contain_text(texts.AUDIT_ACTIONS["pin_ausgestellt"])
    expect(rows.nth(2)).to_contain_text(texts.PORTAL)

    page.get_by_role("button", name=texts.FILTER_RESET).click()
    page.get_by_label(texts.AUDIT_FIELD_ACTOR_KIND).select_option(label=texts.STAFF_TEAM_TITLE)
    page.get_by_label(texts.AUDIT_FIELD_ACTOR).fill(member)
    apply(page, 0)
    expect(page.get_by_role("main").get_by_text(texts.ENTRIES_EMPTY)).to_be_visible()
    page.get_by_label(texts.AUDIT_FIELD_ACTOR_KIND).select_option(
        label=texts.AUDIT_ACTOR_KIND_MEMBER
    )
    page.get_by_label(texts.AUDIT_FIELD_ACTION).select_option(
        label=texts.AUDIT_ACTIONS["freischaltung"]
    )
    apply(page, 1)

    page.get_by_label(texts.AUDIT_FIELD_SINCE).fill("32.13.2026")
    page.get_by_role("button", name=texts.STAFF_FILTER_APPLY).click()
    expect(page.get_by_label(texts.AUDIT_FIELD_SINCE)).to_be_focused()
    expect(page.get_by_label(texts.AUDIT_FIELD_SINCE)).to_have_attribute("aria-invalid", "true")
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-protokoll-fehler")
    page.get_by_label(texts.AUDIT_FIELD_SINCE).fill("")
    apply(page, 1)

    with page.expect_download() as download:
        page.get_by_role("button", name=texts.AUDIT_EXPORT).click()
    assert re.fullmatch(r"Protokoll-\d{4}-\d\d-\d\d\.csv", download.value.suggested_filename)
    raw = open(download.value.path(), "rb").read()  # noqa: SIM115
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[0] == texts.AUDIT_COL_AT
    assert len(lines) == 2
    assert f";Mitglied {member};freischaltung;Betrieb {betrieb};" in lines[1]


def test_the_protokoll_is_filtered_by_keyboard_alone(page: Page, portal_cli):
    admin = staff_flows.create_and_set_up(page, portal_cli, admin=True)
    link = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.AUDIT_LOG_TITLE
    )
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.AUDIT_LOG_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    page.get_by_label(texts.AUDIT_FIELD_ACTOR_KIND).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label(texts.AUDIT_FIELD_ACTOR)).to_be_focused()
    page.keyboard.type(admin.email)
    page.keyboard.press("Enter")
    expect(flows.announcer(page)).to_contain_text(texts.ENTRIES_FOUND_ONE)
    expect(entries(page).nth(1)).to_contain_text(texts.AUDIT_ACTIONS["staff_set_up"])


def test_staff_who_are_no_administrators_have_no_protokoll(page: Page, portal_cli):
    staff_flows.create_and_set_up(page, portal_cli, departments=("bildung",))
    nav = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)
    expect(nav.get_by_role("link", name=texts.AUDIT_LOG_TITLE)).to_have_count(0)
    page.goto("/verwaltung/protokoll")
    staff_flows.expect_inbox(page)
