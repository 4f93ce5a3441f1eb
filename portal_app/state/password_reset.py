"""Events of "Passwort vergessen": ask for a link, then set a new password with it."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import password_reset
from portal_app.services.passwords import PasswordRejected
from portal_app.services.tokens import TokenInvalid
from portal_app.state.feedback import Feedback
from portal_app.state.passwords import cleared_after
from portal_app.state.session import SessionState


class ForgotState(Feedback, SessionState):
    sent_to: str = ""

    @rx.event
    def load(self):
        self._clear_feedback()
        self.sent_to = ""

    @rx.var
    def sent_message(self) -> str:
        return texts.FORGOT_DONE.format(email=self.sent_to)

    @rx.event
    async def submit(self, form_data: dict):
        self._clear_feedback()
        try:
            self.sent_to = await asyncio.to_thread(
                password_reset.request_reset, str(form_data.get("email", ""))
            )
        except password_reset.EmailRejected as error:
            return self._fail(error)
        self._succeed(texts.FORGOT_DONE.format(email=self.sent_to))
        return None


class ResetState(Feedback, SessionState):
    """The page behind the mailed link. Opening it uses nothing up; only the form does.
    A link that cannot be used is the page's problem (then it shows no form).

    The token is never kept here (this state belongs to the tab's client token, which a
    reconnect can present): the page sends it with the check and with the submit."""

    checked: bool = False
    done: bool = False

    @rx.event
    def load(self):
        """on_load: nothing checked yet (the page sends the check once it is ready)."""
        self._clear_feedback()
        self.checked = self.done = False

    @rx.event
    async def check_link(self, token: str):
        self._clear_feedback()
        try:
            await asyncio.to_thread(password_reset.check_link, str(token))
        except TokenInvalid as error:
            self.problem = error.message  # shown as the page opens: its alert says it
        self.checked = True

    @rx.event
    async def submit(self, form_data: dict, token: str = ""):
        self._clear_feedback()
        try:
            await asyncio.to_thread(
                password_reset.reset_password,
                str(token),
                str(form_data.get("password", "")),
                str(form_data.get("password_repeat", "")),
            )
        except PasswordRejected as error:
            return self._fail(error, clear=cleared_after(error))
        except TokenInvalid as error:
            return self._fail(error)
        self.done = True
        self.logged_in = False
        self.account_email = ""
        self._succeed(texts.RESET_DONE)
        return None
