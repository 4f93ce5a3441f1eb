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
    )
