"""Events of the set-up page (`/verwaltung/einrichten?token=…`): password, authenticator,
recovery codes; then into the Eingang."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import passwords, staff_setup
from portal_app.state.feedback import Feedback
from portal_app.state.session import SessionState


class StaffSetupState(Feedback, SessionState):
    # "link_invalid", "password", "totp" or "done": which step the page shows
    step: str = "password"
    setup_name: str = ""
    secret_text: str = ""
    qr_svg: str = ""
    recovery_codes: list[str] = []
    _token: str = ""
    _session_token: str = ""

    @rx.var
    def intro(self) -> str:
        return texts.STAFF_SETUP_INTRO.format(name=self.setup_name)

    @rx.event
    async def load(self):
        self._token = self.router.url.query_parameters.get("token", "")
        self._clear_feedback()
        self.secret_text, self.qr_svg, self.recovery_codes = "", "", []
        self._session_token = ""
        try:
            start = await asyncio.to_thread(staff_setup.check_link, self._token)
        except staff_setup.SetupLinkInvalid as error:
            self.step = "link_invalid"
            self.problem = error.message
            return None
        self.setup_name = start.name
        self.step = "password"
        return None

    @rx.event
    async def submit_password(self, form_data: dict):
        self._clear_feedback()
        try:
            enrollment = await asyncio.to_thread(
                staff_setup.set_password,
                self._token,
                str(form_data.get("password", "")),
                str(form_data.get("password_repeat", "")),
            )
        except passwords.PasswordRejected as error:
            return self._fail(error, clear=["password", "password_repeat"])
        except staff_setup.SetupLinkInvalid as error:
            self.step = "link_invalid"
            return self._fail(error)
        self.secret_text, self.qr_svg = enrollment.secret_text, enrollment.qr_svg
        self.step = "totp"
        self._announce(texts.STAFF_TOTP_TITLE)
        return None

    @rx.event
    async def submit_code(self, form_data: dict):
        self._clear_feedback()
        try:
            done = await asyncio.to_thread(
                staff_setup.confirm, self._token, str(form_data.get("code", "")), self._user_agent()
            )
        except staff_setup.SetupCodeWrong as error:
            return self._fail(error, clear=["code"])
        except staff_setup.SetupLinkInvalid as error:
            self.step = "link_invalid"
            return self._fail(error)
        self._session_token = done.session_token
        self.recovery_codes = done.recovery_codes
        self.secret_text, self.qr_svg = "", ""
        self.step = "done"
        self._announce(texts.STAFF_RECOVERY_TITLE)
        return None

    @rx.event
    async def go_on(self):
        """ "Weiter zum Eingang": the new session goes into the staff cookie."""
        token, self._session_token = self._session_token, ""
        self.recovery_codes = []
        if not token or not await self._start_staff(token, routes.STAFF_INBOX):
            return rx.redirect(routes.STAFF_LOGIN)
        return None
