"""Where the backend spends its time while 100 members send events: the portal runs as in
`bench.events`, py-spy samples its backend process (all threads) during the 100-member round,
and the functions with the most samples are printed, inclusive and own.

Samples count every thread that is not idle, so a database call waiting for the GIL shows as
time in that call. Needs py-spy: `.venv/bin/pip install -e '.[bench]'`.
Run: `.venv/bin/python -m bench.profile_events` (about half a minute); with the argument
`scaled` the portal runs on PostgreSQL and Redis with two workers.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.events import SESSION_COOKIE, portal_member_token, run_members  # noqa: E402
from bench.machine import machine, summary_ms, table  # noqa: E402
from tests.backing_services import postgres_database, reachable_redis  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import BIN, serving_process  # noqa: E402
from tests.reflex_wire import SESSION_STATE  # noqa: E402

MEMBERS = 100
TOP = 25
LINE_NUMBER = re.compile(r":\d+\)")
# frames every sample passes through (process start, thread start, the loop itself)
PLUMBING = re.compile(
    r"\((threading|click/|granian/|multiprocessing/|asyncio/base_events|reflex/utils/exec"
    r"|reflex/reflex|concurrent/futures/thread)|^<module>|^process "
)


def summarise(raw: Path) -> tuple[int, collections.Counter, collections.Counter]:
    """Samples in all, per function inclusive (once per stack), and per function own."""
    inclusive: collections.Counter = collections.Counter()
    own: collections.Counter = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [LINE_NUMBER.sub(")", frame) for frame in stack.split(";")[1:]]
        total += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
        if frames:
            own[frames[-1]] += int(count)
    return total, inclusive, own


def main() -> None:
    if shutil.which("py-spy", path=str(BIN)) is None:
        raise SystemExit("py-spy fehlt: .venv/bin/pip install -e '.[bench]'")
    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    env = {**os.environ, "REFLEX_TELEMETRY_ENABLED": "false", "PORTAL_DEMO": "1",
           "REFLEX_DB_URL": f"sqlite:///{work}/portal.db",
           "REFLEX_STATES_WORKDIR": str(work / "states")}  # fmt: skip
    if sys.argv[1:] == ["scaled"]:
        with postgres_database() as postgres:
            env |= {"REFLEX_DB_URL": postgres, "REFLEX_REDIS_URL": reachable_redis(),
                    "GRANIAN_WORKERS": "2"}  # fmt: skip
            profile(env, work)
    else:
        profile(env, work)


def profile(env: dict[str, str], work: Path) -> None:
    spy = shutil.which("py-spy", path=str(BIN))
    raw = work / "samples.txt"
    event = f"{SESSION_STATE}.check_session"
    log = work / "portal.log"
    with serving_process(ROOT, free_port(), env, log, migrate=True) as (url, server):
        cookie = f"{SESSION_COOKIE}={portal_member_token(env)}"
        run_members(url, event, 10, cookie)  # warm up
        sampler = subprocess.Popen(
            [spy, "record", "--format", "raw", "--rate", "200", "--subprocesses",
             "--pid", str(server.pid), "--output", str(raw)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(2)  # py-spy attaches
        samples = run_members(url, event, MEMBERS, cookie)
        sampler.send_signal(signal.SIGINT)
        sampler.wait(timeout=60)
    total, inclusive, own = summarise(raw)
    p50, p95, _ = summary_ms(samples)
    print(f"{MEMBERS} members, check_session, p50 {p50:.0f} ms, p95 {p95:.0f} ms while sampled")
    print(f"{total} samples at 200 Hz over all threads — {machine()}")
    rows = [
        [f"{100 * n / total:.1f} %", name]
        for name, n in inclusive.most_common()
        if not PLUMBING.search(name)
    ][:TOP]
    print(table(["inclusive", "function"], rows))
    rows = [[f"{100 * n / total:.1f} %", name] for name, n in own.most_common(TOP)]
    print(table(["own", "function"], rows))


if __name__ == "__main__":
    main()
