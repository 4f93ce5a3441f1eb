"""Demo mailbox: every mail the portal queued, with its links (PORTAL_DEMO=1 only)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import notice
from portal_app.components.page import page
from portal_app.state.demo_mailbox import DemoMailboxState, MailCard


def _mail(mail: MailCard) -> rx.Component:
    return rx.el.article(
        rx.heading(mail.subject, as_="h2", size="4"),
        rx.text(
            texts.MAILBOX_TO,
            ": ",
            mail.recipient,
            " · ",
            mail.created,
            " · ",
            rx.cond(mail.delivered, texts.MAILBOX_SENT, texts.MAILBOX_QUEUED),
            as_="p",
            color_scheme="gray",
            size="2",
        ),
        rx.el.pre(mail.body),
        rx.foreach(mail.links, lambda link: rx.link(link, href=link, display="block")),
        class_name="mail",
    )


@page(routes.DEMO_MAILBOX, texts.MAILBOX_TITLE, demo_only=True, on_load=[DemoMailboxState.load])
def demo_mailbox() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.MAILBOX_TITLE, **styles.page_heading),
        rx.box(notice(texts.MAILBOX_WARNING, tone="amber", role="note"), margin_bottom="1rem"),
        rx.button(
            texts.MAILBOX_REFRESH,
            on_click=DemoMailboxState.load,
            variant="outline",
            margin_bottom="1rem",
        ),
        rx.cond(
            DemoMailboxState.mails.length() > 0,
            rx.foreach(DemoMailboxState.mails, _mail),
            rx.text(texts.MAILBOX_EMPTY, as_="p"),
        ),
    )
