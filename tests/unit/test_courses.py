"""The catalogue: text search, filters, period, sorting and paging, all in SQL."""

from datetime import timedelta

import pytest

from portal_app.services import clock as clock_module
from portal_app.services import courses
from portal_app.services.courses import CourseQuery, search


def titles(query: CourseQuery) -> list[str]:
    return [course.title for course in search(query).courses]


def test_every_word_of_the_text_must_occur_whatever_the_case(make_course):
    make_course(title="WIG-Schweißen Edelstahl", description="")
    make_course(title="MAG-Schweißen Baustahl", description="")
    make_course(
        title="Kalkulation im Handwerk", description="Preise", category="Betriebswirtschaft"
    )

    assert sorted(titles(CourseQuery(text="schweißen"))) == [
        "MAG-Schweißen Baustahl",
        "WIG-Schweißen Edelstahl",
    ]
    assert titles(CourseQuery(text="SCHWEISSEN edelstahl")) == ["WIG-Schweißen Edelstahl"]  # ß = ss
    assert titles(CourseQuery(text="Schweißen EDELSTAHL")) == ["WIG-Schweißen Edelstahl"]


def test_the_text_also_finds_words_of_the_description_and_the_place(make_course):
    make_course(title="A", description="Mit Hochvolttechnik", location="Talheim")
    make_course(title="B")

    assert titles(CourseQuery(text="hochvolt")) == ["A"]
    assert titles(CourseQuery(text="talheim")) == ["A"]


def test_like_wildcards_in_the_text_are_taken_literally(make_course):
    make_course(title="100 % Förderung")
    make_course(title="Anderes")

    assert titles(CourseQuery(text="%")) == ["100 % Förderung"]
    assert titles(CourseQuery(text="_")) == []


def test_category_and_location_filter_exactly(make_course):
    make_course(title="A", category="Meisterschule", location="Talheim")
    make_course(title="B", category="Meisterschule", location="Musterstadt")
    make_course(title="C", category="Weiterbildung", location="Talheim")

    assert titles(CourseQuery(category="Meisterschule", location="Talheim")) == ["A"]
    assert sorted(titles(CourseQuery(location="Talheim"))) == ["A", "C"]


def test_the_period_filters_by_start_date_and_past_courses_never_show(make_course):
    today = clock_module.today()
    make_course(title="vorbei", starts_on=today - timedelta(days=1), booking_deadline=today)
    make_course(title="bald", starts_on=today + timedelta(days=10))
    make_course(title="später", starts_on=today + timedelta(days=100))

    assert titles(CourseQuery()) == ["bald", "später"]
    assert titles(CourseQuery(start_from=today + timedelta(days=50))) == ["später"]
    assert titles(CourseQuery(start_until=today + timedelta(days=50))) == ["bald"]
    assert titles(CourseQuery(newest_first=True)) == ["später", "bald"]


def test_pages_hold_ten_courses_and_a_page_out_of_range_shows_the_last(make_course):
    today = clock_module.today()
    for day in range(23):
        make_course(title=f"Kurs {day:02d}", starts_on=today + timedelta(days=day + 1))

    first = search(CourseQuery())
    assert (first.total, first.pages, len(first.courses)) == (23, 3, 10)
    assert first.courses[0].title == "Kurs 00"
    last = search(CourseQuery(page=99))
    assert last.page == 3
    assert [c.title for c in last.courses] == ["Kurs 20", "Kurs 21", "Kurs 22"]


def test_an_empty_catalogue_has_one_empty_page():
    result = search(CourseQuery(text="nichts"))
    assert (result.total, result.pages, result.courses) == (0, 1, [])


def test_locations_lists_each_place_of_upcoming_courses_once(make_course):
    make_course(location="Talheim")
    make_course(location="Talheim")
    make_course(location="Nordhafen")

    assert courses.locations() == ["Nordhafen", "Talheim"]


def test_a_course_in_detail_shows_its_seats_left_and_whether_it_is_bookable(make_course, clock):
    course_id = make_course(capacity=12)
    view = courses.get(course_id)
    assert (view.seats_left, view.bookable) == (12, True)

    clock.travel(days=30)
    assert courses.get(course_id).bookable is False


def test_an_unknown_course_is_not_found():
    with pytest.raises(courses.CourseNotFound):
        courses.get(999)
