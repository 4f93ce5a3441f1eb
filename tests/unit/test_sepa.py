"""SEPA mandates: IBAN validation with schwifty, holder checks, one active mandate per Betrieb
(replace, revoke), ownership, audit, mail and the PDF."""

import re

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import AuditEntry, SepaMandat
from portal_app.services import mail, sepa, sepa_pdf
from portal_app.services.db import unit_of_work
from portal_app.settings import creditor_id_valid, settings
from tests.unit.docs_fixtures import key_of, registry_loaded, store, unlocked  # noqa: F401

IBAN_DE = "DE89 3704 0044 0532 0130 00"


@pytest.mark.parametrize(
    ("raw", "compact", "bank"),
    [
        (IBAN_DE, "DE89370400440532013000", "Commerzbank"),
        (" de89370400440532013000 ", "DE89370400440532013000", "Commerzbank"),
        ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606", "LA BANQUE POSTALE"),
        ("AT61 1904 3002 3457 3201", "AT611904300234573201", None),
    ],
)
def test_valid_sepa_ibans_are_accepted_with_their_bank(raw, compact, bank):
    checked = sepa.check_iban(raw)
    assert checked.iban == compact
    if bank:
        assert checked.bank_name == bank


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", texts.IBAN_EMPTY),
        ("   ", texts.IBAN_EMPTY),
        ("DE89 3704 0044 0532 0130 01", texts.IBAN_BAD_CHECKSUM),
        ("DE89 3704 0044 0532 0130 0", texts.IBAN_BAD_LENGTH),
        ("DE89 3704 0044 0532 0130 000", texts.IBAN_BAD_LENGTH),
        ("BR18 0036 0305 0000 1000 9795 493C 1", texts.IBAN_NOT_SEPA),
        ("TR33 0006 1005 1978 6457 8413 26", texts.IBAN_NOT_SEPA),
        ("XX89 3704 0044 0532 0130 00", texts.IBAN_BAD_FORMAT),
        ("<script>alert(1)</script>", texts.IBAN_BAD_FORMAT),
        ("DE89 3704 0044 0532 0130 00 ÄÖÜ", texts.IBAN_BAD_FORMAT),
        ("DE" + "1" * 60, texts.IBAN_BAD_FORMAT),
    ],
)
def test_bad_ibans_get_a_precise_german_message(raw, message):
    with pytest.raises(sepa.MandateRejected) as refused:
        sepa.check_iban(raw)
    assert str(refused.value) == message
    assert refused.value.field == "iban"


@pytest.mark.parametrize(
    ("raw", "message"),
    [("", texts.KONTOINHABER_EMPTY), ("  ", texts.KONTOINHABER_EMPTY),
     ("x" * 71, texts.KONTOINHABER_INVALID), ("<b>Eder</b>", texts.KONTOINHABER_INVALID),
     ("Eder\x00", texts.KONTOINHABER_INVALID), ("Eder 😀", texts.KONTOINHABER_INVALID)],
)  # fmt: skip
def test_the_account_holder_is_checked(raw, message):
    with pytest.raises(sepa.MandateRejected, match=re.escape(message)):
        sepa.check_holder(raw)
    assert sepa.check_holder("  Jörg   Öztürk-Eder ") == "Jörg Öztürk-Eder"


def test_the_creditor_identifier_is_checked():
    assert creditor_id_valid(settings.creditor_id)
    assert creditor_id_valid("DE98ZZZ09999999999")
    assert not creditor_id_valid("DE99ZZZ09999999999")
    assert not creditor_id_valid("DE98ZZZ")
    assert not creditor_id_valid("<script>")


def _mandates():
    with unit_of_work() as session:
        return list(session.exec(select(SepaMandat).order_by(SepaMandat.id)))


def test_granting_stores_the_mandate_mails_and_shows_only_four_digits(unlocked):  # noqa: F811
    member = unlocked()
    view = sepa.grant(member, key_of(member), "Schreinerei Eder GmbH", IBAN_DE, True)
    assert view.last4 == "3000"
    assert view.creditor_id == settings.creditor_id
    assert view.reference.startswith("HWK-12345670-") and len(view.reference) <= 35
    newest = mail.recent_mails()[0]
    assert newest.subject == texts.MAIL_SEPA_SUBJECT
    assert view.reference in newest.body and "DE89370400440532013000" not in newest.body
    assert "endet auf 3000" in newest.body


def test_a_new_mandate_replaces_the_old_which_stays_on_record(unlocked):  # noqa: F811
    member, colleague = unlocked(), unlocked()
    first = sepa.grant(member, key_of(member), "Eder", IBAN_DE, True)
    second = sepa.grant(colleague, key_of(colleague), "Eder", "AT611904300234573201", True)
    rows = _mandates()
    assert [(r.mandatsreferenz, r.end_reason) for r in rows] == [
        (first.reference, "ersetzt"),
        (second.reference, ""),
    ]
    assert [v.reference for v in sepa.mandates(member)] == [second.reference, first.reference]


def test_revoking_ends_the_mandate_and_a_second_revoke_is_refused(unlocked):  # noqa: F811
    member = unlocked()
    view = sepa.grant(member, key_of(member), "Eder", IBAN_DE, True)
    assert sepa.revoke(member, view.id).reference == view.reference
    assert _mandates()[0].end_reason == "widerrufen"
    with pytest.raises(sepa.MandateNotFound):
        sepa.revoke(member, view.id)
    assert texts.MAIL_SEPA_REVOKED_SUBJECT in [m.subject for m in mail.recent_mails()]


def test_nothing_is_stored_without_consent_or_with_bad_input(unlocked):  # noqa: F811
    member = unlocked()
    for holder, iban, consent, field in [
        ("Eder", IBAN_DE, False, "zustimmung"),
        ("", IBAN_DE, True, "kontoinhaber"),
        ("Eder", "DE00 0000", True, "iban"),
    ]:
        with pytest.raises(sepa.MandateRejected) as refused:
            sepa.grant(member, key_of(member), holder, iban, consent)
        assert refused.value.field == field
    assert _mandates() == []


def test_a_member_of_another_betrieb_or_a_person_cannot_touch_a_mandate(unlocked):  # noqa: F811
    eder, huber, lena = unlocked(), unlocked("BGL-7654321-0"), unlocked("12345678")
    view = sepa.grant(eder, key_of(eder), "Eder", IBAN_DE, True)
    for member in (huber, lena):
        with pytest.raises(sepa.MandateRejected, match=texts.SEPA_BETRIEB_MISSING):
            sepa.grant(member, key_of(eder), "Fremd", IBAN_DE, True)
        with pytest.raises(sepa.MandateNotFound):
            sepa.revoke(member, view.id)
        with pytest.raises(sepa.MandateNotFound):
            sepa_pdf.mandate_pdf(member, view.id)
        assert sepa.mandates(member) == []
    with pytest.raises(sepa.MandateRejected):
        sepa.grant(lena, key_of(lena), "Lena", IBAN_DE, True)  # a Person has no mandate
    assert _mandates()[0].ended_at is None
    with unit_of_work() as session:
        refused = session.exec(select(AuditEntry).where(AuditEntry.account_id == huber)).all()
    assert {row.action for row in refused} >= {sepa.AUDIT_REFUSED}


def test_the_pdf_holds_reference_creditor_id_and_the_full_iban(unlocked):  # noqa: F811
    member = unlocked()
    view = sepa.grant(member, key_of(member), "Schreinerei Eder GmbH", IBAN_DE, True)
    name, data = sepa_pdf.mandate_pdf(member, view.id)
    assert name == f"SEPA-Mandat-{view.reference}.pdf"
    assert data.startswith(b"%PDF")
    assert len(data) > 1000


def test_the_database_itself_refuses_a_second_active_mandate(unlocked):  # noqa: F811
    from sqlalchemy.exc import IntegrityError

    member = unlocked()
    view = sepa.grant(member, key_of(member), "Eder", IBAN_DE, True)
    with pytest.raises(IntegrityError), unit_of_work() as session:
        first = session.get(SepaMandat, view.id)
        session.add(
            SepaMandat(
                betrieb_id=first.betrieb_id, mandatsreferenz="PARALLEL", kontoinhaber="X",
                iban=first.iban, glaeubiger_id=first.glaeubiger_id, granted_at=first.granted_at,
            )
        )  # fmt: skip
