"""Passwort vergessen: ask for a reset link, and set a new password with it."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    new_password_fields,
    notice,
    submit_button,
    text_field,
)
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.password_reset import ForgotState, ResetState


def _forgot_form() -> rx.Component:
    return form(
        text_field(
            "email",
            texts.FIELD_EMAIL,
            ForgotState.email_error,
            kind="email",
            autocomplete="email",
            max_length=254,
        ),
        submit_button(texts.FORGOT_BUTTON),
        on_submit=ForgotState.submit,
        label=texts.FORGOT_TITLE,
    )


def _done(title: str, message) -> rx.Component:
    return notice(
        rx.heading(title, as_="h2", size="4", margin_bottom="0.5rem"),
        rx.text(message, as_="p"),
        tone="green",
    )


@page(routes.PASSWORD_FORGOTTEN, texts.FORGOT_TITLE, on_load=[ForgotState.load])
def forgot() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.FORGOT_TITLE, **styles.page_heading),
        rx.cond(
            ForgotState.sent_to != "",
            _done(texts.CHECK_MAILBOX_TITLE, ForgotState.sent_message),
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
            new_password_fields(ResetState.password_error, ResetState.repeat_error),
            submit_button(texts.RESET_BUTTON),
            on_submit=ResetState.submit,
            label=texts.RESET_TITLE,
        ),
    )


def _link_problem() -> rx.Component:
    return rx.fragment(
        alert(ResetState.link_problem),
        rx.box(link_button(texts.RESET_NEW_LINK, routes.PASSWORD_FORGOTTEN), margin_top="1rem"),
    )


def _reset_body() -> rx.Component:
    return rx.cond(
        ResetState.done,
        rx.fragment(
            _done(texts.RESET_DONE_TITLE, texts.RESET_DONE),
            rx.box(link_button(texts.LOGIN_TITLE, routes.LOGIN), margin_top="1rem"),
        ),
        rx.cond(ResetState.link_problem != "", _link_problem(), _reset_form()),
    )


@page(
    routes.PASSWORD_RESET,
    texts.RESET_TITLE,
    on_load=[ResetState.load_link],
    linked=False,  # the link in the reset mail
)
def reset() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.RESET_TITLE, **styles.page_heading),
        rx.cond(ResetState.checked, _reset_body(), rx.text(texts.LINK_CHECKING, role="status")),
    )
