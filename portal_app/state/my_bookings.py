"""Events of "Meine Buchungen": list the account's bookings, cancel one (with a second click)."""

from __future__ import annotations

import asyncio

from portal_app import texts
from portal_app.services import booking
from portal_app.services.sessions import AccountView
from portal_app.state.course_cards import BookingCard, booking_card
from portal_app.state.feedback import Feedback
from portal_app.state.session import MEMBER, SessionState, guard, parse_id


class MyBookingsState(Feedback, SessionState):
    bookings: list[BookingCard] = []
    confirm_id: int = 0
    message: str = ""

    async def _reload(self, account_id: int):
        views = await asyncio.to_thread(booking.bookings_of, account_id)
        self.bookings = [booking_card(view) for view in views]

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.confirm_id, self.message = 0, ""
        self._clear_feedback()
        await self._reload(account.id)

    @guard(MEMBER)
    async def ask(self, _account: AccountView, booking_id: int):
        """The first click: the page asks "Wirklich stornieren?" in place of the button."""
        self.message = ""
        self._clear_feedback()
        self.confirm_id = parse_id(booking_id) or 0
        if self.confirm_id:
            self._announce(texts.CANCEL_CONFIRM)

    @guard(MEMBER)
    async def keep(self, _account: AccountView):
        self.confirm_id = 0

    @guard(MEMBER)
    async def cancel(self, account: AccountView, booking_id: int):
        self.confirm_id = 0
        booking_id = parse_id(booking_id)
        if booking_id is None:
            return None
        events = None
        try:  # the service checks that the booking belongs to this account
            await asyncio.to_thread(booking.cancel, account.id, booking_id)
        except booking.BookingError as error:
            events = self._fail(error)
        else:
            self._succeed(texts.CANCEL_DONE)
            self.message = texts.CANCEL_DONE
        await self._reload(account.id)
        return events
