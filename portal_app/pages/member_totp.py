"""Zweiter Faktor (Mein Konto): set up the authenticator app, the recovery codes shown once,
new codes, turn it off."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    notice,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.links import back_to_account
from portal_app.components.loading import until_loaded
from portal_app.components.page import MANAGE, page
from portal_app.components.totp import authenticator, code_field, recovery_code_list
from portal_app.state.member_totp import MemberTotpState


def _overview() -> rx.Component:
    return rx.fragment(
        rx.cond(
            MemberTotpState.message != "",
            success_panel(None, MemberTotpState.message),
        ),
        alert(MemberTotpState.problem),
        rx.cond(
            MemberTotpState.enabled,
            rx.fragment(
                notice(
                    rx.text(texts.SECOND_FACTOR_STATUS_ON, as_="p", weight="bold"),
                    rx.text(MemberTotpState.codes_left_text, as_="p"),
                    tone="green",
                ),
                rx.flex(
                    rx.button(
                        texts.SECOND_FACTOR_RENEW_TITLE,
                        type="button",
                        variant="outline",
                        on_click=MemberTotpState.show("renew"),
                    ),
                    rx.button(
                        texts.SECOND_FACTOR_OFF_TITLE,
                        type="button",
                        variant="outline",
                        color_scheme="red",
                        on_click=MemberTotpState.show("off"),
                    ),
                    gap="1rem",
                    wrap="wrap",
                    margin_top="1rem",
                ),
            ),
            rx.fragment(
                rx.text(texts.SECOND_FACTOR_STATUS_OFF, as_="p", weight="bold"),
                rx.button(
                    texts.SECOND_FACTOR_START,
                    type="button",
                    size="3",
                    on_click=MemberTotpState.start_setup,
                    margin_top="1rem",
                ),
            ),
        ),
    )


def _setup() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.TOTP_SETUP_TITLE, as_="h2", size="5", margin_bottom="0.5rem"),
        authenticator(MemberTotpState.qr_svg, MemberTotpState.secret_text),
        form(
            alert(MemberTotpState.problem),
            code_field(MemberTotpState.errors.get("code", "")),
            submit_button(texts.TOTP_CODE_BUTTON),
            on_submit=MemberTotpState.confirm_setup,
            label=texts.TOTP_SETUP_TITLE,
        ),
        _cancel(),
        aria_label=texts.TOTP_SETUP_TITLE,
    )


def _cancel() -> rx.Component:
    return rx.button(
        texts.UPLOAD_CANCEL,
        type="button",
        variant="outline",
        on_click=MemberTotpState.show("overview"),
        margin_top="1rem",
    )


def _codes() -> rx.Component:
    return success_panel(
        texts.TOTP_RECOVERY_TITLE,
        MemberTotpState.message,
        recovery_code_list(MemberTotpState.recovery_codes),
        rx.cond(
            MemberTotpState.others_ended,
            rx.text(texts.SECOND_FACTOR_OTHERS_ENDED, as_="p"),
        ),
        actions=(
            rx.button(
                texts.SECOND_FACTOR_DOWNLOAD,
                type="button",
                variant="outline",
                size="3",
                on_click=MemberTotpState.download_codes,
            ),
            rx.button(
                rx.cond(
                    MemberTotpState.back_label != "",
                    MemberTotpState.back_label,
                    texts.SECOND_FACTOR_CODES_NOTED,
                ),
                type="button",
                size="3",
                on_click=MemberTotpState.codes_noted,
            ),
        ),
    )


def _confirm_form(title: str, intro: str, button: str, on_submit, warning=None) -> rx.Component:
    """Password and code, for "new codes" and "turn off"."""
    return rx.el.section(
        rx.heading(title, as_="h2", size="5", margin_bottom="0.5rem"),
        rx.text(intro, as_="p", margin_bottom="1rem"),
        warning if warning is not None else rx.fragment(),
        form(
            alert(MemberTotpState.problem),
            text_field(
                "password",
                texts.FIELD_PASSWORD,
                MemberTotpState.errors.get("password", ""),
                kind="password",
                autocomplete="current-password",
            ),
            code_field(MemberTotpState.errors.get("code", ""), texts.TOTP_CODE_HINT),
            submit_button(button),
            on_submit=on_submit,
            label=title,
        ),
        _cancel(),
        aria_label=title,
    )


@page(
    routes.ACCOUNT_SECOND_FACTOR,
    texts.SECOND_FACTOR_TITLE,
    protected=True,
    on_load=[MemberTotpState.load],
    account_link=texts.SECOND_FACTOR_TITLE,
    account_group=MANAGE,
    account_order=12,
)
def member_totp() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.SECOND_FACTOR_TITLE, **styles.page_heading),
        rx.text(texts.SECOND_FACTOR_INTRO, as_="p", margin_bottom="1rem"),
        until_loaded(
            rx.fragment(
                rx.cond(
                    MemberTotpState.required,
                    rx.box(notice(texts.SECOND_FACTOR_REQUIRED_NOTE), margin_bottom="1rem"),
                ),
                rx.match(
                    MemberTotpState.step,
                    ("setup", _setup()),
                    ("codes", _codes()),
                    (
                        "renew",
                        _confirm_form(
                            texts.SECOND_FACTOR_RENEW_TITLE,
                            texts.SECOND_FACTOR_RENEW_INTRO,
                            texts.SECOND_FACTOR_RENEW_BUTTON,
                            MemberTotpState.renew,
                        ),
                    ),
                    (
                        "off",
                        _confirm_form(
                            texts.SECOND_FACTOR_OFF_TITLE,
                            texts.SECOND_FACTOR_OFF_INTRO,
                            texts.SECOND_FACTOR_OFF_BUTTON,
                            MemberTotpState.turn_off,
                            rx.cond(
                                MemberTotpState.required,
                                rx.box(
                                    notice(texts.SECOND_FACTOR_OFF_REQUIRED, tone="amber"),
                                    margin_bottom="1rem",
                                ),
                            ),
                        ),
                    ),
                    _overview(),
                ),
            )
        ),
        back_to_account(),
    )
