"""A worker killed in the middle of an upload: its file is linked into place inside the
transaction and the temp file stays as a marker until the commit is through. The next sweep
(of any worker) settles a dead worker's marker by the rows: the file stays if its row was
committed and goes otherwise, so the store never holds a file without its row."""

import os
import subprocess

import pytest

from portal_app.services import audit, documents, file_rows, files
from tests.unit.docs_fixtures import PDF, key_of, registry_loaded, store, unlocked  # noqa: F401


def _dead_pid() -> int:
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def _as_if_killed(incoming: files.Incoming) -> None:
    """Give the marker the name a killed worker's would have: its process runs no more."""
    own = files.temp_name(incoming.name)
    incoming.temp.rename(
        incoming.temp.with_name(own.replace(f"-{os.getpid()}-", f"-{_dead_pid()}-"))
    )


@pytest.fixture
def stopped_after_linking(monkeypatch):
    """The upload's last steps do not run: the worker 'dies' once the file is linked."""
    monkeypatch.setattr(files.Incoming, "done", lambda self: None)
    monkeypatch.setattr(files.Incoming, "discard", lambda self: None)
    monkeypatch.setattr(files, "SETTLE_AFTER", 0.0)


def _upload(member: int) -> files.Incoming:
    target = documents.start_upload(member, key_of(member), "beitrag")
    incoming = documents.receive(target)
    incoming.write(PDF)
    try:
        documents.finish(target, incoming, "a.pdf")
    finally:
        _as_if_killed(incoming)
    return incoming


def test_killed_after_the_commit_the_file_stays_and_only_its_marker_goes(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    stopped_after_linking,
):
    member = unlocked()
    incoming = _upload(member)
    assert len(list(store.iterdir())) == 2  # the file and the dead worker's marker
    assert files.sweep_partials(file_rows.is_named) == 1
    assert [p.name for p in store.iterdir()] == [incoming.name]
    assert [d.name for d in documents.uploaded(member)] == ["a.pdf"]
    assert files.path_of(incoming.name).read_bytes() == PDF


def test_killed_before_the_commit_the_file_goes_with_its_marker(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    stopped_after_linking,
    monkeypatch,
):
    member = unlocked()
    record = audit.record

    def commit_never_comes(session, action, *args, **kwargs):
        if action == documents.AUDIT_UPLOAD:  # the last step before the commit
            raise KeyboardInterrupt
        return record(session, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", commit_never_comes)
    with pytest.raises(KeyboardInterrupt):
        _upload(member)
    assert len(list(store.iterdir())) == 2
    assert documents.uploaded(member) == []
    assert files.sweep_partials(file_rows.is_named) == 1
    assert list(store.iterdir()) == []


def test_a_dead_workers_marker_waits_until_its_commit_is_through_or_void(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    stopped_after_linking,
    monkeypatch,
):
    member = unlocked()
    _upload(member)
    monkeypatch.setattr(files, "SETTLE_AFTER", 60.0)
    assert files.sweep_partials(lambda _name: False) == 0  # too fresh to know
    assert len(list(store.iterdir())) == 2


def test_bytes_the_portal_made_are_kept_only_with_their_row(store):  # noqa: F811
    made = files.made(b"%PDF-1.4 export")
    assert files.path_of(made.name).read_bytes() == b"%PDF-1.4 export"
    made.discard()  # the row was not committed
    assert list(store.iterdir()) == []
    kept = files.made(b"%PDF-1.4 export")
    kept.done()
    assert [p.name for p in store.iterdir()] == [kept.name]


def test_a_marker_of_another_machine_sharing_the_store_goes_only_by_age(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    stopped_after_linking,
):
    member = unlocked()
    _upload(member)
    [marker] = store.glob(".eingang-*")
    elsewhere = marker.with_name(
        marker.name.replace(f".eingang-{files._HOST}-", ".eingang-andere-")
    )
    marker.rename(elsewhere)
    assert files.sweep_partials(lambda _name: False) == 0  # its process may run over there
    assert elsewhere.exists()
