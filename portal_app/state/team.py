"""Events of a Betrieb's team page (/konto/betrieb/<nummer>) and of the invitation link's page.

Every handler goes through the guard; the services check at every call that the account
belongs to the Betrieb (and is its administrator where needed): the number and ids the browser
sends prove nothing."""

from __future__ import annotations

import asyncio
from urllib.parse import unquote

import reflex as rx

from portal_app import routes, texts
from portal_app.services import member_totp, team
from portal_app.services.errors import PortalError
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_date
from portal_app.state.session import MEMBER, UNLOCKED, SessionState, guard, parse_id

# (key, label) of every role, in order: the page's checkboxes
ROLE_CHOICES: list[tuple[str, str]] = list(team.ROLES.items())
ROLE_FIELD = "rolle_"


def chosen_roles(form_data: dict) -> list[str]:
    """The roles ticked in a form (a ticked checkbox sends "on")."""
    return [
        str(name).removeprefix(ROLE_FIELD)
        for name, value in form_data.items()
        if str(name).startswith(ROLE_FIELD) and value not in (None, "", False, "false")
    ][: len(ROLE_CHOICES) + 1]


def _member_row(member: team.MemberView) -> dict[str, str]:
    roles = texts.TEAM_ADMIN if member.is_admin else team.role_labels(member.roles)
    return {
        "id": str(member.id),
        "email": member.email,
        "name": texts.TEAM_YOU.format(email=member.email) if member.is_me else member.email,
        "roles": roles,
        "keys": "," + ",".join(member.roles) + ",",
        "admin": "1" if member.is_admin else "",
        "me": "1" if member.is_me else "",
        "since": local_date(member.since),
        "roles_label": texts.TEAM_ROLES_OF.format(email=member.email),
        "admin_label": texts.TEAM_MAKE_ADMIN_LABEL.format(email=member.email),
        "remove_label": texts.TEAM_REMOVE_LABEL.format(email=member.email),
        "remove_question": texts.TEAM_REMOVE_CONFIRM.format(email=member.email),
    }


def _invitation_row(row: team.InvitationView) -> dict[str, str]:
    return {
        "id": str(row.id),
        "email": row.email,
        "line": texts.TEAM_INVITATION_LINE.format(
            email=row.email, roles=team.role_labels(row.roles), until=local_date(row.expires_at)
        ),
        "withdraw_label": texts.TEAM_WITHDRAW_LABEL.format(email=row.email),
    }


class TeamState(Feedback, SessionState):
    nummer: str = ""
    betrieb_name: str = ""
    found: bool = False
    i_am_admin: bool = False
    # an administrator without a second factor sees the team, but manages it only after set-up
    needs_second_factor: bool = False
    members: list[dict[str, str]] = []
    invitations: list[dict[str, str]] = []
    done: str = ""
    # the member whose removal the page asks to confirm ("" = none); the own leaving
    confirm_remove: str = ""
    confirm_leave: bool = False
    # a new number draws the invitation form anew (its fields empty)
    invite_form_key: int = 0

    @rx.var
    def heading(self) -> str:
        return texts.TEAM_HEADING.format(nummer=self.nummer) if self.nummer else texts.TEAM_TITLE

    @rx.var
    def second_factor_href(self) -> str:
        return routes.second_factor_setup(routes.team(self.nummer)) if self.nummer else ""

    def _nummer_from_url(self) -> str:
        return unquote(self.router.url.path.rstrip("/").rsplit("/", 1)[-1])[:20]

    async def _reload(self, account_id: int) -> None:
        try:
            view = await asyncio.to_thread(team.team, account_id, self.nummer)
        except team.NotFound as error:
            self.found, self.members, self.invitations, self.i_am_admin = False, [], [], False
            self.needs_second_factor = False
            self.betrieb_name = ""
            self.problem = error.message
            return
        self.found = True
        self.nummer, self.betrieb_name, self.i_am_admin = view.nummer, view.name, view.i_am_admin
        second_factor = await asyncio.to_thread(member_totp.status, account_id)
        self.needs_second_factor = second_factor.required and not second_factor.enabled
        self.members = [_member_row(m) for m in view.members]
        self.invitations = [_invitation_row(i) for i in view.invitations]

    @guard(UNLOCKED)
    async def load(self, account: AccountView):
        self._clear_feedback()
        self.done, self.confirm_remove, self.confirm_leave = "", "", False
        self.nummer = self._nummer_from_url()
        await self._reload(account.id)

    async def _act(self, account: AccountView, action, message: str, *, reload: bool = True):
        self._clear_feedback()
        self.done, self.confirm_remove, self.confirm_leave = "", "", False
        try:
            await asyncio.to_thread(action)
        except PortalError as error:
            await self._reload(account.id)
            return self._fail(error)
        self.done = message
        self._succeed(message)
        if reload:
            await self._reload(account.id)
        return None

    def _email_of(self, member_id) -> str:
        return next((m["email"] for m in self.members if m["id"] == str(member_id)), "")

    @guard(UNLOCKED)
    async def invite(self, account: AccountView, form_data: dict):
        email = str(form_data.get("email", ""))[:500]
        result = await self._act(
            account,
            lambda: team.invite(account.id, self.nummer, email, chosen_roles(form_data)),
            texts.TEAM_INVITED.format(email=email.strip()[:254], days=team.INVITATION_DAYS),
        )
        if not self.errors and not self.problem:
            self.invite_form_key += 1
        return result

    @guard(UNLOCKED)
    async def withdraw(self, account: AccountView, invitation_id):
        target = parse_id(invitation_id)
        email = next((i["email"] for i in self.invitations if i["id"] == str(target)), "")
        return await self._act(
            account,
            lambda: team.withdraw(account.id, self.nummer, target),
            texts.TEAM_WITHDRAWN.format(email=email),
        )

    @guard(UNLOCKED)
    async def save_roles(self, account: AccountView, form_data: dict):
        target = parse_id(form_data.get("member_id"))
        return await self._act(
            account,
            lambda: team.set_roles(account.id, self.nummer, target, chosen_roles(form_data)),
            texts.TEAM_ROLES_SAVED.format(email=self._email_of(target)),
        )

    @guard(UNLOCKED)
    async def make_admin(self, account: AccountView, member_id):
        target = parse_id(member_id)
        return await self._act(
            account,
            lambda: team.make_admin(account.id, self.nummer, target),
            texts.TEAM_ADMIN_MADE.format(email=self._email_of(target)),
        )

    @guard(UNLOCKED)
    async def ask_remove(self, _account: AccountView, member_id):
        target = parse_id(member_id)
        self.confirm_remove = str(target) if target else ""
        self.confirm_leave, self.done = False, ""
        self._clear_feedback()
        if target:
            self._announce(texts.TEAM_REMOVE_CONFIRM.format(email=self._email_of(target)))

    @guard(UNLOCKED)
    async def cancel(self, _account: AccountView):
        self.confirm_remove, self.confirm_leave = "", False

    @guard(UNLOCKED)
    async def remove(self, account: AccountView, member_id):
        target = parse_id(member_id)
        return await self._act(
            account,
            lambda: team.remove(account.id, self.nummer, target),
            texts.TEAM_REMOVED.format(email=self._email_of(target)),
        )

    @guard(UNLOCKED)
    async def step_down(self, account: AccountView):
        return await self._act(
            account, lambda: team.step_down(account.id, self.nummer), texts.TEAM_STEPPED_DOWN
        )

    @guard(UNLOCKED)
    async def ask_leave(self, _account: AccountView):
        self.confirm_leave, self.confirm_remove, self.done = True, "", ""
        self._clear_feedback()
        self._announce(texts.TEAM_LEAVE_CONFIRM)

    @guard(UNLOCKED)
    async def leave(self, account: AccountView):
        nummer = self.nummer
        result = await self._act(
            account,
            lambda: team.leave(account.id, nummer),
            texts.TEAM_LEFT.format(nummer=nummer),
            reload=False,
        )
        if self.done:
            self.found, self.members, self.invitations, self.i_am_admin = False, [], [], False
        return result


class TeamInvitationState(Feedback, SessionState):
    """The page behind the invitation link. Opening it uses nothing up; accepting does. The
    token is never kept here (see components/link_token.py): the page sends it each time."""

    checked: bool = False
    betrieb: str = ""
    invited_email: str = ""
    accepted: str = ""

    @rx.event
    async def load(self):
        self._clear_feedback()
        self.checked, self.betrieb, self.invited_email = False, "", ""
        self.accepted = ""
        await self._account()  # the page shows "accept" only to someone logged in

    @rx.event
    async def check_link(self, token: str):
        self._clear_feedback()
        try:
            info = await asyncio.to_thread(team.invitation, str(token)[:200])
        except team.InvitationInvalid as error:
            self.betrieb = ""
            self.problem = error.message
        else:
            self.betrieb = texts.TEAM_INVITATION_TEXT.format(
                betrieb=info.betrieb, roles=team.role_labels(info.roles)
            )
            self.invited_email = texts.TEAM_INVITATION_FOR.format(email=info.email)
        self.checked = True

    @guard(MEMBER)
    async def accept(self, account: AccountView, token: str = ""):
        self._clear_feedback()
        try:
            joined = await asyncio.to_thread(team.accept, account.id, str(token)[:200])
        except team.InvitationInvalid as error:
            return self._fail(error)
        self.accepted = texts.TEAM_INVITATION_ACCEPTED.format(nummer=joined.nummer)
        self._succeed(self.accepted)
        return None
