"""The second factor holds on the server: a crafted client that calls the login's code event
without the password step, or the password step alone, or the cookie endpoint with a made-up
code, gets no login; a Betrieb's member without a second factor replays the SEPA events over
the websocket and no mandate is stored."""

from __future__ import annotations

import json

from playwright.sync_api import Page
from sqlalchemy import create_engine, text

from portal_app import pages, routes  # noqa: F401  (importing pages registers the states)
from portal_app.state.login import LoginState
from portal_app.state.sepa import SepaState
from tests.e2e import flows
from tests.e2e.conftest import betrieb, issue_pin  # noqa: F401  (fixtures)
from tests.reflex_wire import ReflexWire
from tests.security.web.test_headers import fetch

LOGIN = LoginState.get_full_name()
SEPA = SepaState.get_full_name()


def _count(portal_db: str, sql: str, **params) -> int:
    engine = create_engine(portal_db)
    with engine.connect() as connection:
        value = connection.execute(text(sql), params).scalar()
    engine.dispose()
    return value


def _logins(portal_db: str, email: str) -> int:
    return _count(
        portal_db,
        "SELECT count(*) FROM login_session s JOIN account a ON a.id = s.account_id "
        "WHERE a.email = :e",
        e=email,
    )


def _member_with_second_factor(page: Page, mail_sink) -> tuple[str, flows.Authenticator]:
    email = flows.create_account(page, mail_sink)
    flows.open_page(page, routes.ACCOUNT_SECOND_FACTOR)
    return email, flows.set_up_second_factor_here(page)


def test_no_login_without_the_code_step_done_on_the_server(
    page: Page, mail_sink, portal_url, portal_db
):
    email, app = _member_with_second_factor(page, mail_sink)
    before = _logins(portal_db, email)

    with flows.failed_logins_forgotten(portal_db), ReflexWire(portal_url) as wire:
        # the code event alone, with a right code: no password step on this tab
        skipped = wire.call(
            f"{LOGIN}.submit_code", {"form_data": {"code": app.next_code()}}, path=routes.LOGIN
        )
        # the password step alone hands out nothing
        password_only = wire.call(
            f"{LOGIN}.submit",
            {"form_data": {"email": email, "password": flows.PASSWORD}},
            path=routes.LOGIN,
        )
        # and a wrong code after it neither
        wrong = wire.call(
            f"{LOGIN}.submit_code", {"form_data": {"code": "000000"}}, path=routes.LOGIN
        )

    for updates in (skipped, password_only, wrong):
        assert routes.SESSION_START not in json.dumps(updates)
    assert '"code"' in json.dumps(password_only)  # the tab is at the code step
    assert _logins(portal_db, email) == before

    status, headers, _body = fetch(f"{portal_url}{routes.SESSION_START}?code=erfunden&next=/konto")
    assert status == 303 and headers.get("set-cookie") is None


def test_a_betriebs_member_without_second_factor_replays_sepa_and_nothing_is_stored(
    page: Page,
    mail_sink,
    betrieb,  # noqa: F811
    issue_pin,  # noqa: F811
    portal_url,
    portal_db,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    betrieb_id = _count(
        portal_db,
        "SELECT id FROM betrieb WHERE betriebsnummer = :n",
        n=betrieb[3:10],
    )
    form = {
        "kontoinhaber": "Eingeschleust GmbH",
        "iban": "DE89 3704 0044 0532 0130 00",
        "zustimmung": "on",
    }
    with flows.wire_of(page, portal_url) as wire:
        wire.call(f"{SEPA}.load", {}, path=routes.SEPA)
        wire.call(f"{SEPA}.select_betrieb", {"value": f"betrieb-{betrieb_id}"}, path=routes.SEPA)
        answer = wire.call(f"{SEPA}.submit", {"form_data": form}, path=routes.SEPA)

    assert "Eingeschleust" not in json.dumps(answer)
    mandates = "SELECT count(*) FROM sepa_mandat WHERE betrieb_id = :b"
    assert _count(portal_db, mandates, b=betrieb_id) == 0
    refused = _count(
        portal_db,
        "SELECT count(*) FROM audit_entry e JOIN account a ON a.id = e.account_id "
        "WHERE a.email = :e AND e.action = 'second_factor_missing'",
        e=email,
    )
    assert refused >= 1
