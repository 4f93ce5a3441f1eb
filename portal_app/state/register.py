"""Events of registration: ask for an account, then set the password from the mailed link."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import register
from portal_app.services.errors import PortalError
from portal_app.services.passwords import PasswordRejected
from portal_app.services.tokens import TokenInvalid
from portal_app.state.feedback import Feedback
from portal_app.state.passwords import cleared_after
from portal_app.state.session import SessionState


class RegisterState(Feedback, SessionState):
    sent_to: str = ""
    busy: bool = False

    def _fresh(self) -> None:
        self._clear_feedback()
        self.sent_to = ""

    @rx.event
    def load(self):
        """A fresh form each time the page opens (the tab may have registered before)."""
        self._fresh()

    @rx.var
    def sent_message(self) -> str:
        return texts.REGISTER_DONE.format(email=self.sent_to)

    @rx.event
    async def submit(self, form_data: dict):
        self._clear_feedback()
        try:
            self.sent_to = await asyncio.to_thread(
                register.register,
                str(form_data.get("email", "")),
                form_data.get("consent") == "on",
            )
        except PortalError as error:  # the address or the consent
            return self._fail(error)
        self._succeed(texts.REGISTER_DONE.format(email=self.sent_to))
        return None


class ConfirmState(Feedback, SessionState):
    """The page behind the mailed link. Opening it uses nothing up; only the form does.
    A link that cannot be used is the page's problem (then it shows no form).

    The token is never kept here (this state belongs to the tab's client token, which a
    reconnect can present): the page sends it with the check and with the submit."""

    link_email: str = ""
    checked: bool = False

    @rx.event
    def load(self):
        """on_load: nothing checked yet (the page sends the check once it is ready)."""
        self._clear_feedback()
        self.link_email = ""
        self.checked = False

    @rx.event
    async def check_link(self, token: str):
        self._clear_feedback()
        try:
            self.link_email = await asyncio.to_thread(register.check_link, str(token))
        except TokenInvalid as error:
            self.link_email = ""
            self.problem = error.message  # shown as the page opens: its alert says it
        self.checked = True

    @rx.event
    async def submit(self, form_data: dict, token: str = ""):
        self._clear_feedback()
        try:
            session_token = await asyncio.to_thread(
                register.confirm_registration,
                str(token),
                str(form_data.get("password", "")),
                str(form_data.get("password_repeat", "")),
                self._user_agent(),
            )
        except PasswordRejected as error:
            return self._fail(error, clear=cleared_after(error))
        except TokenInvalid as error:
            self.link_email = ""
            return self._fail(error)
        email, self.link_email = self.link_email, ""
        return self._start(session_token, email, routes.WELCOME)
