"""Events of a Lehrvertrag in the inbox item /verwaltung/vorgang/<id>: the contract's data,
its PDF, "Rückfrage" and "Eintragen" with the Lehrlingsrolle number (department Ausbildung
only; the service checks the item's department and the staff member's scope)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import inbox, lehrvertrag, lehrvertrag_pdf
from portal_app.services.staff import StaffView
from portal_app.state.downloads import hand_out_made_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.session import STAFF, SessionState, guard, parse_id
from portal_app.state.staff_inbox import scope_of
from portal_app.state.staff_item import StaffItemState

PDF = "application/pdf"


class StaffLehrvertragState(Feedback, SessionState):
    found: bool = False
    status: str = ""
    submitted: bool = False
    facts: list[list[str]] = []
    warnings: list[str] = []
    person_href: str = ""
    done: str = ""
    actions_done: int = 0

    def _item(self) -> int:
        return parse_id(self.router.page.params.get("vorgang_id", "")) or 0

    async def _show(self, staff: StaffView) -> None:
        try:
            found = await asyncio.to_thread(
                lehrvertrag.staff_contract, scope_of(staff), self._item()
            )
        except inbox.ItemNotFound:
            found = None
        self.found = found is not None
        if found is None:
            self.facts, self.warnings, self.person_href, self.status = [], [], "", ""
            return
        self.status = lehrvertrag.STATUSES[found.status]
        self.submitted = found.status == lehrvertrag.SUBMITTED
        self.facts = [[label, value] for label, value in found.facts]
        if found.lehrlingsrolle_nr:
            self.facts.append([texts.LEHRVERTRAG_NUMBER, found.lehrlingsrolle_nr])
        self.warnings = list(found.warnings)
        self.person_href = routes.staff_record("person", found.person_id) if found.person_id else ""

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.done = ""
        await self._show(staff)

    async def _act(self, staff: StaffView, action, value: str, done: str):
        self._clear_feedback()
        self.done = ""
        try:
            await asyncio.to_thread(action, scope_of(staff), self._item(), value)
        except (inbox.ItemNotFound, lehrvertrag.RegistrationInvalid) as error:
            return self._fail(error)
        self.actions_done += 1
        self.done = done
        self._announce(done)
        await self._show(staff)
        return StaffItemState.load  # the item's status and history anew

    @guard(STAFF)
    async def ask_back(self, staff: StaffView, form_data: dict):
        question = str(form_data.get("rueckfrage") or "")[: inbox.NOTE_MAX + 1]
        return await self._act(staff, lehrvertrag.ask_back, question, texts.STAFF_LEHRVERTRAG_ASKED)

    @guard(STAFF)
    async def register(self, staff: StaffView, form_data: dict):
        number = str(form_data.get("lehrlingsrolle_nr") or "")[:40]
        return await self._act(
            staff, lehrvertrag.register, number, texts.STAFF_LEHRVERTRAG_REGISTERED
        )

    @guard(STAFF)
    async def download(self, staff: StaffView):
        try:
            shown = await asyncio.to_thread(
                lehrvertrag.staff_printable, scope_of(staff), self._item()
            )
        except inbox.ItemNotFound as error:
            return rx.toast.error(str(error))
        data = await asyncio.to_thread(lehrvertrag_pdf.contract_pdf, shown)
        name = lehrvertrag_pdf.file_name(shown)
        return await hand_out_made_to_staff(self._staff_token(), staff.id, name, PDF, data)
