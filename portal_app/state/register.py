"""Events of registration: ask for an account, then set the password from the mailed link."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import register
from portal_app.services.passwords import PasswordMismatch, PasswordRejected
from portal_app.services.tokens import TokenInvalid, TokenProblem
from portal_app.state.fields import field_id
from portal_app.state.session import SessionState

TOKEN_MESSAGES = {
    TokenProblem.UNKNOWN: texts.TOKEN_UNKNOWN,
    TokenProblem.EXPIRED: texts.TOKEN_EXPIRED,
    TokenProblem.USED: texts.TOKEN_USED,
}


class RegisterState(SessionState):
    email_error: str = ""
    consent_error: str = ""
    sent_to: str = ""
    busy: bool = False

    def _fresh(self) -> None:
        self.email_error = self.consent_error = self.sent_to = ""

    @rx.event
    def load(self):
        """A fresh form each time the page opens (the tab may have registered before)."""
        self._fresh()

    @rx.var
    def sent_message(self) -> str:
        return texts.REGISTER_DONE.format(email=self.sent_to)

    @rx.event
    async def submit(self, form_data: dict):
        self.email_error = self.consent_error = ""
        try:
            self.sent_to = await asyncio.to_thread(
                register.register,
                str(form_data.get("email", "")),
                form_data.get("consent") == "on",
            )
        except register.EmailRejected as error:
            self.email_error = str(error)
            return rx.set_focus(field_id("email"))
        except register.ConsentMissing as error:
            self.consent_error = str(error)
            return rx.set_focus(field_id("consent"))


class ConfirmState(SessionState):
    """The page behind the mailed link. Opening it uses nothing up; only the form does."""

    link_email: str = ""
    link_problem: str = ""
    password_error: str = ""
    repeat_error: str = ""
    checked: bool = False
    _token: str = ""

    @rx.event
    async def load_link(self):
        self._token = self.router.url.query_parameters.get("token", "")
        self.password_error = self.repeat_error = ""
        try:
            self.link_email = await asyncio.to_thread(register.check_link, self._token)
            self.link_problem = ""
        except TokenInvalid as error:
            self.link_email = ""
            self.link_problem = TOKEN_MESSAGES[error.problem]
        self.checked = True

    @rx.event
    async def submit(self, form_data: dict):
        self.password_error = self.repeat_error = ""
        try:
            token = await asyncio.to_thread(
                register.confirm_registration,
                self._token,
                str(form_data.get("password", "")),
                str(form_data.get("password_repeat", "")),
                self._user_agent(),
            )
        except PasswordMismatch as error:
            self.repeat_error = str(error)
            return [
                rx.set_value(field_id("password_repeat"), ""),
                rx.set_focus(field_id("password_repeat")),
            ]
        except PasswordRejected as error:
            self.password_error = str(error)
            return rx.set_focus(field_id("password"))
        except TokenInvalid as error:
            self.link_problem = TOKEN_MESSAGES[error.problem]
            self.link_email = ""
            return None
        return self._start(token, self.link_email, routes.WELCOME)
