"""Angemeldete Geräte: the account's active sessions; end one or all others."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, success_panel
from portal_app.components.links import back_to_account
from portal_app.components.page import MANAGE, page
from portal_app.settings import settings
from portal_app.state.session_list import SessionListState, SessionRow


def _fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


def _row(row: SessionRow) -> rx.Component:
    return rx.el.li(
        rx.heading(
            row.browser,
            rx.cond(
                row.current,
                rx.badge(
                    texts.SESSIONS_THIS,
                    color_scheme="green",
                    high_contrast=True,
                    margin_left="0.5rem",
                ),
            ),
            as_="h2",
            size="4",
            margin_bottom="0.5rem",
        ),
        rx.el.dl(
            _fact(texts.SESSIONS_STARTED, row.started),
            _fact(texts.SESSIONS_LAST_SEEN, row.last_seen),
            _fact(texts.SECOND_FACTOR_TITLE, row.second_factor),
            class_name="facts",
        ),
        rx.cond(
            row.current,
            rx.fragment(),
            rx.button(
                texts.SESSIONS_END,
                type="button",
                variant="outline",
                aria_label=row.end_label,
                on_click=SessionListState.end_one(row.id),
                margin_top="0.75rem",
            ),
        ),
        class_name="session",
    )


@page(
    routes.ACCOUNT_SESSIONS,
    texts.SESSIONS_TITLE,
    protected=True,
    on_load=[SessionListState.load],
    account_link=texts.SESSIONS_TITLE,
    account_group=MANAGE,
    account_order=20,
)
def session_list() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.SESSIONS_TITLE, **styles.page_heading),
        rx.text(
            texts.SESSIONS_INTRO.format(
                idle=settings.session_idle_minutes, absolute=settings.session_absolute_hours
            ),
            as_="p",
            margin_bottom="1rem",
        ),
        rx.cond(SessionListState.message != "", success_panel(None, SessionListState.message)),
        alert(SessionListState.problem),
        rx.el.ul(
            rx.foreach(SessionListState.rows, _row),
            aria_label=texts.SESSIONS_LIST_LABEL,
            class_name="sessions",
        ),
        rx.cond(
            SessionListState.has_others,
            rx.button(
                texts.SESSIONS_END_OTHERS,
                type="button",
                size="3",
                on_click=SessionListState.end_others,
            ),
            rx.text(texts.SESSIONS_NONE_OTHER, as_="p"),
        ),
        back_to_account(),
    )
