"""Meine Daten: the archive covers every table with the account's rows, holds no secrets, masks
the IBAN; large accounts are made once in the background, offered 7 days, then deleted."""

import io
import json
import zipfile
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlmodel import SQLModel, select

from portal_app import texts
from portal_app.models import (
    Account,
    AuditEntry,
    Betrieb,
    DataExport,
    Dokument,
    EmailChange,
    EmailToken,
    FormSubmission,
    Freischaltung,
    KnownDevice,
    Lehrvertrag,
    LoginSession,
    MemberTotp,
    PinRequest,
    PostfachNachricht,
    SepaMandat,
    UnlockTry,
    Vorgang,
)
from portal_app.services import (
    account_deletion,
    booking,
    data_export,
    email_change,
    files,
    member_totp,
    sessions,
    totp,
)
from portal_app.services.booking import Participant
from portal_app.services.db import unit_of_work
from portal_app.services.mail import recent_mails

ADDRESS = "daten@betrieb-example.de"
PASSWORD = "Eiche geölt hält ein ganzes Leben"
IBAN = "DE89370400440532013000"


def test_every_table_with_an_account_column_is_exported_or_left_out_with_a_reason():
    covered = {section.model.__tablename__ for section in data_export.SECTIONS}
    with_account = {
        table.name for table in SQLModel.metadata.tables.values() if "account_id" in table.c
    }
    missing = sorted(with_account - covered - set(data_export.NOT_EXPORTED))
    assert missing == [], f"add these tables to data_export.SECTIONS or NOT_EXPORTED: {missing}"
    assert not covered & set(data_export.NOT_EXPORTED)
    assert all(reason.strip() for reason in data_export.NOT_EXPORTED.values())
    assert set(texts.MY_DATA_SECTIONS) == {"konto"} | {s.key for s in data_export.SECTIONS}


@pytest.fixture
def full_account(member, make_course, clock):
    """An account with a row in every exported table."""
    token = member(ADDRESS, PASSWORD)
    account_id = sessions.current_account(token).id
    email_change.request_change(account_id, "neu@betrieb-example.de", PASSWORD)
    member_totp.start_setup(account_id)  # a second factor being set up
    now = clock.now()
    with unit_of_work() as session:
        betrieb = Betrieb(kreis="TS", betriebsnummer="1234567", name="Tischlerei Eiche",
                          strasse="Hauptstr. 1", plz="12345", ort="Musterstadt",
                          eintragung="Anlage A")  # fmt: skip
        session.add(betrieb)
        session.flush()
        session.add_all([
            Freischaltung(account_id=account_id, betrieb_id=betrieb.id, created_at=now),
            KnownDevice(account_id=account_id, token_hash="d" * 64, created_at=now,
                        last_login_at=now),
            UnlockTry(account_id=account_id, at=now, number_key="betrieb:1234567", failed=True),
            PinRequest(account_id=account_id, art="betrieb", nummer="1234567", created_at=now),
            FormSubmission(account_id=account_id, form_key="kontakt",
                           department_email="kontakt@hwk.example", sender_key=ADDRESS,
                           client_key="konto:1", data=json.dumps({"nachricht": "Grüße ✓"}),
                           created_at=now),
            Dokument(betrieb_id=betrieb.id, richtung="eingang", original_name="Meisterbrief.pdf",
                     stored_name="e" * 40, content_type="application/pdf", size=1234,
                     sha256="f" * 64, created_at=now, account_id=account_id),
            Vorgang(kind="kontakt", department="kontakt", received_at=now, account_id=account_id,
                    sender="Tischlerei Eiche", subject="Frage zur Prüfung"),
            PostfachNachricht(account_id=account_id, created_at=now, subject="Ihre Anfrage",
                              body="Geheimer Inhalt der Antwort"),
            SepaMandat(betrieb_id=betrieb.id, account_id=account_id, mandatsreferenz="HWK-1",
                       kontoinhaber="Tischlerei Eiche", iban=IBAN,
                       glaeubiger_id="DE98ZZZ09999999999",
                       granted_at=now),
            AuditEntry(at=now, account_id=account_id, action="password_changed"),
            DataExport(account_id=account_id, requested_at=now),
            Lehrvertrag(betrieb_id=betrieb.id, account_id=account_id, created_at=now,
                        updated_at=now, daten=json.dumps({"vorname": "Lena"})),
        ])  # fmt: skip
    course_id = make_course()
    booking.book(
        account_id, course_id, Participant("Eva Eiche", date(1990, 5, 1), ADDRESS), terms=True
    )
    return token, account_id


def _secrets() -> list[str]:
    with unit_of_work() as session:
        found = [h for h in session.exec(select(LoginSession.token_hash))]
        found += [h for h in session.exec(select(LoginSession.handoff_hash)) if h]
        found += [h for h in session.exec(select(EmailToken.token_hash))]
        found += [h for h in session.exec(select(KnownDevice.token_hash))]
        found += [h for h in session.exec(select(Account.password_hash)) if h]
        found += [h for h in session.exec(select(EmailChange.token_hash))]
        found += [s for s in session.exec(select(MemberTotp.totp_secret))]
        found += [totp.unseal(s) for s in session.exec(select(MemberTotp.totp_secret))]
    return found


def _open(archive: bytes) -> tuple[dict, str]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert sorted(opened.namelist()) == [data_export.JSON_NAME, data_export.PDF_NAME]
        data = json.loads(opened.read(data_export.JSON_NAME))
        pdf = PdfReader(io.BytesIO(opened.read(data_export.PDF_NAME)))
        text = "\n".join(page.extract_text() for page in pdf.pages)
    return data, text


def test_the_archive_holds_every_section_and_no_secret(full_account):
    _token, account_id = full_account
    result = data_export.request_export(account_id)
    assert isinstance(result, data_export.MadeNow)
    assert result.name.startswith("meine-daten-") and result.name.endswith(".zip")
    data, pdf_text = _open(result.data)
    raw = json.dumps(data)

    assert data["konto"]["e_mail"] == ADDRESS
    assert data["konto"]["passwort_gesetzt"] is True
    for section in data_export.SECTIONS:
        assert data[section.key], f"section {section.key} is empty"
    assert data["formulare"][0]["angaben"] == {"nachricht": "Grüße ✓"}
    assert data["freischaltungen"][0]["freigeschaltet_fuer"].startswith("Betrieb TS-1234567-0")
    assert data["sepa_mandate"][0]["iban"] == "DE****************3000"
    assert data["adressaenderungen"][0]["neue_adresse"] == "neu@betrieb-example.de"
    assert IBAN not in raw and IBAN not in pdf_text.replace(" ", "")
    assert "Geheimer Inhalt" not in raw  # the Postfach is listed, not copied
    for secret in _secrets():
        assert secret not in raw
        assert secret not in pdf_text
    assert not any("hash" in key for section in data.values() if isinstance(section, list)
                   for row in section for key in row)  # fmt: skip
    labelled = {key for section in data.values() if isinstance(section, list)
                for row in section for key in row} | set(data["konto"])  # fmt: skip
    assert labelled - {"erstellt_am"} <= set(texts.MY_DATA_LABELS)  # the PDF names each field
    assert texts.MY_DATA_PDF_TITLE in pdf_text
    assert "Tischlerei Eiche" in pdf_text and ADDRESS in pdf_text


def test_only_the_accounts_own_rows_are_in_it(full_account, member):
    other = sessions.current_account(member("andere@example.de", PASSWORD)).id
    data, _ = _open(data_export.request_export(other).data)
    assert data["konto"]["e_mail"] == "andere@example.de"
    assert ADDRESS not in json.dumps(data)
    assert data["freischaltungen"] == [] and data["sepa_mandate"] == []


# --- large accounts: in the background -------------------------------------------------------


@pytest.fixture
def large(monkeypatch):
    monkeypatch.setattr(data_export, "BACKGROUND_FROM_ROWS", 0)


def test_a_large_account_gets_one_job_made_once_and_a_mail(member, large, clock):
    account_id = sessions.current_account(member(ADDRESS, PASSWORD)).id
    assert isinstance(data_export.request_export(account_id), data_export.Queued)
    assert isinstance(data_export.request_export(account_id), data_export.Queued)  # no second
    with unit_of_work() as session:
        assert len(session.exec(select(DataExport)).all()) == 1
    [waiting] = data_export.exports_of(account_id)
    assert waiting.finished_at is None

    assert data_export.run_due() == 1
    assert data_export.run_due() == 0  # made once

    ready = [m for m in recent_mails() if m.subject == texts.MAIL_DATA_READY_SUBJECT]
    assert len(ready) == 1 and ready[0].recipient == ADDRESS
    assert "Eiche" not in ready[0].body and "/konto/meine-daten" in ready[0].body
    [view] = data_export.exports_of(account_id)
    stored = data_export.ready_file(account_id, view.id)
    data, _ = _open(files.path_of(stored.stored_name).read_bytes())
    assert data["konto"]["e_mail"] == ADDRESS


def test_two_workers_claim_a_job_once(member, large, clock):
    account_id = sessions.current_account(member(ADDRESS, PASSWORD)).id
    data_export.request_export(account_id)
    assert len(data_export._claim(clock.now())) == 1
    assert data_export._claim(clock.now()) == []  # the other worker finds it claimed
    clock.travel(
        data_export.CLAIM_TIME + timedelta(seconds=1)
    )  # the first worker died: taken again
    [again] = data_export._claim(clock.now())
    assert data_export._make(again) is True
    assert data_export._make(again) is False  # a late second worker: its file goes again
    with unit_of_work() as session:
        [row] = session.exec(select(DataExport)).all()
    assert files.path_of(row.stored_name).exists()


def test_a_ready_archive_is_only_the_accounts_and_is_deleted_after_7_days(member, large, clock):
    account_id = sessions.current_account(member(ADDRESS, PASSWORD)).id
    stranger = sessions.current_account(member("fremd@example.de", PASSWORD)).id
    data_export.request_export(account_id)
    data_export.run_due()
    [view] = data_export.exports_of(account_id)
    path = files.path_of(data_export.ready_file(account_id, view.id).stored_name)

    for who, export_id in ((stranger, view.id), (account_id, view.id + 1), (account_id, -1)):
        with pytest.raises(data_export.ExportNotFound):
            data_export.ready_file(who, export_id)
    assert data_export.exports_of(stranger) == []

    clock.travel(data_export.KEEP_FOR + timedelta(seconds=1))
    with pytest.raises(data_export.ExportNotFound):
        data_export.ready_file(account_id, view.id)
    data_export.run_due()
    assert not path.exists()
    with unit_of_work() as session:
        assert session.exec(select(DataExport)).all() == []


def test_deleting_the_account_deletes_its_archives(member, large):
    account_id = sessions.current_account(member(ADDRESS, PASSWORD)).id
    data_export.request_export(account_id)
    data_export.run_due()
    [view] = data_export.exports_of(account_id)
    path = files.path_of(data_export.ready_file(account_id, view.id).stored_name)
    account_deletion.delete_account(account_id, PASSWORD, confirmed=True)
    assert not path.exists()
