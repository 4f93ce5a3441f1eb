"""Link tokens stay in the page: someone who reconnects with a victim tab's client token (seen in
a websocket URL or a proxy log) after the victim opened a reset or confirmation link finds no
token in that tab's server state and cannot set the password with it."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from portal_app import texts
from tests.e2e import flows
from tests.reflex_wire import ROOT_STATE, SESSION_STATE, ReflexWire, events_of

RESET_STATE = f"{SESSION_STATE}.portal_app___state___password_reset____reset_state"
CONFIRM_STATE = f"{SESSION_STATE}.portal_app___state___register____confirm_state"
ATTACKER_PASSWORD = "Der Angreifer setzt sein eigenes Passwort"
# How the attacker hydrates: with no route (the state keeps the one the victim's tab sent last),
# or on the link's page without the token.
ROUTES = {
    "kept-route": {},
    "reset-page": {"pathname": "/passwort-zuruecksetzen", "asPath": "/passwort-zuruecksetzen"},
    "confirm-page": {
        "pathname": "/registrieren/bestaetigen",
        "asPath": "/registrieren/bestaetigen",
    },
}


class TabWire(ReflexWire):
    """A crafted client that presents another tab's client token."""

    def __init__(self, base_url: str, client_token: str, router_data: dict):
        self.client_token = client_token
        self.router_data = router_data
        self.hydrated: list[dict] = []
        super().__init__(base_url)

    def _connect(self) -> None:
        hydrate = {
            "name": f"{ROOT_STATE}.hydrate_and_load",
            "payload": {},
            "router_data": self.router_data,
        }
        self.client.connect(
            f"{self.base_url}?token={self.client_token}",
            socketio_path="/_event",
            namespaces=["/_event"],
            transports=["websocket"],
            auth={"event": hydrate, "state_schema": None},
            wait_timeout=10,
        )

    def __enter__(self) -> TabWire:
        self._connect()
        self.hydrated = self._drain()
        return self


def _victim_opens(new_context, link: str, button: str) -> tuple[str, str]:
    """The victim's tab opens the mailed link and closes again; its client token and the
    address it showed."""
    victim = new_context().new_page()
    flows.open_page(victim, link)
    expect(victim.get_by_role("button", name=button)).to_be_visible()
    client_token = victim.evaluate("() => window.sessionStorage.getItem('token')")
    assert client_token
    shown = victim.url
    victim.context.close()  # the websocket disconnects; the tab's state stays on the server
    return client_token, shown


def _row(portal_db: str, sql: str, **params):
    engine = create_engine(portal_db)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql), params).one()
    finally:
        engine.dispose()


def _attack(portal_url: str, client_token: str, handler: str) -> list[dict]:
    """Reconnect with the victim's client token in every way the route allows and submit a
    password without the token (and with an empty one); everything the server sent."""
    answers = []
    for router_data in ROUTES.values():
        with TabWire(portal_url, client_token, router_data) as wire:
            answers.extend(wire.hydrated)
            form = {"password": ATTACKER_PASSWORD, "password_repeat": ATTACKER_PASSWORD}
            path = router_data.get("pathname", "/")
            for payload in ({"form_data": form}, {"form_data": form, "token": ""}):
                answers.extend(wire.call(handler, payload, path=path))
    return answers


@pytest.mark.timeout(180)
def test_a_reconnect_with_the_victims_client_token_cannot_reset_the_password(
    page: Page, mail_sink, new_context, portal_url, portal_db
):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)
    flows.request_reset(page, email)
    link = flows.reset_link(mail_sink, email)
    before = _row(portal_db, "SELECT password_hash FROM account WHERE email = :e", e=email)[0]

    client_token, shown = _victim_opens(new_context, link, texts.RESET_BUTTON)
    answers = _attack(portal_url, client_token, f"{RESET_STATE}.submit")

    after = _row(portal_db, "SELECT password_hash FROM account WHERE email = :e", e=email)[0]
    assert after == before, "the attacker set the password"
    assert texts.RESET_DONE not in json.dumps(answers)
    token = link.split("token=", 1)[1]
    assert token not in json.dumps(answers), "the server sent the attacker the link token"
    assert token not in shown, "the token left the address bar before the app started"
    # the victim's link still works: the attack used nothing up
    flows.open_page(page, link)
    flows.fill_new_password(page, flows.NEW_PASSWORD)
    page.get_by_role("button", name=texts.RESET_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.RESET_DONE_TITLE)).to_be_visible()


@pytest.mark.timeout(180)
def test_a_reconnect_with_the_victims_client_token_cannot_confirm_the_registration(
    page: Page, mail_sink, new_context, portal_url, portal_db
):
    email = f"opfer-{uuid.uuid4().hex[:10]}@betrieb-test.example"
    flows.register(page, email)
    link = flows.confirmation_link(mail_sink, email)

    client_token, shown = _victim_opens(new_context, link, texts.CONFIRM_BUTTON)
    answers = _attack(portal_url, client_token, f"{CONFIRM_STATE}.submit")

    account = _row(
        portal_db,
        "SELECT password_hash IS NULL, confirmed_at IS NULL, "
        "(SELECT count(*) FROM login_session WHERE account_id = account.id) "
        "FROM account WHERE email = :e",
        e=email,
    )
    assert tuple(account) == (True, True, 0), "no password, not confirmed, nobody logged in"
    assert not [e for e in events_of(answers) if "sitzung" in json.dumps(e)]
    token = link.split("token=", 1)[1]
    assert token not in json.dumps(answers), "the server sent the attacker the link token"
    assert token not in shown, "the token left the address bar before the app started"
    # the victim's link still works
    flows.set_password(page, link)
    expect(page).to_have_url(re.compile(r"/willkommen/?$"))
