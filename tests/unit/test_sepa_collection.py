"""The SEPA collection file: TARGET2 calendar and lead time, amounts with a German decimal
comma, every bad row listed, rows without a mandate kept aside, the pain.008.001.02 XML parsed
back (sums, counts, FRST/RCUR, IBANs, mandate ids, dates) and valid against the schema, FRST
turning into RCUR only once a file is marked as handed to the bank, the pre-notification."""

from __future__ import annotations

import csv
import dataclasses
import io
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sepaxml
import xmlschema
from sqlmodel import func, select

from portal_app import texts
from portal_app.models import AuditEntry, PostfachNachricht, SepaBuchung, SepaEinzug, StaffAccount
from portal_app.services import clock, files, postfach, sepa, sepa_collection
from portal_app.services.dates import format_date
from portal_app.services.db import unit_of_work
from portal_app.services.staff import StaffView
from tests.unit import docs_fixtures
from tests.unit.docs_fixtures import key_of

# the fixtures of the document tests, under their names
registry_loaded = docs_fixtures.registry_loaded
store = docs_fixtures.store
unlocked = docs_fixtures.unlocked

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"}
XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.008.001.02.xsd"
BEITRAG_STAFF = StaffView(1, "b@hwk.example", "Berta Beitrag", False, ("beitrag",))
OTHER_STAFF = StaffView(2, "h@hwk.example", "Hans Rolle", False, ("handwerksrolle",))
IBAN_EDER = "DE89370400440532013000"
IBAN_HUBER = "AT611904300234573201"
HEADER = "betriebsnummer;betrag;verwendungszweck\n"


@pytest.fixture(autouse=True)
def staff_rows():
    with unit_of_work() as session:
        for view in (BEITRAG_STAFF, OTHER_STAFF):
            account = StaffAccount(
                id=view.id, email=view.email, email_key=view.email, name=view.name,
                is_admin=view.is_admin, created_at=clock.now(),
            )  # fmt: skip
            session.add(account)


@pytest.fixture
def creditor(store, monkeypatch):
    changed = dataclasses.replace(
        sepa_collection.settings,
        files_dir=str(store),
        creditor_name="Handwerkskammer Musterstadt",
        creditor_iban="DE02120300000000202051",
        creditor_bic="BYLADEM1001",
        sepa_lead_days=2,
    )
    monkeypatch.setattr(sepa_collection, "settings", changed)
    return changed


@pytest.fixture
def mandates(unlocked, registry_loaded):
    """Mandates of TS-1234567-0 (Eder, with BIC) and BGL-7654321-0 (Huber, Austrian IBAN)."""
    eder = unlocked("TS-1234567-0")
    sepa.grant(eder, key_of(eder), "Schreinerei Eder GmbH", IBAN_EDER, True)
    huber = unlocked("BGL-7654321-0")
    sepa.grant(huber, key_of(huber), "Fliesen Hüber e.K.", IBAN_HUBER, True)
    return {"eder": eder, "huber": huber}


def due() -> str:
    return format_date(sepa_collection.earliest_date())


def count(model, *where) -> int:
    with unit_of_work() as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


def parse(einzug_id: int) -> ET.Element:
    stored = sepa_collection.export_file(BEITRAG_STAFF, einzug_id)
    data = files.path_of(stored.stored_name).read_bytes()
    xmlschema.XMLSchema(str(XSD)).validate(data.decode())
    return ET.fromstring(data)  # noqa: S314 (the portal's own file)


def transactions(root: ET.Element) -> list[dict]:
    found = []
    for info in root.iterfind(".//p:PmtInf", NS):
        for tx in info.iterfind("p:DrctDbtTxInf", NS):
            found.append(
                {
                    "seq": info.findtext("p:PmtTpInf/p:SeqTp", namespaces=NS),
                    "date": info.findtext("p:ReqdColltnDt", namespaces=NS),
                    "amount": Decimal(tx.findtext("p:InstdAmt", namespaces=NS)),
                    "mandate": tx.findtext(".//p:MndtId", namespaces=NS),
                    "signed": tx.findtext(".//p:DtOfSgntr", namespaces=NS),
                    "iban": tx.findtext("p:DbtrAcct/p:Id/p:IBAN", namespaces=NS),
                    "name": tx.findtext("p:Dbtr/p:Nm", namespaces=NS),
                    "purpose": tx.findtext("p:RmtInf/p:Ustrd", namespaces=NS),
                }
            )
    return found


# --- calendar -----------------------------------------------------------------------------------


def test_target2_holidays_and_business_days():
    assert sepa_collection.easter_sunday(2027) == date(2027, 3, 28)
    assert sepa_collection.easter_sunday(2026) == date(2026, 4, 5)
    assert sepa_collection.target2_holidays(2027) == {
        date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 1),
        date(2027, 12, 25), date(2027, 12, 26),
    }  # fmt: skip
    # Thursday before Easter + 2 business days: Good Friday and Easter Monday are closed
    assert sepa_collection.add_business_days(date(2027, 3, 25), 2) == date(2027, 3, 31)
    # Wednesday 23 Dec 2026 + 2: Thursday 24th, then Monday 28th (25/26 and the weekend closed)
    assert sepa_collection.add_business_days(date(2026, 12, 23), 2) == date(2026, 12, 28)
    assert not sepa_collection.is_business_day(date(2026, 5, 1))  # a Friday
    assert sepa_collection.is_business_day(date(2028, 10, 3))  # German holiday, TARGET2 open


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", texts.SEPA_COLLECTION_DATE_EMPTY),
        ("morgen", texts.SEPA_COLLECTION_DATE_INVALID),
        ("31.02.2027", texts.SEPA_COLLECTION_DATE_INVALID),
        ("<script>", texts.SEPA_COLLECTION_DATE_INVALID),
        ("25.12.2027", texts.SEPA_COLLECTION_DATE_CLOSED),
        ("01.01.2029", texts.SEPA_COLLECTION_DATE_TOO_LATE),
    ],
)
def test_bad_collection_dates_are_refused_at_the_field(raw, message):
    with pytest.raises(sepa_collection.CollectionError) as refused:
        sepa_collection.check_date(raw, today=date(2027, 3, 1))
    assert refused.value.errors == {"faellig": message}


def test_the_lead_time_counts_target2_business_days():
    today = date(2027, 3, 25)  # Thursday before Easter
    with pytest.raises(sepa_collection.CollectionError) as refused:
        sepa_collection.check_date("30.03.2027", today=today)
    assert refused.value.message == texts.SEPA_COLLECTION_DATE_TOO_EARLY.format(
        days=2, earliest="31.03.2027"
    )
    assert sepa_collection.check_date("31.03.2027", today=today) == date(2027, 3, 31)


# --- amounts and rows ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cents"),
    [("80", 8000), ("80,5", 8050), ("1.234,56", 123456), ("0,01", 1), (" 12,00 € ", 1200)],
)
def test_german_amounts(raw, cents):
    assert sepa_collection.parse_amount(raw) == cents


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", texts.SEPA_COLLECTION_AMOUNT_EMPTY),
        ("0", texts.SEPA_COLLECTION_AMOUNT_ZERO),
        ("0,00", texts.SEPA_COLLECTION_AMOUNT_ZERO),
        ("-5,00", texts.SEPA_COLLECTION_AMOUNT_FORMAT),
        ("12,345", texts.SEPA_COLLECTION_AMOUNT_DECIMALS),
        ("12.5", texts.SEPA_COLLECTION_AMOUNT_FORMAT),
        ("1,234.56", texts.SEPA_COLLECTION_AMOUNT_FORMAT),
        ("zwölf", texts.SEPA_COLLECTION_AMOUNT_FORMAT),
        ("1000000000,00", texts.SEPA_COLLECTION_AMOUNT_TOO_HIGH),
    ],
)
def test_bad_amounts(raw, message):
    with pytest.raises(ValueError) as refused:
        sepa_collection.parse_amount(raw)
    assert str(refused.value) == message


def test_every_bad_row_is_listed_and_no_file_is_made(creditor, mandates):
    rows = (
        HEADER
        + "TS-1234567-0;80,00;Beitrag 2027\n"
        + "TS-9999999-0;80,00;unbekannt\n"
        + "1234567;80,00;zwei Filialen\n"
        + "kein-nummer;80,00;x\n"
        + "BGL-7654321-0;12,345;zu genau\n"
        + "RO-2345678-0;0;null\n"
        + "TS-1234567-0;10,00;doppelt\n"
        + "TS-1234567-1;10,00;"
        + "x" * 141
        + "\n"
    )
    with pytest.raises(sepa_collection.RowsRejected) as refused:
        sepa_collection.export(BEITRAG_STAFF, rows.encode(), due())
    found = {p.line: p.message for p in refused.value.plan.problems}
    assert found == {
        3: texts.SEPA_COLLECTION_UNKNOWN,
        4: texts.SEPA_COLLECTION_SEVERAL,
        5: texts.SEPA_COLLECTION_BAD_NUMBER,
        6: texts.SEPA_COLLECTION_AMOUNT_DECIMALS,
        7: texts.SEPA_COLLECTION_AMOUNT_ZERO,
        8: texts.SEPA_COLLECTION_TWICE.format(line=2),
        9: texts.SEPA_COLLECTION_PURPOSE_TOO_LONG.format(max=140),
    }
    assert refused.value.errors == {"csv": texts.SEPA_COLLECTION_ROWS_REJECTED.format(count=7)}
    assert count(SepaEinzug) == 0 and count(SepaBuchung) == 0


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", texts.SEPA_COLLECTION_CSV_EMPTY),
        (b"nummer;summe\n1;2\n", texts.SEPA_COLLECTION_CSV_HEADER),
        (HEADER.encode(), texts.SEPA_COLLECTION_CSV_NO_ROWS),
        (
            "betriebsnummer;betrag;verwendungszweck\nTS;1;ä".encode("latin-1"),
            texts.SEPA_COLLECTION_CSV_ENCODING,
        ),
    ],
)
def test_a_file_that_is_no_such_csv_is_refused(creditor, raw, message):
    with pytest.raises(sepa_collection.CollectionError) as refused:
        sepa_collection.export(BEITRAG_STAFF, raw, due())
    assert refused.value.errors == {"csv": message}


# --- the XML, FRST and RCUR ---------------------------------------------------------------------


def test_the_file_parsed_back_has_sums_counts_sequences_ibans_mandates_and_dates(
    creditor,
    mandates,
    registry_loaded,
):
    rows = (
        "\ufeff"
        + HEADER
        + "TS-1234567-0;1.234,56;Kammerbeitrag 2027 Grundbeitrag\n"
        + "BGL-7654321-0;80;Kammerbeitrag 2027 <Huber>\n".replace("<Huber>", "Hüber")
        + "RO-2345678-0;99,90;ohne Mandat\n"
    )
    day = due()
    done = sepa_collection.export(BEITRAG_STAFF, rows.encode(), day)
    assert done.export.transactions == 2 and done.export.total_cents == 131456
    assert [(p.line, p.nummer) for p in done.without_mandate] == [(4, "RO-2345678-0")]
    root = parse(done.export.id)
    assert root.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "2"
    assert Decimal(root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS)) == Decimal("1314.56")
    creditor_id = root.findtext(".//p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id", namespaces=NS)
    assert creditor_id == "DE98ZZZ09999999999"
    assert root.findtext(".//p:CdtrAcct/p:Id/p:IBAN", namespaces=NS) == creditor.creditor_iban
    found = sorted(transactions(root), key=lambda t: t["iban"])
    with unit_of_work() as session:
        references = {
            m.iban: (m.mandatsreferenz, m.granted_at.date().isoformat())
            for m in session.exec(select(sepa.SepaMandat))
        }
    iso = sepa_collection.check_date(day).isoformat()
    assert [(t["iban"], t["amount"], t["seq"], t["date"]) for t in found] == [
        (IBAN_HUBER, Decimal("80.00"), "FRST", iso),
        (IBAN_EDER, Decimal("1234.56"), "FRST", iso),
    ]
    for t in found:
        assert (t["mandate"], t["signed"]) == references[t["iban"]]
    assert found[0]["name"] == "Fliesen Huber e.K."  # transliterated to the SEPA set
    assert found[0]["purpose"] == "Kammerbeitrag 2027 Huber"

    # the rows without a mandate are stored with the export
    kept = sepa_collection.skipped_file(BEITRAG_STAFF, done.export.id)
    text = files.path_of(kept.stored_name).read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1] == [
        "RO-2345678-0", "99,90 €", "ohne Mandat"
    ]  # fmt: skip
    assert count(AuditEntry, AuditEntry.action == sepa_collection.AUDIT_EXPORTED) == 1


@pytest.mark.both_databases
def test_frst_stays_frst_until_a_file_is_handed_to_the_bank_then_rcur(creditor, mandates):
    rows = (HEADER + "TS-1234567-0;80,00;Beitrag 2027\n").encode()
    first = sepa_collection.export(BEITRAG_STAFF, rows, due())
    again = sepa_collection.export(BEITRAG_STAFF, rows, due())  # the same CSV twice
    assert [t["seq"] for t in transactions(parse(first.export.id))] == ["FRST"]
    assert [t["seq"] for t in transactions(parse(again.export.id))] == ["FRST"]

    sepa_collection.mark_submitted(BEITRAG_STAFF, again.export.id)
    # the first file is out of date now: marking it too would collect FRST twice
    with pytest.raises(sepa_collection.CollectionError) as refused:
        sepa_collection.mark_submitted(BEITRAG_STAFF, first.export.id)
    assert refused.value.message == texts.SEPA_COLLECTION_FIRST_USED
    with pytest.raises(sepa_collection.CollectionError):
        sepa_collection.mark_submitted(BEITRAG_STAFF, again.export.id)  # once only

    later = sepa_collection.export(BEITRAG_STAFF, rows, due())
    assert [t["seq"] for t in transactions(parse(later.export.id))] == ["RCUR"]


def test_handing_to_the_bank_pre_notifies_the_members_and_lists_the_collection(creditor, mandates):
    rows = (HEADER + "TS-1234567-0;1.234,56;Kammerbeitrag 2027\n").encode()
    done = sepa_collection.export(BEITRAG_STAFF, rows, due())
    assert count(PostfachNachricht) == 0
    eder = mandates["eder"]
    [mandate] = [m for m in sepa.mandates(eder) if m.ended_at is None]
    assert sepa_collection.collections_of(eder, mandate.reference) == []

    marked = sepa_collection.mark_submitted(BEITRAG_STAFF, done.export.id)
    assert marked.submitted_at is not None
    [message] = postfach.messages(eder)
    assert message.subject == texts.SEPA_PRE_NOTIFICATION_SUBJECT.format(date=due())
    assert "1.234,56 €" in message.body and due() in message.body
    assert mandate.reference in message.body and f"endet auf {IBAN_EDER[-4:]}" in message.body
    assert IBAN_EDER not in message.body
    assert postfach.messages(mandates["huber"]) == []
    [seen] = sepa_collection.collections_of(eder, mandate.reference)
    assert (seen.amount_cents, seen.sequence) == (123456, "FRST")
    # another account (not unlocked for Eder) sees nothing of it
    assert sepa_collection.collections_of(mandates["huber"], mandate.reference) == []


def test_a_revoked_mandate_is_not_handed_to_the_bank(creditor, mandates):
    rows = (HEADER + "TS-1234567-0;80,00;Beitrag\n").encode()
    done = sepa_collection.export(BEITRAG_STAFF, rows, due())
    eder = mandates["eder"]
    [mandate] = [m for m in sepa.mandates(eder) if m.ended_at is None]
    sepa.revoke(eder, mandate.id)
    with pytest.raises(sepa_collection.CollectionError) as refused:
        sepa_collection.mark_submitted(BEITRAG_STAFF, done.export.id)
    assert refused.value.message == texts.SEPA_COLLECTION_MANDATE_ENDED
    assert count(PostfachNachricht) == 0
    with pytest.raises(sepa_collection.CollectionError) as nothing:
        sepa_collection.export(BEITRAG_STAFF, rows, due())
    assert nothing.value.errors == {"csv": texts.SEPA_COLLECTION_NOTHING}


def test_missing_creditor_settings_stop_the_file(creditor, mandates, monkeypatch):
    monkeypatch.setattr(
        sepa_collection, "settings", dataclasses.replace(creditor, creditor_iban="")
    )
    rows = (HEADER + "TS-1234567-0;80,00;Beitrag\n").encode()
    with pytest.raises(sepa_collection.CollectionError) as refused:
        sepa_collection.export(BEITRAG_STAFF, rows, due())
    assert refused.value.message == texts.SEPA_COLLECTION_CREDITOR_MISSING


def test_staff_of_another_department_are_refused(creditor, mandates):
    rows = (HEADER + "TS-1234567-0;80,00;Beitrag\n").encode()
    done = sepa_collection.export(BEITRAG_STAFF, rows, due())
    with pytest.raises(sepa_collection.CollectionRefused):
        sepa_collection.export(OTHER_STAFF, rows, due())
    for call in (
        sepa_collection.export_file,
        sepa_collection.skipped_file,
        sepa_collection.mark_submitted,
    ):
        with pytest.raises(sepa_collection.CollectionRefused):
            call(OTHER_STAFF, done.export.id)
    with pytest.raises(sepa_collection.CollectionRefused):
        sepa_collection.exports(OTHER_STAFF)
    assert count(SepaEinzug) == 1 and count(PostfachNachricht) == 0
