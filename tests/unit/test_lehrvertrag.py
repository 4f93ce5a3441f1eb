"""Lehrvertrag online as a service: drafts per step, submit into the Lehrlingsrolle's inbox,
Rückfrage and resubmission with history, registration (Person, Postfach, PDF), and that a
contract of another Betrieb stays closed."""

import pytest
from sqlmodel import select

from portal_app.models import Lehrvertrag, Person, PostfachAnhang, VorgangEintrag
from portal_app.services import db, inbox, lehrvertrag, lehrvertrag_pdf, postfach
from portal_app.services import lehrvertrag_rules as rules
from tests.lehrvertrag_support import fill_in
from tests.staff_support import set_up_staff
from tests.unit.docs_fixtures import registry_loaded, store, unlocked  # noqa: F401


@pytest.fixture
def clerk():
    member = set_up_staff(departments=("ausbildung",))
    return inbox.Scope(member.id, ("ausbildung",))


def test_each_step_is_a_saved_draft_that_resumes_where_it_was_left(unlocked):  # noqa: F811
    account = unlocked("TS-1234567-0")
    [choice, *_] = lehrvertrag.betriebe(account)
    saved = lehrvertrag.save_step(account, None, 1, {"betrieb": str(choice.id)})
    saved = lehrvertrag.save_step(account, saved.id, 2, {"vorname": "Lena"})
    assert saved.step == 2 and "nachname" in saved.errors  # kept, but not yet complete
    view = lehrvertrag.open_contract(account, saved.id)
    assert view.values["vorname"] == "Lena" and view.step == 2 and view.status == "entwurf"
    assert "Werkstattweg 3" in view.values["ausbildungsstaette"]  # from the registry


def test_a_submitted_contract_reaches_the_lehrlingsrolle_and_is_registered(
    unlocked,  # noqa: F811
    store,  # noqa: F811
    clerk,
):
    account = unlocked("TS-1234567-0")
    contract_id = fill_in(account)
    lehrvertrag.submit(account, contract_id)
    [row] = inbox.listing(clerk, inbox.InboxFilter()).rows
    assert row.kind == inbox.KIND_LEHRVERTRAG and row.department == "ausbildung"
    shown = lehrvertrag.staff_contract(clerk, row.id)
    assert ("Ausbildungsberuf", "Tischler/in") in shown.facts
    pdf = lehrvertrag_pdf.contract_pdf(lehrvertrag.staff_printable(clerk, row.id))
    assert pdf.startswith(b"%PDF")

    lehrvertrag.ask_back(clerk, row.id, "Bitte die Ausbilderqualifikation genauer angeben.")
    assert lehrvertrag.open_contract(account, contract_id).status == "rueckfrage"
    with pytest.raises(lehrvertrag.RegistrationInvalid):
        lehrvertrag.register(clerk, row.id, "LR-2026-0001")  # not submitted now
    lehrvertrag.save_step(account, contract_id, 6, {
        "ausbilder_name": "Josef Eder", "ausbilder_qualifikation": "Meisterprüfung Tischler",
        "ausbildungsstaette": "Werkstattweg 3, 83278 Traunstein"})  # fmt: skip
    # until it is submitted again, the Lehrlingsrolle sees and prints what was submitted
    qualification = "Qualifikation der Ausbilderin / des Ausbilders"
    assert (qualification, "Tischlermeister") in lehrvertrag.staff_contract(clerk, row.id).facts
    assert lehrvertrag.staff_printable(clerk, row.id).values["ausbilder_qualifikation"] == (
        "Tischlermeister"
    )
    lehrvertrag.submit(account, contract_id)
    assert (qualification, "Meisterprüfung Tischler") in (
        lehrvertrag.staff_contract(clerk, row.id).facts
    )
    assert inbox.listing(clerk, inbox.InboxFilter()).rows[0].status == inbox.NEW

    person_id = lehrvertrag.register(clerk, row.id, "lr-2026-0001")
    with db.unit_of_work() as session:
        person = session.get(Person, person_id)
        assert person.name == "Lena Brandl" and person.art == "lehrling"
        assert len(person.kundennummer) == 8
        contract = session.get(Lehrvertrag, contract_id)
        assert contract.status == "eingetragen" and contract.lehrlingsrolle_nr == "LR-2026-0001"
        entries_after = session.exec(
            select(VorgangEintrag).where(VorgangEintrag.vorgang_id == row.id)
        ).all()
        steps = [e.action for e in entries_after]
        assert len(session.exec(select(PostfachAnhang)).all()) == 1
    assert steps.count(inbox.RESUBMITTED) == 1 and inbox.ASKED_BACK in steps
    [resubmitted] = [e.note for e in entries_after if e.action == inbox.RESUBMITTED]
    assert resubmitted == (
        "Geändert: Qualifikation der Ausbilderin / des Ausbilders: Tischlermeister → "
        "Meisterprüfung Tischler"
    ), resubmitted
    assert inbox.REGISTERED in steps
    [confirmation, question] = postfach.messages(account)
    assert confirmation.attachments[0].name.startswith("Eintragungsbestaetigung")
    assert "Ausbilderqualifikation" in question.body
    assert lehrvertrag_pdf.confirmation_pdf(
        lehrvertrag.printable(account, contract_id, registered=True)
    ).startswith(b"%PDF")


def test_a_lehrlingsrolle_number_is_given_once(unlocked, store, clerk):  # noqa: F811
    account = unlocked("TS-1234567-0")
    first, second = fill_in(account), fill_in(account)
    lehrvertrag.submit(account, first)
    lehrvertrag.submit(account, second)
    items = [r.id for r in inbox.listing(clerk, inbox.InboxFilter()).rows]
    lehrvertrag.register(clerk, items[0], "LR-7")
    with pytest.raises(lehrvertrag.RegistrationInvalid) as refused:
        lehrvertrag.register(clerk, items[1], "lr-7")
    assert refused.value.field == "lehrlingsrolle_nr"


def test_submit_names_the_first_step_with_a_problem(unlocked):  # noqa: F811
    account = unlocked("TS-1234567-0")
    contract_id = fill_in(account)
    times = {"probezeit": "5", "wochenstunden": "40", "urlaubstage": "30"}
    lehrvertrag.save_step(account, contract_id, 4, times)
    with pytest.raises(lehrvertrag.LehrvertragInvalid) as refused:
        lehrvertrag.submit(account, contract_id)
    assert refused.value.step == 4 and "probezeit" in refused.value.errors


def test_another_betriebs_member_cannot_open_the_draft_or_its_pdf(unlocked, store):  # noqa: F811
    account = unlocked("TS-1234567-0")
    stranger = unlocked("BGL-7654321-0")
    contract_id = fill_in(account)
    lehrvertrag.submit(account, contract_id)
    with pytest.raises(lehrvertrag.LehrvertragNotFound):
        lehrvertrag.open_contract(stranger, contract_id)
    with pytest.raises(lehrvertrag.LehrvertragNotFound):
        lehrvertrag.printable(stranger, contract_id)
    with pytest.raises(lehrvertrag.LehrvertragNotFound):
        lehrvertrag.save_step(stranger, contract_id, 2, {"vorname": "Fremd"})
    with pytest.raises(lehrvertrag.LehrvertragInvalid):  # nor start one for a foreign Betrieb
        [mine] = [b for b in lehrvertrag.betriebe(account) if "1234567-0" in b.label]
        lehrvertrag.save_step(stranger, None, 1, {"betrieb": str(mine.id)})
    assert lehrvertrag.contracts(stranger) == []


def test_staff_of_another_department_cannot_act_on_the_contract(unlocked, store):  # noqa: F811
    account = unlocked("TS-1234567-0")
    lehrvertrag.submit(account, fill_in(account))
    other = inbox.Scope(set_up_staff(departments=("beitrag",)).id, ("beitrag",))
    everyone = inbox.Scope(other.staff_id, ("ausbildung",))
    [row] = inbox.listing(everyone, inbox.InboxFilter()).rows
    with pytest.raises(inbox.ItemNotFound):
        lehrvertrag.register(other, row.id, "LR-9")


def test_the_pay_table_has_the_statutory_values():
    assert rules.MINIMUM_PAY[2025] == (682, 805, 921, 955)
    assert rules.MINIMUM_PAY[2026] == (724, 854, 977, 1014)


def test_the_confirmation_reaches_every_member_with_the_role_ausbildung_while_they_hold_it(
    unlocked,  # noqa: F811
    store,  # noqa: F811
    clerk,
    make_account,
):
    from portal_app.models import Account, Freischaltung
    from portal_app.services import files, mail, team
    from tests.unit.conftest import token_from

    admin = unlocked("TS-1234567-0")

    def join(roles) -> int:
        account_id = make_account()
        with db.unit_of_work() as session:
            address = session.get(Account, account_id).email
        team.invite(admin, "TS-1234567-0", address, roles)
        invitation = next(m for m in mail.recent_mails() if m.recipient == address)
        team.accept(account_id, token_from(invitation.body))
        return account_id

    trainer, clerk_of_betrieb = join([team.AUSBILDUNG]), join([team.DOKUMENTE])
    contract_id = fill_in(trainer)
    lehrvertrag.submit(trainer, contract_id)
    [row] = inbox.listing(clerk, inbox.InboxFilter()).rows
    lehrvertrag.register(clerk, row.id, "LR-2026-0002")

    for holder in (admin, trainer):
        [confirmation] = postfach.messages(holder)
        [attachment] = confirmation.attachments
        handed_out = postfach.attachment(holder, attachment.id)
        assert files.path_of(handed_out.stored_name).read_bytes().startswith(b"%PDF")
    assert postfach.messages(clerk_of_betrieb) == []  # Dokumente only: not the apprentice's data

    with db.unit_of_work() as session:
        link_id = session.exec(
            select(Freischaltung.id).where(Freischaltung.account_id == trainer)
        ).one()
    team.set_roles(admin, "TS-1234567-0", link_id, [team.DOKUMENTE])
    assert postfach.messages(trainer) == []  # the role has gone, and the message with it
    assert postfach.unread_count(trainer) == 0
