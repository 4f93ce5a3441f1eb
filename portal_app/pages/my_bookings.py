"""Meine Buchungen /konto/buchungen: booked courses, waiting-list places, cancelling."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.courses import fact
from portal_app.components.forms import alert, question, success_panel
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.course_cards import BookingCard
from portal_app.state.my_bookings import MyBookingsState


def _cancel(item: BookingCard) -> rx.Component:
    return rx.cond(
        MyBookingsState.confirm_id == item.id,
        question(
            texts.CANCEL_CONFIRM,
            rx.button(
                texts.CANCEL_YES, on_click=MyBookingsState.cancel(item.id), color_scheme="red"
            ),
            rx.button(texts.CANCEL_NO, on_click=MyBookingsState.keep, variant="outline"),
        ),
        rx.button(
            texts.CANCEL_BUTTON,
            on_click=MyBookingsState.ask(item.id),
            variant="outline",
            aria_label=item.cancel_label,
        ),
    )


def _booking(item: BookingCard) -> rx.Component:
    return rx.el.li(
        rx.el.article(
            rx.heading(rx.link(item.title, href=item.href), as_="h2", size="4"),
            rx.el.dl(
                fact(texts.COURSE_DATES, item.dates),
                fact(texts.COURSE_LOCATION, item.location),
                fact(texts.BOOKING_PARTICIPANT, item.participant),
                rx.cond(item.betrieb != "", fact(texts.BOOKING_BETRIEB, item.betrieb)),
                fact(texts.STATUS, item.status),
                class_name="facts facts--compact",
            ),
            rx.cond(item.cancellable, rx.box(_cancel(item), margin_top="0.75rem")),
            class_name="course",
        )
    )


@page(
    routes.MY_BOOKINGS,
    texts.MY_BOOKINGS_TITLE,
    protected=True,
    on_load=[MyBookingsState.load],
    account_link=texts.MY_BOOKINGS_TITLE,
    account_order=10,
)
def my_bookings() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.MY_BOOKINGS_TITLE, **styles.page_heading),
        rx.cond(MyBookingsState.message != "", success_panel(None, MyBookingsState.message)),
        alert(MyBookingsState.problem),
        rx.cond(
            MyBookingsState.bookings.length() > 0,
            rx.el.ul(rx.foreach(MyBookingsState.bookings, _booking), class_name="course-list"),
            rx.fragment(
                rx.text(texts.MY_BOOKINGS_EMPTY, as_="p", margin_bottom="1rem"),
                link_button(texts.MY_BOOKINGS_TO_CATALOGUE, routes.COURSES),
            ),
        ),
    )
