"""Events of "Mein Konto"."""

from __future__ import annotations

import reflex as rx

from portal_app.state.formatting import local_date
from portal_app.state.session import SessionState


class AccountState(SessionState):
    registered_on: str = ""

    @rx.event
    async def load(self):
        account = await self._account()
        if account is not None:
            self.registered_on = local_date(account.created_at)
