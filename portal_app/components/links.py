"""Links that look like buttons (navigation, not actions)."""

import reflex as rx

from portal_app import routes, texts


def link_button(label: str, href: str, *, variant: str = "solid") -> rx.Component:
    return rx.button(
        rx.link(label, href=href, underline="none"), size="3", variant=variant, as_child=True
    )


def question_link(question: str, label: str, href: str) -> rx.Component:
    """ "Noch kein Konto? Registrieren" – a question with the link that answers it."""
    return rx.text(question, " ", rx.link(label, href=href), as_="p", margin_top="1.5rem")


def back_to_account() -> rx.Component:
    """The way back from a page under "Mein Konto"."""
    return rx.text(rx.link(texts.BACK_TO_ACCOUNT, href=routes.ACCOUNT), as_="p", margin_top="2rem")
