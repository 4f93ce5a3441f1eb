"""The staff guard holds on the server: a member's login calling any staff handler over the
websocket is refused, a staff member who is no administrator is refused the administrators'
handlers, a staff login gets nothing of a member, and a deactivated staff member's cookie opens
nothing. The staff cookie is HttpOnly, SameSite=Strict, apart from the member's."""

from __future__ import annotations

import importlib
import inspect
import re

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from portal_app import pages, routes  # noqa: F401  (importing pages registers the states)
from portal_app.services import staff_cookie
from portal_app.state.session import GUARDED, STAFF_ADMIN, STAFF_KINDS
from tests.e2e import flows, staff_flows
from tests.reflex_wire import SESSION_STATE, events_of
from tests.security.web.test_headers import fetch


def _staff_handlers(kinds) -> list[tuple[str, str, list[str]]]:
    """(state path, handler, argument names) of every guarded handler of these kinds."""
    found = []
    for module, qualname, access in GUARDED:
        if access not in kinds:
            continue
        class_name, handler = qualname.split(".")
        state = getattr(importlib.import_module(module), class_name)
        params = list(inspect.signature(getattr(state, handler).fn).parameters)[1:]
        found.append((state.get_full_name(), handler, params))
    assert found, "no staff handlers registered"
    return found


def _payload(params: list[str], target_id: int) -> dict:
    """Arguments an attacker would send: a form that invites and changes, ids of real staff."""
    form = {
        "name": "Eingeschleust",
        "email": "eingeschleust@angreifer.example",
        "staff_id": str(target_id),
        "abteilung_beitrag": "on",
    }
    return {name: form if name == "form_data" else str(target_id) for name in params}


def _staff_rows(portal_db: str) -> list[tuple]:
    engine = create_engine(portal_db)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT s.id, s.email, s.deactivated_at, s.totp_secret, "
                "(SELECT group_concat(department) FROM staff_department d "
                "WHERE d.staff_id = s.id) FROM staff_account s ORDER BY s.id"
            )
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _redirects(updates) -> list[str]:
    return [e["payload"].get("path") for e in events_of(updates) if e["name"] == "_redirect"]


def _call_each(page: Page, portal_url: str, kinds, target_id: int) -> list[tuple[str, list]]:
    answers = []
    with staff_flows.staff_wire(page, portal_url) as wire:
        for state_path, handler, params in _staff_handlers(kinds):
            updates = wire.call(
                f"{state_path}.{handler}", _payload(params, target_id), path=routes.STAFF_TEAM
            )
            answers.append((handler, _redirects(updates), updates))
    return answers


def test_a_members_login_is_refused_by_every_staff_handler(
    page: Page, mail_sink, portal_cli, portal_url, portal_db, new_context
):
    admin = staff_flows.create_and_set_up(new_context().new_page(), portal_cli, admin=True)
    target = next(r[0] for r in _staff_rows(portal_db) if r[1] == admin.email)
    flows.create_account(page, mail_sink)  # a member, logged in with the member cookie
    before = _staff_rows(portal_db)
    for handler, redirects, updates in _call_each(page, portal_url, STAFF_KINDS, target):
        assert redirects == [routes.staff_login(routes.STAFF_TEAM)], handler
        assert "rows" not in str(updates), handler  # no staff list reaches the member
    assert _staff_rows(portal_db) == before


def test_a_staff_member_who_is_no_administrator_is_refused_the_admin_handlers(
    page: Page, portal_cli, portal_url, portal_db, new_context
):
    admin = staff_flows.create_and_set_up(new_context().new_page(), portal_cli, admin=True)
    target = next(r[0] for r in _staff_rows(portal_db) if r[1] == admin.email)
    staff_flows.create_and_set_up(page, portal_cli)  # no administrator
    before = _staff_rows(portal_db)
    for handler, redirects, _updates in _call_each(page, portal_url, (STAFF_ADMIN,), target):
        assert redirects == [routes.STAFF_INBOX], handler
    assert _staff_rows(portal_db) == before


def test_a_staff_login_gets_nothing_of_a_member(page: Page, portal_cli, portal_url):
    staff_flows.create_and_set_up(page, portal_cli)
    with staff_flows.staff_wire(page, portal_url) as wire:
        updates = wire.call(f"{SESSION_STATE}.require_login", path=routes.ACCOUNT)
    assert _redirects(updates) == [routes.login(routes.ACCOUNT)]


def test_a_deactivated_staff_members_cookie_opens_nothing(
    page: Page, portal_cli, portal_url, portal_db
):
    member = staff_flows.create_and_set_up(page, portal_cli)
    with staff_flows.staff_wire(page, portal_url) as wire:
        assert _redirects(wire.call(f"{SESSION_STATE}.require_staff", path="/verwaltung")) == []
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE staff_account SET deactivated_at = CURRENT_TIMESTAMP WHERE email = :e"),
            {"e": member.email},
        )
    engine.dispose()
    with staff_flows.staff_wire(page, portal_url) as wire:
        updates = wire.call(f"{SESSION_STATE}.require_staff", path="/verwaltung")
    assert _redirects(updates) == [routes.staff_login("/verwaltung")]


def test_the_staff_cookie_is_http_only_strict_and_apart_from_the_members(page: Page, portal_cli):
    staff_flows.create_and_set_up(page, portal_cli)
    cookies = {c["name"]: c for c in page.context.cookies()}
    cookie = cookies[staff_cookie.NAME]
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert len(cookie["value"]) >= 43
    assert flows.SESSION_COOKIE not in cookies  # no member login comes with it
    assert cookie["value"] not in page.evaluate("() => document.cookie")


def test_a_used_staff_handoff_code_logs_nobody_in(page: Page, portal_cli, new_context):
    handoffs = []
    page.on(
        "request", lambda r: handoffs.append(r.url) if "/verwaltung/sitzung/start" in r.url else 0
    )
    staff_flows.create_and_set_up(page, portal_cli)
    assert len(handoffs) == 1
    thief = new_context().new_page()
    thief.goto(handoffs[0])
    expect(thief).to_have_url(re.compile(r"/verwaltung/anmelden"))
    assert not [c for c in thief.context.cookies() if c["name"] == staff_cookie.NAME]


def test_the_staff_endpoints_ignore_other_sites_and_other_hosts(portal_url):
    status, headers, _ = fetch(
        portal_url + "/verwaltung/sitzung/start?code=abc&next=/verwaltung",
        {"Sec-Fetch-Site": "cross-site"},
    )
    assert status == 303 and headers["location"].startswith("/verwaltung/anmelden")
    assert "set-cookie" not in {k.lower() for k in headers}
    _, headers, _ = fetch(portal_url + "/verwaltung/sitzung/start?code=abc&next=//evil.example/x")
    assert "evil.example" not in headers["location"]
