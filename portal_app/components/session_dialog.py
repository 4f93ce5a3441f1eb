"""The dialog shown when the login ended while the page was open (see `state/session.guard`):
the page and what the member typed stay; they log in again in a new tab and go on here."""

from __future__ import annotations

import reflex as rx

from portal_app import routes, texts
from portal_app.state.session import SessionState


def session_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(texts.SESSION_ENDED_TITLE),
            rx.alert_dialog.description(texts.SESSION_ENDED_TEXT),
            rx.flex(
                rx.button(
                    rx.link(
                        texts.SESSION_ENDED_LOGIN,
                        href=routes.login(routes.LOGIN_RENEWED),
                        target="_blank",
                        rel="noopener",
                        underline="none",
                    ),
                    size="3",
                    variant="outline",
                    as_child=True,
                ),
                rx.button(
                    texts.SESSION_ENDED_RESUME,
                    on_click=SessionState.resume,
                    size="3",
                ),
                gap="1rem",
                wrap="wrap",
                align="center",
                margin_top="1.25rem",
            ),
            max_width="32rem",
        ),
        open=SessionState.session_ended,
    )


def announcer() -> rx.Component:
    """The one polite live region of the page. It exists from the first paint, so a message
    written into it later is read out; a new key makes a repeated message count as new."""
    return rx.el.div(
        rx.el.p(SessionState.announcement, key=SessionState.announcement_id),
        role="status",
        aria_live="polite",
        aria_atomic="true",
        aria_label=texts.ANNOUNCER_LABEL,
        id="ansage",
        class_name="sr-only",
    )
