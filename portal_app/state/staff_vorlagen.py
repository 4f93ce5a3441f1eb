"""Events of /verwaltung/vorlagen (administrators): add a Vorlage with its file, replace a
Vorlage's file, remove a Vorlage. Every handler is `@guard(STAFF_ADMIN)`: the server checks
the administrator each time; the file checks are the command's (services/vorlagen.py)."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import documents, files, vorlagen
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.settings import settings
from portal_app.state.feedback import Feedback
from portal_app.state.session import STAFF_ADMIN, SessionState, guard, parse_id

ADD_UPLOAD_ID = "vorlage-neu"
REPLACE_UPLOAD_ID = "vorlage-ersetzen"
FIELD_MAX = 600


def _row(view: vorlagen.VorlageView) -> dict[str, str]:
    return {
        "id": str(view.id),
        "thema": view.thema,
        "titel": view.titel,
        "beschreibung": view.beschreibung,
        "facts": f"{view.name} · {view.kind}, {documents.format_size(view.size)}",
        "choice": f"{view.thema}: {view.titel}",
        "remove_label": texts.STAFF_VORLAGE_REMOVE_LABEL.format(titel=view.titel),
        "question": texts.STAFF_VORLAGE_REMOVE_QUESTION.format(titel=view.titel),
    }


async def _receive_one(chunks) -> tuple[files.Incoming | None, str, str]:
    """The one chosen file as it streams in, capped like every upload: the file, its name,
    or a refusal (none, several, too large)."""
    incoming, name = None, ""
    try:
        async for chunk in chunks:
            if incoming is None:
                name = str(chunk.filename)[:200]
                incoming = files.Incoming(settings.upload_max_bytes)
            elif str(chunk.filename)[:200] != name:
                incoming.discard()
                return None, "", texts.STAFF_VORLAGE_ONE_FILE
            incoming.write(chunk.data)
    except files.FileTooLarge:
        return None, "", texts.STAFF_VORLAGE_FILE_TOO_LARGE
    except BaseException:
        if incoming is not None:
            incoming.discard()
        raise
    if incoming is None:
        return None, "", texts.STAFF_VORLAGE_FILE_MISSING
    return incoming, name, ""


class StaffVorlagenState(Feedback, SessionState):
    rows: list[dict[str, str]] = []
    topics: list[str] = []
    done: str = ""
    # a new number draws the forms anew (fields and chosen files empty)
    forms_done: int = 0
    asking_remove: str = ""  # the id whose removal is asked about
    # the add form's fields, kept as typed (the upload event reads them)
    thema: str = ""
    titel: str = ""
    beschreibung: str = ""
    replace_id: str = ""

    async def _reload(self) -> None:
        found = await asyncio.to_thread(vorlagen.all_vorlagen)
        self.rows = [_row(v) for v in found]
        self.topics = sorted({v.thema for v in found})

    @guard(STAFF_ADMIN)
    async def load(self, _staff: StaffView):
        self._clear_feedback()
        self.done, self.asking_remove, self.replace_id = "", "", ""
        self.thema = self.titel = self.beschreibung = ""
        await self._reload()

    @guard(STAFF_ADMIN)
    async def keep_thema(self, _staff: StaffView, value: str):
        self.thema = str(value)[:FIELD_MAX]

    @guard(STAFF_ADMIN)
    async def keep_titel(self, _staff: StaffView, value: str):
        self.titel = str(value)[:FIELD_MAX]

    @guard(STAFF_ADMIN)
    async def keep_beschreibung(self, _staff: StaffView, value: str):
        self.beschreibung = str(value)[:FIELD_MAX]

    @guard(STAFF_ADMIN)
    async def pick_replace(self, _staff: StaffView, value: str):
        self.replace_id = str(value)[:12]
        self._field_error("vorlage")

    def _finish(self, message: str) -> None:
        self.done = message
        self.forms_done += 1
        self._succeed(message)

    @guard(STAFF_ADMIN, background=True)
    async def add(self, staff: StaffView, chunks: rx.UploadChunkIterator):
        """ "Vorlage einstellen": the fields as typed, the one file chosen."""
        async with self:
            thema, titel, beschreibung = self.thema, self.titel, self.beschreibung
            self._clear_feedback()
            self.done, self.asking_remove = "", ""
        incoming, name, refusal = await _receive_one(chunks)
        problem, added = None, None
        try:
            if refusal:
                vorlagen.check_fields(thema, titel, beschreibung)  # the fields' errors first
                problem = PortalError(refusal, field="datei")
            else:
                added = await asyncio.to_thread(
                    vorlagen.add_incoming,
                    thema,
                    titel,
                    beschreibung,
                    incoming,
                    name,
                    staff_id=staff.id,
                )
        except vorlagen.VorlageRejected as error:
            problem = error
            if incoming is not None:
                incoming.discard()
        async with self:
            if problem is not None:
                return self._fail(problem)
            self.thema = self.titel = self.beschreibung = ""
            self._finish(texts.STAFF_VORLAGE_ADDED.format(titel=added.titel))
            await self._reload()
        return None

    @guard(STAFF_ADMIN, background=True)
    async def replace(self, staff: StaffView, chunks: rx.UploadChunkIterator):
        """ "Datei ersetzen": the Vorlage picked, the one file chosen."""
        async with self:
            vorlage_id = parse_id(self.replace_id)
            self._clear_feedback()
            self.done, self.asking_remove = "", ""
        incoming, name, refusal = await _receive_one(chunks)
        problem, replaced = None, None
        if vorlage_id is None:
            problem = PortalError(texts.STAFF_VORLAGE_REPLACE_PICK_FIRST, field="vorlage")
        elif refusal:
            problem = PortalError(refusal, field="ersatz")
        else:
            try:
                replaced = await asyncio.to_thread(
                    vorlagen.replace, vorlage_id, incoming, name, staff_id=staff.id
                )
            except vorlagen.VorlageRejected as error:
                problem = PortalError(error.message, field="ersatz")
            except vorlagen.VorlageNotFound as error:
                problem = error
        if problem is not None and incoming is not None:
            incoming.discard()
        async with self:
            if problem is not None:
                return self._fail(problem)
            self.replace_id = ""
            self._finish(texts.STAFF_VORLAGE_REPLACED.format(titel=replaced.titel))
            await self._reload()
        return None

    @guard(STAFF_ADMIN)
    async def ask_remove(self, _staff: StaffView, vorlage_id: str):
        found = parse_id(vorlage_id)
        self.asking_remove = str(found) if found is not None else ""

    @guard(STAFF_ADMIN)
    async def keep_vorlage(self, _staff: StaffView):
        self.asking_remove = ""

    @guard(STAFF_ADMIN)
    async def remove(self, staff: StaffView, vorlage_id: str):
        self._clear_feedback()
        self.done, self.asking_remove = "", ""
        found = parse_id(vorlage_id)
        try:
            if found is None:
                raise vorlagen.VorlageNotFound(texts.VORLAGE_NOT_FOUND)
            removed = await asyncio.to_thread(vorlagen.remove, found, staff_id=staff.id)
        except vorlagen.VorlageNotFound as error:
            await self._reload()
            return self._fail(error)
        self._finish(texts.STAFF_VORLAGE_REMOVED.format(titel=removed.titel))
        await self._reload()
        return None
