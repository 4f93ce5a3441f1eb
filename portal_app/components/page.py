"""The one page decorator: it records each page in a registry; `portal_app.py` adds them all
with the frame, the title and the session check, and the navigation and Mein Konto's links are
built from it. A new page says where it is linked from; no shared list is edited by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import reflex as rx

from portal_app import texts

# The groups of links on Mein Konto: services for every member, the services of unlocked
# members (every `unlocked` page), and managing the account.
SERVICES = "dienste"
UNLOCKED_SERVICES = "freigeschaltet"
MANAGE = "verwalten"
ACCOUNT_GROUPS = (SERVICES, UNLOCKED_SERVICES, MANAGE)


@dataclass(frozen=True)
class PageSpec:
    route: str
    title: str
    render: Callable[[], rx.Component]
    nav_label: str = ""
    nav_order: int = 0
    # a Var with a count the navigation shows beside the label when it is above 0 (unread)
    nav_badge: Any = None
    footer_label: str = ""
    footer_order: int = 0
    protected: bool = False
    unlocked: bool = False
    demo_only: bool = False
    # False: reached from a mail or after an action, not by a link (the click-through test)
    linked: bool = True
    on_load: list = field(default_factory=list)
    # Mein Konto links to the page under this label, in its group ("" = not linked there)
    account_link: str = ""
    account_group: str = ""
    account_order: int = 0
    # A Var with the whole title once the page's data is known (a course's name on /kurse/<id>);
    # the browser tab shows it instead of `full_title`.
    live_title: Any = None
    # a page of the chamber's staff (/verwaltung…): the staff header, the staff login;
    # `protected`: a staff login is needed, `admin`: an administrator's
    staff: bool = False
    admin: bool = False
    # a staff page for these departments (services/departments.py keys) and administrators:
    # the staff header links it only for them (their events check it on the server)
    departments: tuple[str, ...] = ()

    @property
    def full_title(self) -> str:
        return (
            f"{self.title} – {texts.SITE_TITLE}" if self.title != texts.SITE_TITLE else self.title
        )

    @property
    def document_title(self) -> Any:
        """What the browser shows as the page's title: the live title, else `full_title`."""
        return self.full_title if self.live_title is None else self.live_title


PAGES: list[PageSpec] = []


def page(
    route: str,
    title: str,
    *,
    nav_label: str = "",
    nav_order: int = 0,
    nav_badge: Any = None,
    footer_label: str = "",
    footer_order: int = 0,
    protected: bool = False,
    unlocked: bool = False,
    demo_only: bool = False,
    linked: bool = True,
    on_load: list | None = None,
    account_link: str = "",
    account_group: str = SERVICES,
    account_order: int = 0,
    live_title: Any = None,
    staff: bool = False,
    admin: bool = False,
    departments: tuple[str, ...] = (),
):
    """Register a page. `protected` pages send visitors to the login first; `unlocked` pages
    (protected too) also send members who are not unlocked to /freischalten. A `footer_label`
    puts the page into every page's footer, in `footer_order`; a `nav_label` into the main
    navigation (a protected page's only for members who are logged in), with `nav_badge`'s
    count. With `account_link`, Mein Konto links to the page in `account_group` (SERVICES or
    MANAGE; unlocked pages are always in UNLOCKED_SERVICES). `live_title`: the browser tab's
    title once the page's data is known.

    `staff=True`: a page of the chamber's staff, in their own frame; `nav_label` then puts it
    into the staff header (only for administrators if `admin`; with `departments` only for
    staff of those departments and administrators). `protected` staff pages need a
    staff login (password and second factor), `admin` ones an administrator's; members and
    visitors go to the staff login. Staff pages are never in the members' navigation."""
    group = UNLOCKED_SERVICES if unlocked else account_group
    if group not in ACCOUNT_GROUPS:
        raise ValueError(f"{route}: account_group must be one of {ACCOUNT_GROUPS}")

    def decorator(render: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        PAGES.append(
            PageSpec(
                route=route,
                title=title,
                render=render,
                nav_label=nav_label,
                nav_order=nav_order,
                nav_badge=nav_badge,
                footer_label=footer_label,
                footer_order=footer_order,
                protected=protected or unlocked or admin,
                unlocked=unlocked,
                demo_only=demo_only,
                linked=linked,
                on_load=on_load or [],
                account_link=account_link,
                account_group=group,
                account_order=account_order,
                live_title=live_title,
                staff=staff,
                admin=admin,
                departments=tuple(departments),
            )
        )
        return render

    return decorator


def pages_for(demo: bool) -> list[PageSpec]:
    """The pages to serve: demo-only pages exist only in demo mode."""
    return [spec for spec in PAGES if demo or not spec.demo_only]


def nav_entries() -> list[PageSpec]:
    """Pages that appear in the main navigation, in their order."""
    return sorted((p for p in PAGES if p.nav_label and not p.staff), key=lambda p: p.nav_order)


def staff_nav_entries() -> list[PageSpec]:
    """Pages in the staff header, in their order (administrators' pages included)."""
    return sorted((p for p in PAGES if p.nav_label and p.staff), key=lambda p: p.nav_order)


def account_entries(group: str) -> list[PageSpec]:
    """The pages Mein Konto links to in one group, in their order."""
    return sorted(
        (p for p in PAGES if p.account_link and p.account_group == group and not p.staff),
        key=lambda p: p.account_order,
    )


def footer_entries() -> list[PageSpec]:
    """Pages linked from every page's footer (legal notices, contact, accessibility), in order."""
    return sorted(
        (p for p in PAGES if p.footer_label and not p.staff), key=lambda p: p.footer_order
    )
