"""Events of /dokumente: choose for whom and which department, upload, list, download."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import documents, files
from portal_app.services.sessions import AccountView
from portal_app.settings import settings
from portal_app.state.downloads import hand_out
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_date
from portal_app.state.session import UNLOCKED, SessionState, guard, parse_id

UPLOAD_ID = "dokumente"
MAX_FILES = documents.FILES_PER_UPLOAD
DEPARTMENT_OPTIONS = list(documents.DEPARTMENTS.items())  # (key, label) for the select


def _row(doc: documents.DocumentView) -> dict[str, str]:
    return {
        "id": str(doc.id),
        "date": local_date(doc.created_at),
        "department": doc.department,
        "title": doc.title,
        "owner": doc.owner_label,
        "size": documents.format_size(doc.size),
        "name": doc.name,
        "status": doc.status,
        "download_label": texts.DOWNLOAD_LABEL.format(name=doc.title or doc.name),
    }


class DocumentsState(Feedback, SessionState):
    owners: list[dict[str, str]] = []
    owner_key: str = ""
    department: str = ""
    sent: list[dict[str, str]] = []
    provided: list[dict[str, str]] = []
    refusals: list[str] = []
    done_message: str = ""
    uploading: bool = False
    progress: int = 0
    # counts finished uploads: the page then empties the list of chosen files
    uploads_done: int = 0

    async def _refresh(self, account_id: int) -> None:
        found = await asyncio.to_thread(documents.owners, account_id)
        self.owners = [{"key": o.key, "label": o.label} for o in found]
        if len(found) == 1:
            self.owner_key = found[0].key
        self.sent = [_row(d) for d in await asyncio.to_thread(documents.uploaded, account_id)]
        self.provided = [_row(d) for d in await asyncio.to_thread(documents.provided, account_id)]

    @guard(UNLOCKED)
    async def load(self, account: AccountView):
        self.owner_key = self.department = ""
        self._clear_feedback()
        self.refusals, self.done_message, self.uploading, self.progress = [], "", False, 0
        await self._refresh(account.id)

    @guard(UNLOCKED)
    async def set_owner(self, _account: AccountView, value: str):
        self.owner_key = str(value)[:40]
        self._field_error("owner")

    @guard(UNLOCKED)
    async def set_department(self, _account: AccountView, value: str):
        self.department = str(value)[:40]
        self._field_error("department")

    @guard(UNLOCKED)
    async def show_progress(self, _account: AccountView, progress: dict):
        try:
            self.progress = max(0, min(100, round(float(progress.get("progress", 0)) * 100)))
        except (TypeError, ValueError, AttributeError):
            self.progress = 0

    @guard(UNLOCKED)
    async def rejected(self, _account: AccountView, rejected_files: list[dict]):
        """Files the picker already turned away (type by name, too many): say so in German."""
        names = []
        for item in rejected_files[:MAX_FILES] if isinstance(rejected_files, list) else []:
            file = item.get("file", {}) if isinstance(item, dict) else {}
            names.append(str(file.get("path") or file.get("name") or "")[:80].lstrip("./"))
        self.done_message = ""
        self.refusals = [
            texts.DOCUMENT_REFUSED.format(name=name, reason=texts.DOCUMENT_PICKER_REFUSED)
            for name in names
        ]
        self._announce(" ".join(self.refusals))

    @guard(UNLOCKED, background=True)
    async def upload(self, account: AccountView, chunks: rx.UploadChunkIterator):
        """Receive the files as they stream in; each is capped, sniffed and stored atomically.
        Returning without reading the chunks makes Reflex refuse the rest of the request."""
        async with self:
            owner_key, department = self.owner_key, self.department
            self.refusals, self.done_message, self.uploading = [], "", True
            self._clear_feedback()
        try:
            return await self._upload(account, owner_key, department, chunks)
        except Exception:
            # the German error message with its reference follows (state/unexpected.py);
            # the page must not go on showing the upload as running
            async with self:
                self.uploading, self.progress = False, 0
            raise

    async def _upload(self, account: AccountView, owner_key: str, department: str, chunks):
        try:
            target = await asyncio.to_thread(
                documents.start_upload, account.id, owner_key, department
            )
        except documents.UploadRefused as refusal:  # no owner or department chosen, quota full
            async with self:
                self.uploading = False
                return self._fail(refusal)
        accepted, refusals = await _receive_all(target, chunks)
        if not accepted and not refusals:
            refusals = [texts.UPLOAD_NO_FILES]
        await asyncio.to_thread(documents.confirm_by_mail, account.id, accepted)
        async with self:
            self.uploading, self.progress, self.refusals = False, 0, refusals
            if accepted:
                self.done_message = texts.UPLOAD_DONE.format(count=len(accepted))
            self.uploads_done += 1
            self._announce(" ".join([self.done_message, *refusals]).strip())
            await self._refresh(account.id)
        return None

    @guard(UNLOCKED)
    async def cancelled(self, account: AccountView):
        """After "Abbrechen": the browser stopped sending; the handler threw away the rest."""
        self.uploading, self.progress = False, 0
        self.refusals, self.done_message = [texts.UPLOAD_CANCELLED], ""
        self._announce(texts.UPLOAD_CANCELLED)
        await self._refresh(account.id)

    @guard(UNLOCKED)
    async def download(self, account: AccountView, document_id: int):
        try:
            found = await asyncio.to_thread(documents.fetch, account.id, parse_id(document_id))
        except documents.DocumentNotFound as error:
            return rx.toast.error(str(error))
        return await hand_out(self._session_token(), account.id, found)


async def _receive_all(target: documents.UploadTarget, chunks) -> tuple[list, list[str]]:
    """Write each arriving file to its temp file; refuse it as soon as it grows too large."""
    accepted, refusals = [], []
    incoming, name, skipping, count = None, None, False, 0

    async def finish_current():
        if incoming is None or skipping:
            return
        try:
            accepted.append(await asyncio.to_thread(documents.finish, target, incoming, name))
        except documents.UploadRefused as refusal:
            refusals.append(str(refusal))

    try:
        async for chunk in chunks:
            if incoming is None or chunk.filename != name or chunk.offset == 0:
                await finish_current()
                count += 1
                name, skipping, incoming = chunk.filename, False, None
                if count > MAX_FILES:
                    break  # Reflex answers the rest of the request with an error
                try:
                    incoming = documents.receive(target)
                except files.StoreUnavailable as error:
                    skipping = True
                    refusals.append(await _store_unavailable(target, name, error))
            if skipping:
                continue
            try:
                incoming.write(chunk.data)
            except files.FileTooLarge:
                skipping = True
                reason = await asyncio.to_thread(documents.too_large_reason, target)
                refusals.append(await asyncio.to_thread(documents.refuse, target, name, reason))
            except files.StoreUnavailable as error:  # full or read-only: the file is gone
                skipping = True
                refusals.append(await _store_unavailable(target, name, error))
        else:
            await finish_current()
            return accepted, refusals
    except BaseException:  # the browser went away or the upload was cancelled
        if incoming is not None:
            incoming.discard()
        raise
    if incoming is not None:
        incoming.discard()
    refusals.append(texts.UPLOAD_TOO_MANY.format(count=MAX_FILES))
    return accepted, refusals


async def _store_unavailable(target: documents.UploadTarget, name: str, error: Exception) -> str:
    return await asyncio.to_thread(documents.store_unavailable, target, name, error)


UPLOAD_LIMIT_TEXT = texts.UPLOAD_RULES.format(limit=f"{settings.upload_max_bytes // 2**20} MB")
