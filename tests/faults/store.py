"""The private file store against the document rows after a fault."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlmodel import select

from portal_app.models import Dokument
from portal_app.services import db, documents
from tests.faults.conftest import use


def store_check(portal, store_path: Path) -> dict[str, int]:
    """Kept files against the document rows: files without a row, rows without their file or
    with another size or content, temp files left behind; and the bytes counted for quota."""
    use(portal)
    with db.unit_of_work() as session:
        rows = session.exec(select(Dokument).where(Dokument.richtung == documents.UPLOADED)).all()
        owner = documents.owners_in(session, rows[0].account_id)[0] if rows else None
        counted = documents.used_bytes(session, owner) if owner else 0
    files = {p.name: p for p in store_path.iterdir() if p.name != "fueller"}
    kept = {name for name in files if not name.startswith(".")}
    by_name = {row.stored_name: row for row in rows}
    mismatched = sum(
        1 for name, row in by_name.items() if name in files and (
            files[name].stat().st_size != row.size
            or hashlib.sha256(files[name].read_bytes()).hexdigest() != row.sha256
        )
    )  # fmt: skip
    return {
        "rows": len(rows),
        "files without row": len(kept - set(by_name)),
        "rows without file": len(set(by_name) - kept),
        "rows with other content": mismatched,
        "temp files": len([n for n in files if n.startswith(".")]),
        "counted bytes": counted,
        "row bytes": sum(row.size for row in rows),
    }
