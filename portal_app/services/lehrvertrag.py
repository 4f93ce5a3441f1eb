"""Lehrvertrag online: a Betrieb's member with the role Ausbildung enters a
Berufsausbildungsvertrag step by step (saved as a draft after each step, several drafts at
once), submits it; it reaches the Lehrlingsrolle's inbox (department Ausbildung) with the
contract and the application for registration as a PDF. The staff ask back (the member edits
and submits again, the item's history keeps every step) or register it with a
Lehrlingsrolle number: the apprentice becomes a Person of the registry, the Betrieb gets the
Eintragungsbestätigung in its Postfach.

A contract belongs to its Betrieb: every account that holds the role Ausbildung there may see
and edit it, nobody else (the same answer as for a contract that does not exist). The rules
themselves are in services/lehrvertrag_rules.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from portal_app import texts
from portal_app.models import Account, Betrieb, Lehrvertrag, Person, Vorgang
from portal_app.services import (
    audit,
    clock,
    dates,
    departments,
    files,
    inbox,
    lehrvertrag_pdf,
    postfach,
    registry,
    roles,
)
from portal_app.services import lehrvertrag_rules as rules
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.lehrvertrag_pdf import Printable
from portal_app.settings import settings

DRAFT, SUBMITTED, ASKED_BACK, REGISTERED = "entwurf", "eingereicht", "rueckfrage", "eingetragen"
STATUSES = {
    DRAFT: texts.LEHRVERTRAG_STATUS_DRAFT,
    SUBMITTED: texts.LEHRVERTRAG_STATUS_SUBMITTED,
    ASKED_BACK: texts.LEHRVERTRAG_STATUS_ASKED_BACK,
    REGISTERED: texts.LEHRVERTRAG_STATUS_REGISTERED,
}
EDITABLE = (DRAFT, ASKED_BACK)
STEP_COUNT = len(rules.STEPS)
VALUE_MAX = 1000
NUMBER = re.compile(r"[A-Z0-9][A-Z0-9/-]{2,19}")
FIRST_KUNDENNUMMER = 30000001
AUDIT_SUBMITTED = "lehrvertrag_eingereicht"


class LehrvertragNotFound(PortalError, LookupError):
    """No such contract among the Betriebe where the account holds the role Ausbildung."""


class LehrvertragInvalid(PortalError):
    """Entered values break a rule; `step` is the first wizard step with a problem."""

    def __init__(self, errors: dict[str, str], step: int = 0):
        super().__init__(texts.FORM_HAS_ERRORS, errors=errors)
        self.step = step


class LehrvertragLocked(PortalError):
    """The contract is submitted or registered: it cannot be changed now."""


class RegistrationInvalid(PortalError):
    """A staff action on a contract that the contract or the input does not allow."""


@dataclass(frozen=True)
class BetriebChoice:
    id: int
    label: str  # "TS-1234567-0 – Schreinerei Eder GmbH"
    address: str


@dataclass(frozen=True)
class ContractRow:
    id: int
    betrieb: str
    apprentice: str
    beruf: str
    status: str  # key of STATUSES
    updated_at: datetime
    lehrlingsrolle_nr: str


@dataclass(frozen=True)
class ContractView:
    id: int
    status: str
    step: int
    values: dict[str, str]
    rueckfrage: str
    betrieb: str


@dataclass(frozen=True)
class Saved:
    id: int
    step: int  # where the wizard goes on (the same step if there were problems)
    errors: dict[str, str]


# --- reading -----------------------------------------------------------------------------------


def _label(betrieb: Betrieb) -> str:
    return f"{registry.format_betriebsnummer(betrieb)} – {betrieb.name}"


def _address(betrieb: Betrieb) -> str:
    return f"{betrieb.strasse}, {betrieb.plz} {betrieb.ort}"


def _allowed(session: Session, account_id: int) -> set[int]:
    return roles.betrieb_ids_with_role(session, account_id, roles.AUSBILDUNG)


def betriebe(account_id: int) -> list[BetriebChoice]:
    """The Betriebe where the account holds the role Ausbildung, by name."""
    with unit_of_work() as session:
        ids = _allowed(session, account_id)
        found = session.exec(
            select(Betrieb).where(col(Betrieb.id).in_(ids)).order_by(col(Betrieb.name))
        )
        return [BetriebChoice(b.id, _label(b), _address(b)) for b in found]


def may_use(account_id: int) -> bool:
    with unit_of_work() as session:
        return bool(_allowed(session, account_id))


def _values(contract: Lehrvertrag) -> dict[str, str]:
    stored = json.loads(contract.daten or "{}")
    return {name: str(stored.get(name, "")) for name in rules.FIELDS}


def _apprentice(values: dict[str, str]) -> str:
    return f"{values.get('vorname', '')} {values.get('nachname', '')}".strip()


def _beruf_name(values: dict[str, str]) -> str:
    beruf = rules.berufe().get(values.get("beruf", ""))
    return beruf.name if beruf else ""


def contracts(account_id: int) -> list[ContractRow]:
    """The contracts of every Betrieb where the account holds the role, newest change first."""
    with unit_of_work() as session:
        ids = _allowed(session, account_id)
        found = session.exec(
            select(Lehrvertrag, Betrieb)
            .join(Betrieb, Betrieb.id == Lehrvertrag.betrieb_id)
            .where(col(Lehrvertrag.betrieb_id).in_(ids))
            .order_by(col(Lehrvertrag.updated_at).desc(), col(Lehrvertrag.id).desc())
        ).all()
        rows = []
        for contract, betrieb in found:
            values = _values(contract)
            rows.append(
                ContractRow(
                    contract.id,
                    _label(betrieb),
                    _apprentice(values),
                    _beruf_name(values),
                    contract.status,
                    contract.updated_at,
                    contract.lehrlingsrolle_nr or "",
                )
            )
        return rows


def _mine(session: Session, account_id: int, contract_id: int, lock: bool = False) -> Lehrvertrag:
    query = select(Lehrvertrag).where(Lehrvertrag.id == contract_id)
    if lock:
        query = query.with_for_update()
    contract = session.exec(query).first() if contract_id else None
    if contract is None or contract.betrieb_id not in _allowed(session, account_id):
        raise LehrvertragNotFound(texts.LEHRVERTRAG_NOT_FOUND)
    return contract


def open_contract(account_id: int, contract_id: int) -> ContractView:
    with unit_of_work() as session:
        contract = _mine(session, account_id, contract_id)
        betrieb = session.get(Betrieb, contract.betrieb_id)
        return ContractView(
            contract.id,
            contract.status,
            contract.schritt,
            _values(contract),
            contract.rueckfrage,
            _label(betrieb),
        )


# --- the wizard ---------------------------------------------------------------------------------


def _step_errors(values: dict[str, str], step: int) -> dict[str, str]:
    result = rules.check(values, clock.today(), settings.lehrvertrag_past_days)
    wanted = rules.STEPS[step - 1]
    return {name: message for name, message in result.errors.items() if name in wanted}


def _new_draft(session: Session, account_id: int, betrieb_id: int | None) -> Lehrvertrag:
    if betrieb_id is None or betrieb_id not in _allowed(session, account_id):
        raise LehrvertragInvalid({"betrieb": texts.LEHRVERTRAG_BETRIEB_MISSING}, 1)
    betrieb = session.get(Betrieb, betrieb_id)
    now = clock.now()
    start = {"ausbildungsstaette": f"{betrieb.name}, {_address(betrieb)}"}
    contract = Lehrvertrag(
        betrieb_id=betrieb_id,
        account_id=account_id,
        daten=json.dumps(start, ensure_ascii=False),
        created_at=now,
        updated_at=now,
    )
    session.add(contract)
    session.flush()
    return contract


def save_step(
    account_id: int, contract_id: int | None, step: int, entered: dict[str, str]
) -> Saved:
    """Keep what the step's form sent (a new draft at the first step) and check it: without
    problems the wizard goes on to the next step, which is where it resumes later."""
    if not 1 <= step < STEP_COUNT:
        raise LehrvertragInvalid({}, 1)
    wanted = rules.STEPS[step - 1]
    sent = {name: str(entered.get(name) or "").strip()[:VALUE_MAX] for name in wanted}
    with unit_of_work() as session:
        if step == 1:
            betrieb_id = _parse_id(sent.get("betrieb", ""))
            if contract_id is None:
                contract = _new_draft(session, account_id, betrieb_id)
            else:
                contract = _mine(session, account_id, contract_id, lock=True)
                if betrieb_id != contract.betrieb_id:  # a draft stays with its Betrieb
                    raise LehrvertragInvalid({"betrieb": texts.LEHRVERTRAG_BETRIEB_FIXED}, 1)
        else:
            contract = _mine(session, account_id, contract_id or 0, lock=True)
        if contract.status not in EDITABLE:
            raise LehrvertragLocked(texts.LEHRVERTRAG_LOCKED)
        values = {**_values(contract), **sent}
        values["betrieb"] = str(contract.betrieb_id)
        errors = _step_errors(values, step)
        following = step if errors else step + 1
        contract.daten = json.dumps(values, ensure_ascii=False)
        contract.schritt = max(contract.schritt, following) if not errors else contract.schritt
        contract.account_id = account_id
        contract.updated_at = clock.now()
        session.add(contract)
        return Saved(contract.id, following, errors)


def _parse_id(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) < 12 else None


def problems(account_id: int, contract_id: int) -> rules.Result:
    """Every rule over the contract as it is now (the last step shows what is still wrong)."""
    view = open_contract(account_id, contract_id)
    return rules.check(view.values, clock.today(), settings.lehrvertrag_past_days)


def _first_step(errors: dict[str, str]) -> int:
    return next(
        (number for number, names in enumerate(rules.STEPS, 1) if set(names) & set(errors)), 1
    )


def submit(account_id: int, contract_id: int) -> None:
    """Send the contract to the Lehrlingsrolle: every rule must hold (LehrvertragInvalid names
    the fields and the first step with a problem). The first time it becomes an inbox item;
    after a question it is that item again, new for the staff."""
    with unit_of_work() as session:
        contract = _mine(session, account_id, contract_id, lock=True)
        if contract.status not in EDITABLE:
            raise LehrvertragLocked(texts.LEHRVERTRAG_LOCKED)
        values = _values(contract)
        result = rules.check(values, clock.today(), settings.lehrvertrag_past_days)
        if result.errors:
            raise LehrvertragInvalid(result.errors, _first_step(result.errors))
        now = clock.now()
        betrieb = session.get(Betrieb, contract.betrieb_id)
        account = session.get(Account, account_id)
        item = session.get(Vorgang, contract.vorgang_id) if contract.vorgang_id else None
        if item is None:
            item = inbox.receive(
                session,
                kind=inbox.KIND_LEHRVERTRAG,
                department=departments.AUSBILDUNG,
                account_id=account_id,
                sender=_label(betrieb),
                sender_email=account.email if account else "",
                subject=texts.LEHRVERTRAG_SUBJECT.format(
                    name=_apprentice(values), beruf=_beruf_name(values)
                ),
            )
            contract.vorgang_id = item.id
        else:
            before = json.loads(contract.eingereicht or "{}")  # {}: submitted before it was kept
            inbox.member_step(
                session, item, inbox.RESUBMITTED, changes(before, values) if before else ""
            )
        contract.eingereicht = json.dumps(values, ensure_ascii=False)
        contract.status, contract.rueckfrage = SUBMITTED, ""
        contract.submitted_at = contract.updated_at = now
        contract.schritt = STEP_COUNT
        contract.account_id = account_id
        session.add(contract)
        audit.record(session, AUDIT_SUBMITTED, account_id, f"lehrvertrag {contract.id}")


def delete_draft(account_id: int, contract_id: int) -> None:
    """A draft never submitted can be thrown away."""
    with unit_of_work() as session:
        contract = _mine(session, account_id, contract_id, lock=True)
        if contract.status != DRAFT or contract.vorgang_id is not None:
            raise LehrvertragLocked(texts.LEHRVERTRAG_LOCKED)
        session.delete(contract)


# --- PDFs for the member ----------------------------------------------------------------------


def _submitted(contract: Lehrvertrag) -> dict[str, str]:
    """The values as last submitted: what the Lehrlingsrolle works on and the PDF shows, also
    while the Betrieb edits them after a Rückfrage."""
    return json.loads(contract.eingereicht) if contract.eingereicht else _values(contract)


def _printable(session: Session, contract: Lehrvertrag) -> Printable:
    betrieb = session.get(Betrieb, contract.betrieb_id)
    person = session.get(Person, contract.person_id) if contract.person_id else None
    values = _submitted(contract)
    return Printable(
        contract.id,
        values,
        _beruf_name(values),
        _label(betrieb),
        betrieb.name,
        _address(betrieb),
        contract.submitted_at,
        contract.lehrlingsrolle_nr or "",
        contract.registered_at,
        person.kundennummer if person else "",
    )


def printable(account_id: int, contract_id: int, *, registered: bool = False) -> Printable:
    """The contract for its PDF once submitted (the confirmation: once registered)."""
    with unit_of_work() as session:
        contract = _mine(session, account_id, contract_id)
        if contract.submitted_at is None or (registered and contract.status != REGISTERED):
            raise LehrvertragNotFound(texts.LEHRVERTRAG_NOT_FOUND)
        return _printable(session, contract)


# --- the staff of the Lehrlingsrolle --------------------------------------------------------------


@dataclass(frozen=True)
class StaffContract:
    id: int
    status: str
    facts: list[tuple[str, str]]  # label, value: the contract as entered
    warnings: list[str]
    lehrlingsrolle_nr: str
    person_id: int | None


def _staff_contract(session: Session, scope: inbox.Scope, item_id: int, lock: bool = False):
    """The contract of the item, for the Lehrlingsrolle's staff only (ItemNotFound else)."""
    item = inbox.item_in_scope(session, scope, item_id, lock)
    if item.kind != inbox.KIND_LEHRVERTRAG or departments.AUSBILDUNG not in scope.departments:
        raise inbox.ItemNotFound(texts.INBOX_ITEM_NOT_FOUND)
    contract = session.exec(select(Lehrvertrag).where(Lehrvertrag.vorgang_id == item.id)).first()
    if contract is None:
        raise inbox.ItemNotFound(texts.INBOX_ITEM_NOT_FOUND)
    return item, contract


def facts(values: dict[str, str]) -> list[tuple[str, str]]:
    """The contract's values as label and value, in the order of the wizard."""
    shown = []
    for name in rules.FIELDS:
        value = values.get(name, "")
        if name == "betrieb" or not value:
            continue
        if name == "beruf":
            value = _beruf_name(values)
        shown.append((texts.LEHRVERTRAG_FIELDS[name], value))
    return shown


def changes(before: dict[str, str], after: dict[str, str]) -> str:
    """What a resubmission changed, for the item's history: each field as it was and is."""
    old, new = dict(facts(before)), dict(facts(after))
    changed = [
        texts.LEHRVERTRAG_CHANGE.format(
            label=label,
            before=old.get(label, texts.LEHRVERTRAG_NO_VALUE),
            after=new.get(label, texts.LEHRVERTRAG_NO_VALUE),
        )
        for label in dict.fromkeys([*old, *new])
        if old.get(label) != new.get(label)
    ]
    if not changed:
        return texts.LEHRVERTRAG_UNCHANGED
    return texts.LEHRVERTRAG_CHANGED.format(changes="; ".join(changed))[: inbox.NOTE_MAX]


def staff_contract(scope: inbox.Scope, item_id: int) -> StaffContract | None:
    """The contract an inbox item carries (None for other kinds of item)."""
    with unit_of_work() as session:
        item = inbox.item_in_scope(session, scope, item_id)
        if item.kind != inbox.KIND_LEHRVERTRAG:
            return None
        _item, contract = _staff_contract(session, scope, item_id)
        values = _submitted(contract)
        beginn = _start(values)
        warnings = []
        if beginn:
            result = rules.check(values, beginn, settings.lehrvertrag_past_days)
            warnings = result.warnings
        return StaffContract(
            contract.id,
            contract.status,
            [(texts.BETRIEB, _label(session.get(Betrieb, contract.betrieb_id))), *facts(values)],
            warnings,
            contract.lehrlingsrolle_nr or "",
            contract.person_id,
        )


def _start(values: dict[str, str]) -> date | None:
    try:
        return dates.parse_date(values.get("beginn", ""))
    except dates.DateInvalid:
        return None


def staff_printable(scope: inbox.Scope, item_id: int) -> Printable:
    with unit_of_work() as session:
        _item, contract = _staff_contract(session, scope, item_id)
        return _printable(session, contract)


def ask_back(scope: inbox.Scope, item_id: int, question: str) -> None:
    """ "Rückfrage": the member reads the question in the Postfach and at the contract, edits
    it and submits again."""
    question = (question or "").strip()
    if not question:
        raise RegistrationInvalid(texts.LEHRVERTRAG_QUESTION_EMPTY, field="rueckfrage")
    if len(question) > inbox.NOTE_MAX:
        raise RegistrationInvalid(
            texts.INBOX_NOTE_TOO_LONG.format(limit=inbox.NOTE_MAX), field="rueckfrage"
        )
    with unit_of_work() as session:
        item, contract = _staff_contract(session, scope, item_id, lock=True)
        if contract.status != SUBMITTED:
            raise RegistrationInvalid(texts.LEHRVERTRAG_NOT_SUBMITTED, field="rueckfrage")
        contract.status, contract.rueckfrage = ASKED_BACK, question
        contract.updated_at = clock.now()
        session.add(contract)
        item.status = inbox.WORKING
        session.add(item)
        inbox.add_step(session, item, scope, inbox.ASKED_BACK, question)
        for account_id in _training_team(session, contract):
            postfach.deliver(
                session,
                account_id,
                texts.LEHRVERTRAG_QUESTION_SUBJECT.format(subject=item.subject),
                question,
                vorgang_id=item.id,
            )


def _training_team(session: Session, contract: Lehrvertrag) -> list[int]:
    """Who hears of the contract in the Postfach: every account with the Betrieb's role
    Ausbildung (the Postfach shows those messages only while the role lasts)."""
    return roles.accounts_with_role(session, contract.betrieb_id, roles.AUSBILDUNG)


def _next_kundennummer(session: Session) -> str:
    highest = session.exec(select(func.max(Person.kundennummer))).one()
    number = max(int(highest) + 1 if highest and highest.isdigit() else 0, FIRST_KUNDENNUMMER)
    return f"{number:08d}"


def register(scope: inbox.Scope, item_id: int, raw_number: str) -> int:
    """ "Eintragen": the contract gets its Lehrlingsrolle number, the apprentice becomes a
    Person (Kundennummer) of the registry, the item is done, and the Betrieb's members with
    the role Ausbildung find the Eintragungsbestätigung (PDF) in their Postfach. Returns the
    new Person's id (for a PIN letter from the Verzeichnis)."""
    number = re.sub(r"\s+", "", raw_number or "").upper()
    if not NUMBER.fullmatch(number):
        raise RegistrationInvalid(texts.LEHRVERTRAG_NUMBER_INVALID, field="lehrlingsrolle_nr")
    made: list[files.Incoming] = []
    try:
        with unit_of_work() as session:
            item, contract = _staff_contract(session, scope, item_id, lock=True)
            if contract.status != SUBMITTED:
                raise RegistrationInvalid(
                    texts.LEHRVERTRAG_NOT_SUBMITTED, field="lehrlingsrolle_nr"
                )
            taken = session.exec(
                select(Lehrvertrag.id).where(Lehrvertrag.lehrlingsrolle_nr == number)
            ).first()
            if taken is not None:
                raise RegistrationInvalid(texts.LEHRVERTRAG_NUMBER_TAKEN, field="lehrlingsrolle_nr")
            values = _values(contract)
            person = Person(
                kundennummer=_next_kundennummer(session),
                art=registry.PersonArt.LEHRLING,
                name=_apprentice(values)[:200],
                geburtsdatum=dates.parse_date(values["geburtsdatum"]),
                strasse=values["strasse"][:200],
                plz=values["plz"][:5],
                ort=values["ort"][:100],
            )
            session.add(person)
            session.flush()
            registry.index_record(session, person)
            contract.status, contract.lehrlingsrolle_nr = REGISTERED, number
            contract.person_id, contract.registered_at = person.id, clock.now()
            contract.updated_at = contract.registered_at
            session.add(contract)
            item.status = inbox.DONE
            session.add(item)
            inbox.add_step(
                session, item, scope, inbox.REGISTERED,
                texts.LEHRVERTRAG_REGISTERED_NOTE.format(
                    number=number, kundennummer=person.kundennummer
                ),
            )  # fmt: skip
            shown = _printable(session, contract)
            pdf = lehrvertrag_pdf.confirmation_pdf(shown)
            for account_id in _training_team(session, contract):
                message = postfach.deliver(
                    session,
                    account_id,
                    texts.LEHRVERTRAG_CONFIRMATION_SUBJECT.format(subject=item.subject),
                    texts.LEHRVERTRAG_CONFIRMATION_BODY.format(number=number),
                    vorgang_id=item.id,
                )
                # a file of its own per message: deleting one account's Postfach keeps the others'
                made.append(files.made(pdf))
                kept = made[-1].stored(files.PDF)
                postfach.attach(session, message, lehrvertrag_pdf.file_name(shown, True), kept)
            person_id = person.id
    except BaseException:
        for pdf_file in made:
            pdf_file.discard()
        raise
    for pdf_file in made:
        pdf_file.done()
    return person_id
