"""The one way every form with a new password answers a rejected password."""

from __future__ import annotations

import reflex as rx

from portal_app.services.passwords import PasswordMismatch, PasswordRejected
from portal_app.state.fields import field_id


def new_password_problem(state, error: PasswordRejected) -> list[rx.event.EventSpec]:
    """Put the message at the right field of `state` (password_error / repeat_error), focus it."""
    if isinstance(error, PasswordMismatch):
        state.repeat_error = str(error)
        return [
            rx.set_value(field_id("password_repeat"), ""),
            rx.set_focus(field_id("password_repeat")),
        ]
    state.password_error = str(error)
    return [rx.set_focus(field_id("password"))]
