"""Links that look like buttons (navigation, not actions)."""

import reflex as rx


def link_button(label: str, href: str, *, variant: str = "solid") -> rx.Component:
    return rx.button(
        rx.link(label, href=href, underline="none"), size="3", variant=variant, as_child=True
    )
