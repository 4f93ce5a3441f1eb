"""The course administration of the department Bildung, end to end: staff reach it from
their header, create a course (bad input gets its message at the field), a member books it,
the participant list downloaded as CSV and PDF names them, staff cancel the booking (the member
is mailed) and cancel the course; by keyboard alone too; staff of other departments have no
link and no page."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from portal_app import texts
from portal_app.services import clock, dates
from tests.e2e import flows, staff_flows
from tests.mailsink import body_of


def open_course_admin(page: Page) -> None:
    """From the Eingang, by the header's link."""
    page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.STAFF_COURSES_TITLE
    ).click()
    expect(page).to_have_url(re.compile(r"/verwaltung/kurse/?$"))
    expect(page.get_by_role("heading", name=texts.STAFF_COURSES_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def course_values(title: str) -> dict[str, str]:
    start = clock.today() + timedelta(days=40)
    return {
        texts.COURSE_CODE: f"E2E-{uuid.uuid4().hex[:6]}",
        texts.STAFF_COURSE_TITLE_FIELD: title,
        texts.COURSE_LOCATION: "Bildungszentrum Musterstadt",
        texts.STAFF_COURSE_STARTS: dates.format_date(start),
        texts.STAFF_COURSE_ENDS: dates.format_date(start + timedelta(days=2)),
        texts.COURSE_SCHEDULE: "Fr–So 9–16 Uhr",
        texts.COURSE_PRICE: "450,00",
        texts.STAFF_COURSE_CAPACITY: "8",
    }


def fill_course(page: Page, values: dict[str, str]) -> None:
    form = page.get_by_role("form", name=texts.STAFF_COURSE_NEW)
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_label(texts.COURSE_CATEGORY).select_option("Weiterbildung")


def new_course_page(page: Page) -> None:
    page.get_by_role("link", name=texts.STAFF_COURSE_NEW).click()
    expect(page.get_by_role("heading", name=texts.STAFF_COURSE_NEW, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def expect_done(page: Page, text: str) -> None:
    expect(page.get_by_role("main").get_by_text(text)).to_be_visible()


def test_staff_create_a_course_a_member_books_the_list_names_them_staff_cancel_and_mail(
    page: Page, new_context, portal_cli, mail_sink, screenshot
):
    staff_flows.create_and_set_up(page, portal_cli, departments=("bildung",))
    open_course_admin(page)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-kurse")

    new_course_page(page)
    page.get_by_role("button", name=texts.STAFF_COURSE_CREATE).click()
    required = texts.FORM_REQUIRED.format(label=texts.STAFF_COURSE_TITLE_FIELD)
    expect(page.get_by_role("main").get_by_text(required)).to_be_visible()
    expect(page.get_by_label(texts.COURSE_CODE)).to_be_focused()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-kurs-neu-fehler")

    title = f"Bauleitung kompakt {uuid.uuid4().hex[:6]}"
    values = course_values(title)
    fill_course(page, {**values, texts.STAFF_COURSE_CAPACITY: "0"})
    page.get_by_role("button", name=texts.STAFF_COURSE_CREATE).click()
    expect(page.get_by_role("main").get_by_text("plaetze muss eine Zahl")).to_be_visible()
    expect(page.get_by_label(texts.STAFF_COURSE_CAPACITY)).to_be_focused()
    page.get_by_label(texts.STAFF_COURSE_CAPACITY).fill("8")
    page.get_by_role("button", name=texts.STAFF_COURSE_CREATE).click()
    code = values[texts.COURSE_CODE]
    expect_done(page, texts.STAFF_COURSE_CREATED.format(code=code))
    expect(page.get_by_role("heading", name=f"{code} – {title}", level=1)).to_be_visible()
    course_url = page.url

    member_page = new_context().new_page()
    member = flows.create_account(member_page, mail_sink)
    flows.book_course(member_page, title, "Karla Kursteilnehmerin")

    page.reload()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    participants = page.get_by_role("table", name=texts.STAFF_COURSE_PARTICIPANTS)
    expect(participants).to_contain_text("Karla Kursteilnehmerin")
    expect(participants).to_contain_text(member)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-kurs")

    with page.expect_download() as download:
        page.get_by_role("button", name=texts.STAFF_COURSE_CSV).click()
    assert download.value.suggested_filename == f"Teilnehmerliste-{code}.csv"
    raw = open(download.value.path(), "rb").read()  # noqa: SIM115
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[0] == texts.FIELD_STAFF_NAME
    assert lines[1].startswith(f"Karla Kursteilnehmerin;{flows.BIRTH_DATE};")
    assert member in lines[1]
    # Chromium asks before a page's second download ("multiple downloads"): a fresh page
    page.reload()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    with page.expect_download() as download:
        page.get_by_role("button", name=texts.STAFF_COURSE_PDF).click()
    assert open(download.value.path(), "rb").read().startswith(b"%PDF-")  # noqa: SIM115

    page.get_by_role(
        "button",
        name=texts.STAFF_COURSE_CANCEL_BOOKING_LABEL.format(name="Karla Kursteilnehmerin"),
    ).click()
    expect_done(page, texts.STAFF_COURSE_BOOKING_CANCELLED.format(name="Karla Kursteilnehmerin"))
    expect(page.get_by_role("table", name=texts.STAFF_COURSE_PARTICIPANTS)).to_have_count(0)
    message = mail_sink.wait_for(member, texts.MAIL_CANCELLED_SUBJECT.format(title=title))
    assert "Karla Kursteilnehmerin" in body_of(message)
    entry = flows.booking_entry(member_page, title)
    expect(entry).to_contain_text(texts.STATUS_CANCELLED)

    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL).click()
    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL_KEEP).click()
    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL).click()
    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL_CONFIRM).click()
    expect_done(page, texts.STAFF_COURSE_CANCEL_DONE.format(count=0))
    expect(page.get_by_text(texts.STAFF_COURSE_CANCELLED_NOTE)).to_be_visible()
    screenshot("verwaltung-kurs-abgesagt-1280")
    assert page.url == course_url

    flows.open_page(member_page, "/kurse")
    member_page.get_by_label(texts.COURSES_SEARCH).fill(title)
    member_page.get_by_role("button", name=texts.COURSES_APPLY).click()
    expect(member_page.get_by_text(texts.COURSES_NONE)).to_be_visible()
    flows.open_page(member_page, urlsplit(course_url).path.replace("/verwaltung", ""))
    expect(member_page.get_by_text(texts.BOOKING_COURSE_CANCELLED)).to_be_visible()


def test_a_course_is_changed_seats_stay_above_the_booked_and_a_waiting_member_moves_up(
    page: Page, new_context, portal_cli, mail_sink
):
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    open_course_admin(page)
    new_course_page(page)
    title = f"Kleiner Kurs {uuid.uuid4().hex[:6]}"
    fill_course(page, {**course_values(title), texts.STAFF_COURSE_CAPACITY: "1"})
    page.get_by_role("button", name=texts.STAFF_COURSE_CREATE).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)

    members = new_context().new_page()
    first = flows.create_account(members, mail_sink)
    flows.book_course(members, title, "Erste Person")
    flows.logout(members)
    second = flows.create_account(members, mail_sink)
    flows.find_course(members, title)
    flows.fill_participant(members, "Zweite Person")
    members.get_by_role("button", name=texts.BOOKING_WAITLIST_BUTTON).click()
    expect(members.get_by_role("main").get_by_text(texts.BOOKING_WAITING_DONE)).to_be_visible()

    page.reload()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    waiting = page.get_by_role("table", name=texts.STAFF_COURSE_WAITING)
    expect(waiting).to_contain_text("Zweite Person")
    move_up = texts.STAFF_COURSE_MOVE_UP_LABEL.format(name="Zweite Person")
    page.get_by_role("button", name=move_up).click()
    expect(page.get_by_role("alert")).to_have_text(texts.STAFF_COURSE_NO_SEAT)

    edit = page.get_by_role("form", name=texts.STAFF_COURSE_EDIT)
    expect(edit.get_by_label(texts.STAFF_COURSE_TITLE_FIELD, exact=True)).to_have_value(title)
    edit.get_by_label(texts.STAFF_COURSE_CAPACITY).fill("0")
    edit.get_by_role("button", name=texts.STAFF_COURSE_SAVE).click()
    expect(edit.get_by_text("plaetze muss eine Zahl")).to_be_visible()
    edit.get_by_label(texts.STAFF_COURSE_CAPACITY).fill("2")
    edit.get_by_role("button", name=texts.STAFF_COURSE_SAVE).click()
    expect_done(page, texts.STAFF_COURSE_SAVED)

    page.get_by_role("button", name=move_up).click()
    expect_done(page, texts.STAFF_COURSE_MOVED_UP.format(name="Zweite Person"))
    expect(page.get_by_role("table", name=texts.STAFF_COURSE_PARTICIPANTS)).to_contain_text(
        "Zweite Person"
    )
    mail_sink.wait_for(second, texts.MAIL_MOVED_UP_SUBJECT.format(title=title))

    edit = page.get_by_role("form", name=texts.STAFF_COURSE_EDIT)
    edit.get_by_label(texts.STAFF_COURSE_CAPACITY).fill("1")
    edit.get_by_role("button", name=texts.STAFF_COURSE_SAVE).click()
    below = texts.STAFF_COURSE_CAPACITY_BELOW_BOOKED.format(booked=2)
    expect(page.get_by_role("main").get_by_text(below)).to_be_visible()
    # the first booked a seat: no mail about moving up ever reaches them
    assert all("Platz frei" not in str(m["Subject"]) for m in mail_sink.to(first))

    # cancelled, the course leaves the catalogue (the catalogue's tests count its courses)
    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL).click()
    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL_CONFIRM).click()
    expect_done(page, texts.STAFF_COURSE_CANCEL_DONE.format(count=2))
    mail_sink.wait_for(first, texts.MAIL_COURSE_CANCELLED_SUBJECT.format(title=title))


def test_a_course_is_created_and_cancelled_by_keyboard_alone(page: Page, portal_cli):
    staff_flows.create_and_set_up(page, portal_cli, departments=("bildung",))
    nav = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)
    nav.get_by_role("link", name=texts.STAFF_COURSES_TITLE).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.STAFF_COURSES_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    page.get_by_role("link", name=texts.STAFF_COURSE_NEW).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.STAFF_COURSE_NEW, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")

    title = f"Tastaturkurs {uuid.uuid4().hex[:6]}"
    values = course_values(title)
    page.get_by_label(texts.COURSE_CODE).focus()
    order = [
        values[texts.COURSE_CODE],
        title,
        "Weiterbildung",  # the select: typing picks the category
        "Ganz ohne Maus.",
        values[texts.COURSE_LOCATION],
        values[texts.STAFF_COURSE_STARTS],
        values[texts.STAFF_COURSE_ENDS],
        values[texts.COURSE_SCHEDULE],
        values[texts.COURSE_PRICE],
        values[texts.STAFF_COURSE_CAPACITY],
        "",
    ]
    for value in order:
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts.STAFF_COURSE_CREATE)).to_be_focused()
    page.keyboard.press("Enter")
    expect_done(page, texts.STAFF_COURSE_CREATED.format(code=values[texts.COURSE_CODE]))
    edit = page.get_by_role("form", name=texts.STAFF_COURSE_EDIT)
    expect(edit.get_by_label(texts.COURSE_CATEGORY)).to_have_value("Weiterbildung")
    page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL).focus()
    page.keyboard.press("Enter")
    asked = page.get_by_role("main").get_by_text(texts.STAFF_COURSE_CANCEL_QUESTION)
    expect(asked).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts.STAFF_COURSE_CANCEL_CONFIRM)).to_be_focused()
    page.keyboard.press("Enter")
    expect_done(page, texts.STAFF_COURSE_CANCEL_DONE.format(count=0))


def test_staff_of_other_departments_have_no_link_and_no_page(page: Page, portal_cli):
    staff_flows.create_and_set_up(page, portal_cli, departments=("handwerksrolle",))
    nav = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)
    expect(nav.get_by_role("link", name=texts.STAFF_COURSES_TITLE)).to_have_count(0)
    for path in ("/verwaltung/kurse", "/verwaltung/kurse/neu", "/verwaltung/kurse/1"):
        page.goto(path)
        staff_flows.expect_inbox(page)
