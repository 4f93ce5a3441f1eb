"""Login page."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, form, notice, submit_button, text_field
from portal_app.components.links import question_link
from portal_app.components.page import page
from portal_app.components.totp import code_field
from portal_app.state.login import LoginState


def login_form() -> rx.Component:
    """E-mail, password, button, "Passwort vergessen?"; also step 2 of the welcome wizard."""
    return rx.cond(
        LoginState.step == "code",
        _code_form(),
        rx.fragment(
            _credentials_form(),
            rx.text(
                rx.link(texts.FORGOT_LINK, href=routes.PASSWORD_FORGOTTEN),
                as_="p",
                margin_top="1rem",
            ),
        ),
    )


def _code_form() -> rx.Component:
    """Step 2 for an account with a second factor: the code (or a recovery code)."""
    return rx.fragment(
        rx.text(texts.LOGIN_CODE_INTRO, as_="p", margin_bottom="1rem"),
        form(
            alert(LoginState.problem),
            code_field(LoginState.errors.get("code", ""), texts.TOTP_CODE_HINT),
            submit_button(texts.TOTP_CODE_BUTTON),
            on_submit=LoginState.submit_code,
            label=texts.LOGIN_TITLE,
        ),
        rx.button(
            texts.LOGIN_START_AGAIN,
            type="button",
            variant="outline",
            on_click=LoginState.start_again,
            margin_top="1rem",
        ),
    )


def _credentials_form() -> rx.Component:
    return form(
        alert(LoginState.problem),
        text_field(
            "email",
            texts.FIELD_EMAIL,
            LoginState.errors.get("email", ""),
            kind="email",
            autocomplete="username",
        ),
        text_field(
            "password",
            texts.FIELD_PASSWORD,
            LoginState.errors.get("password", ""),
            kind="password",
            autocomplete="current-password",
        ),
        submit_button(texts.LOGIN_TITLE),
        on_submit=LoginState.submit,
        label=texts.LOGIN_TITLE,
    )


@page(routes.LOGIN_RENEWED, texts.SESSION_RENEWED_TITLE, protected=True, linked=False)
def login_renewed() -> rx.Component:
    """The new tab of a member whose login had ended: back to the tab with their input."""
    return rx.fragment(
        rx.heading(texts.SESSION_RENEWED_TITLE, **styles.page_heading),
        rx.text(texts.SESSION_RENEWED_TEXT, as_="p"),
    )


@page(routes.LOGIN, texts.LOGIN_TITLE, on_load=[LoginState.load])
def login() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.LOGIN_TITLE, **styles.page_heading),
        rx.cond(
            LoginState.notice != "",
            rx.box(notice(LoginState.notice), margin_bottom="1rem"),
        ),
        rx.text(texts.LOGIN_INTRO, as_="p", margin_bottom="1rem"),
        login_form(),
        question_link(texts.LOGIN_NO_ACCOUNT, texts.REGISTER_TITLE, routes.REGISTER),
    )
