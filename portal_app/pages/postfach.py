"""Postfach /konto/postfach: the chamber's messages to the member, newest first."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.loading import until_loaded
from portal_app.components.page import page
from portal_app.state.postfach import MessageCard, PostfachState
from portal_app.state.session import SessionState


def _attachment(item: dict) -> rx.Component:
    return rx.el.li(
        rx.button(
            item["name"],
            on_click=PostfachState.download_attachment(item["id"]),
            variant="outline",
            aria_label=item["label"],
        )
    )


def _content(message: MessageCard) -> rx.Component:
    return rx.el.div(
        rx.cond(message.body != "", rx.text(message.body, as_="p", white_space="pre-wrap")),
        rx.cond(
            message.attachments.length() > 0,
            rx.el.ul(rx.foreach(message.attachments, _attachment), class_name="link-list"),
        ),
        rx.cond(
            message.document_id > 0,
            rx.button(
                texts.POSTFACH_OPEN_DOCUMENT,
                on_click=PostfachState.download_document(message.document_id),
                variant="outline",
                aria_label=message.document_label,
            ),
        ),
        id=f"nachricht-{message.id}",
        class_name="message__content",
    )


def _message(message: MessageCard) -> rx.Component:
    opened = PostfachState.opened == message.id
    return rx.el.li(
        rx.el.article(
            rx.heading(
                rx.el.button(
                    rx.cond(message.unread, rx.el.span(texts.POSTFACH_UNREAD, class_name="tag")),
                    message.subject,
                    type="button",
                    on_click=PostfachState.toggle(message.id),
                    aria_expanded=rx.cond(opened, "true", "false"),
                    aria_controls=f"nachricht-{message.id}",
                    class_name="message__toggle",
                ),
                as_="h2",
                size="4",
            ),
            rx.text(texts.POSTFACH_RECEIVED, " ", message.received, as_="p", class_name="muted"),
            rx.cond(opened, _content(message)),
            class_name=rx.cond(message.unread, "course message message--unread", "course message"),
        )
    )


@page(
    routes.POSTFACH,
    texts.POSTFACH_TITLE,
    protected=True,
    on_load=[PostfachState.load],
    nav_label=texts.POSTFACH_TITLE,
    nav_order=90,
    nav_badge=SessionState.postfach_unread,
    account_link=texts.POSTFACH_TITLE,
    account_order=5,
)
def postfach_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.POSTFACH_TITLE, **styles.page_heading),
        rx.text(texts.POSTFACH_INTRO, as_="p", margin_bottom="1rem"),
        until_loaded(
            rx.cond(
                PostfachState.messages.length() > 0,
                rx.el.ul(rx.foreach(PostfachState.messages, _message), class_name="course-list"),
                rx.text(texts.POSTFACH_EMPTY, as_="p"),
            )
        ),
    )
