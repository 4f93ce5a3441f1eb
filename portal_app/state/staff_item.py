"""Events of one inbox item /verwaltung/vorgang/<id>: what was sent, its file, its history;
"Übernehmen", status with a note, forward, and "Antworten" with files into the Postfach.
Every handler checks the staff session and that the item is in the staff member's scope."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import departments, files, inbox, verzeichnis
from portal_app.services.staff import StaffView, names_of
from portal_app.settings import settings
from portal_app.state.downloads import hand_out_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_datetime
from portal_app.state.session import STAFF, SessionState, guard, parse_id
from portal_app.state.staff_inbox import scope_of
from portal_app.state.verzeichnis import scope_of as verzeichnis_scope_of

ANSWER_FILES_MAX = 5
ANSWER_MAX, NOTE_MAX = inbox.ANSWER_MAX, inbox.NOTE_MAX
STATUS_CHOICES = list(inbox.STATUSES.items())
ANSWER_UPLOAD_ID = "antwort-dateien"


class StaffItemState(Feedback, SessionState):
    item_id: int = 0
    found: bool = False
    subject: str = ""
    facts: list[list[str]] = []  # label, value
    sent: list[list[str]] = []  # what the member sent: label, value
    file_name: str = ""
    record_href: str = ""  # a request for a new PIN: its record in the Verzeichnis
    history: list[list[str]] = []  # when, who, what
    status: str = ""
    department: str = ""
    department_choices: list[dict[str, str]] = []
    done: str = ""
    actions_done: int = 0  # a new number draws the action forms anew (empty)
    answer_text: str = ""

    def _item(self) -> int:
        return parse_id(self.router.page.params.get("vorgang_id", "")) or 0

    async def _show(self, staff: StaffView) -> None:
        try:
            detail = await asyncio.to_thread(inbox.open_item, scope_of(staff), self.item_id)
        except inbox.ItemNotFound:
            self.found = False
            return
        row = detail.row
        ids = {e.staff_id for e in detail.history if e.staff_id} | {row.assignee_id or 0}
        names = await asyncio.to_thread(names_of, ids - {0})
        self.found = True
        self.subject = row.subject
        self.record_href = await _record_href(staff, row)
        self.status, self.department = row.status, row.department
        self.facts = [
            [texts.STAFF_ITEM_RECEIVED, local_datetime(row.received_at)],
            [texts.STAFF_ITEM_FROM, row.sender],
            [texts.STAFF_ITEM_EMAIL, row.sender_email or "–"],
            [texts.INBOX_FIELD_KIND, inbox.KINDS.get(row.kind, row.kind)],
            [texts.FIELD_DOCUMENT_DEPARTMENT, departments.label(row.department)],
            [texts.STATUS, inbox.STATUSES.get(row.status, row.status)],
            [
                texts.STAFF_ITEM_ASSIGNEE,
                names.get(row.assignee_id, "–") if row.assignee_id else "–",
            ],
        ]
        self.sent = [[label, value] for label, value in detail.fields]
        self.file_name = detail.file.name if detail.file else ""
        self.history = [
            [
                local_datetime(e.at),
                names.get(e.staff_id, "") if e.staff_id else texts.PORTAL,
                texts.STAFF_HISTORY.get(e.action, e.action) + (f": {e.note}" if e.note else ""),
            ]
            for e in detail.history
        ]
        self.department_choices = [
            {"value": key, "label": label}
            for key, label in departments.ALL.items()
            if key != row.department
        ]

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.done, self.answer_text = "", ""
        self.item_id = self._item()
        await self._show(staff)

    async def _act(self, staff: StaffView, action, *args, done: str):
        self._clear_feedback()
        self.done = ""
        try:
            await asyncio.to_thread(action, scope_of(staff), self.item_id, *args)
        except (inbox.ItemNotFound, inbox.InboxInputInvalid) as error:
            return self._fail(error)
        self.done = done
        self.actions_done += 1
        self._announce(done)
        await self._show(staff)
        return None

    @guard(STAFF)
    async def take_over(self, staff: StaffView):
        return await self._act(staff, inbox.take_over, done=texts.STAFF_ITEM_TAKEN)

    @guard(STAFF)
    async def pick_status(self, _staff: StaffView, value: str):
        self.status = str(value)[:20]

    @guard(STAFF)
    async def set_status(self, staff: StaffView, form_data: dict):
        status, note = str(form_data.get("status") or ""), str(form_data.get("note") or "")
        return await self._act(
            staff, inbox.set_status, status, note, done=texts.STAFF_ITEM_STATUS_SET
        )

    @guard(STAFF)
    async def forward(self, staff: StaffView, form_data: dict):
        department = str(form_data.get("department") or "")
        note = str(form_data.get("forward_note") or "")
        events = await self._act(
            staff, inbox.forward, department, note, done=texts.STAFF_ITEM_FORWARDED
        )
        if not self.found:  # forwarded out of this staff member's departments
            return rx.redirect(routes.STAFF_INBOX)
        return events

    @guard(STAFF)
    async def keep_answer(self, _staff: StaffView, value: str):
        self.answer_text = str(value)[: inbox.ANSWER_MAX + 1]

    @guard(STAFF)
    async def download(self, staff: StaffView):
        try:
            found = await asyncio.to_thread(inbox.item_file, scope_of(staff), self.item_id)
        except inbox.ItemNotFound as error:
            return rx.toast.error(str(error))
        return await hand_out_to_staff(self._staff_token(), staff.id, found)

    @guard(STAFF, background=True)
    async def answer(self, staff: StaffView, chunks: rx.UploadChunkIterator):
        """ "Antwort senden": the text typed, the files chosen (checked like a member's)."""
        async with self:
            text, item_id = self.answer_text, self.item_id
            self._clear_feedback()
            self.done = ""
        attachments, refusal = await _receive(chunks)
        problem = None
        if refusal:
            for incoming, _name in attachments:
                incoming.discard()
            problem = inbox.InboxInputInvalid(refusal, field="files")
        else:
            try:
                await asyncio.to_thread(inbox.answer, scope_of(staff), item_id, text, attachments)
            except (inbox.ItemNotFound, inbox.InboxInputInvalid) as error:
                problem = error
        async with self:
            if problem is not None:
                return self._fail(problem)
            self.answer_text = ""
            self.actions_done += 1
            self.done = texts.STAFF_ITEM_ANSWERED
            self._announce(self.done)
            await self._show(staff)
        return None


async def _record_href(staff: StaffView, row: inbox.ItemRow) -> str:
    """The Verzeichnis page of the record a request for a new PIN names (there the PIN is
    issued and the request closed), for staff who may open it."""
    if row.kind != inbox.KIND_PIN:
        return ""
    found = await asyncio.to_thread(verzeichnis.record_of_item, verzeichnis_scope_of(staff), row.id)
    return routes.staff_record(*found) if found else ""


async def _receive(chunks) -> tuple[list[tuple[files.Incoming, str]], str]:
    """The answer's files as they stream in, each capped like a member's upload; a refusal
    (too many, too large) instead of the files."""
    received: list[tuple[files.Incoming, str]] = []
    current, name = None, None
    try:
        async for chunk in chunks:
            if current is None or chunk.filename != name or chunk.offset == 0:
                if len(received) == ANSWER_FILES_MAX:
                    return received, texts.STAFF_ANSWER_TOO_MANY.format(count=ANSWER_FILES_MAX)
                name = chunk.filename
                current = files.Incoming(settings.upload_max_bytes)
                received.append((current, str(name)[:200]))
            current.write(chunk.data)
    except files.FileTooLarge:
        return received, texts.STAFF_ANSWER_FILE_TOO_LARGE.format(name=str(name)[:200])
    except BaseException:
        for incoming, _name in received:
            incoming.discard()
        raise
    return received, ""
