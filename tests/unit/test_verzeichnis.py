"""The staff's Verzeichnis: search by number, name and place (word beginnings, paged), a
record's Freischaltungen, PINs and open requests, a new PIN with its letter, many letters at
once, ending a Freischaltung; each only within the staff member's registers."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlmodel import func, select

from portal_app import texts
from portal_app.models import AuditEntry, Betrieb, Person, Pin, PinRequest, Vorgang
from portal_app.services import (
    departments,
    documents,
    files,
    inbox,
    mail,
    pins,
    registry,
    sepa,
    sessions,
    unlock,
    verzeichnis,
)
from portal_app.services.db import unit_of_work
from portal_app.services.verzeichnis import (
    BETRIEB,
    PERSON,
    RecordNotFound,
    Scope,
    SearchFilter,
    VerzeichnisInputInvalid,
)
from tests.staff_support import set_up_staff
from tests.unit.docs_fixtures import (  # noqa: F401
    PASSWORD,
    PDF,
    registry_loaded,
    store,
    unlocked,
    upload,
)

HEADER = "kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung\n"
ROLLE = AUSBILDUNG = ADMIN = NOBODY = None  # set by the fixture below


@pytest.fixture(autouse=True)
def staff_scopes():
    """Staff of the Handwerksrolle, of the Ausbildung, of Bildung (no register) and an
    administrator, as their scopes; as module names the tests read."""
    global ROLLE, AUSBILDUNG, ADMIN, NOBODY

    def scope(keys, admin=False) -> Scope:
        made = set_up_staff(departments=keys, admin=admin)
        return verzeichnis.scope_for(made.id, admin, keys)

    ROLLE = scope((departments.HANDWERKSROLLE,))
    AUSBILDUNG = scope((departments.AUSBILDUNG,))
    ADMIN = scope((), admin=True)
    NOBODY = scope((departments.BILDUNG,))


def _id_of(number: str) -> int:
    with unit_of_work() as session:
        if len(number) == 8 and number.isdigit():
            return registry.find_person(session, number).id
        return registry.find_betriebe(session, registry.parse_betriebsnummer(number))[0].id


def _names(scope: Scope, **wanted) -> list[str]:
    return [row.name for row in verzeichnis.listing(scope, SearchFilter(**wanted)).rows]


def test_the_scope_follows_the_departments_and_administrators_see_both():
    assert verzeichnis.scope_for(7, False, ["handwerksrolle"]).arten == (BETRIEB,)
    assert verzeichnis.scope_for(7, False, ["beitrag", "ausbildung"]).arten == (BETRIEB, PERSON)
    assert verzeichnis.scope_for(7, False, ["bildung", "pruefung"]).arten == ()
    assert verzeichnis.scope_for(7, True, []).arten == (BETRIEB, PERSON)
    assert verzeichnis.may_use(False, ["ausbildung"]) and verzeichnis.may_use(True, [])
    assert not verzeichnis.may_use(False, [departments.BILDUNG, departments.KONTAKT])


def test_records_are_found_by_number_name_street_postcode_and_place(registry_loaded):  # noqa: F811
    everything = _names(ROLLE)
    assert len(everything) == 4 and everything == sorted(everything)
    assert _names(ROLLE, text="1234567") == [
        "Schreinerei Eder GmbH",
        "Schreinerei Eder GmbH, Filiale Siegsdorf",
    ]
    assert _names(ROLLE, text="TS-1234567-1") == ["Schreinerei Eder GmbH, Filiale Siegsdorf"]
    assert _names(ROLLE, text="fliesen") == ["Fliesen Huber e.K."]
    assert _names(ROLLE, text="bad reich") == ["Fliesen Huber e.K."]
    assert _names(ROLLE, text="83022") == ["Änderungsschneiderei Öztürk"]
    assert _names(ROLLE, text="ÖZTÜRK münchener") == ["Änderungsschneiderei Öztürk"]
    assert _names(ROLLE, text="eder siegsdorf") == ["Schreinerei Eder GmbH, Filiale Siegsdorf"]
    assert _names(ROLLE, text="zimmerei") == []
    assert _names(AUSBILDUNG, art=PERSON, text="prien") == ["Jonas Weber"]
    assert _names(AUSBILDUNG, art=PERSON, text="12345678") == ["Lena Bauer"]
    assert _names(ADMIN, art=PERSON) == ["Jonas Weber", "Lena Bauer"]


def test_a_register_outside_the_scope_is_refused(registry_loaded):  # noqa: F811
    with pytest.raises(RecordNotFound):
        verzeichnis.listing(ROLLE, SearchFilter(art=PERSON))
    with pytest.raises(RecordNotFound):
        verzeichnis.listing(AUSBILDUNG, SearchFilter(art=BETRIEB))
    with pytest.raises(RecordNotFound):
        verzeichnis.listing(NOBODY, SearchFilter(art=BETRIEB))
    with pytest.raises(RecordNotFound):
        verzeichnis.listing(ADMIN, SearchFilter(art="account"))
    betrieb_id = _id_of("TS-1234567-0")
    person_id = _id_of("12345678")
    for action in (
        lambda: verzeichnis.record_detail(AUSBILDUNG, BETRIEB, betrieb_id),
        lambda: verzeichnis.record_detail(ROLLE, PERSON, person_id),
        lambda: verzeichnis.issue_pin(AUSBILDUNG, BETRIEB, betrieb_id),
        lambda: verzeichnis.bulk_letters(AUSBILDUNG, BETRIEB, [betrieb_id]),
        lambda: verzeichnis.end_link(AUSBILDUNG, BETRIEB, betrieb_id, 1),
        lambda: verzeichnis.record_detail(ROLLE, BETRIEB, 99999),
    ):
        with pytest.raises(RecordNotFound):
            action()


def test_the_list_is_paged_in_sql_and_a_page_past_the_end_shows_the_last():
    rows = "\n".join(
        f"TS;{1000000 + n};0;Bäckerei Nummer {n:03d};Brotweg {n};83278;Traunstein;handwerksrolle"
        for n in range(60)
    )
    registry.import_betriebe(HEADER + rows)
    first = verzeichnis.listing(ROLLE, SearchFilter(text="bäckerei"))
    assert (first.total, first.pages, len(first.rows)) == (60, 3, verzeichnis.PAGE_SIZE)
    last = verzeichnis.listing(ROLLE, SearchFilter(text="bäckerei", page=99))
    assert last.page == 3 and [r.name for r in last.rows][-1] == "Bäckerei Nummer 059"
    assert len(verzeichnis.matching_ids(ROLLE, BETRIEB, "traunstein")) == 60


def test_an_import_keeps_the_words_in_step_with_the_record(registry_loaded):  # noqa: F811
    registry.import_betriebe(
        HEADER + "TS;1234567;0;Tischlerei Eder;Werkstattweg 3;83278;Traunstein;handwerksrolle\n"
    )
    assert _names(ROLLE, text="tischlerei") == ["Tischlerei Eder"]
    assert _names(ROLLE, text="schreinerei") == ["Schreinerei Eder GmbH, Filiale Siegsdorf"]


def test_a_search_longer_than_allowed_is_refused_at_its_field():
    with pytest.raises(VerzeichnisInputInvalid) as refused:
        verzeichnis.check_search("x" * (verzeichnis.SEARCH_MAX + 1))
    assert refused.value.field == "text"
    assert verzeichnis.check_search("  <script>alert(1)</script> ") == "<script>alert(1)</script>"
    assert _names(ADMIN, text="<script>alert(1)</script>") == []


def test_a_record_shows_its_freischaltungen_pins_and_open_requests(unlocked, member):  # noqa: F811
    account_id = unlocked("TS-1234567-0")
    betrieb_id = _id_of("TS-1234567-0")
    detail = verzeichnis.record_detail(ROLLE, BETRIEB, betrieb_id)
    assert detail.row.number == "TS-1234567-0"
    assert (texts.FIELD_BETRIEBSNUMMER, "TS-1234567-0") in detail.facts
    (link,) = detail.links
    assert link.email.startswith("mitglied")
    (pin,) = detail.pins
    assert pin.state.startswith("benutzt am") and pin.failed_tries == 0

    unlock.request_new_pin(account_id, "betrieb", "1234567")
    detail = verzeichnis.record_detail(ROLLE, BETRIEB, betrieb_id)
    assert [r.email for r in detail.requests] == [link.email]
    # the other branch with the same seven digits shows it too
    other = verzeichnis.record_detail(ROLLE, BETRIEB, _id_of("TS-1234567-1"))
    assert len(other.requests) == 1


def test_a_new_pin_voids_the_old_closes_requests_and_their_items_and_gives_a_letter(
    unlocked,  # noqa: F811
    store,  # noqa: F811
):
    account_id = unlocked("TS-1234567-0")
    unlock.request_new_pin(account_id, "betrieb", "TS-1234567-0")
    betrieb_id = _id_of("TS-1234567-0")
    verzeichnis.issue_pin(ROLLE, BETRIEB, betrieb_id)  # a first one, voided by the second
    issued, letter = verzeichnis.issue_pin(ROLLE, BETRIEB, betrieb_id)
    assert letter.name == "PIN-Brief TS-1234567-0.pdf" and letter.content_type == "application/pdf"
    reader = PdfReader(files.path_of(letter.stored_name))
    assert len(reader.pages) == 1
    assert f"{issued.pin[:4]} {issued.pin[4:]}" in reader.pages[0].extract_text()
    with unit_of_work() as session:
        states = session.exec(
            select(Pin.used_at, Pin.voided_at).where(Pin.betrieb_id == betrieb_id)
        ).all()
        assert [(u is None, v is None) for u, v in states] == [
            (False, True), (True, False), (True, True),
        ]  # fmt: skip
        assert session.exec(select(PinRequest.done_at)).one() is not None
        item = session.exec(select(Vorgang).where(Vorgang.kind == inbox.KIND_PIN)).one()
        assert item.status == inbox.DONE
        staff_ids = session.exec(
            select(AuditEntry.staff_id).where(AuditEntry.action == pins.AUDIT_ISSUED)
        ).all()
        assert staff_ids[-2:] == [ROLLE.staff_id, ROLLE.staff_id]
    detail = verzeichnis.record_detail(ROLLE, BETRIEB, betrieb_id)
    assert detail.pins[0].state == texts.VERZEICHNIS_PIN_USABLE


def test_ending_a_freischaltung_ends_documents_and_mandate_at_once_and_mails(
    unlocked,  # noqa: F811
    store,  # noqa: F811
):
    account_id = unlocked("TS-1234567-0")
    upload(account_id, PDF, "Meisterbrief.pdf", departments.HANDWERKSROLLE)
    owner = documents.owners(account_id)[0].key
    sepa.grant(account_id, owner, "Schreinerei Eder", "DE89370400440532013000", True)
    (document,) = documents.uploaded(account_id)
    betrieb_id = _id_of("TS-1234567-0")
    (link,) = verzeichnis.record_detail(ROLLE, BETRIEB, betrieb_id).links

    with pytest.raises(RecordNotFound):  # a link of another record, through this record
        verzeichnis.end_link(ROLLE, BETRIEB, _id_of("TS-1234567-1"), link.id)
    email = verzeichnis.end_link(ROLLE, BETRIEB, betrieb_id, link.id)

    assert documents.owners(account_id) == [] and documents.uploaded(account_id) == []
    assert sepa.mandates(account_id) == []
    with pytest.raises(documents.DocumentNotFound):
        documents.fetch(account_id, document.id)
    assert not unlock.capabilities(account_id).unlocked
    assert verzeichnis.record_detail(ROLLE, BETRIEB, betrieb_id).links == []
    (notice,) = [m for m in mail.recent_mails() if m.subject == texts.MAIL_LINK_ENDED_SUBJECT]
    assert notice.recipient == email and "TS-1234567-0" in notice.body
    with unit_of_work() as session:
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == verzeichnis.AUDIT_LINK_ENDED)
        ).one()
        assert (entry.staff_id, entry.account_id) == (ROLLE.staff_id, account_id)
    with pytest.raises(RecordNotFound):  # ended once
        verzeichnis.end_link(ROLLE, BETRIEB, betrieb_id, link.id)


def test_bulk_letters_give_one_page_each_with_a_fresh_pin_that_unlocks_once(
    registry_loaded,  # noqa: F811
    store,  # noqa: F811
    member,
):
    ids = [_id_of(n) for n in ("TS-1234567-0", "BGL-7654321-0", "RO-2345678-0")]
    old = pins.issue_for_betrieb("BGL-7654321-0")
    count, letter = verzeichnis.bulk_letters(ROLLE, BETRIEB, [*ids, ids[0]])
    assert count == 3
    text = [p.extract_text() for p in PdfReader(files.path_of(letter.stored_name)).pages]
    assert len(text) == 3
    assert "TS-1234567-0" in text[0] and "BGL-7654321-0" in text[1] and "Öztürk" in text[2]
    typed = [page.split("PIN: ")[1].split("\n")[0].replace(" ", "") for page in text]
    assert len(set(typed)) == 3
    token = member("briefe@betrieb-example.de", PASSWORD)
    account_id = sessions.current_account(token).id
    with pytest.raises(unlock.PinNotUsable):
        unlock.unlock_betrieb(account_id, "BGL-7654321-0", old.pin)  # voided by the mailing
    unlock.unlock_betrieb(account_id, "BGL-7654321-0", typed[1])
    other = sessions.current_account(member("zweite@betrieb-example.de", PASSWORD)).id
    with pytest.raises(unlock.PinNotUsable):
        unlock.unlock_betrieb(other, "BGL-7654321-0", typed[1])  # once
    with unit_of_work() as session:
        assert session.exec(select(func.count()).select_from(Pin)).one() == 4
        (entry,) = session.exec(
            select(AuditEntry).where(AuditEntry.action == verzeichnis.AUDIT_LETTERS)
        ).all()
        assert (entry.staff_id, entry.detail) == (ROLLE.staff_id, "3")


def test_bulk_letters_refuse_nothing_chosen_foreign_ids_and_store_nothing(
    registry_loaded,  # noqa: F811
    store,  # noqa: F811
):
    with pytest.raises(VerzeichnisInputInvalid):
        verzeichnis.bulk_letters(ROLLE, BETRIEB, [])
    person_id = _id_of("12345678")
    with pytest.raises(RecordNotFound):  # a Person's id among Betriebe: no such Betrieb
        verzeichnis.bulk_letters(ROLLE, BETRIEB, [_id_of("TS-1234567-0"), 99999])
    with pytest.raises(RecordNotFound):
        verzeichnis.bulk_letters(ROLLE, PERSON, [person_id])
    with unit_of_work() as session:
        assert session.exec(select(func.count()).select_from(Pin)).one() == 0
    assert not list(store.glob("*")) or all(p.name.startswith(".") for p in store.iterdir())


def test_person_records_show_birth_date_and_get_letters(registry_loaded, store):  # noqa: F811
    person_id = _id_of("23456789")
    detail = verzeichnis.record_detail(AUSBILDUNG, PERSON, person_id)
    assert (texts.VERZEICHNIS_BIRTH_DATE, "02.11.1994") in detail.facts
    issued, letter = verzeichnis.issue_pin(AUSBILDUNG, PERSON, person_id)
    assert letter.name == "PIN-Brief 23456789.pdf"
    assert isinstance(issued.recipient, Person) and not isinstance(issued.recipient, Betrieb)


def test_an_uploaded_registry_file_is_imported_with_the_checks_of_the_command(
    registry_loaded,  # noqa: F811
):
    good = HEADER + "TS;7777777;0;Glaserei <b>Klar</b>;Am Ufer 1;83278;Traunstein;handwerksrolle\n"
    result = verzeichnis.import_registry(ROLLE, BETRIEB, ("\ufeff" + good).encode())
    assert (result.added, result.updated) == (1, 0)
    assert _names(ROLLE, text="glaserei") == ["Glaserei <b>Klar</b>"]
    with unit_of_work() as session:
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == verzeichnis.AUDIT_IMPORT)
        ).one()
        assert (entry.staff_id, entry.detail) == (ROLLE.staff_id, "1 neu, 0 aktualisiert")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (
            HEADER + "TS;8888888;0;Neu;Weg 1;83278;Traunstein;handwerksrolle\n"
            "TS;9999999;0;Kaputt;Weg 2;832;Traunstein;handwerksrolle\n",
            "Nichts wurde importiert. Zeile 3: plz muss fünfstellig sein",
        ),
        (HEADER.replace(";plz", ""), "Nichts wurde importiert. Zeile 1: Spalten fehlen: plz"),
        (b"\xff\xfe\x00k\x00r", texts.VERZEICHNIS_IMPORT_UNREADABLE),
        (b"kreis\x00;name\n", texts.VERZEICHNIS_IMPORT_UNREADABLE),
        (b"", texts.VERZEICHNIS_IMPORT_NO_FILE),
    ],
)
def test_a_bad_registry_file_is_refused_at_its_field_and_nothing_is_stored(
    registry_loaded,  # noqa: F811
    raw,
    problem,
):
    data = raw if isinstance(raw, bytes) else raw.encode()
    with pytest.raises(VerzeichnisInputInvalid) as refused:
        verzeichnis.import_registry(ROLLE, BETRIEB, data)
    assert refused.value.errors == {"import_file": problem}
    with unit_of_work() as session:
        assert session.exec(select(func.count()).select_from(Betrieb)).one() == 4


def test_a_register_outside_the_scope_cannot_be_imported(registry_loaded):  # noqa: F811
    good = HEADER + "TS;7777777;0;Glaserei;Am Ufer 1;83278;Traunstein;handwerksrolle\n"
    with pytest.raises(RecordNotFound):
        verzeichnis.import_registry(AUSBILDUNG, BETRIEB, good.encode())
    with pytest.raises(RecordNotFound):
        verzeichnis.import_registry(NOBODY, PERSON, b"kundennummer;art\n")
    assert _names(ROLLE, text="glaserei") == []


def test_the_operators_command_uses_the_same_import(registry_loaded, tmp_path, capsys):  # noqa: F811
    from portal_app import cli

    bad = tmp_path / "betriebe.csv"
    bad.write_text(HEADER + "TS;1;0;Kurz;Weg 1;83278;Traunstein;handwerksrolle\n", "utf-8")
    assert cli.main(["registry", "import", "betriebe", str(bad)]) == 1
    assert "Zeile 2: betriebsnummer muss siebenstellig sein" in capsys.readouterr().err
    binary = tmp_path / "tabelle.xlsx"
    binary.write_bytes(b"PK\x03\x04\xff\xfe")
    assert cli.main(["registry", "import", "betriebe", str(binary)]) == 2


def test_an_item_asking_for_a_new_pin_leads_to_its_record_within_the_scope(unlocked):  # noqa: F811
    account_id = unlocked("TS-1234567-0")
    unlock.request_new_pin(account_id, "betrieb", "TS-1234567-1")
    unlock.request_new_pin(account_id, "betrieb", "1234567")  # names two branches
    unlock.request_new_pin(account_id, "person", "23456789")
    with unit_of_work() as session:
        items = {
            v.pin_request_id: v.id
            for v in session.exec(select(Vorgang).where(Vorgang.kind == inbox.KIND_PIN))
        }
    branch, both, person = (items[key] for key in sorted(items))
    assert verzeichnis.record_of_item(ROLLE, branch) == (BETRIEB, _id_of("TS-1234567-1"))
    assert verzeichnis.record_of_item(ROLLE, both) is None
    assert verzeichnis.record_of_item(ROLLE, person) is None  # not the Handwerksrolle's register
    assert verzeichnis.record_of_item(AUSBILDUNG, person) == (PERSON, _id_of("23456789"))
    assert verzeichnis.record_of_item(ADMIN, 99999) is None
