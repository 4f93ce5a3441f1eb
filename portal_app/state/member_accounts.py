"""Events of the administrators' page of member accounts: find an account by its exact
address, reset its second factor with a reason. The account found stays on the server
(`_account_id`); the reset acts on it, never on an id the browser sends."""

from __future__ import annotations

import asyncio

from portal_app import texts
from portal_app.services import member_totp
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_datetime
from portal_app.state.session import STAFF_ADMIN, SessionState, guard


def _yes_no(value: bool) -> str:
    return texts.YES if value else texts.NO


class MemberAccountsState(Feedback, SessionState):
    # the account found, as the page shows it ({} = none shown)
    found: dict[str, str] = {}
    has_second_factor: bool = False
    not_found: bool = False
    done: str = ""
    # a new number draws the reset form anew (its reason empty)
    reset_form_key: int = 0
    _account_id: int = 0

    def _show(self, facts: member_totp.AccountFacts | None) -> None:
        self._account_id = facts.id if facts else 0
        self.has_second_factor = bool(facts and facts.second_factor)
        self.found = (
            {
                "email": facts.email,
                "registered": local_datetime(facts.created_at),
                "confirmed": _yes_no(facts.confirmed),
                "second_factor": (
                    f"{texts.SECOND_FACTOR_STATUS_ON} "
                    + texts.SECOND_FACTOR_CODES_LEFT.format(count=facts.codes_left)
                    if facts.second_factor
                    else texts.SECOND_FACTOR_STATUS_OFF
                ),
                "required": _yes_no(facts.required),
            }
            if facts
            else {}
        )

    @guard(STAFF_ADMIN)
    async def load(self, _staff: StaffView):
        self._clear_feedback()
        self.done, self.not_found = "", False
        self._show(None)

    @guard(STAFF_ADMIN)
    async def search(self, staff: StaffView, form_data: dict):
        self._clear_feedback()
        self.done, self.not_found = "", False
        try:
            facts = await asyncio.to_thread(
                member_totp.find_account, staff, str(form_data.get("email", ""))[:1000]
            )
        except PortalError as error:
            self._show(None)
            return self._fail(error)
        self._show(facts)
        self.not_found = facts is None
        if facts is None:
            self._announce(texts.MEMBER_ACCOUNTS_NONE)
        return None

    @guard(STAFF_ADMIN)
    async def reset_second_factor(self, staff: StaffView, form_data: dict):
        self._clear_feedback()
        self.done = ""
        email = self.found.get("email", "")
        try:
            await asyncio.to_thread(
                member_totp.reset_by_staff,
                staff,
                self._account_id,
                str(form_data.get("reason", ""))[:2000],
            )
        except PortalError as error:
            return self._fail(error)
        self.done = texts.SECOND_FACTOR_WAS_RESET_MEMBER.format(email=email)
        self._succeed(self.done)
        self.reset_form_key += 1
        self._show(await asyncio.to_thread(member_totp.facts, staff, self._account_id))
        return None
