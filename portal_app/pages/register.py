"""Registration pages: ask for an account, and set the password from the mailed link."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    checkbox_field,
    form,
    new_password_fields,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.link_token import LINK_TOKEN, checked_link_page
from portal_app.components.links import link_button, question_link
from portal_app.components.page import page
from portal_app.state.register import ConfirmState, RegisterState


def register_form() -> rx.Component:
    """Address and consent; also step 1 of the welcome wizard."""
    return form(
        text_field(
            "email",
            texts.FIELD_EMAIL,
            RegisterState.errors.get("email", ""),
            kind="email",
            autocomplete="email",
            max_length=254,
        ),
        checkbox_field(
            "consent",
            rx.fragment(
                texts.REGISTER_CONSENT,
                " ",
                rx.link(texts.REGISTER_PRIVACY_LINK, href=routes.PRIVACY, is_external=True),
            ),
            RegisterState.errors.get("consent", ""),
        ),
        submit_button(texts.REGISTER_TITLE),
        on_submit=RegisterState.submit,
        label=texts.REGISTER_TITLE,
    )


def sent_notice() -> rx.Component:
    return success_panel(texts.CHECK_MAILBOX_TITLE, RegisterState.sent_message)


@page(routes.REGISTER, texts.REGISTER_TITLE, on_load=[RegisterState.load])
def register() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.REGISTER_TITLE, **styles.page_heading),
        rx.cond(
            RegisterState.sent_to != "",
            sent_notice(),
            rx.fragment(
                rx.text(texts.REGISTER_INTRO, as_="p", margin_bottom="1rem"),
                register_form(),
                question_link(texts.REGISTER_HAVE_ACCOUNT, texts.LOGIN_TITLE, routes.LOGIN),
            ),
        ),
    )


def _password_form() -> rx.Component:
    return form(
        new_password_fields(
            ConfirmState.errors.get("password", ""),
            ConfirmState.errors.get("password_repeat", ""),
        ),
        submit_button(texts.CONFIRM_BUTTON),
        on_submit=lambda form_data: ConfirmState.submit(form_data, LINK_TOKEN),
        label=texts.CONFIRM_TITLE,
    )


def _link_problem() -> rx.Component:
    return rx.fragment(
        alert(ConfirmState.problem),
        rx.flex(
            link_button(texts.TOKEN_NEW_LINK, routes.REGISTER),
            link_button(texts.LOGIN_TITLE, routes.LOGIN, variant="outline"),
            gap="1rem",
            wrap="wrap",
            margin_top="1rem",
        ),
    )


def _confirm_body() -> rx.Component:
    return rx.cond(
        ConfirmState.problem != "",
        _link_problem(),
        rx.fragment(
            rx.text(texts.CONFIRM_INTRO, as_="p", margin_bottom="0.5rem"),
            rx.text(
                texts.FIELD_EMAIL,
                ": ",
                rx.text.strong(ConfirmState.link_email),
                as_="p",
                margin_bottom="1rem",
            ),
            _password_form(),
        ),
    )


@page(
    routes.REGISTER_CONFIRM,
    texts.CONFIRM_TITLE,
    on_load=[ConfirmState.load],
    linked=False,  # the link in the confirmation mail
)
def confirm() -> rx.Component:
    checking = rx.text(texts.LINK_CHECKING, role="status")
    return rx.fragment(
        rx.heading(texts.CONFIRM_TITLE, **styles.page_heading),
        checked_link_page(
            rx.cond(ConfirmState.checked, _confirm_body(), checking),
            ConfirmState.check_link,
            checking,
        ),
    )
