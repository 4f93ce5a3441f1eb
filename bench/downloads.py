"""Backend memory for ten parallel downloads of a 20 MB file: the portal's streamed download
(the event checks ownership and hands out a single-use ticket, the browser GETs
`/datei/<ticket>` with its session cookie) next to how the portal did it before, in the same
run: the event reads the file and sends it base64-encoded over the websocket
(`rx.download(data=…)`, the app in bench/download_app).

Ten clients connect (the portal's: ten members, each unlocked for the Betrieb that has the
document), then all start at once. The RSS of the server's whole process tree (`reflex run`
and its children) is sampled every 20 ms; the table shows the peak above the idle level just
before the start, the wall time until the last client has the whole file, the bytes received
and whether every client got every byte (SHA-256).

    .venv/bin/python -m bench.downloads
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.events import SESSION_COOKIE  # noqa: E402
from bench.machine import machine, table  # noqa: E402
from bench.members import add_members  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import serving_process  # noqa: E402
from tests.reflex_wire import ROOT_STATE, SESSION_STATE, ReflexWire, events_of  # noqa: E402
from tests.sample_files import pdf  # noqa: E402

CLIENTS = 10
SIZE = 20_000_000  # bytes of the document
SAMPLE_SECONDS = 0.02
PASSWORD = "Zehn Mitglieder laden denselben Bescheid"
DOWNLOAD_APP = ROOT / "bench" / "download_app"
BASE64_EVENT = f"{ROOT_STATE}.download_app___download_app____download_state.download"
PORTAL_EVENT = f"{SESSION_STATE}.portal_app___state___documents____documents_state.download"
MB = 1024 * 1024


# --- memory of a process tree -----------------------------------------------------------------


def tree_rss(pid: int) -> int:
    """Resident bytes of the process and all its descendants."""
    try:
        import psutil  # optional: /proc below does the same on Linux
    except ImportError:
        return _proc_tree_rss(pid)
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


def _proc_tree_rss(pid: int) -> int:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, of in parents.items() if of == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for member in tree:
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


class Sampler:
    """The tree's RSS every 20 ms in a thread, from start until stop; its peak."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.samples = pid, 0, 0
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def idle(self, seconds: float = 1.0) -> int:
        """The median RSS over a quiet second."""
        values = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            values.append(tree_rss(self.pid))
            time.sleep(SAMPLE_SECONDS)
        return int(statistics.median(values))

    def _sample(self) -> None:
        while self._running.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self.samples += 1
            time.sleep(SAMPLE_SECONDS)

    def __enter__(self) -> Sampler:
        self._running.set()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(0.5)  # the tail of the last send
        self._running.clear()
        self._thread.join()


# --- the clients ------------------------------------------------------------------------------


def await_download(wire: ReflexWire, timeout: float = 300) -> dict:
    """The `_download` event the server sends in answer to the event just sent."""
    deadline = time.monotonic() + timeout
    while True:
        update = wire.updates.get(timeout=max(0.1, deadline - time.monotonic()))
        for event in events_of([update]):
            if event.get("name") == "_download":
                return event["payload"]


def by_websocket(url: str, _cookie: str) -> Iterator[tuple[int, str] | None]:
    """The file as the event's base64 data: URL (before)."""
    with ReflexWire(url) as wire:
        yield
        wire.send(BASE64_EVENT)
        link = await_download(wire)["url"]
    data = base64.b64decode(link.split(",", 1)[1])
    yield len(data), hashlib.sha256(data).hexdigest()


def by_ticket(url: str, cookie: str, document_id: int = 0) -> Iterator[tuple[int, str] | None]:
    """The file from GET /datei/<ticket>, streamed in 1 MB pieces (after)."""
    with ReflexWire(url, cookie=cookie) as wire:
        yield
        wire.send(PORTAL_EVENT, {"document_id": document_id}, path="/dokumente")
        link = await_download(wire)["url"]
    digest, size = hashlib.sha256(), 0
    request = urllib.request.Request(url + link, headers={"Cookie": cookie})  # noqa: S310
    with urllib.request.urlopen(request, timeout=300) as answer:  # noqa: S310 (local server)
        while piece := answer.read(MB):
            digest.update(piece)
            size += len(piece)
    yield size, digest.hexdigest()


def parallel(
    server_pid: int, url: str, client: Callable, cookies: list[str]
) -> tuple[int, int, float, list]:
    """All clients connect, then start at once; idle RSS, peak RSS, wall time, results."""
    steps = [client(url, cookie) for cookie in cookies]
    for step in steps:
        next(step)  # connected (and hydrated)
    results: list = [None] * len(steps)
    start = threading.Barrier(len(steps) + 1)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = next(steps[index])
        except BaseException as error:  # reported in the table: the run is then invalid
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(steps))]
    for thread in threads:
        thread.start()
    sampler = Sampler(server_pid)
    time.sleep(2)  # the connections settle
    idle = sampler.idle()
    with sampler:
        started = time.perf_counter()
        start.wait()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    for step in steps:
        step.close()
    return idle, sampler.peak, wall, results


# --- the two servers --------------------------------------------------------------------------


def document_file(work: Path) -> tuple[Path, str]:
    path = work / "Beitragsbescheid 2026.pdf"
    overhead = len(pdf(bytes(SIZE // 2))) - SIZE // 2  # the PDF around its filler stream
    path.write_bytes(pdf(os.urandom(SIZE - overhead)))
    if path.stat().st_size != SIZE:
        raise RuntimeError(f"the document has {path.stat().st_size} bytes, not {SIZE}")
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def portal_members(env: dict[str, str], document: Path) -> tuple[list[str], int]:
    """CLIENTS members unlocked for the demo Betrieb, which has the document; their session
    cookies and the document's id. Made through the services against the portal's database."""
    os.environ.update(env)
    from sqlmodel import select

    from portal_app.models import Betrieb, Freischaltung  # after the settings are in os.environ
    from portal_app.services import clock, db, demo, documents, sessions

    db.use_database(env["REFLEX_DB_URL"])
    demo.load_demo_data()
    members = add_members("download", CLIENTS, PASSWORD)
    kreis, number, branch = demo.DEMO_BETRIEB.split("-")
    with db.unit_of_work() as session:
        betrieb = session.exec(
            select(Betrieb).where(
                Betrieb.kreis == kreis, Betrieb.betriebsnummer == number, Betrieb.filiale == branch
            )
        ).one()
        for account_id, _email in members:
            session.add(
                Freischaltung(account_id=account_id, betrieb_id=betrieb.id, created_at=clock.now())
            )
    provided = documents.provide(demo.DEMO_BETRIEB, None, "Beitragsbescheid 2026", document)
    cookies = [f"{SESSION_COOKIE}={sessions.login(email, PASSWORD)}" for _, email in members]
    return cookies, provided.id


def row(mode: str, measured: tuple[int, int, float, list], expected: tuple[int, str]) -> list:
    idle, peak, wall, results = measured
    complete = sum(1 for result in results if result == expected)
    failures = [result for result in results if isinstance(result, BaseException)]
    received = sum(result[0] for result in results if isinstance(result, tuple))
    note = f"{complete}/{len(results)}" + (f" ({failures[0]!r})" if failures else "")
    return [
        mode,
        f"{idle / MB:.0f}",
        f"{(peak - idle) / MB:.0f}",
        f"{wall:.2f}",
        f"{received / 1e6:.0f}",
        note,
    ]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-downloads-"))
    document, digest = document_file(work)
    expected = (SIZE, digest)

    env = {**os.environ, "BENCH_DOWNLOAD_FILE": str(document)}
    with serving_process(DOWNLOAD_APP, free_port(), env, work / "base64.log") as (url, server):
        before = parallel(server.pid, url, by_websocket, [""] * CLIENTS)

    env = {
        **os.environ,
        "PORTAL_DEMO": "1",
        "PORTAL_BCRYPT_ROUNDS": "4",
        "REFLEX_DB_URL": f"sqlite:///{work}/portal.db",
        "PORTAL_FILES_DIR": str(work / "dateien"),
        "REFLEX_STATES_WORKDIR": str(work / "states"),
    }
    log = work / "portal.log"
    with serving_process(ROOT, free_port(), env, log, migrate=True) as (url, server):
        cookies, document_id = portal_members(env, document)

        def member(url: str, cookie: str):
            return by_ticket(url, cookie, document_id)

        after = parallel(server.pid, url, member, cookies)

    print(f"{CLIENTS} parallel downloads of a {SIZE / 1e6:.0f} MB file — {machine()}")
    print("before: rx.download(data=…) over the websocket (bench/download_app);")
    print("after: the portal's ticket and GET /datei/<ticket>, streamed")
    header = ["mode", "idle RSS MB", "peak above idle MB", "wall s", "MB received",
              "complete, byte-correct"]  # fmt: skip
    print(table(header, [row("before", before, expected), row("after", after, expected)]))


if __name__ == "__main__":
    main()
