"""Events of "Mein Konto"."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import team, unlock
from portal_app.services.sessions import AccountView
from portal_app.state.formatting import local_date
from portal_app.state.session import MEMBER, SessionState, guard


class AccountState(SessionState):
    registered_on: str = ""
    betriebe: list[str] = []
    personen: list[str] = []
    # each Betrieb's team page (a dynamic route: one link per Betrieb of the account)
    teams: list[dict[str, str]] = []

    @rx.var
    def unlocked(self) -> bool:
        return bool(self.betriebe or self.personen)

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.registered_on = local_date(account.created_at)
        rights = await asyncio.to_thread(unlock.capabilities, account.id)
        self.betriebe = [f"{link.label} – {link.name}" for link in rights.betriebe]
        self.personen = [f"{link.label} – {link.name}" for link in rights.personen]
        links = await asyncio.to_thread(team.betriebe, account.id)
        self.teams = [
            {
                "href": routes.team(link.nummer),
                "label": texts.TEAM_LINK_LABEL.format(nummer=link.nummer, name=link.name),
                "role": texts.TEAM_ADMIN if link.is_admin else "",
            }
            for link in links
        ]
