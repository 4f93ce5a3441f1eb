"""A backend worker that dies (killed, out of memory) is started again; the other workers keep
serving meanwhile.

Granian stops the whole server when one worker exits unexpectedly, unless its server is made
with `respawn_failed_workers`; Reflex 0.10.1 (`run_granian_backend_prod`) makes it without. The
fault suite found it (tests/faults: one worker killed with SIGKILL took the portal down, every
member's connection with it). `install()` makes Granian's servers respawn a failed worker by
default (after `respawn_interval`, 3.5 s; a worker failing again within 5.5 s still stops the
server: a crash loop is not hidden). rxconfig.py calls it: the `reflex run` process, Granian's
parent, reads the config before it makes the server. Written for exactly this Granian version:
`install()` refuses another one, and a unit test says so, so an upgrade is checked first.
"""

from __future__ import annotations

import functools
from importlib.metadata import version

GRANIAN_VERSION = "2.8.9"


def install() -> None:
    """Make Granian respawn failed workers unless told otherwise (no-op when already done)."""
    from granian.server.common import AbstractServer

    if getattr(AbstractServer, "_portal_respawn", False):
        return
    if version("granian") != GRANIAN_VERSION:
        raise RuntimeError(
            f"portal_app/web/worker_respawn.py is written for Granian {GRANIAN_VERSION}, found "
            f"{version('granian')}: check whether a failed worker still stops the whole server"
        )
    AbstractServer.__init__ = _respawning(AbstractServer.__init__)
    AbstractServer._portal_respawn = True


def _respawning(init):
    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("respawn_failed_workers", True)
        init(self, *args, **kwargs)

    return __init__
