"""Events of "Meine Daten": the archive of everything the portal holds about the account."""

from __future__ import annotations

import asyncio
import dataclasses

from portal_app import texts
from portal_app.services import data_export
from portal_app.services.sessions import AccountView
from portal_app.state.downloads import hand_out, hand_out_made
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_datetime
from portal_app.state.session import MEMBER, SessionState, guard, parse_id


@dataclasses.dataclass
class ExportRow:
    id: int
    ready: bool
    text: str
    button_label: str


def _size(size: int) -> str:
    return (
        f"{max(size, 1) / 1024:.0f} KB".replace(".", ",")
        if size < 1024**2
        else (f"{size / 1024**2:.1f} MB".replace(".", ","))
    )


def _row(view: data_export.ExportView) -> ExportRow:
    if view.finished_at is None:
        return ExportRow(view.id, False, texts.MY_DATA_PENDING, "")
    made = local_datetime(view.finished_at)
    text = texts.MY_DATA_READY_ITEM.format(
        made=made, until=local_datetime(view.expires_at), size=_size(view.size)
    )
    return ExportRow(view.id, True, text, texts.MY_DATA_READY_BUTTON_LABEL.format(made=made))


class DataExportState(Feedback, SessionState):
    rows: list[ExportRow] = []
    message: str = ""
    busy: bool = False

    async def _refresh(self, account_id: int) -> None:
        views = await asyncio.to_thread(data_export.exports_of, account_id)
        self.rows = [_row(view) for view in views]

    @guard(MEMBER)
    async def load(self, account: AccountView):
        self.message = ""
        self.busy = False
        self._clear_feedback()
        await self._refresh(account.id)

    @guard(MEMBER)
    async def download(self, account: AccountView):
        self._clear_feedback()
        self.message = ""
        result = await asyncio.to_thread(data_export.request_export, account.id)
        if isinstance(result, data_export.MadeNow):
            self.message = texts.MY_DATA_DOWNLOADED
            self._succeed(self.message)
            return await hand_out_made(
                self._session_token(),
                account.id,
                result.name,
                data_export.ZIP_TYPE,
                result.data,
            )
        self.message = texts.MY_DATA_QUEUED
        self._succeed(self.message)
        await self._refresh(account.id)
        return None

    @guard(MEMBER)
    async def download_ready(self, account: AccountView, export_id):
        self._clear_feedback()
        export_id = parse_id(export_id)
        try:
            if export_id is None:
                raise data_export.ExportNotFound(texts.MY_DATA_NOT_FOUND)
            file = await asyncio.to_thread(data_export.ready_file, account.id, export_id)
        except data_export.ExportNotFound as error:
            await self._refresh(account.id)
            return self._fail(error)
        return await hand_out(self._session_token(), account.id, file)
