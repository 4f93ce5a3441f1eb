"""The one page decorator: it records each page in a registry; `portal_app.py` adds them all
with the frame, the title and the session check, and the navigation is built from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import reflex as rx

from portal_app import texts


@dataclass(frozen=True)
class PageSpec:
    route: str
    title: str
    render: Callable[[], rx.Component]
    nav_label: str = ""
    nav_order: int = 0
    footer_label: str = ""
    footer_order: int = 0
    protected: bool = False
    unlocked: bool = False
    demo_only: bool = False
    on_load: list = field(default_factory=list)
    # A Var with the whole title once the page's data is known (a course's name on /kurse/<id>);
    # the browser tab shows it instead of `full_title`.
    live_title: Any = None

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
    footer_label: str = "",
    footer_order: int = 0,
    protected: bool = False,
    unlocked: bool = False,
    demo_only: bool = False,
    on_load: list | None = None,
    live_title: Any = None,
):
    """Register a page. `protected` pages send visitors to the login first; `unlocked` pages
    (protected too) also send members who are not unlocked to /freischalten. A `footer_label`
    puts the page into every page's footer, in `footer_order`."""

    def decorator(render: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        PAGES.append(
            PageSpec(
                route=route,
                title=title,
                render=render,
                nav_label=nav_label,
                nav_order=nav_order,
                footer_label=footer_label,
                footer_order=footer_order,
                protected=protected or unlocked,
                unlocked=unlocked,
                demo_only=demo_only,
                on_load=on_load or [],
                live_title=live_title,
            )
        )
        return render

    return decorator


def pages_for(demo: bool) -> list[PageSpec]:
    """The pages to serve: demo-only pages exist only in demo mode."""
    return [spec for spec in PAGES if demo or not spec.demo_only]


def nav_entries() -> list[PageSpec]:
    """Pages that appear in the main navigation, in their order."""
    return sorted((p for p in PAGES if p.nav_label), key=lambda p: p.nav_order)


def footer_entries() -> list[PageSpec]:
    """Pages linked from every page's footer (legal notices, contact, accessibility), in order."""
    return sorted((p for p in PAGES if p.footer_label), key=lambda p: p.footer_order)
