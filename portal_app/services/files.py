"""The private file store: type by magic bytes, checked by parsing, safe display names, atomic
writes with a cap.

Files live under `settings.files_dir` (outside anything the web server publishes) with names
the server makes (`secrets.token_hex`). A file is first written to a temp file in the same
directory whose name carries the name it will have. Inside the transaction that writes the
row naming it, the file is linked into place (`keep`); the temp file stays as a marker until
the commit is through (`done`). A process killed in between leaves the marker, and the next
sweep settles it: the file stays if a committed row names it and goes otherwise. So nothing
partial stays, and no file without its row or row without its file.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import socket
import threading
import time
import unicodedata
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from portal_app.settings import settings

PDF, JPEG, PNG, DOCX, XLSX = "pdf", "jpeg", "png", "docx", "xlsx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    JPEG: "image/jpeg",
    PNG: "image/png",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOCX: ".docx", XLSX: ".xlsx"}
DOCUMENT_KINDS = frozenset({PDF, JPEG, PNG})
VORLAGE_KINDS = frozenset({PDF, DOCX, XLSX})
SNIFF_BYTES = 16
NAME_MAX = 120
_UNSAFE = re.compile(r"[^\w.\- ()äöüÄÖÜß]+")


class FileTooLarge(Exception):
    """More bytes than allowed arrived."""


class StoreUnavailable(Exception):
    """The store cannot take the file now (disk full, read-only, gone); nothing of it stays."""


def sniff(head: bytes) -> str | None:
    """The kind of a file from its first bytes; ZIP containers need `sniff_zip` too."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def sniff_zip(path: Path) -> str | None:
    """DOCX or XLSX: an Office Open XML package with its main part."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def kind_of(path: Path) -> str | None:
    with path.open("rb") as handle:
        kind = sniff(handle.read(SNIFF_BYTES))
    return sniff_zip(path) if kind == "zip" else kind


# pypdf reports every oddity of a damaged file as a warning in the log; a refusal says enough.
logging.getLogger("pypdf").setLevel(logging.ERROR)
PILLOW_FORMATS = {JPEG: "JPEG", PNG: "PNG"}


def _parses_as_pdf(path: Path) -> bool:
    """A PDF's structure can be read (cross-reference table, trailer, catalogue) and it has a
    page. An encrypted PDF whose pages need a password counts once its structure was read."""
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        return True
    return len(reader.pages) > 0


def _decodes_as_image(path: Path, kind: str) -> bool:
    """Pillow recognises the format the first bytes promised, verifies it and decodes every
    pixel (a truncated or made-up image fails); far too many pixels count as not an image."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(path) as image:
            if image.format != PILLOW_FORMATS[kind]:
                return False
            image.verify()
        with Image.open(path) as image:  # verify() leaves the image unusable: open it again
            image.load()
    return True


def parses_as(path: Path, kind: str) -> bool:
    """Whether the file really is what its first bytes say (PDF, JPEG, PNG): an HTML page that
    starts with `%PDF-` is no PDF. Other kinds are not parsed here."""
    try:
        if kind == PDF:
            return _parses_as_pdf(path)
        if kind in PILLOW_FORMATS:
            return _decodes_as_image(path, kind)
    except Exception:  # whatever a broken file makes the parser raise: it is not one
        return False
    return True


def sanitize_name(raw: str, kind: str) -> str:
    """A display and download name: no path, no control characters, the extension of the type
    that was actually found (a renamed file gets its true extension)."""
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = _UNSAFE.sub("_", stem).strip(" ._")[:NAME_MAX] or "Dokument"
    return stem + EXTENSIONS[kind]


@dataclass(frozen=True)
class Stored:
    stored_name: str
    size: int
    sha256: str
    kind: str


class Incoming:
    """One file arriving in pieces: written to a temp file, refused past `limit` bytes."""

    def __init__(self, limit: int, root: Path | None = None):
        self.root = store_dir(root)
        self.limit = limit
        self.size = 0
        self._hash = hashlib.sha256()
        self.name = new_name()  # the name it will have in the store
        self._kept = False
        self.temp = self.root / temp_name(self.name)
        try:
            self._handle = self.temp.open("xb")
        except OSError as error:
            raise StoreUnavailable(str(error)) from error

    def write(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            self.discard()
            raise FileTooLarge
        self._hash.update(data)
        try:
            self._handle.write(data)
        except OSError as error:
            self.discard()
            raise StoreUnavailable(str(error)) from error

    def close(self) -> None:
        if not self._handle.closed:
            try:
                self._handle.flush()
                os.fsync(self._handle.fileno())
                self._handle.close()
            except OSError as error:
                self.discard()
                raise StoreUnavailable(str(error)) from error

    def discard(self) -> None:
        """Throw the temp file away; whatever the store says (full, read-only), never raises."""
        if not self._handle.closed:
            # what is still buffered cannot be written: it is not wanted
            with contextlib.suppress(OSError):
                self._handle.close()
        try:
            if self._kept:
                (self.root / self.name).unlink(missing_ok=True)
            self.temp.unlink(missing_ok=True)
        except OSError:  # read-only just now: the next sweep of this process removes it
            _leave_to_sweep(self.temp)

    def kind(self) -> str | None:
        self.close()
        return kind_of(self.temp)

    def parses_as(self, kind: str) -> bool:
        self.close()
        return parses_as(self.temp, kind)

    def stored(self, kind: str) -> Stored:
        """What the file will be once kept: its server-made name, its size and hash (for the
        row that names it)."""
        self.close()
        return Stored(self.name, self.size, self._hash.hexdigest(), kind)

    def keep(self, kind: str) -> Stored:
        """Put the complete file in place under its server-made name, inside the transaction
        whose row names it; call `done()` after the commit, `discard()` if it fails."""
        stored = self.stored(kind)
        self._link()
        return stored

    def _link(self) -> None:
        self.close()
        try:
            os.link(self.temp, self.root / self.name)
        except OSError as error:
            raise StoreUnavailable(str(error)) from error
        self._kept = True

    def done(self) -> None:
        """The row naming the kept file is committed: drop the marker. A store that refuses
        just now (read-only) loses nothing: the next sweep finds the row and drops it then."""
        try:
            self.temp.unlink(missing_ok=True)
        except OSError:
            _leave_to_sweep(self.temp)


NAME_HEX = 40  # hex digits of a server-made name


def new_name() -> str:
    return secrets.token_hex(NAME_HEX // 2)


def made(data: bytes, root: Path | None = None) -> Incoming:
    """Bytes the portal made (an export, a PDF) kept in the store under `.name` for the row
    that is to name it: `done()` once that row is committed, `discard()` otherwise."""
    incoming = Incoming(len(data), root)
    try:
        incoming.write(data)
        incoming._link()
    except BaseException:
        incoming.discard()
        raise
    return incoming


# Temp files this process is done with but could not remove or move (the store was
# read-only): settled at its next sweep, whatever their age.
_left: set[Path] = set()
_left_lock = threading.Lock()


def _leave_to_sweep(path: Path) -> None:
    with _left_lock:
        _left.add(path)


# this machine, as temp names carry it: a store shared by several machines (a volume) holds
# temp files of processes this machine cannot see
_HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:40] or "host"


def temp_name(unique: str) -> str:
    """A temp file's name: it names the machine and process writing it, so that once that
    process is gone (killed in the middle of an upload) the next sweep on the same machine
    knows the file is nobody's, and the name the file will have in the store."""
    return f".eingang-{_HOST}-{os.getpid()}-{unique}.part"


_TEMP_OF = re.compile(r"\.eingang-([A-Za-z0-9]+)-(\d+)-([0-9a-f]+)\.part")


def _writer_gone(host: str, pid: int) -> bool:
    """The process that wrote a temp file runs no more; only a process of this machine can be
    known to be gone (another machine's temp files go by age)."""
    if host != _HOST or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


SETTLE_AFTER = 2.0  # seconds since a dead writer's last step: its commit is through or void


def _nobody_writes(path: Path, max_age: float) -> bool:
    found = _TEMP_OF.fullmatch(path.name)
    status = path.stat()
    if found and _writer_gone(found.group(1), int(found.group(2))):
        return time.time() - status.st_ctime > SETTLE_AFTER
    return time.time() - status.st_mtime > max_age


def _settle(path: Path, named: Callable[[str], bool]) -> bool:
    """Settle a marker nobody writes: the file it kept stays if a committed row names it (its
    writer was stopped after the commit), else both go; whether it was settled."""
    found = _TEMP_OF.fullmatch(path.name)
    name = found.group(3) if found else ""
    try:
        if len(name) == NAME_HEX and not named(name):
            path.with_name(name).unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    except OSError:  # the store is read-only just now: the next sweep tries again
        return False
    return True


def sweep_partials(
    named: Callable[[str], bool], max_age: float = 24 * 3600, root: Path | None = None
) -> int:
    """Settle the temp files nobody writes any more: those this process left (the store was
    read-only), those of a process that runs no more (a worker killed mid-upload) and any
    older than `max_age`. `named` tells whether a committed row names a file (the file that
    temp file kept stays then). Return how many were settled."""
    with _left_lock:
        left = set(_left)
    settled = 0
    for path in left:
        if _settle(path, named):
            settled += 1
            with _left_lock:
                _left.discard(path)
    for path in store_dir(root).glob(".eingang-*.part"):
        try:
            if path not in left and _nobody_writes(path, max_age) and _settle(path, named):
                settled += 1
        except OSError:  # gone meanwhile
            continue
    return settled


def store_dir(root: Path | None = None) -> Path:
    directory = Path(root or settings.files_dir)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def receive_file(path: Path, limit: int, root: Path | None = None) -> Incoming:
    """Copy an operator's file into the store's temp area in chunks, with the same cap."""
    incoming = Incoming(limit, root)
    try:
        with path.open("rb") as source:
            while chunk := source.read(1024 * 1024):
                incoming.write(chunk)
    except BaseException:
        incoming.discard()
        raise
    return incoming


@dataclass(frozen=True)
class StoredFile:
    """A file in the store as a member receives it: the name they see, its type, where it is."""

    name: str
    content_type: str
    stored_name: str


def path_of(stored_name: str, root: Path | None = None) -> Path:
    if not re.fullmatch(r"[0-9a-f]{40}", stored_name):
        raise FileNotFoundError(stored_name)
    return store_dir(root) / stored_name


def delete(stored_name: str, root: Path | None = None) -> None:
    if re.fullmatch(r"[0-9a-f]{40}", stored_name):
        (store_dir(root) / stored_name).unlink(missing_ok=True)
