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
        _manage(),
    )


# --- issue 6: links to password change, sessions and deletion ----------------------------------
def _manage() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.ACCOUNT_MANAGE_TITLE, **styles.section_heading),
        rx.el.nav(
            rx.el.ul(
                *[
                    rx.el.li(rx.link(label, href=href))
                    for label, href in (
                        (texts.ACCOUNT_LINK_PASSWORD, routes.ACCOUNT_PASSWORD),
                        (texts.ACCOUNT_LINK_SESSIONS, routes.ACCOUNT_SESSIONS),
                        (texts.ACCOUNT_LINK_DELETE, routes.ACCOUNT_DELETE),
                    )
                ],
                class_name="link-list",
            ),
            aria_label=texts.ACCOUNT_MANAGE_LABEL,
        ),
    )
