"""Fixtures of the document, Vorlagen and SEPA tests: a private store, unlocked members."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from portal_app.services import documents, files, pins, registry, sepa, sessions, unlock, vorlagen
from portal_app.services.demo import DEMO_BETRIEBE_CSV, DEMO_PERSONEN_CSV
from portal_app.settings import settings
from tests import totp_support
from tests.sample_files import JPEG, PDF, PNG  # noqa: F401  (the tests import them from here)

PASSWORD = "Zimmerer bauen Dachstühle aus Fichte"

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 40
_numbers = itertools.count()


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A private store of its own, a 1 KB size cap and a 4 KB quota (small numbers to test)."""
    changed = dataclasses.replace(
        settings, files_dir=str(tmp_path / "dateien"), upload_max_bytes=1024, quota_bytes=4096
    )
    for module in (files, documents, vorlagen, sepa):
        monkeypatch.setattr(module, "settings", changed)
    return tmp_path / "dateien"


@pytest.fixture
def registry_loaded():
    registry.import_betriebe(DEMO_BETRIEBE_CSV)
    registry.import_personen(DEMO_PERSONEN_CSV)


@pytest.fixture
def unlocked(member, registry_loaded):
    """An account unlocked for the given Betrieb (`TS-1234567-0`) or Person (8 digits); an
    account of a Betrieb has set up its second factor (the SEPA service requires it)."""

    def make(number: str = "TS-1234567-0") -> int:
        token = member(f"mitglied{next(_numbers)}@betrieb-example.de", PASSWORD)
        account_id = sessions.current_account(token).id
        if len(number) == 8 and number.isdigit():
            unlock.unlock_person(account_id, number, pins.issue_for_person(number).pin)
        else:
            unlock.unlock_betrieb(account_id, number, pins.issue_for_betrieb(number).pin)
            totp_support.turn_on(account_id, token)
        return account_id

    return make


def key_of(account_id: int, index: int = 0) -> str:
    return documents.owners(account_id)[index].key


def upload(account_id: int, data: bytes, name: str = "scan.pdf", department="beitrag"):
    """Upload one file the way the state does: in chunks, then finish."""
    target = documents.start_upload(account_id, key_of(account_id), department)
    incoming = documents.receive(target)
    for start in range(0, len(data), 300):
        incoming.write(data[start : start + 300])
    return documents.finish(target, incoming, name)
