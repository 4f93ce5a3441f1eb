"""Login page."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, form, notice, submit_button, text_field
from portal_app.components.page import page
from portal_app.state.login import LoginState


@page(routes.LOGIN, texts.LOGIN_TITLE, on_load=[LoginState.load])
def login() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.LOGIN_TITLE, **styles.page_heading),
        rx.cond(
            LoginState.notice != "",
            rx.box(notice(LoginState.notice), margin_bottom="1rem"),
        ),
        rx.text(texts.LOGIN_INTRO, as_="p", margin_bottom="1rem"),
        form(
            alert(LoginState.error),
            text_field("email", texts.FIELD_EMAIL, kind="email", autocomplete="username"),
            text_field(
                "password",
                texts.FIELD_PASSWORD,
                kind="password",
                autocomplete="current-password",
            ),
            submit_button(texts.LOGIN_BUTTON),
            on_submit=LoginState.submit,
            label=texts.LOGIN_TITLE,
        ),
        rx.text(
            rx.link(texts.FORGOT_LINK, href=routes.PASSWORD_FORGOTTEN), as_="p", margin_top="1rem"
        ),
        rx.text(
            texts.LOGIN_NO_ACCOUNT,
            " ",
            rx.link(texts.NAV_REGISTER, href=routes.REGISTER),
            as_="p",
            margin_top="1.5rem",
        ),
    )
