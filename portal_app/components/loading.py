"""What a page shows while its on_load events still run: a labelled spinner instead of content
drawn from defaults or from an earlier visit ("0 Kurse gefunden", "please unlock first")."""

from __future__ import annotations

import reflex as rx

from portal_app import texts
from portal_app.state.session import SessionState


def waiting() -> rx.Component:
    # role="img": a spinner is a picture that says something; a bare span may not be labelled
    return rx.center(
        rx.spinner(size="3", custom_attrs={"role": "img", "aria-label": texts.PAGE_WAITING}),
        padding_y="2rem",
    )


def until_loaded(content: rx.Component) -> rx.Component:
    return rx.cond(SessionState.page_loading, waiting(), content)
