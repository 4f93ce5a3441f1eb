"""Events of Freischalten (as Betrieb or as Person) and of the new-PIN request."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import unlock
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.fields import field_id
from portal_app.state.session import MEMBER, SessionState, guard


class UnlockState(Feedback, SessionState):
    required_notice: str = ""
    done_label: str = ""

    @rx.var
    def done_message(self) -> str:
        return texts.UNLOCK_DONE.format(target=self.done_label)

    def _fresh(self) -> None:
        self._clear_feedback()
        self.done_label = ""

    @rx.event
    def load(self):
        self._fresh()
        sent_here = self.router.url.query_parameters.get("zuerst") == "1"
        self.required_notice = texts.UNLOCK_REQUIRED if sent_here else ""

    @rx.event
    def another(self):
        """After a success: unlock one more Betrieb or Person."""
        self._fresh()

    @rx.event
    def switch_tab(self, _tab: str):
        self._clear_feedback()

    async def _submit(self, account: AccountView, service, number_field: str, form_data: dict):
        self._clear_feedback()
        pin_field = f"{number_field}-pin"
        try:
            view = await asyncio.to_thread(
                service,
                account.id,
                str(form_data.get(number_field, "")),
                str(form_data.get(pin_field, "")),
            )
        except (unlock.NumberRejected, unlock.PinEmpty) as error:
            return self._fail(error)
        except (
            unlock.UnlockFailed,
            unlock.PinNotUsable,
            unlock.UnlockPaused,
            unlock.AlreadyUnlocked,
        ) as error:  # the typed PIN is gone: it was wrong, or cannot be used here
            return self._fail(error, clear=[pin_field])
        self.done_label = f"{view.label} ({view.name})"
        self._succeed(texts.UNLOCK_DONE.format(target=self.done_label))
        return None

    @guard(MEMBER)
    async def submit_betrieb(self, account: AccountView, form_data: dict):
        return await self._submit(account, unlock.unlock_betrieb, "betriebsnummer", form_data)

    @guard(MEMBER)
    async def submit_person(self, account: AccountView, form_data: dict):
        return await self._submit(account, unlock.unlock_person, "kundennummer", form_data)


class PinRequestState(Feedback, SessionState):
    sent: bool = False

    @rx.event
    def load(self):
        self._clear_feedback()
        self.sent = False

    def _focus_id(self, field: str) -> str:
        # the choice Betrieb/Person is a group of radio buttons: the first one takes the focus
        return field_id("art-betrieb" if field == "art" else field)

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        try:
            await asyncio.to_thread(
                unlock.request_new_pin,
                account.id,
                str(form_data.get("art", "")),
                str(form_data.get("nummer", "")),
            )
        except (
            unlock.PinRequestKindMissing,
            unlock.NumberRejected,
            unlock.TooManyRequests,
        ) as error:
            return self._fail(error)
        self.sent = True
        self._succeed(texts.PIN_REQUEST_DONE)
        return None
