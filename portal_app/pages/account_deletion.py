"""Konto löschen (logged in), and the page that confirms it afterwards."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import checkbox_field, form, notice, text_field
from portal_app.components.links import back_to_account, link_button
from portal_app.components.page import MANAGE, page
from portal_app.state.account_deletion import AccountDeletionState


@page(
    routes.ACCOUNT_DELETE,
    texts.DELETE_TITLE,
    protected=True,
    on_load=[AccountDeletionState.load],
    account_link=texts.DELETE_TITLE,
    account_group=MANAGE,
    account_order=30,
)
def account_deletion() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.DELETE_TITLE, **styles.page_heading),
        rx.text(texts.DELETE_INTRO, as_="p", margin_bottom="0.75rem"),
        rx.box(notice(texts.DELETE_WHAT, tone="amber", role="note"), margin_bottom="1rem"),
        form(
            text_field(
                "password",
                texts.FIELD_PASSWORD,
                AccountDeletionState.errors.get("password", ""),
                kind="password",
                autocomplete="current-password",
            ),
            checkbox_field(
                "confirm", texts.DELETE_CONFIRM, AccountDeletionState.errors.get("confirm", "")
            ),
            rx.button(texts.DELETE_BUTTON, type="submit", size="3", color_scheme="red"),
            on_submit=AccountDeletionState.submit,
            label=texts.DELETE_TITLE,
        ),
        back_to_account(),
    )


@page(routes.ACCOUNT_DELETED, texts.DELETE_DONE_TITLE, linked=False)  # after the deletion
def account_deleted() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.DELETE_DONE_TITLE, **styles.page_heading),
        rx.box(notice(texts.DELETE_DONE, tone="green"), margin_bottom="1rem"),
        link_button(texts.REGISTER_TITLE, routes.REGISTER),
    )
