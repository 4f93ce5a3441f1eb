"""The upload as it streams in: several files one after another, each capped while it arrives,
refused ones leave nothing behind, and neither does an upload the browser breaks off."""

import asyncio
import errno
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from portal_app import texts
from portal_app.services import documents, files
from portal_app.state.documents import MAX_FILES, _receive_all
from tests.unit.docs_fixtures import (  # noqa: F401
    EXE,
    PDF,
    PNG,
    key_of,
    registry_loaded,
    store,
    unlocked,
)


def nothing_named(_stored_name: str) -> bool:
    return False


def chunks_of(*files: tuple[str, bytes], size: int = 256, broken_after: int | None = None):
    async def stream():
        sent = 0
        for name, data in files:
            for offset in range(0, max(len(data), 1), size):
                if broken_after is not None and sent >= broken_after:
                    raise asyncio.CancelledError
                yield SimpleNamespace(
                    filename=name, offset=offset, data=data[offset : offset + size]
                )
                sent += 1

    return stream()


def test_good_files_are_kept_and_bad_ones_refused_with_their_names(store, unlocked):  # noqa: F811
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    oversized = PDF + b" " * 2000
    accepted, refusals = asyncio.run(
        _receive_all(
            target,
            chunks_of(("a.pdf", PDF), ("virus.pdf", EXE), ("gross.pdf", oversized), ("b.png", PNG)),
        )
    )
    assert [doc.name for doc in accepted] == ["a.pdf", "b.png"]
    assert [r.split(":")[0] for r in refusals] == ["virus.pdf", "gross.pdf"]
    assert len(list(store.iterdir())) == 2


def test_two_files_of_the_same_name_stay_two_files(store, unlocked):  # noqa: F811
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    accepted, _ = asyncio.run(_receive_all(target, chunks_of(("scan.pdf", PDF), ("scan.pdf", PDF))))
    assert len(accepted) == 2


def test_more_than_the_allowed_number_of_files_is_cut_off(store, unlocked):  # noqa: F811
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    many = [(f"{i}.pdf", PDF) for i in range(MAX_FILES + 2)]
    accepted, refusals = asyncio.run(_receive_all(target, chunks_of(*many)))
    assert len(accepted) == min(MAX_FILES, 4096 // len(PDF))
    assert "Höchstens" in refusals[-1]


def test_an_upload_broken_off_midway_leaves_no_partial_file(store, unlocked):  # noqa: F811
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(_receive_all(target, chunks_of(("a.pdf", PDF + b" " * 900), broken_after=2)))
    assert list(store.iterdir()) == []
    assert documents.uploaded(member) == []


class _FullDisk:
    """A temp file's handle on a store that has run full: every write fails as the disk does."""

    def __init__(self, handle):
        self.handle = handle

    def write(self, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.handle, name)


def test_a_full_store_refuses_the_file_in_german_and_keeps_nothing_of_it(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    monkeypatch,
):
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    receive = documents.receive

    def on_full_disk(upload_target):
        incoming = receive(upload_target)
        incoming._handle = _FullDisk(incoming._handle)
        return incoming

    monkeypatch.setattr(documents, "receive", on_full_disk)
    accepted, refusals = asyncio.run(_receive_all(target, chunks_of(("a.pdf", PDF))))
    assert accepted == []
    assert refusals == [texts.DOCUMENT_REFUSED.format(
        name="a.pdf", reason=texts.DOCUMENT_STORE_UNAVAILABLE
    )]  # fmt: skip
    assert list(store.iterdir()) == []
    assert documents.uploaded(member) == []


def test_a_store_gone_read_only_before_the_file_is_kept_leaves_neither_row_nor_file(
    store,  # noqa: F811
    unlocked,  # noqa: F811
    monkeypatch,
):
    member = unlocked()
    target = documents.start_upload(member, key_of(member), "beitrag")
    used_before = documents.uploaded(member)

    def read_only(*_args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files.os, "link", read_only)
    accepted, refusals = asyncio.run(_receive_all(target, chunks_of(("a.pdf", PDF))))
    assert accepted == []
    assert texts.DOCUMENT_STORE_UNAVAILABLE in refusals[0]
    assert list(store.iterdir()) == []
    assert documents.uploaded(member) == used_before == []


def test_a_temp_file_the_read_only_store_kept_goes_at_the_next_sweep_whatever_its_age(
    store,  # noqa: F811
    monkeypatch,
):
    incoming = files.Incoming(1024)
    incoming.write(PDF)

    def read_only(_path, missing_ok=False):
        raise OSError(errno.EROFS, "Read-only file system")

    with monkeypatch.context() as patched:
        patched.setattr(Path, "unlink", read_only)
        incoming.discard()  # says nothing: the upload is refused either way
    assert incoming.temp.exists()
    assert files.sweep_partials(nothing_named) == 1  # the store is writable again
    assert list(store.iterdir()) == []


def test_a_temp_file_of_a_process_killed_mid_upload_goes_at_the_next_sweep(
    store,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setattr(files, "SETTLE_AFTER", 0.0)  # its writer's last step is long enough ago
    finished = subprocess.Popen(["true"])
    finished.wait()
    store.mkdir(parents=True, exist_ok=True)
    orphan = store / files.temp_name("a" * 32).replace(f"-{os.getpid()}-", f"-{finished.pid}-")
    orphan.write_bytes(PDF[:100])  # fresh: no age would let the sweep remove it
    own = files.Incoming(1024)
    own.write(PDF)
    assert files.sweep_partials(nothing_named) == 1
    assert not orphan.exists()
    assert own.temp.exists()  # this process's upload goes on
    own.discard()
