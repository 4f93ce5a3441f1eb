"""Documents: upload with type, size and quota checks, ownership of every id, provided documents,
audit and mails."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import AuditEntry, Dokument
from portal_app.services import documents, files, mail, postfach
from portal_app.services.db import unit_of_work
from tests.parallel import at_once
from tests.unit.docs_fixtures import (  # noqa: F401
    EXE,
    JPEG,
    PDF,
    PNG,
    key_of,
    registry_loaded,
    store,
    unlocked,
    upload,
)


def audit_actions(account_id=None) -> list[str]:
    with unit_of_work() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if account_id is not None:
            query = query.where(AuditEntry.account_id == account_id)
        return [row.action for row in session.exec(query)]


def test_an_uploaded_pdf_is_stored_listed_and_audited(store, unlocked):  # noqa: F811
    member = unlocked()
    view = upload(member, PDF, "Meisterbrief.pdf", "handwerksrolle")
    assert view.name == "Meisterbrief.pdf"
    assert view.department == "Handwerksrolle"
    assert [d.id for d in documents.uploaded(member)] == [view.id]
    assert documents.AUDIT_UPLOAD in audit_actions(member)
    with unit_of_work() as session:
        row = session.get(Dokument, view.id)
    assert (store / row.stored_name).read_bytes() == PDF
    assert row.stored_name not in "Meisterbrief.pdf"


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("handwerksrolle", "Handwerksrolle"),
        ("ausbildung", "Lehrlingsrolle / Ausbildung"),
        ("pruefung", "Prüfungswesen"),
        ("beitrag", "Beitrag"),
        ("sonstiges", "Sonstiges"),
    ],
)
def test_the_department_is_stored_as_its_key_and_shown_by_its_label(store, unlocked, key, label):  # noqa: F811
    member = unlocked()
    view = upload(member, PDF, "a.pdf", key)
    with unit_of_work() as session:
        assert session.get(Dokument, view.id).abteilung == key
    assert view.department == label


def test_the_confirmation_mail_lists_the_files(store, unlocked):  # noqa: F811
    member = unlocked()
    accepted = [upload(member, PDF, "a.pdf"), upload(member, PNG, "b.png")]
    documents.confirm_by_mail(member, accepted)
    newest = mail.recent_mails()[0]
    assert newest.subject == texts.MAIL_UPLOAD_SUBJECT
    assert "a.pdf" in newest.body and "b.png" in newest.body


@pytest.mark.parametrize("data", [EXE, b"<html><script>alert(1)</script></html>", b"GIF89a..."])
def test_a_file_of_another_type_is_refused_whatever_its_name(store, unlocked, data):  # noqa: F811
    member = unlocked()
    with pytest.raises(documents.UploadRefused, match="Dateityp ist nicht erlaubt"):
        upload(member, data, "rechnung.pdf")
    assert documents.uploaded(member) == []
    assert list(store.iterdir()) == []
    assert documents.AUDIT_UPLOAD_REFUSED in audit_actions(member)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n<html><script>alert(document.cookie)</script></html>", texts.DOCUMENT_NOT_PDF),
        (PDF[:150], texts.DOCUMENT_NOT_PDF),
        (b"\x89PNG\r\n\x1a\n<html></html>", texts.DOCUMENT_NOT_IMAGE.format(kind="PNG")),
        (JPEG[:100], texts.DOCUMENT_NOT_IMAGE.format(kind="JPEG")),
    ],
    ids=["html-starting-with-pdf", "pdf-cut-off", "html-with-png-signature", "jpeg-cut-off"],
)
def test_a_file_that_only_starts_like_a_pdf_or_image_is_refused_as_not_one(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    data,
    message,
):
    member = unlocked()
    with pytest.raises(documents.UploadRefused) as refused:
        upload(member, data, "rechnung.pdf")
    assert refused.value.message == texts.DOCUMENT_REFUSED.format(
        name="rechnung.pdf", reason=message
    )
    assert documents.uploaded(member) == []
    assert list(store.iterdir()) == []
    assert documents.AUDIT_UPLOAD_REFUSED in audit_actions(member)


def test_an_empty_file_is_refused(store, unlocked):  # noqa: F811
    with pytest.raises(documents.UploadRefused, match="leer"):
        upload(unlocked(), b"", "leer.pdf")


def test_a_file_over_the_size_cap_is_refused_with_the_limit_in_the_message(store, unlocked):  # noqa: F811
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    incoming = documents.receive(target)
    incoming.write(PDF + b" " * (1024 - len(PDF)))  # exactly the cap is fine
    with pytest.raises(documents.files.FileTooLarge):
        incoming.write(b"x")
    assert documents.too_large_reason(target) == texts.DOCUMENT_TOO_LARGE.format(limit="1,0 KB")
    assert list(store.iterdir()) == []


def test_the_quota_per_betrieb_counts_every_members_uploads(store, unlocked):  # noqa: F811
    first, colleague = unlocked(), unlocked()
    big = PDF + b" " * (1000 - len(PDF))
    for _ in range(3):
        upload(first, big)
    upload(first, PDF + b" " * (496 - len(PDF)))
    target = documents.start_upload(colleague, key_of(colleague), "beitrag")
    assert target.limit == 4096 - 3496  # what is left, not the size cap
    with pytest.raises(documents.files.FileTooLarge):
        documents.receive(target).write(big)
    assert "Speicherplatz" in documents.too_large_reason(target)
    upload(colleague, PDF)  # a small one still fits
    upload(colleague, PDF + b" " * (600 - 2 * len(PDF)))  # exactly full
    with pytest.raises(documents.UploadRefused, match=texts.DOCUMENT_QUOTA_FULL[:30]):
        upload(first, PDF)


def test_the_quota_is_checked_again_when_the_file_is_complete(store, unlocked):  # noqa: F811
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")  # 1024 allowed now
    for _ in range(4):
        upload(member, PDF + b" " * (1000 - len(PDF)))  # a parallel upload fills the quota
    incoming = documents.receive(target)
    incoming.write(PDF + b" " * 200)
    with pytest.raises(documents.UploadRefused, match="Speicherplatz"):
        documents.finish(target, incoming, "spaet.pdf")
    assert len(list(store.iterdir())) == 4


@pytest.mark.both_databases
def test_parallel_uploads_never_pass_the_quota_together(store, unlocked):  # noqa: F811
    """Twelve files of 1000 bytes finished at the same moment on a 4096-byte quota: each one
    alone would fit, together exactly four do."""
    member = unlocked()
    big = PDF + b" " * (1000 - len(PDF))
    arrived = []
    for _ in range(12):
        target = documents.start_upload(member, key_of(member), "beitrag")
        incoming = documents.receive(target)
        incoming.write(big)
        arrived.append((target, incoming))

    def finish(target, incoming):
        try:
            return documents.finish(target, incoming, "parallel.pdf")
        except documents.UploadRefused as refusal:
            return refusal

    results = at_once([lambda item=item: finish(*item) for item in arrived])

    accepted = [r for r in results if isinstance(r, documents.DocumentView)]
    refused = [r for r in results if isinstance(r, documents.UploadRefused)]
    assert (len(accepted), len(refused)) == (4, 8)
    assert all("Speicherplatz" in r.message for r in refused)
    assert len(documents.uploaded(member)) == 4
    assert sorted(p.name for p in store.iterdir()) == sorted(
        row.stored_name for row in _rows_of(member)
    )


def _rows_of(account_id: int) -> list[Dokument]:
    with unit_of_work() as session:
        return list(session.exec(select(Dokument).where(Dokument.account_id == account_id)))


def test_a_member_cannot_upload_for_a_betrieb_they_are_not_unlocked_for(store, unlocked):  # noqa: F811
    eder, huber = unlocked("TS-1234567-0"), unlocked("BGL-7654321-0")
    for key in (key_of(huber), "betrieb-999", "", "<script>", "person-1", "betrieb-1 OR 1=1"):
        with pytest.raises(documents.UploadRefused, match=texts.DOCUMENT_OWNER_MISSING):
            documents.start_upload(eder, key, "beitrag")
    assert documents.AUDIT_UPLOAD_REFUSED in audit_actions(eder)


@pytest.mark.parametrize("department", ["", "geheim", "Beitrag", "beitrag\x00", "ä" * 50])
def test_the_department_must_be_one_of_the_five(store, unlocked, department):  # noqa: F811
    member = unlocked()
    with pytest.raises(documents.UploadRefused, match=texts.DOCUMENT_DEPARTMENT_MISSING):
        documents.start_upload(member, key_of(member), department)


def test_a_person_uploads_for_herself(store, unlocked):  # noqa: F811
    lena = unlocked("12345678")
    assert key_of(lena).startswith("person-")
    assert upload(lena, JPEG, "zeugnis.jpg", "ausbildung").owner_label.startswith("Person")


def test_a_provided_document_is_listed_fetched_announced_and_audited(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    tmp_path,
):
    eder, colleague, huber = unlocked(), unlocked(), unlocked("BGL-7654321-0")
    source = tmp_path / "Beitragsbescheid 2026.pdf"
    source.write_bytes(PDF)
    view = documents.provide("TS-1234567-0", None, "Beitragsbescheid 2026", source)

    assert [d.title for d in documents.provided(eder)] == ["Beitragsbescheid 2026"]
    found = documents.fetch(colleague, view.id)
    assert (found.name, found.content_type) == ("Beitragsbescheid 2026.pdf", "application/pdf")
    assert files.path_of(found.stored_name).read_bytes() == PDF
    announced = [m for m in mail.recent_mails() if m.subject == texts.MAIL_POSTFACH_SUBJECT]
    assert len(announced) == 2  # both accounts of the Betrieb; the mail names no document
    assert not any("Beitragsbescheid" in m.body for m in announced)
    (message,) = postfach.messages(eder)
    assert "Beitragsbescheid 2026" in message.subject and message.dokument_id == view.id
    assert documents.provided(huber) == []
    assert documents.AUDIT_DOWNLOAD in audit_actions(colleague)


def test_a_member_of_another_betrieb_gets_no_document_by_any_id(store, unlocked, tmp_path):  # noqa: F811
    eder, huber = unlocked(), unlocked("BGL-7654321-0")
    source = tmp_path / "b.pdf"
    source.write_bytes(PDF)
    provided = documents.provide("TS-1234567-0", None, "Bescheid", source)
    uploaded = upload(eder, PNG, "foto.png")
    for guess in (provided.id, uploaded.id, 0, -1, 10**9, "1", None, 1.0):
        with pytest.raises(documents.DocumentNotFound):
            documents.fetch(huber, guess)
    assert audit_actions(huber).count(documents.AUDIT_DOWNLOAD_REFUSED) == 8


@pytest.mark.parametrize(
    ("betrieb", "person", "title", "problem"),
    [
        ("TS-1234567-0", None, "", "--titel"),
        ("TS-1234567-0", None, "x" * 201, "--titel"),
        ("9999999", None, "Bescheid", "nicht gefunden"),
        ("1234567", None, "Bescheid", "mehrere Filialen"),
        (None, "99999999", "Bescheid", "nicht gefunden"),
    ],
)
def test_providing_refuses_bad_targets_and_titles(
    store,  # noqa: F811
    registry_loaded,  # noqa: F811
    tmp_path,
    betrieb,
    person,
    title,
    problem,
):
    source = tmp_path / "b.pdf"
    source.write_bytes(PDF)
    with pytest.raises(documents.ProvideFailed, match=problem):
        documents.provide(betrieb, person, title, source)
    assert not store.exists() or list(store.iterdir()) == []


def test_providing_refuses_an_exe_and_a_file_over_the_cap(store, registry_loaded, tmp_path):  # noqa: F811
    exe = tmp_path / "bescheid.pdf"
    exe.write_bytes(EXE)
    with pytest.raises(documents.ProvideFailed, match="PDF"):
        documents.provide("TS-1234567-0", None, "Bescheid", exe)
    big = tmp_path / "gross.pdf"
    big.write_bytes(PDF + b" " * 2000)
    with pytest.raises(documents.files.FileTooLarge):
        documents.provide("TS-1234567-0", None, "Bescheid", big)
    assert list(store.iterdir()) == []
