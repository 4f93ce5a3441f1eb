"""Mein Konto: the account's address, registration date, and what it is unlocked for."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.account import AccountState


def _fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


def _links(heading: str, items) -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.el.section(
            rx.heading(heading, **styles.section_heading),
            rx.el.ul(rx.foreach(items, lambda item: rx.el.li(item))),
        ),
        _services(),
    )


def _services() -> rx.Component:
    return rx.el.nav(
        rx.el.ul(
            rx.el.li(rx.link(texts.MY_BOOKINGS_TITLE, href=routes.MY_BOOKINGS)),
            rx.el.li(rx.link(texts.MY_REQUESTS_TITLE, href=routes.MY_REQUESTS)),
            rx.el.li(rx.link(texts.FORMS_TITLE, href=routes.FORMS)),
            rx.el.li(rx.link(texts.COURSES_TITLE, href=routes.COURSES)),
        ),
        aria_label=texts.ACCOUNT_SERVICES,
        class_name="service-links",
    )


def _services() -> rx.Component:
    """Issue 4: the unlocked services, once the account is unlocked."""
    return rx.cond(
        AccountState.unlocked,
        rx.el.nav(
            rx.heading(texts.ACCOUNT_SERVICES, **styles.section_heading),
            rx.el.ul(
                rx.el.li(rx.link(texts.DOCUMENTS_TITLE, href=routes.DOCUMENTS)),
                rx.el.li(rx.link(texts.VORLAGEN_TITLE, href=routes.VORLAGEN)),
                rx.el.li(rx.link(texts.SEPA_TITLE, href=routes.SEPA)),
            ),
            aria_label=texts.ACCOUNT_SERVICES,
        ),
    )


@page(routes.ACCOUNT, texts.ACCOUNT_TITLE, protected=True, on_load=[AccountState.load])
def account() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.ACCOUNT_TITLE, **styles.page_heading),
        rx.el.dl(
            _fact(texts.FIELD_EMAIL, AccountState.account_email),
            _fact(texts.ACCOUNT_SINCE, AccountState.registered_on),
            _fact(
                texts.ACCOUNT_UNLOCK_STATUS,
                rx.cond(AccountState.unlocked, texts.ACCOUNT_UNLOCKED, texts.ACCOUNT_NOT_UNLOCKED),
            ),
            aria_label=texts.ACCOUNT_DETAILS_LABEL,
            class_name="facts",
        ),
        _links(texts.ACCOUNT_BETRIEBE, AccountState.betriebe),
        _links(texts.ACCOUNT_PERSONEN, AccountState.personen),
        _services(),
        rx.box(
            link_button(
                rx.cond(AccountState.unlocked, texts.UNLOCK_ANOTHER, texts.ACCOUNT_UNLOCK_NOW),
                routes.UNLOCK,
                variant="outline",
            ),
            margin_top="1.5rem",
        ),
        _manage(),
    )


def _manage() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.ACCOUNT_MANAGE_TITLE, **styles.section_heading),
        rx.el.nav(
            rx.el.ul(
                *[
                    rx.el.li(rx.link(label, href=href))
                    for label, href in (
                        (texts.CHANGE_TITLE, routes.ACCOUNT_PASSWORD),
                        (texts.SESSIONS_TITLE, routes.ACCOUNT_SESSIONS),
                        (texts.DELETE_TITLE, routes.ACCOUNT_DELETE),
                    )
                ],
                class_name="link-list",
            ),
            aria_label=texts.ACCOUNT_MANAGE_TITLE,
        ),
    )
