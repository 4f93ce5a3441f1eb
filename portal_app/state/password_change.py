"""Events of "Passwort ändern" (logged in)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app.services import password_change
from portal_app.services.passwords import PasswordRejected
from portal_app.services.sessions import AccountView
from portal_app.state.fields import field_id
from portal_app.state.passwords import new_password_problem
from portal_app.state.session import MEMBER, SessionState, guard

FIELDS = ("current_password", "password", "password_repeat")


class PasswordChangeState(SessionState):
    current_error: str = ""
    password_error: str = ""
    repeat_error: str = ""
    done: bool = False

    @rx.event
    def load(self):
        self.current_error = self.password_error = self.repeat_error = ""
        self.done = False

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        self.current_error = self.password_error = self.repeat_error = ""
        self.done = False
        try:
            await asyncio.to_thread(
                password_change.change_password,
                account.id,
                self._session_token(),
                *(str(form_data.get(name, "")) for name in FIELDS),
            )
        except password_change.CurrentPasswordWrong as error:
            self.current_error = str(error)
            return [
                rx.set_value(field_id("current_password"), ""),
                rx.set_focus(field_id("current_password")),
            ]
        except PasswordRejected as error:
            return new_password_problem(self, error)
        self.done = True
        return [rx.set_value(field_id(name), "") for name in FIELDS]
