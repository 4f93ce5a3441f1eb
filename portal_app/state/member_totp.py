"""Events of "Zweiter Faktor" under Mein Konto: set up the authenticator, see the recovery
codes once, new codes, turn it off. The secret stays on the server once shown (the page holds
only its QR code and text until the first code confirms it)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import clock, dates, member_totp
from portal_app.services.errors import PortalError
from portal_app.services.sessions import AccountView
from portal_app.state.downloads import send_file
from portal_app.state.feedback import Feedback
from portal_app.state.session import MEMBER, SessionState, guard

# where a page that needs the second factor sends the member, and what the way back is called
_BACK_TITLES = {routes.SEPA: texts.SEPA_TITLE}
_TEAM_PAGES = routes.team("")  # a Betrieb's team page, for its administrators


def _back_title(path: str) -> str:
    if path.startswith(_TEAM_PAGES) and len(path) > len(_TEAM_PAGES):
        return texts.TEAM_TITLE
    return _BACK_TITLES.get(path, "")


CODES_FILE_NAME = "wiederherstellungscodes.txt"


class MemberTotpState(Feedback, SessionState):
    # "overview", "setup", "codes", "renew" or "off": which part the page shows
    step: str = "overview"
    enabled: bool = False
    required: bool = False
    codes_left: int = 0
    secret_text: str = ""
    qr_svg: str = ""
    recovery_codes: list[str] = []
    # the codes come from the set-up (not from "new codes"): the other logins ended
    others_ended: bool = False
    message: str = ""
    back_to: str = ""
    back_label: str = ""

    @rx.var
    def codes_left_text(self) -> str:
        return texts.SECOND_FACTOR_CODES_LEFT.format(count=self.codes_left)

    async def _refresh(self, account_id: int) -> None:
        status = await asyncio.to_thread(member_totp.status, account_id)
        self.enabled, self.required = status.enabled, status.required
        self.codes_left = status.codes_left

    def _forget_secret(self) -> None:
        self.secret_text, self.qr_svg = "", ""

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self._clear_feedback()
        self._forget_secret()
        self.step, self.recovery_codes, self.message, self.others_ended = "overview", [], "", False
        back = routes.safe_next(self.router.url.query_parameters.get("zurueck"), "")
        title = _back_title(back)
        self.back_to = back if title else ""
        self.back_label = texts.SECOND_FACTOR_BACK_TO.format(title=title) if title else ""
        await self._refresh(account.id)

    @guard(MEMBER)
    async def start_setup(self, account: AccountView):
        self._clear_feedback()
        self.message = ""
        try:
            enrollment = await asyncio.to_thread(member_totp.start_setup, account.id)
        except member_totp.SetupRefused as error:
            await self._refresh(account.id)
            return self._fail(error)
        self.secret_text, self.qr_svg = enrollment.secret_text, enrollment.qr_svg
        self.step = "setup"
        self._announce(texts.TOTP_SETUP_TITLE)
        return None

    @guard(MEMBER)
    async def confirm_setup(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        try:
            codes = await asyncio.to_thread(
                member_totp.confirm_setup,
                account.id,
                str(form_data.get("code", ""))[:100],
                self._session_token(),
            )
        except member_totp.CodeRejected as error:
            return self._fail(error, clear=["code"])
        except member_totp.SetupRefused as error:
            self.step = "overview"
            self._forget_secret()
            await self._refresh(account.id)
            return self._fail(error)
        self._forget_secret()
        self._show_codes(codes, texts.SECOND_FACTOR_RECOVERY_INTRO)
        self.others_ended = True
        await self._refresh(account.id)
        return None

    def _show_codes(self, codes: list[str], message: str) -> None:
        self.recovery_codes, self.step, self.message = codes, "codes", message
        self._succeed(message)

    @guard(MEMBER)
    async def show(self, _account: AccountView, part: str):
        """ "Neue Wiederherstellungscodes", "Ausschalten", "Abbrechen": which form to show."""
        self._clear_feedback()
        self._forget_secret()
        self.message = ""
        self.step = part if part in ("renew", "off") else "overview"

    @guard(MEMBER)
    async def codes_noted(self, account: AccountView):
        """ "Ich habe die Codes notiert": the codes leave the page; back where the member
        came from, if a page sent them here."""
        self.recovery_codes, self.step, self.message, self.others_ended = [], "overview", "", False
        await self._refresh(account.id)
        if self.back_to:
            return rx.redirect(self.back_to)
        return None

    @guard(MEMBER)
    async def download_codes(self, account: AccountView):
        """The codes on the page as a text file (to print or keep)."""
        if not self.recovery_codes:
            return None
        body = texts.SECOND_FACTOR_CODES_FILE.format(
            chamber=texts.CHAMBER,
            email=account.email,
            when=dates.format_datetime(clock.now()),
            codes="\n".join(self.recovery_codes),
        )
        return send_file(CODES_FILE_NAME, "text/plain; charset=utf-8", body.encode())

    def _read(self, form_data: dict) -> tuple[str, str]:
        return str(form_data.get("password", ""))[:1000], str(form_data.get("code", ""))[:100]

    @guard(MEMBER)
    async def renew(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        password, code = self._read(form_data)
        try:
            codes = await asyncio.to_thread(member_totp.renew_codes, account.id, password, code)
        except PortalError as error:
            return self._fail(error, clear=["password", "code"])
        self._show_codes(codes, texts.SECOND_FACTOR_RENEWED_INTRO)
        await self._refresh(account.id)
        return None

    @guard(MEMBER)
    async def turn_off(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        password, code = self._read(form_data)
        try:
            await asyncio.to_thread(member_totp.disable, account.id, password, code)
        except PortalError as error:
            return self._fail(error, clear=["password", "code"])
        self.step = "overview"
        self.message = texts.SECOND_FACTOR_TURNED_OFF
        self._succeed(self.message)
        await self._refresh(account.id)
        return None
