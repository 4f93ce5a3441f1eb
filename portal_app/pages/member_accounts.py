"""Konten von Mitgliedern (administrators): find a member account by its exact address, see
whether it has a second factor, reset it with a reason."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    notice,
    submit_button,
    success_panel,
    text_field,
    textarea_field,
)
from portal_app.components.page import page
from portal_app.state.member_accounts import MemberAccountsState


def _fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


def _search() -> rx.Component:
    return form(
        text_field(
            "email",
            texts.FIELD_EMAIL,
            MemberAccountsState.errors.get("email", ""),
            kind="email",
            autocomplete="off",
        ),
        submit_button(texts.MEMBER_ACCOUNTS_SEARCH),
        on_submit=MemberAccountsState.search,
        label=texts.MEMBER_ACCOUNTS_SEARCH,
    )


def _reset_form() -> rx.Component:
    return form(
        textarea_field(
            "reason",
            texts.FIELD_RESET_REASON,
            MemberAccountsState.errors.get("reason", ""),
            hint=texts.RESET_REASON_HINT,
            max_length=500,
        ),
        rx.button(
            texts.STAFF_RESET_SECOND_FACTOR,
            type="submit",
            size="3",
            color_scheme="red",
            width="fit-content",
        ),
        on_submit=MemberAccountsState.reset_second_factor,
        label=texts.STAFF_RESET_SECOND_FACTOR,
        key=MemberAccountsState.reset_form_key,
    )


def _account() -> rx.Component:
    found = MemberAccountsState.found
    return rx.el.section(
        rx.heading(found["email"], as_="h2", size="5", margin_bottom="0.5rem"),
        rx.el.dl(
            _fact(texts.MEMBER_ACCOUNT_REGISTERED, found["registered"]),
            _fact(texts.MEMBER_ACCOUNT_CONFIRMED, found["confirmed"]),
            _fact(texts.SECOND_FACTOR_TITLE, found["second_factor"]),
            _fact(texts.MEMBER_ACCOUNT_REQUIRED, found["required"]),
            class_name="facts",
        ),
        rx.cond(
            MemberAccountsState.has_second_factor,
            rx.box(_reset_form(), margin_top="1rem"),
        ),
        aria_label=found["email"],
        margin_top="1.5rem",
    )


@page(
    routes.STAFF_MEMBER_ACCOUNTS,
    texts.MEMBER_ACCOUNTS_TITLE,
    staff=True,
    admin=True,
    nav_label=texts.MEMBER_ACCOUNTS_NAV,
    nav_order=25,
    on_load=[MemberAccountsState.load],
)
def member_accounts() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.MEMBER_ACCOUNTS_TITLE, **styles.page_heading),
        rx.text(texts.MEMBER_ACCOUNTS_INTRO, as_="p", margin_bottom="1rem"),
        alert(MemberAccountsState.problem),
        rx.cond(MemberAccountsState.done != "", success_panel(None, MemberAccountsState.done)),
        _search(),
        rx.cond(
            MemberAccountsState.not_found,
            rx.box(notice(texts.MEMBER_ACCOUNTS_NONE), margin_top="1rem"),
        ),
        rx.cond(MemberAccountsState.found.contains("email"), _account()),
    )
