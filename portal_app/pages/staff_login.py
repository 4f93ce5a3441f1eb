"""The staff login: e-mail and password, then the confirmation code."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, form, notice, submit_button, text_field
from portal_app.components.page import page
from portal_app.components.totp import code_field
from portal_app.state.staff_login import StaffLoginState


def _password_form() -> rx.Component:
    return form(
        alert(StaffLoginState.problem),
        text_field(
            "email",
            texts.FIELD_EMAIL,
            StaffLoginState.errors.get("email", ""),
            kind="email",
            autocomplete="username",
        ),
        text_field(
            "password",
            texts.FIELD_PASSWORD,
            StaffLoginState.errors.get("password", ""),
            kind="password",
            autocomplete="current-password",
        ),
        submit_button(texts.LOGIN_TITLE),
        on_submit=StaffLoginState.submit_password,
        label=texts.STAFF_LOGIN_TITLE,
    )


def _code_form() -> rx.Component:
    return form(
        rx.text(texts.TOTP_CODE_STEP, as_="p"),
        alert(StaffLoginState.problem),
        code_field(StaffLoginState.errors.get("code", ""), texts.TOTP_CODE_HINT),
        submit_button(texts.TOTP_CODE_BUTTON),
        on_submit=StaffLoginState.submit_code,
        label=texts.STAFF_LOGIN_TITLE,
    )


@page(routes.STAFF_LOGIN, texts.STAFF_LOGIN_TITLE, staff=True, on_load=[StaffLoginState.load])
def staff_login() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_LOGIN_TITLE, **styles.page_heading),
        rx.cond(
            StaffLoginState.notice != "",
            rx.box(notice(StaffLoginState.notice), margin_bottom="1rem"),
        ),
        rx.text(texts.STAFF_LOGIN_INTRO, as_="p", margin_bottom="1rem"),
        rx.cond(StaffLoginState.step == "code", _code_form(), _password_form()),
    )
