"""A member's way through the portal when it runs on two workers with Redis and PostgreSQL:
register, confirm, unlock, book, see the booking — each step on another worker than the one
before, so nothing may live in one process's memory (state, session, handoff, counters)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from portal_app import routes, texts
from tests.e2e import course_data, flows
from tests.scaleout.conftest import WORKERS

# With two workers a page load lands on the other one about every second time.
ATTEMPTS = 30
WORKER_NOTE = re.compile(rf"^{texts.WORKER_NOTE} (\d+)$")
CONSULTING_FORM = routes.form("beratungstermin")


class WorkerTrail:
    """The backend processes the member's steps ran on, in order."""

    def __init__(self, page: Page):
        self.page = page
        self.steps: list[str] = []

    def current(self) -> str:
        note = self.page.get_by_text(WORKER_NOTE)
        expect(note).to_be_visible()
        return WORKER_NOTE.match(note.inner_text()).group(1)

    def open_on_next_worker(self, path: str) -> None:
        """Open the page where its websocket is held by a worker other than the previous
        step's; load it again while the server hands it to the same one."""
        for _ in range(ATTEMPTS):
            flows.open_page(self.page, path)
            worker = self.current()
            if not self.steps or worker != self.steps[-1]:
                self.steps.append(worker)
                return
        pytest.fail(f"{ATTEMPTS} loads of {path} all landed on worker {self.steps[-1]}")


def test_register_unlock_and_book_with_each_step_on_another_worker(
    page: Page, mail_sink, betrieb, issue_pin, screenshot
):
    trail = WorkerTrail(page)
    email = flows.new_email("skaliert")

    trail.open_on_next_worker("/registrieren")
    flows.submit_registration(page, email)

    trail.open_on_next_worker(flows.confirmation_link(mail_sink, email))
    flows.submit_first_password(page)
    expect(page).to_have_url(re.compile(r"/willkommen/?$"))
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")

    trail.open_on_next_worker("/freischalten")
    flows.unlock_as_betrieb(page, betrieb, issue_pin(betrieb))
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()

    trail.open_on_next_worker("/kurse")
    flows.open_found_course(page, course_data.BOOK_AND_CANCEL)
    flows.fill_participant(page, "Eva Skalierer")
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_DONE)).to_be_visible()

    trail.open_on_next_worker("/konto/buchungen")
    entry = page.get_by_role("article").filter(has_text=course_data.BOOK_AND_CANCEL)
    expect(entry).to_contain_text(texts.STATUS_BOOKED)
    expect(entry).to_contain_text("Eva Skalierer")
    flows.assert_accessible_narrow_and_wide(page, screenshot, "skaliert-buchungen")

    assert len(set(trail.steps)) == WORKERS, trail.steps
    # Every worker runs the mail delivery loop; each mail still leaves exactly once.
    mail_sink.wait_for(email, "Buchungsbestätigung")
    subjects = [m["Subject"] for m in mail_sink.to(email)]
    assert len(subjects) == len(set(subjects)), subjects


def test_a_logout_on_one_worker_ends_the_login_for_the_next_event_on_the_other(
    page: Page, mail_sink
):
    """Each worker keeps logins it has checked in memory; the logout's change mark in Redis
    makes the other worker ask the database at the tab's very next event."""
    email = flows.create_account(page, mail_sink)
    leaving = WorkerTrail(page)
    leaving.open_on_next_worker("/konto")
    staying_page = page.context.new_page()
    staying = WorkerTrail(staying_page)
    staying.steps = list(leaving.steps)
    staying.open_on_next_worker(CONSULTING_FORM)  # checked and kept by the other worker
    staying_page.get_by_label(texts.FORM_NAME).fill("Eva Skalierer")

    flows.logout(page)

    staying_page.get_by_role("button", name=texts.FORM_SEND).click()
    dialog = staying_page.get_by_role("alertdialog", name=texts.SESSION_ENDED_TITLE)
    expect(dialog).to_be_visible()
    assert leaving.steps[-1] != staying.steps[-1]
    assert not [m for m in mail_sink.to(email) if texts.FORM_CONSULTING_TITLE in m["Subject"]]
