"""The private file store: type sniffing by magic bytes and parsing, name sanitising, capped
atomic writes."""

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
    incoming.done()  # the row naming it is committed
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
    assert files.sweep_partials(lambda _name: False) == 1
    assert fresh.temp.exists() and not stale.temp.exists()


HTML_AS_PDF = b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n"
# what only starts like a PDF, PNG or JPEG, and the kind its first bytes claim
IMPOSTORS = {
    "html-starting-with-pdf": (HTML_AS_PDF, "pdf"),
    "html-with-an-eof-marker": (HTML_AS_PDF + b"startxref\n0\n%%EOF\n", "pdf"),
    "pdf-cut-in-half": (PDF[: len(PDF) // 2], "pdf"),
    "pdf-without-pages": (PDF.replace(b"/Count 1", b"/Count 0").replace(b"[3 0 R]", b"[]"), "pdf"),
    "png-signature-then-html": (b"\x89PNG\r\n\x1a\n<html><script>x</script></html>", "png"),
    "png-cut-off": (PNG[:40], "png"),
    "jpeg-marker-then-html": (b"\xff\xd8\xff\xe0<html><script>x</script></html>", "jpeg"),
    "jpeg-cut-off": (JPEG[:120], "jpeg"),
}


@pytest.mark.parametrize("name", IMPOSTORS)
def test_a_file_that_only_starts_like_a_pdf_or_image_does_not_parse_as_one(tmp_path, name):
    data, claimed = IMPOSTORS[name]
    path = tmp_path / "datei"
    path.write_bytes(data)
    assert files.kind_of(path) == claimed
    assert not files.parses_as(path, claimed)


@pytest.mark.parametrize(("data", "kind"), [(PDF, "pdf"), (PNG, "png"), (JPEG, "jpeg")])
def test_real_pdfs_and_images_parse(tmp_path, data, kind):
    path = tmp_path / "datei"
    path.write_bytes(data)
    assert files.parses_as(path, kind)


@pytest.mark.parametrize(("data", "claimed"), [(PNG, "jpeg"), (JPEG, "png")])
def test_an_image_must_decode_as_the_format_its_first_bytes_claim(tmp_path, data, claimed):
    path = tmp_path / "datei"
    path.write_bytes(data)
    assert not files.parses_as(path, claimed)
