"""A course's page /kurse/<id>: its facts and the booking form (or the waiting list)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.courses import course_facts
from portal_app.components.forms import (
    alert,
    checkbox_field,
    date_field,
    form,
    notice,
    radio_group,
    select_field,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.course_detail import FOR_OTHER, FOR_SELF, CourseDetailState
from portal_app.state.session import SessionState

STATE = CourseDetailState


def _error(name: str) -> rx.Var[str]:
    return STATE.errors.get(name, "")


def _for_betrieb() -> rx.Component:
    """Only for members with a Betrieb's team role Kurse: book for the Betrieb's staff."""
    return rx.cond(
        STATE.betriebe.length() > 0,
        select_field(
            "betrieb",
            texts.BOOKING_BETRIEB,
            STATE.betriebe,
            _error("betrieb"),
            empty_label=texts.BOOKING_PRIVATE,
            hint=texts.BOOKING_BETRIEB_HINT,
            required=False,
            option_value="key",
            option_label="label",
        ),
    )


def _booking_form() -> rx.Component:
    return form(
        _for_betrieb(),
        radio_group(
            "for_whom",
            texts.BOOKING_FOR,
            [(FOR_SELF, texts.BOOKING_FOR_SELF), (FOR_OTHER, texts.BOOKING_FOR_OTHER)],
            initial=FOR_SELF,
            on_change=STATE.choose,
        ),
        text_field(
            "participant_name",
            texts.BOOKING_NAME,
            _error("participant_name"),
            autocomplete=rx.cond(STATE.for_whom == FOR_SELF, "name", "off"),
            max_length=120,
        ),
        date_field(
            "birth_date",
            texts.BOOKING_BIRTH_DATE,
            _error("birth_date"),
            autocomplete=rx.cond(STATE.for_whom == FOR_SELF, "bday", "off"),
        ),
        rx.cond(
            STATE.for_whom == FOR_OTHER,
            text_field(
                "participant_email",
                texts.BOOKING_EMAIL,
                _error("participant_email"),
                kind="email",
                hint=texts.BOOKING_EMAIL_HINT,
                max_length=254,
            ),
        ),
        rx.el.details(
            rx.el.summary(texts.BOOKING_TERMS_SUMMARY),
            rx.text(texts.BOOKING_TERMS_TEXT, as_="p"),
            class_name="faq",
        ),
        checkbox_field("terms", texts.BOOKING_TERMS, _error("terms")),
        rx.cond(
            STATE.course.seats_left > 0,
            submit_button(texts.BOOKING_BUTTON),
            submit_button(texts.BOOKING_WAITLIST_BUTTON),
        ),
        on_submit=STATE.book,
        label=texts.BOOKING_TITLE,
    )


def _booking() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.BOOKING_TITLE, **styles.section_heading),
        rx.cond(
            STATE.done != "",
            success_panel(
                None,
                STATE.done,
                actions=(link_button(texts.GO_TO_MY_BOOKINGS, routes.MY_BOOKINGS),),
            ),
            rx.cond(
                ~STATE.course.bookable,
                rx.text(STATE.course.closed_note, as_="p"),
                rx.cond(
                    SessionState.logged_in,
                    rx.fragment(
                        alert(STATE.problem),
                        rx.cond(
                            STATE.course.seats_left <= 0,
                            rx.box(notice(texts.BOOKING_FULL), margin_bottom="1rem"),
                        ),
                        _booking_form(),
                    ),
                    rx.fragment(
                        rx.text(texts.BOOKING_LOGIN_HINT, as_="p", margin_bottom="1rem"),
                        link_button(texts.BOOKING_LOGIN, STATE.login_href),
                    ),
                ),
            ),
        ),
        aria_label=texts.BOOKING_TITLE,
    )


def _course() -> rx.Component:
    return rx.fragment(
        rx.text(STATE.course.category, as_="p", class_name="course__category"),
        rx.heading(STATE.course.title, **styles.page_heading),
        rx.text(STATE.course.description, as_="p", margin_bottom="1rem"),
        rx.el.section(
            rx.heading(texts.COURSE_DETAILS, **styles.section_heading),
            course_facts(STATE.course, full=True),
            aria_label=texts.COURSE_DETAILS,
        ),
        _booking(),
    )


# The browser tab names the course (WCAG 2.4.2): "<Kurstitel> – Kurse und Lehrgänge – …",
# the catalogue's title until the course is known.
CATALOGUE_TITLE = f"{texts.COURSES_TITLE} – {texts.SITE_TITLE}"
LIVE_TITLE = rx.cond(
    STATE.checked,
    rx.cond(STATE.found, STATE.course.title, texts.COURSE_PAGE_NOT_FOUND).to(str)
    + f" – {CATALOGUE_TITLE}",
    CATALOGUE_TITLE,
)


@page(
    routes.COURSE,
    texts.COURSES_TITLE,
    on_load=[CourseDetailState.load],
    live_title=LIVE_TITLE,
)
def course_detail() -> rx.Component:
    return rx.fragment(
        rx.link(
            texts.COURSE_BACK, href=routes.COURSES, display="inline-block", margin_bottom="1rem"
        ),
        rx.cond(
            STATE.checked,
            rx.cond(
                STATE.found,
                _course(),
                rx.fragment(
                    rx.heading(texts.COURSE_NOT_FOUND, **styles.page_heading),
                ),
            ),
            rx.text(texts.COURSE_LOADING, role="status"),
        ),
    )
