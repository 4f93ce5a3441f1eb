"""Setting up a staff access from the mailed (or printed) link: password, authenticator app
(QR code and the key as text), recovery codes."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    new_password_fields,
    submit_button,
    success_panel,
)
from portal_app.components.link_token import LINK_TOKEN, checked_link_page
from portal_app.components.loading import waiting
from portal_app.components.page import page
from portal_app.components.totp import authenticator, code_field, recovery_code_list
from portal_app.state.session import SessionState
from portal_app.state.staff_setup import StaffSetupState


def _password_step() -> rx.Component:
    return rx.fragment(
        rx.text(StaffSetupState.intro, as_="p", margin_bottom="1rem"),
        form(
            alert(StaffSetupState.problem),
            new_password_fields(
                StaffSetupState.errors.get("password", ""),
                StaffSetupState.errors.get("password_repeat", ""),
            ),
            submit_button(texts.STAFF_SETUP_PASSWORD_BUTTON),
            on_submit=lambda form_data: StaffSetupState.submit_password(form_data, LINK_TOKEN),
            label=texts.STAFF_SETUP_TITLE,
        ),
    )


def _totp_step() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.TOTP_SETUP_TITLE, as_="h2", size="5", margin_bottom="0.5rem"),
        authenticator(StaffSetupState.qr_svg, StaffSetupState.secret_text),
        form(
            alert(StaffSetupState.problem),
            code_field(StaffSetupState.errors.get("code", "")),
            submit_button(texts.TOTP_CODE_BUTTON),
            on_submit=lambda form_data: StaffSetupState.submit_code(form_data, LINK_TOKEN),
            label=texts.TOTP_SETUP_TITLE,
        ),
    )


def _done_step() -> rx.Component:
    """The recovery codes, once the tab is back from the cookie endpoint (logged in)."""
    return rx.cond(SessionState.staff_logged_in, _recovery_codes(), waiting())


def _recovery_codes() -> rx.Component:
    return success_panel(
        texts.TOTP_RECOVERY_TITLE,
        texts.STAFF_RECOVERY_INTRO,
        recovery_code_list(StaffSetupState.recovery_codes),
        actions=(rx.button(texts.STAFF_CONTINUE, on_click=StaffSetupState.go_on, size="3"),),
    )


@page(
    routes.STAFF_SETUP,
    texts.STAFF_SETUP_TITLE,
    staff=True,
    linked=False,
    on_load=[StaffSetupState.load],
)
def staff_setup() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_SETUP_TITLE, **styles.page_heading),
        checked_link_page(
            rx.match(
                StaffSetupState.step,
                ("link_invalid", alert(StaffSetupState.problem)),
                ("password", _password_step()),
                ("totp", _totp_step()),
                ("done", _done_step()),
                waiting(),
            ),
            StaffSetupState.check_link,
            waiting(),
        ),
    )
