"""The library of Vorlagen (templates and forms): operators (`portal vorlagen`) and
administrators (/verwaltung/vorlagen) add, replace and remove, members download.

PDF, DOCX and XLSX are allowed, checked by content (DOCX/XLSX: an Office Open XML package with
its main part). The bytes live in the private file store like documents do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from portal_app import texts
from portal_app.models import Vorlage
from portal_app.services import audit, clock, files
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.settings import settings

AUDIT_DOWNLOAD = "vorlage_heruntergeladen"
AUDIT_REFUSED = "vorlage_verweigert"
AUDIT_ADDED = "vorlage_eingestellt"
AUDIT_REPLACED = "vorlage_ersetzt"
AUDIT_REMOVED = "vorlage_entfernt"


class VorlageRejected(PortalError, ValueError):
    """The input is not acceptable: the German message at its form field (`thema`, `titel`,
    `beschreibung`, `datei`); `option` names the command's option for `portal vorlagen`."""

    def __init__(self, message: str, field: str, option: str = ""):
        super().__init__(message, field=field)
        self.option = option or f"--{field}"

    def __str__(self) -> str:
        return f"{self.option}: {self.message}"


class VorlageNotFound(PortalError, LookupError):
    """No Vorlage with this id (any more)."""


@dataclass(frozen=True)
class VorlageView:
    id: int
    thema: str
    titel: str
    beschreibung: str
    name: str
    size: int
    kind: str  # "PDF", "DOCX", "XLSX"


FIELD_LIMITS = (
    ("thema", 100, True, texts.VORLAGE_THEMA_INVALID),
    ("titel", 200, True, texts.VORLAGE_TITEL_INVALID),
    ("beschreibung", 500, False, texts.VORLAGE_BESCHREIBUNG_INVALID),
)


def check_fields(thema: str, titel: str, beschreibung: str) -> tuple[str, str, str]:
    """Single spaces, within the limits; the first bad field refused with its message."""
    cleaned = []
    given = (thema, titel, beschreibung)
    for (field, limit, required, message), raw in zip(FIELD_LIMITS, given, strict=True):
        value = " ".join(str(raw or "").split())
        if (required and not value) or len(value) > limit:
            raise VorlageRejected(message, field)
        cleaned.append(value)
    return cleaned[0], cleaned[1], cleaned[2]


def checked_kind(incoming: files.Incoming) -> str:
    """The file's kind by its content, if a Vorlage may be one (PDF, DOCX, XLSX); the file is
    discarded and refused otherwise."""
    kind = incoming.kind() if incoming.size else None
    if kind not in files.VORLAGE_KINDS:
        incoming.discard()
        raise VorlageRejected(texts.VORLAGE_KIND_REFUSED, "datei", option="FILE")
    return kind


def add(thema: str, titel: str, beschreibung: str, path: Path) -> VorlageView:
    """`portal vorlagen add`: the file from the operator's disk, with the uploads' cap."""
    thema, titel, beschreibung = check_fields(thema, titel, beschreibung)
    incoming = files.receive_file(path, settings.upload_max_bytes)
    return add_incoming(thema, titel, beschreibung, incoming, path.name)


def add_incoming(
    thema: str,
    titel: str,
    beschreibung: str,
    incoming: files.Incoming,
    name: str,
    *,
    staff_id: int | None = None,
) -> VorlageView:
    """Add a Vorlage from a received file (`name`: the name it came with); the same checks
    for the command and the staff's page. `staff_id`: who did it (audited)."""
    try:
        thema, titel, beschreibung = check_fields(thema, titel, beschreibung)
    except VorlageRejected:
        incoming.discard()
        raise
    kind = checked_kind(incoming)
    stored = incoming.keep(kind)
    try:
        with unit_of_work() as session:
            row = Vorlage(
                thema=thema,
                titel=titel,
                beschreibung=beschreibung,
                original_name=files.sanitize_name(name, kind),
                stored_name=stored.stored_name,
                content_type=files.CONTENT_TYPES[kind],
                size=stored.size,
                created_at=clock.now(),
            )
            session.add(row)
            session.flush()
            audit.record(session, AUDIT_ADDED, None, f"vorlage {row.id}", titel, staff_id=staff_id)
            view = _view(row)
    except BaseException:
        incoming.discard()
        raise
    incoming.done()
    return view


def replace(
    vorlage_id: int, incoming: files.Incoming, name: str, *, staff_id: int | None = None
) -> VorlageView:
    """Give a Vorlage a new file (same checks as adding); members get the new one from now
    on, the old file is removed."""
    kind = checked_kind(incoming)
    stored = incoming.keep(kind)
    try:
        with unit_of_work() as session:
            row = session.get(Vorlage, vorlage_id)
            if row is None:
                raise VorlageNotFound(texts.VORLAGE_NOT_FOUND)
            old = row.stored_name
            row.original_name = files.sanitize_name(name, kind)
            row.stored_name = stored.stored_name
            row.content_type = files.CONTENT_TYPES[kind]
            row.size = stored.size
            session.add(row)
            audit.record(
                session, AUDIT_REPLACED, None, f"vorlage {row.id}", row.titel, staff_id=staff_id
            )
            view = _view(row)
    except BaseException:
        incoming.discard()
        raise
    incoming.done()
    files.delete(old)
    return view


def remove(vorlage_id: int, *, staff_id: int | None = None) -> VorlageView:
    with unit_of_work() as session:
        row = session.get(Vorlage, vorlage_id)
        if row is None:
            raise VorlageNotFound(texts.VORLAGE_NOT_FOUND)
        view = _view(row)
        session.delete(row)
        audit.record(
            session, AUDIT_REMOVED, None, f"vorlage {vorlage_id}", row.titel, staff_id=staff_id
        )
    files.delete(row.stored_name)
    return view


def _view(row: Vorlage) -> VorlageView:
    kind = next(k for k, v in files.CONTENT_TYPES.items() if v == row.content_type)
    return VorlageView(
        row.id, row.thema, row.titel, row.beschreibung, row.original_name, row.size, kind.upper()
    )


def all_vorlagen() -> list[VorlageView]:
    """Every Vorlage, by topic and title."""
    with unit_of_work() as session:
        rows = session.exec(select(Vorlage).order_by(Vorlage.thema, Vorlage.titel, col(Vorlage.id)))
        return [_view(row) for row in rows]


def grouped() -> list[tuple[str, list[VorlageView]]]:
    groups: dict[str, list[VorlageView]] = {}
    for view in all_vorlagen():
        groups.setdefault(view.thema, []).append(view)
    return list(groups.items())


def fetch(account_id: int, vorlage_id: int) -> files.StoredFile:
    """A Vorlage for an unlocked member (the caller checked that), to be handed out; audited."""
    with unit_of_work() as session:
        row = session.get(Vorlage, vorlage_id) if isinstance(vorlage_id, int) else None
        if row is not None:
            audit.record(session, AUDIT_DOWNLOAD, account_id, f"vorlage {row.id}")
            return files.StoredFile(row.original_name, row.content_type, row.stored_name)
        audit.record(session, AUDIT_REFUSED, account_id, f"vorlage {vorlage_id}")
    raise VorlageNotFound(texts.VORLAGE_NOT_FOUND)
