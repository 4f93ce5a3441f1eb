"""Every kind of entry the services write into the audit log has a German label for the
Protokoll (texts.AUDIT_ACTIONS; an inbox item's steps through texts.STAFF_HISTORY)."""

import importlib
import pkgutil

from portal_app import services, texts
from portal_app.services import audit, course_admin, inbox, unlock
from portal_app.state.audit_log import action_label


def _written_actions() -> set[str]:
    found = {unlock.FAILED, unlock.SUCCEEDED, unlock.PIN_REQUESTED}
    for kind in (audit.Action, course_admin.Action):
        found |= {v for k, v in vars(kind).items() if k.isupper()}
    for module_info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"portal_app.services.{module_info.name}")
        for name, value in vars(module).items():
            if name.startswith("AUDIT_") and isinstance(value, str) and "{" not in value:
                found.add(value)
    return found


def test_every_action_written_has_a_german_label():
    unlabelled = sorted(a for a in _written_actions() if action_label(a) == a)
    assert unlabelled == []


def test_an_inbox_step_is_named_by_the_item_history():
    assert action_label(f"vorgang_{inbox.ANSWERED}") == texts.AUDIT_ITEM_ACTION.format(
        what=texts.STAFF_HISTORY[inbox.ANSWERED]
    )
    assert action_label("vorgang_unbekannt") == "vorgang_unbekannt"


def test_no_label_is_left_over():
    assert set(texts.AUDIT_ACTIONS) <= _written_actions()
