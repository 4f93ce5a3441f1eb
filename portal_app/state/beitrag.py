"""Events of /verwaltung/beitrag: upload a ZIP of fee notices with a title, see the check,
deliver or discard the checked batch, the list for paper post. Every handler is
`@guard(STAFF)`; the service refuses anyone outside Beitrag who is no administrator
(services/beitrag.py), whatever the event carries. The staged batch's id is kept on the server
(`_stapel_id`), so a browser cannot name another batch to deliver."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import beitrag, departments, files, spreadsheet
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.state.downloads import hand_out_made_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_date, local_datetime
from portal_app.state.session import STAFF, SessionState, guard, parse_id

UPLOAD_ID = "beitrag-zip"
DEPARTMENTS = (departments.BEITRAG,)
TITLE_FIELD_MAX = 600


def file_rules() -> str:
    return texts.BEITRAG_FILE_RULES.format(
        zip_mb=beitrag.zip_limit() // beitrag.MB,
        file_mb=beitrag.settings.upload_max_bytes // beitrag.MB,
        count=f"{beitrag.MAX_FILES:,}".replace(",", "."),
    )


async def _receive_zip(chunks) -> tuple[files.Incoming | None, str]:
    """The one chosen file as it streams in, capped at the ZIP limit: the file, or a refusal."""
    incoming, name = None, ""
    try:
        async for chunk in chunks:
            if incoming is None:
                name = str(chunk.filename)[:200]
                incoming = files.Incoming(beitrag.zip_limit())
            elif str(chunk.filename)[:200] != name:
                incoming.discard()
                return None, texts.BEITRAG_ONE_FILE
            incoming.write(chunk.data)
    except files.FileTooLarge:
        return None, texts.BEITRAG_ZIP_TOO_LARGE.format(mb=beitrag.zip_limit() // beitrag.MB)
    except BaseException:
        if incoming is not None:
            incoming.discard()
        raise
    if incoming is None:
        return None, texts.BEITRAG_FILE_MISSING
    return incoming, ""


def _history_row(row: beitrag.BatchRow) -> dict[str, str]:
    return {
        "id": str(row.id),
        "titel": row.titel,
        "facts": texts.BEITRAG_HISTORY_ROW.format(
            date=local_datetime(row.delivered_at),
            notices=row.notices,
            messages=row.messages,
            paper=row.paper,
        ),
        "paper": "1" if row.paper else "",
        "paper_label": texts.BEITRAG_PAPER_CSV_LABEL.format(titel=row.titel),
    }


class BeitragState(Feedback, SessionState):
    titel: str = ""
    # the check's answer: a summary, the problems, whether a batch waits for "Jetzt zustellen"
    summary: str = ""
    problems: list[dict[str, str]] = []
    problems_more: str = ""
    staged: bool = False
    delivering: bool = False
    done: str = ""
    history: list[dict[str, str]] = []
    rules: str = ""
    uploads_done: int = 0
    _stapel_id: int = 0

    async def _reload(self, staff: StaffView) -> None:
        found = await asyncio.to_thread(beitrag.recent, staff)
        self.history = [_history_row(r) for r in found]

    def _reset_result(self) -> None:
        self._clear_feedback()
        self.summary, self.problems, self.problems_more, self.done = "", [], "", ""
        self.staged, self._stapel_id = False, 0

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._reset_result()
        self.titel = ""
        if not beitrag.may_work(staff):
            return rx.redirect(routes.STAFF_INBOX)
        self.rules = file_rules()
        await self._reload(staff)
        return None

    @guard(STAFF)
    async def keep_titel(self, _staff: StaffView, value: str):
        self.titel = str(value)[:TITLE_FIELD_MAX]

    @guard(STAFF, background=True)
    async def check(self, staff: StaffView, chunks: rx.UploadChunkIterator):
        """ "Stapel prüfen": the title as typed, the one ZIP chosen; nothing is delivered."""
        async with self:
            titel = self.titel
            self._reset_result()
        incoming, refusal = await _receive_zip(chunks)
        problem, checked = None, None
        try:
            if refusal:
                beitrag.check_title(titel)  # the title's error first
                problem = PortalError(refusal, field="datei")
            else:
                checked = await asyncio.to_thread(beitrag.check_upload, staff, incoming, titel)
        except beitrag.BeitragRefused:
            async with self:
                return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            problem = error
            if incoming is not None:
                incoming.discard()
        async with self:
            self.uploads_done += 1
            if problem is not None:
                return self._fail(problem)
            return self._show_check(checked)

    def _show_check(self, checked: beitrag.Checked):
        if checked.delivered_before is not None:
            return self._fail(
                texts.BEITRAG_ALREADY_DELIVERED.format(date=local_date(checked.delivered_before))
            )
        if checked.problems:
            shown = checked.problems[: beitrag.PROBLEMS_SHOWN]
            self.problems = [
                {"name": p.name or texts.BEITRAG_WHOLE_ZIP, "message": p.message} for p in shown
            ]
            rest = len(checked.problems) - len(shown)
            self.problems_more = texts.BEITRAG_PROBLEMS_MORE.format(count=rest) if rest else ""
            return self._fail(texts.BEITRAG_PROBLEMS.format(count=len(checked.problems)))
        self._stapel_id, self.staged = checked.stapel_id, True
        self.summary = texts.BEITRAG_CHECKED.format(
            notices=checked.notices,
            with_account=checked.with_account,
            accounts=checked.accounts,
            paper=checked.paper,
        )
        self._succeed(self.summary)
        return None

    @guard(STAFF, background=True)
    async def deliver(self, staff: StaffView):
        """ "Jetzt zustellen": in the background (5,000 notices take minutes), once."""
        async with self:
            stapel_id, self._stapel_id = self._stapel_id, 0
            self.staged, self.delivering = False, True
            self._clear_feedback()
            self._announce(texts.BEITRAG_DELIVERING)
        try:
            done = await asyncio.to_thread(beitrag.deliver, staff, stapel_id)
        except beitrag.BeitragRefused:
            async with self:
                self.delivering = False
                return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            async with self:
                self.summary, self.delivering = "", False
                return self._fail(error)
        async with self:
            self.summary, self.delivering = "", False
            self.done = texts.BEITRAG_DELIVERED.format(
                notices=done.notices,
                titel=done.titel,
                messages=done.messages,
                accounts=done.accounts,
                paper=done.paper,
            )
            self._succeed(self.done)
            await self._reload(staff)
        return None

    @guard(STAFF)
    async def discard(self, staff: StaffView):
        stapel_id = self._stapel_id
        self._reset_result()
        try:
            await asyncio.to_thread(beitrag.discard, staff, stapel_id)
        except beitrag.BeitragRefused:
            return rx.redirect(routes.STAFF_INBOX)
        self.done = texts.BEITRAG_DISCARDED
        self._succeed(self.done)
        return None

    @guard(STAFF)
    async def download_paper(self, staff: StaffView, stapel_id: str):
        found = parse_id(stapel_id)
        try:
            name, data = await asyncio.to_thread(beitrag.paper_csv, staff, found or 0)
        except beitrag.BeitragRefused:
            return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            return self._fail(error)
        return await hand_out_made_to_staff(
            self._staff_token(), staff.id, name, spreadsheet.CONTENT_TYPE, data
        )
