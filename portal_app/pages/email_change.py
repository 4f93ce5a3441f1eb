"""E-Mail-Adresse ändern (logged in), and the pages behind the link to the new address and the
undo link to the old one."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, form, submit_button, success_panel, text_field
from portal_app.components.link_token import LINK_TOKEN, checked_link_page
from portal_app.components.links import back_to_account, link_button
from portal_app.components.page import MANAGE, page
from portal_app.state.email_change import EmailChangeState, EmailConfirmState, EmailUndoState


def _change_form() -> rx.Component:
    return form(
        text_field(
            "new_email",
            texts.FIELD_NEW_EMAIL,
            EmailChangeState.errors.get("new_email", ""),
            kind="email",
            autocomplete="email",
            max_length=254,
        ),
        text_field(
            "password",
            texts.FIELD_PASSWORD,
            EmailChangeState.errors.get("password", ""),
            kind="password",
            autocomplete="current-password",
        ),
        submit_button(texts.EMAIL_CHANGE_BUTTON),
        on_submit=EmailChangeState.submit,
        label=texts.EMAIL_CHANGE_TITLE,
    )


@page(
    routes.ACCOUNT_EMAIL,
    texts.EMAIL_CHANGE_TITLE,
    protected=True,
    on_load=[EmailChangeState.load],
    account_link=texts.EMAIL_CHANGE_TITLE,
    account_group=MANAGE,
    account_order=15,
)
def email_change() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.EMAIL_CHANGE_TITLE, **styles.page_heading),
        rx.text(texts.EMAIL_CHANGE_INTRO, as_="p", margin_bottom="0.5rem"),
        rx.text(
            texts.EMAIL_CHANGE_CURRENT,
            rx.el.strong(EmailChangeState.account_email),
            as_="p",
            margin_bottom="1rem",
        ),
        rx.cond(
            EmailChangeState.sent_to != "",
            success_panel(texts.CHECK_MAILBOX_TITLE, EmailChangeState.sent_message),
        ),
        _change_form(),
        back_to_account(),
    )


# --- the link to the new address ----------------------------------------------------------------


def _confirm_form() -> rx.Component:
    return rx.fragment(
        rx.text(EmailConfirmState.question, as_="p", margin_bottom="1rem"),
        form(
            rx.cond(
                EmailConfirmState.own_session,
                rx.fragment(),
                rx.fragment(
                    rx.text(texts.EMAIL_CONFIRM_PASSWORD_INTRO, as_="p"),
                    text_field(
                        "password",
                        texts.FIELD_PASSWORD,
                        EmailConfirmState.errors.get("password", ""),
                        kind="password",
                        autocomplete="current-password",
                    ),
                ),
            ),
            alert(EmailConfirmState.problem),
            submit_button(texts.EMAIL_CONFIRM_BUTTON),
            on_submit=lambda form_data: EmailConfirmState.submit(form_data, LINK_TOKEN),
            label=texts.EMAIL_CONFIRM_TITLE,
        ),
    )


def _confirm_body() -> rx.Component:
    return rx.cond(
        EmailConfirmState.done,
        success_panel(
            texts.EMAIL_CONFIRM_DONE_TITLE,
            EmailConfirmState.done_message,
            actions=(
                rx.cond(
                    EmailConfirmState.logged_in,
                    link_button(texts.ACCOUNT_TITLE, routes.ACCOUNT),
                    link_button(texts.LOGIN_TITLE, routes.LOGIN),
                ),
            ),
        ),
        rx.cond(
            EmailConfirmState.new_email == "",
            alert(EmailConfirmState.problem),
            _confirm_form(),
        ),
    )


@page(
    routes.EMAIL_CONFIRM, texts.EMAIL_CONFIRM_TITLE, on_load=[EmailConfirmState.load], linked=False
)
def email_confirm() -> rx.Component:
    checking = rx.text(texts.LINK_CHECKING, role="status")
    return rx.fragment(
        rx.heading(texts.EMAIL_CONFIRM_TITLE, **styles.page_heading),
        checked_link_page(
            rx.cond(EmailConfirmState.checked, _confirm_body(), checking),
            EmailConfirmState.check_link,
            checking,
        ),
    )


# --- the undo link to the old address -----------------------------------------------------------


def _undo_body() -> rx.Component:
    return rx.cond(
        EmailUndoState.done,
        success_panel(texts.EMAIL_UNDO_DONE_TITLE, EmailUndoState.done_message),
        rx.cond(
            EmailUndoState.old_email == "",
            alert(EmailUndoState.problem),
            rx.fragment(
                rx.text(EmailUndoState.question, as_="p", margin_bottom="1rem"),
                alert(EmailUndoState.problem),
                rx.button(
                    texts.EMAIL_UNDO_BUTTON,
                    type="button",
                    size="3",
                    color_scheme="red",
                    on_click=EmailUndoState.submit(LINK_TOKEN),
                    margin_top="0.5rem",
                ),
            ),
        ),
    )


@page(routes.EMAIL_UNDO, texts.EMAIL_UNDO_TITLE, on_load=[EmailUndoState.load], linked=False)
def email_undo() -> rx.Component:
    checking = rx.text(texts.LINK_CHECKING, role="status")
    return rx.fragment(
        rx.heading(texts.EMAIL_UNDO_TITLE, **styles.page_heading),
        checked_link_page(
            rx.cond(EmailUndoState.checked, _undo_body(), checking),
            EmailUndoState.check_link,
            checking,
        ),
    )
