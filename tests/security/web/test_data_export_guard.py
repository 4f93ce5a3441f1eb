"""Meine Daten over the websocket: a member replaying the download event with another member's
archive id (or junk) gets nothing; the archive's own member does (the control)."""

from __future__ import annotations

import secrets
import sqlite3
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import Page

from portal_app import routes
from portal_app.services import clock
from portal_app.state.data_export import DataExportState
from tests.e2e import flows
from tests.reflex_wire import events_of

STATE = DataExportState.get_full_name()


def _db(portal_env: dict) -> str:
    return portal_env["REFLEX_DB_URL"].removeprefix("sqlite:///")


def _ready_archive(portal_env: dict, email: str) -> int:
    """A finished background archive of the account, as the export loop leaves it."""
    stored_name = secrets.token_hex(20)
    store = Path(portal_env["PORTAL_FILES_DIR"])
    store.mkdir(parents=True, exist_ok=True)
    (store / stored_name).write_bytes(b"PK\x05\x06" + bytes(18))
    now = clock.now()
    with sqlite3.connect(_db(portal_env)) as connection:
        (account_id,) = connection.execute(
            "select id from account where email = ?", (email,)
        ).fetchone()
        cursor = connection.execute(
            "insert into data_export (account_id, requested_at, finished_at, stored_name, size,"
            " expires_at) values (?, ?, ?, ?, 22, ?)",
            (account_id, now.isoformat(" "), now.isoformat(" "), stored_name,
             (now + timedelta(days=7)).isoformat(" ")),
        )  # fmt: skip
        return cursor.lastrowid


def _download_urls(page: Page, portal_url: str, export_id) -> list[str]:
    with flows.wire_of(page, portal_url) as wire:
        wire.call(f"{STATE}.load", {}, path=routes.MY_DATA)
        updates = wire.call(
            f"{STATE}.download_ready", {"export_id": export_id}, path=routes.MY_DATA
        )
    return [e["payload"]["url"] for e in events_of(updates) if e["name"] == "_download"]


def test_another_members_archive_is_not_handed_out(
    page: Page, new_context, mail_sink, portal_env, portal_url
):
    owner_email = flows.create_account(page, mail_sink)
    archive = _ready_archive(portal_env, owner_email)
    assert len(_download_urls(page, portal_url, archive)) == 1  # the owner gets it

    intruder = new_context().new_page()
    flows.create_account(intruder, mail_sink)
    for guess in (archive, str(archive), f"{archive} OR 1=1", -archive, True, None, [archive]):
        assert _download_urls(intruder, portal_url, guess) == [], guess
    with sqlite3.connect(_db(portal_env)) as connection:
        tickets = connection.execute(
            "select count(*) from download_ticket t join account a on a.id = t.account_id "
            "where a.email != ?",
            (owner_email,),
        ).fetchone()
    assert tickets == (0,)
