"""Events of Lehrvertrag online: the wizard /ausbildung/vertrag/neu (a step saved as a draft,
back, submit) and the list /ausbildung/vertraege with the PDFs. Every handler checks the
login and, in the service, that the contract is one of the account's Betriebe."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import routes, texts
from portal_app.services import lehrvertrag, lehrvertrag_pdf
from portal_app.services import lehrvertrag_rules as rules
from portal_app.services.sessions import AccountView
from portal_app.state.downloads import hand_out_made
from portal_app.state.feedback import Feedback
from portal_app.state.formatting import local_date
from portal_app.state.session import UNLOCKED, SessionState, guard, parse_id

STEP_NAMES = texts.LEHRVERTRAG_STEP_NAMES
STEP_COUNT = lehrvertrag.STEP_COUNT
BERUF_OPTIONS = [
    (b.key, texts.LEHRVERTRAG_BERUF_OPTION.format(name=b.name, months=b.months))
    for b in rules.berufe().values()
]
BERUFE_SOURCE = texts.LEHRVERTRAG_BERUFE_SOURCE.format(
    source=rules.source().removeprefix("Quelle: ")
)
SCHOOL_OPTIONS = list(rules.SCHOOL_QUALIFICATIONS)
PDF = "application/pdf"
# "Zurück" on a step's form sends the form with this hidden field set: what the step holds is
# kept as typed (problems and all), then the step before is shown
BACK_FIELD = "zurueck"


class LehrvertragState(Feedback, SessionState):
    may_use: bool = False
    contract_id: int = 0
    step: int = 1
    values: dict[str, str] = {}
    editable: bool = True
    rueckfrage: str = ""
    betriebe: list[dict[str, str]] = []
    pay_years: int = 3
    summary: list[list[str]] = []  # label, value (the last step)
    open_problems: list[str] = []  # what is still wrong (the last step)
    done: str = ""
    form_key: int = 0  # a new number draws the step's form anew with the saved values

    @rx.var
    def step_heading(self) -> str:
        number = min(max(self.step, 1), STEP_COUNT)
        return texts.LEHRVERTRAG_STEP_HEADING.format(
            number=number, count=STEP_COUNT, name=STEP_NAMES[number - 1]
        )

    def _show(self, view: lehrvertrag.ContractView) -> None:
        self.contract_id = view.id
        self.values = dict(view.values)
        self.editable = view.status in lehrvertrag.EDITABLE
        self.rueckfrage = view.rueckfrage
        self.pay_years = rules.pay_years(view.values)
        self.summary = [[label, value] for label, value in lehrvertrag.facts(view.values)]
        self.form_key += 1

    async def _check_all(self, account_id: int) -> None:
        result = await asyncio.to_thread(lehrvertrag.problems, account_id, self.contract_id)
        self.open_problems = [
            f"{texts.LEHRVERTRAG_FIELDS[name]}: {message}"
            for name, message in result.errors.items()
        ]

    @guard(UNLOCKED)
    async def load(self, account: AccountView):
        self._clear_feedback()
        self.done, self.open_problems, self.rueckfrage = "", [], ""
        self.contract_id, self.step, self.values, self.editable = 0, 1, {}, True
        self.summary, self.pay_years = [], 3
        found = await asyncio.to_thread(lehrvertrag.betriebe, account.id)
        self.may_use = bool(found)
        self.betriebe = [{"id": str(b.id), "label": f"{b.label}, {b.address}"} for b in found]
        if len(found) == 1:
            self.values = {"betrieb": str(found[0].id)}
        wanted = parse_id(self.router.url.query_parameters.get("vertrag", ""))
        if wanted:
            try:
                view = await asyncio.to_thread(lehrvertrag.open_contract, account.id, wanted)
            except lehrvertrag.LehrvertragNotFound as error:
                self.contract_id = 0
                return self._fail(error)
            self._show(view)
            self.step = min(max(view.step, 1), STEP_COUNT) if self.editable else STEP_COUNT
            if self.step == STEP_COUNT:
                await self._check_all(account.id)
        self.form_key += 1
        return None

    @guard(UNLOCKED)
    async def save(self, account: AccountView, form_data: dict):
        """ "Speichern und weiter": the step's fields are kept; without problems, next step.
        "Zurück" (the form sent with `BACK_FIELD`): kept as typed, then the step before."""
        self._clear_feedback()
        self.done = ""
        going_back = form_data.get(BACK_FIELD) == "1"
        sent = {name: str(value)[: lehrvertrag.VALUE_MAX] for name, value in form_data.items()}
        try:
            saved = await asyncio.to_thread(
                lehrvertrag.save_step, account.id, self.contract_id or None, self.step, sent
            )
        except (
            lehrvertrag.LehrvertragInvalid,
            lehrvertrag.LehrvertragNotFound,
            lehrvertrag.LehrvertragLocked,
        ) as error:
            return self._fail(error)
        view = await asyncio.to_thread(lehrvertrag.open_contract, account.id, saved.id)
        if going_back:
            self._show(view)
            return self._step_back()
        if saved.errors:  # kept as typed; the form stays as it is, the messages at the fields
            self.contract_id, self.values = saved.id, dict(view.values)
            return self._fail(lehrvertrag.LehrvertragInvalid(saved.errors, self.step))
        self._show(view)
        self.step = saved.step
        if self.step == STEP_COUNT:
            await self._check_all(account.id)
        self._announce(f"{texts.LEHRVERTRAG_SAVED} {self.step_heading}")
        return rx.set_focus("schritt-ueberschrift")

    @guard(UNLOCKED)
    async def back(self, _account: AccountView):
        """ "Zurück" on the last step (it has no form to keep): the step before."""
        return self._step_back()

    @guard(UNLOCKED)
    async def go_to_step(self, _account: AccountView, step: int):
        """ "… ändern" on the review: that step's form, as saved (from step 2 on)."""
        wanted = parse_id(step) or 0
        if not (self.editable and self.contract_id and 2 <= wanted < STEP_COUNT):
            return None
        self._clear_feedback()
        self.step = wanted
        self.form_key += 1
        self._announce(self.step_heading)
        return rx.set_focus("schritt-ueberschrift")

    def _step_back(self):
        self._clear_feedback()
        self.step = max(1, self.step - 1)
        self.form_key += 1
        self._announce(self.step_heading)
        return rx.set_focus("schritt-ueberschrift")

    @guard(UNLOCKED)
    async def submit(self, account: AccountView):
        self._clear_feedback()
        try:
            await asyncio.to_thread(lehrvertrag.submit, account.id, self.contract_id)
        except lehrvertrag.LehrvertragInvalid as error:
            self.step = error.step or self.step
            self.form_key += 1
            return self._fail(error)
        except (lehrvertrag.LehrvertragNotFound, lehrvertrag.LehrvertragLocked) as error:
            return self._fail(error)
        view = await asyncio.to_thread(lehrvertrag.open_contract, account.id, self.contract_id)
        self._show(view)
        self.open_problems = []
        self.done = texts.LEHRVERTRAG_SUBMITTED_DONE
        self._succeed(self.done)
        return None


def _contract_row(row: lehrvertrag.ContractRow) -> dict[str, str]:
    name = row.apprentice or texts.LEHRVERTRAG_UNNAMED
    submitted = row.status not in (lehrvertrag.DRAFT,)
    return {
        "id": str(row.id),
        "href": routes.lehrvertrag(row.id),
        "betrieb": row.betrieb,
        "apprentice": name,
        "beruf": row.beruf,
        "status": lehrvertrag.STATUSES[row.status]
        + (f" ({row.lehrlingsrolle_nr})" if row.lehrlingsrolle_nr else ""),
        "changed": local_date(row.updated_at),
        "editable": "1" if row.status in lehrvertrag.EDITABLE else "",
        "discardable": "1" if row.status == lehrvertrag.DRAFT else "",
        "discard_label": texts.LEHRVERTRAG_DISCARD_LABEL.format(name=name),
        "submitted": "1" if submitted else "",
        "registered": "1" if row.status == lehrvertrag.REGISTERED else "",
        "edit_label": texts.LEHRVERTRAG_RESUME_LABEL.format(name=name),
        "show_label": texts.LEHRVERTRAG_SHOW_LABEL.format(name=name),
        "pdf_label": texts.LEHRVERTRAG_DOWNLOAD_CONTRACT_LABEL.format(name=name),
        "confirmation_label": texts.LEHRVERTRAG_DOWNLOAD_CONFIRMATION_LABEL.format(name=name),
    }


class LehrvertraegeState(Feedback, SessionState):
    may_use: bool = False
    rows: list[dict[str, str]] = []
    # the draft whose discarding the page asks to confirm ("" = none); what was done
    confirm_discard: str = ""
    done: str = ""

    async def _reload(self, account_id: int) -> None:
        self.may_use = await asyncio.to_thread(lehrvertrag.may_use, account_id)
        found = await asyncio.to_thread(lehrvertrag.contracts, account_id)
        self.rows = [_contract_row(row) for row in found]

    @guard(UNLOCKED)
    async def load(self, account: AccountView):
        self._clear_feedback()
        self.confirm_discard, self.done = "", ""
        await self._reload(account.id)

    @guard(UNLOCKED)
    async def ask_discard(self, _account: AccountView, contract_id: str):
        """The first click: the row asks to confirm in place of the button."""
        self._clear_feedback()
        self.done = ""
        self.confirm_discard = str(parse_id(contract_id) or "")
        if self.confirm_discard:
            self._announce(texts.LEHRVERTRAG_DISCARD_CONFIRM)

    @guard(UNLOCKED)
    async def keep(self, _account: AccountView):
        self.confirm_discard = ""

    @guard(UNLOCKED)
    async def discard(self, account: AccountView, contract_id: str):
        self.confirm_discard, self.done = "", ""
        try:  # the service checks the Betrieb's role and that it is a draft never sent
            await asyncio.to_thread(
                lehrvertrag.delete_draft, account.id, parse_id(contract_id) or 0
            )
        except (lehrvertrag.LehrvertragNotFound, lehrvertrag.LehrvertragLocked) as error:
            await self._reload(account.id)
            return self._fail(error)
        self.done = texts.LEHRVERTRAG_DISCARDED
        self._succeed(self.done)
        await self._reload(account.id)
        return None

    async def _pdf(self, account: AccountView, contract_id, confirmation: bool):
        try:
            shown = await asyncio.to_thread(
                lehrvertrag.printable,
                account.id,
                parse_id(contract_id) or 0,
                registered=confirmation,
            )
        except lehrvertrag.LehrvertragNotFound as error:
            return self._fail(error)
        make = lehrvertrag_pdf.confirmation_pdf if confirmation else lehrvertrag_pdf.contract_pdf
        data = await asyncio.to_thread(make, shown)
        name = lehrvertrag_pdf.file_name(shown, confirmation)
        return await hand_out_made(self._session_token(), account.id, name, PDF, data)

    @guard(UNLOCKED)
    async def download_contract(self, account: AccountView, contract_id: str):
        return await self._pdf(account, contract_id, False)

    @guard(UNLOCKED)
    async def download_confirmation(self, account: AccountView, contract_id: str):
        return await self._pdf(account, contract_id, True)
