"""Events of "Mein Konto"."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app.services import unlock
from portal_app.services.sessions import AccountView
from portal_app.state.formatting import local_date
from portal_app.state.session import MEMBER, SessionState, guard


class AccountState(SessionState):
    registered_on: str = ""
    betriebe: list[str] = []
    personen: list[str] = []

    @rx.var
    def unlocked(self) -> bool:
        return bool(self.betriebe or self.personen)

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.registered_on = local_date(account.created_at)
        rights = await asyncio.to_thread(unlock.capabilities, account.id)
        self.betriebe = [f"{link.label} – {link.name}" for link in rights.betriebe]
        self.personen = [f"{link.label} – {link.name}" for link in rights.personen]
