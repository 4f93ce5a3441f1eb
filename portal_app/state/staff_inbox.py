"""Events of the Eingang /verwaltung: the items of the staff member's departments, filtered,
searched and paged on the server (services/inbox.py)."""

from __future__ import annotations

import asyncio

from portal_app import routes, texts
from portal_app.services import dates, departments, inbox
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView, names_of
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_datetime
from portal_app.state.session import STAFF, SessionState, guard

FILTER_FIELDS = ("status", "department", "kind", "since", "until", "text")
# (key, label) for the filter's choices
STATUS_CHOICES = list(inbox.STATUSES.items())
KIND_CHOICES = list(inbox.KINDS.items())


def scope_of(staff: StaffView) -> inbox.Scope:
    """Administrators see every department's items, other staff their own departments'."""
    return inbox.Scope(staff.id, tuple(departments.ALL) if staff.is_admin else staff.departments)


def _row(row: inbox.ItemRow, names: dict[int, str]) -> dict[str, str]:
    return {
        "id": str(row.id),
        "href": routes.staff_item(row.id),
        "received": local_datetime(row.received_at),
        "sender": row.sender,
        "email": row.sender_email,
        "subject": row.subject,
        "kind": inbox.KINDS.get(row.kind, row.kind),
        "department": departments.label(row.department),
        "status": inbox.STATUSES.get(row.status, row.status),
        "assignee": names.get(row.assignee_id, "") if row.assignee_id else "",
        "unread": "1" if row.unread else "",
        "open_label": texts.STAFF_ITEM_OPEN.format(subject=row.subject, sender=row.sender),
    }


class StaffInboxState(Feedback, SessionState):
    rows: list[dict[str, str]] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    counts: list[str] = []
    department_choices: list[dict[str, str]] = []
    # the filter in use, shown again in its form
    status: str = ""
    department: str = ""
    kind: str = ""
    since: str = ""
    until: str = ""
    text: str = ""

    def _filter(self) -> inbox.InboxFilter:
        return inbox.InboxFilter(
            status=self.status if self.status in inbox.STATUSES else "",
            department=self.department if self.department in departments.ALL else "",
            kind=self.kind if self.kind in inbox.KINDS else "",
            since=dates.optional_date(self.since),
            until=dates.optional_date(self.until),
            text=self.text,
            page=self.page,
        )

    async def _reload(self, staff: StaffView) -> None:
        scope = scope_of(staff)
        listing = await asyncio.to_thread(inbox.listing, scope, self._filter())
        counted = await asyncio.to_thread(inbox.counts, scope)
        assignees = {r.assignee_id for r in listing.rows if r.assignee_id}
        names = await asyncio.to_thread(names_of, assignees)
        self.rows = [_row(r, names) for r in listing.rows]
        self.total, self.page, self.pages = listing.total, listing.page, listing.pages
        self.counts = [
            texts.STAFF_INBOX_COUNT.format(status=label, count=counted[key])
            for key, label in inbox.STATUSES.items()
        ]
        self.department_choices = [
            {"value": key, "label": departments.label(key)} for key in scope.departments
        ]

    def _forget_filter(self) -> None:
        self.status = self.department = self.kind = self.since = self.until = self.text = ""
        self.page = 1

    @guard(STAFF)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self._forget_filter()
        await self._reload(staff)

    @guard(STAFF)
    async def apply(self, staff: StaffView, form_data: dict):
        """ "Anzeigen": the filter as typed; a date that is not one is said at its field."""
        self._clear_feedback()
        values = {name: str(form_data.get(name) or "")[:100].strip() for name in FILTER_FIELDS}
        errors = {}
        for name in ("since", "until"):
            try:
                dates.parse_date(values[name]) if values[name] else None
            except dates.DateInvalid as error:
                errors[name] = str(error)
        if errors:
            return self._fail(PortalError(texts.STAFF_INBOX_FILTER_INVALID, errors=errors))
        for name in FILTER_FIELDS:
            setattr(self, name, values[name])
        self.page = 1
        await self._reload(staff)
        self._announce(texts.STAFF_INBOX_FOUND.format(count=self.total))
        return None

    @guard(STAFF)
    async def show_all(self, staff: StaffView):
        self._clear_feedback()
        self._forget_filter()
        await self._reload(staff)
        self._announce(texts.STAFF_INBOX_FOUND.format(count=self.total))

    @guard(STAFF)
    async def turn(self, staff: StaffView, step: int):
        """ "Vorherige Seite" (-1) / "Nächste Seite" (+1)."""
        self.page = max(1, self.page + (1 if step == 1 else -1))
        await self._reload(staff)
        self._announce(texts.STAFF_INBOX_PAGE.format(page=self.page, pages=self.pages))
