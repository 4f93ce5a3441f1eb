"""Events of "Passwort vergessen": ask for a link, then set a new password with it."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import password_reset
from portal_app.services.passwords import PasswordRejected
from portal_app.services.tokens import TokenInvalid, TokenProblem
from portal_app.state.fields import field_id
from portal_app.state.passwords import new_password_problem
from portal_app.state.session import SessionState

LINK_PROBLEMS = {
    TokenProblem.UNKNOWN: texts.TOKEN_UNKNOWN,
    TokenProblem.EXPIRED: texts.RESET_TOKEN_EXPIRED,
    TokenProblem.USED: texts.RESET_TOKEN_USED,
}


class ForgotState(SessionState):
    email_error: str = ""
    sent_to: str = ""

    @rx.event
    def load(self):
        self.email_error = self.sent_to = ""

    @rx.var
    def sent_message(self) -> str:
        return texts.FORGOT_DONE.format(email=self.sent_to)

    @rx.event
    async def submit(self, form_data: dict):
        self.email_error = ""
        try:
            self.sent_to = await asyncio.to_thread(
                password_reset.request_reset, str(form_data.get("email", ""))
            )
        except password_reset.EmailRejected as error:
            self.email_error = str(error)
            return rx.set_focus(field_id("email"))
        return None


class ResetState(SessionState):
    """The page behind the mailed link. Opening it uses nothing up; only the form does."""

    link_problem: str = ""
    password_error: str = ""
    repeat_error: str = ""
    checked: bool = False
    done: bool = False
    _token: str = ""

    @rx.event
    async def load_link(self):
        self._token = self.router.url.query_parameters.get("token", "")
        self.password_error = self.repeat_error = ""
        self.done = False
        try:
            await asyncio.to_thread(password_reset.check_link, self._token)
            self.link_problem = ""
        except TokenInvalid as error:
            self.link_problem = LINK_PROBLEMS[error.problem]
        self.checked = True

    @rx.event
    async def submit(self, form_data: dict):
        self.password_error = self.repeat_error = ""
        try:
            await asyncio.to_thread(
                password_reset.reset_password,
                self._token,
                str(form_data.get("password", "")),
                str(form_data.get("password_repeat", "")),
            )
        except PasswordRejected as error:
            return new_password_problem(self, error)
        except TokenInvalid as error:
            self.link_problem = LINK_PROBLEMS[error.problem]
            return None
        self.done = True
        self.logged_in = False
        self.account_email = ""
        return None
