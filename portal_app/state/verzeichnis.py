"""Events of the Verzeichnis /verwaltung/verzeichnis and of a record's page: search and pages,
PIN letters for the ticked records or for every match, a new PIN with its letter, ending a
Freischaltung. The staff member's registers come from the server (services/verzeichnis.py
`scope_for`); every id the browser sends is checked there again."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import team, verzeichnis
from portal_app.services.staff import StaffView
from portal_app.settings import settings
from portal_app.state.downloads import hand_out_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import entries_found, local_date, local_datetime
from portal_app.state.session import STAFF, SessionState, guard, parse_id

CHOOSE_PREFIX = "wahl-"  # a ticked record's checkbox: name "wahl-<id>"
SEARCH_MAX = verzeichnis.SEARCH_MAX
DEPARTMENTS = verzeichnis.DEPARTMENTS  # whose staff the page is for (and administrators)
IMPORT_UPLOAD_ID = "verzeichnis-datei"
IMPORT_ACCEPT = {"text/csv": [".csv"], "application/vnd.ms-excel": [".csv"], "text/plain": [".csv"]}


def scope_of(staff: StaffView) -> verzeichnis.Scope:
    return verzeichnis.scope_for(staff.id, staff.is_admin, staff.departments)


def _row(row: verzeichnis.RecordRow) -> dict[str, str]:
    return {
        "id": str(row.id),
        "href": routes.staff_record(row.art, row.id),
        "number": row.number,
        "name": row.name,
        "address": row.address,
        "choose_name": f"{CHOOSE_PREFIX}{row.id}",
        "choose_label": texts.VERZEICHNIS_CHOOSE_LABEL.format(name=row.name),
        "open_label": texts.VERZEICHNIS_OPEN_LABEL.format(name=row.name, number=row.number),
    }


def _ticked(form_data: dict) -> list[int]:
    """The ids of the ticked checkboxes, as far as they are ids at all."""
    found = []
    for name, value in (form_data or {}).items():
        if str(name).startswith(CHOOSE_PREFIX) and value:
            record_id = parse_id(str(name)[len(CHOOSE_PREFIX) :])
            if record_id:
                found.append(record_id)
    return found


class VerzeichnisState(Feedback, SessionState):
    rows: list[dict[str, str]] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    art_choices: list[dict[str, str]] = []
    # the search in use, shown again in its form
    art: str = verzeichnis.BETRIEB
    text: str = ""
    done: str = ""
    busy: bool = False
    listed: int = 0  # a new number draws the list anew (no box stays ticked)
    import_art: str = verzeichnis.BETRIEB  # the register the next upload goes into
    imports: int = 0  # a new number forgets the chosen file

    async def _reload(self, staff: StaffView) -> None:
        scope = scope_of(staff)
        if self.art not in scope.arten:
            self.art = scope.arten[0]
        wanted = verzeichnis.SearchFilter(art=self.art, text=self.text, page=self.page)
        listing = await asyncio.to_thread(verzeichnis.listing, scope, wanted)
        self.rows = [_row(r) for r in listing.rows]
        self.total, self.page, self.pages = listing.total, listing.page, listing.pages
        self.art_choices = [{"value": art, "label": verzeichnis.ARTEN[art]} for art in scope.arten]
        self.listed += 1

    def _refused(self, staff: StaffView):
        """Staff of other departments: the Eingang (their events change nothing)."""
        if verzeichnis.may_use(staff.is_admin, staff.departments):
            return None
        return rx.redirect(routes.STAFF_INBOX)

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.done, self.busy = "", False
        if (refusal := self._refused(staff)) is not None:
            return refusal
        self.text, self.page = "", 1
        await self._reload(staff)
        return None

    @guard(STAFF)
    async def search(self, staff: StaffView, form_data: dict):
        """ "Im Verzeichnis suchen": the register and the words as typed."""
        self._clear_feedback()
        self.done = ""
        if (refusal := self._refused(staff)) is not None:
            return refusal
        art = str(form_data.get("art") or "")
        try:
            text = verzeichnis.check_search(str(form_data.get("text") or "")[: SEARCH_MAX + 1])
        except verzeichnis.VerzeichnisInputInvalid as error:
            return self._fail(error)
        if art not in scope_of(staff).arten:
            return self._fail(verzeichnis.VerzeichnisInputInvalid(texts.VERZEICHNIS_ART_UNKNOWN))
        self.art, self.text, self.page = art, text, 1
        await self._reload(staff)
        self._announce(entries_found(self.total))
        return None

    @guard(STAFF)
    async def turn(self, staff: StaffView, step: int):
        """ "Vorherige Seite" (-1) / "Nächste Seite" (+1)."""
        if (refusal := self._refused(staff)) is not None:
            return refusal
        self.page = max(1, self.page + (1 if step == 1 else -1))
        await self._reload(staff)
        self._announce(texts.STAFF_INBOX_PAGE.format(page=self.page, pages=self.pages))
        return None

    async def _letters(self, staff: StaffView, record_ids: list[int]):
        """Make the letters (minutes for thousands), then hand the PDF out once."""
        async with self:
            self._clear_feedback()
            self.done, self.busy, art = "", True, self.art
            self._announce(texts.VERZEICHNIS_BULK_BUSY)
        try:
            count, letters = await asyncio.to_thread(
                verzeichnis.bulk_letters, scope_of(staff), art, record_ids
            )
        except (verzeichnis.RecordNotFound, verzeichnis.VerzeichnisInputInvalid) as error:
            async with self:
                self.busy = False
                return self._fail(error)
        async with self:
            self.busy = False
            self.done = texts.VERZEICHNIS_BULK_DONE.format(count=count)
            self._announce(self.done)
            self.listed += 1
            token = self._staff_token()
        return await hand_out_to_staff(token, staff.id, letters, generated=True)

    @guard(STAFF, background=True)
    async def letters_for_chosen(self, staff: StaffView, form_data: dict):
        """ "PIN-Briefe für die Ausgewählten": the records ticked on this page."""
        if not verzeichnis.may_use(staff.is_admin, staff.departments):
            return rx.redirect(routes.STAFF_INBOX)
        return await self._letters(staff, _ticked(form_data))

    @guard(STAFF, background=True)
    async def letters_for_all(self, staff: StaffView):
        """ "PIN-Briefe für alle Treffer": every record the search in use finds."""
        if not verzeichnis.may_use(staff.is_admin, staff.departments):
            return rx.redirect(routes.STAFF_INBOX)
        async with self:
            art, text = self.art, self.text
        try:
            ids = await asyncio.to_thread(verzeichnis.matching_ids, scope_of(staff), art, text)
        except verzeichnis.RecordNotFound as error:
            async with self:
                return self._fail(error)
        return await self._letters(staff, ids)

    @guard(STAFF)
    async def pick_import_art(self, _staff: StaffView, value: str):
        self.import_art = str(value)[:10]

    @guard(STAFF, background=True)
    async def import_csv(self, staff: StaffView, chunks: rx.UploadChunkIterator):
        """ "Importieren": the chosen CSV into the chosen register, all rows or none."""
        async with self:
            self._clear_feedback()
            self.done, art = "", self.import_art
        if not verzeichnis.may_use(staff.is_admin, staff.departments):
            return rx.redirect(routes.STAFF_INBOX)
        raw = await _read(chunks, settings.upload_max_bytes)
        try:
            if raw is None:
                mb = settings.upload_max_bytes // (1024 * 1024)
                raise verzeichnis.VerzeichnisInputInvalid(
                    texts.VERZEICHNIS_IMPORT_TOO_LARGE.format(mb=mb), field="import_file"
                )
            result = await asyncio.to_thread(verzeichnis.import_registry, scope_of(staff), art, raw)
        except (verzeichnis.RecordNotFound, verzeichnis.VerzeichnisInputInvalid) as error:
            async with self:
                self.imports += 1
                return self._fail(error)
        async with self:
            self.imports += 1
            self.done = texts.VERZEICHNIS_IMPORT_DONE.format(
                added=result.added, updated=result.updated
            )
            self._announce(self.done)
            await self._reload(staff)
        return None


async def _read(chunks, limit: int) -> bytes | None:
    """The uploaded file's bytes (one file), or None once it is larger than `limit`."""
    data = bytearray()
    async for chunk in chunks:
        data += chunk.data
        if len(data) > limit:
            return None
    return bytes(data)


class VerzeichnisRecordState(Feedback, SessionState):
    art: str = ""
    record_id: int = 0
    found: bool = False
    name: str = ""
    facts: list[list[str]] = []  # label, value
    links: list[dict[str, str]] = []
    pins: list[list[str]] = []  # issued, valid until, state, tries
    requests: list[str] = []
    done: str = ""

    def _from_route(self) -> tuple[str, int]:
        params = self.router.page.params
        if "betrieb_id" in params:
            return verzeichnis.BETRIEB, parse_id(params.get("betrieb_id", "")) or 0
        return verzeichnis.PERSON, parse_id(params.get("person_id", "")) or 0

    async def _show(self, staff: StaffView) -> None:
        try:
            detail = await asyncio.to_thread(
                verzeichnis.record_detail, scope_of(staff), self.art, self.record_id
            )
        except verzeichnis.RecordNotFound:
            self.found = False
            return
        self.found = True
        self.name = detail.row.name
        self.facts = [[label, value] for label, value in detail.facts]
        self.links = [
            {
                "id": str(link.id),
                "email": link.email,
                "since": local_datetime(link.since),
                "end_label": texts.VERZEICHNIS_LINK_END_LABEL.format(email=link.email),
            }
            for link in detail.links
        ]
        self.pins = [
            [
                local_datetime(pin.created_at),
                local_date(pin.expires_at),
                pin.state,
                texts.VERZEICHNIS_PIN_TRIES_VALUE.format(
                    tries=pin.failed_tries,
                    accounts=pin.failing_accounts,
                    limit=verzeichnis.VOID_AFTER_ACCOUNTS,
                ),
            ]
            for pin in detail.pins
        ]
        self.requests = [
            texts.VERZEICHNIS_REQUEST_LINE.format(
                date=local_datetime(request.created_at), email=request.email or "–"
            )
            for request in detail.requests
        ]

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.done = ""
        if not verzeichnis.may_use(staff.is_admin, staff.departments):
            return rx.redirect(routes.STAFF_INBOX)
        self.art, self.record_id = self._from_route()
        await self._show(staff)
        return None

    @guard(STAFF)
    async def issue_pin(self, staff: StaffView):
        """ "Neue PIN ausstellen": the older PIN is void, the letter is downloaded once."""
        self._clear_feedback()
        self.done = ""
        try:
            issued, letter = await asyncio.to_thread(
                verzeichnis.issue_pin, scope_of(staff), self.art, self.record_id
            )
        except verzeichnis.RecordNotFound as error:
            return self._fail(error)
        self.done = texts.VERZEICHNIS_PIN_ISSUED.format(date=local_date(issued.expires_at))
        self._announce(self.done)
        await self._show(staff)
        return await hand_out_to_staff(self._staff_token(), staff.id, letter, generated=True)

    @guard(STAFF)
    async def end_link(self, staff: StaffView, link_id: str):
        """ "Freischaltung beenden" of one account (the id is checked against the record)."""
        self._clear_feedback()
        self.done = ""
        try:
            await asyncio.to_thread(
                verzeichnis.end_link,
                scope_of(staff),
                self.art,
                self.record_id,
                parse_id(link_id) or 0,
            )
        except (verzeichnis.RecordNotFound, team.LastAdministrator) as error:
            return self._fail(error)
        self.done = texts.VERZEICHNIS_LINK_ENDED
        self._announce(self.done)
        await self._show(staff)
        return None
