"""Start a Reflex app as `reflex run --env prod` on a port of its own and stop it again.

Used by the e2e fixtures and the benchmarks; the app directory may be the portal or another
Reflex app (the blank baseline app of the benchmarks).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited early:\n{log.read_text()[-4000:]}")
        try:
            with (
                urllib.request.urlopen(url + "/ping", timeout=2),  # noqa: S310 (local server)
                urllib.request.urlopen(url + "/", timeout=5),  # noqa: S310
            ):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"app did not come up in {timeout}s:\n{log.read_text()[-4000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def serving(app_dir: Path, port: int, env: dict[str, str], log: Path, migrate: bool = False):
    """Run the app in production mode; yields its URL."""
    with serving_process(app_dir, port, env, log, migrate) as (url, _process):
        yield url


@contextmanager
def serving_process(
    app_dir: Path, port: int, env: dict[str, str], log: Path, migrate: bool = False
):
    """As `serving`; yields the URL and the `reflex run` process (whose children the backend
    workers are)."""
    # the portal answers pages of its own address only: unless told otherwise, the one it serves at
    env = {"PORTAL_PORT": str(port), "PORTAL_BASE_URL": f"http://127.0.0.1:{port}", **env}
    if migrate:
        subprocess.run([BIN / "reflex", "db", "migrate"], cwd=app_dir, env=env, check=True)
    command = [BIN / "reflex", "run", "--env", "prod", "--frontend-port", str(port),
               "--backend-host", "127.0.0.1"]  # fmt: skip
    with running(command, app_dir, port, env, log) as started:
        yield started


@contextmanager
def running(command: list, cwd: Path, port: int, env: dict[str, str], log: Path):
    """Start a command that serves the app on `port` (`reflex run …`, or `scripts/run.sh` as
    the systemd unit does) in a process group of its own; yields the URL and the process."""
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process, log)
        yield url, process
    finally:
        stop(process)
