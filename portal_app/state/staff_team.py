"""Events of the administrators' team page: invite, departments, deactivate, reset the second
factor. Every handler is `@guard(STAFF_ADMIN)`: the server checks the administrator each time."""

from __future__ import annotations

import asyncio

from portal_app import texts
from portal_app.services import departments
from portal_app.services import staff as staff_service
from portal_app.services.emails import EmailRejected
from portal_app.services.staff import StaffRefused, StaffRow, StaffView
from portal_app.state.feedback import Feedback
from portal_app.state.session import STAFF_ADMIN, SessionState, guard, parse_id

# (key, label) of every department, in the chamber's order: the page's checkboxes
DEPARTMENT_CHOICES: list[tuple[str, str]] = list(departments.ALL.items())
DEPARTMENT_FIELD = "abteilung_"


def chosen_departments(form_data: dict) -> list[str]:
    """The departments ticked in a form (a ticked checkbox sends "on")."""
    return [
        name.removeprefix(DEPARTMENT_FIELD)
        for name, value in form_data.items()
        if str(name).startswith(DEPARTMENT_FIELD) and value not in (None, "", False, "false")
    ]


def _row(row: StaffRow, me: int) -> dict[str, str]:
    labels = ", ".join(departments.label(k) for k in row.departments)
    if not row.active:
        status = texts.STAFF_STATUS_INACTIVE
    elif row.second_factor:
        status = f"{texts.STAFF_STATUS_ACTIVE}, {texts.STAFF_STATUS_SECOND_FACTOR}"
    else:
        status = f"{texts.STAFF_STATUS_ACTIVE}, {texts.STAFF_STATUS_SETUP_OPEN}"
    return {
        "id": str(row.id),
        "name": row.name + (f" {texts.STAFF_YOU}" if row.id == me else ""),
        "email": row.email,
        "role": texts.STAFF_ROLE_ADMIN if row.is_admin else texts.STAFF_ROLE_STAFF,
        "status": status,
        "departments": labels or texts.STAFF_NO_DEPARTMENTS,
        "keys": "," + ",".join(row.departments) + ",",
        "active": "1" if row.active else "",
        "other": "1" if row.id != me else "",
    }


class StaffTeamState(Feedback, SessionState):
    rows: list[dict[str, str]] = []
    done: str = ""
    # a new number draws the invitation form anew (its fields empty)
    invite_form_key: int = 0

    async def _reload(self, me: int) -> None:
        rows = await asyncio.to_thread(staff_service.listing)
        self.rows = [_row(r, me) for r in rows]

    @guard(STAFF_ADMIN)
    async def load(self, staff: StaffView):
        self._clear_feedback()
        self.done = ""
        await self._reload(staff.id)

    @guard(STAFF_ADMIN)
    async def invite(self, staff: StaffView, form_data: dict):
        self._clear_feedback()
        self.done = ""
        email = str(form_data.get("email", ""))
        try:
            await asyncio.to_thread(
                staff_service.invite,
                staff,
                email,
                str(form_data.get("name", "")),
                chosen_departments(form_data),
            )
        except (StaffRefused, EmailRejected) as error:
            return self._fail(error)
        self.done = texts.STAFF_INVITED.format(email=email.strip())
        self._succeed(self.done)
        self.invite_form_key += 1
        await self._reload(staff.id)
        return None

    async def _act(self, staff: StaffView, staff_id, action, message: str):
        self._clear_feedback()
        self.done = ""
        target = parse_id(staff_id)
        name = next((r["name"] for r in self.rows if r["id"] == str(target)), "")
        try:
            await asyncio.to_thread(action, target or 0)
        except StaffRefused as error:
            return self._fail(error)
        self.done = message.format(name=name)
        self._succeed(self.done)
        await self._reload(staff.id)
        return None

    @guard(STAFF_ADMIN)
    async def save_departments(self, staff: StaffView, form_data: dict):
        keys = chosen_departments(form_data)
        return await self._act(
            staff,
            form_data.get("staff_id"),
            lambda target: staff_service.set_departments(staff, target, keys),
            texts.STAFF_DEPARTMENTS_SAVED,
        )

    @guard(STAFF_ADMIN)
    async def deactivate(self, staff: StaffView, staff_id):
        return await self._act(
            staff,
            staff_id,
            lambda target: staff_service.deactivate(staff, target),
            texts.STAFF_DEACTIVATED,
        )

    @guard(STAFF_ADMIN)
    async def reset_second_factor(self, staff: StaffView, staff_id):
        return await self._act(
            staff,
            staff_id,
            lambda target: staff_service.reset_second_factor(staff, target),
            texts.STAFF_SECOND_FACTOR_WAS_RESET,
        )
