"""The guard of unlocked services holds on the server: a crafted websocket event from a merely
logged-in member is refused, from an unlocked member it passes."""

from playwright.sync_api import Page, expect

from portal_app import routes, texts
from tests.e2e import flows
from tests.reflex_wire import SESSION_STATE, events_of


def guard_answer(page: Page, portal_url: str) -> list[dict]:
    """Call the guard with this browser's login, from a client of our own."""
    with flows.wire_of(page, portal_url) as wire:
        updates = wire.call(f"{SESSION_STATE}.require_unlocked", path="/dokumente")
    return [e["payload"].get("path") for e in events_of(updates) if e["name"] == "_redirect"]


def test_the_unlocked_guard_refuses_a_logged_in_member_until_unlocked(
    page: Page, mail_sink, portal_url, betrieb, issue_pin
):
    assert guard_answer(page, portal_url) == ["/anmelden?next=/dokumente"]  # not logged in

    flows.create_account(page, mail_sink)
    assert guard_answer(page, portal_url) == [routes.UNLOCK_FIRST]

    flows.open_page(page, routes.UNLOCK)
    flows.unlock_as_betrieb(page, betrieb, issue_pin(betrieb))
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()
    assert guard_answer(page, portal_url) == []


DOCUMENTS_STATE = f"{SESSION_STATE}.portal_app___state___documents____documents_state"


def test_a_forged_account_in_the_event_is_not_taken(page: Page, mail_sink, portal_url):
    """The guard hands the account over itself; an `account` sent by the browser changes
    nothing: a member who is not unlocked gets no document, whatever the event carries."""
    flows.create_account(page, mail_sink)
    forged = {"document_id": 1, "account": {"id": 1, "email": "jemand@example.org"}}
    with flows.wire_of(page, portal_url) as wire:
        updates = wire.call(f"{DOCUMENTS_STATE}.download", forged, path="/dokumente")
    events = events_of(updates)
    assert [e["payload"].get("path") for e in events if e["name"] == "_redirect"] == [
        routes.UNLOCK_FIRST
    ]
    assert not [e for e in events if e["name"] == "_download"]
