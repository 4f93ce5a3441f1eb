"""Mein Konto: the account's address, registration date and unlock status."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.page import page
from portal_app.state.account import AccountState


def _fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


@page(routes.ACCOUNT, texts.ACCOUNT_TITLE, protected=True, on_load=[AccountState.load])
def account() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.ACCOUNT_TITLE, **styles.page_heading),
        rx.el.dl(
            _fact(texts.ACCOUNT_EMAIL, AccountState.account_email),
            _fact(texts.ACCOUNT_SINCE, AccountState.registered_on),
            _fact(texts.ACCOUNT_UNLOCK_STATUS, texts.ACCOUNT_NOT_UNLOCKED),
            aria_label=texts.ACCOUNT_DETAILS_LABEL,
            class_name="facts",
        ),
        _services(),  # issue 5
    )


def _services() -> rx.Component:
    return rx.el.nav(
        rx.el.ul(
            rx.el.li(rx.link(texts.MY_BOOKINGS_TITLE, href=routes.MY_BOOKINGS)),
            rx.el.li(rx.link(texts.MY_REQUESTS_TITLE, href=routes.MY_REQUESTS)),
            rx.el.li(rx.link(texts.FORMS_TITLE, href=routes.FORMS)),
            rx.el.li(rx.link(texts.COURSES_TITLE, href=routes.COURSES)),
        ),
        aria_label=texts.ACCOUNT_SERVICES_LABEL,
        class_name="service-links",
    )
