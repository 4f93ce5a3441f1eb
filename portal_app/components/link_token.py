"""The token of a mailed link, as the page keeps it: never in the tab's state on the server.

assets/portal.js takes `?token=…` out of the address before the app starts and keeps it in the
tab's sessionStorage under the page's path. `LINK_TOKEN` reads it there at the moment an event
is sent, so the token travels only as an argument of the events that check it (when the page is
ready) and use it (the form's submit); the server checks it against the stored hash each time.
"""

import reflex as rx

from portal_app.state.session import SessionState

LINK_TOKEN: rx.Var[str] = rx.Var(
    _js_expr=(
        '(globalThis.sessionStorage?.getItem("portal-link-token:" + '
        'globalThis.location.pathname.replace(/\\/+$/, "")) ?? "")'
    ),
    _var_type=str,
)


def checked_link_page(body: rx.Component, check, waiting: rx.Component) -> rx.Component:
    """`body` once the page is ready; `check` (an event taking the token) is sent as it appears.

    Waiting for the page's on_load events to have run orders the check after them, whichever
    order the events reach the server in."""
    return rx.cond(
        rx.State.is_hydrated & ~SessionState.page_loading,
        rx.box(body, on_mount=check(LINK_TOKEN)),
        waiting,
    )
