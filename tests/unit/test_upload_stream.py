"""The upload as it streams in: several files one after another, each capped while it arrives,
refused ones leave nothing behind, and neither does an upload the browser breaks off."""

import asyncio
from types import SimpleNamespace

import pytest

from portal_app.services import documents
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
