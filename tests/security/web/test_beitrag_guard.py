"""The Beitrag pages hold on the server: staff of another department calling every event of
/verwaltung/beitrag and /verwaltung/lastschrift over the websocket are sent to the Eingang and
change, deliver, mark or download nothing, even with the ids of a real batch and export.
(A member's login calling these handlers: test_staff_guard covers every staff handler.)"""

from __future__ import annotations

import inspect

from playwright.sync_api import Page
from sqlalchemy import create_engine, text

from portal_app import routes
from portal_app.state.beitrag import BeitragState
from portal_app.state.sepa_collection import SepaCollectionState
from tests.e2e import staff_flows
from tests.reflex_wire import events_of


def _sql(portal_db: str, statement: str, **params):
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        rows = connection.execute(text(statement), params).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _seed(portal_db: str) -> tuple[int, int]:
    """A staged batch and an export not yet handed to the bank, as the services leave them."""
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO beitrag_stapel (titel, staff_id, checked_at, zip_name, content_hash, "
                "notices, messages, paper) VALUES ('Fremder Stapel', NULL, CURRENT_TIMESTAMP, "
                "'0123456789abcdef0123456789abcdef01234567', 'hash-fremd', 1, 0, 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO sepa_einzug (created_at, staff_id, faellig_am, csv_hash, message_id, "
                "file_name, stored_name, skipped_name, transactions, total_cents, skipped) "
                "VALUES (CURRENT_TIMESTAMP, NULL, '2099-01-05', 'x', 'm', 'fremd.xml', "
                "'89abcdef0123456789abcdef0123456789abcdef', '', 0, 0, 0)"
            )
        )
        stapel = connection.execute(text("SELECT max(id) FROM beitrag_stapel")).scalar_one()
        einzug = connection.execute(text("SELECT max(id) FROM sepa_einzug")).scalar_one()
    engine.dispose()
    return stapel, einzug


def _snapshot(portal_db: str) -> list:
    return [
        _sql(portal_db, "SELECT * FROM beitrag_stapel ORDER BY id"),
        _sql(portal_db, "SELECT * FROM sepa_einzug ORDER BY id"),
        _sql(portal_db, "SELECT count(*) FROM postfach_nachricht"),
        _sql(portal_db, "SELECT count(*) FROM dokument"),
        _sql(portal_db, "SELECT count(*) FROM download_ticket"),
    ]


def _handlers(state) -> list[tuple[str, list[str]]]:
    found = []
    for name in state.event_handlers:
        handler = getattr(state, name)
        if name == "setvar" or name not in vars(state):
            continue
        params = list(inspect.signature(handler.fn).parameters)[1:]
        if "chunks" in params:  # an upload: its service refuses (tests/unit), no wire payload
            continue
        found.append((name, params))
    return found


def test_staff_of_another_department_are_refused_every_beitrag_handler(
    page: Page, portal_cli, portal_db, portal_url
):
    stapel, einzug = _seed(portal_db)
    staff_flows.create_and_set_up(page, portal_cli, departments=("handwerksrolle", "bildung"))
    before = _snapshot(portal_db)
    called = []
    with staff_flows.staff_wire(page, portal_url) as wire:
        for state, path, target in (
            (BeitragState, routes.STAFF_BEITRAG, stapel),
            (SepaCollectionState, routes.STAFF_LASTSCHRIFT, einzug),
        ):
            for handler, params in _handlers(state):
                payload = {name: str(target) for name in params}
                updates = wire.call(f"{state.get_full_name()}.{handler}", payload, path=path)
                called.append(handler)
                assert "Fremder Stapel" not in str(updates), handler
                assert not [e for e in events_of(updates) if e["name"] == "_download"], handler
                if handler not in ("keep_titel", "keep_faellig", "ask_submit", "keep_export"):
                    redirects = [
                        e["payload"].get("path")
                        for e in events_of(updates)
                        if e["name"] == "_redirect"
                    ]
                    assert redirects == [routes.STAFF_INBOX], handler
    assert {"load", "deliver", "discard", "download_paper"} <= set(called)
    assert {"download", "download_skipped", "submit"} <= set(called)
    assert _snapshot(portal_db) == before
