"""The frame around every page: skip link, header with navigation, main area, footer."""

from __future__ import annotations

import reflex as rx

from portal_app import routes, texts
from portal_app.components.loading import waiting
from portal_app.components.navigation import page_load
from portal_app.components.page import PageSpec, footer_entries, nav_entries, staff_nav_entries
from portal_app.components.session_dialog import announcer, session_dialog
from portal_app.settings import settings
from portal_app.state.session import SessionState
from portal_app.state.worker import WorkerState


def _nav_link(label: str, href: str, current_route: str, badge=None) -> rx.Component:
    current = {"aria_current": "page"} if href == current_route else {}
    content = [label]
    if badge is not None:  # "Postfach 2 ungelesen" for screen readers, "Postfach 2" to see
        content.append(
            rx.cond(
                badge > 0,
                rx.el.span(
                    rx.el.span(badge, class_name="nav-badge"),
                    rx.el.span(f" {texts.NAV_UNREAD}", class_name="sr-only"),
                ),
            )
        )
    return rx.el.li(rx.link(*content, href=href, underline="hover", **current))


def _nav_entry(spec: PageSpec, current_route: str) -> rx.Component:
    link = _nav_link(spec.nav_label, spec.route, current_route, spec.nav_badge)
    return rx.cond(SessionState.logged_in, link) if spec.protected else link


def _account_links(current_route: str) -> rx.Component:
    return rx.cond(
        SessionState.logged_in,
        rx.fragment(
            _nav_link(texts.ACCOUNT_TITLE, routes.ACCOUNT, current_route),
            rx.el.li(
                rx.el.button(
                    texts.NAV_LOGOUT,
                    type="button",
                    on_click=SessionState.logout,
                    class_name="nav-button",
                )
            ),
        ),
        rx.cond(  # a visitor's links only once the login is known (never to a member)
            SessionState.session_known,
            rx.fragment(
                _nav_link(texts.LOGIN_TITLE, routes.LOGIN, current_route),
                _nav_link(texts.REGISTER_TITLE, routes.REGISTER, current_route),
            ),
        ),
    )


def header(current_route: str) -> rx.Component:
    return rx.el.header(
        rx.el.div(
            rx.el.a(
                rx.el.img(src="/logo.svg", alt=texts.LOGO_ALT),
                rx.el.span(
                    texts.PORTAL,
                    rx.el.span(texts.CHAMBER, class_name="brand__sub"),
                    class_name="brand__name",
                ),
                href=routes.HOME,
                class_name="brand",
            ),
            rx.el.nav(
                rx.el.ul(
                    *[_nav_entry(p, current_route) for p in nav_entries()],
                    _account_links(current_route),
                    class_name="nav-list",
                ),
                aria_label=texts.NAV_LABEL,
            ),
            class_name="site-header__inner",
        ),
        class_name="site-header",
    )


def _staff_links(current_route: str) -> rx.Component:
    """The staff header's links: each staff page with a `nav_label` (administrators' pages
    only for administrators, a department's pages for its staff and administrators), the staff
    member's name and "Abmelden"."""
    links = []
    for spec in staff_nav_entries():
        link = _nav_link(spec.nav_label, spec.route, current_route)
        if spec.admin:
            link = rx.cond(SessionState.staff_is_admin, link)
        elif spec.departments:
            link = rx.cond(_in_departments(spec.departments), link)
        links.append(link)
    return rx.cond(
        SessionState.staff_logged_in,
        rx.fragment(
            *links,
            rx.el.li(SessionState.staff_name, class_name="nav-name"),
            rx.el.li(
                rx.el.button(
                    texts.NAV_LOGOUT,
                    type="button",
                    on_click=SessionState.staff_logout,
                    class_name="nav-button",
                )
            ),
        ),
    )


def _in_departments(keys: tuple[str, ...]):
    """True for administrators and staff of one of the departments."""
    allowed = SessionState.staff_is_admin
    for key in keys:
        allowed = allowed | SessionState.staff_departments.contains(key)
    return allowed


def staff_header(current_route: str) -> rx.Component:
    """The small header of the staff pages: the portal's name (to the Eingang), the staff
    links. Nothing of the members' navigation."""
    return rx.el.header(
        rx.el.div(
            rx.el.a(
                rx.el.img(src="/logo.svg", alt=texts.LOGO_ALT),
                rx.el.span(
                    texts.PORTAL,
                    rx.el.span(texts.STAFF_AREA, class_name="brand__sub"),
                    class_name="brand__name",
                ),
                href=routes.STAFF_INBOX,
                class_name="brand",
            ),
            rx.el.nav(
                rx.el.ul(_staff_links(current_route), class_name="nav-list"),
                aria_label=texts.STAFF_NAV_LABEL,
            ),
            class_name="site-header__inner",
        ),
        class_name="site-header",
    )


def _worker_note() -> rx.Component:
    """The backend process serving this tab, for operators running several workers."""
    if not settings.show_worker:
        return rx.fragment()
    return rx.el.p(f"{texts.WORKER_NOTE} ", WorkerState.process)


def footer() -> rx.Component:
    return rx.el.footer(
        rx.el.div(
            rx.el.p(f"© {texts.CHAMBER}"),
            _worker_note(),
            rx.el.nav(
                rx.el.ul(
                    *[rx.el.li(rx.link(p.footer_label, href=p.route)) for p in footer_entries()],
                ),
                aria_label=texts.FOOTER_LABEL,
            ),
            class_name="site-footer__inner",
        ),
        class_name="site-footer",
    )


def frame(spec: PageSpec) -> rx.Component:
    """The page's content inside the frame; protected content only once the login is known.
    A login that ends while the page is open keeps the content (and what was typed)."""
    content = spec.render()
    if spec.staff and spec.protected:
        content = rx.cond(SessionState.staff_logged_in, content, waiting())
    elif spec.protected:
        content = rx.cond(
            SessionState.logged_in | SessionState.session_ended,
            content,
            waiting(),
        )
    return rx.fragment(
        rx.el.a(texts.SKIP_TO_CONTENT, href="#inhalt", class_name="skip-link"),
        staff_header(spec.route) if spec.staff else header(spec.route),
        # aria-busy until the page's data has arrived (assistive technology and tests wait)
        rx.el.main(
            content,
            id="inhalt",
            tab_index=-1,
            aria_busy=rx.cond(rx.State.is_hydrated & ~SessionState.page_loading, "false", "true"),
            class_name="site-main",
        ),
        footer(),
        announcer(),
        session_dialog(),
        page_load(),
    )
