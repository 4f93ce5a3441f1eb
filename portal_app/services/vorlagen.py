"""The library of Vorlagen (templates and forms): operators add and remove, members download.

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


class VorlageRejected(ValueError):
    """The operator's input is not acceptable."""


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


def _clean(raw: str, field: str, limit: int, required: bool = True) -> str:
    value = " ".join((raw or "").split())
    if (required and not value) or len(value) > limit:
        raise VorlageRejected(f"{field}: {1 if required else 0} bis {limit} Zeichen")
    return value


def add(thema: str, titel: str, beschreibung: str, path: Path) -> VorlageView:
    thema = _clean(thema, "--thema", 100)
    titel = _clean(titel, "--titel", 200)
    beschreibung = _clean(beschreibung, "--beschreibung", 500, required=False)
    incoming = files.receive_file(path, settings.upload_max_bytes)
    kind = incoming.kind()
    if kind not in files.VORLAGE_KINDS:
        incoming.discard()
        raise VorlageRejected("nur PDF, DOCX oder XLSX (nach Inhalt geprüft)")
    stored = incoming.keep(kind)
    try:
        with unit_of_work() as session:
            row = Vorlage(
                thema=thema,
                titel=titel,
                beschreibung=beschreibung,
                original_name=files.sanitize_name(path.name, kind),
                stored_name=stored.stored_name,
                content_type=files.CONTENT_TYPES[kind],
                size=stored.size,
                created_at=clock.now(),
            )
            session.add(row)
            session.flush()
            audit.record(session, "vorlage_eingestellt", None, f"vorlage {row.id}", titel)
            return _view(row)
    except BaseException:
        files.delete(stored.stored_name)
        raise


def remove(vorlage_id: int) -> VorlageView:
    with unit_of_work() as session:
        row = session.get(Vorlage, vorlage_id)
        if row is None:
            raise VorlageNotFound(texts.VORLAGE_NOT_FOUND)
        view = _view(row)
        session.delete(row)
        audit.record(session, "vorlage_entfernt", None, f"vorlage {vorlage_id}", row.titel)
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
