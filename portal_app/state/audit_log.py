"""Events of the audit log /verwaltung/protokoll (administrators): filter, pages, the CSV
export through a download ticket. Every handler is `@guard(STAFF_ADMIN)`, and the service
checks the administrator again."""

from __future__ import annotations

import asyncio

from portal_app import texts
from portal_app.services import audit_log, dates, spreadsheet
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView
from portal_app.state.downloads import hand_out_made_to_staff
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import entries_found, local_datetime
from portal_app.state.session import STAFF_ADMIN, SessionState, guard

FILTER_FIELDS = ("actor_kind", "actor", "action", "record", "since", "until")
ACTOR_KIND_CHOICES = [
    (audit_log.MEMBER, texts.AUDIT_ACTOR_KIND_MEMBER),
    (audit_log.STAFF, texts.STAFF_TEAM_TITLE),
]


def action_label(action: str) -> str:
    """The entry's kind in German; a code without a label as it is."""
    if action.startswith(ITEM_PREFIX) and action[len(ITEM_PREFIX) :] in texts.STAFF_HISTORY:
        return texts.AUDIT_ITEM_ACTION.format(what=texts.STAFF_HISTORY[action[len(ITEM_PREFIX) :]])
    return texts.AUDIT_ACTIONS.get(action, action)


ITEM_PREFIX = "vorgang_"  # an inbox item's step (services/inbox.py `_history`)


def _row(row: audit_log.AuditRow) -> dict[str, str]:
    return {
        "id": str(row.id),
        "at": local_datetime(row.at),
        "actor": row.actor or texts.PORTAL,
        "action": action_label(row.action),
        "target": row.target,
        "detail": row.detail,
    }


class AuditLogState(Feedback, SessionState):
    rows: list[dict[str, str]] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    action_choices: list[dict[str, str]] = []  # {code, label}, by label
    # the filter in use
    actor_kind: str = ""
    actor: str = ""
    action: str = ""
    record: str = ""
    since: str = ""
    until: str = ""

    def _filter(self) -> audit_log.AuditFilter:
        return audit_log.AuditFilter(
            actor_kind=self.actor_kind if self.actor_kind in audit_log.ACTOR_KINDS else "",
            actor=self.actor,
            action=self.action,
            record=self.record,
            since=dates.optional_date(self.since),
            until=dates.optional_date(self.until),
            page=self.page,
        )

    async def _reload(self, staff: StaffView) -> None:
        found = await asyncio.to_thread(audit_log.search, staff, self._filter())
        self.rows = [_row(r) for r in found.rows]
        self.total, self.page, self.pages = found.total, found.page, found.pages

    @guard(STAFF_ADMIN)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        for name in FILTER_FIELDS:
            setattr(self, name, "")
        self.page = 1
        codes = await asyncio.to_thread(audit_log.actions, staff)
        choices = [{"code": code, "label": action_label(code)} for code in codes]
        self.action_choices = sorted(choices, key=lambda choice: choice["label"])
        await self._reload(staff)

    @guard(STAFF_ADMIN)
    async def apply(self, staff: StaffView, form_data: dict):
        """ "Anzeigen": the filter as typed; a date that is not one is said at its field."""
        self._clear_feedback()
        values = {
            name: str(form_data.get(name) or "")[: audit_log.TEXT_MAX].strip()
            for name in FILTER_FIELDS
        }
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
        self._announce(entries_found(self.total))
        return None

    @guard(STAFF_ADMIN)
    async def show_all(self, staff: StaffView):
        self._clear_feedback()
        for name in FILTER_FIELDS:
            setattr(self, name, "")
        self.page = 1
        await self._reload(staff)
        self._announce(entries_found(self.total))

    @guard(STAFF_ADMIN)
    async def turn(self, staff: StaffView, step: int):
        self.page = max(1, self.page + (1 if step == 1 else -1))
        await self._reload(staff)
        self._announce(texts.COURSES_PAGE.format(page=self.page, pages=self.pages))

    @guard(STAFF_ADMIN)
    async def export(self, staff: StaffView):
        """ "Als CSV herunterladen": the entries of the filter in use."""
        name, data = await asyncio.to_thread(audit_log.export_csv, staff, self._filter())
        return await hand_out_made_to_staff(
            self._staff_token(), staff.id, name, spreadsheet.CONTENT_TYPE, data
        )
