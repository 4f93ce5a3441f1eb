"""Events of /sepa: grant, replace and revoke a Betrieb's mandate, its PDF."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import member_totp, sepa, sepa_collection, sepa_pdf
from portal_app.services.dates import format_date
from portal_app.services.sessions import AccountView
from portal_app.state.downloads import send_file
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_date, local_datetime
from portal_app.state.session import UNLOCKED, SessionState, guard, parse_id


def _row(view: sepa.MandateView) -> dict[str, str]:
    reason = sepa.END_REASONS.get(view.end_reason, view.end_reason)
    return {
        "id": str(view.id),
        "betrieb_key": view.betrieb_key,
        "reference": view.reference,
        "holder": view.holder,
        "iban": texts.SEPA_IBAN_SHOWN.format(last4=view.last4),
        "bank": view.bank_name or "–",
        "creditor_id": view.creditor_id,
        "since": local_datetime(view.granted_at),
        "ended": texts.SEPA_ENDED.format(date=local_date(view.ended_at), reason=reason)
        if view.ended_at
        else "",
    }


def _collection(view: sepa_collection.CollectionView) -> str:
    return texts.SEPA_COLLECTIONS_ROW.format(
        date=format_date(view.faellig_am),
        amount=sepa_collection.format_amount(view.amount_cents),
        purpose=view.purpose,
        kind=texts.SEPA_SEQUENCE_FIRST
        if view.sequence == sepa_collection.FIRST
        else texts.SEPA_SEQUENCE_RECURRING,
    )


class SepaState(Feedback, SessionState):
    betriebe: list[dict[str, str]] = []
    betrieb_key: str = ""
    active: dict[str, str] = {}
    history: list[dict[str, str]] = []
    # the active mandate's collections, one line each
    collections: list[str] = []
    mandate_text: str = ""
    bank_hint: str = ""
    message: str = ""
    confirm_revoke: bool = False
    form_round: int = 0
    # the account must use a second factor and has none yet: the page leads to its set-up
    needs_second_factor: bool = False

    @rx.var
    def has_active(self) -> bool:
        return bool(self.active)

    async def _show(self, account_id: int) -> None:
        second_factor = await asyncio.to_thread(member_totp.status, account_id)
        self.needs_second_factor = second_factor.required and not second_factor.enabled
        if self.needs_second_factor:  # the services refuse, too (member_totp.ensure)
            self.betriebe, self.active, self.history, self.mandate_text = [], {}, [], ""
            return
        owners = await asyncio.to_thread(sepa.betriebe, account_id)
        self.betriebe = [{"key": o.key, "label": o.label} for o in owners]
        keys = [b["key"] for b in self.betriebe]
        if self.betrieb_key not in keys:
            self.betrieb_key = keys[0] if keys else ""
        label = next((b["label"] for b in self.betriebe if b["key"] == self.betrieb_key), "")
        self.mandate_text = (
            sepa.mandate_text(label.removeprefix(f"{texts.BETRIEB} ")) if label else ""
        )
        rows = [
            _row(v)
            for v in await asyncio.to_thread(sepa.mandates, account_id)
            if v.betrieb_key == self.betrieb_key
        ]
        self.active = next((r for r in rows if not r["ended"]), {})
        self.collections = (
            [
                _collection(c)
                for c in await asyncio.to_thread(
                    sepa_collection.collections_of, account_id, self.active["reference"]
                )
            ]
            if self.active
            else []
        )
        self.history = [r for r in rows if r["ended"]]
        self.confirm_revoke = False

    @guard(UNLOCKED)
    async def load(self, account: AccountView):
        self._clear_feedback()
        self.message, self.bank_hint, self.betrieb_key = "", "", ""
        await self._show(account.id)

    @guard(UNLOCKED)
    async def select_betrieb(self, account: AccountView, value: str):
        self.betrieb_key, self.message = str(value)[:40], ""
        self._clear_feedback()
        await self._show(account.id)

    @guard(UNLOCKED)
    async def check_iban(self, _account: AccountView, value: str):
        """On leaving the IBAN field: show the bank, or why the IBAN is not valid."""
        raw = str(value)[:100]
        try:
            sepa.check_iban(raw)
            self._field_error("iban")
        except sepa.MandateRejected as error:
            self._field_error("iban", error.message if raw.strip() else "")
        self.bank_hint = sepa.bank_hint(raw)

    @guard(UNLOCKED)
    async def submit(self, account: AccountView, form_data: dict):
        self._clear_feedback()
        self.message = ""
        try:
            view = await asyncio.to_thread(
                sepa.grant,
                account.id,
                self.betrieb_key,
                str(form_data.get("kontoinhaber", ""))[:500],
                str(form_data.get("iban", ""))[:100],
                form_data.get("zustimmung") in ("on", True, "true"),
            )
        except (sepa.MandateRejected, member_totp.SecondFactorRequired) as error:
            return self._fail(error)
        self.message = texts.SEPA_GRANTED.format(reference=view.reference)
        self._succeed(self.message)
        self.bank_hint = ""
        await self._show(account.id)
        self.form_round += 1  # a fresh, empty form for the next mandate
        return None

    @guard(UNLOCKED)
    async def ask_revoke(self, _account: AccountView):
        """The first click: the page asks whether to revoke in place of the button."""
        self.confirm_revoke = True
        self.message = ""
        self._clear_feedback()
        self._announce(texts.SEPA_REVOKE_CONFIRM)

    @guard(UNLOCKED)
    async def cancel_revoke(self, _account: AccountView):
        self.confirm_revoke = False

    @guard(UNLOCKED)
    async def revoke(self, account: AccountView, mandate_id: int):
        try:
            view = await asyncio.to_thread(sepa.revoke, account.id, parse_id(mandate_id))
        except (sepa.MandateNotFound, member_totp.SecondFactorRequired) as error:
            await self._show(account.id)  # revoked meanwhile (another tab)
            return self._fail(error)
        self.message = texts.SEPA_REVOKED.format(reference=view.reference)
        self._succeed(self.message)
        await self._show(account.id)
        return None

    @guard(UNLOCKED)
    async def download_pdf(self, account: AccountView, mandate_id: int):
        try:
            name, data = await asyncio.to_thread(
                sepa_pdf.mandate_pdf, account.id, parse_id(mandate_id)
            )
        except (sepa.MandateNotFound, member_totp.SecondFactorRequired) as error:
            return rx.toast.error(str(error))
        return send_file(name, "application/pdf", data)
