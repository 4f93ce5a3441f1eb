"""The Verzeichnis holds on the server: staff of a department without a register (Bildung) and
staff of the Personen register (Ausbildung) replay every Verzeichnis event with the id of a
real Betrieb and of its Freischaltung over the websocket; nothing is issued, ended, listed or
handed out. The same replay by the Handwerksrolle does issue a PIN (the attack is real)."""

from __future__ import annotations

import importlib
import inspect

from playwright.sync_api import Page

from portal_app import pages, routes  # noqa: F401  (importing pages registers the states)
from portal_app.state.session import GUARDED
from tests.e2e import flows, staff_flows
from tests.e2e.conftest import betrieb, issue_pin  # noqa: F401  (fixtures)
from tests.e2e.docs_support import db_rows, second_page  # noqa: F401
from tests.reflex_wire import events_of

MODULE = "portal_app.state.verzeichnis"


def _handlers() -> list[tuple[str, str, list[str]]]:
    """(state path, handler, argument names) of every Verzeichnis handler."""
    found = []
    for module, qualname, _access in GUARDED:
        if module != MODULE:
            continue
        class_name, handler = qualname.split(".")
        state = getattr(importlib.import_module(module), class_name)
        params = list(inspect.signature(getattr(state, handler).fn).parameters)[1:]
        found.append((state.get_full_name(), handler, params))
    assert len(found) >= 8, found
    return found


def _payload(params: list[str], betrieb_id: int, link_id: int) -> dict:
    form = {"art": "betrieb", "text": "", f"wahl-{betrieb_id}": "on"}
    values = {"form_data": form, "link_id": str(link_id), "step": 1}
    return {name: values.get(name, str(betrieb_id)) for name in params}


def _state(portal_env: dict, number: str) -> tuple:
    nummer = number[3:10]
    pins = db_rows(
        portal_env,
        "select count(*) from pin p join betrieb b on b.id = p.betrieb_id "
        "where b.betriebsnummer = ?",
        nummer,
    )
    links = db_rows(
        portal_env,
        "select f.id from freischaltung f join betrieb b on b.id = f.betrieb_id "
        "where b.betriebsnummer = ?",
        nummer,
    )
    return pins, links


def _replay(page: Page, portal_url: str, betrieb_id: int, link_id: int) -> list:
    """Every Verzeichnis event, as a crafted client sends it from the Betrieb's page."""
    path = routes.staff_record("betrieb", betrieb_id)
    params = {"betrieb_id": str(betrieb_id)}
    answers = []
    with staff_flows.staff_wire(page, portal_url) as wire:
        for state_path, handler, names in _handlers():
            payload = _payload(names, betrieb_id, link_id)
            updates = wire.call(f"{state_path}.{handler}", payload, path=path, query=params)
            answers.append((handler, updates))
    return answers


def _issue_only(page: Page, portal_url: str, betrieb_id: int) -> list:
    path = routes.staff_record("betrieb", betrieb_id)
    params = {"betrieb_id": str(betrieb_id)}
    state_path = next(s for s, h, _ in _handlers() if h == "issue_pin")
    with staff_flows.staff_wire(page, portal_url) as wire:
        wire.call(f"{state_path}.load", path=path, query=params)
        return wire.call(f"{state_path}.issue_pin", path=path, query=params)


def test_staff_without_the_betriebe_register_replay_every_event_in_vain(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,  # noqa: F811
    issue_pin,  # noqa: F811
    portal_cli,
    portal_env,
    portal_url,
):
    flows.create_unlocked_member(second_page, mail_sink, betrieb, issue_pin(betrieb))
    (betrieb_id,) = db_rows(
        portal_env, "select id from betrieb where betriebsnummer = ?", betrieb[3:10]
    )[0]
    before = _state(portal_env, betrieb)
    ((link_id,),) = before[1]
    name = f"Zimmerei Test {betrieb[3:10]}"

    for departments in (("bildung",), ("ausbildung",)):
        flows.open_page(page, "/verwaltung/anmelden")
        page.context.clear_cookies()
        staff_flows.create_and_set_up(page, portal_cli, departments=departments)
        for handler, updates in _replay(page, portal_url, betrieb_id, link_id):
            downloads = [e for e in events_of(updates) if e["name"] == "_download"]
            assert not downloads, (departments, handler)
            assert name not in str(updates), (departments, handler)  # nothing of it is listed
        assert _state(portal_env, betrieb) == before, departments

    # the same replay by the Handwerksrolle works: the refusals above are the guard's
    flows.open_page(page, "/verwaltung/anmelden")
    page.context.clear_cookies()
    staff_flows.create_and_set_up(page, portal_cli, departments=("handwerksrolle",))
    updates = _issue_only(page, portal_url, betrieb_id)
    assert [e for e in events_of(updates) if e["name"] == "_download"]
    assert _state(portal_env, betrieb)[0][0][0] == before[0][0][0] + 1
