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
            _fact(texts.ACCOUNT_EMAIL, AccountState.account_email),
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
    )
