"""Events of the demo mailbox (only with PORTAL_DEMO=1)."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from portal_app.services import mail
from portal_app.settings import settings
from portal_app.state.formatting import local_datetime


@dataclasses.dataclass
class MailCard:
    id: int
    recipient: str
    subject: str
    body: str
    created: str
    delivered: bool
    links: list[str]


class DemoMailboxState(rx.State):
    mails: list[MailCard] = []

    @rx.event
    async def load(self):
        if not settings.demo:  # the page is not even added outside demo mode
            return
        views = await asyncio.to_thread(mail.recent_mails)
        self.mails = [
            MailCard(
                id=view.id,
                recipient=view.recipient,
                subject=view.subject,
                body=view.body,
                created=local_datetime(view.created_at),
                delivered=view.sent_at is not None,
                links=view.links,
            )
            for view in views
        ]
