"""Course catalogue and booking: search and filter, book, see it in "Meine Buchungen", cancel,
a full course puts the member on the waiting list, and a cancellation moves them up; one
account books only a few people on a course, and only its own address is mailed."""

import re
from datetime import timedelta

from playwright.sync_api import Page, expect

from portal_app import texts
from portal_app.services import clock, dates
from portal_app.settings import settings
from tests.e2e import course_data, flows
from tests.mailsink import body_of


def test_a_course_is_found_by_search_and_by_filters(page: Page):
    flows.open_page(page, "/kurse")
    expect(page.get_by_role("heading", name=texts.COURSES_COUNT.format(total=29))).to_be_visible()

    page.get_by_label(texts.COURSES_SEARCH).fill("schweißen")
    page.get_by_label(texts.COURSE_LOCATION, exact=True).select_option(course_data.WELDING_PLACE)
    page.get_by_role("button", name=texts.COURSES_APPLY).click()
    expect(page.get_by_role("heading", name=texts.COURSES_COUNT_ONE)).to_be_visible()
    expect(page.get_by_role("link", name=course_data.WELDING, exact=True)).to_be_visible()

    page.get_by_role("button", name=texts.FILTER_RESET).click()
    page.get_by_label(texts.COURSE_CATEGORY).select_option("Betriebswirtschaft")
    page.get_by_role("button", name=texts.COURSES_APPLY).click()
    expect(page.get_by_role("heading", name=texts.COURSES_COUNT_ONE)).to_be_visible()
    expect(page.get_by_role("link", name=course_data.BOOK_AND_CANCEL, exact=True)).to_be_visible()

    page.get_by_role("button", name=texts.FILTER_RESET).click()
    until = dates.format_date(clock.today() + timedelta(days=45))  # named courses start in 40
    page.get_by_label(texts.COURSES_UNTIL).fill(until)
    page.get_by_role("button", name=texts.COURSES_APPLY).click()
    expect(page.get_by_role("heading", name=texts.COURSES_COUNT.format(total=5))).to_be_visible()

    page.get_by_label(texts.COURSES_SEARCH).fill("gibt es nicht")
    page.get_by_role("button", name=texts.COURSES_APPLY).click()
    expect(page.get_by_text(texts.COURSES_NONE)).to_be_visible()


def test_the_catalogue_pages_through_its_results(page: Page):
    flows.open_page(page, "/kurse")
    expect(page.get_by_text(texts.COURSES_PAGE.format(page=1, pages=3))).to_be_visible()
    expect(page.get_by_role("button", name=texts.PAGE_PREVIOUS)).to_be_disabled()

    page.get_by_role("button", name=texts.PAGE_NEXT).click()
    expect(page.get_by_text(texts.COURSES_PAGE.format(page=2, pages=3))).to_be_visible()
    expect(page.get_by_role("link", name="Weiterbildung Nummer 6", exact=True)).to_be_visible()


def test_a_visitor_is_asked_to_log_in_and_comes_back_to_the_course(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.logout(page)

    flows.find_course(page, course_data.WELDING)
    course_url = page.url
    page.get_by_role("link", name=texts.BOOKING_LOGIN).click()
    flows.login(page, email)
    expect(page).to_have_url(course_url)
    expect(page.get_by_label(texts.BOOKING_NAME)).to_be_visible()


def test_book_see_in_my_bookings_and_cancel(page: Page, mail_sink):
    email = flows.create_account(page, mail_sink)
    flows.book_course(page, course_data.BOOK_AND_CANCEL, "Eva Stornomeister")
    mail_sink.wait_for(email, "Buchungsbestätigung")

    entry = flows.booking_entry(page, course_data.BOOK_AND_CANCEL)
    expect(entry).to_contain_text(texts.STATUS_BOOKED)
    expect(entry).to_contain_text("Eva Stornomeister")
    entry.get_by_role("button", name=f"{course_data.BOOK_AND_CANCEL} stornieren").click()
    entry.get_by_role("button", name=texts.CANCEL_NO).click()
    expect(entry).to_contain_text(texts.STATUS_BOOKED)

    entry.get_by_role("button", name=f"{course_data.BOOK_AND_CANCEL} stornieren").click()
    entry.get_by_role("button", name=texts.CANCEL_YES).click()
    expect(page.get_by_role("main").get_by_text(texts.CANCEL_DONE)).to_be_visible()
    expect(entry).to_contain_text(texts.STATUS_CANCELLED)
    mail_sink.wait_for(email, "Stornierung bestätigt")


def test_bad_booking_input_gets_messages_and_a_second_booking_is_refused(page: Page, mail_sink):
    member = flows.create_account(page, mail_sink)
    flows.find_course(page, course_data.WELDING)
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_NAME_EMPTY)).to_be_visible()
    expect(
        page.get_by_role("main").get_by_text(
            texts.FORM_REQUIRED.format(label=texts.BOOKING_BIRTH_DATE)
        )
    ).to_be_visible()
    expect(page.get_by_label(texts.BOOKING_NAME)).to_be_focused()

    page.get_by_label(texts.BOOKING_FOR_OTHER).check()
    participant = flows.new_email("lehrling")
    flows.fill_participant(page, "Max Lehrling")
    page.get_by_label(texts.BOOKING_EMAIL).fill(participant)
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_DONE)).to_be_visible()
    confirmation = mail_sink.wait_for(member, "Buchungsbestätigung")
    assert "Max Lehrling" in body_of(confirmation)

    flows.find_course(page, course_data.WELDING)
    flows.fill_participant(page, "max  LEHRLING")
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("alert")).to_have_text(texts.BOOKING_TWICE)
    assert mail_sink.to(participant) == []  # an address typed for someone else is never mailed


def test_a_full_course_offers_the_waiting_list_and_a_cancellation_moves_up(page: Page, mail_sink):
    first = flows.create_account(page, mail_sink)
    flows.book_course(page, course_data.WAITLIST, "Erste Teilnehmerin")
    flows.logout(page)

    second = flows.create_account(page, mail_sink)
    flows.find_course(page, course_data.WAITLIST)
    expect(page.get_by_text(texts.BOOKING_FULL)).to_be_visible()
    flows.fill_participant(page, "Zweiter Teilnehmer")
    page.get_by_role("button", name=texts.BOOKING_WAITLIST_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_WAITING_DONE)).to_be_visible()
    mail_sink.wait_for(second, "Warteliste")
    entry = flows.booking_entry(page, course_data.WAITLIST)
    expect(entry).to_contain_text(texts.STATUS_WAITING.format(position=1))
    flows.logout(page)

    flows.open_page(page, "/anmelden")
    flows.login(page, first)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    entry = flows.booking_entry(page, course_data.WAITLIST)
    entry.get_by_role("button", name=re.compile("stornieren$")).click()
    entry.get_by_role("button", name=texts.CANCEL_YES).click()
    expect(entry).to_contain_text(texts.STATUS_CANCELLED)

    mail_sink.wait_for(second, "Platz frei geworden")


def test_one_account_books_at_most_five_people_on_a_course(page: Page, mail_sink):
    flows.create_account(page, mail_sink)
    for number in range(settings.bookings_per_course):
        flows.book_course(page, course_data.BOOK_AND_CANCEL, f"Erfundene Person {number}")

    flows.find_course(page, course_data.BOOK_AND_CANCEL)
    flows.fill_participant(page, "Noch eine erfundene Person")
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()

    limit = texts.BOOKING_LIMIT_COURSE.format(limit=settings.bookings_per_course)
    expect(page.get_by_role("alert")).to_have_text(limit)
