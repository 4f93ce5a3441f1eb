"""The session cookie: HttpOnly (document.cookie and storage never hold the token), SameSite
Strict; the handoff code works once and only from the portal; a hash from the database or an
ended session opens nothing."""

import re

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from portal_app import texts
from portal_app.services import session_cookie
from tests.e2e import flows
from tests.security.web.test_headers import fetch


def _session_cookie(page: Page) -> dict:
    found = [c for c in page.context.cookies() if c["name"] == session_cookie.NAME]
    assert len(found) == 1, page.context.cookies()
    return found[0]


def test_page_scripts_cannot_read_the_session_token(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    cookie = _session_cookie(page)

    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert len(cookie["value"]) >= 43
    readable = page.evaluate(
        "() => document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"
    )
    assert cookie["value"] not in readable
    assert session_cookie.NAME not in readable


def test_a_used_handoff_code_logs_nobody_in(page: Page, mail_sink, new_context):
    handoffs = []
    page.on("request", lambda r: handoffs.append(r.url) if "/sitzung/start" in r.url else 0)
    flows.create_account(page, mail_sink)
    assert len(handoffs) == 1

    thief = new_context().new_page()
    thief.goto(handoffs[0])
    expect(thief).to_have_url(re.compile(r"/anmelden"))
    assert not [c for c in thief.context.cookies() if c["name"] == session_cookie.NAME]


def test_the_endpoints_ignore_navigations_from_other_sites(portal_url):
    status, headers, _ = fetch(
        portal_url + "/sitzung/start?code=abc&next=/konto", {"Sec-Fetch-Site": "cross-site"}
    )
    assert status == 303
    assert headers["location"].startswith("/anmelden")
    assert "set-cookie" not in {k.lower() for k in headers}


def test_the_start_endpoint_never_redirects_to_another_host(portal_url):
    _, headers, _ = fetch(portal_url + "/sitzung/start?code=abc&next=//evil.example/konto")
    assert "evil.example" not in headers["location"]


def test_a_token_hash_from_the_database_is_no_session_cookie(
    page: Page, mail_sink, new_context, portal_db, portal_url
):
    email = flows.create_account(page, mail_sink)
    engine = create_engine(portal_db)
    with engine.connect() as connection:
        stolen = connection.execute(
            text(
                "SELECT token_hash FROM login_session WHERE account_id = "
                "(SELECT id FROM account WHERE email = :e)"
            ),
            {"e": email},
        ).scalar_one()
    engine.dispose()

    intruder = new_context()
    intruder.add_cookies([{"name": session_cookie.NAME, "value": stolen, "url": portal_url}])
    other = intruder.new_page()
    other.goto("/konto")
    expect(other).to_have_url(re.compile(r"/anmelden\?next=/konto$"))


def test_logout_ends_the_session_and_removes_the_cookie(page: Page, mail_sink, new_context):
    flows.create_account(page, mail_sink)
    copied = _session_cookie(page)
    flows.logout(page)  # waits until the cookie endpoint has answered

    assert not [c for c in page.context.cookies() if c["name"] == session_cookie.NAME]
    replay = new_context()
    replay.add_cookies([copied])
    replayed = replay.new_page()
    replayed.goto("/konto")
    expect(replayed).to_have_url(re.compile(r"/anmelden\?next=/konto$"))
    expect(replayed.get_by_text(texts.LOGIN_REQUIRED)).to_be_visible()
