"""Events of the staff login: password first, then the confirmation code (TOTP or a recovery
code). Between the steps only the staff id and a deadline stay on the server (`_private`)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import staff_login
from portal_app.services.staff_login import PasswordPassed
from portal_app.state.feedback import Feedback
from portal_app.state.session import SessionState


class StaffLoginState(Feedback, SessionState):
    # "password" or "code": which step the page shows
    step: str = "password"
    notice: str = ""
    _next: str = ""
    _passed: PasswordPassed | None = None

    @rx.event
    async def load(self):
        """Remember where to go afterwards; staff already logged in go there at once."""
        query = self.router.url.query_parameters
        self._next = routes.staff_next(query.get("next"))
        self._clear_feedback()
        self.step, self._passed = "password", None
        self.notice = texts.STAFF_LOGGED_OUT if query.get("abgemeldet") == "1" else ""
        if self.notice:
            self._announce(self.notice)
        if self.staff_logged_in:
            return rx.redirect(self._next)
        return None

    @rx.event
    async def submit_password(self, form_data: dict):
        self._clear_feedback()
        self.notice = ""
        try:
            self._passed = await asyncio.to_thread(
                staff_login.check_password,
                str(form_data.get("email", "")),
                str(form_data.get("password", "")),
                self._client(),
            )
        except staff_login.StaffLoginThrottled as error:
            return self._fail(error, clear=["password"])
        except staff_login.StaffLoginFailed as error:
            return self._fail(error, clear=["password"], focus="password")
        self.step = "code"
        self._announce(texts.TOTP_CODE_STEP)
        return rx.set_focus("feld-code")

    @rx.event
    async def submit_code(self, form_data: dict):
        self._clear_feedback()
        if self._passed is None:
            self.step = "password"
            return self._fail(texts.TOTP_TOO_LATE)
        try:
            token = await asyncio.to_thread(
                staff_login.check_code,
                self._passed,
                str(form_data.get("code", "")),
                self._client(),
                self._user_agent(),
            )
        except staff_login.StaffLoginThrottled as error:
            return self._fail(error, clear=["code"], focus="code")
        except staff_login.CodeRejected as error:
            if error.field is None:  # too late: start again
                self.step, self._passed = "password", None
                return self._fail(error)
            return self._fail(error, clear=["code"])
        self._passed = None
        if not await self._start_staff(token, self._next):
            return self._fail(texts.TOTP_TOO_LATE)
        return None
