"""Events of the Postfach /konto/postfach: list the chamber's messages, open one (then it is
read), download what came with it."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from portal_app import texts
from portal_app.services import documents, postfach
from portal_app.services.sessions import AccountView
from portal_app.state.downloads import hand_out
from portal_app.state.formatting import local_datetime
from portal_app.state.session import MEMBER, UNLOCKED, SessionState, guard, parse_id


@dataclasses.dataclass
class MessageCard:
    id: int
    subject: str
    received: str
    body: str
    unread: bool
    # each: id, name, label (the button's accessible name)
    attachments: list[dict[str, str]]
    document_id: int
    document_label: str


def _card(view: postfach.MessageView) -> MessageCard:
    return MessageCard(
        id=view.id,
        subject=view.subject,
        received=local_datetime(view.created_at),
        body=view.body,
        unread=view.unread,
        attachments=[
            {"id": str(a.id), "name": a.name, "label": texts.DOWNLOAD_LABEL.format(name=a.name)}
            for a in view.attachments
        ],
        document_id=view.dokument_id or 0,
        document_label=texts.DOWNLOAD_LABEL.format(name=view.dokument_name),
    )


class PostfachState(SessionState):
    messages: list[MessageCard] = []
    opened: int = 0

    async def _reload(self, account_id: int) -> None:
        views = await asyncio.to_thread(postfach.messages, account_id)
        self.messages = [_card(view) for view in views]
        self.postfach_unread = sum(1 for view in views if view.unread)

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.opened = 0
        await self._reload(account.id)

    @guard(MEMBER)
    async def toggle(self, account: AccountView, message_id: int):
        """Open a message (it is read from then on), or close the open one."""
        message_id = parse_id(message_id) or 0
        self.opened = 0 if self.opened == message_id else message_id
        if self.opened:
            await asyncio.to_thread(postfach.mark_read, account.id, message_id)
            await self._reload(account.id)

    @guard(MEMBER)
    async def download_attachment(self, account: AccountView, attachment_id: int):
        try:
            found = await asyncio.to_thread(
                postfach.attachment, account.id, parse_id(attachment_id) or 0
            )
        except postfach.MessageNotFound as error:
            return rx.toast.error(str(error))
        return await hand_out(self._session_token(), account.id, found)

    @guard(UNLOCKED)
    async def download_document(self, account: AccountView, document_id: int):
        """A provided document: on the same terms as on /dokumente (the unlock counts)."""
        try:
            found = await asyncio.to_thread(documents.fetch, account.id, parse_id(document_id))
        except documents.DocumentNotFound as error:
            return rx.toast.error(str(error))
        return await hand_out(self._session_token(), account.id, found)
