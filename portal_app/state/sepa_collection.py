"""Events of /verwaltung/lastschrift: make the SEPA collection file from a CSV and a date,
download it (and its rows without a mandate) again, mark it as handed to the bank. Every
handler is `@guard(STAFF)`; the service refuses anyone outside Beitrag who is no
administrator (services/sepa_collection.py)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import files, sepa_collection
from portal_app.services.dates import format_date
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.state.downloads import hand_out_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_date, local_datetime
from portal_app.state.session import STAFF, SessionState, guard, parse_id

UPLOAD_ID = "lastschrift-csv"
FIELD_MAX = 100


async def _receive_csv(chunks) -> tuple[bytes | None, str]:
    """The one chosen CSV file, at most `CSV_MAX_BYTES`: its bytes, or a refusal."""
    data, name = bytearray(), None
    async for chunk in chunks:
        if name is None:
            name = str(chunk.filename)
        elif str(chunk.filename) != name:
            return None, texts.SEPA_COLLECTION_ONE_FILE
        data += chunk.data
        if len(data) > sepa_collection.CSV_MAX_BYTES:
            return None, texts.SEPA_COLLECTION_CSV_TOO_LARGE
    if name is None:
        return None, texts.SEPA_COLLECTION_FILE_MISSING
    return bytes(data), ""


def _export_row(row: sepa_collection.ExportRow) -> dict[str, str]:
    due = format_date(row.faellig_am)
    return {
        "id": str(row.id),
        "facts": texts.SEPA_COLLECTION_EXPORT_ROW.format(
            date=due,
            count=row.transactions,
            total=sepa_collection.format_amount(row.total_cents),
            first=row.first,
            created=local_datetime(row.created_at),
            staff=row.staff_name or "–",
        ),
        "status": texts.SEPA_COLLECTION_SUBMITTED_AT.format(date=local_date(row.submitted_at))
        if row.submitted_at
        else texts.SEPA_COLLECTION_NOT_SUBMITTED,
        "submitted": "1" if row.submitted_at else "",
        "skipped": "1" if row.skipped else "",
        "download_label": texts.SEPA_COLLECTION_DOWNLOAD_LABEL.format(date=due),
        "skipped_label": texts.SEPA_COLLECTION_SKIPPED_LABEL.format(date=due),
        "submit_label": texts.SEPA_COLLECTION_SUBMIT_LABEL.format(date=due),
        "question": texts.SEPA_COLLECTION_SUBMIT_QUESTION.format(date=due),
    }


def _line(problem: sepa_collection.RowProblem) -> dict[str, str]:
    return {
        "line": str(problem.line),
        "nummer": problem.nummer or "–",
        "message": problem.message,
    }


class SepaCollectionState(Feedback, SessionState):
    faellig: str = ""
    date_hint: str = ""
    done: str = ""
    problems: list[dict[str, str]] = []
    without_mandate: list[dict[str, str]] = []
    exports: list[dict[str, str]] = []
    asking_submit: str = ""
    uploads_done: int = 0

    async def _reload(self, staff: StaffView) -> None:
        found = await asyncio.to_thread(sepa_collection.exports, staff)
        self.exports = [_export_row(r) for r in found]

    def _reset(self) -> None:
        self._clear_feedback()
        self.done, self.problems, self.without_mandate, self.asking_submit = "", [], [], ""

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._reset()
        self.faellig = ""
        if not sepa_collection.may_work(staff):
            return rx.redirect(routes.STAFF_INBOX)
        self.date_hint = texts.SEPA_COLLECTION_EARLIEST.format(
            earliest=format_date(sepa_collection.earliest_date()),
            days=sepa_collection.settings.sepa_lead_days,
        )
        await self._reload(staff)
        return None

    @guard(STAFF)
    async def keep_faellig(self, _staff: StaffView, value: str):
        self.faellig = str(value)[:FIELD_MAX]

    @guard(STAFF, background=True)
    async def create(self, staff: StaffView, chunks: rx.UploadChunkIterator):
        """ "Lastschriftdatei erstellen": the date as typed, the one CSV chosen."""
        async with self:
            faellig = self.faellig
            self._reset()
        data, refusal = await _receive_csv(chunks)
        problem, made = None, None
        try:
            if refusal:
                sepa_collection.check_date(faellig)  # the date's error first
                problem = PortalError(refusal, field="csv")
            else:
                made = await asyncio.to_thread(sepa_collection.export, staff, data, faellig)
        except sepa_collection.CollectionRefused:
            async with self:
                return rx.redirect(routes.STAFF_INBOX)
        except sepa_collection.RowsRejected as error:
            problem = error
            async with self:
                shown = error.plan.problems[: sepa_collection.PROBLEMS_SHOWN]
                self.problems = [_line(p) for p in shown]
        except PortalError as error:
            problem = error
        async with self:
            self.uploads_done += 1
            if problem is not None:
                return self._fail(problem)
            row = made.export
            self.without_mandate = [_line(p) for p in made.without_mandate]
            self.done = texts.SEPA_COLLECTION_DONE.format(
                count=row.transactions,
                total=sepa_collection.format_amount(row.total_cents),
                date=format_date(row.faellig_am),
                first=row.first,
                recurring=row.transactions - row.first,
            )
            self._succeed(self.done)
            await self._reload(staff)
        return None

    async def _hand_out(self, staff: StaffView, make, export_id: str):
        try:
            stored: files.StoredFile = await asyncio.to_thread(
                make, staff, parse_id(export_id) or 0
            )
        except sepa_collection.CollectionRefused:
            return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            return self._fail(error)
        return await hand_out_to_staff(self._staff_token(), staff.id, stored)

    @guard(STAFF)
    async def download(self, staff: StaffView, export_id: str):
        return await self._hand_out(staff, sepa_collection.export_file, export_id)

    @guard(STAFF)
    async def download_skipped(self, staff: StaffView, export_id: str):
        return await self._hand_out(staff, sepa_collection.skipped_file, export_id)

    @guard(STAFF)
    async def ask_submit(self, _staff: StaffView, export_id: str):
        found = parse_id(export_id)
        self.asking_submit = str(found) if found is not None else ""

    @guard(STAFF)
    async def keep_export(self, _staff: StaffView):
        self.asking_submit = ""

    @guard(STAFF)
    async def submit(self, staff: StaffView, export_id: str):
        self._reset()
        found = parse_id(export_id)
        try:
            row = await asyncio.to_thread(sepa_collection.mark_submitted, staff, found or 0)
        except sepa_collection.CollectionRefused:
            return rx.redirect(routes.STAFF_INBOX)
        except PortalError as error:
            await self._reload(staff)
            return self._fail(error)
        self.done = texts.SEPA_COLLECTION_SUBMITTED.format(date=format_date(row.faellig_am))
        self._succeed(self.done)
        await self._reload(staff)
        return None
