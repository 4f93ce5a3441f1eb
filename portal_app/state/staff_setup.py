"""Events of the set-up page (`/verwaltung/einrichten?token=…`): password, authenticator,
recovery codes; then into the Eingang.

The link's token is never kept here (this state belongs to the tab's client token, which a
reconnect can present): the page sends it with each event that checks or uses it
(components/link_token.py). Nor is the new session's token: the confirmation hands it at once
to the staff cookie endpoint, which brings the tab back to this page, logged in, showing the
recovery codes."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import passwords, staff_setup
from portal_app.services.staff import StaffView
from portal_app.state.feedback import Feedback
from portal_app.state.session import STAFF, SessionState, guard


class StaffSetupState(Feedback, SessionState):
    # "checking", "link_invalid", "password", "totp" or "done": which step the page shows
    step: str = "checking"
    setup_name: str = ""
    secret_text: str = ""
    qr_svg: str = ""
    recovery_codes: list[str] = []

    @rx.var
    def intro(self) -> str:
        return texts.STAFF_SETUP_INTRO.format(name=self.setup_name)

    @rx.event
    def load(self):
        """on_load: start afresh, unless the tab comes back from the cookie endpoint right
        after the set-up (logged in, its recovery codes still to be noted)."""
        self._clear_feedback()
        if self.step == "done" and self.recovery_codes and self.staff_logged_in:
            return
        self.step, self.secret_text, self.qr_svg, self.recovery_codes = "checking", "", "", []

    @rx.event
    async def check_link(self, token: str):
        if self.step == "done":
            return
        try:
            start = await asyncio.to_thread(staff_setup.check_link, str(token))
        except staff_setup.SetupLinkInvalid as error:
            self.step = "link_invalid"
            self.problem = error.message
            return
        self.setup_name = start.name
        self.step = "password"

    @rx.event
    async def submit_password(self, form_data: dict, token: str = ""):
        self._clear_feedback()
        try:
            enrollment = await asyncio.to_thread(
                staff_setup.set_password,
                str(token),
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
        self._announce(texts.TOTP_SETUP_TITLE)
        return None

    @rx.event
    async def submit_code(self, form_data: dict, token: str = ""):
        self._clear_feedback()
        try:
            done = await asyncio.to_thread(
                staff_setup.confirm, str(token), str(form_data.get("code", "")), self._user_agent()
            )
        except staff_setup.SetupCodeWrong as error:
            return self._fail(error, clear=["code"])
        except staff_setup.SetupLinkInvalid as error:
            self.step = "link_invalid"
            return self._fail(error)
        self.recovery_codes = done.recovery_codes
        self.secret_text, self.qr_svg = "", ""
        self.step = "done"
        if not await self._start_staff(done.session_token, routes.STAFF_SETUP):
            return rx.redirect(routes.STAFF_LOGIN)
        return None

    @guard(STAFF)
    async def go_on(self, staff: StaffView):
        """ "Weiter zum Eingang": the codes leave the tab's state."""
        self.recovery_codes, self.step = [], "checking"
        return rx.redirect(routes.STAFF_INBOX)
