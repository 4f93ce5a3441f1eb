"""Events of the login form."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import sessions
from portal_app.state.fields import field_id
from portal_app.state.formatting import local_datetime
from portal_app.state.session import SessionState


class LoginState(SessionState):
    error: str = ""
    notice: str = ""
    _next: str = ""

    @rx.event
    async def load(self):
        """Remember where to go afterwards; a member who is logged in goes there at once."""
        asked_for = self.router.url.query_parameters.get("next")
        self._next = routes.safe_next(asked_for)
        self.error = ""
        self.notice = texts.LOGIN_REQUIRED if asked_for else ""
        if await self._account() is not None:
            return rx.redirect(self._next)
        return None

    @rx.event
    async def submit(self, form_data: dict):
        self.error = ""
        email = str(form_data.get("email", ""))
        try:
            token = await asyncio.to_thread(
                sessions.login,
                email,
                str(form_data.get("password", "")),
                self._user_agent(),
                self._session_token(),
                self._client(),
            )
        except sessions.LoginThrottled as error:
            self.error = self._throttled_message(error)
            return rx.set_value(field_id("password"), "")
        except sessions.LoginFailed:
            self.error = texts.LOGIN_FAILED
            return [rx.set_value(field_id("password"), ""), rx.set_focus(field_id("password"))]
        account = await asyncio.to_thread(sessions.current_account, token)
        return self._start(token, account.email, self._next)

    @staticmethod
    def _throttled_message(error: sessions.LoginThrottled) -> str:
        if error.paused:
            return texts.LOGIN_PAUSED.format(until=local_datetime(error.until))
        return texts.LOGIN_WAIT.format(seconds=error.seconds)
