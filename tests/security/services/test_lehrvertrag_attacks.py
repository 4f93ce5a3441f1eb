"""Attacks on Lehrvertrag online with ids of a real contract: a colleague without the role
Ausbildung, a member of another Betrieb, edits after submission, and staff outside the
Lehrlingsrolle; every call is refused with the answer for a contract that does not exist."""

from __future__ import annotations

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Freischaltung, Lehrvertrag
from portal_app.services import clock as portal_clock
from portal_app.services import inbox, lehrvertrag, registry
from portal_app.services.db import unit_of_work
from portal_app.services.demo import DEMO_BETRIEBE_CSV
from tests.lehrvertrag_support import fill_in
from tests.staff_support import set_up_staff


@pytest.fixture(autouse=True)
def registry_loaded():
    registry.import_betriebe(DEMO_BETRIEBE_CSV)


def _link(account_id: int, number: str, *, verwalter: bool, rollen: str = "") -> None:
    with unit_of_work() as session:
        betrieb = registry.find_betriebe(session, registry.parse_betriebsnummer(number))[0]
        session.add(
            Freischaltung(account_id=account_id, betrieb_id=betrieb.id, verwalter=verwalter,
                          rollen=rollen, created_at=portal_clock.now())
        )  # fmt: skip


@pytest.fixture
def owner(make_account):
    account_id = make_account()
    _link(account_id, "TS-1234567-0", verwalter=True)
    return account_id


def _every_member_call(account_id: int, contract_id: int) -> list:
    calls = [
        lambda: lehrvertrag.open_contract(account_id, contract_id),
        lambda: lehrvertrag.save_step(account_id, contract_id, 2, {"vorname": "Mallory"}),
        lambda: lehrvertrag.submit(account_id, contract_id),
        lambda: lehrvertrag.printable(account_id, contract_id),
        lambda: lehrvertrag.printable(account_id, contract_id, registered=True),
        lambda: lehrvertrag.delete_draft(account_id, contract_id),
        lambda: lehrvertrag.problems(account_id, contract_id),
    ]
    return calls


def _unchanged(contract_id: int) -> tuple:
    with unit_of_work() as session:
        row = session.exec(select(Lehrvertrag).where(Lehrvertrag.id == contract_id)).one()
        return row.daten, row.status, row.account_id


@pytest.mark.parametrize("who", ["colleague_without_role", "other_betrieb"])
def test_outsiders_reach_nothing_of_a_contract(owner, make_account, who):
    contract_id = fill_in(owner)
    before = _unchanged(contract_id)
    intruder = make_account()
    if who == "colleague_without_role":
        _link(intruder, "TS-1234567-0", verwalter=False, rollen="dokumente,sepa")
    else:
        _link(intruder, "BGL-7654321-0", verwalter=True)
    for call in _every_member_call(intruder, contract_id):
        with pytest.raises(lehrvertrag.LehrvertragNotFound) as refused:
            call()
        assert refused.value.message == texts.LEHRVERTRAG_NOT_FOUND
    assert lehrvertrag.contracts(intruder) == []
    assert _unchanged(contract_id) == before


def test_a_submitted_contract_cannot_be_changed_or_thrown_away(owner):
    contract_id = fill_in(owner)
    lehrvertrag.submit(owner, contract_id)
    before = _unchanged(contract_id)
    with pytest.raises(lehrvertrag.LehrvertragLocked):
        lehrvertrag.save_step(owner, contract_id, 5, {"verguetung_1": "1"})
    with pytest.raises(lehrvertrag.LehrvertragLocked):
        lehrvertrag.delete_draft(owner, contract_id)
    with pytest.raises(lehrvertrag.LehrvertragLocked):
        lehrvertrag.submit(owner, contract_id)
    assert _unchanged(contract_id) == before


def test_staff_outside_the_lehrlingsrolle_can_neither_read_nor_register(owner):
    contract_id = fill_in(owner)
    lehrvertrag.submit(owner, contract_id)
    with unit_of_work() as session:
        item_id = session.get(Lehrvertrag, contract_id).vorgang_id
    beitrag = inbox.Scope(set_up_staff(departments=("beitrag",)).id, ("beitrag",))
    for call in (
        lambda: lehrvertrag.staff_contract(beitrag, item_id),
        lambda: lehrvertrag.staff_printable(beitrag, item_id),
        lambda: lehrvertrag.ask_back(beitrag, item_id, "Rückfrage"),
        lambda: lehrvertrag.register(beitrag, item_id, "LR-1"),
    ):
        with pytest.raises(inbox.ItemNotFound):
            call()
    assert _unchanged(contract_id)[1] == lehrvertrag.SUBMITTED
