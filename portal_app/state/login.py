"""Events of the login form."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import sessions
from portal_app.services.sessions import AccountView
from portal_app.state.fields import field_id
from portal_app.state.formatting import local_datetime
from portal_app.state.session import VISITOR, SessionState, guard


class LoginState(SessionState):
    error: str = ""
    email_error: str = ""
    password_error: str = ""
    notice: str = ""
    _next: str = ""

    @guard(VISITOR)
    async def load(self, account: AccountView | None):
        """Remember where to go afterwards; a member who is logged in goes there at once."""
        asked_for = self.router.url.query_parameters.get("next")
        self._next = routes.safe_next(asked_for)
        self.error = self.email_error = self.password_error = ""
        self.notice = texts.LOGIN_REQUIRED if asked_for else ""
        if account is not None:
            return rx.redirect(self._next)
        return None

    @rx.event
    async def submit(self, form_data: dict):
        self.error = self.email_error = self.password_error = ""
        email = str(form_data.get("email", ""))
        password = str(form_data.get("password", ""))
        if not email.strip() or not password:  # a missing entry is named at its field
            self.email_error = "" if email.strip() else texts.EMAIL_EMPTY
            self.password_error = "" if password else texts.LOGIN_PASSWORD_MISSING
            self._announce(self.email_error or self.password_error)
            return rx.set_focus(field_id("password" if email.strip() else "email"))
        try:
            token = await asyncio.to_thread(
                sessions.login,
                email,
                password,
                self._user_agent(),
                self._session_token(),
                self._client(),
            )
        except sessions.LoginThrottled as error:
            self.error = self._throttled_message(error)
            self._announce(self.error)
            return rx.set_value(field_id("password"), "")
        except sessions.LoginFailed:
            self.error = texts.LOGIN_FAILED
            self._announce(self.error)
            return [rx.set_value(field_id("password"), ""), rx.set_focus(field_id("password"))]
        account = await asyncio.to_thread(sessions.current_account, token)
        return self._start(token, account.email, self._next)

    @staticmethod
    def _throttled_message(error: sessions.LoginThrottled) -> str:
        if error.paused:
            return texts.LOGIN_PAUSED.format(until=local_datetime(error.until))
        return texts.LOGIN_WAIT.format(seconds=error.seconds)
