"""The staff's inbox: what members send arrives as items of a department; staff see only their
departments' items, filter and search them, take them over, set their status, forward them and
answer into the member's Postfach."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from portal_app import texts
from portal_app.services import (
    clock,
    departments,
    documents,
    files,
    forms,
    inbox,
    postfach,
    unlock,
)
from portal_app.services.inbox import InboxFilter, InboxInputInvalid, ItemNotFound, Scope
from tests.staff_support import set_up_staff
from tests.unit.docs_fixtures import (  # noqa: F401
    PDF,
    PNG,
    registry_loaded,
    store,
    unlocked,
    upload,
)
from tests.unit.test_forms import CONTACT

ROLLE = PRUEFUNG = COLLEAGUE = EVERYTHING = KONTAKT = None  # set by the fixture below


@pytest.fixture(autouse=True)
def staff_scopes():
    """Staff members of the Handwerksrolle (two), of the Prüfungswesen, of Kontakt, and an
    administrator's scope (every department); as module names the tests read."""
    global ROLLE, PRUEFUNG, COLLEAGUE, EVERYTHING, KONTAKT

    def scope(keys) -> Scope:
        return Scope(set_up_staff(departments=keys).id, tuple(keys))

    ROLLE = scope((departments.HANDWERKSROLLE,))
    PRUEFUNG = scope((departments.PRUEFUNG,))
    COLLEAGUE = scope((departments.HANDWERKSROLLE,))
    EVERYTHING = scope(tuple(departments.ALL))
    KONTAKT = scope((departments.KONTAKT,))


def _only(scope: Scope, **wanted) -> list[inbox.ItemRow]:
    return inbox.listing(scope, InboxFilter(**wanted)).rows


def test_an_upload_becomes_an_item_of_its_department_seen_by_that_department_only(
    store,  # noqa: F811
    unlocked,  # noqa: F811
):
    member = unlocked()
    upload(member, PDF, "Gesellenbrief.pdf", departments.HANDWERKSROLLE)

    (row,) = _only(ROLLE)
    assert (row.kind, row.department, row.status, row.unread) == (
        inbox.KIND_DOCUMENT, departments.HANDWERKSROLLE, inbox.NEW, True,
    )  # fmt: skip
    assert row.subject == "Gesellenbrief.pdf" and "TS-1234567-0" in row.sender
    assert row.sender_email.startswith("mitglied")
    assert _only(PRUEFUNG) == []
    for action in (
        lambda: inbox.open_item(PRUEFUNG, row.id),
        lambda: inbox.item_file(PRUEFUNG, row.id),
        lambda: inbox.take_over(PRUEFUNG, row.id),
        lambda: inbox.set_status(PRUEFUNG, row.id, inbox.DONE),
        lambda: inbox.forward(PRUEFUNG, row.id, departments.BEITRAG),
        lambda: inbox.answer(PRUEFUNG, row.id, "Hallo"),
    ):
        with pytest.raises(ItemNotFound):
            action()


def test_opening_marks_read_for_this_staff_member_only_and_the_file_is_the_members(
    store,  # noqa: F811
    unlocked,  # noqa: F811
):
    upload(unlocked(), PDF, "Gesellenbrief.pdf", departments.HANDWERKSROLLE)
    (row,) = _only(ROLLE)

    detail = inbox.open_item(ROLLE, row.id)
    stored = inbox.item_file(ROLLE, row.id)

    assert files.path_of(stored.stored_name).read_bytes() == PDF
    assert [entry.action for entry in detail.history] == [inbox.RECEIVED, inbox.VIEWED]
    assert _only(ROLLE)[0].unread is False and _only(COLLEAGUE)[0].unread is True
    assert inbox.open_item(ROLLE, row.id).history[-1].action == inbox.FILE_VIEWED


def test_take_over_status_forward_and_answer_reach_the_member(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    tmp_path,
):
    member = unlocked()
    upload(member, PDF, "Gesellenbrief.pdf", departments.HANDWERKSROLLE)
    (row,) = _only(ROLLE)

    inbox.take_over(ROLLE, row.id)
    assert (_only(ROLLE)[0].status, _only(ROLLE)[0].assignee_id) == (inbox.WORKING, ROLLE.staff_id)
    answer_file = files.Incoming(10**7)
    answer_file.write(PDF)
    inbox.answer(
        ROLLE, row.id, "Vielen Dank, wir haben eingetragen.", [(answer_file, "Bescheid.pdf")]
    )
    inbox.set_status(ROLLE, row.id, inbox.DONE, "Eingetragen")

    (message,) = postfach.messages(member)
    assert message.subject == texts.POSTFACH_ANSWER_SUBJECT.format(subject="Gesellenbrief.pdf")
    assert message.body == "Vielen Dank, wir haben eingetragen." and message.unread
    (attachment,) = message.attachments
    sent = postfach.attachment(member, attachment.id)
    assert (sent.name, files.path_of(sent.stored_name).read_bytes()) == ("Bescheid.pdf", PDF)
    assert postfach.unread_count(member) == 1
    postfach.mark_read(member, message.id)
    assert postfach.unread_count(member) == 0
    assert _only(ROLLE, status=inbox.DONE)[0].id == row.id

    inbox.forward(ROLLE, row.id, departments.PRUEFUNG, "Bitte prüfen")
    assert _only(ROLLE) == [] and _only(PRUEFUNG)[0].assignee_id is None
    actions = [e.action for e in inbox.open_item(PRUEFUNG, row.id).history]
    assert actions[:6] == [
        inbox.RECEIVED, inbox.TAKEN, inbox.ANSWERED, inbox.STATUS_SET, inbox.FORWARDED,
        inbox.VIEWED,
    ]  # fmt: skip


def test_another_member_gets_no_attachment_of_the_answer(store, unlocked):  # noqa: F811
    member, stranger = unlocked(), unlocked("BGL-7654321-0")
    upload(member, PDF, "a.pdf", departments.HANDWERKSROLLE)
    (row,) = _only(ROLLE)
    incoming = files.Incoming(10**7)
    incoming.write(PNG)
    inbox.answer(ROLLE, row.id, "Anbei", [(incoming, "foto.png")])
    (attachment,) = postfach.messages(member)[0].attachments
    with pytest.raises(postfach.MessageNotFound):
        postfach.attachment(stranger, attachment.id)
    assert postfach.messages(stranger) == []


def test_an_answer_needs_text_and_proper_files_and_stores_nothing_otherwise(
    store,  # noqa: F811
    unlocked,  # noqa: F811
):
    member = unlocked()
    upload(member, PDF, "a.pdf", departments.HANDWERKSROLLE)
    (row,) = _only(ROLLE)
    with pytest.raises(InboxInputInvalid) as empty:
        inbox.answer(ROLLE, row.id, "   ")
    assert empty.value.field == "answer"
    fake = files.Incoming(10**7)
    fake.write(b"%PDF-1.4 <html><script>alert(1)</script>")
    with pytest.raises(InboxInputInvalid) as refused:
        inbox.answer(ROLLE, row.id, "Anbei", [(fake, "fake.pdf")])
    assert refused.value.field == "files" and "fake.pdf" in str(refused.value)
    assert postfach.messages(member) == []
    assert not list(store.glob(".eingang-*"))


def test_filters_search_and_paging_in_sql(store, unlocked, clock, monkeypatch):  # noqa: F811
    roomy = dataclasses.replace(documents.settings, quota_bytes=10**7)
    monkeypatch.setattr(documents, "settings", roomy)
    member = unlocked()
    for number in range(30):
        upload(member, PDF, f"Scan {number:02d}.pdf", departments.HANDWERKSROLLE)
        clock.travel(minutes=1)
    forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.1")
    unlock.request_new_pin(member, "betrieb", "TS-1234567-0")

    first = inbox.listing(EVERYTHING, InboxFilter())
    assert (first.total, first.pages, len(first.rows)) == (32, 2, inbox.PAGE_SIZE)
    assert [r.kind for r in first.rows[:2]] == [inbox.KIND_PIN, inbox.KIND_CONTACT]  # newest
    assert inbox.listing(EVERYTHING, InboxFilter(page=2)).rows[-1].subject == "Scan 00.pdf"
    assert inbox.listing(EVERYTHING, InboxFilter(page=99)).page == 2
    assert [r.subject for r in _only(EVERYTHING, text="scan 07")] == ["Scan 07.pdf"]
    assert [r.sender for r in _only(EVERYTHING, text="EVA meister")] == ["Eva Meister"]
    assert _only(EVERYTHING, text="100%") == [] and _only(EVERYTHING, text="_") == []
    (contact,) = _only(EVERYTHING, kind=inbox.KIND_CONTACT)
    assert contact.department == departments.KONTAKT and contact.sender_email == CONTACT["email"]
    (pin,) = _only(EVERYTHING, kind=inbox.KIND_PIN)
    assert pin.department == departments.HANDWERKSROLLE
    assert _only(EVERYTHING, department=departments.KONTAKT) == [contact]
    today = clock.now().date()
    assert len(_only(EVERYTHING, since=today + timedelta(days=1))) == 0
    assert inbox.listing(EVERYTHING, InboxFilter(until=today)).total == 32
    assert inbox.counts(ROLLE) == {inbox.NEW: 31, inbox.WORKING: 0, inbox.DONE: 0}
    # a department outside the scope finds nothing, even when asked for by name
    assert _only(PRUEFUNG, department=departments.HANDWERKSROLLE) == []


def test_a_visitors_contact_message_cannot_be_answered_into_a_postfach():
    forms.submit("kontaktanfrage", CONTACT, client_address="192.0.2.1")
    (row,) = _only(KONTAKT)
    detail = inbox.open_item(KONTAKT, row.id)
    assert ("message", CONTACT["message"]) in detail.fields
    with pytest.raises(InboxInputInvalid, match="ohne Konto"):
        inbox.answer(KONTAKT, row.id, "Danke für Ihre Frage.")


def test_bad_status_department_and_overlong_notes_are_refused(store, unlocked):  # noqa: F811
    upload(unlocked(), PDF, "a.pdf", departments.HANDWERKSROLLE)
    (row,) = _only(ROLLE)
    with pytest.raises(InboxInputInvalid):
        inbox.set_status(ROLLE, row.id, "geloescht")
    with pytest.raises(InboxInputInvalid):
        inbox.forward(ROLLE, row.id, "<script>")
    with pytest.raises(InboxInputInvalid):
        inbox.forward(ROLLE, row.id, departments.HANDWERKSROLLE)
    with pytest.raises(InboxInputInvalid):
        inbox.set_status(ROLLE, row.id, inbox.DONE, "x" * (inbox.NOTE_MAX + 1))
    assert _only(ROLLE)[0].status == inbox.NEW
    assert clock.now()  # the services' clock is untouched by these refusals


def test_the_member_reads_the_status_and_that_an_answer_waits(
    store,  # noqa: F811
    unlocked,  # noqa: F811
):
    member = unlocked()
    upload(member, PDF, "a.pdf", departments.HANDWERKSROLLE)
    forms.submit(
        "kontaktanfrage", CONTACT, client_address="192.0.2.1", account_id=member
    )  # fmt: skip
    (sent,) = documents.uploaded(member)
    (request,) = forms.submissions_of(member)
    assert (sent.status, request.status) == (texts.INBOX_STATUS_NEW, texts.INBOX_STATUS_NEW)

    (document_item,) = _only(ROLLE)
    inbox.answer(ROLLE, document_item.id, "Danke")
    inbox.set_status(ROLLE, document_item.id, inbox.DONE)
    (sent,) = documents.uploaded(member)
    assert sent.status == texts.WELCOME_STEP_DONE + texts.INBOX_ANSWERED_SUFFIX
