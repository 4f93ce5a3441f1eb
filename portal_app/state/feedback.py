"""The one way a page's state answers: an error at its field or in the page's alert, a success
message; each is read out by the page's live region (`SessionState._announce`).

Mixed into a page's state, next to its SessionState base:

    class LoginState(Feedback, SessionState):
        ...
        except sessions.LoginFailed as error:
            return self._fail(error, clear=["password"], focus="password")

The page reads `LoginState.errors.get("email", "")` for a field and `LoginState.problem` for
its alert (components/forms.py `text_field`, `alert`); a success message goes into
`success_panel`, which takes the keyboard focus when it appears.
"""

from __future__ import annotations

from collections.abc import Iterable

import reflex as rx

from portal_app.services.errors import PortalError
from portal_app.state.fields import field_id


class Feedback(rx.State, mixin=True):
    # each field's message, by field name (the page shows it at the field)
    errors: dict[str, str] = {}
    # a message for the page as a whole (the page's alert)
    problem: str = ""

    def _clear_feedback(self) -> None:
        self.errors, self.problem = {}, ""

    def _fail(
        self, error: PortalError | str, *, clear: Iterable[str] = (), focus: str = ""
    ) -> list[rx.event.EventSpec]:
        """Show the error at its fields (the first gets the focus) or in the page's alert, and
        have it read out, again if the same error comes twice. `error` as text: a problem of
        the page the state found itself. `clear`: fields to empty (passwords, a PIN); `focus`:
        the field to focus when the error belongs to the page as a whole."""
        if isinstance(error, str):
            error = PortalError(error)
        self.errors = dict(error.errors)
        self.problem = "" if error.errors else error.message
        self._announce(_spoken(error))
        events = [rx.set_value(field_id(name), "") for name in clear]
        target = error.field or focus
        if target:
            events.append(rx.set_focus(self._focus_id(target)))
        return events

    def _focus_id(self, field: str) -> str:
        """The element that takes the focus for a field's error (a state with a group of
        radio buttons names its first button here)."""
        return field_id(field)

    def _field_error(self, field: str, message: str = "") -> None:
        """Show (or, with "", remove) one field's message while the member is still filling
        in the form: no focus move, nothing read out beyond the field's own alert."""
        errors = {name: text for name, text in self.errors.items() if name != field}
        if message:
            errors[field] = message
        self.errors = errors

    def _succeed(self, message: str) -> None:
        """Done: no error stays, and the success message is read out (the page shows it in
        `success_panel`, which takes the focus)."""
        self._clear_feedback()
        self._announce(message)


def _spoken(error: PortalError) -> str:
    """What the live region reads: the message of one field or of the page; for several
    fields the summary (the first field takes the focus and reads its own message)."""
    if len(error.errors) == 1:
        return next(iter(error.errors.values()))
    return error.message
