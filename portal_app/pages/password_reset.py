"""Passwort vergessen: ask for a reset link, and set a new password with it."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    new_password_fields,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.link_token import LINK_TOKEN, checked_link_page
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.password_reset import ForgotState, ResetState


def _forgot_form() -> rx.Component:
    return form(
        text_field(
            "email",
            texts.FIELD_EMAIL,
            ForgotState.errors.get("email", ""),
            kind="email",
            autocomplete="email",
            max_length=254,
        ),
        submit_button(texts.FORGOT_BUTTON),
        on_submit=ForgotState.submit,
        label=texts.FORGOT_TITLE,
    )


@page(routes.PASSWORD_FORGOTTEN, texts.FORGOT_TITLE, on_load=[ForgotState.load])
def forgot() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.FORGOT_TITLE, **styles.page_heading),
        rx.cond(
            ForgotState.sent_to != "",
            success_panel(texts.CHECK_MAILBOX_TITLE, ForgotState.sent_message),
            rx.fragment(
                rx.text(texts.FORGOT_INTRO, as_="p", margin_bottom="1rem"),
                _forgot_form(),
            ),
        ),
    )


def _reset_form() -> rx.Component:
    return rx.fragment(
        rx.text(texts.RESET_INTRO, as_="p", margin_bottom="1rem"),
        form(
            new_password_fields(
                ResetState.errors.get("password", ""), ResetState.errors.get("password_repeat", "")
            ),
            submit_button(texts.RESET_BUTTON),
            on_submit=lambda form_data: ResetState.submit(form_data, LINK_TOKEN),
            label=texts.RESET_TITLE,
        ),
    )


def _link_problem() -> rx.Component:
    return rx.fragment(
        alert(ResetState.problem),
        rx.box(link_button(texts.RESET_NEW_LINK, routes.PASSWORD_FORGOTTEN), margin_top="1rem"),
    )


def _reset_body() -> rx.Component:
    return rx.cond(
        ResetState.done,
        success_panel(
            texts.RESET_DONE_TITLE,
            texts.RESET_DONE,
            actions=(link_button(texts.LOGIN_TITLE, routes.LOGIN),),
        ),
        rx.cond(ResetState.problem != "", _link_problem(), _reset_form()),
    )


@page(
    routes.PASSWORD_RESET,
    texts.RESET_TITLE,
    on_load=[ResetState.load],
    linked=False,  # the link in the reset mail
)
def reset() -> rx.Component:
    checking = rx.text(texts.LINK_CHECKING, role="status")
    return rx.fragment(
        rx.heading(texts.RESET_TITLE, **styles.page_heading),
        checked_link_page(
            rx.cond(ResetState.checked, _reset_body(), checking), ResetState.check_link, checking
        ),
    )
