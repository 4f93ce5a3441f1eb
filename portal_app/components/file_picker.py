"""The file picker of uploads (members' documents, staff answers, Vorlagen): drag and drop, or
the button that opens the picker (keyboard: Tab, Enter); PDF, JPEG and PNG by default, PDF,
DOCX and XLSX for Vorlagen (the server checks the content either way)."""

from __future__ import annotations

import reflex as rx

from portal_app import texts
from portal_app.components.forms import error_text
from portal_app.components.upload_reset import upload_reset
from portal_app.state.fields import field_id

ACCEPTED = {
    "application/pdf": [".pdf"],
    "image/jpeg": [".jpg", ".jpeg"],
    "image/png": [".png"],
}
VORLAGE_ACCEPTED = {
    "application/pdf": [".pdf"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
}


def file_picker(
    upload_id: str,
    *,
    pick_label: str,
    input_label: str,
    hint: str,
    max_files: int,
    zone_text: str = "",
    on_drop_rejected=None,
    cleared_by=None,
    accept: dict | None = None,
    button_id: str = "",
) -> rx.Component:
    """`cleared_by`: a counter Var; when it changes, the chosen files are forgotten.
    `accept`: other file types than PDF, JPEG and PNG (MIME type: endings).
    `button_id`: the pick button's id (it takes the focus for an error about the file)."""
    zone = rx.upload.root(
        rx.el.div(
            rx.text(zone_text, as_="p") if zone_text else rx.fragment(),
            rx.el.button(
                pick_label,
                type="button",
                class_name="pick-button",
                **({"id": button_id} if button_id else {}),
            ),
            rx.text(hint, as_="p", class_name="field__hint"),
            class_name="drop-zone",
        ),
        id=upload_id,
        multiple=True,
        max_files=max_files,
        no_keyboard=True,
        accept=accept or ACCEPTED,
        **({"on_drop_rejected": on_drop_rejected} if on_drop_rejected is not None else {}),
    )
    # The dropzone's own hidden <input type=file> has no label; give it the button's name.
    file_input = zone.children[0].children[0]
    file_input.custom_attrs["aria-label"] = input_label
    if cleared_by is None:
        return zone
    return rx.fragment(zone, upload_reset(upload_id, cleared_by))


def one_file_field(
    upload_id: str,
    field: str,
    error,
    *,
    pick_label: str,
    input_label: str,
    hint,
    cleared_by,
    accept: dict,
) -> rx.Component:
    """A picker for one file (the staff's batch uploads): the chosen file's name listed below
    it, and the field's error, to which the focus goes (the pick button has the field's id)."""
    return rx.el.div(
        file_picker(
            upload_id,
            pick_label=pick_label,
            input_label=input_label,
            hint=hint,
            max_files=1,
            cleared_by=cleared_by,
            accept=accept,
            button_id=field_id(field),
        ),
        rx.el.ul(
            rx.foreach(rx.selected_files(upload_id), lambda name: rx.el.li(name)),
            aria_label=texts.UPLOAD_SELECTED,
        ),
        error_text(field, error),
    )
