"""The one base of every error a member may see.

A service raises a `PortalError` subclass with the German text for the member and, where it
knows it, the form field the text belongs to:

    raise UploadRefused(texts.DOCUMENT_OWNER_MISSING, field="owner")

A form checked as a whole names several fields at once:

    raise FormInvalid(texts.FORM_HAS_ERRORS, errors={"email": …, "message": …})

The state hands the error to its one helper (`state/feedback.py`), which shows each text at
its field, or the message in the page's alert when no field is named.
"""

from __future__ import annotations


class PortalError(Exception):
    """An error for the member: `message` is German; `errors` maps form fields to their texts
    (empty: the message belongs to the page as a whole); `field` is the first of them."""

    def __init__(
        self, message: str, field: str | None = None, *, errors: dict[str, str] | None = None
    ):
        super().__init__(message)
        self.message = message
        if errors:
            self.errors = dict(errors)
        else:
            self.errors = {field: message} if field else {}
        self.field = next(iter(self.errors), None)
