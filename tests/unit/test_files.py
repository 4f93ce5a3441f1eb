"""The private file store: type sniffing by magic bytes, name sanitising, capped atomic writes."""

import zipfile

import pytest

from portal_app.services import files
from tests.unit.docs_fixtures import EXE, JPEG, PDF, PNG, store  # noqa: F401


@pytest.mark.parametrize(
    ("head", "kind"),
    [(PDF, "pdf"), (PNG, "png"), (JPEG, "jpeg"), (EXE, None), (b"", None), (b"GIF89a", None),
     (b"<script>alert(1)</script>", None), (b" %PDF-1.4", None)],
)  # fmt: skip
def test_the_type_comes_from_the_first_bytes(head, kind):
    assert files.sniff(head[: files.SNIFF_BYTES]) == kind


def _zip(path, names):
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return path


def test_docx_and_xlsx_are_recognised_by_their_package_parts(tmp_path):
    docx = _zip(tmp_path / "a.bin", ["[Content_Types].xml", "word/document.xml"])
    xlsx = _zip(tmp_path / "b.bin", ["[Content_Types].xml", "xl/workbook.xml"])
    plain = _zip(tmp_path / "c.docx", ["word/document.xml"])
    assert files.kind_of(docx) == "docx"
    assert files.kind_of(xlsx) == "xlsx"
    assert files.kind_of(plain) is None
    (tmp_path / "d.docx").write_bytes(b"PK\x03\x04 broken")
    assert files.kind_of(tmp_path / "d.docx") is None


@pytest.mark.parametrize(
    ("raw", "kind", "shown"),
    [
        ("Beitragsbescheid 2026.pdf", "pdf", "Beitragsbescheid 2026.pdf"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("C:\\Users\\eder\\Scan.PDF", "pdf", "Scan.pdf"),
        ("virus.exe.pdf", "pdf", "virus.exe.pdf"),
        ("<script>alert(1)</script>.png", "png", "script.png"),
        ("<img src=x onerror=alert(1)>.pdf", "pdf", "img src_x onerror_alert(1).pdf"),
        ("Meisterbrief Öztürk ß.jpeg", "jpeg", "Meisterbrief Öztürk ß.jpg"),
        ("", "pdf", "Dokument.pdf"),
        ("...", "png", "Dokument.png"),
        ("a\x00b\u202ec.pdf", "pdf", "abc.pdf"),
        ("x" * 500 + ".pdf", "pdf", "x" * files.NAME_MAX + ".pdf"),
        ("foto.pdf", "jpeg", "foto.jpg"),
    ],
)
def test_names_are_sanitised_and_get_the_extension_of_the_true_type(raw, kind, shown):
    assert files.sanitize_name(raw, kind) == shown


def test_a_complete_file_is_kept_under_a_server_made_name(store):  # noqa: F811
    incoming = files.Incoming(limit=1024)
    incoming.write(PDF)
    stored = incoming.keep(incoming.kind())
    assert stored.kind == "pdf"
    assert len(stored.stored_name) == 40
    assert files.path_of(stored.stored_name).read_bytes() == PDF
    assert [p.name for p in store.iterdir()] == [stored.stored_name]


def test_a_file_over_the_cap_is_refused_while_it_arrives_and_nothing_stays(store):  # noqa: F811
    incoming = files.Incoming(limit=1000)
    incoming.write(b"%PDF-" + b"x" * 900)
    with pytest.raises(files.FileTooLarge):
        incoming.write(b"y" * 200)
    assert list(store.iterdir()) == []


def test_read_accepts_only_server_made_names(store):  # noqa: F811
    for bad in ("../portal.db", "", "A" * 40, "0" * 39):
        with pytest.raises(FileNotFoundError):
            files.path_of(bad)


def test_temp_files_left_by_a_crash_are_swept_after_a_day(store):  # noqa: F811
    import os
    import time

    fresh, stale = files.Incoming(limit=10), files.Incoming(limit=10)
    fresh.close()
    stale.close()
    day_ago = time.time() - 25 * 3600
    os.utime(stale.temp, (day_ago, day_ago))
    assert files.sweep_partials() == 1
    assert fresh.temp.exists() and not stale.temp.exists()
