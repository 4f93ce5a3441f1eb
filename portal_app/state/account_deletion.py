"""Events of "Konto löschen" (logged in)."""

from __future__ import annotations

import asyncio
import secrets

import reflex as rx

from portal_app import routes
from portal_app.services import account_deletion, team
from portal_app.services.password_change import CurrentPasswordWrong
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.session import MEMBER, SessionState, guard


class AccountDeletionState(Feedback, SessionState):
    @rx.event
    def load(self):
        self._clear_feedback()

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        try:
            await asyncio.to_thread(
                account_deletion.delete_account,
                account.id,
                str(form_data.get("password", "")),
                form_data.get("confirm") == "on",
            )
        except CurrentPasswordWrong as error:
            return self._fail(error, clear=["password"])
        except (account_deletion.DeletionNotConfirmed, team.LastAdministrator) as error:
            return self._fail(error)
        self.logged_in = False
        self.account_email = ""
        # The cookie endpoint removes the (now useless) cookie and shows the confirmation.
        self.navigate_to = routes.session_end(secrets.token_urlsafe(8), routes.ACCOUNT_DELETED)
        return None
