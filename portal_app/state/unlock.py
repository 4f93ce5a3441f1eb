"""Events of Freischalten (as Betrieb or as Person) and of the new-PIN request."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import unlock
from portal_app.services.sessions import AccountView
from portal_app.state.fields import field_id
from portal_app.state.session import MEMBER, SessionState, guard


class UnlockState(SessionState):
    required_notice: str = ""
    number_error: str = ""
    pin_error: str = ""
    failure: str = ""
    done_label: str = ""

    def _clear(self) -> None:
        self.number_error = self.pin_error = self.failure = ""

    @rx.var
    def done_message(self) -> str:
        return texts.UNLOCK_DONE.format(target=self.done_label)

    def _fresh(self) -> None:
        self._clear()
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
        self._clear()

    async def _submit(self, account: AccountView, service, number_field: str, form_data: dict):
        self._clear()
        try:
            view = await asyncio.to_thread(
                service,
                account.id,
                str(form_data.get(number_field, "")),
                str(form_data.get(f"{number_field}-pin", "")),
            )
        except unlock.NumberRejected as error:
            self.number_error = str(error)
            return rx.set_focus(field_id(number_field))
        except unlock.PinEmpty as error:
            self.pin_error = str(error)
            return rx.set_focus(field_id(f"{number_field}-pin"))
        except (
            unlock.UnlockFailed,
            unlock.PinNotUsable,
            unlock.UnlockPaused,
            unlock.AlreadyUnlocked,
        ) as error:
            self.failure = str(error)
            return rx.set_value(field_id(f"{number_field}-pin"), "")
        self.done_label = f"{view.label} ({view.name})"
        return None

    @guard(MEMBER)
    async def submit_betrieb(self, account: AccountView, form_data: dict):
        return await self._submit(account, unlock.unlock_betrieb, "betriebsnummer", form_data)

    @guard(MEMBER)
    async def submit_person(self, account: AccountView, form_data: dict):
        return await self._submit(account, unlock.unlock_person, "kundennummer", form_data)


class PinRequestState(SessionState):
    kind_error: str = ""
    number_error: str = ""
    failure: str = ""
    sent: bool = False

    @rx.event
    def load(self):
        self.kind_error = self.number_error = self.failure = ""
        self.sent = False

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        self.kind_error = self.number_error = self.failure = ""
        try:
            await asyncio.to_thread(
                unlock.request_new_pin,
                account.id,
                str(form_data.get("art", "")),
                str(form_data.get("nummer", "")),
            )
        except unlock.PinRequestKindMissing as error:
            self.kind_error = str(error)
            return rx.set_focus(field_id("art-betrieb"))
        except unlock.NumberRejected as error:
            self.number_error = str(error)
            return rx.set_focus(field_id("nummer"))
        except unlock.TooManyRequests as error:
            self.failure = str(error)
            return None
        self.sent = True
        return None
