"""Events of the login form: the password, then, for an account with a second factor, the
code. Between the two steps only the `SecondStep` (account id, deadline, throttle key) stays,
on the server (`_second`); no login exists before the code has passed."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import devices, member_totp, sessions
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.session import VISITOR, SessionState, guard


class LoginState(Feedback, SessionState):
    notice: str = ""
    # "password" or "code": which step the form shows
    step: str = "password"
    _next: str = ""
    _second: sessions.SecondStep | None = None

    def _reset_steps(self) -> None:
        self.step, self._second = "password", None

    @guard(VISITOR)
    async def load(self, account: AccountView | None):
        """Remember where to go afterwards; a member who is logged in goes there at once."""
        asked_for = self.router.url.query_parameters.get("next")
        self._next = routes.safe_next(asked_for)
        self._clear_feedback()
        self._reset_steps()
        self.notice = texts.LOGIN_REQUIRED if asked_for else ""
        if account is not None:
            return rx.redirect(self._next)
        return None

    @rx.event
    async def submit(self, form_data: dict):
        self._clear_feedback()
        try:
            result = await asyncio.to_thread(
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
        if isinstance(result, sessions.SecondStep):
            self._second, self.step = result, "code"
            self._announce(texts.TOTP_CODE_STEP)
            return rx.set_focus("feld-code")
        return await self._logged_in(result)

    async def _logged_in(self, token: str):
        account = await asyncio.to_thread(sessions.current_account, token)
        return self._start(token, account.email, self._next)

    @rx.event
    async def submit_code(self, form_data: dict):
        """Step 2: the code from the authenticator app, or a recovery code."""
        self._clear_feedback()
        if self._second is None:
            self._reset_steps()
            return self._fail(texts.TOTP_TOO_LATE)
        try:
            token = await asyncio.to_thread(
                member_totp.finish_login,
                self._second,
                str(form_data.get("code", ""))[:100],
                self._user_agent(),
                self._session_token(),
            )
        except sessions.LoginThrottled as error:
            return self._fail(error, clear=["code"], focus="code")
        except member_totp.CodeRejected as error:
            if error.field is None:  # too late: start again
                self._reset_steps()
                return self._fail(error)
            return self._fail(error, clear=["code"])
        self._second = None
        return await self._logged_in(token)

    @rx.event
    def start_again(self):
        """ "Von vorn beginnen": back to e-mail and password."""
        self._clear_feedback()
        self._reset_steps()
