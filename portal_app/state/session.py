"""The login of this browser: the session cookie, the check on every event, logout.

Every state of a protected feature derives from `SessionState` and calls `self._account()`
at the start of each event: hiding a button is not authorisation.
"""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import sessions, unlock
from portal_app.services.sessions import AccountView
from portal_app.settings import settings


class SessionState(rx.State):
    session_token: str = rx.Cookie(
        "",
        name="kp_sitzung",
        path="/",
        same_site="strict",
        secure=settings.base_url.startswith("https://"),
        max_age=settings.session_absolute_hours * 3600,
    )
    logged_in: bool = False
    account_email: str = ""

    async def _account(self) -> AccountView | None:
        """Check the session on the server; keep the header's view of it in step."""
        account = await asyncio.to_thread(sessions.current_account, self.session_token)
        self.logged_in = account is not None
        self.account_email = account.email if account else ""
        if account is None and self.session_token:
            self.session_token = ""
        return account

    def _user_agent(self) -> str:
        return self.router.headers.user_agent or ""

    def _start(self, token: str, email: str, next_path: str = "") -> rx.event.EventSpec:
        """Keep a freshly made session token and go on to where the member wanted to be."""
        self.session_token = token
        self.logged_in = True
        self.account_email = email
        return rx.redirect(routes.safe_next(next_path))

    @rx.event
    async def check_session(self):
        """on_load of public pages: the header shows the right links."""
        await self._account()

    @rx.event
    async def require_login(self):
        """on_load of protected pages: visitors go to the login and come back afterwards."""
        if await self._account() is None:
            return rx.redirect(routes.login(self.router.url.path.rstrip("/") or routes.HOME))

    async def _unlocked_account(self) -> AccountView | None:
        """The account if it is logged in and unlocked: the guard of every event of an
        unlocked service (SEPA, documents, Vorlagen). None means: refuse."""
        account = await self._account()
        if account is None:
            return None
        rights = await asyncio.to_thread(unlock.capabilities, account.id)
        return account if rights.unlocked else None

    @rx.event
    async def require_unlocked(self):
        """on_load of unlocked services: visitors log in first, members unlock first."""
        if await self._account() is None:
            return rx.redirect(routes.login(self.router.url.path.rstrip("/") or routes.HOME))
        if await self._unlocked_account() is None:
            return [rx.redirect(routes.UNLOCK), rx.toast.info(texts.UNLOCK_REQUIRED)]
        return None

    @rx.event
    async def logout(self):
        await asyncio.to_thread(sessions.logout, self.session_token)
        self.session_token = ""
        self.logged_in = False
        self.account_email = ""
        return rx.redirect(routes.HOME)
