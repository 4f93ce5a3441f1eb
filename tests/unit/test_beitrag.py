"""Fee notices in bulk: the whole batch is checked first (unknown numbers, not PDF, duplicates,
ZIP bombs, path tricks, too many or too large files: all listed, nothing delivered), then each
notice goes into the Postfach of every account unlocked for its record, one mail per account;
records without an unlocked account are listed for paper post; a batch is delivered once."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile

import pytest
from sqlmodel import col, func, select

from portal_app import texts
from portal_app.models import (
    AuditEntry,
    BeitragBescheid,
    BeitragStapel,
    Dokument,
    OutboxMail,
    PostfachNachricht,
    StaffAccount,
)
from portal_app.services import beitrag, clock, documents, files, pins, postfach, unlock
from portal_app.services.db import unit_of_work
from portal_app.services.staff import StaffView
from portal_app.settings import settings
from tests.parallel import at_once
from tests.sample_files import pdf
from tests.unit import docs_fixtures

# the fixtures of the document tests, under their names
registry_loaded = docs_fixtures.registry_loaded
store = docs_fixtures.store
unlocked = docs_fixtures.unlocked

BEITRAG_STAFF = StaffView(1, "b@hwk.example", "Berta Beitrag", False, ("beitrag",))
OTHER_STAFF = StaffView(2, "h@hwk.example", "Hans Rolle", False, ("handwerksrolle",))
ADMIN = StaffView(3, "a@hwk.example", "Anna Admin", True, ())
TITLE = "Beitragsbescheid 2027"


@pytest.fixture(autouse=True)
def staff_rows():
    """The staff accounts the views above name (the batches refer to them)."""
    insert_staff(BEITRAG_STAFF, OTHER_STAFF, ADMIN)


def insert_staff(*views: StaffView) -> None:
    with unit_of_work() as session:
        for view in views:
            session.add(
                StaffAccount(
                    id=view.id,
                    email=view.email,
                    email_key=view.email,
                    name=view.name,
                    is_admin=view.is_admin,
                    created_at=clock.now(),
                )
            )


@pytest.fixture
def limits(store, monkeypatch):
    """The store of docs_fixtures, with room for real PDFs (64 KB each, ten of them per ZIP)."""
    changed = dataclasses.replace(beitrag.settings, files_dir=str(store), upload_max_bytes=65536)
    for module in (beitrag, files):
        monkeypatch.setattr(module, "settings", changed)
    return changed


def make_zip(entries: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def incoming_of(data: bytes) -> files.Incoming:
    incoming = files.Incoming(beitrag.zip_limit())
    incoming.write(data)
    return incoming


def check(data: bytes, title: str = TITLE, staff: StaffView = BEITRAG_STAFF) -> beitrag.Checked:
    return beitrag.check_upload(staff, incoming_of(data), title)


def problems(checked: beitrag.Checked) -> dict[str, str]:
    return {p.name: p.message for p in checked.problems}


def count(model, *where) -> int:
    with unit_of_work() as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


def leftover_files(store) -> list:
    return sorted(p.name for p in store.iterdir()) if store.exists() else []


def test_a_clean_batch_is_staged_and_delivered_to_every_unlocked_account_once(
    limits,
    unlocked,
    store,
):
    first = unlocked("TS-1234567-0")
    second = unlocked("TS-1234567-0")
    person_account = unlocked("12345678")
    notices = {
        "TS-1234567-0_Beitrag-2027.pdf": pdf(b"eder"),
        "12345678_Beitrag-2027.pdf": pdf(b"bauer"),
        "BGL-7654321-0 Beitrag.pdf": pdf(b"huber"),  # nobody unlocked: paper
    }
    checked = check(make_zip(notices))
    assert checked.problems == []
    assert (checked.notices, checked.with_account, checked.paper) == (3, 2, 1)
    assert checked.accounts == 3 and checked.stapel_id > 0
    assert count(PostfachNachricht) == 0  # checked, nothing delivered yet

    delivered = beitrag.deliver(BEITRAG_STAFF, checked.stapel_id)
    assert (delivered.notices, delivered.messages, delivered.accounts, delivered.paper) == (
        3,
        3,
        3,
        1,
    )
    for account in (first, second, person_account):
        [message] = postfach.messages(account)
        assert message.dokument_id and TITLE in message.subject
        assert documents.fetch(account, message.dokument_id).content_type == "application/pdf"
    eder = postfach.messages(first)[0]
    stored = documents.fetch(first, eder.dokument_id)
    assert (
        files.path_of(stored.stored_name).read_bytes() == notices["TS-1234567-0_Beitrag-2027.pdf"]
    )
    assert count(OutboxMail, OutboxMail.subject == texts.MAIL_POSTFACH_SUBJECT) == 3
    assert count(Dokument, Dokument.abteilung == "beitrag") == 3
    assert count(AuditEntry, AuditEntry.action == beitrag.AUDIT_DELIVERED) == 1

    # the ZIP is gone from the store; a second delivery, or the same notices again, do nothing
    with unit_of_work() as session:
        assert session.get(BeitragStapel, checked.stapel_id).zip_name == ""
    with pytest.raises(beitrag.BatchError):
        beitrag.deliver(BEITRAG_STAFF, checked.stapel_id)
    repacked = make_zip(dict(reversed(list(notices.items()))), compression=zipfile.ZIP_STORED)
    again = check(repacked, title="Anderer Titel")
    assert again.delivered_before is not None and again.stapel_id == 0
    assert count(PostfachNachricht) == 3

    # the paper list names the Betrieb nobody received
    name, data = beitrag.paper_csv(BEITRAG_STAFF, checked.stapel_id)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(beitrag.PAPER_HEADER)
    assert rows[1][:2] == ["BGL-7654321-0", "Fliesen Huber e.K."] and name.endswith(".csv")


def test_an_account_unlocked_for_two_records_gets_two_messages_and_one_mail(
    limits,
    unlocked,
    registry_loaded,
):
    account = unlocked("TS-1234567-0")
    unlock.unlock_person(account, "12345678", pins.issue_for_person("12345678").pin)
    checked = check(make_zip({"TS-1234567-0.pdf": pdf(b"a"), "12345678.pdf": pdf(b"b")}))
    beitrag.deliver(BEITRAG_STAFF, checked.stapel_id)
    assert len(postfach.messages(account)) == 2
    assert count(OutboxMail, OutboxMail.subject == texts.MAIL_POSTFACH_SUBJECT) == 1


def test_every_problem_of_a_batch_is_listed_and_nothing_is_kept(limits, registry_loaded, store):
    before = leftover_files(store)
    data = make_zip(
        {
            "TS-1234567-0_Beitrag.pdf": pdf(b"ok"),
            "TS-1234567-0_nochmal.pdf": pdf(b"zweimal"),  # the same Betrieb twice
            "TS-9999999-0_Beitrag.pdf": pdf(b"unbekannt"),
            "99999999_Beitrag.pdf": pdf(b"unbekannte Person"),
            "1234567_Beitrag.pdf": pdf(b"zwei Filialen"),
            "Beitrag ohne Nummer.pdf": pdf(b"ohne"),
            "BGL-7654321-0_Beitrag.pdf": b"<html>%PDF-1.4 keine PDF</html>",
            "RO-2345678-0_Beitrag.pdf": b"%PDF-1.4 kaputt, keine Struktur",
            "../../etc/TS-1234567-1.pdf": pdf(b"pfad"),
            "/absolut/23456789.pdf": pdf(b"absolut"),
        }
    )
    checked = check(data)
    found = problems(checked)
    assert found["TS-1234567-0_nochmal.pdf"] == texts.BEITRAG_DUPLICATE.format(
        other="TS-1234567-0_Beitrag.pdf"
    )
    assert found["TS-9999999-0_Beitrag.pdf"] == texts.BEITRAG_UNKNOWN_BETRIEB
    assert found["99999999_Beitrag.pdf"] == texts.BEITRAG_UNKNOWN_KUNDENNUMMER
    assert found["1234567_Beitrag.pdf"] == texts.BEITRAG_SEVERAL_BRANCHES
    assert found["Beitrag ohne Nummer.pdf"] == texts.BEITRAG_NO_NUMBER
    assert found["BGL-7654321-0_Beitrag.pdf"] == texts.BEITRAG_NOT_PDF
    assert found["RO-2345678-0_Beitrag.pdf"] == texts.BEITRAG_PDF_BROKEN
    assert found["../../etc/TS-1234567-1.pdf"] == texts.BEITRAG_UNSAFE_PATH
    assert found["/absolut/23456789.pdf"] == texts.BEITRAG_UNSAFE_PATH
    assert len(checked.problems) == 9 and checked.stapel_id == 0
    assert count(BeitragStapel) == 0 and count(Dokument) == 0
    assert leftover_files(store) == before
    assert count(AuditEntry, AuditEntry.action == beitrag.AUDIT_REFUSED) == 1


def test_the_zip_itself_is_checked(limits, registry_loaded):
    assert problems(check(pdf(b"keine zip"))) == {"": texts.BEITRAG_NOT_A_ZIP}
    assert problems(check(b"PK\x03\x04 kaputt")) == {"": texts.BEITRAG_NOT_A_ZIP}
    assert problems(check(make_zip({"ordner/": b""}))) == {"": texts.BEITRAG_ZIP_EMPTY}


def test_a_zip_bomb_and_too_large_files_are_refused_before_unpacking(limits, registry_loaded):
    big = b"\0" * (limits.upload_max_bytes + 1)
    found = problems(check(make_zip({"TS-1234567-0.pdf": big})))
    assert found == {"TS-1234567-0.pdf": texts.BEITRAG_FILE_TOO_LARGE.format(mb=0)}
    # a file whose header lies about its size is cut off while it is read
    data = make_zip({"TS-1234567-0.pdf": pdf(b"x" * 60000)})
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.infolist()[0]
    with pytest.raises(files.FileTooLarge):
        beitrag.read_entry(archive, info, 1000)


def test_too_many_files_and_a_high_ratio_are_refused(limits, registry_loaded, monkeypatch):
    monkeypatch.setattr(beitrag, "MAX_FILES", 3)
    found = problems(check(make_zip({f"{n}.pdf": pdf() for n in range(4)})))
    assert found == {"": texts.BEITRAG_TOO_MANY_FILES.format(max=3)}
    roomy = dataclasses.replace(limits, upload_max_bytes=8 * 1024 * 1024)
    monkeypatch.setattr(beitrag, "settings", roomy)
    bomb = make_zip({"TS-1234567-0.pdf": b"%PDF-" + b"\0" * (4 * 1024 * 1024)})
    assert problems(check(bomb)) == {"TS-1234567-0.pdf": texts.BEITRAG_BOMB}


def test_symlinks_and_macos_extras(limits, registry_loaded):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("TS-1234567-0.pdf")
        link.external_attr = (0o120777 << 16) | 0
        archive.writestr(link, "/etc/passwd")
        archive.writestr("__MACOSX/._TS-1234567-1.pdf", b"resource fork")
        archive.writestr(".DS_Store", b"finder")
        archive.writestr("bescheide/TS-1234567-1_Beitrag.pdf", pdf())
    checked = check(buffer.getvalue())
    assert problems(checked) == {"TS-1234567-0.pdf": texts.BEITRAG_LINK}


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", texts.BEITRAG_TITLE_EMPTY),
        ("   ", texts.BEITRAG_TITLE_EMPTY),
        ("x" * 201, texts.BEITRAG_TITLE_TOO_LONG.format(max=200)),
        ("<script>alert(1)</script>", texts.BEITRAG_TITLE_INVALID),
        ("Bescheid\x00", texts.BEITRAG_TITLE_INVALID),
    ],
)
def test_a_bad_title_is_refused_at_its_field_and_the_zip_discarded(
    limits,
    registry_loaded,
    store,
    title,
    message,
):
    before = leftover_files(store)
    with pytest.raises(beitrag.BatchError) as refused:
        check(make_zip({"TS-1234567-0.pdf": pdf()}), title=title)
    assert refused.value.errors == {"titel": message}
    assert leftover_files(store) == before


def test_a_unicode_title_is_kept(limits, registry_loaded):
    checked = check(make_zip({"TS-1234567-0.pdf": pdf()}), title="Beitragsbescheid 2027 – Ärger")
    assert checked.titel == "Beitragsbescheid 2027 – Ärger" and checked.stapel_id


def test_staff_of_another_department_are_refused_everything(limits, registry_loaded, store):
    with pytest.raises(beitrag.BeitragRefused):
        check(make_zip({"TS-1234567-0.pdf": pdf()}), staff=OTHER_STAFF)
    checked = check(make_zip({"TS-1234567-0.pdf": pdf()}))
    for call in (beitrag.deliver, beitrag.paper_csv, beitrag.discard):
        with pytest.raises(beitrag.BeitragRefused):
            call(OTHER_STAFF, checked.stapel_id)
    with pytest.raises(beitrag.BeitragRefused):
        beitrag.recent(OTHER_STAFF)
    assert count(Dokument) == 0
    assert beitrag.deliver(ADMIN, checked.stapel_id).notices == 1


def test_a_discarded_batch_cannot_be_delivered(limits, registry_loaded, store):
    checked = check(make_zip({"TS-1234567-0.pdf": pdf()}))
    beitrag.discard(BEITRAG_STAFF, checked.stapel_id)
    with pytest.raises(beitrag.BatchError):
        beitrag.deliver(BEITRAG_STAFF, checked.stapel_id)
    assert count(Dokument) == 0
    assert [p for p in leftover_files(store) if not p.startswith(".")] == []


@pytest.mark.both_databases
def test_parallel_deliveries_of_one_batch_deliver_once(limits, unlocked):
    unlocked("TS-1234567-0")
    checked = check(make_zip({"TS-1234567-0.pdf": pdf()}))

    def try_once():
        try:
            return beitrag.deliver(BEITRAG_STAFF, checked.stapel_id)
        except beitrag.BatchError as error:
            return error

    results = at_once([try_once] * 8)
    assert sum(1 for r in results if isinstance(r, beitrag.Delivered)) == 1
    assert count(PostfachNachricht) == 1 and count(BeitragBescheid) == 1
    assert count(Dokument, col(Dokument.titel) == TITLE) == 1
    assert settings.files_dir  # the real settings stay untouched
