"""Backups that restore: a populated portal (accounts, Freischaltungen, bookings, documents
with files, Vorlagen, mandates, forms, mails, audit) is backed up, changed and partly deleted,
and restored into an empty installation, where every row of every table and every stored file
is what it was at the backup — on SQLite and on PostgreSQL. A non-empty installation and a
damaged archive are refused; `portal backup` / `portal restore` say what they did."""

from __future__ import annotations

import io
import tarfile
import zipfile
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlmodel import SQLModel

from portal_app import cli
from portal_app.models import DataExport
from portal_app.services import (
    account_deletion,
    backup,
    beitrag,
    booking,
    clock,
    data_export,
    dates,
    db,
    departments,
    devices,
    documents,
    download_tickets,
    email_change,
    files,
    forms,
    inbox,
    inbox_digest,
    lehrvertrag,
    register,
    sepa,
    sepa_collection,
    sessions,
    staff,
    team,
    unlock,
    vorlagen,
)
from tests import migrations
from tests.backing_services import postgres_database
from tests.lehrvertrag_support import fill_in
from tests.staff_support import new_staff_email, set_up_staff
from tests.unit.docs_fixtures import (  # noqa: F401
    PASSWORD,
    PDF,
    PNG,
    key_of,
    registry_loaded,
    store,
    unlocked,
    upload,
)

IBAN = "DE89 3704 0044 0532 0130 00"
CONTACT = {
    "name": "Eva Meister",
    "email": "eva@tischlerei.example",
    "subject": "Frage zur Meisterschule",
    "message": "Wann beginnt der nächste Kurs?",
    "consent": "on",
}


def every_row(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (those of the models and the migrations' own), in key order."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
            missing = set(SQLModel.metadata.tables) - present
            assert not missing, f"tables missing in {url}: {missing}"
            rows = {
                name: connection.execute(select(table).order_by(*table.primary_key.columns)).all()
                for name, table in SQLModel.metadata.tables.items()
            }
    finally:
        engine.dispose()
    return {name: [tuple(row) for row in found] for name, found in rows.items()}


def every_file(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file()}


@pytest.fixture
def populated(unlocked, store, make_course, tmp_path):  # noqa: F811
    """A portal in use: what members and operators leave behind. Returns the ids the
    changes after the backup need."""
    betrieb_member = unlocked("TS-1234567-0")
    person_member = unlocked("12345678")
    upload(betrieb_member, PDF, "Gesellenbrief.pdf", "handwerksrolle")
    upload(person_member, PNG, "Zeugnis.png", "pruefung")
    source = tmp_path / "bescheid.pdf"
    source.write_bytes(PDF + b"Beitragsbescheid")
    provided = documents.provide("TS-1234567-0", None, "Beitragsbescheid 2026", source)
    opened = documents.fetch(betrieb_member, provided.id)  # a download started, not yet fetched
    download_tickets.issue("sitzung-des-betriebs", opened, account_id=betrieb_member)
    vorlage_pdf = tmp_path / "antrag.pdf"
    vorlage_pdf.write_bytes(PDF + b"Antrag")
    vorlage = vorlagen.add("Handwerksrolle", "Antrag auf Eintragung", "Ein Antrag.", vorlage_pdf)
    mandate = sepa.grant(
        betrieb_member, key_of(betrieb_member), "Schreinerei Eder GmbH", IBAN, True
    )
    course_id = make_course(capacity=5)
    booked = booking.book(
        betrieb_member, course_id, booking.Participant("Eva Meister", date(1990, 5, 17), ""), True
    )
    assert booked == booking.BOOKED
    forms.submit("kontaktanfrage", CONTACT, client_address="127.0.0.1")
    unlock.request_new_pin(person_member, "person", "12345678")
    clerk = set_up_staff(admin=True, departments=tuple(departments.ALL))
    everything = inbox.Scope(staff_id=clerk.id, departments=tuple(departments.ALL))
    item = inbox.listing(everything, inbox.InboxFilter()).rows[-1]  # the first upload
    inbox.open_item(everything, item.id)
    answer_file = files.Incoming(10**7)
    answer_file.write(PDF + b"Antwort")
    inbox.answer(everything, item.id, "Eingetragen.", [(answer_file, "Antwort.pdf")])
    contract_id = fill_in(betrieb_member)  # a Lehrvertrag submitted and registered
    lehrvertrag.submit(betrieb_member, contract_id)
    contract_item = inbox.listing(everything, inbox.InboxFilter(kind="lehrvertrag")).rows[0]
    lehrvertrag.register(everything, contract_item.id, "LR-2026-0001")
    inbox_digest.send_due()
    _fee_notices_and_collection(clerk.view())
    register.register("noch-offen@betrieb.example", consent=True)  # an unconfirmed account
    with pytest.raises(sessions.LoginFailed):
        sessions.login("unbekannt@betrieb.example", "falsch", client="192.0.2.7")
    with pytest.raises(unlock.UnlockFailed):  # a wrong PIN try
        unlock.unlock_person(person_member, "87654321", "FALSCHE1")
    with db.unit_of_work() as session:  # a browser the member has logged in with
        token = sessions.start(session, betrieb_member)
    devices.remember(token, None)
    # a pending change of address, and a large account's "Meine Daten" made in the background
    email_change.request_change(betrieb_member, "neue-adresse@betrieb.example", PASSWORD)
    with db.unit_of_work() as session:
        session.add(DataExport(account_id=betrieb_member, requested_at=clock.now()))
    assert data_export.run_due() == 1
    admin = set_up_staff(admin=True)  # staff, departments, recovery codes, a staff session
    staff.invite(admin.view(), new_staff_email(), "Max Muster", ["beitrag"])  # a set-up link
    # an open invitation into the Betrieb's team
    team.invite(betrieb_member, "TS-1234567-0", "kollege@betrieb.example", ["dokumente"])
    return {
        "betrieb_member": betrieb_member,
        "person_member": person_member,
        "vorlage": vorlage.id,
        "mandate": mandate.id,
        "course": course_id,
    }


def _fee_notices_and_collection(clerk) -> None:
    """A batch of fee notices delivered (one by post) and a SEPA collection file made."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("TS-1234567-0_Beitrag.pdf", PDF + b"Beitrag Eder")
        archive.writestr("BGL-7654321-0_Beitrag.pdf", PDF + b"Beitrag Huber")
    incoming = files.Incoming(beitrag.zip_limit())
    incoming.write(packed.getvalue())
    checked = beitrag.check_upload(clerk, incoming, "Beitragsbescheid 2027")
    assert checked.problems == [], checked.problems
    beitrag.deliver(clerk, checked.stapel_id)
    amounts = b"betriebsnummer;betrag;verwendungszweck\nTS-1234567-0;80,00;Beitrag 2027\n"
    due = dates.format_date(sepa_collection.earliest_date())
    sepa_collection.export(clerk, amounts, due)


@pytest.fixture
def empty_installation(database, tmp_path):
    """A second installation of the same kind, with nothing in it: (database URL, store)."""
    kind = database.dialect.name
    place = (
        postgres_database() if kind == "postgresql" else nullcontext(f"sqlite:///{tmp_path}/neu.db")
    )
    with place as url:
        yield url, tmp_path / "neu" / "dateien"
        db.engine_for(url).dispose()


def migrated_but_empty(url: str) -> None:
    """What a fresh server's first start leaves: every table, no rows but the migration's."""
    engine = create_engine(url)
    SQLModel.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        insert = text("INSERT INTO alembic_version VALUES (:head)")
        connection.execute(insert, {"head": migrations.head()})
    engine.dispose()


def change_everything(ids: dict, store: Path) -> None:  # noqa: F811
    """After the backup: a booking cancelled, a mandate revoked, a Vorlage removed (its file
    goes), a document added, an account deleted, a stored file lost."""
    [entry] = booking.bookings_of(ids["betrieb_member"])
    booking.cancel(ids["betrieb_member"], entry.id)
    sepa.revoke(ids["betrieb_member"], ids["mandate"])
    vorlagen.remove(ids["vorlage"])
    upload(ids["betrieb_member"], PDF + b"neu", "Nachtrag.pdf", "beitrag")
    account_deletion.delete_account(ids["person_member"], PASSWORD, confirmed=True)
    sorted(backup.stored_files(store))[0].unlink()


@pytest.mark.both_databases
@pytest.mark.own_postgres_database
def test_a_restored_installation_has_every_row_and_every_file_of_the_backup(
    populated,
    store,  # noqa: F811
    database,
    empty_installation,
    tmp_path,
):
    url = str(database.url.render_as_string(hide_password=False))
    rows_then, files_then = every_row(url), every_file(store)
    empty_tables = sorted(name for name, rows in rows_then.items() if not rows)
    assert empty_tables == [], "the portal in use should fill every table"
    # two uploads, a provided document, a Vorlage, an answer's attachment, two fee notices,
    # a SEPA collection file, a data export, a Lehrvertrag's Eintragungsbestätigung
    assert len(files_then) == 10

    archive = tmp_path / "sicherung.tar.gz"
    summary = backup.backup(archive, url, store)
    assert (summary.files, summary.missing_files) == (10, ())
    assert summary.rows == {name: len(rows) for name, rows in rows_then.items()}
    assert archive.stat().st_mode & 0o077 == 0  # personal data: for the owner only

    change_everything(populated, store)
    assert every_row(url) != rows_then
    assert every_file(store) != files_then

    new_url, new_store = empty_installation
    migrated_but_empty(new_url)
    restored = backup.restore(archive, new_url, new_store)
    assert restored.rows == summary.rows

    assert every_row(new_url) == rows_then
    assert every_file(new_store) == files_then

    # The restored installation goes on: new rows get new keys (sequences came along).
    db.use_database(new_url)
    try:
        register.register("nach-der-wiederherstellung@betrieb.example", consent=True)
    finally:
        db.use_database(url)
    assert len(every_row(new_url)["account"]) == len(rows_then["account"]) + 1


@pytest.mark.both_databases
@pytest.mark.own_postgres_database
def test_a_non_empty_installation_is_refused_unless_forced(
    populated,
    store,  # noqa: F811
    database,
    tmp_path,
):
    url = str(database.url.render_as_string(hide_password=False))
    rows_then, files_then = every_row(url), every_file(store)
    archive = tmp_path / "sicherung.tar.gz"
    backup.backup(archive, url, store)
    change_everything(populated, store)
    rows_changed, files_changed = every_row(url), every_file(store)

    with pytest.raises(backup.RestoreRefused) as refused:
        backup.restore(archive, url, store)
    assert "nicht leer" in str(refused.value)
    assert (every_row(url), every_file(store)) == (rows_changed, files_changed)

    backup.restore(archive, url, store, force=True)
    assert every_row(url) == rows_then
    assert every_file(store) == files_then


def _tampered(archive: Path, target: Path) -> Path:
    """The archive with one byte of one stored file changed."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member).read()
            if member.name.startswith(backup.FILES_PREFIX):
                data = data[:-1] + bytes([data[-1] ^ 1])
            copy.addfile(member, io.BytesIO(data))
    return target


@pytest.mark.both_databases
@pytest.mark.own_postgres_database
def test_a_damaged_archive_changes_nothing(
    populated,
    store,  # noqa: F811
    database,
    empty_installation,
    tmp_path,
):
    url = str(database.url.render_as_string(hide_password=False))
    archive = backup.backup(tmp_path / "sicherung.tar.gz", url, store).path
    new_url, new_store = empty_installation

    with pytest.raises(backup.BackupError) as broken:
        backup.restore(_tampered(archive, tmp_path / "kaputt.tar.gz"), new_url, new_store)
    assert "beschädigt" in str(broken.value)
    with pytest.raises(backup.BackupError) as unreadable:
        backup.restore(store / sorted(every_file(store))[0], new_url, new_store)
    assert "keine lesbare Sicherung" in str(unreadable.value)

    assert not backup.stored_files(new_store)
    engine = create_engine(new_url)
    with engine.connect() as connection:
        assert not set(SQLModel.metadata.tables) & set(inspect(connection).get_table_names())
    engine.dispose()


def test_the_commands_say_what_they_did(
    populated,
    store,  # noqa: F811
    tmp_path,
    capsys,
    monkeypatch,
):
    monkeypatch.setattr(backup, "settings", documents.settings)  # the test's store
    archive = tmp_path / "sicherung.tar.gz"

    assert cli.main(["backup", str(archive)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Sicherung geschrieben: {archive}\n")
    assert "Dateien: 10" in said

    assert cli.main(["restore", str(archive)]) == 1
    assert capsys.readouterr().err.startswith("Die Installation ist nicht leer")

    assert cli.main(["restore", "--force", str(archive)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Wiederhergestellt aus {archive} (gesichert am ")
    assert "Dateien: 10" in said


def test_a_file_removed_while_the_backup_runs_makes_it_start_again(
    populated,
    store,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    seen = []
    listed = backup.stored_files

    def first_time_one_short(directory):
        found = listed(directory)
        seen.append(len(found))
        return found[1:] if len(seen) == 1 else found

    monkeypatch.setattr(backup, "stored_files", first_time_one_short)
    summary = backup.backup(tmp_path / "sicherung.tar.gz", files_dir=store)
    assert seen == [10, 10]
    assert (summary.files, summary.missing_files) == (10, ())


def test_a_file_the_database_names_but_the_store_lacks_is_reported(
    populated,
    store,  # noqa: F811
    tmp_path,
    capsys,
    monkeypatch,
):
    monkeypatch.setattr(backup, "settings", documents.settings)  # the test's store
    lost = backup.stored_files(store)[0]
    lost.unlink()

    assert cli.main(["backup", str(tmp_path / "sicherung.tar.gz")]) == 3
    said = capsys.readouterr()
    assert "Dateien: 9" in said.out
    assert said.err.startswith("WARNUNG: 1 Datei(en), auf die die Datenbank verweist, fehlen")
    assert lost.name in said.err
