"""The login of this browser and the one guard every event goes through.

A handler asks for what it needs, like FastAPI's `CurrentUser`, and gets the account handed
over; nobody writes the check by hand:

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict): ...

`VISITOR` hands over the account or None (open to everyone), `MEMBER` a logged-in account,
`UNLOCKED` a logged-in account that is unlocked for a Betrieb or Person.

The chamber's staff are another kind of account with their own cookie; their handlers name
the staff member instead of the account:

    @guard(STAFF)
    async def assign(self, staff: StaffView, item_id): ...

`STAFF` hands over a logged-in staff member (password and second factor passed, not
deactivated), `STAFF_ADMIN` an administrator. A member's login never passes them (the member
cookie is not read for them), and a staff login never passes a member's guard. Refused:
someone not logged in as staff goes to the staff login (`/verwaltung/anmelden?next=…`), a
staff member who is no administrator to the Eingang. When the check fails
the guard reacts the same way everywhere:
- someone who was never logged in on this page goes to the login and comes back afterwards;
- a member whose login ended while the page was open (idle timeout, logout elsewhere) keeps
  the page and what they typed: a dialog says so, they log in again in a new tab and send
  again. The guard closes this tab's websocket, so the next event opens a new one that
  carries the new session cookie;
- a member who is not unlocked goes to /freischalten.

The session token lives in an HttpOnly cookie that page scripts cannot read; the backend reads
it from the websocket handshake's Cookie header (`self.router.headers.cookie`). Only the HTTP
endpoints in `portal_app.web` set and clear that cookie, so logging in and out ends with a full
page load (`navigate_to`), which also opens a websocket that carries the new cookie.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import functools
import inspect
import logging
import secrets

import reflex as rx

from portal_app import routes, texts
from portal_app.services import (
    postfach,
    session_cookie,
    sessions,
    staff_cookie,
    staff_login,
    unlock,
)
from portal_app.services.sessions import AccountView
from portal_app.services.staff import StaffView

log = logging.getLogger(__name__)


class Access(enum.Enum):
    VISITOR = "visitor"
    MEMBER = "member"
    UNLOCKED = "unlocked"
    STAFF = "staff"
    STAFF_ADMIN = "staff_admin"


VISITOR, MEMBER, UNLOCKED = Access.VISITOR, Access.MEMBER, Access.UNLOCKED
STAFF, STAFF_ADMIN = Access.STAFF, Access.STAFF_ADMIN
STAFF_KINDS = (STAFF, STAFF_ADMIN)

# Every guarded handler: (module, qualified name, access); the security tests call each staff
# handler with a member's login and a non-admin's.
GUARDED: list[tuple[str, str, Access]] = []

# How long the guard waits before closing the websocket of an ended session: long enough for
# the answer (the dialog) to reach the browser first.
RECONNECT_DELAY_SECONDS = 0.5


def parse_id(value) -> int | None:
    """An id the browser sent, as int; anything else (text, bool, float, negative) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 10**12 else None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 12:
        return int(value) or None
    return None


def guard(access: Access, *, background: bool = False):
    """The one guard: resolve the account on the server, hand it to the handler as its first
    argument, react to a missing or ended session in one way (see the module docstring).

    The browser sees the handler's signature without `account` (`staff`), so it can never
    pass one."""
    who = "staff" if access in STAFF_KINDS else "account"

    def decorate(handler):
        signature = inspect.signature(handler)
        params = list(signature.parameters.values())
        if len(params) < 2 or params[1].name.lstrip("_") != who:
            raise TypeError(f"{handler.__qualname__}: a guarded handler's 2nd arg is `{who}`")
        GUARDED.append((handler.__module__, handler.__qualname__, access))

        async def resolve(state: SessionState):
            if access in STAFF_KINDS:
                staff = await state._resolve_staff(access)
                return (staff, None) if staff is not None else (None, state._staff_refused())
            account = await state._resolve(access)
            if account is None and access is not VISITOR:
                return None, state._refused()
            return account, None

        @functools.wraps(handler)
        async def wrapper(self, *args, **kwargs):
            # a background handler may touch its state only while it holds it
            async with self if background else contextlib.nullcontext():
                account, refusal = await resolve(self)
            if refusal is not None:
                return refusal
            return await handler(self, account, *args, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=[params[0], *params[2:]])
        wrapper.__annotations__ = {
            k: v for k, v in handler.__annotations__.items() if k != params[1].name
        }
        return rx.event(wrapper, background=True) if background else rx.event(wrapper)

    return decorate


class SessionState(rx.State):
    logged_in: bool = False
    account_email: str = ""
    # the server has checked this tab's login at least once (the header waits for it)
    session_known: bool = False
    # The login ended while this page was open: the frame shows a dialog, the page stays.
    session_ended: bool = False
    # The same, kept in the tab (sessionStorage): a reconnect that gets a fresh state (another
    # worker, a restarted Redis, a new token) still keeps the page. It only keeps a page's
    # frame; every event still checks the login on the server.
    ended_mark: str = rx.SessionStorage("", name="kp_anmeldung_beendet")
    # A URL the browser loads as a whole page (the cookie endpoints); see components/navigation.
    navigate_to: str = ""
    # What the page's live region reads out; a new id makes a repeated message count as new.
    announcement: str = ""
    announcement_id: int = 0
    just_logged_out: bool = False
    # True from the start of a page's on_load events until the last one has run: forms wait
    # for it (assets/portal.js), so an early click is not answered by the page's reset.
    page_loading: bool = True
    # the staff login of this tab (the staff header shows the name and the admin's links)
    staff_logged_in: bool = False
    staff_name: str = ""
    staff_is_admin: bool = False
    # the staff member's departments (the staff header shows a department's pages only to them)
    staff_departments: list[str] = []
    # unread messages in the member's Postfach (the navigation shows it; counted at page loads)
    postfach_unread: int = 0
    # the websocket closes once the page has loaded (`_end_page_session`), each one once
    _reconnect_due: bool = False
    _closing_sid: str = ""

    def _announce(self, message: str) -> None:
        """Have screen readers read a success or error message (see components/session_dialog)."""
        self.announcement = message
        self.announcement_id += 1

    def _session_token(self) -> str:
        return session_cookie.read(self.router.headers.cookie)

    async def _count_unread(self, account: AccountView | None) -> None:
        unread = await postfach.unread_count_of_event(account.id) if account else 0
        if self.postfach_unread != unread:
            self.postfach_unread = unread

    async def _account(self) -> AccountView | None:
        """Check the session on the server (expiry included); keep the header in step."""
        account = await sessions.current_account_of_event(self._session_token())
        # only what changed: every var set counts as changed in the answer to the browser
        _set_changed(
            self,
            logged_in=account is not None,
            session_known=True,
            account_email=account.email if account else "",
        )
        if account is not None and (self.session_ended or self.ended_mark):
            self.session_ended, self.ended_mark = False, ""
        return account

    def _ended(self) -> bool:
        """Whether the login ended while this tab's page was open (see `ended_mark`)."""
        if self.ended_mark and not self.session_ended:
            self.session_ended = True
        return self.session_ended

    async def _resolve(self, access: Access, *, on_page: bool = True) -> AccountView | None:
        """The account this event may act for, or None (see `guard`). `on_page`: the event
        comes from an open page, so an ended login keeps that page (not so for a page load)."""
        was_logged_in = self.logged_in
        account = await self._account()
        if account is None:
            if on_page and access is not VISITOR and (was_logged_in or self._ended()):
                self._end_page_session()
            return None
        if access is UNLOCKED:
            rights = await asyncio.to_thread(unlock.capabilities, account.id)
            if not rights.unlocked:
                return None
        return account

    def _staff_token(self) -> str:
        return staff_cookie.read(self.router.headers.cookie)

    async def _staff(self) -> StaffView | None:
        """Check the staff session on the server (idle timeout, deactivation included)."""
        staff = await asyncio.to_thread(staff_login.current_staff, self._staff_token())
        _set_changed(
            self,
            staff_logged_in=staff is not None,
            staff_name=staff.name if staff else "",
            staff_is_admin=bool(staff and staff.is_admin),
            staff_departments=list(staff.departments) if staff else [],
        )
        return staff

    async def _resolve_staff(self, access: Access) -> StaffView | None:
        staff = await self._staff()
        if staff is None or (access is STAFF_ADMIN and not staff.is_admin):
            return None
        return staff

    def _staff_refused(self):
        """The one answer to a staff event the staff session does not allow."""
        if not self.staff_logged_in:
            return rx.redirect(routes.staff_login(self.router.url.path.rstrip("/")))
        return rx.redirect(routes.STAFF_INBOX)

    def _refused(self):
        """The one answer to an event the session does not allow."""
        if self._ended():
            return None  # the dialog says what to do; the page and its input stay
        if not self.logged_in:
            return rx.redirect(routes.login(self.router.url.path.rstrip("/") or routes.HOME))
        return rx.redirect(routes.UNLOCK_FIRST)

    def _end_page_session(self) -> None:
        """Show the dialog and close this tab's websocket, so the next event (after a new
        login in another tab) opens one with the new cookie.

        Not while the page's on_load events run (a reconnect runs them again): closing the
        websocket would cancel the rest of them and leave the page busy for good;
        `page_loaded` closes it then. Once per websocket."""
        self.session_ended, self.ended_mark = True, "1"
        self._reconnect_due = True
        if not self.page_loading:
            self._reconnect()

    def _reconnect(self) -> None:
        self._reconnect_due = False
        sid = self.router.session.session_id
        if sid and sid != self._closing_sid:
            self._closing_sid = sid
            asyncio.get_running_loop().call_later(
                RECONNECT_DELAY_SECONDS, lambda: asyncio.ensure_future(_disconnect(sid))
            )

    def _user_agent(self) -> str:
        return self.router.headers.user_agent or ""

    def _client(self) -> str:
        return self.router.session.client_ip or ""

    def _start(self, token: str, email: str, next_path: str = "") -> None:
        """Hand a freshly made session to the cookie endpoint, which then goes on to where the
        member wanted to be. The token itself never reaches the browser's scripts."""
        self.logged_in = True
        self.account_email = email
        self.navigate_to = routes.session_start(sessions.handoff_code(token), next_path)

    @rx.event
    async def check_session(self):
        """on_load of public pages: the header shows the right links; after a logout the start
        page says so."""
        _set_changed(self, navigate_to="", announcement="", page_loading=True)
        await self._count_unread(await self._account())
        self.just_logged_out = (
            self.router.url.query_parameters.get("abgemeldet") == "1" and not self.logged_in
        )
        if self.just_logged_out:
            self._announce(texts.LOGGED_OUT)

    @rx.event
    async def require_login(self):
        """on_load of protected pages: visitors go to the login and come back afterwards."""
        return await self._page_check(MEMBER)

    @rx.event
    async def require_unlocked(self):
        """on_load of unlocked services: visitors log in first, members unlock first."""
        return await self._page_check(UNLOCKED)

    async def _page_check(self, access: Access):
        if self._ended():
            # a reconnect while the dialog is open: keep the page and what was said (the
            # answer to "Weiter" may have come before these on_load events)
            _set_changed(self, navigate_to="", page_loading=True)
            await self._account()
            return None
        _set_changed(self, navigate_to="", announcement="", page_loading=True)
        account = await self._resolve(access, on_page=False)
        if account is None:
            return self._refused()
        await self._count_unread(account)
        return None

    @rx.event
    async def require_staff(self):
        """on_load of staff pages: anyone not logged in as staff goes to the staff login."""
        return await self._staff_page_check(STAFF)

    @rx.event
    async def require_staff_admin(self):
        """on_load of administrators' pages: other staff go to the Eingang."""
        return await self._staff_page_check(STAFF_ADMIN)

    async def _staff_page_check(self, access: Access):
        _set_changed(self, navigate_to="", announcement="", page_loading=True)
        if await self._resolve_staff(access) is None:
            return self._staff_refused()
        return None

    @rx.event
    async def check_staff_session(self):
        """on_load of the staff's open pages (login, set-up): the header in step."""
        _set_changed(self, navigate_to="", announcement="", page_loading=True)
        await self._staff()

    @rx.event
    async def staff_logout(self):
        self.staff_logged_in, self.staff_name, self.staff_is_admin = False, "", False
        self.staff_departments = []
        self.navigate_to = routes.staff_session_end(secrets.token_urlsafe(8))

    async def _start_staff(self, token: str, next_path: str = "") -> bool:
        """Hand a fresh staff session to the cookie endpoint (see `_start`)."""
        code = await asyncio.to_thread(staff_login.handoff, token)
        if code is None:
            return False
        self.navigate_to = routes.staff_session_start(code, next_path)
        return True

    @rx.event
    def page_loaded(self):
        """The last on_load event of every page (portal_app.py): the page is ready."""
        self.page_loading = False
        if self._reconnect_due:
            self._reconnect()

    @rx.event
    async def resume(self):
        """ "Weiter" in the dialog: close it once the member has logged in again."""
        if await self._account() is None:
            self._end_page_session()  # the next try comes over a new websocket again
            self._announce(texts.SESSION_ENDED_STILL)
        return None

    @rx.event
    async def logout(self):
        await asyncio.to_thread(sessions.logout, self._session_token())
        self.logged_in, self.session_ended, self.ended_mark = False, False, ""
        self.account_email = ""
        self.navigate_to = routes.session_end(secrets.token_urlsafe(8), routes.LOGGED_OUT)


def _set_changed(state: rx.State, **values) -> None:
    for name, value in values.items():
        if getattr(state, name) != value:
            setattr(state, name, value)


async def _disconnect(sid: str) -> None:
    from reflex.utils.prerequisites import get_app  # the app module imports this one

    try:
        await get_app().app.sio.disconnect(sid, namespace="/_event")
    except Exception:  # the socket may already be gone; the next event reconnects anyway
        log.debug("websocket %s already closed", sid, exc_info=True)
