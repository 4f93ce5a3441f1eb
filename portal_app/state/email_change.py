"""Events of "E-Mail-Adresse ändern" (logged in) and of the pages behind its two mailed links."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import email_change
from portal_app.services.emails import EmailRejected
from portal_app.services.password_change import CurrentPasswordWrong
from portal_app.services.sessions import AccountView
from portal_app.state.feedback import Feedback
from portal_app.state.fields import field_id
from portal_app.state.session import MEMBER, VISITOR, SessionState, guard

FIELDS = ("new_email", "password")


class EmailChangeState(Feedback, SessionState):
    sent_to: str = ""

    @rx.event
    def load(self):
        self._clear_feedback()
        self.sent_to = ""

    @rx.var
    def sent_message(self) -> str:
        return texts.EMAIL_CHANGE_SENT.format(email=self.sent_to)

    @guard(MEMBER)
    async def submit(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        self.sent_to = ""
        try:
            self.sent_to = await asyncio.to_thread(
                email_change.request_change,
                account.id,
                str(form_data.get("new_email", "")),
                str(form_data.get("password", "")),
            )
        except CurrentPasswordWrong as error:
            return self._fail(error, clear=["password"])
        except (EmailRejected, email_change.SameAddress) as error:
            return self._fail(error, clear=["password"])
        self._succeed(texts.EMAIL_CHANGE_SENT.format(email=self.sent_to))
        return [rx.set_value(field_id(name), "") for name in FIELDS]


class EmailConfirmState(Feedback, SessionState):
    """The page behind the link to the new address. Opening it uses nothing up. In a session
    of the link's account a button makes the change; otherwise the account's password is
    asked. The token is never kept here (see components/link_token.py)."""

    checked: bool = False
    done: bool = False
    new_email: str = ""
    own_session: bool = False

    @rx.event
    def load(self):
        self._clear_feedback()
        self.checked = self.done = self.own_session = False
        self.new_email = ""

    @rx.var
    def question(self) -> str:
        return texts.EMAIL_CONFIRM_QUESTION.format(email=self.new_email)

    @rx.var
    def done_message(self) -> str:
        return texts.EMAIL_CONFIRM_DONE.format(email=self.new_email)

    @guard(VISITOR)
    async def check_link(self, _account: AccountView | None, token: str):
        self._clear_feedback()
        try:
            pending = await asyncio.to_thread(
                email_change.check_link, str(token), self._session_token()
            )
        except email_change.ChangeLinkInvalid as error:
            self.problem = error.message
        else:
            self.new_email, self.own_session = pending.new_email, pending.own_session
        self.checked = True

    @guard(VISITOR)
    async def submit(self, _account: AccountView | None, form_data: dict, token: str = ""):
        self._clear_feedback()
        password = form_data.get("password") if isinstance(form_data, dict) else None
        try:
            self.new_email = await asyncio.to_thread(
                email_change.confirm,
                str(token),
                self._session_token(),
                str(password) if password else None,
            )
        except (CurrentPasswordWrong, email_change.PasswordNeeded) as error:
            return self._fail(error, clear=["password"])
        except (email_change.ChangeLinkInvalid, email_change.AddressTaken) as error:
            return self._fail(error)
        self.done = True
        self._succeed(texts.EMAIL_CONFIRM_DONE.format(email=self.new_email))
        return None


class EmailUndoState(Feedback, SessionState):
    """The page behind the undo link to the old address: a button undoes the change."""

    checked: bool = False
    done: bool = False
    old_email: str = ""

    @rx.event
    def load(self):
        self._clear_feedback()
        self.checked = self.done = False
        self.old_email = ""

    @rx.var
    def question(self) -> str:
        return texts.EMAIL_UNDO_QUESTION.format(email=self.old_email)

    @rx.var
    def done_message(self) -> str:
        return texts.EMAIL_UNDO_DONE.format(email=self.old_email)

    @guard(VISITOR)
    async def check_link(self, _account: AccountView | None, token: str):
        self._clear_feedback()
        try:
            self.old_email = await asyncio.to_thread(email_change.check_undo_link, str(token))
        except email_change.UndoLinkInvalid as error:
            self.problem = error.message
        self.checked = True

    @guard(VISITOR)
    async def submit(self, _account: AccountView | None, token: str = ""):
        self._clear_feedback()
        try:
            self.old_email = await asyncio.to_thread(email_change.undo, str(token))
        except (email_change.UndoLinkInvalid, email_change.AddressTaken) as error:
            return self._fail(error)
        self.done = True
        self.logged_in = False
        self.account_email = ""
        self._succeed(texts.EMAIL_UNDO_DONE.format(email=self.old_email))
        return None
