"""The chamber's staff: the first administrator made by the operator sets up the access from
the link (password, authenticator, recovery codes) and logs in with password and code; a used
code is refused, a recovery code works once; every staff page passes axe at 1280 and 375 px."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows, staff_flows


def test_the_first_administrator_sets_up_the_access_and_logs_in_with_a_code(
    page: Page, portal_cli, screenshot
):
    member, link = staff_flows.create_staff(portal_cli, name="Anna Administration", admin=True)
    assert member.email in portal_cli("mitarbeiter", "list")
    staff_flows.set_up(page, link, member, screenshot)
    expect(page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)).to_contain_text(
        "Anna Administration"
    )
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-eingang")
    listed = portal_cli("mitarbeiter", "list")
    assert "admin: ja" in listed and "2FA eingerichtet: ja" in listed

    staff_flows.staff_logout(page)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-anmelden")
    staff_flows.enter_password(page, member)
    expect(page.get_by_label(texts.FIELD_TOTP_CODE)).to_be_focused()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-code")
    staff_flows.enter_code(page, member.next_code())
    staff_flows.expect_inbox(page)


def test_the_set_up_link_works_once(page: Page, portal_cli):
    member = staff_flows.StaffMember("", "")
    member, link = staff_flows.create_staff(portal_cli)
    staff_flows.set_up(page, link, member)
    flows.open_page(page, link)
    expect(page.get_by_role("alert")).to_have_text(texts.STAFF_SETUP_LINK_INVALID)


def test_a_used_code_is_refused_in_german_and_a_wrong_password_gets_no_code_step(
    page: Page, portal_cli, portal_db
):
    member = staff_flows.create_and_set_up(page, portal_cli)
    staff_flows.staff_logout(page)
    with flows.failed_logins_forgotten(portal_db):
        staff_flows.enter_password(page, member, password="ein ganz falsches Passwort")
        expect(page.get_by_role("alert")).to_have_text(texts.STAFF_LOGIN_FAILED)
        expect(page.get_by_label(texts.FIELD_TOTP_CODE)).to_have_count(0)
        staff_flows.enter_password(page, member)
        staff_flows.enter_code(page, member.used_code())  # the set-up's code, used already
        expect(page.get_by_role("alert")).to_have_text(texts.TOTP_CODE_WRONG)
    staff_flows.enter_code(page, member.next_code())
    staff_flows.expect_inbox(page)


def test_a_recovery_code_works_instead_of_the_code_once(page: Page, portal_cli, portal_db):
    member = staff_flows.create_and_set_up(page, portal_cli)
    staff_flows.staff_logout(page)
    recovery = member.recovery_codes[3]
    staff_flows.enter_password(page, member)
    staff_flows.enter_code(page, recovery)
    staff_flows.expect_inbox(page)
    staff_flows.staff_logout(page)
    with flows.failed_logins_forgotten(portal_db):
        staff_flows.enter_password(page, member)
        staff_flows.enter_code(page, recovery)
        expect(page.get_by_role("alert")).to_have_text(texts.TOTP_CODE_WRONG)


def test_the_staff_login_works_by_keyboard_alone(page: Page, portal_cli):
    member = staff_flows.create_and_set_up(page, portal_cli)
    staff_flows.staff_logout(page)
    page.get_by_label(texts.FIELD_EMAIL).focus()
    page.keyboard.type(member.email)
    page.keyboard.press("Tab")
    page.keyboard.type(member.password)
    page.keyboard.press("Enter")
    expect(page.get_by_label(texts.FIELD_TOTP_CODE)).to_be_focused()
    page.keyboard.type(member.next_code())
    page.keyboard.press("Enter")
    staff_flows.expect_inbox(page)
    # the header's links and Abmelden are reached with Tab
    logout = page.get_by_role("button", name=texts.NAV_LOGOUT)
    for _ in range(12):
        page.keyboard.press("Tab")
        if logout.evaluate("b => b === document.activeElement"):
            break
    with page.expect_navigation(url=re.compile(r"/verwaltung/anmelden/?\?abgemeldet=1$")):
        page.keyboard.press("Enter")


def test_a_member_or_visitor_opening_a_staff_page_gets_the_staff_login(page: Page, mail_sink):
    flows.open_page(page, "/verwaltung/mitarbeiter")
    expect(page).to_have_url(re.compile(r"/verwaltung/anmelden/?\?next=/verwaltung/mitarbeiter$"))
    flows.create_account(page, mail_sink)
    flows.open_page(page, "/verwaltung")
    expect(page).to_have_url(re.compile(r"/verwaltung/anmelden/?\?next=/verwaltung$"))
    expect(page.get_by_role("heading", name=texts.STAFF_LOGIN_TITLE)).to_be_visible()
