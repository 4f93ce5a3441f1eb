"""The login of this browser: the session cookie, the check on every event, logout.

Every state of a protected feature derives from `SessionState` and calls `self._account()`
at the start of each event: hiding a button is not authorisation. The session token lives in
an HttpOnly cookie that page scripts cannot read; the backend reads it from the websocket
handshake's Cookie header (`self.router.headers.cookie`). Only the HTTP endpoints in
`portal_app.web` set and clear that cookie, so logging in and out ends with a full page load
(`navigate_to`), which also opens a websocket that carries the new cookie.
"""

from __future__ import annotations

import asyncio
import secrets

import reflex as rx

from portal_app import routes
from portal_app.services import session_cookie, sessions, unlock
from portal_app.services.sessions import AccountView


class SessionState(rx.State):
    logged_in: bool = False
    account_email: str = ""
    # A URL the browser loads as a whole page (the cookie endpoints); see components/navigation.
    navigate_to: str = ""

    def _session_token(self) -> str:
        return session_cookie.read(self.router.headers.cookie)

    async def _account(self) -> AccountView | None:
        """Check the session on the server (expiry included); keep the header in step."""
        account = await asyncio.to_thread(sessions.current_account, self._session_token())
        self.logged_in = account is not None
        self.account_email = account.email if account else ""
        return account

    def _user_agent(self) -> str:
        return self.router.headers.user_agent or ""

    def _client(self) -> str:
        return self.router.session.client_ip or ""

    def _to_login(self) -> rx.event.EventSpec:
        """Where a protected event goes when the session has ended meanwhile."""
        return rx.redirect(routes.login(self.router.url.path.rstrip("/") or routes.HOME))

    def _start(self, token: str, email: str, next_path: str = "") -> None:
        """Hand a freshly made session to the cookie endpoint, which then goes on to where the
        member wanted to be. The token itself never reaches the browser's scripts."""
        self.logged_in = True
        self.account_email = email
        self.navigate_to = routes.session_start(sessions.handoff_code(token), next_path)

    @rx.event
    async def check_session(self):
        """on_load of public pages: the header shows the right links."""
        self.navigate_to = ""
        await self._account()

    @rx.event
    async def require_login(self):
        """on_load of protected pages: visitors go to the login and come back afterwards."""
        self.navigate_to = ""
        if await self._account() is None:
            return self._to_login()
        return None

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
        self.navigate_to = ""
        if await self._account() is None:
            return self._to_login()
        if await self._unlocked_account() is None:
            return rx.redirect(routes.UNLOCK_FIRST)
        return None

    @rx.event
    async def logout(self):
        await asyncio.to_thread(sessions.logout, self._session_token())
        self.logged_in = False
        self.account_email = ""
        self.navigate_to = routes.session_end(secrets.token_urlsafe(8))
