"""Nothing a member does before the page can send events is lost: a form sent the moment the
load event fires waits visibly and is answered once the page is ready."""

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows

TRIES = 20


def _slow_network(page: Page) -> None:
    """A slow connection (latency 500 ms) makes the time between load and ready long."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 500, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def _busy(page: Page) -> bool:
    return page.get_by_role("main").get_attribute("aria-busy") == "true"


def test_registrations_sent_at_the_load_event_are_all_answered(page: Page, mail_sink):
    _slow_network(page)
    early = 0
    for _ in range(TRIES):
        email = flows.new_email("eilig")
        page.goto("/registrieren", wait_until="load")
        page.get_by_label(texts.FIELD_EMAIL).fill(email)
        page.get_by_label(texts.REGISTER_CONSENT).check()
        early += _busy(page)
        page.get_by_role("button", name=texts.REGISTER_TITLE).click()
        # a dropped click is never answered; a slow one is (a loaded machine takes over 5 s)
        answered = page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)
        expect(answered).to_be_visible(timeout=20_000)
        mail_sink.wait_for(email, texts.MAIL_CONFIRM_SUBJECT)
    # the test means something only if many clicks came early (at least a quarter)
    assert early >= TRIES // 4, f"only {early} of {TRIES} clicks came before the page was ready"


def test_a_click_held_while_the_server_is_out_of_reach_shows_that_it_waits(page: Page):
    page.route_web_socket("**/_event/**", lambda ws: None)  # the websocket never answers
    page.goto("/registrieren", wait_until="load")
    page.get_by_label(texts.FIELD_EMAIL).fill(flows.new_email("eilig"))
    button = page.get_by_role("button", name=texts.REGISTER_TITLE)
    button.click()
    expect(button).to_have_attribute("aria-busy", "true")
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "true")
    assert "?" not in page.url  # not sent as a plain GET with the address in the URL


def test_a_page_still_loading_shows_no_made_up_content(page: Page):
    """Until its data has arrived a page says that it loads, not "0 Kurse gefunden", and the
    header offers no login to someone who may be logged in."""
    page.route_web_socket("**/_event/**", lambda ws: None)  # the data never arrives
    page.goto("/kurse", wait_until="load")
    expect(page.get_by_label(texts.PAGE_WAITING)).to_be_visible()
    flows.assert_accessible(page)  # the waiting page too
    expect(page.get_by_text(texts.COURSES_COUNT.format(total=0))).to_have_count(0)
    expect(page.get_by_role("link", name=texts.LOGIN_TITLE, exact=True)).to_have_count(0)
    page.goto("/willkommen", wait_until="load")
    expect(page.get_by_label(texts.PAGE_WAITING)).to_be_visible()
    expect(page.get_by_role("button", name=texts.REGISTER_TITLE)).to_have_count(0)
