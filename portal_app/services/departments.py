"""The chamber's departments: who receives what members send. A key is stored (documents,
inbox items, staff assignments); the label is what people read."""

from __future__ import annotations

from portal_app import texts

HANDWERKSROLLE = "handwerksrolle"
AUSBILDUNG = "ausbildung"
PRUEFUNG = "pruefung"
BEITRAG = "beitrag"
SONSTIGES = "sonstiges"
BILDUNG = "bildung"
KONTAKT = "kontakt"

ALL: dict[str, str] = {
    HANDWERKSROLLE: texts.DEPARTMENT_HANDWERKSROLLE,
    AUSBILDUNG: texts.DEPARTMENT_AUSBILDUNG,
    PRUEFUNG: texts.DEPARTMENT_PRUEFUNG,
    BEITRAG: texts.DEPARTMENT_BEITRAG,
    SONSTIGES: texts.DEPARTMENT_SONSTIGES,
    BILDUNG: texts.DEPARTMENT_BILDUNG,
    KONTAKT: texts.CONTACT_TITLE,  # "Kontakt"
}

# where a member may send documents (the upload form's choice)
FOR_DOCUMENTS: dict[str, str] = {
    key: ALL[key] for key in (HANDWERKSROLLE, AUSBILDUNG, PRUEFUNG, BEITRAG, SONSTIGES)
}


def label(key: str) -> str:
    return ALL.get(key, "")
