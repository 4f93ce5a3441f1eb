"""What a member sees when an event fails unexpectedly: a German message with a reference
number that stands in the log next to the error (instead of Reflex's English default)."""

import logging
import secrets

import reflex as rx

from portal_app import texts

log = logging.getLogger("portal.unexpected")


def backend_exception_handler(exception: Exception) -> rx.event.EventSpec:
    reference = secrets.token_hex(4).upper()
    log.error("Unerwarteter Fehler, Fehlernummer %s", reference, exc_info=exception)
    return rx.toast.error(texts.UNEXPECTED_ERROR.format(reference=reference), duration=20000)
