"""Angemeldete Geräte: the list, ending one and all other sessions, and expiry noticed at the
next click (not only when a page loads)."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


def _open_sessions(page: Page) -> None:
    flows.open_page(page, "/konto/sitzungen")
    expect(page.get_by_role("heading", name=texts.SESSIONS_TITLE, level=1)).to_be_visible()


def test_a_member_sees_the_sessions_and_ends_another(page: Page, mail_sink, new_context):
    email = flows.create_account(page, mail_sink)
    elsewhere = flows.second_login(new_context, email)
    _open_sessions(page)
    sessions = page.get_by_role("list", name=texts.SESSIONS_LIST_LABEL).get_by_role("listitem")
    expect(sessions).to_have_count(2)
    expect(sessions.first).to_contain_text(texts.SESSIONS_THIS)
    expect(sessions.first).to_contain_text("Chrome")
    flows.assert_accessible(page)

    page.get_by_role("button", name=re.compile(r"^Anmeldung .* beenden$")).click()
    expect(page.get_by_role("main").get_by_text(texts.SESSIONS_ENDED_ONE)).to_be_visible()
    expect(sessions).to_have_count(1)
    expect(page.get_by_text(texts.SESSIONS_NONE_OTHER)).to_be_visible()
    flows.expect_logged_out(elsewhere)


def test_all_other_sessions_end_at_once(page: Page, mail_sink, new_context):
    email = flows.create_account(page, mail_sink)
    others = [flows.second_login(new_context, email) for _ in range(2)]
    _open_sessions(page)
    page.get_by_role("button", name=texts.SESSIONS_END_OTHERS).click()
    expect(page.get_by_role("main").get_by_text(texts.SESSIONS_ENDED_OTHERS)).to_be_visible()
    for other in others:
        flows.expect_logged_out(other)
    flows.open_page(page, "/konto")
    expect(page.get_by_text(email)).to_be_visible()


def test_an_expired_session_is_noticed_at_the_next_click(page: Page, mail_sink, portal_db):
    email = flows.create_account(page, mail_sink)
    _open_sessions(page)
    flows.expire_login(portal_db, email)

    page.get_by_role("link", name=texts.BACK_TO_ACCOUNT).click()  # no reload: a client event
    expect(page).to_have_url(re.compile(r"/anmelden\?next=/konto$"))
