"""Events of "Meine Buchungen": list the account's bookings, cancel one (with a second click)."""

from __future__ import annotations

import asyncio

from portal_app import texts
from portal_app.services import booking
from portal_app.services.sessions import AccountView
from portal_app.state.course_cards import BookingCard, booking_card
from portal_app.state.session import MEMBER, SessionState, guard, parse_id


class MyBookingsState(SessionState):
    bookings: list[BookingCard] = []
    confirm_id: int = 0
    message: str = ""
    problem: str = ""

    async def _reload(self, account_id: int):
        views = await asyncio.to_thread(booking.bookings_of, account_id)
        self.bookings = [booking_card(view) for view in views]

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.confirm_id, self.message, self.problem = 0, "", ""
        await self._reload(account.id)

    @guard(MEMBER)
    async def ask(self, _account: AccountView, booking_id: int):
        self.message, self.problem = "", ""
        self.confirm_id = parse_id(booking_id) or 0

    @guard(MEMBER)
    async def keep(self, _account: AccountView):
        self.confirm_id = 0

    @guard(MEMBER)
    async def cancel(self, account: AccountView, booking_id: int):
        self.confirm_id = 0
        booking_id = parse_id(booking_id)
        if booking_id is None:
            return
        try:  # the service checks that the booking belongs to this account
            await asyncio.to_thread(booking.cancel, account.id, booking_id)
            self.message = texts.CANCEL_DONE
        except booking.BookingError as error:
            self.problem = str(error)
        await self._reload(account.id)
