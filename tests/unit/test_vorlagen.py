"""Vorlagen: operators add and remove (PDF, DOCX, XLSX by content), members list and download;
the demo library."""

import dataclasses
import zipfile

import pytest

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
