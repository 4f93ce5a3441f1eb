"""Events of the login form."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import devices, sessions
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.session import VISITOR, SessionState, guard


class LoginState(Feedback, SessionState):
    notice: str = ""
    _next: str = ""

    @guard(VISITOR)
    async def load(self, account: AccountView | None):
        """Remember where to go afterwards; a member who is logged in goes there at once."""
        asked_for = self.router.url.query_parameters.get("next")
        self._next = routes.safe_next(asked_for)
        self._clear_feedback()
        self.notice = texts.LOGIN_REQUIRED if asked_for else ""
        if account is not None:
            return rx.redirect(self._next)
        return None

    @rx.event
    async def submit(self, form_data: dict):
        self._clear_feedback()
        try:
            token = await asyncio.to_thread(
                sessions.login,
                str(form_data.get("email", "")),
                str(form_data.get("password", "")),
                self._user_agent(),
                self._session_token(),
                self._client(),
                devices.read(self.router.headers.cookie),
            )
        except sessions.LoginThrottled as error:
            return self._fail(error, clear=["password"])
        except sessions.LoginIncomplete as error:  # a missing entry is named at its field
            return self._fail(error)
        except sessions.LoginFailed as error:
            return self._fail(error, clear=["password"], focus="password")
        account = await asyncio.to_thread(sessions.current_account, token)
        return self._start(token, account.email, self._next)
