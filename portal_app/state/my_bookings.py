"""Events of "Meine Buchungen": list the account's bookings, cancel one (with a second click)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import booking
from portal_app.state.course_cards import BookingCard, booking_card
from portal_app.state.session import SessionState


class MyBookingsState(SessionState):
    bookings: list[BookingCard] = []
    confirm_id: int = 0
    message: str = ""
    problem: str = ""

    async def _reload(self, account_id: int):
        views = await asyncio.to_thread(booking.bookings_of, account_id)
        self.bookings = [booking_card(view) for view in views]

    @rx.event
    async def load(self):
        self.confirm_id, self.message, self.problem = 0, "", ""
        account = await self._account()
        if account is not None:
            await self._reload(account.id)

    @rx.event
    def ask(self, booking_id: int):
        self.message, self.problem = "", ""
        self.confirm_id = booking_id if isinstance(booking_id, int) else 0

    @rx.event
    def keep(self):
        self.confirm_id = 0

    @rx.event
    async def cancel(self, booking_id: int):
        account = await self._account()
        if account is None:
            return
        self.confirm_id = 0
        if not isinstance(booking_id, int):
            return
        try:  # the service checks that the booking belongs to this account
            await asyncio.to_thread(booking.cancel, account.id, booking_id)
            self.message = texts.CANCEL_DONE
        except booking.BookingError as error:
            self.problem = str(error)
        await self._reload(account.id)
