"""Passwort ändern (logged in): the current password, then the new one twice."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    form,
    new_password_fields,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.links import back_to_account
from portal_app.components.page import MANAGE, page
from portal_app.state.password_change import PasswordChangeState


@page(
    routes.ACCOUNT_PASSWORD,
    texts.CHANGE_TITLE,
    protected=True,
    on_load=[PasswordChangeState.load],
    account_link=texts.CHANGE_TITLE,
    account_group=MANAGE,
    account_order=10,
)
def password_change() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.CHANGE_TITLE, **styles.page_heading),
        rx.text(texts.CHANGE_INTRO, as_="p", margin_bottom="1rem"),
        rx.cond(PasswordChangeState.done, success_panel(None, texts.CHANGE_DONE)),
        form(
            text_field(
                "current_password",
                texts.FIELD_CURRENT_PASSWORD,
                PasswordChangeState.errors.get("current_password", ""),
                kind="password",
                autocomplete="current-password",
            ),
            new_password_fields(
                PasswordChangeState.errors.get("password", ""),
                PasswordChangeState.errors.get("password_repeat", ""),
            ),
            submit_button(texts.CHANGE_TITLE),
            on_submit=PasswordChangeState.submit,
            label=texts.CHANGE_TITLE,
        ),
        back_to_account(),
    )
