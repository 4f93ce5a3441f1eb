"""Every page is found by clicking: a visitor, a registered member and an unlocked member start
at the start page, follow only links, and reach every page of their audience (the list comes
from the page registry); Mein Konto leads to each service. An administrator of the chamber's
staff starts at the Eingang and reaches every staff page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from portal_app import pages, routes, texts  # noqa: F401  (importing pages registers them)
from portal_app.components.page import PAGES, PageSpec
from tests.e2e import flows, staff_flows

# A route with a parameter matches any value (/kurse/[kurs_id] ↔ /kurse/17)
_PARAM = re.compile(r"\[[^/]+\]")


def _pattern(spec: PageSpec) -> re.Pattern:
    return re.compile("^" + _PARAM.sub("[^/]+", spec.route.rstrip("/") or "/") + "$")


def _audience(*, protected: bool, unlocked: bool = False) -> list[PageSpec]:
    """The pages of one audience that must be found by clicking (not those a mail or an
    action leads to, which the registry marks `linked=False`)."""
    return [
        spec
        for spec in PAGES
        if spec.linked
        and not spec.demo_only
        and not spec.staff
        and spec.protected == protected
        and spec.unlocked == unlocked
    ]


def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/") or "/"


def _staff_audience() -> list[PageSpec]:
    """The staff pages an administrator must find by clicking (logged in)."""
    return [spec for spec in PAGES if spec.staff and spec.linked and spec.protected]


def _links_here(page: Page) -> set[str]:
    """Paths of the visible links to pages of this site (no mail or cookie endpoints)."""
    hrefs = page.locator("a[href]:visible").evaluate_all("els => els.map(e => e.href)")
    here = urlsplit(page.url)
    found = set()
    for href in hrefs:
        parts = urlsplit(href)
        if (parts.scheme, parts.netloc) != (here.scheme, here.netloc):  # mailto:, tel:, others
            continue
        path = parts.path.rstrip("/") or "/"
        if not path.startswith(("/sitzung", "/_", "/demo")):
            found.add(path)
    return found


def _crawl(page: Page, expected: list[PageSpec], start: str = "/") -> set[str]:
    """Breadth first from the start page: every page is opened by clicking a link to it on a
    page already reached (below `start` only, when it is not "/"). Returns the routes of the
    expected pages that were reached."""
    reached_paths = {start}
    frontier = [start]
    while frontier:
        here = frontier.pop(0)
        flows.open_page(page, here)
        links = {p for p in _links_here(page) if start == "/" or p.startswith(start)}
        for target in sorted(links - reached_paths):
            link = page.locator(f'a[href="{target}"]:visible, a[href="{target}/"]:visible').first
            link.click()
            expect(page).to_have_url(re.compile(re.escape(target) + r"/?(\?.*)?$"))
            reached_paths.add(target)
            frontier.append(target)
            page.go_back()
            expect(page).to_have_url(re.compile(re.escape(here) + r"/?(\?.*)?$"))
            expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    return {spec.route for spec in expected if any(_pattern(spec).match(p) for p in reached_paths)}


def _assert_found(page: Page, expected: list[PageSpec], start: str = "/") -> None:
    found = _crawl(page, expected, start)
    missing = sorted({spec.route for spec in expected} - found)
    assert not missing, f"no link leads to {missing}"


def test_a_visitor_finds_every_public_page_by_clicking(page: Page):
    _assert_found(page, _audience(protected=False))


def test_a_member_finds_every_page_for_members_by_clicking(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    _assert_found(page, _audience(protected=True))


def test_an_unlocked_member_finds_every_service_by_clicking(
    page: Page, mail_sink, betrieb, issue_pin
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _assert_found(page, _audience(protected=True, unlocked=True))


def test_mein_konto_leads_to_each_service(page: Page, mail_sink, betrieb, issue_pin):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    services = [spec for spec in PAGES if spec.account_link]
    assert len(services) >= 10
    for spec in services:
        flows.open_page(page, routes.ACCOUNT)
        page.get_by_role("main").get_by_role("link", name=spec.account_link, exact=True).click()
        expect(page).to_have_url(re.compile(re.escape(spec.route) + r"/?$"))
        expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_staff_administrator_finds_every_staff_page_by_clicking(page: Page, portal_cli):
    flows.send_contact_message(page, flows.new_email("besucher"))  # an item in the Eingang
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    expected = _staff_audience()
    assert {spec.route for spec in expected} >= {routes.STAFF_INBOX, routes.STAFF_TEAM}
    _assert_found(page, expected, start=routes.STAFF_INBOX)


def test_staff_pages_are_not_linked_for_members(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    reached = _crawl(page, _staff_audience())
    assert reached == set()
