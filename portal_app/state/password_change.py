"""Events of "Passwort ändern" (logged in)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import password_change
from portal_app.services.passwords import PasswordRejected
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.fields import field_id
from portal_app.state.passwords import cleared_after
from portal_app.state.session import MEMBER, SessionState, guard

FIELDS = ("current_password", "password", "password_repeat")


class PasswordChangeState(Feedback, SessionState):
    done: bool = False

    @rx.event
    def load(self):
        self._clear_feedback()
        self.done = False

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        self.done = False
        try:
            await asyncio.to_thread(
                password_change.change_password,
                account.id,
                self._session_token(),
                *(str(form_data.get(name, "")) for name in FIELDS),
            )
        except password_change.CurrentPasswordWrong as error:
            return self._fail(error, clear=["current_password"])
        except PasswordRejected as error:
            return self._fail(error, clear=cleared_after(error))
        self.done = True
        self._succeed(texts.CHANGE_DONE)
        return [rx.set_value(field_id(name), "") for name in FIELDS]
