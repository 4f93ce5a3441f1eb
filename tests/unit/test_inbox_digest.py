"""The departments' digest: at most one mail per interval, only when something is new, to the
department's active staff, with counts and a link but nothing a member wrote."""

from __future__ import annotations

import dataclasses

from portal_app import texts
from portal_app.services import forms, inbox_digest, mail, unlock
from portal_app.settings import settings
from tests.staff_support import set_up_staff
from tests.unit.docs_fixtures import PDF, registry_loaded, store, unlocked, upload  # noqa: F401
from tests.unit.test_forms import CONTACT

HOURLY = dataclasses.replace(settings, staff_digest_minutes=60)


def _digests() -> list[mail.MailView]:
    return [m for m in mail.recent_mails() if m.subject.startswith("Kundenportal: neue Vorgänge")]


def test_a_department_hears_once_an_interval_and_only_of_new_items(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    clock,
):
    rolle = set_up_staff(departments=("handwerksrolle",))
    kontakt = set_up_staff(departments=("kontakt",))
    member = unlocked()
    upload(member, PDF, "Gesellenbrief Müller.pdf", "handwerksrolle")
    unlock.request_new_pin(member, "betrieb", "TS-1234567-0")
    forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.1")

    assert inbox_digest.send_due(HOURLY) == 2
    by_recipient = {m.recipient: m for m in _digests()}
    assert set(by_recipient) == {rolle.email, kontakt.email}
    body = by_recipient[rolle.email].body
    assert f"- {texts.INBOX_KIND_DOCUMENT}: 1" in body and f"- {texts.INBOX_KIND_PIN}: 1" in body
    assert "/verwaltung" in body
    for personal in ("Müller", "TS-1234567", "mitglied", CONTACT["email"], CONTACT["name"]):
        assert personal not in body and personal not in by_recipient[kontakt.email].body

    clock.travel(minutes=1)
    upload(member, PDF, "Zweites.pdf", "handwerksrolle")
    assert inbox_digest.send_due(HOURLY) == 0  # within the hour
    clock.travel(minutes=61)
    assert inbox_digest.send_due(HOURLY) == 1  # the second upload, to the Handwerksrolle
    clock.travel(minutes=61)
    assert inbox_digest.send_due(HOURLY) == 0  # nothing new
    assert len(_digests()) == 3


def test_nobody_to_tell_keeps_the_items_for_a_later_digest(store, unlocked):  # noqa: F811
    upload(unlocked(), PDF, "a.pdf", "pruefung")
    assert inbox_digest.send_due(HOURLY) == 0
    pruefung = set_up_staff(departments=("pruefung",))
    assert inbox_digest.send_due(HOURLY) == 1
    assert [m.recipient for m in _digests()] == [pruefung.email]
