"""Events of "Angemeldete Geräte": list the account's sessions, end one or all others."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from portal_app import texts
from portal_app.services import sessions
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import browser_of, local_datetime
from portal_app.state.session import MEMBER, SessionState, guard, parse_id


@dataclasses.dataclass
class SessionRow:
    id: int
    browser: str
    started: str
    last_seen: str
    current: bool
    end_label: str
    second_factor: str = ""


class SessionListState(Feedback, SessionState):
    rows: list[SessionRow] = []
    message: str = ""

    @rx.var
    def has_others(self) -> bool:
        return any(not row.current for row in self.rows)

    async def _refresh(self, account_id: int) -> None:
        views = await asyncio.to_thread(sessions.active_sessions, account_id, self._session_token())
        self.rows = [
            SessionRow(
                id=view.id,
                browser=(browser := browser_of(view.user_agent)),
                started=(started := local_datetime(view.created_at)),
                last_seen=local_datetime(view.last_seen_at),
                current=view.current,
                end_label=texts.SESSIONS_END_LABEL.format(browser=browser, started=started),
                second_factor=texts.SESSIONS_SECOND_FACTOR_YES
                if view.second_factor
                else texts.SESSIONS_SECOND_FACTOR_NO,
            )
            for view in views
        ]

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.message = ""
        self._clear_feedback()
        await self._refresh(account.id)

    @guard(MEMBER)
    async def end_one(self, account: AccountView, session_id: int):
        session_id = parse_id(session_id)
        ended = session_id is not None and await asyncio.to_thread(
            sessions.end_session, account.id, session_id
        )
        events = None
        if ended:
            self.message = texts.SESSIONS_ENDED_ONE
            self._succeed(self.message)
        else:  # not one of this account's, or ended meanwhile
            self.message = ""
            events = self._fail(texts.SESSIONS_NOT_FOUND)
        await self._refresh(account.id)
        return events

    @guard(MEMBER)
    async def end_others(self, account: AccountView):
        await asyncio.to_thread(sessions.end_other_sessions, account.id, self._session_token())
        self.message = texts.SESSIONS_ENDED_OTHERS
        self._succeed(self.message)
        await self._refresh(account.id)
        return None
