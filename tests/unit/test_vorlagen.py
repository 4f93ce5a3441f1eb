"""Vorlagen: operators add and remove (PDF, DOCX, XLSX by content), members list and download;
the demo library."""

import dataclasses
import zipfile

import pytest

from portal_app import texts
from portal_app.services import files, vorlagen, vorlagen_demo
from tests.unit.docs_fixtures import EXE, PDF, registry_loaded, store, unlocked  # noqa: F401


def _docx(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def test_vorlagen_are_added_grouped_fetched_and_removed(store, tmp_path, unlocked):  # noqa: F811
    member = unlocked()
    pdf = tmp_path / "Antrag.pdf"
    pdf.write_bytes(PDF)
    first = vorlagen.add("Handwerksrolle", "Antrag", "Ein Antrag.", pdf)
    second = vorlagen.add("Ausbildung", "Vertrag", "", _docx(tmp_path / "Vertrag.docx"))
    assert [thema for thema, _ in vorlagen.grouped()] == ["Ausbildung", "Handwerksrolle"]
    assert second.kind == "DOCX"
    found = vorlagen.fetch(member, first.id)
    assert (found.name, found.content_type) == ("Antrag.pdf", "application/pdf")
    assert files.path_of(found.stored_name).read_bytes() == PDF
    vorlagen.remove(first.id)
    with pytest.raises(vorlagen.VorlageNotFound):
        vorlagen.fetch(member, first.id)
    assert len(list(store.iterdir())) == 1


@pytest.mark.parametrize(
    ("thema", "titel", "beschreibung", "problem"),
    [("", "T", "", "--thema"), ("A", "", "", "--titel"), ("A", "T", "x" * 501, "--beschreibung"),
     ("x" * 101, "T", "", "--thema")],
)  # fmt: skip
def test_bad_input_is_refused(store, tmp_path, thema, titel, beschreibung, problem):  # noqa: F811
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PDF)
    with pytest.raises(vorlagen.VorlageRejected, match=problem):
        vorlagen.add(thema, titel, beschreibung, pdf)


def test_an_exe_or_a_png_is_not_a_vorlage(store, tmp_path):  # noqa: F811
    for data in (EXE, b"\x89PNG\r\n\x1a\n0000"):
        path = tmp_path / "formular.docx"
        path.write_bytes(data)
        with pytest.raises(vorlagen.VorlageRejected):
            vorlagen.add("A", "T", "", path)
    assert list(store.iterdir()) == []


def test_removing_an_unknown_vorlage_says_so(store):  # noqa: F811
    with pytest.raises(vorlagen.VorlageNotFound):
        vorlagen.remove(42)


def test_the_demo_library_has_real_pdfs_and_loads_once(store, monkeypatch, unlocked):  # noqa: F811
    member = unlocked()
    roomy = dataclasses.replace(vorlagen.settings, upload_max_bytes=10**6)
    monkeypatch.setattr(vorlagen, "settings", roomy)
    assert vorlagen_demo.load() == 3
    assert vorlagen_demo.load() == 0
    titles = [v.titel for v in vorlagen.all_vorlagen()]
    assert "Ausbildungsnachweis (wöchentlich)" in titles
    first = vorlagen.all_vorlagen()[0]
    found = vorlagen.fetch(member, first.id)
    assert files.path_of(found.stored_name).read_bytes().startswith(b"%PDF")


def _incoming(data: bytes) -> files.Incoming:
    incoming = files.Incoming(files.settings.upload_max_bytes)
    incoming.write(data)
    return incoming


def test_staff_add_replace_and_remove_a_vorlage_audited_with_their_id(
    store,  # noqa: F811
    tmp_path,
    unlocked,  # noqa: F811
):
    from sqlmodel import select

    from portal_app.models import AuditEntry
    from portal_app.services.db import unit_of_work
    from tests.staff_support import set_up_staff

    admin = set_up_staff(admin=True, departments=())
    member = unlocked()
    added = vorlagen.add_incoming(
        " Ausbildung ", "Lehrvertrag", "", _incoming(PDF), "vertrag.pdf", staff_id=admin.id
    )
    old_file = vorlagen.fetch(member, added.id).stored_name
    docx = _docx(tmp_path / "Lehrvertrag.docx").read_bytes()
    replaced = vorlagen.replace(
        added.id, _incoming(docx), "Lehrvertrag neu.docx", staff_id=admin.id
    )
    assert (replaced.thema, replaced.kind, replaced.name) == (
        "Ausbildung",
        "DOCX",
        "Lehrvertrag neu.docx",
    )
    now = vorlagen.fetch(member, added.id)
    assert now.stored_name != old_file and not (store / old_file).exists()
    assert (store / now.stored_name).read_bytes() == docx

    with pytest.raises(vorlagen.VorlageRejected) as refused:
        vorlagen.replace(added.id, _incoming(EXE), "x.pdf", staff_id=admin.id)
    assert refused.value.errors == {"datei": texts.VORLAGE_KIND_REFUSED}
    assert vorlagen.fetch(member, added.id).stored_name == now.stored_name

    vorlagen.remove(added.id, staff_id=admin.id)
    assert vorlagen.all_vorlagen() == [] and not (store / now.stored_name).exists()
    with unit_of_work() as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.staff_id == admin.id)
        ).all()
    assert [a for a in actions if a.startswith("vorlage")] == [
        vorlagen.AUDIT_ADDED,
        vorlagen.AUDIT_REPLACED,
        vorlagen.AUDIT_REMOVED,
    ]
    assert [p.name for p in store.iterdir() if not p.name.startswith(".")] == []


def test_a_bad_field_is_named_for_the_form_and_the_file_is_not_kept(store):  # noqa: F811
    incoming = _incoming(PDF)
    with pytest.raises(vorlagen.VorlageRejected) as refused:
        vorlagen.add_incoming("Ausbildung", "", "", incoming, "a.pdf")
    assert refused.value.field == "titel"
    assert not incoming.temp.exists()
    with pytest.raises(vorlagen.VorlageNotFound):
        vorlagen.replace(4711, _incoming(PDF), "a.pdf")
    assert list(store.iterdir()) == []
