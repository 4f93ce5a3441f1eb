"""Events of the online forms (and the contact form): check, store, mail, say thank you."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from portal_app.services import forms
from portal_app.services.forms import FORMS, HONEYPOT, FormSpec
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_datetime
from portal_app.state.session import MEMBER, VISITOR, SessionState, guard

__all__ = ["FORMS", "HONEYPOT", "FormSpec", "FormState", "MyRequestsState"]


class FormState(Feedback, SessionState):
    sent: bool = False

    @rx.event
    async def load(self):
        self._clear_feedback()
        self.sent = False

    @rx.event
    def again(self):
        self._clear_feedback()
        self.sent = False

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        """A form for members: a lost session keeps the typed text (see `guard`)."""
        return await self._send(account, form_data)

    @guard(VISITOR)
    async def submit_public(self, account: AccountView | None, form_data: dict):
        """The public forms (contact): sent by visitors or members alike."""
        return await self._send(account, form_data)

    async def _send(self, account: AccountView | None, form_data: dict):
        self._clear_feedback()
        key = str(form_data.get("form_key", ""))
        try:
            # Limits count the account, or the client address (as the login throttle reads
            # it), never Reflex's client token: the browser chooses that one.
            await asyncio.to_thread(
                forms.submit,
                key,
                form_data,
                client_address=self._client(),
                account_id=account.id if account else None,
            )
        except (forms.FormInvalid, forms.RateLimited, forms.FormUnknown) as error:
            return self._fail(error)
        self.sent = True  # a bot that filled the honeypot sees the same
        self._succeed(FORMS[key].sent_text)
        return None


@dataclasses.dataclass
class RequestCard:
    id: int
    title: str
    sent: str
    summary: str
    status: str


class MyRequestsState(SessionState):
    requests: list[RequestCard] = []

    @guard(MEMBER)
    async def load(self, account: AccountView):
        views = await asyncio.to_thread(forms.submissions_of, account.id)
        self.requests = [
            RequestCard(
                view.id, view.title, local_datetime(view.created_at), view.summary, view.status
            )
            for view in views
        ]
