"""The welcome wizard: where the member stands is worked out on the server at every visit."""

from __future__ import annotations

import asyncio

from portal_app import routes
from portal_app.services import unlock
from portal_app.services.sessions import AccountView
from portal_app.state.login import LoginState
from portal_app.state.register import RegisterState
from portal_app.state.session import VISITOR, SessionState, guard
from portal_app.state.unlock import UnlockState

REGISTER, LOGIN, UNLOCK, FINISHED = 1, 2, 3, 4


class WelcomeState(SessionState):
    step: int = REGISTER

    @guard(VISITOR)
    async def load(self, account: AccountView | None):
        """Resume at the right step: visitor → 1 (or 2 if asked), member → 3, unlocked → done."""
        if account is None:
            wants_login = self.router.url.query_parameters.get("schritt") == "anmelden"
            self.step = LOGIN if wants_login else REGISTER
        else:
            rights = await asyncio.to_thread(unlock.capabilities, account.id)
            self.step = FINISHED if rights.unlocked else UNLOCK
        # the forms of the steps start fresh, and a login here comes back here
        (await self.get_state(RegisterState))._fresh()
        (await self.get_state(UnlockState))._fresh()
        login = await self.get_state(LoginState)
        login._clear_feedback()
        login._reset_steps()
        login._next = routes.WELCOME
