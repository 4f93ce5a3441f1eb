"""An unexpected error reaches the member in German with a reference number that is in the log."""

import logging
import re

from portal_app.state.unexpected import backend_exception_handler


def test_the_member_gets_a_german_message_with_the_number_that_is_logged(caplog):
    with caplog.at_level(logging.ERROR, logger="portal.unexpected"):
        spec = backend_exception_handler(RuntimeError("kaputt"))
    shown = str(spec)
    reference = re.search(r"Fehlernummer ([0-9A-F]{8})", shown).group(1)
    assert "Bitte versuchen Sie es noch einmal" in shown
    assert "Contact the website administrator" not in shown
    assert reference in caplog.text and "kaputt" in caplog.text
