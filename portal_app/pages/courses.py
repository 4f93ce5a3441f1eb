"""The course catalogue /kurse: search, filters, results, pages."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.courses import course_facts
from portal_app.components.forms import date_field, select_field, text_field
from portal_app.components.loading import until_loaded
from portal_app.components.page import page
from portal_app.state.course_cards import CourseCard
from portal_app.state.courses import SORT_LATE, SORT_SOON, CatalogueState

NO_ERROR = rx.Var.create("")


def _filters() -> rx.Component:
    return rx.form(
        rx.el.div(
            text_field(
                "text",
                texts.COURSES_SEARCH,
                hint=texts.COURSES_SEARCH_HINT,
                kind="search",
                max_length=100,
                required=False,
            ),
            select_field(
                "category",
                texts.COURSE_CATEGORY,
                CatalogueState.categories,
                NO_ERROR,
                empty_label=texts.ANY,
                required=False,
            ),
            select_field(
                "location",
                texts.COURSE_LOCATION,
                CatalogueState.locations,
                NO_ERROR,
                empty_label=texts.ANY,
                required=False,
            ),
            date_field("start_from", texts.COURSES_FROM, required=False),
            date_field("start_until", texts.COURSES_UNTIL, required=False),
            _sort(),
            class_name="filters__grid",
        ),
        rx.flex(
            rx.button(texts.COURSES_APPLY, type="submit", size="3"),
            rx.button(
                texts.FILTER_RESET,
                type="reset",
                size="3",
                variant="outline",
                on_click=CatalogueState.reset_filters,
            ),
            gap="1rem",
            wrap="wrap",
        ),
        on_submit=CatalogueState.apply,
        role="search",
        aria_label=texts.COURSES_FILTER_LABEL,
        class_name="filters",
    )


def _sort() -> rx.Component:
    return select_field(
        "sort",
        texts.COURSES_SORT,
        [(SORT_SOON, texts.COURSES_SORT_SOON), (SORT_LATE, texts.COURSES_SORT_LATE)],
        NO_ERROR,
        required=False,
    )


def _course(course: CourseCard) -> rx.Component:
    return rx.el.li(
        rx.el.article(
            rx.text(course.category, as_="p", size="2", class_name="course__category"),
            rx.heading(rx.link(course.title, href=course.href), as_="h2", size="4"),
            course_facts(course),
            rx.link(
                texts.COURSE_DETAILS_LINK,
                rx.el.span(" – ", course.title, class_name="visually-hidden"),
                href=course.href,
            ),
            class_name="course",
        )
    )


def _pagination() -> rx.Component:
    return rx.el.nav(
        rx.button(
            texts.PAGE_PREVIOUS,
            on_click=CatalogueState.go_to_page(CatalogueState.page - 1),
            disabled=CatalogueState.page <= 1,
            variant="outline",
        ),
        rx.text(CatalogueState.page_text, as_="p"),
        rx.button(
            texts.PAGE_NEXT,
            on_click=CatalogueState.go_to_page(CatalogueState.page + 1),
            disabled=CatalogueState.page >= CatalogueState.pages,
            variant="outline",
        ),
        aria_label=texts.COURSES_PAGINATION,
        class_name="pagination",
    )


def _results() -> rx.Component:
    return until_loaded(_found())


def _found() -> rx.Component:
    return rx.el.section(
        rx.heading(
            CatalogueState.count_text,
            as_="h2",
            size="4",
            id="suchergebnis",
            tab_index=-1,
            aria_live="polite",
        ),
        rx.cond(
            CatalogueState.total > 0,
            rx.fragment(
                rx.el.ul(rx.foreach(CatalogueState.courses, _course), class_name="course-list"),
                _pagination(),
            ),
            rx.text(texts.COURSES_NONE, as_="p"),
        ),
        aria_label=texts.COURSES_RESULTS_LABEL,
    )


@page(
    routes.COURSES,
    texts.COURSES_TITLE,
    nav_label=texts.NAV_COURSES,
    nav_order=10,
    on_load=[CatalogueState.load],
    account_link=texts.COURSES_TITLE,
    account_order=40,
)
def catalogue() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.COURSES_TITLE, **styles.page_heading),
        rx.text(texts.COURSES_INTRO, as_="p", margin_bottom="1rem"),
        _filters(),
        _results(),
    )
